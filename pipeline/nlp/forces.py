"""Forces stage: every mention of a UK police force, resolved to its canonical name.

The gazetteer (``models/forces.json``) lists each force with its official name, aliases,
case-sensitive abbreviations ("GMP", "the Met") and the area names that stand for it in
context ("Herts", "North Yorkshire"). Full names and aliases are always force mentions. An
area name is one only where the text uses it for the force (``models/force_context.json``):
"the Cleveland force", "Kent's chief constable", "Durham's acting police and crime commissioner",
"the PCC for Kent", "on behalf of Sussex", "the North Yorkshire, Cleveland and Durham forces", and
the place of each person in a list after a plural title ("the three commissioners - Jane Kerr from
Surrey, Tim Bowles in Sussex and Sue Marsh in Kent"). "The people of North Yorkshire" is a place, not
a mention. Forces are final when this stage is done: no later stage adds a mention.

Results: ``doc.spans["forces"]``, each span labelled ``FORCE`` with ``kb_id_`` the canonical name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, registry

from pipeline.gazetteer import GAZETTEER_FILES, Gazetteer, words
from pipeline.nlp.component import Stage
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words, dump

COMPONENT = "forcewatch_forces"
SPAN_KEY = "forces"
LABEL = "FORCE"


class ForcesLexicon(Lexicon):
    """``models/forces.json``: every force with its names."""

    forces: list[ForceEntry]


class ForceEntry(Lexicon):
    name: str
    kind: str
    country: str
    areas: list[str] = []
    aliases: list[str] = []
    abbreviations: list[str] = []
    note: str | None = None


class ForceContextLexicon(Lexicon):
    """``models/force_context.json``: the cues that make an area name a force mention."""

    after: list[str]
    before_roles: list[str]
    before_prepositions: list[str]
    list_joiners: list[str]
    list_heads: list[str]
    list_openers: list[str]
    collaboration_verbs: list[str]
    not_before: list[str] = []
    role_modifiers: list[str]
    before_phrases: list[str]


ForcesLexicon.model_rebuild()


class ForceFinder(Stage):
    """Finds force mentions: phrase matches on names, then context rules for area names."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {
        "forces.json": ForcesLexicon, "force_context.json": ForceContextLexicon, WORDS_FILE: Words,
    }

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        self.gazetteer = Gazetteer.from_data(*(dump(lexicons[file]) for file in GAZETTEER_FILES))
        context = lexicons["force_context.json"]
        self.words = lexicons[WORDS_FILE]
        self.possessives = frozenset(self.words.possessives)
        self.role_modifiers = frozenset(context.role_modifiers)
        self.before_phrases = tuple(tuple(words(p)) for p in context.before_phrases)
        nlp = self.nlp
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for force in self.gazetteer.forces:
            self.names.add(force.name, [nlp.make_doc(n) for n in sorted(force.names())])
            if force.abbreviations:
                forms = {*force.abbreviations, *(f"The {a[4:]}" for a in force.abbreviations if a.startswith("the "))}
                self.abbreviations.add(force.name, [nlp.make_doc(a) for a in sorted(forms)])
            if force.areas:
                self.areas.add(force.name, [nlp.make_doc(a) for a in force.areas])

    def __call__(self, doc: Doc) -> Doc:
        vocab_strings = doc.vocab.strings
        strong = [
            self._trim_article(Span(doc, s, e, label=LABEL, kb_id=vocab_strings[m]))
            for matcher in (self.names, self.abbreviations)
            for m, s, e in matcher(doc)
        ]
        areas = [Span(doc, s, e, label="AREA", kb_id=vocab_strings[m]) for m, s, e in self.areas(doc)]
        blocked = self.gazetteer.context.not_before
        candidates = [s for s in strong + areas if s.end >= len(doc) or doc[s.end].lower_ not in blocked]
        kept = filter_spans(candidates)  # longest wins; a full name beats the area inside it
        mentions = [span for span in kept if span.label_ == LABEL]
        listed = person_list_places(doc, kept, self.gazetteer.context.list_heads, self.words)
        for group in self._lists(doc, kept):
            is_force = (
                any(s.label_ == LABEL for s in group)
                or self._cued_after(doc, group[-1])
                or self._cued_before(doc, group[0])
                or any(s.start in listed for s in group)
                or self._listed_after_forces(doc, group[0])
                or any(self._collaborates(s) for s in group)
                or self._is_heading(doc, group)
            )
            if is_force:
                mentions += [Span(doc, s.start, s.end, label=LABEL, kb_id=s.kb_id_) for s in group if s.label_ != LABEL]
        doc.spans[SPAN_KEY] = sorted(mentions, key=lambda s: s.start)
        return doc

    @staticmethod
    def _trim_article(span: Span) -> Span:
        """'the Met' is matched with its article for safety; the mention itself is 'Met'."""
        if len(span) > 1 and span[0].lower_ == "the":
            return Span(span.doc, span.start + 1, span.end, label=span.label, kb_id=span.kb_id)
        return span

    def _lists(self, doc: Doc, spans: list[Span]) -> list[list[Span]]:
        """Group candidate spans that form one list ("Herts, Beds and Cambs")."""
        groups: list[list[Span]] = []
        joiners = self.gazetteer.context.list_joiners
        for span in sorted(spans, key=lambda s: s.start):
            if groups:
                gap = doc[groups[-1][-1].end : span.start]
                if all(t.lower_ in joiners or t.lower_ == "the" for t in gap) and len(gap) <= 3:
                    groups[-1].append(span)
                    continue
            groups.append([span])
        return [g for g in groups if any(s.label_ != LABEL for s in g)]

    def _cued_after(self, doc: Doc, span: Span) -> bool:
        """'Kent's chief constable', 'Durham's acting police and crime commissioner'."""
        i = span.end
        if i < len(doc) and doc[i].lower_ in self.possessives:
            i += 1
        while i < len(doc) and doc[i].lower_ in self.role_modifiers:
            i += 1
        following = [t.lower_ for t in doc[i : i + 6]]
        return any(following[: len(cue)] == list(cue) for cue in self.gazetteer.context.after)

    def _cued_before(self, doc: Doc, span: Span) -> bool:
        ctx = self.gazetteer.context
        i = span.start - 1
        if i >= 0 and doc[i].lower_ == "the":
            i -= 1
        if i >= 1 and doc[i].lower_ in ctx.before_prepositions and doc[i - 1].lower_ in ctx.before_roles:
            return True  # 'the PCC for Kent'
        before = tuple(t.lower_ for t in doc[max(0, span.start - 6) : span.start])
        return any(before[len(before) - len(phrase) :] == phrase for phrase in self.before_phrases)  # 'on behalf of Sussex'

    def _listed_after_forces(self, doc: Doc, span: Span) -> bool:
        """'the four Welsh forces - Dyfed-Powys, Gwent, ...'."""
        ctx = self.gazetteer.context
        i = span.start - 1
        return i >= 1 and doc[i].text in ctx.list_openers and doc[i - 1].lower_ in ctx.list_heads

    def _collaborates(self, span: Span) -> bool:
        """The area (or the list it is in) is subject or object of a collaboration verb.

        'Kent and Essex will share ...', 'joining Leics and Northants', 'working with Suffolk'.
        """
        verbs = self.gazetteer.context.collaboration_verbs
        token = span.root
        while token.dep_ == "conj" and token.head is not token:
            token = token.head
        if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            return token.head.lemma_.lower() in verbs
        if token.dep_ == "pobj" and token.head.lower_ == "with":
            return token.head.head.lemma_.lower() in verbs
        return False

    def _is_heading(self, doc: Doc, group: list[Span]) -> bool:
        """A line that is nothing but area names: a section heading of a round-up ('Kent and Essex')."""
        start, end = group[0].start, group[-1].end
        before = doc[:start]
        after = doc[end:]
        line_start = not before.text.strip() or "\n" in before[-1].text or before[-1].is_space
        next_tokens = [t for t in after[:1]]
        line_end = not next_tokens or (next_tokens[0].is_space and "\n" in next_tokens[0].text)
        return line_start and line_end


def person_list_places(doc: Doc, spans: list[Span], heads: frozenset[str], vocabulary: Words) -> set[int]:
    """Start tokens of the places of people listed after a plural title: 'the three commissioners - Jane Kerr
    from Surrey, Tim Bowles in Sussex and Sue Marsh in Kent' (two people at least, each a run of two or more
    capitalised words; a place is one of ``spans`` after a place preposition)."""
    at = {s.start: s for s in spans}
    inside = {i for s in spans for i in range(s.start, s.end)}
    found: set[int] = set()
    for head in (t for t in doc if t.lower_ in heads):
        end = head.sent.end
        i = head.i + 1
        while i < end and doc[i].text in vocabulary.person_list_openers:
            i += 1
        people, places = 0, []
        while (j := _name_end(doc, i, end, inside)) - i >= 2:
            people += 1
            if j < end and doc[j].lower_ in vocabulary.person_place_prepositions:
                k = j + 1 + (j + 1 < end and doc[j + 1].lower_ == "the")
                if k in at:
                    places.append(k)
                    j = at[k].end
            while j < end and doc[j].text in vocabulary.person_list_joiners:
                j += 1
            i = j
        if people >= 2:
            found.update(places)
    return found


def _name_end(doc: Doc, i: int, end: int, taken: set[int]) -> int:
    """The end of the run of capitalised words at ``i`` ('Karen Hollis', 'Ben-Luke Harrington'), outside ``taken``."""

    def capitalised(k: int) -> bool:
        token = doc[k]
        return k not in taken and token.text[:1].isupper() and (token.is_alpha or token.is_title)

    j = i
    while j < end and capitalised(j):
        j += 1
        if j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and capitalised(j + 1):
            j += 1
    return j


def score_forces(examples: Iterable[Example], **_: Any) -> dict[str, Any]:
    """Span P/R/F of force mentions (offsets and canonical force) against the reference docs."""
    return Scorer.score_spans(
        examples, f"spans_{SPAN_KEY}", getter=lambda doc, _: [
            Span(doc, s.start, s.end, label=s.kb_id_) for s in doc.spans.get(SPAN_KEY, [])
        ],
    )


@registry.scorers("forcewatch.forces_scorer.v1")
def make_forces_scorer() -> Callable[..., dict[str, Any]]:
    return score_forces


@Language.factory(
    COMPONENT,
    assigns=["doc.spans"],
    requires=["token.dep", "token.lemma"],
    default_config={"models_path": None, "scorer": {"@scorers": "forcewatch.forces_scorer.v1"}},
    default_score_weights={f"spans_{SPAN_KEY}_f": 1.0, f"spans_{SPAN_KEY}_p": 0.0, f"spans_{SPAN_KEY}_r": 0.0},
)
def make_force_finder(nlp: Language, name: str, models_path: str | None, scorer: Callable | None) -> ForceFinder:
    """spaCy factory: the force finder built from the gazetteer in ``models/`` (or ``models_path``)."""
    finder = ForceFinder(nlp, name, models_path)
    finder.scorer = scorer
    return finder


def force_mentions(doc: Doc) -> list[Span]:
    """The force mentions the forces stage left on ``doc``."""
    return list(doc.spans.get(SPAN_KEY, []))

"""Forces stage: every mention of a UK police force, resolved to its canonical name.

The gazetteer (``models/forces.json``) lists each force with its official name, aliases,
case-sensitive abbreviations ("GMP", "the Met") and the area names that stand for it in
context ("Herts", "North Yorkshire"). Full names and aliases are always force mentions. An
area name is one only where the text uses it for the force (``models/force_context.json``;
the rules are pure functions in ``force_areas`` and ``force_groups``): "the Cleveland force",
"Kent's chief constable", "the PCC for Kent", "on behalf of Sussex", "the North Yorkshire,
Cleveland and Durham forces", the places of people listed after a plural title, "Kent and Essex
will share", "partnerships between Kent and Essex", "all five forces in the region: A, B, ...".
"The people of North Yorkshire" is a place, not a mention. A force the article names before the
force was formed (``established`` in the gazetteer) is no mention: "Scotland's police" in 2010
is not Police Scotland. Forces are final when this stage is done: no later stage adds a mention.

Results: ``doc.spans["forces"]``, each span labelled ``FORCE`` with ``kb_id_`` the canonical name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, ClassVar

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.scorer import Scorer
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import filter_spans, registry

from pipeline.gazetteer import GAZETTEER_FILES, Gazetteer
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import publication_date
from pipeline.nlp.force_areas import (
    AreaCues,
    candidate_lists,
    collaborates,
    cued_after,
    cued_before,
    is_heading,
    labelled_items,
    listed_after_forces,
    owns_a_person,
    person_list_places,
)
from pipeline.nlp.force_groups import (
    counted_group,
    examples_of_forces,
    formed_by,
    governed_by_collaboration,
    inside_longer_name,
    is_place,
    joins_by_verb_chain,
    named_by_copula,
    propagated,
)
from pipeline.nlp.force_subjects import called_a_force, fronted_for_a_post, speaks
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words, dump

COMPONENT = "forcewatch_forces"
SPAN_KEY = "forces"
LABEL = "FORCE"
AREA = "AREA"  # an area name, a force mention in context
LIST_AREA = "LIST_AREA"  # an area name that is a force mention only as an item of a list of forces ('Northern')


class ForcesLexicon(Lexicon):
    """``models/forces.json``: every force with its names."""

    forces: list[ForceEntry]


class ForceEntry(Lexicon):
    name: str
    kind: str
    country: str
    areas: list[str] = []
    list_areas: list[str] = []  # area names that stand for the force only in a list of forces
    aliases: list[str] = []
    abbreviations: list[str] = []
    established: date | None = None  # the day the force was formed, where it is recent enough to matter
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
    collaboration_nouns: list[str]
    collaboration_prepositions: list[str]
    coverage_verbs: list[str]
    joint_words: list[str]
    place_words: list[str]
    origin_words: list[str]
    counts: dict[str, int]
    not_before: list[str] = []
    role_modifiers: list[str]
    before_phrases: list[str]
    force_nouns: list[str]
    fronted_posts: list[str]


ForcesLexicon.model_rebuild()


class ForceFinder(Stage):
    """Finds force mentions: phrase matches on names, then context rules for area names."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {
        "forces.json": ForcesLexicon, "force_context.json": ForceContextLexicon, WORDS_FILE: Words,
    }

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        self.gazetteer = Gazetteer.from_data(*(dump(lexicons[file]) for file in GAZETTEER_FILES))
        self.cues = area_cues(lexicons["force_context.json"], lexicons[WORDS_FILE])  # type: ignore[arg-type]
        forces: ForcesLexicon = lexicons["forces.json"]  # type: ignore[assignment]
        self.established = {f.name: f.established for f in forces.forces if f.established}
        nlp = self.nlp
        self.names = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.list_areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for force in self.gazetteer.forces:
            self.names.add(force.name, [nlp.make_doc(n) for n in sorted(force.names())])
            if force.abbreviations:
                forms = {*force.abbreviations, *(f"The {a[4:]}" for a in force.abbreviations if a.startswith("the "))}
                self.abbreviations.add(force.name, [nlp.make_doc(a) for a in sorted(forms)])
            if force.areas:
                self.areas.add(force.name, [nlp.make_doc(a) for a in force.areas])
        for entry in forces.forces:
            if entry.list_areas:
                self.list_areas.add(entry.name, [nlp.make_doc(a) for a in entry.list_areas])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        strong = [
            self._trim_article(Span(doc, s, e, label=LABEL, kb_id=strings[m]))
            for matcher in (self.names, self.abbreviations)
            for m, s, e in matcher(doc)
        ]
        areas = [
            Span(doc, s, e, label=label, kb_id=strings[m])
            for matcher, label in ((self.areas, AREA), (self.list_areas, LIST_AREA))
            for m, s, e in matcher(doc)
        ]
        blocked = self.gazetteer.context.not_before
        candidates = [s for s in strong + areas if s.end >= len(doc) or doc[s.end].lower_ not in blocked]
        taken = {i for s in candidates for i in range(s.start, s.end)}
        candidates = [s for s in candidates if s.label_ == LABEL or not inside_longer_name(doc, s, taken)]
        kept = filter_spans(candidates)  # longest wins; a full name beats the area inside it
        mentions = [span for span in kept if span.label_ == LABEL]
        listed = person_list_places(doc, kept, self.cues.list_heads, self.cues)
        counted = {s.start for s in doc.sents if counted_group(s, self.cues)}
        pending = []
        groups = candidate_lists(doc, kept, self.cues)
        listed |= labelled_items(doc, groups)
        for group in groups:
            if self._is_force(doc, group, listed, counted):
                mentions += self._as_mentions(group)
            else:
                pending.append(group)
        mentions += self._as_mentions(propagated(pending, {m.kb_id_ for m in mentions}))
        published = publication_date(doc)
        mentions = [m for m in mentions if formed_by(m, self.established, published)]
        doc.spans[SPAN_KEY] = sorted(mentions, key=lambda s: s.start)
        return doc

    def _is_force(self, doc: Doc, group: list[Span], listed: set[int], counted: set[int]) -> bool:
        """Whether the list of candidates (names and areas) stands for forces."""
        cues = self.cues
        return (
            any(s.label_ == LABEL for s in group)
            or cued_after(doc, group[-1], cues)
            or owns_a_person(doc, group[-1], cues)
            or cued_before(doc, group[0], cues)
            or any(s.start in listed for s in group)
            or listed_after_forces(doc, group[0], cues)
            or any(collaborates(s, cues) for s in group)
            or examples_of_forces(group[0])
            or is_heading(doc, group)
            or any(governed_by_collaboration(s, cues) or joins_by_verb_chain(s, cues) or named_by_copula(s, cues)
                   for s in group)
            or (group[0].sent.start in counted and not is_place(group[0], cues))
            or (len(group) == 1 and (speaks(group[0], cues.speech_verbs) or called_a_force(group[0], cues.force_nouns)
                                     or fronted_for_a_post(group[0], cues.fronted_posts)))
        )

    @staticmethod
    def _as_mentions(group: list[Span]) -> list[Span]:
        """The areas of a list taken as force mentions; an area that counts only in a list ('Northern')
        needs two other items beside it."""
        items = [s for s in group if s.label_ != LABEL]
        if len(group) < 3:
            items = [s for s in items if s.label_ == AREA]
        return [Span(s.doc, s.start, s.end, label=LABEL, kb_id=s.kb_id_) for s in items]

    @staticmethod
    def _trim_article(span: Span) -> Span:
        """'the Met' is matched with its article for safety; the mention itself is 'Met'."""
        if len(span) > 1 and span[0].lower_ == "the":
            return Span(span.doc, span.start + 1, span.end, label=span.label, kb_id=span.kb_id)
        return span


def area_cues(context: ForceContextLexicon, vocabulary: Words) -> AreaCues:
    """The cue words of the area rules, from ``force_context.json`` and the shared ``words.json``."""
    return AreaCues(
        after=AreaCues.phrases(context.after),
        before_roles=frozenset(context.before_roles),
        before_prepositions=frozenset(context.before_prepositions),
        before_phrases=AreaCues.phrases(context.before_phrases),
        role_modifiers=frozenset(context.role_modifiers),
        possessives=frozenset(vocabulary.possessives),
        list_joiners=frozenset(context.list_joiners),
        list_heads=frozenset(context.list_heads),
        list_openers=frozenset(context.list_openers),
        collaboration_verbs=frozenset(context.collaboration_verbs),
        collaboration_prepositions=frozenset(context.collaboration_prepositions),
        collaboration_nouns=frozenset(context.collaboration_nouns),
        coverage_verbs=frozenset(context.coverage_verbs),
        joint_words=frozenset(context.joint_words),
        place_words=frozenset(context.place_words),
        origin_words=frozenset(context.origin_words),
        numbers={**vocabulary.number_words, **context.counts},
        person_list_openers=frozenset(vocabulary.person_list_openers),
        person_list_joiners=frozenset(vocabulary.person_list_joiners),
        person_place_prepositions=frozenset(vocabulary.person_place_prepositions),
        speech_verbs=frozenset(vocabulary.speech_verbs),
        force_nouns=frozenset(context.force_nouns),
        fronted_posts=frozenset(context.fronted_posts),
    )


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

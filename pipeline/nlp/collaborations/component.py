"""The collaborations component: runs the rule modules of this package over a doc and sets
``doc._.collaborations``. It reads the force mentions (``doc.spans["forces"]``) and the article context
(``doc._.ranked_forces``, ``doc._.headline_end``) and writes nothing else.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

import pipeline.nlp.context  # registers the article context attributes this stage reads
import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.nlp.collaborations.cues import LEXICON_FILE, CollaborationCues, CollaborationsFile
from pipeline.nlp.collaborations.members import after_with, collaboration_subject, cue_clauses, non_members
from pipeline.nlp.collaborations.mentions import (
    Group,
    Mention,
    article_mentions,
    country_forces,
    excluded_forces,
    list_groups,
    merger_successors,
)
from pipeline.nlp.collaborations.merge import collaboration_type, merge
from pipeline.nlp.collaborations.names import Name, find_names
from pipeline.nlp.collaborations.parts import bucket, definite, describes, list_items, split_sentence
from pipeline.nlp.collaborations.references import Reference, read_references, reference_patterns
from pipeline.nlp.collaborations.resolve import FORWARD_SENTENCES, ArticleForces, Part, describe, group_start
from pipeline.nlp.collaborations.split import pieces
from pipeline.nlp.collaborations.stage import merges_departments, part_signals
from pipeline.nlp.component import Stage
from pipeline.nlp.forces import ForcesLexicon, force_mentions
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words
from pipeline.nlp.matching import LemmaMatcher, lemma_pattern
from pipeline.nlp.sentences import content_sentences

COMPONENT = "forcewatch_collaborations"
MERGE_WORDS = ("merge", "merger", "amalgamate", "amalgamation", "fold")  # the type words of a merger
FORCES_FILE = "forces.json"


class CollaborationFinder(Stage):
    """Finds the collaborations of an article (see the package docstring)."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {
        LEXICON_FILE: CollaborationsFile, WORDS_FILE: Words, FORCES_FILE: ForcesLexicon,
    }

    def __init__(self, nlp: Language, name: str, models_path: str | None = None,
                 forward_sentences: int = FORWARD_SENTENCES) -> None:
        self.forward_sentences = forward_sentences
        super().__init__(nlp, name, models_path)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        nlp = self.nlp
        self.cues = cues = CollaborationCues.from_lexicons(lexicons[LEXICON_FILE], lexicons[WORDS_FILE])
        forces = lexicons[FORCES_FILE].forces
        self.successors = merger_successors(forces)
        named = set(cues.country_words.values())  # 'Wales', 'Scotland'
        self.countries = {c: f for c, f in country_forces(forces, self.successors).items() if c in named}
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for force in forces:
            if force.areas:
                self.areas.add(force.name, [nlp.make_doc(a) for a in force.areas])
        self.cue_matcher = LemmaMatcher(nlp.vocab)
        for cue in (*cues.cue_lemmas, *cues.cue_phrases):
            self.cue_matcher.add(cue, [lemma_pattern(nlp, cue)])
        self.cue_matcher.add("PATTERN", list(cues.cue_patterns))
        self.named = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.named.add("NAMED", [nlp.make_doc(p) for p in cues.named_phrases])
        self.alone = LemmaMatcher(nlp.vocab)
        self.alone.add("ALONE", [lemma_pattern(nlp, p) for p in cues.alone_phrases])
        self.stage_matcher = LemmaMatcher(nlp.vocab)
        for signal, phrases in cues.stage.cues.items():
            self.stage_matcher.add(signal, [lemma_pattern(nlp, p) for p in phrases])
        self.references = Matcher(nlp.vocab)
        for label, patterns, greedy in reference_patterns(cues):
            self.references.add(label, patterns, greedy=greedy)

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        mentions = article_mentions(force_mentions(doc), [(strings[m], s, e) for m, s, e in self.areas(doc)])
        if len({m.force for m in mentions}) < 2:
            doc._.collaborations = []
            return doc
        ranked = doc._.ranked_forces or []
        topic = ranked[0] if ranked else None
        article = ArticleForces(mentions, list_groups(doc, mentions, self.cues.list_joiners), topic, self.countries)
        parts = [part for sent in content_sentences(doc) for part in split_sentence(sent, self.cues.clause_breaks)]
        candidates = describe(self._parts(doc, parts, article), article, self.successors, self.forward_sentences)
        doc._.collaborations = merge(doc, candidates, self.cues.type_words)
        return doc

    def _parts(self, doc: Doc, spans: list[Span], article: ArticleForces) -> list[Part]:
        """The sentence parts with a cue, a name, or a name found elsewhere in the article, and what they hold."""
        strings, cues = doc.vocab.strings, self.cues
        forces_at = {i for m in article.mentions for i in range(m.start, m.end)}
        cue_roots = [
            (s, doc[s:e].root) for _, s, e in self.cue_matcher(doc)
            if describes(doc[s:e], forces_at, cues.join_verbs, cues.event_nouns, cues.owner_verbs, cues.aggregate_nouns)
        ]
        references = read_references(doc, [(strings[m], s, e) for m, s, e in self.references(doc)], cues)
        phrases = [(s, e) for _, s, e in self.named(doc)]
        context = PartContext(
            article.groups,
            [(strings[m], s, e) for m, s, e in self.stage_matcher(doc)],
            [(s, e) for _, s, e in self.alone(doc)],
        )
        body = body_start(doc)
        names = [find_names(span, phrases, forces_at, cues) if span.start >= body else () for span in spans]
        known = {n.text for found in names for n in found}
        starts = [span.start for span in spans]
        cues_in = bucket(starts, cue_roots)
        mentions_in = bucket(starts, [(m.start, m) for m in article.mentions])
        references_in = bucket(starts, [(r.start, r) for r in references])
        texts = [span.text if known else "" for span in spans]  # Span.text joins its tokens: once per part
        only = [forces_only(span, forces_at, cues.list_joiners) for span in spans]
        items = list_items(spans, [bool(c) for c in cues_in], only)  # '...: Cumbria with Lancashire; Cumbria, ...'
        return [
            part
            for i, span in enumerate(spans)
            if cues_in[i] or items[i] or names[i] or any(name in texts[i] for name in known)
            for part in self._part(span, names[i], mentions_in[i], cues_in[i], references_in[i], context)
        ]

    def _part(self, span: Span, names: tuple[Name, ...], mentions: list[Mention], cue_roots: list[Token],
              references: list[Reference], context: PartContext) -> list[Part]:
        """The part, or the parts it holds when it keeps several collaborations apart."""
        cues, doc = self.cues, span.doc
        inside = context.groups[  # the lists of forces that start in the part, by bisection
            bisect_left(context.groups, span.start, key=group_start) : bisect_left(context.groups, span.end, key=group_start)
        ]
        excluded = excluded_forces(doc, span, inside, cues.except_phrases)  # 'all except Lincolnshire'
        outside = non_members(span, mentions, cue_roots, context.alone, cues.speech_verbs, cues.people)  # 'more than Kent has'
        kept = [m for m in mentions if m.force not in excluded and m.start not in outside]
        kind = collaboration_type(names, (t.lemma_ for t in span), cues.type_words)
        merger = kind == "merger" and not merges_departments(span, MERGE_WORDS, cues.function_nouns)
        signals = part_signals(span, context.stage_cues, cues.stage, merger=merger)

        at = {m.start for m in kept}
        groups = [tuple(m for m in g if m.start in at) for g in inside]
        named_at = [doc.char_span(n.start_char, n.end_char, alignment_mode="expand") for n in names]
        clauses = cue_clauses(span, kept, [*cue_roots, *(n.root for n in named_at if n is not None)])
        forces_at = {i for m in mentions for i in range(m.start, m.end)}
        subject = collaboration_subject(span, cues.name_nouns, cues.definite_determiners)  # 'the programme'
        the = any(definite(t, cues.definite_determiners, forces_at, cues.name_nouns) for t in cue_roots)  # the memorandum
        return [
            Part(p.where, tuple(dict.fromkeys(m.force for m in p.members)), p.references, excluded, p.names, kind,
                 signals, after_with(p.where, p.members), the, subject)
            for p in pieces(span, names, kept, references, cue_roots, groups, cues.group_openers, clauses)
        ]


@dataclass(frozen=True)
class PartContext:
    """What the rules read about the whole doc when they look at one sentence part."""

    groups: tuple[Group, ...]  # the lists of force mentions
    stage_cues: list[tuple[str, int, int]]  # stage signal, start, end
    alone: list[tuple[int, int]]  # 'stand alone', 'stay as it is': start, end


def forces_only(span: Span, forces_at: set[int], joiners: frozenset[str]) -> bool:
    """A part that names two or more forces and nothing else ('Surrey and Sussex', 'Humberside, North
    Yorkshire, South Yorkshire and West Yorkshire'), or nothing else before a colon ('Cleveland and Durham: a
    joint firearms unit'): a line of a list."""
    colon = next((t.i for t in span if t.text == ":"), span.end)
    label = span.doc[span.start : colon]
    named = [t for t in label if t.i in forces_at]
    others = [t for t in label if t.i not in forces_at and not (t.is_space or t.is_punct or t.lower_ in joiners)]
    return not others and len(named) >= 2


def body_start(doc: Doc) -> int:
    """The first token after the headline (``doc._.headline_end``, a character offset); 0 without one."""
    end_char = doc._.headline_end
    headline = doc.char_span(0, end_char, alignment_mode="expand") if end_char else None
    return headline.end if headline is not None else 0


@Language.factory(
    COMPONENT,
    assigns=["doc._.collaborations"],
    # token.pos comes from the tagger's token.tag (the attribute ruler maps it, and declares nothing)
    requires=["doc.spans", "doc._.ranked_forces", "doc._.headline_end", "doc.sents", "token.dep", "token.lemma",
              "token.tag"],
    default_config={
        "models_path": None,
        "forward_sentences": FORWARD_SENTENCES,
        "scorer": {"@scorers": "forcewatch.facts_scorer.v1", "attr": "collaborations", "fields": ["forces"]},
    },
    default_score_weights={"collaborations_f": 1.0, "collaborations_p": 0.0, "collaborations_r": 0.0},
)
def make_collaboration_finder(
    nlp: Language, name: str, models_path: str | None, forward_sentences: int, scorer: Callable | None
) -> CollaborationFinder:
    """spaCy factory: the collaboration finder built from ``models/collaborations.json``, the shared words of
    ``models/words.json`` and the force areas and notes of ``models/forces.json``."""
    finder = CollaborationFinder(nlp, name, models_path, forward_sentences)
    finder.scorer = scorer
    return finder

"""References to forces named elsewhere: 'the two forces', 'both forces', 'its three neighbours', 'the
forces', 'the force' (or 'the constabulary'), 'four of them', 'merge them', 'one force for Wales'. Found by token patterns built
from the lexicon; what they stand for is resolved in ``resolve``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from pipeline.nlp.collaborations.cues import CollaborationCues

# Matcher labels: a counted reference, 'the (...) forces', 'N of them', 'the force', 'merge them', a country
COUNT, FORCES, SUBSET, FORCE, THEM, COUNTRY = "COUNT", "FORCES", "SUBSET", "FORCE", "THEM", "COUNTRY"


@dataclass(frozen=True)
class Reference:
    """'the two forces' (count 2), 'the forces' (count None), 'the force' (singular)."""

    start: int
    end: int
    count: int | None
    singular: bool = False
    neighbours: bool = False  # 'its two neighbours': forces other than the ones named with it
    after_with: bool = False  # 'shared with those three forces': the article's own force is the other side
    subset: bool = False  # 'four of them': that many of the forces named before
    pronoun: bool = False  # 'its plan to merge them with Essex': the latest forces named or described before
    country: str | None = None  # 'one force for Wales', 'the four Welsh forces': the forces of that country


def reference_patterns(cues: CollaborationCues) -> list[tuple[str, list[list[dict]], str | None]]:
    """(label, token patterns, greedy) for a spaCy Matcher, in the order they are added."""
    number = {"LOWER": {"IN": sorted(cues.numbers)}}
    digits = {"IS_DIGIT": True}
    between = {"POS": {"IN": ["ADJ", "PROPN", "NOUN", "VERB"]}, "IS_PUNCT": False, "OP": "{0,3}"}
    out: list[tuple[str, list[list[dict]], str | None]] = []
    for noun in cues.reference_nouns:
        words = [{"LOWER": w} for w in noun.split()]
        out.append((COUNT, [[number, between, *words], [digits, between, *words]], "LONGEST"))
    out.append((COUNT, [[number, {"LOWER": "-"}, {"LOWER": "force"}]], "LONGEST"))  # 'a four-force alliance'
    out.append((FORCES, [[{"LOWER": "the"}, between, {"LOWER": "forces"}]], "LONGEST"))
    pronoun = {"LOWER": {"IN": sorted(cues.subset_pronouns)}}
    out.append((SUBSET, [[number, {"LOWER": "of"}, pronoun], [digits, {"LOWER": "of"}, pronoun]], None))
    out.append((FORCE, [[{"LOWER": "the"}, {"LOWER": {"IN": ["force", "constabulary"]}}]], None))  # 'the constabulary'
    out.append((THEM, [[{"LOWER": "them", "DEP": "dobj"}]], None))
    country = {"LOWER": {"IN": sorted(cues.country_words)}}
    single = {"LOWER": {"IN": ["single", "one", "national", "all"]}}
    police = {"LOWER": "police", "OP": "?"}
    out.append((COUNTRY, [
        [country, {"LOWER": {"IN": ["'s", "’s"]}}, police, {"LOWER": "forces"}],  # "merging Scotland's police forces"
        [single, {"LOWER": "-", "OP": "?"}, country, police, {"LOWER": "force"}],  # 'a single Welsh force'
        [single, police, {"LOWER": "force"}, {"LOWER": {"IN": ["for", "covering"]}},  # 'one force for all of Wales'
         {"LOWER": {"IN": ["all", "the"]}, "OP": "?"}, {"LOWER": {"IN": ["of", "whole"]}, "OP": "?"},
         {"LOWER": "of", "OP": "?"}, country],
    ], "LONGEST"))
    return out


def count_of(word: str, numbers: dict[str, int]) -> int | None:
    """The number a word stands for: a number word of ``numbers`` ('both', 'three') or digits."""
    return numbers.get(word) or (int(word) if word.isdigit() else None)


def after_with(span: Span) -> bool:
    """The reference is the object of 'with' ('shared with those three forces')."""
    head = span.root
    return head.dep_ == "pobj" and head.head.lower_ == "with"


def read_reference(
    span: Span, label: str, numbers: dict[str, int], neighbour_nouns: frozenset[str], cue_verbs: frozenset[str] = frozenset(),
    countries: dict[str, str] | None = None,
) -> Reference | None:
    """The reference a pattern match stands for, or None: 'the force control room' is no reference, nor a
    count below two, nor 'them' as the object of a verb that is no cue (``cue_verbs``: 'told them')."""
    doc, start, end = span.doc, span.start, span.end
    countries = countries or {}
    if label == FORCE:
        if end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}:  # 'the force control room'
            return None
        return Reference(start, end, 1, singular=True)
    if label == FORCES:
        return Reference(start, end, None, after_with=after_with(span))
    if label in {COUNTRY, COUNT} and part_of_whole(span, numbers):
        return None  # 'three of Wales's four police forces': the forces named say which three
    if label == COUNTRY:
        return Reference(start, end, None, country=next(countries[t.lower_] for t in span if t.lower_ in countries))
    if label == THEM:  # only the object of a collaboration verb: 'merge them', 'bring them together'
        verb = span.root.head
        return Reference(start, end, None, pronoun=True) if verb.lemma_.lower() in cue_verbs else None
    count = count_of(span[0].lower_, numbers)
    if not count or count < 2:
        return None
    if label == SUBSET:
        return Reference(start, end, count, subset=True)
    neighbours = span[-1].lower_ in neighbour_nouns
    country = next((countries[t.lower_] for t in span if t.lower_ in countries), None)  # 'the four Welsh forces'
    return Reference(start, end, count, neighbours=neighbours, after_with=after_with(span), country=country)


def part_of_whole(span: Span, numbers: dict[str, int]) -> bool:
    """The reference is the whole a count is taken from: 'three of Wales's four police forces', 'two of the five
    forces'."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 4) : span.start]]
    return any(
        count_of(word, numbers) and i + 1 < len(before) and before[i + 1] == "of" for i, word in enumerate(before)
    )


def read_references(doc: Doc, matches: Iterable[tuple[str, int, int]], cues: CollaborationCues) -> tuple[Reference, ...]:
    """The references of the pattern ``matches`` (label, start, end), in text order."""
    verbs = frozenset(cues.cue_lemmas)
    found = (
        read_reference(doc[start:end], label, cues.numbers, cues.neighbour_nouns, verbs, cues.country_words)
        for label, start, end in matches
    )
    return tuple(sorted((r for r in found if r is not None), key=lambda r: r.start))

"""Whether a figure is policing money at all: not a crime's takings, not a road-safety fine; and whether a number
whose "£" was lost ("a saving of 153 million", "save 12.5m") is pounds. Pure functions of a parsed sentence and the
words of ``models/money.json`` (``crime_value``).

- ``is_crime_value``: a figure with no cue but a crime near it ("a stolen car worth £38,000", "the fraudster took
  £90,000", "£200 in cash") is not policing finances, unless a fine, salary or precept is near, or a force pays it;
  nor is any figure of no stronger kind in a sentence about road safety ("£3.9m in speed camera fines").
- ``is_pounds_without_symbol``: a bare "153 million" is pounds when a money cue governs it closely, no noun counts
  it ("12.5m calls") and its sentence, or the one before, is about a force's finances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_claims import Phrase, matches_any
from pipeline.nlp.money_kind import Reading, tree_distances
from pipeline.nlp.money_lexicon import MoneyLexicon


@dataclass(frozen=True)
class ScopeCues:
    """The words of ``crime_value`` as the rules read them."""

    crime_words: tuple[Phrase, ...]
    road_safety: re.Pattern  # anywhere in the sentence: a road-safety figure, fines included
    policing_other: tuple[Phrase, ...]  # a fine, salary or precept: policing money even near a crime
    police_subjects: frozenset[str]
    payment_verbs: frozenset[str]
    max_distance: int
    text_window: int

    @classmethod
    def from_lexicon(cls, lexicon: MoneyLexicon) -> ScopeCues:
        crime = lexicon.crime_value
        other = dict.fromkeys(w for w in [*lexicon.kinds["other"], *lexicon.other_overrides] if w not in crime.neutral_cues)
        return cls(
            crime_words=tuple(tuple(w.split()) for w in crime.words),
            road_safety=re.compile(rf"\b(?:{alternation(crime.road_safety)})\b", re.I),
            policing_other=tuple(tuple(w.split()) for w in other),
            police_subjects=frozenset(crime.police_subjects),
            payment_verbs=frozenset(crime.payment_verbs),
            max_distance=lexicon.max_cue_distance,
            text_window=lexicon.max_cue_tokens,
        )


def is_crime_value(span: Span, figure_tokens: set[int], cues: ScopeCues) -> bool:
    """A figure that only a crime gives a sense to: stolen goods, a fraud's takings, drugs seized, cash found on a
    suspect, with no fine, salary or precept in sight, and no force or police as the one who pays it ('the force
    paid £2m to victims of the fraud'); or any figure of no stronger kind in a sentence about road safety (speed
    camera fines)."""
    sent = span.sent
    near = set(tree_distances(span, cues.max_distance))
    near |= set(range(max(sent.start, span.start - cues.text_window), min(sent.end, span.end + cues.text_window)))
    tokens = [span.doc[i] for i in sorted(near) if i not in figure_tokens]
    if cues.road_safety.search(sent.text):
        return True  # 'drivers paid £3.9m in speed camera fines'
    if not any(matches_any(t, cues.crime_words) for t in tokens):
        return False
    if any(matches_any(t, cues.policing_other) for t in tokens):
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in cues.payment_verbs:
        return True
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return not any(w.lemma_.lower() in cues.police_subjects or w.ent_type_ == "ORG" for c in subjects for w in c.subtree)


def is_pounds_without_symbol(span: Span, reading: Reading, force_tokens: set[int], cues: ScopeCues) -> bool:
    """A number written without its '£' ('a saving of 153 million', 'must save 12.5m') is pounds when a money cue
    other than a fine or salary governs it within two arcs, no noun after it counts something else ('12.5m calls')
    and its sentence, or the one before, names a force or the police (``force_tokens``: the tokens of the force
    mentions)."""
    if not reading.strong or reading.kind == "other" or reading.distance > 2:
        return False
    sent = span.sent
    if span.end < sent.end and span.doc[span.end].pos_ in {"NOUN", "PROPN"}:
        return False
    context = [sent] + ([span.doc[sent.start - 1].sent] if sent.start else [])  # 'Kent Police faces cuts. Its budget ...'
    return any(t.i in force_tokens or t.lemma_.lower() in cues.police_subjects for s in context for t in s)


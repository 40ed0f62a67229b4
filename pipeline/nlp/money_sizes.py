"""What a money figure is the size of, read from the grammar around it before any cue word near it counts. Pure
functions of a parsed sentence and the words of ``models/money.json`` (``sizes``; ``readings`` for grants and
government words).

- ``estimate_kind``: a figure after "at" under a verb of estimating or setting is the size of the verb's object, or
  of its passive subject ("put the budget gap at about £4m", "savings are put at £1.9m"): the kind of that thing,
  when it has one; a cue elsewhere in the sentence ("put in 2012-13", "after the cut") is about something else.
- ``grant_level_kind``: a figure that government funding or a grant "is" (or is "at") is the grant's level or its
  change ("government funding will be £124m higher than last year, at around £9.61bn"): ``other``, a cut
  (``budget_reduction``) when it is lower.
- ``fall_kind``: a figure that a fall in a budget "is" ("the fall in the police budget this year is going to be
  £73m") is a ``budget_reduction``, though the budget word is nearer to other cues than the fall.
- ``after_kind``: a phrase just after the figure: "£10m short", the money a force will lack, is a ``funding_gap``;
  "£8m worse off" a ``budget_reduction``.
- ``outstanding_kind``: a saving "still" or "yet" to find ("still needs to find £4m") is a ``funding_gap``.
- ``ellipsis_kind``: "£6.7m less to spend in 2011-12 and a further £8.3m less the following year": a figure
  followed by "less" alone repeats the "less to spend" of the sentence: a ``budget_reduction``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_lexicon import ReadingWords, SizeWords
from pipeline.nlp.money_readings import KindOf, ReadingCues, governing_verb, lemma, subject_of, thing_kind

THING_MODIFIERS = {"compound", "amod", "nmod"}


@dataclass(frozen=True)
class SizeCues:
    """The words of ``sizes`` (and of ``readings``) as the rules read them."""

    estimate_verbs: frozenset[str]  # 'put', 'estimate', 'value', 'set'
    funding_words: frozenset[str]  # 'funding', 'money': a grant when government words are with them
    grant_words: frozenset[str]
    government: tuple[tuple[str, ...], ...]
    lower_after: frozenset[str]  # 'lower', 'less': a fall in the grant
    after_kinds: dict[str, str]  # '£10m short': a gap; '£8m worse off': a cut
    outstanding: frozenset[str]  # 'still', 'yet': a saving still to find is a gap
    after: re.Pattern
    less_after: frozenset[str]  # what is less: 'less to spend'
    fall_nouns: frozenset[str] = frozenset()  # 'the fall in the budget is £73m': a cut
    rise_verbs: frozenset[str] = frozenset()  # 'the budget will grow by £13.5m': an increase
    rising_things: frozenset[str] = frozenset()  # what grows: 'budget', 'funding', 'requirement'

    @classmethod
    def from_lexicon(cls, sizes: SizeWords, readings: ReadingWords) -> SizeCues:
        return cls(
            estimate_verbs=frozenset(sizes.estimate_verbs),
            funding_words=frozenset(sizes.funding_words),
            grant_words=frozenset(readings.grant_words),
            government=tuple(tuple(w.lower().split()) for w in readings.government),
            lower_after=frozenset(sizes.lower_after),
            after_kinds={k.lower(): v for k, v in sizes.after_kinds.items()},
            outstanding=frozenset(sizes.outstanding),
            after=re.compile(rf"^\s*({alternation(list(sizes.after_kinds))})\b(?![-\s]term)", re.I),
            less_after=frozenset(readings.less_after),
            fall_nouns=frozenset(sizes.fall_nouns),
            rise_verbs=frozenset(sizes.rise_verbs),
            rising_things=frozenset(sizes.rising_things),
        )


def estimate_kind(span: Span, cues: SizeCues, readings: ReadingCues, kind_of: KindOf) -> str | None:
    """The kind of what an estimating verb sizes ('put the budget gap at about £4m'), if that thing has a kind."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "at":
        return None
    verb = root.head.head
    if verb.pos_ not in {"VERB", "AUX"} or lemma(verb) not in cues.estimate_verbs:
        return None
    things = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} and not span.start <= c.i < span.end]
    return next((k for k in (sized_kind(t, readings, kind_of) for t in things) if k), None)


def sized_kind(thing: Token, readings: ReadingCues, kind_of: KindOf) -> str | None:
    """The kind of a thing whose size a figure is, only where the thing or a modifier of it has one ('the budget gap',
    'initial savings', 'the grant'); ``None`` for a thing of no kind ('the figure', 'the price')."""
    words = [thing, *(c for c in thing.children if c.dep_ in THING_MODIFIERS)]
    if not any(kind_of(w) for w in words) and not any(lemma(w) in readings.grant_words for w in words):
        return None
    return thing_kind(thing, readings, kind_of)


def grant_level_kind(span: Span, cues: SizeCues) -> str | None:
    """``other`` for a figure that government funding or a grant is ('government funding will be £124m higher ...,
    at around £9.61bn'), ``budget_reduction`` when the figure is how much lower it is."""
    verb = governing_verb(span.root)
    if verb is None or lemma(verb) != "be":
        return None
    subject = subject_of(verb)
    if subject is None or span.start <= subject.i < span.end or not is_grant(subject, cues):
        return None
    after = [t for t in span.sent if t.i >= span.end][:2]
    return "budget_reduction" if any(lemma(t) in cues.lower_after or t.lower_ in cues.lower_after for t in after) else "other"


def fall_kind(span: Span, cues: SizeCues, readings: ReadingCues, kind_of: KindOf) -> str | None:
    """``budget_reduction`` for the complement of 'be' whose subject is one of ``fall_nouns`` of a budget or grant
    ('the fall in the police budget is going to be £73m', 'the cut to the grant will be £5m')."""
    verb = governing_verb(span.root)
    if verb is None or lemma(verb) != "be" or span.root.head.i != verb.i:
        return None
    subject = subject_of(verb)
    if subject is None or span.start <= subject.i < span.end or lemma(subject) not in cues.fall_nouns:
        return None
    words = [t for t in subject.subtree if t.i != subject.i]
    if any(kind_of(t) == "budget" or lemma(t) in readings.grant_words for t in words):
        return "budget_reduction"
    return None


def rise_kind(span: Span, cues: SizeCues) -> str | None:
    """``other`` for how much a budget or funding grows ('the budget would grow by £13.5m', 'the net budget
    requirement is expected to rise by nearly £6m'): an increase, not the budget, nor money spent."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ != "by":
        return None
    verb = root.head.head
    if lemma(verb) not in cues.rise_verbs:
        return None
    subject = subject_of(verb)
    if subject is None or span.start <= subject.i < span.end:
        return None
    return "other" if any(lemma(t) in cues.rising_things for t in subject.subtree) else None


def is_grant(thing: Token, cues: SizeCues) -> bool:
    """A grant ('the police grant', 'the settlement'), or funding that the government gives ('government funding for
    the police', 'Home Office funding')."""
    if lemma(thing) in cues.grant_words:  # the grant itself, not a thing of it ('the grant cut is £5m': a cut)
        return True
    if lemma(thing) not in cues.funding_words:
        return False
    names = [t.lower_ for t in thing.subtree]
    return any(tuple(names[i : i + len(p)]) == p for p in cues.government for i in range(len(names)))


def after_kind(span: Span, cues: SizeCues) -> str | None:
    """The kind of a phrase just after the figure ('expects to be £10m short': a gap; '£8m worse off': a cut), not when
    it qualifies a noun ('a £10m short-term loan')."""
    m = cues.after.match(span.sent.text[span.end_char - span.sent.start_char :])
    return cues.after_kinds[m.group(1).lower()] if m else None


def outstanding_kind(verb: Token, kind: str, cues: SizeCues) -> str:
    """A saving a weak verb gives ('find') is a ``funding_gap`` when it is still to be made ('still needs to find £4m',
    'has yet to find £4m'): 'still' or 'yet' on the verb or on the verbs above it."""
    chain = [verb, *[a for a in verb.ancestors if a.pos_ in {"VERB", "AUX"}][:2]]
    if kind == "savings" and any(c.dep_ == "advmod" and c.lower_ in cues.outstanding for t in chain for c in t.children):
        return "funding_gap"
    return kind


def ellipsis_kind(span: Span, cues: SizeCues) -> str | None:
    """``budget_reduction`` for a figure followed by a bare 'less' in a sentence that said 'less to spend' (or 'less
    funding') before it: the same frame, said again without its verb."""
    after = [t for t in span.sent if t.i >= span.end][:1]
    if not after or after[0].lower_ != "less":
        return None
    before = [t for t in span.sent if t.i < span.start]
    said = [i for i, t in enumerate(before) if t.lower_ == "less"]
    if any(lemma(t) in cues.less_after or t.lower_ in cues.less_after for i in said for t in before[i + 1 : i + 4]):
        return "budget_reduction"
    return None

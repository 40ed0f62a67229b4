"""How figures of a sentence lean on each other: a share of the figure before ('£360,000 of that', 'Of that, £6.8m ...')
or a part of another ('£11.5m of the £13.5m the force has to save'),
a total of the figures before it ('a total of more than £8m') or a gapped conjunct that repeats its frame without the
verb ('must reduce its budget by £22.9m over four years, and West Mercia by £34m') is, when nothing near it says what
it is, what the figure before it is; a period phrase belongs to the figure its verb governs, not to one inside another
noun's phrase ('saved £50m from a budget of £300m over the past four years'). Pure functions of the parsed sentence
and the words of ``models/money.json`` (``links``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Span, Token

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_lexicon import LinkWords
from pipeline.nlp.periods import Period


@dataclass(frozen=True)
class LinkCues:
    """The words of ``links``, compiled: 'of that' after a figure or 'Of that,' opening its sentence."""

    share_after: re.Pattern
    share_opening: re.Pattern
    total_before: re.Pattern  # 'a total of (more than) £8m': the sum of the figures before it
    total_after: re.Pattern  # '£8m in total'
    conjunctions: frozenset[str]
    part_kinds: frozenset[str]  # a part of a saving is a saving; a part of a budget is whatever its own cue says
    inclusions: frozenset[str]  # 'including £3.8m': a part of the figure before
    breakdown_kinds: frozenset[str]
    breakdown: re.Pattern  # 'the demand is made up of £3.4m ... and £300,000 ...': parts of the figure before
    rate_units: dict[str, Decimal]  # 'a month': 12 to a year
    units_tolerance: Decimal
    skip: frozenset[str]  # hedges and the like between a preposition and its figure ('for about £170,000')

    @classmethod
    def from_lexicon(cls, links: LinkWords, hedge_words: list[str]) -> LinkCues:
        anaphors, hedges = alternation(links.anaphors), alternation([*hedge_words, "more than", "over"])
        return cls(
            share_after=re.compile(rf"^\s*of\s+(?:{anaphors})\b", re.I),
            share_opening=re.compile(rf"^\s*of\s+(?:{anaphors})\s*,", re.I),
            total_before=re.compile(rf"\b(?:(?:a|the)\s+(?:combined\s+)?total\s+of|totall?ing)\s+(?:(?:{hedges})\s+)*$", re.I),
            total_after=re.compile(r"^\s*(?:in\s+total|in\s+all|altogether)\b", re.I),
            conjunctions=frozenset(links.conjunctions),
            part_kinds=frozenset(links.part_kinds),
            inclusions=frozenset(links.inclusions),
            breakdown_kinds=frozenset(links.breakdown_kinds),
            breakdown=re.compile(
                rf"\b(?:{alternation(links.breakdowns)}|br(?:eaks?|oke|oken|eaking)(?:\s+\S+){{0,3}}?\s+down\s+into)\b", re.I
            ),
            rate_units={k: Decimal(v) for k, v in links.rate_units.items()},
            units_tolerance=Decimal(str(links.units_tolerance)),
            skip=frozenset(h.lower() for h in hedge_words if " " not in h) | {"£", "a", "an", "further", "just", "only"},
        )


def is_share(span: Span, cues: LinkCues) -> bool:
    """'£360,000 of that', or a sentence that opens 'Of that, ...' with the figure in its first clause."""
    sent = span.sent
    text = sent.text  # the sentence's text, not the article's (Doc.text joins every token: quadratic per figure)
    if cues.share_after.match(text[span.end_char - sent.start_char :]):
        return True
    return bool(cues.share_opening.match(text)) and "," not in text[: span.start_char - sent.start_char].split(",", 1)[1]


def whole_of(span: Span, spans: list[Span]) -> int | None:
    """The index among ``spans`` of the figure this one is a part of, the object of its 'of' or the figure of that
    object ('£11.5m of the £13.5m the force has to save', '£2m of its £10m savings'), whose kind it has."""
    after = span.doc[span.end : span.end + 1]  # the parse may hang 'of' on the verb ('make up £2m of its £10m savings')
    ofs = [c for c in (*span.root.children, *after) if c.dep_ == "prep" and c.lower_ == "of"]
    wholes = [p for c in ofs for p in c.children if p.dep_ == "pobj"]
    if not wholes:
        return None  # most figures: no 'of' after them (a long list of figures stays linear)
    return next((j for j, other in enumerate(spans) if other != span for p in wholes
                 if other.start <= p.i < other.end or other.root.head == p), None)


def breakdown_start(span: Span, cues: LinkCues) -> int | None:
    """Where the phrase that breaks a figure into parts starts (a character offset of the article), when the
    figure is one of the parts: 'the demand is made up of £3.4m from day-to-day spending and £300,000 from
    capital', 'breaks the figure down into £5m for ... and £22.6m for ...'; the words after each part say where
    it comes from or goes, not what kind of money the whole is."""
    sent = span.sent
    starts = [m.start() for m in cues.breakdown.finditer(sent.text[: span.start_char - sent.start_char])]
    return sent.start_char + starts[-1] if starts else None


def is_total(span: Span, cues: LinkCues) -> bool:
    """'a total of more than £8m', 'totalling £8m', '£8m in total': the sum of the figures before it, of their kind."""
    sent = span.sent
    words = sent.text  # the sentence's text, not Doc.text: linear per figure
    return bool(cues.total_before.search(words[: span.start_char - sent.start_char])
                or cues.total_after.match(words[span.end_char - sent.start_char :]))


def is_gapped(previous: Span, span: Span, cues: LinkCues) -> bool:
    """The figure repeats the frame of the previous figure of its sentence without a verb: the same word before
    both ('by £22.9m ..., and West Mercia by £34m'), a conjunction between them and no verb after it."""
    if previous.sent != span.sent:
        return False
    before, before_previous = frame_word(span, cues), frame_word(previous, cues)
    if before is None or before_previous is None or before.lower_ != before_previous.lower_:
        return False
    between = list(span.doc[previous.end : span.start])
    joins = [i for i, t in enumerate(between) if t.lower_ in cues.conjunctions]
    return bool(joins) and not any(t.pos_ in {"VERB", "AUX"} for t in between[joins[-1] :])


def frame_word(span: Span, cues: LinkCues) -> Token | None:
    """The word before the figure, past hedges ('for about £170,000' -> 'for')."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].lower_ in cues.skip:
        i -= 1
    return span.doc[i] if i >= span.sent.start else None


def periods_to_their_verbs(spans: list[Span], periods: list[Period | None]) -> list[Period | None]:
    """The periods of a sentence's figures, a period moved from a figure inside another noun's phrase to the figure
    before it when that one has none and the period's verb governs it directly ('saved £50m from a budget of £300m
    over the past four years': the four years are the saving's)."""
    out = list(periods)
    for i in range(1, len(spans)):
        period = out[i]
        if period is None or out[i - 1] is not None:
            continue
        phrase = spans[i].doc.char_span(period.start, period.end, alignment_mode="expand")
        verb = phrase_verb(phrase) if phrase is not None else None
        if verb is None or spans[i].root in phrase.root.ancestors:
            continue  # no verb, or the figure's own words ("this year's £170m")
        if governed_directly(spans[i - 1], verb) and not governed_directly(spans[i], verb):
            out[i - 1], out[i] = period, None
    return out


def phrase_verb(phrase: Span) -> Token | None:
    """The verb a period phrase hangs on: the first verb above its words ('during the 2011-12 financial year')."""
    head = phrase[0].head
    if head.pos_ in {"VERB", "AUX"}:
        return head
    return next((t for t in phrase.root.ancestors if t.pos_ in {"VERB", "AUX"} and not phrase.start <= t.i < phrase.end), None)


def governed_directly(span: Span, verb: Token) -> bool:
    """The figure hangs on the verb, or on the verb it completes ('£37m has to come out ...'), with no other noun
    between them ('saved £50m', 'cut by £2m'), not inside another noun's phrase ('from a budget of £300m')."""
    verbs = {verb.i}
    while verb.dep_ == "xcomp" and verb.head.i != verb.i:
        verb = verb.head
        verbs.add(verb.i)
    tok = span.root
    while tok.i not in verbs:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i not in verbs and tok.pos_ in {"NOUN", "PROPN"}:
            return False
    return True


def periods_over_lists(spans: list[Span], periods: list[Period | None]) -> list[Period | None]:
    """A period after the last figure of a list of figures is every listed figure's ('Kent must save £5m, Essex £3m
    and Suffolk £2m over four years'): the figures before it with none of their own, joined to it by commas or
    'and' and names, with no verb or other noun between them."""
    out = list(periods)
    for i in range(len(spans) - 1, 0, -1):
        period = out[i]
        if period is None or period.start < spans[i].end_char:
            continue
        j = i - 1
        while j >= 0 and out[j] is None and in_a_list(spans[j], spans[j + 1]):
            out[j] = period
            j -= 1
    return out


def periods_of_parts(spans: list[Span], periods: list[Period | None], cues: LinkCues) -> list[Period | None]:
    """A figure the one before it includes ('a £20m fund in 2013-14, including £3.8m for six forces') is stated for
    that figure's period when it has none of its own."""
    out = list(periods)
    for i in range(1, len(spans)):
        before = frame_word(spans[i], cues)
        if out[i] is None and before is not None and before.lower_ in cues.inclusions:
            out[i] = out[i - 1]
    return out


def in_other_units(
    previous: Decimal, previous_period: Period | None, value: Decimal, period: Period | None, cues: LinkCues
) -> bool:
    """The figure restates the one before it at another rate ('£15 a year ..., or £1.25 a month', '£10 a year, about
    19p a week'): the same sum per year, within ``cues.units_tolerance``."""
    if previous_period is None or period is None or previous_period.label == period.label:
        return False
    per_year = [cues.rate_units.get(p.label) for p in (previous_period, period)]
    if None in per_year or not previous or not value:
        return False
    yearly = previous * per_year[0], value * per_year[1]
    return abs(yearly[0] - yearly[1]) <= cues.units_tolerance * max(yearly)


def pence_at_a_rate(value: Decimal, period: Period | None, cues: LinkCues) -> bool:
    """Pence at a rate shorter than a year ('7p a week', '50p a month'): the cost of a precept rise to one home,
    said to make it sound small; the yearly figure, where given, is the item (no gold of any batch keeps one)."""
    rate = cues.rate_units.get(period.label) if period is not None else None
    return value < 1 and rate is not None and rate > 1


def in_a_list(previous: Span, span: Span) -> bool:
    """Two figures listed one after the other: only punctuation, 'and', names and 'each' between them."""
    between = list(span.doc[previous.end : span.start])
    joined = any(t.lower_ in {",", "and"} for t in between)
    return joined and all(t.pos_ in {"PUNCT", "CCONJ", "PROPN"} or t.lower_ in {"each", "the"} for t in between)



BULLETS = frozenset({"-", "–", "•", "*", "·", "▪"})


def labelled_item(span: Span) -> bool:
    """The figure's line is an item of a labelled list: it opens (after a bullet, if any) with capitalised
    words and a colon, the figure right after ('- South Yorkshire: £49m between 2016-17 and 2019-20')."""
    doc, i = span.doc, span.start - 1
    if i < 1 or doc[i].text != ":":
        return False
    i -= 1
    while i >= 0 and doc[i].is_title:
        i -= 1
    if i == span.start - 2:
        return False  # no label
    if i >= 0 and doc[i].text in BULLETS:
        i -= 1
    return i < 0 or "\n" in doc[i].text


def next_item(previous: Span, span: Span) -> bool:
    """Two figures on consecutive items of a labelled list: each opens its item, and one line break lies
    between them ('- Kent: £61m cut from its budget' / '- South Yorkshire: £49m ...')."""
    if not (labelled_item(previous) and labelled_item(span)):
        return False
    return sum("\n" in t.text for t in previous.doc[previous.end : span.start]) == 1

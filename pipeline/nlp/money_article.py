"""Decisions on money figures that need the whole article, taken after each figure is read in its sentence. Pure
functions of the figures' values, readings and periods, the article's periods and its publication date.

- ``repeated_kinds``: a figure an article repeats has the kind of its best-cued mention.
- ``restated_kinds``: a figure with no cue at all that rounds another, cued figure of the article ("close to £90m
  over four years" after "must find £87m") is that figure said again: it has its kind.
- ``year_style``: how the article names its years: financial years ("2025-26", "2019/20"), calendar years given as a
  figure's period ("The police budget for 2024 is ..."), or neither.
- ``anchored_period``: in an article that names its years, "this year", "next year", "the coming year" are the year
  they name, read from the publication date: "this year" in December 2024 is 2024-25 (or 2024).
- ``shared_periods``: a figure an article repeats is stated for one period: a mention with no period or only a
  relative one ("a £14m hole for the coming year") takes the dated period of another ("£14m shortfall for 2025/26").
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from pipeline.nlp.money_kind import Reading
from pipeline.nlp.periods import Period, fiscal_year

FISCAL_LABEL = re.compile(r"^\d{4}-\d{2}$")
CALENDAR_LABEL = re.compile(r"^\d{4}$")


def repeated_kinds(
    keys: list[tuple], readings: list[Reading], in_body: list[bool], sentences: list[int] | None = None
) -> list[str]:
    """One kind per figure an article repeats (headline and body, or twice): the kind of its best-cued mention, a
    strong reading before a weak one, a named kind before 'other' (a gap said once as money a deal leaves the
    force short), the body before the headline (which is written in shorthand: 'G4S wins £200m deal'), then the
    cue nearest in the tree. Two strong mentions of different kinds in one sentence are two facts, each keeping
    its kind ('has cut almost £12m from its budget and plans to save a further £12m')."""
    sentences = sentences if sentences is not None else list(range(len(keys)))
    best: dict[tuple, tuple[tuple, str]] = {}
    for key, reading, body in zip(keys, readings, in_body, strict=True):
        rank = (reading.strong, reading.kind != "other", body, -reading.distance)
        if key not in best or rank > best[key][0]:
            best[key] = (rank, reading.kind)
    out = [best[key][1] for key in keys]
    strong: dict[tuple, set[str]] = {}  # (figure, sentence) -> the kinds of its strong mentions there
    for key, reading, sentence in zip(keys, readings, sentences, strict=True):
        if reading.strong:
            strong.setdefault((key, sentence), set()).add(reading.kind)
    for i, (key, reading, sentence) in enumerate(zip(keys, readings, sentences, strict=True)):
        if reading.strong and len(strong[(key, sentence)]) > 1:
            out[i] = reading.kind
    return out


def restated_kinds(
    values: list[Decimal], readings: list[Reading], kinds: list[str], hedged: list[bool], tolerance: float
) -> list[str]:
    """The kinds, where a hedged figure with no cue at all ('close to £90m') is within ``tolerance`` (a fraction) of
    a cued figure of the article ('£87m'): the kind of the nearest such figure."""
    out, tolerance_ = list(kinds), Decimal(str(tolerance))
    for i, (value, reading) in enumerate(zip(values, readings, strict=True)):
        if cued(reading) or not hedged[i] or not value:
            continue  # a cue said what it is, or nothing says it is approximate
        near = [
            (abs(values[j] - value) / max(values[j], value), j)
            for j in range(len(values))
            if j != i and cued(readings[j]) and values[j] and abs(values[j] - value) <= tolerance_ * max(values[j], value)
        ]
        if near:
            out[i] = kinds[min(near)[1]]
    return out


def cued(reading: Reading) -> bool:
    """Some cue, strong or weak, said what the figure is."""
    return reading.strong or reading.kind != "other"


def year_style(stated: list[Period], assigned: list[Period | None]) -> str | None:
    """'fiscal' when the article names a financial year anywhere (``stated``: its period phrases), 'calendar' when a
    figure is stated for a calendar year (``assigned``), else None: relative years stay as written."""
    if any(FISCAL_LABEL.match(p.label) for p in stated):
        return "fiscal"
    if any(p is not None and CALENDAR_LABEL.match(p.label) for p in assigned):
        return "calendar"
    return None


def anchored_period(period: Period | None, published: date | None, style: str | None, offsets: dict[str, int]) -> Period | None:
    """A relative year ('this year', 'the coming financial year': its first word in ``offsets``, years from now) as
    the financial or calendar year it names at ``published``; any other period as it is."""
    if period is None or published is None or style is None or period.first_day is not None:
        return period
    words = period.label.split()
    if len(words) < 2 or words[-1] != "year" or words[0] not in offsets:
        return period
    if style == "calendar":
        year = published.year + offsets[words[0]]
        return replace(period, label=str(year), first_day=date(year, 1, 1), last_day=date(year, 12, 31))
    first = (published.year if published.month >= 4 else published.year - 1) + offsets[words[0]]
    label, first_day, last_day = fiscal_year(first, first + 1) or (period.label, None, None)
    return replace(period, label=label, first_day=first_day, last_day=last_day)


def shared_periods(keys: list[tuple], periods: list[Period | None], relative: set[str]) -> list[Period | None]:
    """One period per figure an article repeats: the mentions with none, or with a relative one (a label of
    ``relative``), take the dated period of another mention of it."""
    dated: dict[tuple, Period] = {}
    for key, period in zip(keys, periods, strict=True):
        if period is not None and period.first_day is not None and key not in dated:
            dated[key] = period
    return [
        dated[key] if key in dated and (period is None or period.label in relative) else period
        for key, period in zip(keys, periods, strict=True)
    ]

"""Pure parsing of the periods a money figure is stated for, and which figure each belongs to (no spaCy here).

``find_periods(text)`` finds fiscal years ("2019/20", "2019-2020" -> "2019-20"), rates ("a year",
"-a-year", "per annum"), durations ("over four years", "ten-year", "first year") and dates ("by
March 2020", read by dateparser). Fiscal years are read by regex, because dateparser takes
"2019/20" for 20 November 2019. The words are those of ``models/money.json`` (``periods``) and the
number words and months of ``models/words.json``.

``assign_periods`` gives each figure of a sentence the period phrase that follows it in its
clause, else the one before it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from pipeline.nlp.amounts import Amount, alternation, squash
from pipeline.nlp.lexicon import Words
from pipeline.nlp.money_lexicon import PeriodWords, load_money_lexicon


@dataclass(frozen=True)
class Period:
    """A period phrase: normalised ``label`` ("2019-20", "four years") and its dates where known."""

    label: str
    start: int
    end: int
    first_day: date | None = None
    last_day: date | None = None
    modifier: bool = False  # 'annual', 'yearly': a word of a noun phrase, not a phrase of the whole sentence
    following: bool = False  # 'the following year', 'the year after': the year after a year named before it

    def shifted(self, offset: int) -> Period:
        return replace(self, start=self.start + offset, end=self.end + offset)


def fiscal_year(first: int, second: int) -> tuple[str, date, date] | None:
    """'2019/20', '2019-2020': the UK financial year from 1 April to 31 March, or None."""
    full_second = second if second >= 100 else (first // 100) * 100 + second
    if full_second < first:
        full_second += 100
    if full_second != first + 1:
        return None
    return f"{first}-{full_second % 100:02d}", date(first, 4, 1), date(full_second, 3, 31)


def _words(words: Iterable[str]) -> str:
    """Regex alternation of single words, in the lexicon's order."""
    return "|".join(re.escape(w) for w in words)


class PeriodParser:
    """Finds period phrases in a sentence; its pattern is compiled once from the lexicons."""

    def __init__(self, periods: PeriodWords, words: Words) -> None:
        p = periods
        self.relative: dict[str, str] = p.relative
        self.per: dict[str, str] = p.per
        self.per_words: dict[str, str] = p.per_words
        self.number_words = words.number_words
        self.deadline = frozenset(p.deadline_prepositions)
        numbers = alternation([*words.number_words, "a", "an"])
        ordinals = alternation(p.ordinals)
        preps = alternation(p.duration_prepositions)
        determiners, units = _words(p.duration_determiners), _words(p.units)
        self.pattern = re.compile(
            rf"(?P<fy>\b(?P<y1>(?:19|20)\d\d)\s?[/\-–]\s?(?P<y2>(?:19|20)?\d\d)\b(?![/\-–]\d))"
            rf"|(?P<rate>(?:\s|-)(?:{_words(p.rate_words)})[\s-](?P<unit>{alternation(self.per)})\b"
            rf"(?!\s+(?:{_words(p.not_rate_after)})\b)(?!\s+(?:{_words(p.not_rate_at_clause_end)})(?:\s*[,.;:]|\s+from\b|\s*$)))"
            rf"|(?P<perword>\b(?:{alternation(self.per_words)})\b)"
            rf"|(?P<ordinal>\b(?P<ord>{ordinals})(?:\s+full)?\s+(?:(?P<ordn>{numbers}|\d+)\s+)?(?P<ordunit>{_words(p.ordinal_units)})s?\b)"
            rf"|(?P<decade>\b(?:{preps})\s+(?:the\s+)?(?:(?:{determiners})\s+)?decade\b)"
            rf"|(?P<dur>\b(?:(?:{preps})\s+(?:the\s+)?(?:{determiners})?\s*)"
            rf"(?P<n>\d+|{numbers})(?P<half>\s+and\s+a\s+half)?\s+(?:(?:financial|fiscal)\s+)?(?P<unit2>{units})s?\b"
            rf"(?!\s+(?:{_words(p.not_duration_after)})\b))"
            rf"|(?P<hyphen>\b(?P<hn>\d+|{numbers})-(?P<hunit>{units})\b)"
            rf"|(?P<following>\bthe\s+(?:{alternation(p.following)})\b)"
            rf"|(?P<rel>\b(?:the\s+)?(?:{alternation(self.relative)})\b)"
            rf"|(?P<date>\b(?P<dprep>{_words(p.date_prepositions)})\s+(?:the\s+end\s+of\s+)?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{_words(words.months)}|{_words(words.month_abbreviations)})\.?\s+(?:19|20)\d\d\b)"
            rf"|(?P<year>\b(?:(?:{_words(p.year_prepositions)})\s+|the\s+(?=\d{{4}}\s+[a-z]))(?P<yy>(?:19|20)\d\d)\b(?![/\-–]\d))",
            re.IGNORECASE,
        )
        self.not_after = re.compile(rf"\b(?:{_words(p.not_after)})\s*$", re.IGNORECASE)  # 'since 2010'
        self.clause_break = re.compile(rf"[,;:()]|\b(?:{_words(p.clause_breaks)})\b")

    def find(self, text: str) -> list[Period]:
        """Every period phrase in ``text``, left to right."""
        out = []
        for m in self.pattern.finditer(text):
            period = self._read(m)
            if period is not None:
                out.append(period)
        return out

    def stated_for(self, text: str, offset: int = 0) -> list[Period]:
        """The periods of a sentence a figure may be stated for, at ``offset`` in the document:
        not a starting point ('since 2010/11')."""
        return [p.shifted(offset) for p in self.find(text) if not self.not_after.search(text[: p.start])]

    def _read(self, m: re.Match) -> Period | None:
        start, end = m.span()
        if m.group("fy"):
            fy = fiscal_year(int(m.group("y1")), int(m.group("y2")))
            return Period(fy[0], start, end, fy[1], fy[2]) if fy else None
        if m.group("rate"):
            return Period(self.per[m.group("unit").lower()], start + 1, end)
        if m.group("perword"):
            return Period(self.per_words[m.group("perword").lower()], start, end, modifier=True)
        if m.group("ordinal"):
            n = m.group("ordn")
            unit = m.group("ordunit").lower()
            if n:
                return Period(duration_label(n.lower(), unit, self.number_words), start, end)
            return Period(f"{m.group('ord').lower()} {unit}", start, end)
        if m.group("decade"):
            return Period("ten years", start, end)
        if m.group("dur"):
            n, unit = m.group("n").lower(), m.group("unit2").lower()
            if m.group("half"):  # 'over three and a half years'
                return Period(f"{n} and a half {unit}s", start, end)
            return Period(duration_label(n, unit, self.number_words), start, end)
        if m.group("hyphen"):
            return Period(duration_label(m.group("hn").lower(), m.group("hunit").lower(), self.number_words), start, end)
        if m.group("following"):
            return Period("following year", start, end, following=True)
        if m.group("rel"):
            key = squash(re.sub(r"^the\s+", "", m.group("rel"), flags=re.IGNORECASE)).lower()
            return Period(self.relative[key], start, end)
        if m.group("date"):
            prep = m.group("dprep").lower()
            return read_date(m.group("date"), prep, start, end, deadline=prep in self.deadline)
        if m.group("year"):
            year = int(m.group("yy"))  # 'in 2021', 'for 2022', 'the 2022 figure': the calendar year
            return Period(str(year), m.start("yy") if m.group().startswith("the") else start, end,
                          date(year, 1, 1), date(year, 12, 31))
        return None


def duration_label(count: str, unit: str, number_words: Mapping[str, int]) -> str:
    """'a year' for one of a unit ('a year', 'one-year', '1 year'), else 'four years', '15 years'."""
    one = count in {"a", "an", "1"} or number_words.get(count) == 1
    return f"a {unit}" if one else f"{count} {unit}s"


def read_date(phrase: str, prep: str, start: int, end: int, deadline: bool) -> Period | None:
    """'by March 2020' with dateparser (English only: fast, and it will not read '100M' as a date).

    A deadline ('by', 'until') gives only the last day; 'in April 2021' the whole month (or day).
    """
    import dateparser

    words = re.sub(rf"^{prep}\s+(?:the\s+end\s+of\s+)?", "", phrase, flags=re.IGNORECASE)
    parsed = dateparser.parse(words, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    has_day = bool(re.match(r"\d", words))
    first = parsed.date()
    last = first if has_day else first.replace(day=calendar.monthrange(first.year, first.month)[1])
    label = first.strftime("%-d %B %Y") if has_day else first.strftime("%B %Y")
    if deadline:
        return Period(f"by {label}", start, end, None, last)
    return Period(label, start, end, first, last)


RESTATED = re.compile(r"^\s*(?:,\s*or\s[^,;:()]{1,40},|\([^()]{1,40}\))")  # the figure said again another way
OPENING = re.compile(r"^\W*(?:\w+\W+){0,1}$")  # a calendar year spreads only from the sentence's start ('In 2005, ...')


def assign_periods(
    text: str, amounts: list[Amount], periods: list[Period], clause_break: re.Pattern, max_gap: int,
    sentence_start: int = 0,
) -> list[Period | None]:
    """Each period phrase belongs to the figure it follows in the same clause (at most ``max_gap``
    characters on, no ``clause_break`` between but the figure said again another way: ', or 11.5% of its revenue,'
    or '(11.5%)'), else to the next figure in the same clause; a word of a noun phrase
    ("annual") with words between it and the figure before and a figure after it is the next figure's ("will cost £5m
    up front but deliver annual savings of £2m").

    A period in the sentence's first clause, before its first figure ("In the first year, ...", "The Met's
    budget for this year is £3.5bn, made up of £2.6bn ...") applies to every figure of the sentence that has
    none of its own; not a word of a noun phrase ("an annual budget of £12m, and ... invested £750k"), nor a
    calendar year inside the clause ("joined the force in 2008 and ..., saving £65,000").
    """
    out: list[Period | None] = [None] * len(amounts)
    claimed: set[int] = set()
    for i, a in enumerate(amounts):
        limit = amounts[i + 1].start if i + 1 < len(amounts) else None
        for j, p in enumerate(periods):
            if p.start >= a.end and (limit is None or p.start < limit):
                gap = text[a.end : p.start]
                bare = RESTATED.sub("", gap)  # '£7m, or 11.5% of its revenue, over two years'
                modifies_next = p.modifier and limit is not None and re.search(r"\w", gap)  # '... annual savings of £2m'
                if len(gap) <= max_gap and not clause_break.search(bare) and not modifies_next:
                    out[i], claimed = p, claimed | {j}
                break
    for i, a in enumerate(amounts):
        if out[i] is not None:
            continue
        lower = amounts[i - 1].end if i else -1
        before = [(j, p) for j, p in enumerate(periods) if j not in claimed and lower <= p.start and p.end <= a.start
                  and not clause_break.search(text[p.end : a.start])]
        if before:
            out[i] = before[-1][1]
    opening = [p for p in periods if p.end <= amounts[0].start and not p.modifier]
    lead = text[sentence_start : opening[-1].start] if opening else ""
    if opening and not clause_break.search(lead) and (not opening[-1].label.isdigit() or OPENING.match(lead)):
        out = [p if p is not None else opening[-1] for p in out]
    return out


def following_years(assigned: list[Period | None], periods: list[Period]) -> list[Period | None]:
    """'£4m in 2012-13 and £5.8m the year after': a following year is the year after the last financial or calendar
    year named before it in the sentence ('2013-14'); none where no year is named before it."""
    out = []
    for period in assigned:
        if period is None or not period.following:
            out.append(period)
            continue
        named = [p for p in periods if p.end <= period.start and p.first_day and p.last_day and p.label[:4].isdigit()]
        out.append(next_year(named[-1], period) if named else None)
    return out


def next_year(year: Period, where: Period) -> Period | None:
    """The financial or calendar year after ``year``, at the place of the phrase ``where``."""
    first = int(year.label[:4]) + 1
    if year.label.isdigit():
        return replace(where, label=str(first), first_day=date(first, 1, 1), last_day=date(first, 12, 31), following=False)
    fy = fiscal_year(first, first + 1)
    return replace(where, label=fy[0], first_day=fy[1], last_day=fy[2], following=False) if fy else None


@lru_cache(maxsize=4)
def period_parser(folder: str | None = None) -> PeriodParser:
    """The parser of the lexicons in ``folder`` (default: ``models/``)."""
    lexicon, words = load_money_lexicon(folder)
    return PeriodParser(lexicon.periods, words)


def find_periods(text: str) -> list[Period]:
    """Every period phrase in ``text``, left to right."""
    return period_parser().find(text)

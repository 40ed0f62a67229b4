"""Pure parsing of money figures and periods, as UK news writes them (no spaCy here).

``find_amounts(text)`` finds every figure ("£12.3m", "£500,000", "half a million pounds",
"between £1m and £1.5m", "50p") and returns it normalised with exact ``Decimal`` arithmetic, so
"£12.3m" is 12300000 and never 12299999.999. price-parser reads the number and currency of each
end of a figure; the multiplier ("m", "bn", "million") and number words are read here, from the
lexicon in ``models/money.json`` (price-parser ignores them).

``find_periods(text)`` finds the periods a figure may be stated for: fiscal years ("2019/20",
"2019-2020" -> "2019-20"), rates ("a year", "-a-year", "per annum"), durations ("over four
years", "ten-year", "first year") and dates ("by March 2020", read by dateparser). Fiscal years
are read by regex, because dateparser takes "2019/20" for 20 November 2019.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from price_parser import Price

from pipeline.config import models_dir

MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
MONTHS_SHORT = "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"


@dataclass(frozen=True)
class Amount:
    """One money figure found in a text: ``value`` (low end of a range) and ``high`` are exact."""

    value: Decimal
    high: Decimal | None
    currency: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Period:
    """A period phrase: normalised ``label`` ("2019-20", "four years") and its dates where known."""

    label: str
    start: int
    end: int
    first_day: date | None = None
    last_day: date | None = None


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> dict:
    """The money lexicon (``models/money.json``)."""
    path = (Path(folder) if folder else models_dir()) / "money.json"
    return json.loads(path.read_text(encoding="utf-8"))


def as_number(value: Decimal) -> int | float:
    """Whole pounds as ``int``; only a figure with pence (£4.50, 50p) is a ``float``."""
    return int(value) if value == value.to_integral_value() else float(value)


def _alternation(words: object) -> str:
    """Regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


class AmountParser:
    """Finds and normalises money figures; built once from the lexicon."""

    def __init__(self, lexicon: dict) -> None:
        cur = lexicon["currencies"]
        self.symbols: dict[str, str] = cur["symbols"]
        self.codes: dict[str, str] = cur["codes"]
        self.words: dict[str, str] = cur["words"]
        self.pence_currency: str = cur["pence"]
        self.multipliers = {k: Decimal(v) for k, v in lexicon["multipliers"].items()}
        self.number_words = {k: Decimal(v) for k, v in lexicon["number_words"].items()}
        self.fractions = {k: Decimal(v) for k, v in lexicon["fractions"].items()}

        abbreviations = [m for m in self.multipliers if len(m) <= 2]
        word_multipliers = [m for m in self.multipliers if len(m) > 2]
        currency = rf"(?:{_alternation(self.symbols)}|(?:{_alternation(self.codes)})\s?)"
        number = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
        mult = rf"(?:(?:{_alternation(abbreviations)})(?![A-Za-z0-9])|[\s-]?(?:{_alternation(word_multipliers)})\b)"
        self._mult_words = _alternation(word_multipliers)
        symbol_figure = rf"{currency}\s?(?:{number}){mult}?"
        bare_figure = rf"{currency}?\s?(?:{number}){mult}?"
        number_word = _alternation([*self.number_words, *self.fractions, "a", "an", "and", "of"])
        spelled = rf"(?:{_alternation(self.number_words)}|an?|half|quarters?)(?:[\s-]+(?:{number_word}|{self._mult_words})\b)*"
        word_figure = rf"(?:{number}){mult}?|{spelled}"
        currency_word = _alternation(self.words)
        self.pattern = re.compile(
            rf"(?P<between>\bbetween\s+)?(?<![\w£€$])(?P<low>{symbol_figure})"
            rf"(?:(?(between)\s+and\s+|\s*(?:-|–|—|\bto\b)\s*)(?P<high>{bare_figure}))?"
            rf"|(?<![\w£€$.,])(?P<words>{word_figure})[\s-]+(?P<cword>{currency_word})\b"
            rf"|(?<![\w£€$.,])(?P<pence>\d+(?:\.\d+)?)(?-i:p)\b(?!\.\w)",
            re.IGNORECASE,
        )
        self._part = re.compile(rf"^(?P<cur>{currency})?\s?(?P<num>{number})(?P<mult>{mult})?$", re.IGNORECASE)
        self._from = re.compile(r"\bfrom\s*$", re.IGNORECASE)

    # -- finding -----------------------------------------------------------------------------

    def find(self, text: str) -> list[Amount]:
        """Every figure in ``text``, left to right."""
        found: list[Amount] = []
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            amount, end = self._read(text, m)
            if amount is not None:
                found.append(amount)
            pos = max(end, m.start() + 1)
        return found

    def _read(self, text: str, m: re.Match) -> tuple[Amount | None, int]:
        """The figure of one match and where to go on searching."""
        if m.group("pence") is not None:
            value = Decimal(m.group("pence")) / 100
            return Amount(value, None, self.pence_currency, m.start(), m.end(), m.group()), m.end()
        if m.group("words") is not None:
            return self._read_words(text, m)
        low_start, low_end = m.span("low")
        low = self._parse_part(m.group("low"))
        if low is None:
            return None, low_end
        value, currency, has_mult = low
        if m.group("high") is not None and not self._from.search(text[: m.start()]):
            high_part = self._parse_part(m.group("high"), default_currency=currency)
            if high_part is not None:
                high, high_currency, high_has_mult = high_part
                shared_mult = False
                if not has_mult and high_has_mult:
                    # "£2-3m", "between £2 and £3 million": the multiplier of the high end is shared
                    unit = self._multiplier_of(m.group("high"))
                    if value <= high / unit:
                        value, shared_mult = value * unit, True
                written_as_range = (high_currency == currency) and (
                    m.group("between") or high_has_mult or m.group("high").strip()[:1] in self.symbols or shared_mult
                )
                if written_as_range and value <= high:
                    start = m.start("between") if m.group("between") else low_start
                    return Amount(value, high, currency, start, m.end(), text[start : m.end()]), m.end()
        return Amount(value, None, currency, low_start, low_end, text[low_start:low_end]), low_end

    def _read_words(self, text: str, m: re.Match) -> tuple[Amount | None, int]:
        """'half a million pounds', 'a quarter of a billion pounds', '12 million pounds'."""
        currency = self.words[_squash(m.group("cword")).lower()]
        words = m.group("words")
        if re.match(r"[\d.]", words):
            part = self._parse_part(words, default_currency=currency)
            if part is None or (not part[2] and re.match(r"\s+of\b", text[m.end() :])):
                return None, m.end()
            return Amount(part[0], None, currency, m.start(), m.end(), m.group()), m.end()
        tokens = _squash(words.replace("-", " ")).lower().split()
        if not any(t in self.multipliers for t in tokens) and re.match(r"\s+of\b", text[m.end() :]):
            return None, m.end()  # "two pounds of heroin" is a weight
        # the pattern may start early ("of a million pounds"): drop words until the rest reads
        for skip in range(len(tokens)):
            value = self.words_to_number(tokens[skip:])
            if value is not None:
                start = m.start("words") + _offset_of_word(words, skip)
                return Amount(value, None, currency, start, m.end(), text[start : m.end()]), m.end()
        return None, m.end()

    # -- parsing -----------------------------------------------------------------------------

    def _parse_part(self, part: str, default_currency: str | None = None) -> tuple[Decimal, str, bool] | None:
        """(value, currency, has a multiplier) of one end of a figure: '£12.3m', '3m', '£400,000'."""
        m = self._part.match(part.strip())
        if m is None:
            return None
        price = Price.fromstring(m.group("num"), decimal_separator=".")
        if price.amount is None:
            return None
        symbol = (m.group("cur") or "").strip()
        currency = self.symbols.get(symbol) or self.codes.get(symbol.upper()) or default_currency
        if currency is None:
            return None
        mult = m.group("mult")
        value = price.amount * (self._multiplier_of(part) if mult else 1)
        return value, currency, bool(mult)

    def _multiplier_of(self, part: str) -> Decimal:
        m = re.search(r"([A-Za-z]+)\s*$", part.strip())
        return self.multipliers.get(m.group(1).lower(), Decimal(1)) if m else Decimal(1)

    def words_to_number(self, tokens: list[str]) -> Decimal | None:
        """Spelled-out numbers: 'two and a half million', 'a quarter of a billion', 'twelve'.

        Returns None for anything that is not a number ('a', 'of a million', 'and five').
        """
        if not tokens or tokens[0] in {"and", "of"} or tokens == ["a"] or tokens == ["an"]:
            return None
        # fractions of a multiplier: "half a million", "three quarters of a billion"
        frac = re.fullmatch(
            r"(?:(a|an|one|two|three) )?(half|quarters?) (?:of )?an? (\w+)", " ".join(tokens)
        )
        if frac:
            count = self.number_words.get(frac.group(1) or "one", Decimal(1))
            part, mult = frac.group(2), self.multipliers.get(frac.group(3))
            plural_ok = count > 1 if part == "quarters" else count == 1  # "three quarters", "a half"
            if mult is None or len(frac.group(3)) <= 2 or not plural_ok:
                return None
            return count * self.fractions[part] * mult
        total, current, seen_number = Decimal(0), Decimal(0), False
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tokens[i : i + 3] == ["and", "a", "half"]:
                if not seen_number:
                    return None
                current += Decimal("0.5")
                i += 3
                continue
            if tok in {"a", "an"}:
                if seen_number or i + 1 >= len(tokens) or tokens[i + 1] not in {"hundred", *self.multipliers}:
                    return None
                current, seen_number = Decimal(1), True
            elif tok == "hundred":
                current, seen_number = (current or Decimal(1)) * 100, True
            elif tok in self.number_words:
                current, seen_number = current + self.number_words[tok], True
            elif tok in self.multipliers and len(tok) > 2:
                if not seen_number:
                    return None
                total, current = total + (current or Decimal(1)) * self.multipliers[tok], Decimal(0)
            elif tok == "and" and seen_number:
                pass
            else:
                return None
            i += 1
        return total + current if seen_number else None


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _offset_of_word(text: str, index: int) -> int:
    """Character offset of the index-th word of ``text`` (words split on spaces and hyphens)."""
    starts = [m.start() for m in re.finditer(r"[^\s-]+", text)]
    return starts[index] if index < len(starts) else 0


@lru_cache(maxsize=4)
def amount_parser(folder: str | None = None) -> AmountParser:
    return AmountParser(load_lexicon(folder))


def find_amounts(text: str) -> list[Amount]:
    """Every money figure in ``text`` (see ``AmountParser``)."""
    return amount_parser().find(text)


def parse_amount(text: str) -> Amount | None:
    """The figure ``text`` is, when the whole of it is one figure ('£12.3m', 'half a million pounds')."""
    found = find_amounts(text)
    if len(found) == 1 and found[0].text.strip() == text.strip():
        return found[0]
    return None


# -- periods ---------------------------------------------------------------------------------


def fiscal_year(first: int, second: int) -> tuple[str, date, date] | None:
    """'2019/20', '2019-2020': the UK financial year from 1 April to 31 March, or None."""
    full_second = second if second >= 100 else (first // 100) * 100 + second
    if full_second < first:
        full_second += 100
    if full_second != first + 1:
        return None
    return f"{first}-{full_second % 100:02d}", date(first, 4, 1), date(full_second, 3, 31)


class PeriodParser:
    """Finds period phrases in a sentence."""

    def __init__(self, lexicon: dict) -> None:
        p = lexicon["periods"]
        self.relative: dict[str, str] = p["relative"]
        self.per: dict[str, str] = p["per"]
        self.per_words: dict[str, str] = p["per_words"]
        numbers = _alternation([*lexicon["number_words"], "a", "an"])
        ordinals = _alternation(p["ordinals"])
        preps = _alternation(p["duration_prepositions"])
        self.pattern = re.compile(
            rf"(?P<fy>\b(?P<y1>(?:19|20)\d\d)\s?[/\-–]\s?(?P<y2>(?:19|20)?\d\d)\b(?![/\-–]\d))"
            rf"|(?P<rate>(?:\s|-)(?:a|an|per|each|every)[\s-](?P<unit>{_alternation(self.per)})\b"
            rf"(?!\s+(?:ago|earlier|later|before|after|on|previously)\b))"
            rf"|(?P<perword>\b(?:{_alternation(self.per_words)})\b)"
            rf"|(?P<ordinal>\b(?P<ord>{ordinals})(?:\s+full)?\s+(?:(?P<ordn>{numbers}|\d+)\s+)?(?P<ordunit>year|month)s?\b)"
            rf"|(?P<decade>\b(?:{preps})\s+(?:the\s+)?(?:next|past|last|coming|following)\s+decade\b)"
            rf"|(?P<dur>\b(?:(?:{preps})\s+(?:the\s+)?(?:next|past|last|coming|following\s+)?\s*)"
            rf"(?P<n>\d+|{numbers})\s+(?P<unit2>year|month|week)s?\b(?!\s+(?:ago|earlier|later)\b))"
            rf"|(?P<hyphen>\b(?P<hn>\d+|{numbers})-(?P<hunit>year|month|week)\b)"
            rf"|(?P<rel>\b(?:the\s+)?(?:{_alternation(self.relative)})\b)"
            rf"|(?P<date>\b(?P<dprep>by|in|from|until|before|during|to)\s+(?:the\s+end\s+of\s+)?"
            rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{MONTHS}|{MONTHS_SHORT})\.?\s+(?:19|20)\d\d\b)",
            re.IGNORECASE,
        )

    def find(self, text: str) -> list[Period]:
        out = []
        for m in self.pattern.finditer(text):
            period = self._read(m)
            if period is not None:
                out.append(period)
        return out

    def _read(self, m: re.Match) -> Period | None:
        start, end = m.span()
        if m.group("fy"):
            fy = fiscal_year(int(m.group("y1")), int(m.group("y2")))
            return Period(fy[0], start, end, fy[1], fy[2]) if fy else None
        if m.group("rate"):
            return Period(self.per[m.group("unit").lower()], start + 1, end)
        if m.group("perword"):
            return Period(self.per_words[m.group("perword").lower()], start, end)
        if m.group("ordinal"):
            n = m.group("ordn")
            unit = m.group("ordunit").lower()
            if n:
                return Period(_plural(n.lower(), unit), start, end)
            return Period(f"{m.group('ord').lower()} {unit}", start, end)
        if m.group("decade"):
            return Period("ten years", start, end)
        if m.group("dur"):
            return Period(_plural(m.group("n").lower(), m.group("unit2").lower()), start, end)
        if m.group("hyphen"):
            return Period(_plural(m.group("hn").lower(), m.group("hunit").lower()), start, end)
        if m.group("rel"):
            key = _squash(re.sub(r"^the\s+", "", m.group("rel"), flags=re.IGNORECASE)).lower()
            return Period(self.relative[key], start, end)
        if m.group("date"):
            return _read_date(m.group("date"), m.group("dprep").lower(), start, end)
        return None


def _plural(n: str, unit: str) -> str:
    return f"a {unit}" if n in {"a", "an", "one", "1"} else f"{n} {unit}s"


def _read_date(phrase: str, prep: str, start: int, end: int) -> Period | None:
    """'by March 2020' with dateparser (English only: fast, and it will not read '100M' as a date)."""
    import dateparser

    words = re.sub(rf"^{prep}\s+(?:the\s+end\s+of\s+)?", "", phrase, flags=re.IGNORECASE)
    parsed = dateparser.parse(words, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    if parsed is None:
        return None
    has_day = bool(re.match(r"\d", words))
    first = parsed.date()
    last = first if has_day else first.replace(day=calendar.monthrange(first.year, first.month)[1])
    label = first.strftime("%-d %B %Y") if has_day else first.strftime("%B %Y")
    if prep in {"by", "until", "before", "to"}:
        return Period(f"by {label}", start, end, None, last)
    return Period(label, start, end, first, last)


@lru_cache(maxsize=4)
def period_parser(folder: str | None = None) -> PeriodParser:
    return PeriodParser(load_lexicon(folder))


def find_periods(text: str) -> list[Period]:
    """Every period phrase in ``text``, left to right."""
    return period_parser().find(text)

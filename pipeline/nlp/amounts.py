"""Pure parsing of money figures, as UK news writes them (no spaCy here).

``find_amounts(text)`` finds every figure ("£12.3m", "£500,000", "half a million pounds",
"between £1m and £1.5m", "50p") and returns it normalised with exact ``Decimal`` arithmetic, so
"£12.3m" is 12300000 and never 12299999.999. price-parser reads the number and currency of each
end of a figure; the multiplier ("m", "bn", "million") and number words are read here, from the
lexicon in ``models/money.json`` and the number words of ``models/words.json`` (price-parser
ignores them). Periods ("a year", "2019/20") are read by ``pipeline.nlp.periods``.

A figure above ``MAX_AMOUNT`` (ten trillion, several times the UK's yearly GDP) is no money a news
article reports but a typo or garbage ("£20,000,000bn"), and is not a figure at all: it would also
overflow the database's amount column (``NUMERIC(18,2)``, below 10^16).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from price_parser import Price

from pipeline.nlp.money_lexicon import MoneyLexicon, load_money_lexicon

MAX_AMOUNT = Decimal(10) ** 13  # ten trillion in any currency; larger figures are implausible


@dataclass(frozen=True)
class Amount:
    """One money figure found in a text: ``value`` (low end of a range) and ``high`` are exact."""

    value: Decimal
    high: Decimal | None
    currency: str
    start: int
    end: int
    text: str
    inferred: bool = False  # no currency written ('a saving of 153 million'): pounds only where the words around say so


@dataclass(frozen=True)
class Numerals:
    """The words of a spelled-out number: units and tens ('two', 'forty'), multipliers, fractions."""

    number_words: dict[str, Decimal]
    multipliers: dict[str, Decimal]
    fractions: dict[str, Decimal]


def as_number(value: Decimal) -> int | float:
    """Whole pounds as ``int``; only a figure with pence (£4.50, 50p) is a ``float``."""
    return int(value) if value == value.to_integral_value() else float(value)


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


LEVEL_RATIO = 3  # after 'by', a 'to' figure this many times the first is the level reached, not a range's high end


class AmountParser:
    """Finds and normalises money figures; its patterns are compiled once from the lexicon."""

    def __init__(self, lexicon: MoneyLexicon, number_words: dict[str, int]) -> None:
        cur = lexicon.currencies
        self.symbols: dict[str, str] = cur.symbols
        self.codes: dict[str, str] = cur.codes
        self.words: dict[str, str] = cur.words
        self.pence_currency: str = cur.pence
        self.multipliers = {k: Decimal(v) for k, v in lexicon.multipliers.items()}
        self.number_words = {k: Decimal(v) for k, v in number_words.items()}
        self.fractions = dict(lexicon.fractions)
        self.numerals = Numerals(self.number_words, self.multipliers, self.fractions)

        abbreviations = [m for m in self.multipliers if len(m) <= 2]
        word_multipliers = [m for m in self.multipliers if len(m) > 2]
        currency = rf"(?:{alternation(self.symbols)}|(?:{alternation(self.codes)})\s?)"
        number = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
        spaced = [m for m in abbreviations if len(m) == 2 or m == "m"]  # '£1.5 m', '£2 bn': not a lone 'b' or 'k'
        mult = (
            rf"(?:(?:{alternation(abbreviations)})(?![A-Za-z0-9])|\s(?:{alternation(spaced)})(?![A-Za-z0-9&])"
            rf"|[\s-]?(?:{alternation(word_multipliers)})\b)"
        )
        self._mult_words = alternation(word_multipliers)
        symbol_figure = rf"{currency}\s?(?:{number}){mult}?"
        bare_figure = rf"{currency}?\s?(?:{number}){mult}?"
        number_word = alternation([*self.number_words, *self.fractions, "a", "an", "and", "of"])
        spelled = rf"(?:{alternation(self.number_words)}|an?|half|quarters?)(?:[\s-]+(?:{number_word}|{self._mult_words})\b)*"
        word_figure = rf"(?:{number}){mult}?|{spelled}"
        currency_word = alternation(self.words)
        self.pattern = re.compile(
            rf"(?P<between>\bbetween\s+)?(?<![\w£€$])(?P<low>{symbol_figure})"
            rf"(?:(?(between)\s+and\s+|\s*(?:-|–|—|\bto\b)\s*)(?P<high>{bare_figure}))?"
            rf"|(?<![\w£€$.,])(?P<words>{word_figure})[\s-]+(?P<cword>{currency_word})\b"
            rf"|(?<![\w£€$.,])(?P<pence>\d+(?:\.\d+)?)(?-i:p)\b(?!\.\w)",
            re.IGNORECASE,
        )
        bare = alternation(lexicon.bare_multipliers)
        bare_mult = rf"(?:(?:{bare})(?![A-Za-z0-9])|[\s-](?:{bare})\b)"
        self.bare = re.compile(rf"(?<![\w£€$.,/-])(?:{number}){bare_mult}(?![\s-]*(?:{currency_word})\b)", re.IGNORECASE)
        self.bare_currency = self.symbols["£"]
        self._part = re.compile(rf"^(?P<cur>{currency})?\s?(?P<num>{number})(?P<mult>{mult})?$", re.IGNORECASE)
        self._from = re.compile(r"\bfrom\s*$", re.IGNORECASE)  # "from £300m to £180m": two figures
        self._by = re.compile(r"\bby\s*$", re.IGNORECASE)  # "by £5m to £150m": a change and a level, when far apart

    # -- finding -----------------------------------------------------------------------------

    def find(self, text: str) -> list[Amount]:
        """Every figure in ``text``, left to right."""
        found: list[Amount] = []
        pos = 0
        while (m := self.pattern.search(text, pos)) is not None:
            amount, end = self._read(text, m)
            if amount is not None and plausible(amount):
                found.append(amount)
            pos = max(end, m.start() + 1)
        return found

    def find_without_currency(self, text: str, found: list[Amount]) -> list[Amount]:
        """Numbers with a multiplier but no currency, outside the figures ``found`` ('a saving of 153 million', 'save
        12.5m'): pounds when written about a force's finances, which the caller decides from the words around them."""
        out = []
        spans = sorted((a.start, a.end) for a in found)
        starts = [start for start, _ in spans]
        reach = list(itertools.accumulate((end for _, end in spans), max))  # the furthest end of the figures up to each
        for m in self.bare.finditer(text):
            starting_before = bisect.bisect_left(starts, m.end())  # by bisection: a scan per number was quadratic
            if starting_before and reach[starting_before - 1] > m.start():  # a figure found overlaps it
                continue
            part = self._parse_part(m.group(), default_currency=self.bare_currency)
            amount = Amount(part[0], None, part[1], m.start(), m.end(), m.group(), inferred=True) if part else None
            if amount is not None and plausible(amount):
                out.append(amount)
        return out

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
                level = self._by.search(text[: m.start()]) and high > LEVEL_RATIO * value  # 'fell by £5m to £150m'
                if written_as_range and value <= high and not level:
                    start = m.start("between") if m.group("between") else low_start
                    return Amount(value, high, currency, start, m.end(), text[start : m.end()]), m.end()
        return Amount(value, None, currency, low_start, low_end, text[low_start:low_end]), low_end

    def _read_words(self, text: str, m: re.Match) -> tuple[Amount | None, int]:
        """'half a million pounds', 'a quarter of a billion pounds', '12 million pounds'."""
        currency = self.words[squash(m.group("cword")).lower()]
        words = m.group("words")
        if re.match(r"[\d.]", words):
            part = self._parse_part(words, default_currency=currency)
            if part is None or (not part[2] and re.match(r"\s+of\b", text[m.end() :])):
                return None, m.end()
            return Amount(part[0], None, currency, m.start(), m.end(), m.group()), m.end()
        tokens = squash(words.replace("-", " ")).lower().split()
        if not any(t in self.multipliers for t in tokens) and re.match(r"\s+of\b", text[m.end() :]):
            return None, m.end()  # "two pounds of heroin" is a weight
        # the pattern may start early ("of a million pounds"): drop words until the rest reads
        for skip in range(len(tokens)):
            value = words_to_number(tokens[skip:], self.numerals)
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


def words_to_number(tokens: list[str], numerals: Numerals) -> Decimal | None:
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
        count = numerals.number_words.get(frac.group(1) or "one", Decimal(1))
        part, mult = frac.group(2), numerals.multipliers.get(frac.group(3))
        plural_ok = count > 1 if part == "quarters" else count == 1  # "three quarters", "a half"
        if mult is None or len(frac.group(3)) <= 2 or not plural_ok:
            return None
        return count * numerals.fractions[part] * mult
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
            if seen_number or i + 1 >= len(tokens) or tokens[i + 1] not in {"hundred", *numerals.multipliers}:
                return None
            current, seen_number = Decimal(1), True
        elif tok == "hundred":
            current, seen_number = (current or Decimal(1)) * 100, True
        elif tok in numerals.number_words:
            current, seen_number = current + numerals.number_words[tok], True
        elif tok in numerals.multipliers and len(tok) > 2:
            if not seen_number:
                return None
            total, current = total + (current or Decimal(1)) * numerals.multipliers[tok], Decimal(0)
        elif tok == "and" and seen_number:
            pass
        else:
            return None
        i += 1
    return total + current if seen_number else None


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _offset_of_word(text: str, index: int) -> int:
    """Character offset of the index-th word of ``text`` (words split on spaces and hyphens)."""
    starts = [m.start() for m in re.finditer(r"[^\s-]+", text)]
    return starts[index] if index < len(starts) else 0


@lru_cache(maxsize=4)
def amount_parser(folder: str | None = None) -> AmountParser:
    """The parser of the lexicons in ``folder`` (default: ``models/``)."""
    lexicon, words = load_money_lexicon(folder)
    return AmountParser(lexicon, words.number_words)


def find_amounts(text: str) -> list[Amount]:
    """Every money figure in ``text`` (see ``AmountParser``)."""
    return amount_parser().find(text)


def parse_amount(text: str) -> Amount | None:
    """The figure ``text`` is, when the whole of it is one figure ('£12.3m', 'half a million pounds')."""
    found = find_amounts(text)
    if len(found) == 1 and found[0].text.strip() == text.strip():
        return found[0]
    return None


def plausible(amount: Amount) -> bool:
    """At most ``MAX_AMOUNT``, both ends of a range."""
    return amount.value <= MAX_AMOUNT and (amount.high is None or amount.high <= MAX_AMOUNT)

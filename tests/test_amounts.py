from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.nlp.amounts import as_number, find_amounts, parse_amount
from pipeline.nlp.periods import find_periods, fiscal_year

UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
MULTIPLIERS = {"k": 1000, "m": 10**6, "bn": 10**9}
WORD_MULTIPLIERS = {"thousand": 1000, "million": 10**6, "billion": 10**9}
SYMBOLS = {"£": "GBP", "€": "EUR", "$": "USD"}


def spelled(n: int) -> str:
    """1..999 in words, as a reporter writes them ('two hundred and forty-five')."""
    hundreds, rest = divmod(n, 100)
    words = [f"{UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        tens, units = divmod(rest, 10)
        small = UNITS[rest] if rest < 20 else TENS[tens] + (f"-{UNITS[units]}" if units else "")
        words.append(("and " if hundreds else "") + small)
    return " ".join(words)


# a figure as written: a mantissa with up to three decimals ("12.3", "0.75", "250")
mantissas = st.builds(
    lambda whole, frac, places: Decimal(whole) + (Decimal(frac) / Decimal(10) ** places if places else 0),
    st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=999), st.integers(min_value=0, max_value=3),
).filter(lambda d: d > 0).map(lambda d: d.quantize(Decimal("0.001")).normalize())


def written(d: Decimal) -> str:
    return format(d, "f")


class TestAsNumber:
    @pytest.mark.parametrize(
        ("value", "expected", "kind"),
        [(Decimal("12300000.0"), 12300000, int), (Decimal("500000"), 500000, int), (Decimal("4.50"), 4.5, float),
         (Decimal("0.05"), 0.05, float)],
    )
    def test_whole_pounds_are_int_pence_are_float(self, value, expected, kind):
        result = as_number(value)
        assert result == expected
        assert type(result) is kind


class TestFindAmounts:
    @pytest.mark.parametrize(
        ("text", "amount", "high", "currency", "figure"),
        [
            ("Savings of £12.3m were made.", 12_300_000, None, "GBP", "£12.3m"),
            ("It will cost £12.3 million.", 12_300_000, None, "GBP", "£12.3 million"),
            ("The bill was £500,000 in total.", 500_000, None, "GBP", "£500,000"),
            ("A £750k contract.", 750_000, None, "GBP", "£750k"),
            ("The force must save £1.5 m.", 1_500_000, None, "GBP", "£1.5 m"),  # a space before the multiplier
            ("A £2 bn budget.", 2_000_000_000, None, "GBP", "£2 bn"),
            ("Vouchers worth £20 M&S gave out.", 20, None, "GBP", "£20"),
            ("A budget of £1.2bn.", 1_200_000_000, None, "GBP", "£1.2bn"),
            ("A budget of £1.2 billion.", 1_200_000_000, None, "GBP", "£1.2 billion"),
            ("A gap of £20m-a-year.", 20_000_000, None, "GBP", "£20m"),
            ("It saves half a million pounds.", 500_000, None, "GBP", "half a million pounds"),
            ("Cuts of a quarter of a billion pounds.", 250_000_000, None, "GBP", "a quarter of a billion pounds"),
            ("Some three quarters of a million pounds.", 750_000, None, "GBP", "three quarters of a million pounds"),
            ("He spent 12 million pounds.", 12_000_000, None, "GBP", "12 million pounds"),
            ("They spent two and a half million pounds.", 2_500_000, None, "GBP", "two and a half million pounds"),
            ("A million-pound deal.", 1_000_000, None, "GBP", "A million-pound"),
            ("It could save £2m to £3m a year.", 2_000_000, 3_000_000, "GBP", "£2m to £3m"),
            ("It could save £2-3m a year.", 2_000_000, 3_000_000, "GBP", "£2-3m"),
            ("It could save £2 to £3 million.", 2_000_000, 3_000_000, "GBP", "£2 to £3 million"),
            ("A cost of between £1m and £1.5m.", 1_000_000, 1_500_000, "GBP", "between £1m and £1.5m"),
            ("Costs will be cut by £2m to £3m a year.", 2_000_000, 3_000_000, "GBP", "£2m to £3m"),  # a range after 'by'
            ("A cost of £300,000-£400,000.", 300_000, 400_000, "GBP", "£300,000-£400,000"),
            ("The Garda will spend €5m.", 5_000_000, None, "EUR", "€5m"),
            ("A US$4m deal.", 4_000_000, None, "USD", "US$4m"),
            ("A budget of 3 million euros.", 3_000_000, None, "EUR", "3 million euros"),
            ("A rise of £4.50 a month.", 4.5, None, "GBP", "£4.50"),
            ("A 3p rise.", 0.03, None, "GBP", "3p"),
            ("An £800k overspend.", 800_000, None, "GBP", "£800k"),
            ("It will cost £2m-£3m.", 2_000_000, 3_000_000, "GBP", "£2m-£3m"),
            ("Grants fell by £3bn-£4bn.", 3_000_000_000, 4_000_000_000, "GBP", "£3bn-£4bn"),
            ("A £1.5 million-a-year saving.", 1_500_000, None, "GBP", "£1.5 million"),
            ("A £150,000-a-year salary.", 150_000, None, "GBP", "£150,000"),
            ("A £5m-plus project.", 5_000_000, None, "GBP", "£5m"),
            ("A 10 million pound deal.", 10_000_000, None, "GBP", "10 million pound"),
        ],
    )
    def test_reads_every_form(self, text, amount, high, currency, figure):
        (found,) = find_amounts(text)
        assert as_number(found.value) == amount
        assert (as_number(found.high) if found.high is not None else None) == high
        assert found.currency == currency
        assert found.text == figure
        assert text[found.start : found.end] == figure

    def test_a_change_then_the_level_reached_are_two_figures(self):
        found = find_amounts("The grant will fall by £5m to £150m.")
        assert [(f.text, f.high) for f in found] == [("£5m", None), ("£150m", None)]

    def test_amounts_are_exact(self):
        (found,) = find_amounts("£12.3m")
        assert found.value == 12_300_000
        assert as_number(found.value) == 12_300_000

    @pytest.mark.parametrize(
        "text",
        [
            "The move could save millions of pounds.",
            "A multi-million-pound deal.",
            "Every pound we save is a pound for the front line.",
            "Officers seized 100 pounds of cannabis.",
            "He has 15 years of service and 2,000 officers.",
            "The meeting is at 10p.m. on Friday.",
            "The precept rose by 1.99 per cent in 2019-20.",
        ],
    )
    def test_no_figure(self, text):
        assert find_amounts(text) == []

    def test_from_to_is_a_change_not_a_range(self):
        found = find_amounts("The budget falls from £120m to £110m.")
        assert [(f.value, f.high) for f in found] == [(120_000_000, None), (110_000_000, None)]

    def test_several_figures_in_order(self):
        found = find_amounts("Kent saved £2m and Essex £500,000, and both spent £1.5bn.")
        assert [as_number(f.value) for f in found] == [2_000_000, 500_000, 1_500_000_000]


class TestParseAmount:
    @given(mantissas, st.sampled_from(sorted(MULTIPLIERS)), st.sampled_from(sorted(SYMBOLS)))
    def test_abbreviated_multiplier(self, mantissa, suffix, symbol):
        parsed = parse_amount(f"{symbol}{written(mantissa)}{suffix}")
        assert parsed is not None
        assert parsed.value == mantissa * MULTIPLIERS[suffix]
        assert parsed.currency == SYMBOLS[symbol]

    @given(mantissas, st.sampled_from(sorted(WORD_MULTIPLIERS)), st.sampled_from(["", " ", "-"]))
    def test_word_multiplier(self, mantissa, word, space):
        parsed = parse_amount(f"£{written(mantissa)}{space}{word}")
        assert parsed is not None
        assert parsed.value == mantissa * WORD_MULTIPLIERS[word]

    @given(st.integers(min_value=1, max_value=10**12))
    def test_thousands_separators(self, n):
        parsed = parse_amount(f"£{n:,}")
        assert parsed is not None
        assert parsed.value == n
        assert as_number(parsed.value) == n

    @given(
        st.integers(min_value=1, max_value=999), st.sampled_from(sorted(WORD_MULTIPLIERS)), st.sampled_from(["pounds", "euros"])
    )
    def test_spelled_out(self, n, word, currency_word):
        parsed = parse_amount(f"{spelled(n)} {word} {currency_word}")
        assert parsed is not None
        assert parsed.value == n * WORD_MULTIPLIERS[word]
        assert parsed.currency == ("GBP" if currency_word == "pounds" else "EUR")

    @given(
        st.sampled_from([("half", "a", Decimal("0.5")), ("a quarter of", "a", Decimal("0.25")),
                         ("three quarters of", "a", Decimal("0.75"))]),
        st.sampled_from(sorted(WORD_MULTIPLIERS)),
    )
    def test_fractions(self, fraction, word):
        words, article, share = fraction
        parsed = parse_amount(f"{words} {article} {word} pounds")
        assert parsed is not None
        assert parsed.value == share * WORD_MULTIPLIERS[word]

    @given(mantissas, mantissas, st.sampled_from(["{s}{a}m to {s}{b}m", "between {s}{a}m and {s}{b}m", "{s}{a}m-{s}{b}m",
                                                  "{s}{a} to {s}{b} million"]))
    def test_ranges(self, one, two, form):
        low, high = sorted((one, two))
        text = form.format(s="£", a=written(low), b=written(high))
        parsed = parse_amount(text)
        assert parsed is not None
        assert (parsed.value, parsed.high) == (low * 10**6, high * 10**6)

    @given(mantissas, st.sampled_from(sorted(MULTIPLIERS)))
    def test_in_a_sentence_the_figure_is_found_whole(self, mantissa, suffix):
        text = f"The forces said around £{written(mantissa)}{suffix} a year would be saved."
        (found,) = find_amounts(text)
        assert found.value == mantissa * MULTIPLIERS[suffix]
        assert found.text == f"£{written(mantissa)}{suffix}"

    def test_not_one_whole_figure(self):
        assert parse_amount("£5m and £6m") is None
        assert parse_amount("millions of pounds") is None


class TestFiscalYear:
    @pytest.mark.parametrize(("first", "second"), [(2019, 20), (2019, 2020), (1999, 0), (1999, 2000)])
    def test_consecutive_years(self, first, second):
        label, start, end = fiscal_year(first, second)
        assert label == f"{first}-{(first + 1) % 100:02d}"
        assert (start, end) == (date(first, 4, 1), date(first + 1, 3, 31))

    @pytest.mark.parametrize(("first", "second"), [(2010, 2015), (2019, 19), (2019, 22)])
    def test_not_a_fiscal_year(self, first, second):
        assert fiscal_year(first, second) is None

    @given(
        st.integers(min_value=1950, max_value=2098), st.sampled_from(["{a}/{b2}", "{a}-{b2}", "{a}-{b4}", "{a}/{b4}", "{a}–{b2}"])
    )
    def test_every_form_normalises_to_the_same_label(self, year, form):
        text = "for " + form.format(a=year, b2=f"{(year + 1) % 100:02d}", b4=year + 1)
        (period,) = find_periods(text)
        assert period.label == f"{year}-{(year + 1) % 100:02d}"
        assert period.first_day == date(year, 4, 1)


class TestFindPeriods:
    @pytest.mark.parametrize(
        ("text", "label", "first", "last"),
        [
            ("a budget for 2019/20 of", "2019-20", date(2019, 4, 1), date(2020, 3, 31)),
            ("£9m in 2019-2020 alone", "2019-20", date(2019, 4, 1), date(2020, 3, 31)),
            ("£20m-a-year", "a year", None, None),
            ("£1m a year once running", "a year", None, None),
            ("£1m per annum", "a year", None, None),
            ("an annual budget", "a year", None, None),
            ("over the next four years", "four years", None, None),
            ("within two years", "two years", None, None),
            ("over 15 years", "15 years", None, None),
            ("a ten-year contract", "ten years", None, None),
            ("in its first year", "first year", None, None),
            ("in the first three years", "three years", None, None),
            ("over the past decade", "ten years", None, None),
            ("for the coming year", "coming year", None, None),
            ("by March 2020", "by March 2020", None, date(2020, 3, 31)),
            ("in April 2021", "April 2021", date(2021, 4, 1), date(2021, 4, 30)),
        ],
    )
    def test_reads_period(self, text, label, first, last):
        (period,) = find_periods(text)
        assert (period.label, period.first_day, period.last_day) == (label, first, last)

    @pytest.mark.parametrize("text", ["a year ago", "since 2010", "by 2020", "the 2010-11-05 report", "100M"])
    def test_no_period(self, text):
        assert find_periods(text) == []

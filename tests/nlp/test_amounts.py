"""Spelled-out numbers and the amount parser's lexicon (pipeline/nlp/amounts.py); figures themselves are tested in
tests/test_amounts.py."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.nlp.amounts import AmountParser, Numerals, amount_parser, words_to_number
from pipeline.nlp.money_lexicon import load_money_lexicon
from tests.counting import CountingTuple


@pytest.fixture(scope="module")
def numerals() -> Numerals:
    return amount_parser().numerals


class TestWordsToNumber:
    @pytest.mark.parametrize(
        ("words", "value"),
        [
            ("twelve", 12),
            ("two hundred and forty five", 245),
            ("two and a half million", 2_500_000),
            ("a million", 1_000_000),
            ("half a million", 500_000),
            ("a quarter of a billion", 250_000_000),
            ("three quarters of a million", 750_000),
        ],
    )
    def test_numbers(self, numerals, words, value):
        assert words_to_number(words.split(), numerals) == Decimal(value)

    @pytest.mark.parametrize(
        "words", ["a", "of a million", "and five", "million", "one quarters of a million", "three half a million",
                  "half a m"]
    )
    def test_not_numbers(self, numerals, words):
        assert words_to_number(words.split(), numerals) is None


class TestAmountParser:
    def test_number_words_come_from_the_caller(self):
        lexicon, _ = load_money_lexicon()
        parser = AmountParser(lexicon, {"two": 2, "hundred": 100})
        assert [a.value for a in parser.find("two million pounds and twelve million pounds")] == [Decimal(2_000_000)]

    def test_currency_words_come_from_the_lexicon(self):
        lexicon, words = load_money_lexicon()
        currencies = lexicon.currencies.model_copy(update={"words": {"quid": "GBP"}})
        parser = AmountParser(lexicon.model_copy(update={"currencies": currencies}), words.number_words)
        (found,) = parser.find("It cost 40 quid, not 50 pounds.")
        assert (found.value, found.currency, found.text) == (Decimal(40), "GBP", "40 quid")


class TestPlausible:
    @pytest.mark.parametrize(("text", "found"), [("£10tn", True), ("£20,000,000bn", False), ("£1m to £20,000tn", False)])
    def test_at_most_ten_trillion(self, text, found):
        assert bool(amount_parser().find(text)) is found


class TestFindWithoutCurrency:
    def test_each_figure_found_is_read_once_not_once_per_number(self):
        parser = amount_parser()
        text = " ".join(f"£{i}m and {i} million calls," for i in range(1, 61))
        found = CountingTuple(parser.find(text))
        bare = parser.find_without_currency(text, found)
        assert [a.text for a in bare] == [f"{i} million" for i in range(1, 61)]
        assert found.reads <= len(found)  # was every figure for every number: 60 x 120

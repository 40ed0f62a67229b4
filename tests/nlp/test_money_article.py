"""Article-level decisions on money figures (pipeline/nlp/money_article.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pipeline.nlp.money_article import anchored_period, cued, repeated_kinds, restated_kinds, shared_periods, year_style
from pipeline.nlp.money_kind import Reading
from pipeline.nlp.periods import Period, fiscal_year

OFFSETS = {"this": 0, "current": 0, "next": 1, "coming": 1}
NO_CUE = Reading("other", False, 5)


def rel(label: str) -> Period:
    return Period(label, 0, len(label))


def fy(first: int) -> Period:
    label, start, end = fiscal_year(first, first + 1)
    return Period(label, 0, 7, start, end)


class TestCued:
    @pytest.mark.parametrize(
        ("reading", "expected"),
        [(Reading("savings", True, 1), True), (Reading("savings", False, 1), True),
         (Reading("other", True, 0), True), (NO_CUE, False)],
    )
    def test_any_cue_counts(self, reading, expected):
        assert cued(reading) is expected


class TestRestatedKinds:
    @pytest.mark.parametrize(
        ("values", "readings", "hedged", "expected"),
        [
            # 'must find £87m' ... 'close to £90m over four years'
            ([87, 90], [Reading("savings", False, 1), NO_CUE], [False, True], ["savings", "savings"]),
            ([87, 90], [Reading("savings", True, 1), NO_CUE], [False, False], ["savings", "other"]),  # not approximate
            ([87, 120], [Reading("savings", True, 1), NO_CUE], [False, True], ["savings", "other"]),  # another figure
            ([87, 90], [Reading("savings", True, 1), Reading("spending", True, 2)], [False, True], ["savings", "spending"]),
            ([87, 91, 90], [Reading("savings", True, 1), Reading("budget", True, 1), NO_CUE], [False, False, True],
             ["savings", "budget", "budget"]),  # the nearest value
        ],
    )
    def test_a_rounded_figure_with_no_cue_is_the_figure_it_rounds(self, values, readings, hedged, expected):
        kinds = [r.kind for r in readings]
        assert restated_kinds([Decimal(v) for v in values], readings, kinds, hedged, 0.1) == expected


class TestYearStyle:
    @pytest.mark.parametrize(
        ("stated", "assigned", "style"),
        [
            ([fy(2025), rel("coming year")], [rel("coming year")], "fiscal"),
            ([rel("next year")], [Period("2024", 0, 4, date(2024, 1, 1), date(2024, 12, 31)), rel("next year")], "calendar"),
            ([rel("this year"), Period("four years", 0, 4)], [rel("this year")], None),
        ],
    )
    def test_the_article_names_its_years(self, stated, assigned, style):
        assert year_style(stated, assigned) == style


class TestAnchoredPeriod:
    @pytest.mark.parametrize(
        ("label", "published", "style", "expected"),
        [
            ("this year", date(2024, 12, 10), "fiscal", "2024-25"),
            ("next year", date(2024, 12, 10), "fiscal", "2025-26"),
            ("coming year", date(2025, 1, 30), "fiscal", "2025-26"),
            ("this year", date(2023, 5, 4), "fiscal", "2023-24"),
            ("this financial year", date(2023, 5, 4), "fiscal", "2023-24"),
            ("next year", date(2024, 8, 28), "calendar", "2025"),
            ("this year", date(2024, 8, 28), None, "this year"),  # the article names no year
            ("this year", None, "fiscal", "this year"),  # no date to read it from
            ("four years", date(2024, 8, 28), "fiscal", "four years"),
            ("first year", date(2024, 8, 28), "fiscal", "first year"),
        ],
    )
    def test_a_relative_year_is_read_from_the_publication_date(self, label, published, style, expected):
        period = anchored_period(rel(label), published, style, OFFSETS)
        assert period.label == expected

    def test_an_anchored_year_has_its_dates(self):
        period = anchored_period(rel("this year"), date(2024, 12, 10), "fiscal", OFFSETS)
        assert (period.first_day, period.last_day) == (date(2024, 4, 1), date(2025, 3, 31))

    def test_no_period_stays_none(self):
        assert anchored_period(None, date(2024, 12, 10), "fiscal", OFFSETS) is None


class TestSharedPeriods:
    def test_a_repeated_figure_takes_the_dated_period_of_another_mention(self):
        keys = [(14, "funding_gap"), (14, "funding_gap"), (5, "savings")]
        periods = [rel("coming year"), fy(2025), None]
        out = shared_periods(keys, periods, {"coming year"})
        assert [p.label if p else None for p in out] == ["2025-26", "2025-26", None]

    def test_a_mention_with_no_period_takes_it_too(self):
        keys = [(14, "funding_gap"), (14, "funding_gap")]
        out = shared_periods(keys, [None, fy(2025)], set())
        assert [p.label for p in out] == ["2025-26", "2025-26"]

    def test_a_duration_is_kept(self):
        keys = [(14, "savings"), (14, "savings")]
        out = shared_periods(keys, [Period("four years", 0, 1), fy(2025)], {"this year"})
        assert [p.label for p in out] == ["four years", "2025-26"]

    def test_another_kind_is_another_figure(self):
        keys = [(14, "savings"), (14, "budget")]
        out = shared_periods(keys, [None, fy(2025)], set())
        assert [p.label if p else None for p in out] == [None, "2025-26"]


class TestRepeatedKinds:
    def test_the_best_cued_mention_gives_every_mention_its_kind(self):
        keys = [("10",), ("10",), ("5",)]
        readings = [Reading("other", False, 5), Reading("savings", True, 2), Reading("budget", True, 1)]
        assert repeated_kinds(keys, readings, [False, True, True]) == ["savings", "savings", "budget"]

    def test_the_body_before_the_headline_then_the_nearest_cue(self):
        keys = [("200",), ("200",), ("200",)]
        readings = [Reading("spending", True, 1), Reading("other", True, 3), Reading("savings", True, 2)]
        assert repeated_kinds(keys, readings, [False, True, True]) == ["savings"] * 3

    def test_a_named_kind_outranks_a_strong_other(self):
        # 'could leave his force about £2m short' (a government deal: other, read from the grammar) and
        # 'a gap of around £2m' later: the figure is the gap
        keys = [("2",), ("2",)]
        readings = [Reading("other", True, 0), Reading("funding_gap", True, 2)]
        assert repeated_kinds(keys, readings, [True, True], sentences=[1, 2]) == ["funding_gap"] * 2

    def test_two_strong_kinds_in_one_sentence_are_two_facts(self):
        keys = [("12",), ("12",), ("12",)]
        readings = [Reading("budget_reduction", True, 1), Reading("savings", True, 1), Reading("other", False, 5)]
        kinds = repeated_kinds(keys, readings, [True] * 3, sentences=[4, 4, 9])
        assert kinds == ["budget_reduction", "savings", "budget_reduction"]

    def test_in_different_sentences_the_best_mention_wins(self):
        keys = [("12",), ("12",)]
        readings = [Reading("budget_reduction", True, 1), Reading("savings", True, 2)]
        assert repeated_kinds(keys, readings, [True, True], sentences=[4, 5]) == ["budget_reduction"] * 2

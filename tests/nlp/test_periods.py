"""Period phrases and which figure each belongs to (pipeline/nlp/periods.py)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from pipeline.nlp.amounts import Amount
from pipeline.nlp.lexicon import load_words
from pipeline.nlp.periods import (
    Period,
    assign_periods,
    duration_label,
    following_years,
    next_year,
    period_parser,
    read_date,
)

NUMBERS = load_words().number_words
CLAUSE_BREAK = period_parser().clause_break


def amounts_in(text: str) -> list[Amount]:
    """A figure at every '£N' of the text (the parsing of figures is not under test here)."""
    return [Amount(Decimal(m.group(1)), None, "GBP", m.start(), m.end(), m.group()) for m in re.finditer(r"£(\d+)", text)]


class TestDurationLabel:
    @pytest.mark.parametrize(
        ("count", "unit", "label"),
        [("a", "year", "a year"), ("one", "year", "a year"), ("1", "month", "a month"), ("four", "year", "four years"),
         ("15", "week", "15 weeks")],
    )
    def test_labels(self, count, unit, label):
        assert duration_label(count, unit, NUMBERS) == label


class TestReadDate:
    @pytest.mark.parametrize(
        ("phrase", "prep", "deadline", "label", "first", "last"),
        [
            ("by March 2020", "by", True, "by March 2020", None, date(2020, 3, 31)),
            ("until the end of June 2021", "until", True, "by June 2021", None, date(2021, 6, 30)),
            ("in April 2021", "in", False, "April 2021", date(2021, 4, 1), date(2021, 4, 30)),
            ("from 5 May 2019", "from", False, "5 May 2019", date(2019, 5, 5), date(2019, 5, 5)),
        ],
    )
    def test_dates(self, phrase, prep, deadline, label, first, last):
        period = read_date(phrase, prep, 3, 9, deadline)
        assert (period.label, period.first_day, period.last_day, period.start, period.end) == (label, first, last, 3, 9)


class TestStatedFor:
    def test_offsets_are_moved_into_the_document(self):
        (period,) = period_parser().stated_for("save £2m a year", offset=100)
        assert (period.label, period.start, period.end) == ("a year", 109, 115)

    @pytest.mark.parametrize("text", ["lost £30m since 2010/11", "lost £30m since  2010-11"])
    def test_a_starting_point_is_not_a_period(self, text):
        assert period_parser().stated_for(text) == []
        assert period_parser().find(text)  # found, then left out


class TestPeriodParserWords:
    @pytest.mark.parametrize(
        ("text", "label"),
        [
            ("£2m each year", "a year"),
            ("£2m every month", "a month"),
            ("over the following three years", "three years"),
            ("an extra £57m over three and a half years", "three and a half years"),
            ("over the next four financial years", "four years"),
            ("during the last decade", "ten years"),
            ("save £50m over the decade", "ten years"),
            ("revenue spending for 2021", "2021"),
            ("£29,975,000 in 2026", "2026"),
            ("the 2022 figure", "2022"),
            ("£144,000 a year on DNA sample submissions", "a year"),  # a rate: 'on' starts a phrase, not 'a year on'
            ("an annual budget", "a year"),
            ("in its second full year", "second year"),
            ("before Sept. 2019", "by September 2019"),
        ],
    )
    def test_reads(self, text, label):
        (period,) = period_parser().find(text)
        assert period.label == label

    @pytest.mark.parametrize(
        "text", ["a year earlier", "two years ago", "a year on", "a year on, the force", "by 2020", "since 2010"]
    )
    def test_not_a_period(self, text):
        assert period_parser().find(text) == []


class TestFollowingPeriods:
    @pytest.mark.parametrize("text", ["£5.8m the year after", "£8.3m less the following year", "the subsequent year"])
    def test_read_as_following(self, text):
        (period,) = period_parser().find(text)
        assert period.following and period.label == "following year"


class TestFollowingYears:
    @pytest.mark.parametrize(
        ("text", "label"),
        [
            ("£4m in 2012-13 and £5.8m the year after", "2013-14"),
            ("£2m in 2019 and £3m the following year", "2020"),
            ("£3m over four years and £1m the following year", None),  # no year named before it: none
            ("£3m the following year", None),
        ],
    )
    def test_the_year_after_the_last_named_year(self, text, label):
        periods = period_parser().find(text)
        (resolved,) = following_years([p for p in periods if p.following], periods)
        assert (resolved.label if resolved else None) == label

    def test_other_periods_are_left_alone(self):
        period = Period("four years", 0, 10)
        assert following_years([period, None], [period]) == [period, None]


class TestNextYear:
    def test_financial_and_calendar_years(self):
        where = Period("following year", 30, 48, following=True)
        fy = next_year(Period("2012-13", 0, 7, date(2012, 4, 1), date(2013, 3, 31)), where)
        assert (fy.label, fy.first_day, fy.last_day, fy.start, fy.following) == (
            "2013-14", date(2013, 4, 1), date(2014, 3, 31), 30, False
        )
        assert next_year(Period("2019", 0, 4, date(2019, 1, 1), date(2019, 12, 31)), where).label == "2020"


class TestAssignPeriods:
    def test_a_restatement_does_not_break_the_clause(self):
        for text in ("Cuts of £7, or 11.5% of its revenue, over the next two years.", "Cuts of £7 (11.5%) over two years."):
            (period,) = period_parser().find(text)
            assert assign_periods(text, amounts_in(text), [period], CLAUSE_BREAK, 80) == [period]

    def test_the_period_after_a_figure_is_its_own(self):
        text = "A gap of £5 in 2016-17, and the forces expect to save £2."
        periods = [Period("2016-17", text.index("2016"), text.index("2016") + 7)]
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == [periods[0], None]

    @pytest.mark.parametrize(
        "text",
        [
            "They saved £5, which was more than in 2016-17.",  # a clause between them
            "They saved £5 in what the report called a very difficult 2016-17.",  # too far for a gap of 40
        ],
    )
    def test_not_across_a_clause_or_too_far(self, text):
        periods = [Period("2016-17", text.index("2016"), text.index("2016") + 7)]
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 40) == [None]

    def test_a_period_before_the_figure(self):
        text = "The budget for 2016-17 was £99."
        periods = [Period("2016-17", text.index("2016"), text.index("2016") + 7)]
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == periods

    def test_an_opening_period_applies_to_every_figure(self):
        text = "In the first year, Kent is aiming to save £3 and Essex £1."
        periods = [Period("first year", 7, 17)]
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == periods * 2

    def test_an_annual_budget_does_not_spread(self):
        text = "The unit has an annual budget of £12, and the three forces have invested £7 in it."
        periods = period_parser().find(text)
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == [periods[0], None]

    def test_an_annual_word_goes_to_the_figure_of_its_noun(self):
        text = "The merger will cost £5 up front but deliver annual savings of £2."
        periods = period_parser().find(text)
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == [None, periods[0]]

    def test_an_annual_word_just_after_a_figure_is_its_own(self):
        text = "The force has a £12 annual budget and must save £1."
        periods = period_parser().find(text)
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == [periods[0], None]

    def test_not_from_before_a_figure_across_a_clause(self):
        text = "Leaving numbers at 6,459 by March 2024, and further cuts, the gap can only be reduced to £85."
        periods = period_parser().find(text)
        assert periods and assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == [None]

    def test_an_opening_period_in_the_first_clause_spreads(self):
        text = "The budget for this year is £3, made up of £2 from the government and £1 from local taxes."
        periods = period_parser().find(text)
        assert assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80) == periods * 3

    @pytest.mark.parametrize(
        ("text", "label"),
        [
            ("In 2018 the force saved £2.", "2018"),  # a year that opens the sentence
            ("Mr Watson joined the force in 2008 and took on the role, saving £6.", None),  # an event's year
            ("The alliance has saved £4 since it began in 2015.", None),  # a since-clause
        ],
    )
    def test_calendar_years(self, text, label):
        periods = period_parser().stated_for(text)
        (period,) = assign_periods(text, amounts_in(text), periods, CLAUSE_BREAK, 80)
        assert (period.label if period else None) == label

    def test_a_fiscal_year_is_not_read_as_a_calendar_year(self):
        assert [p.label for p in period_parser().find("the budget in 2019/20")] == ["2019-20"]

    def test_a_calendar_year_is_dated(self):
        (period,) = period_parser().find("The police budget for 2024 is £27m.")
        assert (period.first_day, period.last_day) == (date(2024, 1, 1), date(2024, 12, 31))

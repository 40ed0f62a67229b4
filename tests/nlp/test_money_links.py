"""How figures of a sentence lean on each other (pipeline/nlp/money_links.py), on small parsed sentences."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_lexicon import load_money_lexicon
from pipeline.nlp.money_links import (
    LinkCues,
    breakdown_start,
    frame_word,
    governed_directly,
    in_a_list,
    in_other_units,
    is_gapped,
    is_share,
    is_total,
    labelled_item,
    next_item,
    periods_of_parts,
    periods_over_lists,
    periods_to_their_verbs,
    whole_of,
)
from pipeline.nlp.periods import Period, period_parser


@pytest.fixture(scope="module")
def cues() -> LinkCues:
    lexicon = load_money_lexicon()[0]
    return LinkCues.from_lexicon(lexicon.links, lexicon.hedges.before)


def spans(nlp, text: str, *written: str):
    doc = nlp(text)
    return [token_span(doc, text.index(w), text.index(w) + len(w)) for w in written]


class TestIsTotal:
    @pytest.mark.parametrize(
        ("text", "written", "total"),
        [
            ("Kent must find £3.5m and Essex £1m, a total of more than £4m.", "£4m", True),
            ("Kent must cut £3m and Essex £2m, £5m in total.", "£5m", True),
            ("Kent must save £3m and Essex £2m, totalling about £5m.", "£5m", True),
            ("Kent must cut £3m and Essex £2m.", "£2m", False),
            ("The total budget of the force is £5m.", "£5m", False),  # 'total' is not 'a total of'
        ],
    )
    def test_the_sum_of_the_figures_before(self, nlp, cues, text, written, total):
        doc, start = nlp(text), text.rindex(written)  # the last mention
        assert is_total(token_span(doc, start, start + len(written)), cues) is total


class TestBreakdownStart:
    @pytest.mark.parametrize(
        ("text", "written", "part"),
        [
            ("The demand is made up of £3.4m from spending and £300,000 from capital.", "£300,000", True),
            ("The submission breaks the figure down into £5m for reform.", "£5m", True),
            ("The sum is split between £2m for Kent and £1m for Essex.", "£1m", True),
            ("The bill comprises £4m of pay.", "£4m", True),
            ("The force will spend £5m on reform.", "£5m", False),
            ("Crime went down into the new year, costing £5m.", "£5m", False),
        ],
    )
    def test_a_part_of_a_broken_down_figure(self, nlp, cues, text, written, part):
        (span,) = spans(nlp, text, written)
        start = breakdown_start(span, cues)
        assert (start is not None) is part
        if part:
            assert start < span.start_char and text[start:].split()[0] in {"made", "breaks", "split", "comprises"}


class TestIsShare:
    @pytest.mark.parametrize(
        ("text", "written", "share"),
        [
            ("The dog unit accounts for about £360,000 of that.", "£360,000", True),
            ("Of that, £6.8m is due to come from a review.", "£6.8m", True),
            ("Of this, £2m will go on training.", "£2m", True),
            ("The force saved £2m of its budget.", "£2m", False),
            ("Of that, much is staff pay, and £6.8m is due from a review.", "£6.8m", False),  # a later clause
        ],
    )
    def test_share_of_the_figure_before(self, nlp, cues, text, written, share):
        (span,) = spans(nlp, text, written)
        assert is_share(span, cues) is share


class TestWholeOf:
    @pytest.mark.parametrize(
        ("text", "part", "whole"),
        [
            ("Job losses account for £11.5m of the £13.5m the force has to save.", "£11.5m", 1),
            ("Staff make up £2m of its £10m savings.", "£2m", 1),
            ("The force saved £2m of its budget and £10m in all.", "£2m", None),  # a part of no figure
            ("Job losses account for £11.5m of the £13.5m the force has to save.", "£13.5m", None),
        ],
    )
    def test_the_figure_it_is_a_part_of(self, nlp, text, part, whole):
        figures = spans(nlp, text, *(w for w in text.split() if w.startswith("£")))
        this = next(s for s in figures if s.text.startswith(part))
        assert whole_of(this, figures) == whole


class TestIsGapped:
    @pytest.mark.parametrize(
        ("text", "first", "second", "gapped"),
        [
            ("Warwickshire must reduce its budget by £22.9m, and West Mercia by £34m.", "£22.9m", "£34m", True),
            ("The dog unit accounts for about £360,000, and the standards unit for about £170,000.", "£360,000",
             "£170,000", True),
            ("Kent must cut £2m, and Essex will spend £3m.", "£2m", "£3m", False),  # a verb of its own
            ("Kent saved £2m from a budget of £30m.", "£2m", "£30m", False),  # no conjunction, another frame
        ],
    )
    def test_the_same_frame_without_a_verb(self, nlp, cues, text, first, second, gapped):
        a, b = spans(nlp, text, first, second)
        assert is_gapped(a, b, cues) is gapped


class TestFrameWord:
    def test_past_hedges(self, nlp, cues):
        (span,) = spans(nlp, "The unit accounts for about £170,000.", "£170,000")
        assert frame_word(span, cues).lower_ == "for"


class TestGovernedDirectly:
    @pytest.mark.parametrize(("written", "direct"), [("£50m", True), ("£300m", False)])
    def test_not_inside_another_nouns_phrase(self, nlp, written, direct):
        (span,) = spans(nlp, "The force saved £50m from a budget of £300m over the past four years.", written)
        verb = next(t for t in span.doc if t.lower_ == "saved")
        assert governed_directly(span, verb) is direct


class TestPeriodsToTheirVerbs:
    def test_the_period_goes_to_the_figure_its_verb_governs(self, nlp):
        text = "Mr Hogg said his force had saved £50m from a budget of £300m over the past four years."
        figures = spans(nlp, text, "£50m", "£300m")
        (period,) = period_parser().find(text)
        assert periods_to_their_verbs(figures, [None, period]) == [period, None]

    def test_through_a_verb_that_completes_another(self, nlp):
        text = "Of that, £37m has to come out of its current £450m budget during the 2011-12 financial year alone."
        figures = spans(nlp, text, "£37m", "£450m")
        (period,) = period_parser().find(text)
        assert periods_to_their_verbs(figures, [None, period]) == [period, None]

    def test_left_alone_when_it_is_the_figures_own_word(self, nlp):
        text = "Sussex will get £174m, a rise of 2.5 per cent on this year's £170m."
        figures = spans(nlp, text, "£174m", "£170m")
        (period,) = period_parser().find(text)
        assert periods_to_their_verbs(figures, [None, period]) == [None, period]

    def test_left_alone_when_the_figure_is_the_verbs(self, nlp):
        text = "Kent will spend £2m on a unit and cut £3m over four years."
        figures = spans(nlp, text, "£2m", "£3m")
        (period,) = period_parser().find(text)
        assert periods_to_their_verbs(figures, [None, period]) == [None, period]


class TestPeriodsOverLists:
    def test_the_period_after_a_list_is_every_listed_figures(self, nlp):
        text = "Kent Police must save £5m, Essex Police £3m and Suffolk Constabulary £2m over the next four years."
        figures = spans(nlp, text, "£5m", "£3m", "£2m")
        (period,) = period_parser().find(text)
        assert periods_over_lists(figures, [None, None, period]) == [period] * 3

    def test_not_over_a_verb(self, nlp):
        text = "Kent Police will spend £5m and save £2m over four years."
        figures = spans(nlp, text, "£5m", "£2m")
        (period,) = period_parser().find(text)
        assert periods_over_lists(figures, [None, period]) == [None, period]


class TestPeriodsOfParts:
    @pytest.mark.parametrize(
        ("text", "labels"),
        [
            ("Forces shared a £20m fund in 2013-14, including £3.8m for six forces.", ["2013-14", "2013-14"]),
            ("Forces shared a £20m fund in 2013-14, and £3.8m went to six forces.", ["2013-14", None]),
        ],
    )
    def test_an_included_figure_has_the_period_of_the_figure_before(self, nlp, cues, text, labels):
        first, second = spans(nlp, text, "£20m", "£3.8m")
        period = period_parser().find(text)[0]
        assert [p.label if p else None for p in periods_of_parts([first, second], [period, None], cues)] == labels


class TestInOtherUnits:
    @pytest.mark.parametrize(
        ("previous", "previous_rate", "value", "rate", "same"),
        [
            ("15", "a year", "1.25", "a month", True),  # '£15 a year ..., or £1.25 a month'
            ("12", "a year", "0.23", "a week", True),  # '£12 a year, or 23p a week'
            ("2000000", "a year", "50000", "a month", False),  # another sum
            ("15", "a year", "15", "a year", False),  # the same rate: not a restatement
            ("15", "four years", "1.25", "a month", False),  # no rate before it
        ],
    )
    def test_the_same_sum_at_another_rate(self, cues, previous, previous_rate, value, rate, same):
        periods = (Period(previous_rate, 0, 1), Period(rate, 2, 3))
        assert in_other_units(Decimal(previous), periods[0], Decimal(value), periods[1], cues) is same

    def test_none_without_periods(self, cues):
        assert in_other_units(Decimal(15), None, Decimal("1.25"), Period("a month", 2, 3), cues) is False


class TestInAList:
    @pytest.mark.parametrize(
        ("text", "listed"),
        [
            ("Northumbria has to find £3.5m, Durham and Cleveland £1.3m each.", True),
            ("The force has a budget of £300m and reserves of £20m.", False),  # another noun between
            ("It costs £5m, saving £2m.", False),  # a verb between
        ],
    )
    def test_names_and_joins_only(self, nlp, text, listed):
        first, second = (text.split("£")[1].split()[0].rstrip(".,"), text.split("£")[2].split()[0].rstrip(".,"))
        a, b = spans(nlp, text, "£" + first, "£" + second)
        assert in_a_list(a, b) is listed


class TestLabelledItem:
    @pytest.mark.parametrize(
        ("text", "figure", "expected"),
        [
            ("Forecasts:\n- South Yorkshire: £49m between 2016-17 and 2019-20", "£49m", True),
            ("Forecasts:\nKent: £61m cut from its budget", "£61m", True),
            ("The forecast for Kent: £61m.", "£61m", False),  # a colon inside a sentence
            ("Forecasts:\n- £61m for Kent", "£61m", False),  # no label
        ],
    )
    def test_a_line_opened_by_a_label_and_a_colon(self, nlp, text, figure, expected):
        (span,) = spans(nlp, text, figure)
        assert labelled_item(span) is expected


class TestNextItem:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Among them:\n- Kent: £61m cut from its budget\n- Merseyside: £47.5m by 2019", True),
            ("Among them:\n\nKent: £61m cut from its budget\n\nMerseyside: £47.5m by 2019", True),
            ("Among them:\n- Kent: £61m cut\n- Essex: none\n- Merseyside: £47.5m by 2019", False),  # an item between
            ("Kent: £61m cut from its budget. Merseyside is spending £47.5m.", False),
        ],
    )
    def test_consecutive_items_of_a_labelled_list(self, nlp, text, expected):
        first, second = spans(nlp, text, "£61m", "£47.5m")
        assert next_item(first, second) is expected

"""The date a sentence states (pipeline/storage/dates.py)."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.storage.dates import stated_date

PUBLISHED = date(2015, 6, 10)


class TestStatedDate:
    @pytest.mark.parametrize(("sentence", "expected"), [
        ("The alliance went live in April 2012 and now covers 20 units.", date(2012, 4, 1)),
        ("On 14 March 2013 the deal was signed.", date(2013, 3, 14)),
        ("It went live on April 1, 2012.", date(2012, 4, 1)),
        ("It will save £3m a year by March 2016, the chief constable said.", date(2016, 3, 1)),
        ("Surrey and Sussex have run major crime jointly since 2011.", date(2011, 1, 1)),
        ("The unit, set up in the summer of 2014, has grown.", date(2014, 1, 1)),
        ("The forces will merge their control rooms from 1 April.", date(2015, 4, 1)),
        ("The partnership was signed last year by the two commissioners.", date(2014, 1, 1)),
        ("The plan was scrapped on Tuesday.", date(2015, 6, 9)),
        ("The members met a day before the government's 11 June deadline.", date(2015, 6, 11)),
    ])
    def test_the_date_stated_relative_to_publication(self, sentence, expected):
        assert stated_date(sentence, PUBLISHED, "operating") == expected

    @pytest.mark.parametrize("sentence", [
        "West Mercia is pulling out of the alliance the two forces have run since 2013.",
        "The forces are dismantling the strategic alliance they formed in 2013, after a review.",
        "The unit, set up in 2013, is to close.",
    ])
    @pytest.mark.parametrize(("stage", "expected"), [("operating", date(2013, 1, 1)), ("ended", None)])
    def test_when_it_began_dates_an_operation_only(self, sentence, stage, expected):
        assert stated_date(sentence, PUBLISHED, stage) == expected

    @pytest.mark.parametrize("sentence", [
        "Savings of £2m are expected in 2019/20 from the shared unit.",  # a financial year, not 20 Nov
        "Savings of £2m are expected in 2019-20 from the shared unit.",
        "May said the forces would share 20 teams.",
        "Cleveland and Durham share 3 units under a 10-year deal.",
        "The 2000 officers of the two forces work together.",
        "Joint Protective Services",
    ])
    def test_no_date_stated(self, sentence):
        assert stated_date(sentence, PUBLISHED, "operating") is None

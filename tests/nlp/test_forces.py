"""The forces component: the rules together, list-only area names and the date a force was formed."""

from __future__ import annotations

from datetime import date

import pytest

from pipeline.nlp.extensions import article_doc
from pipeline.nlp.forces import force_mentions


def found(nlp, text: str, published: date | None = None) -> list[str]:
    return [s.kb_id_ for s in force_mentions(nlp(article_doc(nlp, text, published)))]


class TestForceFinder:
    @pytest.mark.parametrize(
        "text",
        [
            "Scotland's chief constables agreed to create a central unit.",
            "The Police Service of Scotland will take over next April.",
            "Police Scotland will be formed from the eight forces next year.",
        ],
    )
    def test_police_scotland_is_no_force_before_april_2013(self, nlp, text):
        assert "Police Scotland" not in found(nlp, text, date(2012, 10, 25))
        assert "Police Scotland" in found(nlp, text, date(2013, 4, 1))

    def test_an_article_with_no_date_keeps_its_mentions(self, nlp):
        assert found(nlp, "Police Scotland said so.") == ["Police Scotland"]

    def test_scotland_yard_is_the_met(self, nlp):
        assert found(nlp, "Scotland Yard said so.", date(2010, 1, 1)) == ["Metropolitan Police Service"]

    def test_an_area_that_counts_only_in_a_list_of_forces(self, nlp):
        text = ("The eight forces are Strathclyde, Lothian and Borders, Grampian, Tayside, Fife, Central Scotland, "
                "Northern, and Dumfries and Galloway.")
        assert found(nlp, text, date(2012, 10, 25))[-2:] == ["Northern Constabulary", "Dumfries and Galloway Constabulary"]

    @pytest.mark.parametrize(
        "text",
        [
            "Northern Rail said the two forces helped.",
            "The Northern force and Kent agreed.",
        ],
    )
    def test_the_list_only_area_alone_is_no_mention(self, nlp, text):
        assert "Northern Constabulary" not in found(nlp, text)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Steve Kent, chair of South Yorkshire Police Federation, said the two forces should learn from it.",
             ["South Yorkshire Police"]),
            ("Kent County Council and Essex County Council will share a building.", []),
            ("Hertfordshire Constabulary's headquarters in Welwyn Garden City is near the station.",
             ["Hertfordshire Constabulary"]),
        ],
    )
    def test_areas_inside_other_names_are_no_mentions(self, nlp, text, expected):
        assert found(nlp, text) == expected

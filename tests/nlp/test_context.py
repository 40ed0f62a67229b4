"""Article context: the force the article leads with."""

from __future__ import annotations

import pytest

from pipeline.nlp.context import is_partner, opening_name
from pipeline.nlp.forces import force_mentions


class TestOpeningName:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Cumbria picks merger as its first choice\n\nCumbria's chief constable said so.", "Cumbria Constabulary"),
            ("Essex towns hit by floods\n\nKent's chief constable said so.", None),  # another force
            ("Tourists flock to the coast\n\nCumbria's chief constable said so.", None),
        ],
    )
    def test_words_opening_the_article_that_name_a_force_elsewhere(self, nlp, text, expected):
        doc = nlp(text)
        first = next(doc.sents)
        areas = {"Cumbria Constabulary": frozenset({"Cumbria"}), "Kent Police": frozenset({"Kent"})}
        span = opening_name(doc, first, force_mentions(doc), areas)
        assert (span.kb_id_ if span is not None else None) == expected

    def test_the_headline_area_makes_the_lead_force(self, nlp):
        text = ("Cumbria picks merger as its first choice\n\nA review chose Lancashire Constabulary and Merseyside "
                "Police as partners for Cumbria Constabulary.")
        assert nlp(text)._.main_force == "Cumbria Constabulary"
        assert nlp(text.replace("Cumbria picks", "Force picks"))._.main_force is None


class TestIsPartner:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The merger with Kent would save money.", True),
            ("Essex works alongside Kent and Surrey.", True),
            ("Kent will merge its units.", False),
        ],
    )
    def test_the_other_party_of_a_collaboration(self, nlp, text, expected):
        doc = nlp(text)
        kent = next(m for m in force_mentions(doc) if m.text == "Kent")
        assert is_partner(kent) is expected

    def test_a_partner_does_not_make_the_article_about_its_force(self, nlp):
        doc = nlp("Kent Police and Essex Police will merge. The chief said the merger with Kent would save Essex £4m.")
        assert doc._.main_force is None

"""Rule functions of the forces stage that read an area name as an actor of its sentence
(``pipeline.nlp.force_subjects``)."""

from __future__ import annotations

import pytest

from pipeline.nlp.force_subjects import called_a_force, fronted_for_a_post, speaks
from tests.nlp.force_helpers import area, cues


class TestSpeaks:
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ("Surrey says the result would be far too big.", "Surrey", True),
            ("Kent said it would not merge.", "Kent", True),
            ("Kent will cut 200 posts.", "Kent", False),  # not a verb of speech
            ("People in Kent said they were worried.", "Kent", False),  # a place in the subject
            ("Surrey County Council said it would help.", "Surrey", False),  # part of a longer subject
        ],
    )
    def test_an_area_that_speaks(self, nlp, text, name, expected):
        doc = nlp(text)
        assert speaks(area(doc, name), cues(nlp).speech_verbs) is expected


class TestCalledAForce:
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ("Kent, his home force, is using new software.", "Kent", True),
            ("Gwent – the smallest constabulary – agreed.", "Gwent", True),
            ("Kent, his home county, is sunny.", "Kent", False),
            ("In Kent, the force said no.", "Kent", False),  # the phrase goes on past the force noun
            ("Kent, Essex and Surrey are forces.", "Kent", False),
        ],
    )
    def test_an_appositive_that_calls_the_area_a_force(self, nlp, text, name, expected):
        doc = nlp(text)
        assert called_a_force(area(doc, name), cues(nlp).force_nouns) is expected


class TestFrontedForAPost:
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ("In Cumbria, where the commissioner's programme is meant to save money, calls are handled.", "Cumbria", True),
            ("In Surrey, commissioner David Munro has said budgets will shrink.", "Surrey", True),
            ("In Kent, the chief constable warned of cuts.", "Kent", True),
            ("In Kent, a man was arrested on Friday.", "Kent", False),  # no post: a place
            ("In Kent, Essex's commissioner spoke.", "Kent", False),  # the post of another place
            ("In Kent, a special constable was hurt.", "Kent", False),  # a constable, not the chief constable
            ("Officers in Kent, the commissioner said, were stretched.", "Kent", False),  # not the opening
        ],
    )
    def test_an_opening_place_for_a_post_of_its_force(self, nlp, text, name, expected):
        doc = nlp(text)
        assert fronted_for_a_post(area(doc, name), cues(nlp).fronted_posts) is expected

"""What a title says: label and force (pipeline/nlp/officials/roles.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.roles import (
    RANK_APPOSITIVE,
    clue,
    context_forces,
    has_former,
    joint_post,
    owner_force,
    premodifier,
    role_label,
    the_force_owns,
)
from tests.nlp.officials.helpers import at, index_of, title


def whole(idx):
    return 0, len(idx.doc)


class TestClue:
    @pytest.mark.parametrize(
        ("text", "words", "label", "force", "acting"),
        [
            ("Kent's acting chief constable spoke.", "chief constable", "chief_constable", "Kent Police", True),
            ("The Mayor of London spoke.", "Mayor of London", "police_and_crime_commissioner",
             "Metropolitan Police Service", False),  # a body tied to one force
            ("The former Kent chief constable spoke.", "chief constable", "chief_constable", None, False),
            ("The chair of the Humberside police and crime panel spoke.", "chair", "other", "Humberside Police", False),
        ],
    )
    def test_label_force_and_acting_from_the_context(self, nlp, text, words, label, force, acting):
        idx = index_of(nlp, text)
        found = clue(idx, title(idx, words), *whole(idx), RANK_APPOSITIVE)
        assert (found.label, found.force, found.acting, found.title) == (label, force, acting, at(idx, words))

    @pytest.mark.parametrize(("text", "former"), [("The former Kent chief constable spoke.", True),
                                                  ("The Kent chief constable spoke.", False)])
    def test_a_former_post_is_marked(self, nlp, text, former):
        idx = index_of(nlp, text)
        assert clue(idx, title(idx, "chief constable"), *whole(idx), RANK_APPOSITIVE).former is former

    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [("Garda Commissioner Jane Doe spoke.", "Garda Commissioner", True),
         ("Chief Constable Jane Doe spoke.", "Chief Constable", False)],
    )
    def test_a_title_of_a_force_outside_the_uk_takes_no_fallback_force(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        assert clue(idx, title(idx, words), *whole(idx), RANK_APPOSITIVE).no_fallback is expected

    def test_no_clue_without_a_label(self, nlp):
        idx = index_of(nlp, "The chairman spoke.")  # a head with no organisation
        assert clue(idx, title(idx, "chairman"), *whole(idx), RANK_APPOSITIVE) is None


class TestRoleLabel:
    @pytest.mark.parametrize(
        ("text", "words", "forces", "expected"),
        [
            ("West Yorkshire's Mayor spoke.", "Mayor", ["West Yorkshire Police"], "police_and_crime_commissioner"),
            ("Hartlepool's Mayor spoke.", "Mayor", [], "politician"),
            ("The Met's Commissioner spoke.", "Commissioner", ["Metropolitan Police Service"], "chief_constable"),
            ("Kent's Commissioner spoke.", "Commissioner", ["Kent Police"], "police_and_crime_commissioner"),
            ("The Children's Commissioner spoke.", "Commissioner", [], None),
            ("The Information Commissioner spoke.", "Commissioner", [], None),
            ("The deputy mayor who oversees the Met spoke.", "deputy mayor", ["Metropolitan Police Service"],
             "deputy_police_and_crime_commissioner"),
            ("The deputy mayor for business spoke.", "deputy mayor", [], "politician"),
        ],
    )
    def test_label_of_a_title(self, nlp, text, words, forces, expected):
        idx = index_of(nlp, text)
        assert role_label(idx, title(idx, words), *whole(idx), forces) == expected


class TestContextForces:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("The City of London Police is small. Its commissioner spoke.", "commissioner", ["City of London Police"]),
            ("The Metropolitan Police could shed 2,300 officers, the Commissioner has warned.", "Commissioner",
             ["Metropolitan Police Service"]),  # the article's force
            ("The Metropolitan Police could shed 2,300 officers, a commissioner has warned.", "commissioner", []),
            ("Greater Manchester Police is busy. Tony Lloyd has served as interim mayor.", "mayor",
             ["Greater Manchester Police"]),
        ],
    )
    def test_forces_a_title_with_none_of_its_own_is_read_with(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        phrase = title(idx, words)
        assert context_forces(idx, phrase, owner_force(idx, phrase)) == expected

    def test_commissioner_of_the_force_that_owns_it(self, nlp):
        idx = index_of(nlp, "The City of London Police is small. Its commissioner spoke.")
        found = clue(idx, title(idx, "commissioner"), at(idx, "Its"), len(idx.doc), RANK_APPOSITIVE)
        assert (found.label, found.force) == ("chief_constable", "City of London Police")


class TestOwnerForce:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("Durham Constabulary cut jobs. North Wales Police is to lose 120 jobs. Tom Doe, the force's director of "
             "finance, spoke.", "director of finance", "North Wales Police"),  # the force named last
            ("The City of London Police is small. Its commissioner spoke.", "commissioner", "City of London Police"),
            ("Kent Police cut jobs. The commissioner's director of finance spoke.", "director of finance", None),
        ],
    )
    def test_the_force_named_last_owns_the_title(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        assert owner_force(idx, title(idx, words)) == expected


class TestTheForceOwns:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("The force's director of finance spoke.", True), ("A force's director of finance spoke.", False),
         ("The director of finance spoke.", False)],
    )
    def test_a_title_owned_by_the_force(self, nlp, text, expected):
        idx = index_of(nlp, text)
        assert the_force_owns(idx, title(idx, "director of finance")) is expected


class TestJointPost:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("head of roads policing for the two forces", True),
            ("head of roads policing for both forces", True),
            ("head of roads policing for the force", False),
            ("head of roads policing for Kent and Essex forces", False),  # forces named
        ],
    )
    def test_a_post_of_forces_in_the_plural(self, nlp, text, expected):
        idx = index_of(nlp, text)
        assert joint_post(idx, *whole(idx)) is expected


class TestPremodifier:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("Kent's chief constable", "Kent", True),
            ("Kent's chief constable", "'s", True),
            ("the interim chief constable", "interim", True),
            ("the new chief constable", "new", True),
            ("Unison branch secretary", "Unison", True),
            ("the commissioner's chief of staff", "commissioner", True),
            ("she met the chief constable", "met", False),
        ],
    )
    def test_word_that_belongs_to_the_title_after_it(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert premodifier(idx, idx.doc[at(idx, word)]) is expected


class TestHasFormer:
    @pytest.mark.parametrize(("text", "expected"), [("the former Kent chief", True), ("the Kent chief", False)])
    def test_former_in_the_phrase(self, nlp, text, expected):
        idx = index_of(nlp, text)
        assert has_former(idx, 0, len(idx.doc)) is expected

"""What a title says: label and force (pipeline/nlp/officials/roles.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.roles import (
    RANK_APPOSITIVE,
    body_force,
    clue,
    context_forces,
    has_former,
    joint_post,
    local_body,
    organisation_label,
    owned_body_force,
    owner_force,
    owner_organisation,
    places_in,
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


class TestOrganisationLabel:
    @pytest.mark.parametrize(
        ("text", "head", "expected"),
        [
            ("The chairman of the Kent Police Federation spoke.", "chairman", "federation_representative"),
            ("The Unison branch secretary spoke.", "branch secretary", "federation_representative"),
            ("The chair of the police and crime panel spoke.", "chair", "other"),
            ("Humberside Police's director of finance spoke.", "director of finance", "police_staff"),
            ("The chief finance officer to the PCC spoke.", "chief finance officer", "police_staff"),
            ("The Police Federation said no. Its chair spoke.", "chair", "federation_representative"),
            ("The chairman spoke.", "chairman", None),
            ("The authority's chairman spoke.", "chairman", "other"),
            ("The convener of the police board spoke.", "convener", "other"),
            ("The president of the Association of Chief Police Officers spoke.", "president", "other"),
            ("The SPA chairman spoke.", "chairman", "other"),
            ("The leader of Bury Council spoke.", "leader", "politician"),
            ("The chief executive of Kent Police Authority spoke.", "chief executive", "police_staff"),  # its staff
            ("The chairman of the fire authority spoke.", "chairman", None),  # not a policing body
            ("The leader of the combined authority spoke.", "leader", None),
            ("The council's finance director spoke.", "finance director", "other"),  # an officer, not a councillor
            ("Branch secretary Jane Doe spoke.", "Branch secretary", "federation_representative"),  # a union branch
            ("The chairman of the licensing board spoke.", "chairman", None),
        ],
    )
    def test_a_head_takes_its_label_from_the_organisation(self, nlp, text, head, expected):
        idx = index_of(nlp, text)
        start = text.index(head)
        lo = 0 if "Its" not in text else at(idx, "Its")
        phrase = next(t for t in idx.titles.items if idx.doc[t.start].idx == start)
        assert organisation_label(idx, phrase, lo, len(idx.doc)) == expected


    @pytest.mark.parametrize(
        "text",
        ["The union Unison said no. The union's organiser spoke.",
         "The union Unison said no. The union's North-East regional organiser spoke.",
         "Unison said no. Its regional organiser spoke.",
         "Unison's organiser said the force was wrong. The union's organiser spoke."],  # the union, not the force
    )
    def test_an_owner_that_refers_to_the_organisation_named_last(self, nlp, text):
        idx = index_of(nlp, text)
        head = [t for t in idx.titles.items if idx.doc[t.start].text == "organiser"][-1]
        lo = at(idx, "The union's") if "union's" in text else at(idx, "Its")
        assert organisation_label(idx, head, lo, len(idx.doc)) == "federation_representative"


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


class TestOwnerOrganisation:
    def test_organisation_named_last_before_its(self, nlp):
        idx = index_of(nlp, "The Scottish Police Federation's Fife branch was less upbeat. Its secretary spoke.")
        owner = owner_organisation(idx, title(idx, "secretary"), at(idx, "Its"))
        assert idx.doc[owner.start : owner.end].text == "Police Federation"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The Scottish Police Federation's Fife branch was less upbeat. Its secretary spoke.", "Fife Constabulary"),
            ("The Scottish Police Federation was less upbeat. Its secretary spoke.", "Police Scotland"),
        ],
    )
    def test_force_of_the_body_the_owner_refers_to(self, nlp, text, expected):
        idx = index_of(nlp, text)
        owner = owner_organisation(idx, title(idx, "secretary"), at(idx, "Its"))
        assert owned_body_force(idx, owner) == expected


    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The transport committee said the force could struggle. Its chairman spoke.", "committee"),
            ("The panel met. The force said no. Its director spoke.", "force"),  # a force has a director
        ],
    )
    def test_a_force_has_no_chair(self, nlp, text, expected):
        idx = index_of(nlp, text)
        head = next(t for t in idx.titles.items if t.start > at(idx, "Its"))
        owner = owner_organisation(idx, head, at(idx, "Its"))
        assert idx.doc[owner.start : owner.end].text == expected


class TestLocalBody:
    @pytest.mark.parametrize(
        ("text", "label", "expected"),
        [
            ("Board chairman Barry Gill spoke.", "other", True),
            ("The chair of the regional collaboration board spoke.", "other", False),
            ("The Aberdeen representative of Unison's police staff branch spoke.", "federation_representative", True),
            ("Federation chairman Paul McKeen spoke.", "federation_representative", False),  # no branch
            ("The national chairman of the federation spoke.", "federation_representative", False),
            ("The president of ACPO spoke.", "other", False),
            ("The council's finance director spoke.", "other", False),  # a council is no body of a force
        ],
    )
    def test_post_of_a_body_of_one_force(self, nlp, text, label, expected):
        idx = index_of(nlp, text)
        assert local_body(idx, label, 0, len(idx.doc)) is expected


class TestPlacesIn:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("The PCC for Kent and Essex Police spoke.", "PCC", ["Kent Police", "Essex Police"]),
            ("Notts police and crime commissioner spoke.", "police and crime", ["Nottinghamshire Police"]),
            ("The chief constable spoke.", "chief", []),
        ],
    )
    def test_forces_and_areas_in_text_order(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        assert [p.label for p in places_in(idx, at(idx, words), len(idx.doc))] == expected


class TestBodyForce:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("She chairs the Scottish Police Authority.", "Police Scotland"),
            ("The Humberside police and crime panel met. She chairs the panel.", "Humberside Police"),
            ("She chairs the panel.", None),
        ],
    )
    def test_force_a_panel_oversees(self, nlp, text, expected):
        idx = index_of(nlp, text)
        lo = at(idx, "She")
        assert body_force(idx, lo, len(idx.doc)) == expected

    def test_the_federation_looks_back_to_the_last_federation_named(self, nlp):
        idx = index_of(nlp, "The Defence Police Federation said no. She chairs the federation.")
        assert body_force(idx, at(idx, "She"), len(idx.doc), "federation_representative") == "Ministry of Defence Police"



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

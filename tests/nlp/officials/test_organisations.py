"""Organisations around a head: labels, owners and the forces of bodies (pipeline/nlp/officials/organisations.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.organisations import (
    body_force,
    implicit_organisation,
    local_body,
    organisation_label,
    owned_body_force,
    owner_organisation,
    places_in,
)
from tests.nlp.officials.helpers import at, index_of, title


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
            ("The police authority met. Its chief executive spoke.", "chief executive", "police_staff"),
            ("The police authority met. It voted. Interim chief executive Jo Doe spoke.", "chief executive",
             "police_staff"),  # a bare head: the body named just before
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


    def test_a_head_owned_by_something_else_is_not_bare(self, nlp):
        idx = index_of(nlp, "The police authority met. The agency's manager Jo Doe spoke.")
        head = title(idx, "manager")
        assert organisation_label(idx, head, at(idx, "The agency"), head.end) is None


class TestImplicitOrganisation:
    @pytest.mark.parametrize(
        ("text", "head", "expected"),
        [
            ("The police authority met. It voted. Interim chief executive Jo Doe spoke.", "chief executive",
             "police authority"),
            ("The police authority met. It voted. The vote was close. The chair spoke.", "chair", None),  # too far
            ("The police authority met. The force said no. The chair spoke.", "chair", "police authority"),  # a
            # force has no chair
            ("Bury Council met. Its leader spoke. The chair spoke.", "chair", None),  # no body of policing
        ],
    )
    def test_the_body_named_just_before_a_bare_head(self, nlp, text, head, expected):
        idx = index_of(nlp, text)
        phrase = [t for t in idx.titles.items if idx.doc[t.start : t.end].text.lower() == head][-1]
        found = implicit_organisation(idx, phrase)
        assert (found and idx.doc[found.start : found.end].text) == expected


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

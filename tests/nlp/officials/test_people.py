"""People: resolving later references and introducing officials (pipeline/nlp/officials/people.py)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pytest
from spacy.tokens import Span

from pipeline.nlp.officials.clues import sentence_clues
from pipeline.nlp.officials.index import DocIndex, Sorted
from pipeline.nlp.officials.people import People, Person, find_mentions, held_since, introduce, person_like, resolve
from pipeline.nlp.officials.roles import (
    RANK_APPOSITIVE,
    RANK_PLACE,
    RANK_PREDICATE,
    RANK_RELATIVE,
    RANK_TITLE_BEFORE,
    Clue,
)
from tests.nlp.officials.helpers import at, index_of, sentence


def snapshot(idx: DocIndex) -> dict:
    """Copies of the index's lookups."""
    out = {}
    for field in dataclasses.fields(idx):
        value = getattr(idx, field.name)
        out[field.name] = value.items if isinstance(value, Sorted) else dict(value) if isinstance(value, Mapping) else value
    return out


KENT_PCC = Person("Tony Hale", "police_and_crime_commissioner", False, "Kent Police")


class TestFindMentions:
    def test_the_index_is_not_changed(self, nlp):
        idx = index_of(nlp, "Kent's chief constable Jane Doe spoke.\n\nSir Tom Hale said so.")
        before = snapshot(idx)
        find_mentions(idx)
        assert snapshot(idx) == before

    def test_later_references_point_to_the_first_introduction(self, nlp):
        idx = index_of(nlp, "Tony Hale, the PCC for Kent, spoke first. Mr Hale added that costs would fall.")
        first, later = find_mentions(idx)
        assert later.person is first.person
        assert idx.doc[later.text_start : later.end].text == "Mr Hale"


    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The police and crime commissioners for Leicestershire, Northamptonshire and Nottinghamshire have agreed "
             "a plan.\n\nLord Willy Bach (Leicestershire), Paddy Tipping (Nottinghamshire) and Stephen Mold "
             "(Northamptonshire) signed up to it.",
             [("Willy Bach", "Leicestershire Police"), ("Paddy Tipping", "Nottinghamshire Police"),
              ("Stephen Mold", "Northamptonshire Police")]),
            ("The head of Durham Police Authority has asked for a meeting.\n\nCouncillor Anne Wright and Chief "
             "Constable Jon Stoddart were due in London today.",
             [("Anne Wright", "Durham Constabulary"), ("Jon Stoddart", "Durham Constabulary")]),
        ],
    )
    def test_names_that_take_the_titles_of_the_sentence_before(self, nlp, text, expected):
        mentions = find_mentions(index_of(nlp, text))
        assert [(m.person.name, m.person.force) for m in mentions] == expected
        assert mentions[0].person.role != "politician"  # a post named before outranks an honorific


class TestResolve:
    @pytest.mark.parametrize(
        ("text", "name"),
        [("Tony Hale spoke.", "Tony Hale"), ("Mr Hale spoke.", "Hale"), ("Sir Tony spoke.", "Tony")],
    )
    def test_someone_already_introduced(self, nlp, text, name):
        idx = index_of(nlp, text)
        start = at(idx, name)
        end = start + len(name.split())
        people = People([KENT_PCC])
        assert resolve(idx, 0, start, end, people) is not None

    @pytest.mark.parametrize(("text", "name"), [("Mr Tony spoke.", "Tony"), ("Jane Hale spoke.", "Jane Hale")])
    def test_someone_new(self, nlp, text, name):
        idx = index_of(nlp, text)
        start = at(idx, name)
        assert resolve(idx, 0, start, start + len(name.split()), People([KENT_PCC])) is None


class TestHeldSince:
    @pytest.mark.parametrize(
        ("clue", "expected"),
        [
            (Clue(RANK_APPOSITIVE, "police_and_crime_commissioner"), True),  # no force known: the role decides
            (Clue(RANK_APPOSITIVE, "police_and_crime_commissioner", force="Kent Police"), True),
            (Clue(RANK_APPOSITIVE, "police_and_crime_commissioner", force="Essex Police"), False),
            (Clue(RANK_APPOSITIVE, "chief_constable"), False),
        ],
    )
    def test_someone_introduced_holds_the_post(self, nlp, clue, expected):
        idx = index_of(nlp, "Jane Doe spoke.")
        assert held_since(idx, clue, People([KENT_PCC])) is expected


class TestPersonLike:
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [("Roger Hirst spoke.", "Roger Hirst", True), ("The Guernsey Border Agency spoke.", "Guernsey Border", False)],
    )
    def test_a_name_with_no_place_in_it(self, nlp, text, name, expected):
        idx = index_of(nlp, text)
        names, _ = sentence_clues(idx, sentence(idx))
        found = next(n for n in names if n.start == at(idx, name))
        assert person_like(idx, found) is expected


class TestIntroduce:
    def call(self, nlp, text, clues, name="Jane Doe"):
        idx = index_of(nlp, text)
        start = at(idx, name)
        return introduce(idx, 0, start, start + len(name.split()), clues)

    def test_the_lowest_rank_with_a_label_gives_the_role_and_the_first_with_a_force_the_force(self, nlp):
        clues = [Clue(RANK_PLACE, None, force="Kent Police"), Clue(RANK_APPOSITIVE, "chief_constable", acting=True)]
        person = self.call(nlp, "Jane Doe spoke.", clues)
        assert person == Person("Jane Doe", "chief_constable", True, "Kent Police")

    def test_a_former_post_ranks_below_any_current_one(self, nlp):
        clues = [Clue(RANK_APPOSITIVE, "politician", former=True), Clue(RANK_PREDICATE, "chief_constable")]
        assert self.call(nlp, "Jane Doe spoke.", clues).role == "chief_constable"

    def test_a_former_post_is_a_role_when_there_is_no_other(self, nlp):
        assert self.call(nlp, "Jane Doe spoke.", [Clue(RANK_APPOSITIVE, "politician", former=True)]).role == "politician"

    @pytest.mark.parametrize(("label", "expected"), [("GPE", None), ("PERSON", "Swindon")])
    def test_a_single_word_spacy_tags_as_a_place_is_no_surname(self, nlp, label, expected):
        idx = index_of(nlp, "Commissioner Swindon spoke.")
        start = at(idx, "Swindon")
        idx.doc.ents = [Span(idx.doc, start, start + 1, label=label)]
        person = introduce(idx, start, start, start + 1, [Clue(RANK_TITLE_BEFORE, "police_and_crime_commissioner")])
        assert (person and person.name) == expected

    def test_a_surname_of_a_full_name_named_before_is_that_person(self, nlp):
        clues = [Clue(RANK_APPOSITIVE, "police_and_crime_commissioner")]
        assert self.call(nlp, "Mr Hirst spoke.", clues, name="Hirst") is None
        idx = index_of(nlp, "Mr Hirst spoke.")
        start = at(idx, "Hirst")
        assert introduce(idx, 0, start, start + 1, clues, "Roger Hirst").name == "Roger Hirst"

    @pytest.mark.parametrize(
        ("text", "name", "clues", "expected"),
        [
            ("The Home Office asked Charles Clarke for a meeting.", "Charles Clarke", [], "politician"),
            ("Keir Starmer, the DPP, spoke.", "Keir Starmer", [Clue(RANK_APPOSITIVE, "other")], "other"),  # a title wins
            ("Jane Doe spoke.", "Jane Doe", [], None),
            ("John Reid, 45, was jailed for theft.", "John Reid", [], None),  # a namesake given an age
        ],
    )
    def test_a_holder_of_national_office_named_with_no_title_is_a_politician(self, nlp, text, name, clues, expected):
        person = self.call(nlp, text, clues, name=name)
        assert (person and person.role) == expected

    @pytest.mark.parametrize(
        ("clues", "expected"),
        [
            ([Clue(RANK_TITLE_BEFORE, "police_officer"), Clue(RANK_RELATIVE, "federation_representative")],
             "federation_representative"),  # 'Inspector X, of the Staffordshire Police Federation'
            ([Clue(RANK_TITLE_BEFORE, "chief_constable"), Clue(RANK_RELATIVE, "federation_representative")],
             "chief_constable"),
        ],
    )
    def test_a_rank_speaking_for_the_federation_is_its_representative(self, nlp, clues, expected):
        assert self.call(nlp, "Jane Doe spoke.", clues).role == expected

    def test_no_role_no_person(self, nlp):
        assert self.call(nlp, "Jane Doe spoke.", [Clue(RANK_PLACE, None, force="Kent Police")]) is None

    def test_politicians_have_no_force(self, nlp):
        person = self.call(nlp, "Jane Doe spoke.", [Clue(RANK_APPOSITIVE, "politician", force="Kent Police")])
        assert person.force is None

    def test_a_body_of_one_force_takes_the_main_force_like_a_role_of_a_force(self, nlp):
        text = "Jane Doe spoke.\n\nStaffordshire Police made arrests."
        assert self.call(nlp, text, [Clue(RANK_APPOSITIVE, "other", local=True)]).force == "Staffordshire Police"
        assert self.call(nlp, text, [Clue(RANK_APPOSITIVE, "other")]).force is None

    def test_the_force_of_the_officials_own_sentence_before_the_main_force(self, nlp):
        text = "Kent Police will merge. Kent Police said so. Jane Doe said Essex would save £2m."
        assert self.call(nlp, text, [Clue(RANK_APPOSITIVE, "chief_constable")]).force == "Essex Police"

    @pytest.mark.parametrize(
        ("text", "force"),
        [
            ("Jane Doe spoke.\n\nStaffordshire Police made arrests.", "Staffordshire Police"),  # the main force
            ("Kent Police and Essex Police merged. Jane Doe said Essex would save £2m.", "Essex Police"),
        ],
    )
    def test_fallback_force(self, nlp, text, force):
        assert self.call(nlp, text, [Clue(RANK_APPOSITIVE, "chief_constable")]).force == force

    def test_no_fallback_for_the_head_of_a_joint_unit(self, nlp):
        text = "Jane Doe spoke.\n\nStaffordshire Police made arrests."
        clues = [Clue(RANK_APPOSITIVE, "police_staff", no_fallback=True)]
        assert self.call(nlp, text, clues).force is None

    @pytest.mark.parametrize(
        ("text", "name", "rank", "expected"),
        [
            ("Smith spoke.", "Smith", RANK_APPOSITIVE, False),
            ("PC Smith spoke.", "Smith", RANK_TITLE_BEFORE, True),
            ("Lord Smith spoke.", "Smith", RANK_APPOSITIVE, True),
        ],
    )
    def test_a_single_name_needs_a_title_right_before_it_or_a_peerage(self, nlp, text, name, rank, expected):
        idx = index_of(nlp, text)
        start = at(idx, name)
        person = introduce(idx, 0, start, start + 1, [Clue(rank, "politician")])
        assert (person is not None) is expected


class TestHostileInput:
    SURNAMES = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Johnson", "Roberts"]

    def test_later_references_resolve_to_the_latest_person_of_that_name(self, nlp):
        text = " ".join(f"Chief Constable Alan {n} of Kent Police spoke." for n in self.SURNAMES)
        text += " Chief Constable Bob Smith of Essex Police spoke.\n\n" + " ".join(f"Mr {n} said so." for n in self.SURNAMES)
        found = {o["text"]: o["name"] for o in nlp(text)._.officials}
        assert found["Mr Smith"] == "Bob Smith"
        assert found["Mr Roberts"] == "Alan Roberts"

    def test_a_reference_is_looked_up_not_compared_with_everyone_introduced(self, nlp, monkeypatch):
        reads = []
        monkeypatch.setattr(Person, "surname", property(lambda self: reads.append(1) or self.name.split()[-1]))
        text = " ".join(f"Chief Constable Alan {n} of Kent Police spoke." for n in self.SURNAMES * 3)
        text += "\n\n" + " ".join(f"Mr {n} said so." for n in self.SURNAMES * 3)
        assert len(nlp(text)._.officials) == 60
        assert len(reads) <= 2 * len(self.SURNAMES) * 3  # was every person for every mention: 30 x 30

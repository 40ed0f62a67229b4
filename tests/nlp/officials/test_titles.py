"""Clues from a title before the name (pipeline/nlp/officials/titles.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.names import honorific_start, name_runs
from pipeline.nlp.officials.roles import RANK_ANTECEDENT, RANK_APPOSITIVE, RANK_HONORIFIC, RANK_TITLE_BEFORE
from pipeline.nlp.officials.titles import (
    antecedent,
    is_dash,
    listed_names,
    party_before,
    successor,
    title_before,
    title_of_phrase,
)
from tests.nlp.officials.helpers import at, index_of, sentence, title


def before(nlp, text: str, name: str):
    idx = index_of(nlp, text)
    start = at(idx, name)
    return title_before(idx, honorific_start(idx, start, 0), sentence(idx))


class TestIsDash:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [("Jane Doe – the PCC – spoke.", "–", True), ("Jane Doe - the PCC - spoke.", "-", True),
         ("Dyfed-Powys Police spoke.", "-", False)],
    )
    def test_dash_that_sets_off_a_phrase(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert is_dash(idx, idx.doc[at(idx, word)]) is expected


class TestTitleBefore:
    @pytest.mark.parametrize(
        ("text", "name", "label", "force", "acting"),
        [
            ("Chief Constable Jane Doe spoke.", "Jane", "chief_constable", None, False),
            ("Kent's chief constable, Sir Jane Doe, spoke.", "Jane", "chief_constable", "Kent Police", False),
            ("The PCC for Devon & Cornwall Tony Hogg spoke.", "Tony", "police_and_crime_commissioner",
             "Devon and Cornwall Police", False),
            ("Acting Chief Constable for Dorset Police, Jo Farrell, spoke.", "Jo", "chief_constable", "Dorset Police", True),
            ("Minister for Crime and Policing Kit Malt spoke.", "Kit", "politician", None, False),
            ("The former Kent chief constable Jane Doe spoke.", "Jane", "chief_constable", None, False),
            ("The force's road safety manager, Jane Doe, spoke.", "Jane", "police_staff", None, False),  # the phrase
        ],
    )
    def test_title_before_the_name(self, nlp, text, name, label, force, acting):
        clue = before(nlp, text, name)
        assert (clue.rank, clue.label, clue.force, clue.acting) == (RANK_TITLE_BEFORE, label, force, acting)

    def test_the_clue_names_its_title(self, nlp):
        idx = index_of(nlp, "Chief Constable Jane Doe spoke.")
        assert title_before(idx, at(idx, "Jane"), sentence(idx)).title == at(idx, "Chief")

    def test_a_single_word_after_a_titles_brief_is_part_of_it(self, nlp):
        idx = index_of(nlp, "The chief officer of the Border Agency said so.")
        assert title_before(idx, at(idx, "Border"), sentence(idx), single=True) is None
        idx = index_of(nlp, "The PCC for Kent Tony Hogg said so.")
        assert title_before(idx, at(idx, "Tony"), sentence(idx)).label == "police_and_crime_commissioner"

    @pytest.mark.parametrize("text", ["Councillor for Kent Jane Doe spoke.", "Labour councillor Jane Doe spoke."])
    def test_an_honorific_title_ranks_low(self, nlp, text):
        assert before(nlp, text, "Jane").rank == RANK_HONORIFIC

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Jane Doe spoke.", "Jane"),
            ("The branch secretary in Kent, Jane Doe, spoke.", "Jane"),  # a head with no organisation
            ("Information Commissioner Jane Doe spoke.", "Jane"),  # another kind of commissioner
        ],
    )
    def test_no_title(self, nlp, text, name):
        assert before(nlp, text, name) is None


class TestSuccessor:
    TEXT = "Home Secretary Charles Clarke backed mergers, but Mr Clarke's successor, John Reid, dropped them."

    def test_the_successor_holds_the_post_of_the_person_named(self, nlp):
        idx = index_of(nlp, self.TEXT)
        posts = {at(idx, "Clarke", 1) + 1: ("politician", None)}
        clue = successor(idx, at(idx, "John"), sentence(idx), posts)
        assert (clue.rank, clue.label, clue.force) == (RANK_APPOSITIVE, "politician", None)

    def test_no_post_when_the_person_named_is_no_official(self, nlp):
        idx = index_of(nlp, self.TEXT)
        assert successor(idx, at(idx, "John"), sentence(idx), {}) is None

    def test_only_after_a_possessive_successor(self, nlp):
        idx = index_of(nlp, "Mr Clarke's deputy, John Reid, dropped them.")
        assert successor(idx, at(idx, "John"), sentence(idx), {2: ("politician", None)}) is None


class TestTitleOfPhrase:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [("The force's head of finance, Jo Dee, spoke.", "finance", "head"),
         ("The head of the unit, Jo Dee, spoke.", "unit", "head"),
         ("The chief constable of Kent Police, Jo Dee, spoke.", "Police", "chief constable"),
         ("She spoke of finance, Jo Dee said.", "finance", None)],
    )
    def test_title_whose_of_phrase_ends_at_the_word(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        found = title_of_phrase(idx, idx.doc[at(idx, word)])
        assert (found and idx.doc[found.start : found.end].text) == expected


class TestPartyBefore:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Ulster Unionist Jane Doe spoke.", "politician"),
            ("Labour's Jane Doe spoke.", "politician"),
            ("The council's Jane Doe spoke.", None),  # a council is no party
            ("Kent Police's Jane Doe spoke.", None),
            ("SDLP board member Jane Doe spoke.", "politician"),  # before the nouns of her post
            ("Labour's group leader Jane Doe spoke.", "politician"),
            ("Labour said its new deputy Jane Doe spoke.", None),  # not a noun run: a verb between
        ],
    )
    def test_party_named_right_before_the_name(self, nlp, text, expected):
        idx = index_of(nlp, text)
        found = party_before(idx, at(idx, "Jane"), sentence(idx))
        assert (found and (found.rank, found.label)) == ((RANK_HONORIFIC, expected) if expected else None)


class TestListedNames:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The three commissioners - Jane Kerr from Surrey, Tim Bowles in Sussex and Sue Marsh in Kent - signed.",
             [("Jane", "Surrey Police"), ("Tim", "Sussex Police"), ("Sue", "Kent Police")]),
            ("The two commissioners, Lord Tim Bowles and Sue Marsh of the Met, signed.",
             [("Tim", None), ("Sue", "Metropolitan Police Service")]),
            ("The commissioners of the two forces, Jane Kerr of Dorset and Tim Bowles of Devon and Cornwall, signed.",
             [("Jane", "Dorset Police"), ("Tim", "Devon and Cornwall Police")]),  # 'of ...' before the list
        ],
    )
    def test_each_name_takes_the_plural_title_and_its_own_place(self, nlp, text, expected):
        idx = index_of(nlp, text)
        sent = sentence(idx)
        (group,) = listed_names(idx, sent, name_runs(idx, sent))
        assert [(idx.doc[i].text, c.force) for i, c in group.items.items()] == expected
        assert {c.label for c in group.items.values()} == {"police_and_crime_commissioner"}

    def test_one_name_is_still_a_group(self, nlp):
        """A plural title before one name gives it a role: the caller decides that one name is no list."""
        idx = index_of(nlp, "The commissioners - Jane Kerr - signed.")
        sent = sentence(idx)
        (group,) = listed_names(idx, sent, name_runs(idx, sent))
        assert list(group.items) == [at(idx, "Jane")]

    @pytest.mark.parametrize(
        "text", ["The chief constable - Jane Kerr from Surrey - signed.", "The commissioners signed, Jane Kerr said."],
    )
    def test_no_list(self, nlp, text):
        idx = index_of(nlp, text)
        sent = sentence(idx)
        assert listed_names(idx, sent, name_runs(idx, sent)) == []


class TestAntecedent:
    TEXT = "The plan returned after the Met's commissioner told a committee it was needed.\n\nSir Mark Lowe said so."

    def call(self, idx, used=frozenset()):
        return antecedent(idx, sentence(idx, 1), sentence(idx, 0), at(idx, "Sir"), at(idx, "Lowe") + 1, used)

    def test_speaker_takes_the_one_unnamed_title_of_the_sentence_before(self, nlp):
        clue = self.call(index_of(nlp, self.TEXT))
        assert (clue.rank, clue.label, clue.force) == (RANK_ANTECEDENT, "chief_constable", "Metropolitan Police Service")

    def test_not_a_title_that_gave_someone_their_role(self, nlp):
        idx = index_of(nlp, self.TEXT)
        assert self.call(idx, frozenset({title(idx, "commissioner").start})) is None

    @pytest.mark.parametrize(
        "text",
        [
            "The Met's commissioner and Kent's chief constable spoke.\n\nSir Mark Lowe said so.",  # two titles
            "The Met's commissioner spoke.\n\nSir Mark Lowe arrived.",  # no speech verb
            "The commissioner spoke.\n\nSir Mark Lowe said so.",  # no possessive: not a title of one force
        ],
    )
    def test_no_antecedent(self, nlp, text):
        assert self.call(index_of(nlp, text)) is None

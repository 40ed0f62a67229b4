"""Roles stated by the verb phrase of the name's clause (pipeline/nlp/officials/predicates.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.predicates import (
    chaired_by,
    complement_titles,
    headed_title,
    led_force,
    predicate_clues,
    title_clue,
)
from pipeline.nlp.officials.roles import RANK_PREDICATE
from tests.nlp.officials.helpers import at, index_of, title


def name_clues(nlp, text: str, name: str):
    idx = index_of(nlp, text)
    start = at(idx, name)
    return predicate_clues(idx, start, start + len(name.split()))


class TestPredicateClues:
    @pytest.mark.parametrize(
        ("text", "name", "label", "force"),
        [
            ("Stephen Kavanagh remains chief constable of Essex Police.", "Stephen Kavanagh", "chief_constable",
             "Essex Police"),
            ("Jane Hart was appointed chief constable of Kent Police in 2010.", "Jane Hart", "chief_constable",
             "Kent Police"),
            ("Jane Hart has been named as the new chief constable of Kent Police.", "Jane Hart", "chief_constable",
             "Kent Police"),
            ("The news came after Iain Livingstone retired as chief constable.", "Iain Livingstone", "chief_constable",
             None),
            ("Andy Burnham starts work today as Greater Manchester's first elected mayor.", "Andy Burnham",
             "police_and_crime_commissioner", "Greater Manchester Police"),  # a mayor with the PCC's powers
            ("Mr Burnham has appointed Beverley Hughes as deputy mayor for policing and crime.", "Beverley Hughes",
             "deputy_police_and_crime_commissioner", None),  # the object of an appointing verb
            ("The mayor has chosen Alison Lowe as her candidate to become the region's deputy mayor for policing "
             "and crime.", "Alison Lowe", "deputy_police_and_crime_commissioner", None),
            ("Laurie Bush, who stood down as chairman of Sussex Police Authority, spoke.", "Laurie Bush", "other",
             "Sussex Police"),  # a relative clause, with words between 'who' and 'as'
            ("Mark Burns, who served two terms as the county's police and crime commissioner, spoke.", "Mark Burns",
             "police_and_crime_commissioner", None),
            ("Richard Brunstrom, who has led the force since 2001, spoke.", "Richard Brunstrom", "chief_constable",
             None),
            ("The authority will be chaired by Melvyn Smith.", "Melvyn Smith", "other", None),
        ],
    )
    def test_role_from_the_verb_phrase(self, nlp, text, name, label, force):
        [found] = [c for c in name_clues(nlp, text, name) if c.label]
        assert (found.rank, found.label, found.force) == (RANK_PREDICATE, label, force)

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Jane Hart met the chief constable of Kent Police.", "Jane Hart"),  # an object, not a complement
            ("Jane Hart is the chief constable's staff officer.", "Jane Hart"),  # the title owns the complement
            ("The chief constable praised Jane Hart as a hero.", "Jane Hart"),  # not an appointing verb
            ("Jane Hart, who heads the unit, spoke.", "Jane Hart"),  # leads no force
        ],
    )
    def test_no_role(self, nlp, text, name):
        assert [c for c in name_clues(nlp, text, name) if c.label] == []


class TestComplementTitles:
    def test_titles_under_to_become(self, nlp):
        idx = index_of(nlp, "She is set to become the next chief constable.")
        verb = idx.doc[at(idx, "set")]
        assert list(complement_titles(idx, verb)) == [title(idx, "chief constable")]


class TestHeadedTitle:
    @pytest.mark.parametrize(
        ("text", "word", "found"),
        [("She is acting chief constable.", "constable", True), ("It is the chief constable's car.", "car", False)],
    )
    def test_title_whose_head_is_the_word(self, nlp, text, word, found):
        idx = index_of(nlp, text)
        assert bool(list(headed_title(idx, idx.doc[at(idx, word)]))) is found


class TestTitleClue:
    def test_read_with_the_words_that_belong_to_it(self, nlp):
        idx = index_of(nlp, "She became Greater Manchester's first elected mayor.")
        found = title_clue(idx, title(idx, "mayor"))
        assert (found.label, found.force) == ("police_and_crime_commissioner", "Greater Manchester Police")


class TestLedForce:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("He has led the force since 2001.", "led", ("chief_constable", None)),
            ("He will lead Kent Police.", "lead", ("chief_constable", "Kent Police")),  # a force by name
            ("He will lead Kent Police's firearms unit.", "lead", None),
            ("He heads the unit.", "heads", None),
            ("He joined the force in 2001.", "joined", None),
        ],
    )
    def test_leading_the_force(self, nlp, text, verb, expected):
        idx = index_of(nlp, text)
        found = led_force(idx, idx.doc[at(idx, verb)])
        assert (found and (found.label, found.force)) == expected


class TestChairedBy:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The panel will be chaired by Jane Hart.", "other"),
            ("The Police Federation is chaired by Jane Hart.", "federation_representative"),
            ("The meeting was chaired by Jane Hart.", None),
        ],
    )
    def test_label_of_the_organisation_chaired(self, nlp, text, expected):
        idx = index_of(nlp, text)
        found = chaired_by(idx, idx.doc[at(idx, "chaired")])
        assert (found and found.label) == expected

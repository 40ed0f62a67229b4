"""The per-document index (pipeline/nlp/officials/index.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.index import Phrase, Sorted, dominant, inside_proper_noun, is_title
from tests.nlp.officials.helpers import at, index_of

PHRASES = [Phrase(5, 7, "b"), Phrase(0, 2, "a"), Phrase(9, 12, "c")]


class TestSorted:
    @pytest.mark.parametrize(("lo", "hi", "expected"), [(0, 12, "abc"), (1, 9, "b"), (0, 11, "ab"), (7, 9, "")])
    def test_within(self, lo, hi, expected):
        assert "".join(p.label for p in Sorted(PHRASES).within(lo, hi)) == expected

    @pytest.mark.parametrize(("hi", "expected"), [(12, "cba"), (8, "ba"), (6, "a"), (1, "")])
    def test_before_nearest_first(self, hi, expected):
        assert "".join(p.label for p in Sorted(PHRASES).before(hi)) == expected


class TestIsTitle:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [("DC Jane Doe spoke.", "DC", True), ("They met at 10 AM today.", "AM", False), ("The DC.", "DC", False)],
    )
    def test_a_short_form_is_a_title_only_before_a_capitalised_word(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        start = at(idx, word)
        assert is_title(idx.doc, Phrase(start, start + 1, "police_officer"), idx.lex) is expected


class TestDominant:
    @pytest.mark.parametrize(
        ("places", "expected"),
        [
            ([Phrase(0, 1, "Kent"), Phrase(5, 6, "Kent"), Phrase(9, 10, "Essex")], "Kent"),
            ([Phrase(0, 1, "Kent"), Phrase(9, 10, "Essex")], None),  # no clear margin
            ([Phrase(0, 2, "Kent"), Phrase(0, 2, "Kent"), Phrase(9, 10, "Essex")], None),  # one phrase counts once
            ([], None),
        ],
    )
    def test_force_named_twice_as_often_as_any_other(self, places, expected):
        assert dominant(places) == expected

    def test_areas_count(self, nlp):
        idx = index_of(nlp, "Drivers failed tests in Dyfed-Powys. Dyfed-Powys Police ran them. North Wales Police too.")
        assert (idx.main_force, idx.place_force) == (None, "Dyfed-Powys Police")


class TestInsideProperNoun:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("They met at Welwyn Garden City today.", "City", True),
            ("Steve Kent, chair of the federation, spoke.", "Kent", True),
            ("The Essex Fire Authority met.", "Essex", True),
            ("They met in Essex today.", "Essex", False),
            ("Kent PCC Matthew Scott spoke.", "Kent", False),  # before a title
            ("Essex will merge.", "Essex", False),  # opens the sentence
            ("In Essex, they merged.", "Essex", False),
            ("The PCC for Devon & Cornwall Tony Hogg spoke.", "Cornwall", False),
            ("He studied at Durham University.", "Durham", True),
        ],
    )
    def test_area_name_inside_a_longer_proper_noun(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        start = at(idx, words)
        titles = {i for t in idx.titles.items for i in range(t.start, t.end)}
        assert inside_proper_noun(idx.doc, start, start + 1, titles, idx.lex.proper_noun_continuations) is expected

    def test_not_a_place_of_the_index(self, nlp):
        idx = index_of(nlp, "Commissioner Lloyd signed it at Welwyn Garden City.")
        assert at(idx, "City") not in idx.places


class TestRoleMatchers:
    def test_the_longest_title_wins(self, nlp):
        idx = index_of(nlp, "The deputy chief constable spoke.")
        assert [(idx.doc[t.start : t.end].text, t.label) for t in idx.titles.items] == [
            ("deputy chief constable", "deputy_chief_constable"),
        ]

    def test_a_head_has_no_label_of_its_own(self, nlp):
        idx = index_of(nlp, "The chairman of the Police Federation spoke.")
        assert [t.label for t in idx.titles.items] == [None]
        assert [o.label for o in idx.organisations.items] == ["federation_representative"]

    def test_places_are_force_mentions_and_areas(self, nlp):
        idx = index_of(nlp, "Kent Police officers visited Surrey.")
        kent, surrey = idx.places[at(idx, "Kent")], idx.places[at(idx, "Surrey")]
        assert (kent.label, kent.end - kent.start, surrey.label) == ("Kent Police", 2, "Surrey Police")
        assert at(idx, "Kent") in idx.forces and at(idx, "Surrey") not in idx.forces

    def test_names_cannot_run_through_titles_forces_or_organisations(self, nlp):
        idx = index_of(nlp, "Kent Police Chief Constable of the Police Federation")
        assert idx.blocked == frozenset(range(len(idx.doc))) - {at(idx, "of"), at(idx, "the")}

    def test_main_force_is_the_context_components(self, nlp):
        idx = index_of(nlp, "Inspector Jo Wade spoke.\n\nStaffordshire Police made ten arrests.")
        assert idx.main_force == idx.doc._.main_force == "Staffordshire Police"

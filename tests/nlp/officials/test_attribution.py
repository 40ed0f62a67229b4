"""Force attribution helpers (pipeline/nlp/officials/attribution.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.attribution import partner, post_force, sentence_force
from pipeline.nlp.officials.roles import RANK_APPOSITIVE, Clue
from tests.nlp.officials.helpers import at, index_of


class TestSentenceForce:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Jane Doe told the panel that leaving could cost Warwickshire £4m.", "Warwickshire Police"),
            ("Jane Doe said the merger with Kent would save Essex £4m.", "Essex Police"),
            ("Jane Doe said Kent and Essex would save £2m.", None),
            ("Jane Doe and Essex PCC Tom Hale met.", None),  # another person's force
        ],
    )
    def test_the_one_force_the_sentence_speaks_for(self, nlp, text, expected):
        idx = index_of(nlp, text)
        assert sentence_force(idx, 0, 2) == expected


class TestPartner:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("They work with West Mercia.", "Mercia", True),
            ("Officers from Kent came.", "Kent", True),
            ("Kent and Essex will merge.", "Kent", True),
            ("It would cost Warwickshire £4m.", "Warwickshire", False),
            ("Members of the Devon and Cornwall Police and Crime Panel voted.", "Police", False),  # not a list of places
        ],
    )
    def test_force_named_as_the_other_party(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert partner(idx, idx.doc[at(idx, word)]) is expected


class TestPostForce:
    @pytest.mark.parametrize(
        ("clue", "expected"),
        [
            (Clue(RANK_APPOSITIVE, "chief_constable"), "Staffordshire Police"),  # the main force
            (Clue(RANK_APPOSITIVE, "chief_constable", force="Kent Police"), "Kent Police"),
            (Clue(RANK_APPOSITIVE, "politician", force="Kent Police"), None),
            (Clue(RANK_APPOSITIVE, "other"), None),
        ],
    )
    def test_force_a_person_of_this_clue_would_have(self, nlp, clue, expected):
        idx = index_of(nlp, "Jane Doe spoke.\n\nStaffordshire Police made arrests.")
        assert post_force(idx, clue) == expected

"""Clues after the name (pipeline/nlp/officials/apposition.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.apposition import after_name, lead_in, postnominal, role_head, segment_end
from pipeline.nlp.officials.roles import RANK_APPOSITIVE, RANK_HEADS_UNIT, RANK_PLACE, RANK_RELATIVE
from tests.nlp.officials.helpers import at, index_of, sentence, title


def clues(nlp, text: str, last_name_word: str) -> list[tuple]:
    idx = index_of(nlp, text)
    found = after_name(idx, at(idx, last_name_word) + 1, sentence(idx))
    return [(c.rank, c.label, c.force) for c in found]


class TestPostnominal:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("Karl Turner MP said so.", "Turner", True),
            ("Jane Hutt AM said so.", "Hutt", True),
            ("North East Herts MP Oliver Heald said so.", "Herts", False),  # a constituency before a title
            ("They met Karl Turner at noon.", "Turner", False),
        ],
    )
    def test_title_written_after_the_name(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert postnominal(idx, at(idx, word) + 1, sentence(idx)) is expected


class TestAfterName:
    @pytest.mark.parametrize(
        ("text", "last", "expected"),
        [
            ("Jane Doe of Kent Police spoke.", "Doe", [(RANK_PLACE, None, "Kent Police")]),
            ("Jane Doe, the PCC for Kent, spoke.", "Doe",
             [(RANK_APPOSITIVE, "police_and_crime_commissioner", "Kent Police")]),
            ("Jane Doe, 45, a police constable, was hurt.", "Doe", [(RANK_APPOSITIVE, "police_officer", None)]),
            ("Jane Doe (the Sussex PCC) spoke.", "Doe", [(RANK_APPOSITIVE, "police_and_crime_commissioner", "Sussex Police")]),
            ("Jane Doe – Sussex's police and crime commissioner – spoke.", "Doe",
             [(RANK_APPOSITIVE, "police_and_crime_commissioner", "Sussex Police")]),
            ("Jane Doe, who chairs the Gwent Police and Crime Panel, spoke.", "Doe",
             [(RANK_RELATIVE, "other", "Gwent Police"), (RANK_PLACE, None, "Gwent Police")]),
            ("Jane Doe, who heads the unit, spoke.", "Doe", [(RANK_HEADS_UNIT, "police_staff", None)]),
            ("Jane Doe, who represents rank-and-file officers in Kent, spoke.", "Doe",
             [(RANK_RELATIVE, "federation_representative", None), (RANK_PLACE, None, "Kent Police")]),
            ("Jane Doe, who represents Kent in Parliament, spoke.", "Doe", [(RANK_PLACE, None, "Kent Police")]),
            ("Jane Doe, who heads the force's roads policing department, spoke.", "Doe", []),  # not a joint unit
            ("Jane Doe, head of roads policing for the two forces, spoke.", "Doe", [(RANK_PLACE, None, None)]),
            ("Jane Doe, told the meeting that the two forces agreed.", "Doe", []),  # no post of hers
            ("Jane Doe, who has been appointed interim chief constable of Kent Police, starts.", "Doe",
             [(RANK_RELATIVE, "chief_constable", "Kent Police"), (RANK_PLACE, None, "Kent Police")]),
            ("Jane Doe, a Kent resident, spoke.", "Doe", [(RANK_PLACE, None, "Kent Police")]),
            ("Jane Doe, mother of PC John Doe, spoke.", "Doe", []),  # someone else's title
            ("Jane Doe, the former Kent chief constable, spoke.", "Doe", [(RANK_APPOSITIVE, "chief_constable", None)]),
            ("Jane Doe MSP spoke.", "Doe", [(RANK_APPOSITIVE, "politician", None)]),  # a title after the name
            ("Jane Doe, elected police and crime commissioner for Essex last year, spoke.", "Doe",
             [(RANK_APPOSITIVE, "police_and_crime_commissioner", "Essex Police")]),  # a role verb opens it
        ],
    )
    def test_clues_after_the_name(self, nlp, text, last, expected):
        assert clues(nlp, text, last) == expected


class TestSegmentEnd:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Jane Doe, the police, fire and crime commissioner, spoke.", "the police, fire and crime commissioner"),
            ("Jane Doe, the PCC (elected in 2012) spoke.", "the PCC"),
            ('Jane Doe, the PCC "said" so.', "the PCC"),
            ("Jane Doe, the PCC", "the PCC"),
        ],
    )
    def test_where_the_phrase_after_a_name_ends(self, nlp, text, expected):
        idx = index_of(nlp, text)
        start = at(idx, ",") + 1
        assert idx.doc[start : segment_end(idx, start, sentence(idx))].text == expected


class TestRoleHead:
    @pytest.mark.parametrize(
        ("text", "verbs", "expected"),
        [
            ("the PCC for Kent", frozenset(), "PCC"),
            ("one of HM Inspectors of Constabulary", frozenset(), "HM Inspectors of Constabulary"),
            ("the PCC's chief of staff", frozenset(), "chief of staff"),  # the owner is not the head
            ("who has been appointed deputy PCC", frozenset({"who", "has", "been", "appointed"}), "deputy PCC"),
            ("who has been appointed deputy PCC", frozenset(), None),  # verbs not allowed before the title
            ("mother of PC Jane Doe", frozenset(), None),
        ],
    )
    def test_title_that_heads_the_phrase(self, nlp, text, verbs, expected):
        idx = index_of(nlp, text)
        head = role_head(idx, 0, len(idx.doc), verbs)
        assert (idx.doc[head.start : head.end].text if head else None) == expected


class TestLeadIn:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("the PCC", "the", True),
            ("one of the inspectors of constabulary", "of", True),
            ("Kent's PCC", "Kent", True),
            ("mother of the PCC", "mother", False),
        ],
    )
    def test_word_before_a_heading_title(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        head = idx.titles.items[-1]
        assert lead_in(idx, idx.doc[at(idx, word)], head, frozenset()) is expected

    def test_titles_are_found(self, nlp):
        idx = index_of(nlp, "one of the inspectors of constabulary")
        assert title(idx, "inspectors").label == "other"

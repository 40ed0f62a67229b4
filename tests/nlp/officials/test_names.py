"""Name runs and honorifics (pipeline/nlp/officials/names.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.names import (
    has_honorific,
    honorific_start,
    listed_place,
    name_runs,
    name_token,
    title_case,
)
from tests.nlp.officials.helpers import at, index_of, sentence


def runs(idx, n: int = 0) -> list[str]:
    return [idx.doc[s:e].text for s, e in name_runs(idx, sentence(idx, n))]


class TestTitleCase:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Kent Chief Constable Backs Merger Plan", True),
            ("Kent chief constable backs merger plan", False),
            ("Kent Chief Constable Backs Merger Plan.", False),  # a sentence, not a headline
            ("Chief Constable Speaks", False),  # too short to tell
        ],
    )
    def test_headline_in_title_case(self, nlp, text, expected):
        assert title_case(sentence(index_of(nlp, text))) is expected


class TestListedPlace:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("the commissioner for Wiltshire and Swindon said", "Swindon", True),
            ("the PCC for Kent & Medway said", "Medway", True),
            ("Martyn Underhill and Tony Hogg said", "Tony", False),  # after a person, not a place
            ("Kent and Essex said", "Kent", False),
        ],
    )
    def test_word_listed_after_a_place(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert listed_place(idx, at(idx, word)) is expected


class TestNameToken:
    @pytest.mark.parametrize(
        ("text", "word", "first", "expected"),
        [
            ("Jane Doe spoke.", "Jane", True, True),
            ("O'Neill spoke.", "O'Neill", True, True),
            ("Sir Alan Pugh spoke.", "Sir", True, False),  # an honorific
            ("The Police spoke.", "Police", False, False),  # never part of a name
            ("Then GMP spoke.", "GMP", False, False),  # an abbreviation
            ("Acting officers spoke.", "Acting", True, False),
            ("Kent Police spoke.", "Kent", True, False),  # inside a force mention
            ("Chief Constable Jane Doe spoke.", "Chief", True, False),  # inside a title
            ("On Monday May said so.", "May", True, False),  # a DATE cannot open a name ...
            ("On Monday May said so.", "May", False, True),  # ... but may go on one ('Theresa May')
        ],
    )
    def test_word_of_a_name(self, nlp, text, word, first, expected):
        idx = index_of(nlp, text)
        assert name_token(idx, idx.doc[at(idx, word)], first=first) is expected


class TestNameRuns:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Chief Constable Marc Le Page spoke.", ["Marc Le Page"]),
            ("Essex chief constable Ben-Luke Harrington spoke.", ["Ben-Luke Harrington"]),
            ("But Mark Jenkins said no.", ["Mark Jenkins"]),  # a capitalised function word opening the sentence
            ("Sir Alan Pugh and Jo Farrell met.", ["Alan Pugh", "Jo Farrell"]),
            ("Anna Maria Louisa Beatrix Smith spoke.", []),  # too long for a name
            ("The PCC for Devon Tony Hogg spoke.", ["Tony Hogg"]),  # the area is not part of the name
        ],
    )
    def test_runs_of_name_words(self, nlp, text, expected):
        assert runs(index_of(nlp, text)) == expected


class TestHonorificStart:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("Rt Hon Jane Doe spoke.", "Rt Hon Jane"), ("Mr Hale spoke.", "Mr Hale"), ("Jane Doe spoke.", "Jane")],
    )
    def test_honorifics_before_the_name(self, nlp, text, expected):
        idx = index_of(nlp, text)
        name = next(t.i for t in idx.doc if t.text in {"Jane", "Hale"})
        start = honorific_start(idx, name, 0)
        assert idx.doc[start : name + 1].text == expected

    def test_not_before_the_floor(self, nlp):
        idx = index_of(nlp, "Mr Hale spoke.")
        assert honorific_start(idx, 1, 1) == 1


class TestHasHonorific:
    @pytest.mark.parametrize(("text", "expected"), [("Cllr Ann Davies spoke.", True), ("Mrs Ann Davies spoke.", False)])
    def test_one_of_the_given_honorifics(self, nlp, text, expected):
        idx = index_of(nlp, text)
        assert has_honorific(idx, 0, 1, idx.lex.councillor_honorifics) is expected

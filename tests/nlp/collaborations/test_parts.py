"""Sentence parts and cues (pipeline.nlp.collaborations.parts)."""

from __future__ import annotations

from itertools import pairwise

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.collaborations.parts import bucket, definite, describes, list_items, split_sentence
from pipeline.nlp.matching import lemma_pattern
from tests.nlp.collaborations.helpers import forces_at, token


class TestSplitSentence:
    @pytest.mark.parametrize(
        ("text", "parts"),
        [
            ("Kent and Essex share a unit; Surrey and Sussex share another.",
             ["Kent and Essex share a unit", "; Surrey and Sussex share another."]),
            ("Kent and Essex merged, while Surrey and Sussex did not.",
             ["Kent and Essex merged,", "while Surrey and Sussex did not."]),
            ("Kent merged whereas Essex did not; Sussex waited.",
             ["Kent merged", "whereas Essex did not", "; Sussex waited."]),
            ("While Kent merged, Essex did not.", ["While Kent merged, Essex did not."]),
            ("Kent and Essex share a unit.", ["Kent and Essex share a unit."]),
        ],
    )
    def test_forms(self, nlp, cues, text, parts):
        doc = nlp.make_doc(text)
        assert [p.text for p in split_sentence(doc[:], cues.clause_breaks)] == parts

    def test_parts_cover_the_sentence(self, nlp, cues):
        doc = nlp.make_doc("Intro. Kent merged; Essex did not.")
        sent = doc[2:]
        found = split_sentence(sent, cues.clause_breaks)
        assert found[0].start == sent.start and found[-1].end == sent.end
        assert all(a.end == b.start for a, b in pairwise(found))


class TestDescribes:
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("Kent Police and Essex Police will share custody.", "share", True),
            ("Kent Police and Essex Police joined the regional unit.", "joined", True),
            ("Kent Police will not join the scheme run by Essex Police.", "join", False),
            ("A joint operation by Kent Police and Essex Police found drugs.", "joint", False),
            ("A Kent Police officer joined Essex Police.", "joined", False),
            ("Kent Police and Essex Police joined.", "joined", False),
            ("Officers from Kent Police and Essex Police worked on the case together.", "together", False),  # one case
            ("Kent Police and Essex Police work together on major investigations.", "together", True),
            ("Kent Police's share of the reduction is £1.4m.", "share", False),  # a portion
            ("Kent Police and Essex Police have lost a combined £6.4m.", "combined", False),  # a sum
            ("Kent Police and Essex Police have a combined budget of £300m.", "combined", False),
            ("Kent Police and Essex Police will form a combined force.", "combined", True),
        ],
    )
    def test_forms(self, nlp, cues, text, cue, expected):
        doc = nlp(text)
        i = token(doc, cue)
        described = describes(doc[i : i + 1], forces_at(doc), cues.join_verbs, cues.event_nouns, cues.owner_verbs,
                              cues.aggregate_nouns)
        assert described is expected


    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Commissioners in Kent Police and Essex Police will take over their local fire services.", False),
            ("Kent Police will take over the custody suites of Essex Police.", True),
        ],
    )
    def test_taking_over_what_each_side_owns_is_no_cue(self, nlp, cues, text, expected):
        doc = nlp(text)
        i = token(doc, "take")
        assert describes(doc[i : i + 2], forces_at(doc), cues.join_verbs, cues.event_nouns, cues.owner_verbs) is expected


class TestListItems:
    def test_items_after_a_cued_colon(self, nlp, cues):
        doc = nlp("The review found three combinations: Kent with Essex; Kent and Surrey together; and all three. "
                  "Later; nothing.")
        parts = [p for sent in doc.sents for p in split_sentence(sent, cues.clause_breaks)]
        cued = [p.start == 0 for p in parts]
        assert list_items(parts, cued) == [False, True, True, False, False]

    @pytest.mark.parametrize(
        ("cued", "expected"),
        [
            ([True, False, False, False, False], [False, False, True, True, False]),  # the cue in the line before
            ([False, True, False, False, False], [False, False, True, True, False]),  # in the colon line itself
            ([False, False, False, False, False], [False] * 5),  # no cue: a list of anything
        ],
    )
    def test_lines_of_forces_after_a_colon(self, nlp, cues, cued, expected):
        doc = nlp("Forces are to merge.\n\nThe groupings are:\n\nKent and Essex\n\nSurrey and Sussex\n\nThey object.")
        parts = [s for s in doc.sents if not all(t.is_space for t in s)]
        assert len(parts) == 5
        only = [False, False, True, True, False]
        assert list_items(parts, cued, only) == expected

    def test_no_colon_no_items(self, nlp, cues):
        doc = nlp("Kent shares a unit; Essex and Surrey do not.")
        parts = split_sentence(doc[:], cues.clause_breaks)
        assert list_items(parts, [True, False]) == [False, False]


class TestDefinite:
    @pytest.mark.parametrize(
        ("text", "cue", "expected"),
        [
            ("They signed the memorandum alongside Kent Police.", "memorandum", True),
            ("They will carry on with the shared service.", "shared", True),
            ("The teams are absorbed into the unit.", "absorbed", True),
            ("They signed a memorandum.", "memorandum", False),
            ("They praised the partnership between Kent Police and Essex Police.", "partnership", False),
        ],
    )
    def test_forms(self, nlp, cues, text, cue, expected):
        doc = nlp(text)
        found = definite(doc[token(doc, cue)], cues.definite_determiners, forces_at(doc), cues.name_nouns)
        assert found is expected


class TestLemmaPattern:
    @pytest.mark.parametrize(
        ("phrase", "text"),
        [("work together", "The forces worked together."), ("work together", "Working together is hard."),
         ("team up", "Kent teamed up with Essex."), ("alliance", "The Alliance grew.")],
    )
    def test_matches_inflected_and_capitalised_forms(self, nlp, phrase, text):
        matcher = Matcher(nlp.vocab)
        matcher.add("CUE", [lemma_pattern(nlp, phrase)])
        assert len(matcher(nlp(text))) == 1

    def test_one_token_pattern_per_word(self, nlp):
        assert lemma_pattern(nlp, "under one roof")[1] == {"LEMMA": {"IN": ["one", "One"]}}


class TestBucket:
    @pytest.mark.parametrize(
        ("starts", "items", "expected"),
        [
            ([0, 5, 9], [(0, "a"), (4, "b"), (5, "c"), (12, "d")], [["a", "b"], ["c"], ["d"]]),
            ([5, 9, 20], [(3, "before the first part")], [[], [], []]),
            ([0, 5], [(7, "x"), (1, "y")], [["y"], ["x"]]),
            ([0, 5], [], [[], []]),
        ],
    )
    def test_forms(self, starts, items, expected):
        assert bucket(starts, items) == expected

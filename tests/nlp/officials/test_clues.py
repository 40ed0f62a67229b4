"""The clues of a sentence's names (pipeline/nlp/officials/clues.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.clues import own_clues, sentence_clues
from tests.nlp.officials.helpers import at, index_of, sentence, title


class TestSentenceClues:
    def test_titles_that_gave_a_name_its_role(self, nlp):
        idx = index_of(nlp, "Kent's chief constable Jane Doe met the Met's commissioner.")
        names, used = sentence_clues(idx, sentence(idx))
        assert [idx.doc[n.start : n.end].text for n in names] == ["Jane Doe"]
        assert used == {title(idx, "chief constable").start}  # not the Met's commissioner: no one is named by it

    def test_used_titles_do_not_depend_on_the_order_of_the_names(self, nlp):
        idx = index_of(nlp, "The Met's commissioner met Kent's chief constable Jane Doe.")
        _, used = sentence_clues(idx, sentence(idx))
        assert used == {title(idx, "chief constable").start}

    def test_a_plural_title_before_one_name_is_used(self, nlp):
        idx = index_of(nlp, "The commissioners - Jane Kerr - signed.")
        names, used = sentence_clues(idx, sentence(idx))
        assert used == {title(idx, "commissioners").start}
        assert names[0].listed is None  # one name is no list: it reads its own clues

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The work was led by Matthew Ellis, PCC for Staffordshire, Jane Kennedy, PCC for Merseyside, and Martyn "
             "Underhill, Dorset's PCC.", [None, None, None]),  # each title set off after a name is that name's
            ("It was attended by the authority's chairman, Cllr Peter Jones, and Sussex Police's deputy chief "
             "constable, Geoff Williams.", ["other", "deputy_chief_constable"]),  # a name with a title before it
        ],
    )
    def test_a_title_set_off_between_two_names(self, nlp, text, expected):
        idx = index_of(nlp, text)
        names, _ = sentence_clues(idx, sentence(idx))
        assert [n.before.label if n.before else None for n in names] == expected

    def test_listed_names_read_no_other_clue(self, nlp):
        idx = index_of(nlp, "The two commissioners - Jane Kerr from Surrey and Tim Bowles, the PCC for Kent - signed.")
        names, _ = sentence_clues(idx, sentence(idx))
        assert [(n.listed.force, n.before, n.after) for n in names] == [("Surrey Police", None, ()), (None, None, ())]


class TestOwnClues:
    @pytest.mark.parametrize(
        ("text", "name", "posts", "expected"),
        [
            ("Kent's chief constable Jane Doe spoke.", "Jane", {}, ["chief_constable"]),
            ("His Cheshire counterpart, John Dwyer, agreed.", "John", {0: ("police_and_crime_commissioner", None)},
             ["police_and_crime_commissioner"]),  # the post of the official named before
            ("Councillor Jane Doe spoke.", "Jane", {}, ["politician"]),  # the honorific ranks last
            ("Coun Jane Doe spoke.", "Jane", {}, ["politician"]),
            ("Lord Brian Mackenzie of Framwellgate spoke.", "Brian", {}, ["politician"]),  # a peer
            ("Her Cleveland counterpart, Councillor Dave McLuckie, chairman of Cleveland Police Authority, spoke.",
             "Dave", {0: ("politician", None)}, ["other", "politician", "politician"]),  # its own post first
            ("Jane Doe spoke.", "Jane", {}, []),
        ],
    )
    def test_labels_of_the_names_clues(self, nlp, text, name, posts, expected):
        idx = index_of(nlp, text)
        names, _ = sentence_clues(idx, sentence(idx))
        found = next(n for n in names if n.start == at(idx, name))
        assert [c.label for c in own_clues(idx, found, sentence(idx), posts) if c.label] == expected

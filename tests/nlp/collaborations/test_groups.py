"""Groups of forces a sentence part keeps apart (pipeline.nlp.collaborations.groups)."""

from __future__ import annotations

import pytest

from pipeline.nlp.collaborations.groups import forces_of, opens_group, pair_list, separate_groups
from pipeline.nlp.collaborations.mentions import Mention, list_groups
from pipeline.nlp.collaborations.references import Reference
from tests.nlp.collaborations.helpers import mention, span

OPENERS = frozenset({"between", "of", "with", "second", "another"})


def groups_of(nlp, cues, text: str, forces: list[str]):
    doc = nlp(text)
    mentions = tuple(sorted((mention(doc, f) for f in forces), key=lambda m: m.start))
    return doc, list(list_groups(doc, mentions, cues.list_joiners))


def names(groups) -> list[set[str]]:
    return [set(forces_of(g)) for g in groups]


class TestPairList:
    @pytest.mark.parametrize(
        ("text", "forces", "pieces"),
        [
            ("mergers such as Norfolk and Suffolk, Gloucestershire and Wiltshire.",
             ["Norfolk", "Suffolk", "Gloucestershire", "Wiltshire"],
             [{"Norfolk", "Suffolk"}, {"Gloucestershire", "Wiltshire"}]),
            ("Kent and Essex, Surrey and Sussex, and Avon and Dorset.",
             ["Kent", "Essex", "Surrey", "Sussex", "Avon", "Dorset"],
             [{"Kent", "Essex"}, {"Surrey", "Sussex"}, {"Avon", "Dorset"}]),
            ("Kent, Essex, Surrey and Sussex.", ["Kent", "Essex", "Surrey", "Sussex"],
             [{"Kent", "Essex", "Surrey", "Sussex"}]),  # one 'and': one list
            ("Kent and Essex, and Surrey.", ["Kent", "Essex", "Surrey"], [{"Kent", "Essex", "Surrey"}]),  # a single
        ],
    )
    def test_forms(self, nlp, cues, text, forces, pieces):
        doc, [group] = groups_of(nlp, cues, text, forces)
        assert names(pair_list(doc, group)) == pieces


class TestOpensGroup:
    @pytest.mark.parametrize(
        ("text", "gap", "expected"),
        [
            ("between Kent and Essex and between Surrey and Sussex", " and between ", True),
            ("one made up of Kent and Essex, and a second combining Surrey and Sussex", ", and a second combining ", True),
            ("Kent and Essex have joined Surrey and Sussex", " have joined ", False),  # no coordinator first
            ("Kent and Essex, and Surrey and Sussex", ", and ", False),  # no opener
        ],
    )
    def test_forms(self, nlp, text, gap, expected):
        doc = nlp(text)
        where = span(doc, gap.strip())
        surrey = Mention(span(doc, "Surrey").start, span(doc, "Surrey").end, "Surrey")
        sussex = Mention(span(doc, "Sussex").start, span(doc, "Sussex").end, "Sussex")
        assert opens_group(where, (surrey, sussex), set(), [], OPENERS) is expected

    def test_a_count_that_fits_the_group(self, nlp):
        doc = nlp("Kent and Essex, and the two forces of the west - Avon and Dorset")
        where = span(doc, ", and the two forces of the west -")
        group = (Mention(0, 1, "Avon"), Mention(1, 2, "Dorset"))
        two = Reference(span(doc, "two forces").start - 1, span(doc, "two forces").end, 2)
        assert opens_group(where, group, set(), [two], frozenset()) is True


class TestSeparateGroups:
    @pytest.mark.parametrize(
        ("text", "forces", "apart"),
        [
            ("They pointed to partnerships between Kent and Essex and between Bedfordshire and Hertfordshire.",
             ["Kent", "Essex", "Bedfordshire", "Hertfordshire"], [{"Kent", "Essex"}, {"Bedfordshire", "Hertfordshire"}]),
            ("Mergers of neighbours such as Norfolk and Suffolk, Gloucestershire and Wiltshire were discussed.",
             ["Norfolk", "Suffolk", "Gloucestershire", "Wiltshire"],
             [{"Norfolk", "Suffolk"}, {"Gloucestershire", "Wiltshire"}]),
            ("Kent and Essex have joined Surrey and Sussex in an alliance.",
             ["Kent", "Essex", "Surrey", "Sussex"], []),
            ("Kent, Surrey and Sussex folded their teams into the unit run by Essex and Hampshire.",
             ["Kent", "Surrey", "Sussex", "Essex", "Hampshire"], []),
        ],
    )
    def test_forms(self, nlp, cues, text, forces, apart):
        doc, groups = groups_of(nlp, cues, text, forces)
        assert names(separate_groups(doc, groups, set(), [], OPENERS)) == apart

    def test_groups_in_their_own_clauses(self, nlp, cues):
        doc, groups = groups_of(nlp, cues, "Kent and Essex run a unit, and Avon and Dorset pool work.",
                                ["Kent", "Essex", "Avon", "Dorset"])
        clauses = {groups[0][0].start: 3, groups[1][0].start: 9}
        assert names(separate_groups(doc, groups, set(), [], frozenset(), clauses)) == [{"Kent", "Essex"},
                                                                                      {"Avon", "Dorset"}]

    def test_groups_that_share_a_force_are_one(self, nlp, cues):
        doc = nlp("between Kent and Essex and between Kent and Surrey")
        mentions = [Mention(t.i, t.i + 1, t.text) for t in doc if t.text in {"Kent", "Essex", "Surrey"}]
        groups = list(list_groups(doc, mentions, cues.list_joiners))
        assert len(groups) == 2
        assert separate_groups(doc, groups, set(), [], OPENERS) == []

"""What a sentence part's references stand for (pipeline.nlp.collaborations.resolve).

Mentions are given by hand (force = the words written), so each test states the article it reads.
"""

from __future__ import annotations

import pytest

from pipeline.nlp.collaborations.mentions import list_groups
from pipeline.nlp.collaborations.references import Reference
from pipeline.nlp.collaborations.resolve import (
    ArticleForces,
    Candidate,
    Part,
    Scope,
    antecedent,
    collaboration_of,
    describe,
    resolve,
    restated,
    sentences_after,
    stands_for,
    with_successor,
)
from tests.nlp.collaborations.helpers import mention, span

A, B, C, D = frozenset({"A"}), frozenset({"A", "B"}), frozenset({"C", "D"}), frozenset({"A", "B", "C"})


def article(nlp, cues, text: str, forces: list[str], topic: str | None = None):
    """The parsed doc and its ArticleForces, mentions at the first occurrence of each of ``forces``."""
    doc = nlp(text)
    mentions = tuple(sorted((mention(doc, f) for f in forces), key=lambda m: m.start))
    return doc, ArticleForces(mentions, list_groups(doc, mentions, cues.list_joiners), topic)


def ref(doc, words: str, count: int | None, **flags) -> Reference:
    s = span(doc, words)
    return Reference(s.start, s.end, count, **flags)


class TestScopeBefore:
    @pytest.mark.parametrize(
        ("position", "expected"),
        [(0, []), (3, [A]), (8, [A, C]), (20, [A, B, C, D])],
    )
    def test_lists_first_then_collaborations(self, position, expected):
        scope = Scope(lists=((0, A), (10, B)), described=((5, C), (12, D)))
        assert scope.before(position) == expected


class TestArticleForcesLists:
    def test_one_set_per_list(self, nlp, cues):
        _, art = article(nlp, cues, "Kent, Essex and Surrey met. Sussex waited.", ["Kent", "Essex", "Surrey", "Sussex"])
        assert art.lists == ((0, frozenset({"Kent", "Essex", "Surrey"})), (7, frozenset({"Sussex"})))


class TestStandsFor:
    TRIO = "Kent, Surrey and Sussex formed an alliance."

    def test_subset_is_the_set_before_less_the_excluded(self, nlp, cues):
        doc, art = article(nlp, cues, f"{self.TRIO} Two of them, all but Kent, share a dog unit.", ["Kent", "Surrey", "Sussex"])
        part = Part(doc[8:], (), (), frozenset({"Kent"}))
        two = ref(doc, "Two of them", 2, subset=True)
        assert stands_for(two, part, Scope(art.lists), art) == ["Surrey", "Sussex"]
        assert stands_for(two, Part(doc[8:], ()), Scope(art.lists), art) == []  # which two is not said

    @pytest.mark.parametrize(
        ("text", "named", "topic", "expected"),
        [
            ("The force shares its motorway unit with Stafford.", ("Stafford",), "Kent", ["Kent"]),
            ("The force shares its motorway unit with Stafford.", ("Stafford",), None, []),
            ("The force shares its motorway unit.", (), "Kent", []),
            ("Stafford and the force share a unit.", ("Stafford",), "Kent", []),
        ],
    )
    def test_the_force_is_the_article_force(self, nlp, cues, text, named, topic, expected):
        doc, art = article(nlp, cues, text, list(named), topic)
        assert stands_for(ref(doc, "the force" if "and" in text else "The force", 1, singular=True),
                          Part(doc[:], named), Scope(art.lists), art) == expected

    @pytest.mark.parametrize(("named", "expected"), [((), ["Essex", "Kent"]), (("Kent",), ["Essex", "Kent"]),
                                                     (("Surrey",), []), (("Kent", "Surrey"), [])])
    def test_the_forces_are_the_latest_set_with_the_one_named(self, nlp, cues, named, expected):
        doc, art = article(nlp, cues, "Kent and Essex share a unit. The forces will share custody.", ["Kent", "Essex"])
        part = Part(doc[7:], named)
        assert stands_for(ref(doc, "The forces", None), part, Scope(art.lists), art) == expected

    def test_shared_with_the_n_forces_adds_the_article_force(self, nlp, cues):
        text = "Kent and Essex met. Surrey shares custody with the two forces."
        doc, art = article(nlp, cues, text, ["Kent", "Essex"], "Surrey")
        two = ref(doc, "the two forces", 2, after_with=True)
        assert stands_for(two, Part(doc[5:], ()), Scope(art.lists), art) == ["Essex", "Kent", "Surrey"]


class TestAntecedent:
    def test_named_with_it(self, nlp, cues):
        doc, art = article(nlp, cues, "Kent and Essex: the two forces share a unit.", ["Kent", "Essex"])
        assert antecedent(ref(doc, "two forces", 2), Part(doc[:], ("Kent", "Essex")), Scope(art.lists), art) == ["Essex", "Kent"]

    def test_the_latest_set_of_n_before(self, nlp, cues):
        doc, art = article(nlp, cues, "Kent and Essex met. Surrey and Sussex met. The two forces share a unit.",
                           ["Kent", "Essex", "Surrey", "Sussex"])
        assert antecedent(ref(doc, "two forces", 2), Part(doc[10:], ()), Scope(art.lists), art) == ["Surrey", "Sussex"]

    def test_neighbours_are_a_set_without_the_named(self, nlp, cues):
        doc, art = article(nlp, cues, "Durham and Cleveland share a unit. York will join its two neighbours.",
                           ["Durham", "Cleveland", "York"])
        two = ref(doc, "two neighbours", 2, neighbours=True)
        assert antecedent(two, Part(doc[7:], ("York",)), Scope(art.lists), art) == ["Cleveland", "Durham"]

    def test_the_other_one_named_before(self, nlp, cues):
        doc, art = article(nlp, cues, "Surrey met Kent. Talks with Essex are about merging the two forces.",
                           ["Surrey", "Kent", "Essex"])
        two = ref(doc, "two forces", 2)
        part = Part(doc[4:], ("Essex",))
        assert antecedent(two, part, Scope(art.lists), art) == ["Essex", "Kent"]

    @pytest.mark.parametrize(("forward", "expected"), [(0, None), (1, None), (2, ["Durham", "Cleveland", "York"])])
    def test_a_list_named_just_after(self, nlp, cues, forward, expected):
        text = "The three forces will share. It was said by Kent. Durham, Cleveland and York are the three."
        doc, art = article(nlp, cues, text, ["Kent", "Durham", "Cleveland", "York"])
        three = ref(doc, "three forces", 3)
        assert antecedent(three, Part(doc[:6], ()), Scope(art.lists), art, forward) == expected

    def test_the_article_forces_if_they_are_n(self, nlp, cues):
        doc, art = article(nlp, cues, "Durham grew. Cleveland cut costs. York hired. The three forces share.",
                           ["Durham", "Cleveland", "York"])
        three = ref(doc, "three forces", 3)
        assert antecedent(three, Part(doc[11:], ()), Scope(art.lists), art) == ["Durham", "Cleveland", "York"]


class TestResolve:
    def test_named_then_referred_without_repeats(self, nlp, cues):
        doc, art = article(nlp, cues, "Kent and Essex met. Essex and the forces share a unit.", ["Kent", "Essex"])
        part = Part(doc[5:], ("Essex",), (ref(doc, "the forces", None),))
        assert resolve(part, Scope(art.lists), art) == ["Essex", "Kent"]


class TestResolveOwnSide:
    TEXT = "Kent and Essex run Atlas. The unit it shares with Surrey and Sussex grew."

    def test_after_with_the_article_force(self, nlp, cues):
        doc, art = article(nlp, cues, self.TEXT, ["Kent", "Essex", "Surrey", "Sussex"], topic="Kent")
        part = Part(doc[6:], ("Surrey", "Sussex"), with_topic=True)
        assert resolve(part, Scope(art.lists), art) == ["Surrey", "Sussex", "Kent"]

    def test_after_with_a_collaboration_told_before(self, nlp, cues):
        doc, art = article(nlp, cues, self.TEXT, ["Kent", "Essex", "Surrey", "Sussex"], topic="Surrey")
        part = Part(doc[6:], ("Surrey", "Sussex"), with_topic=True, collaboration_subject=True)
        scope = Scope(art.lists, ((0, frozenset({"Kent", "Essex"})),))
        assert resolve(part, scope, art) == ["Surrey", "Sussex", "Essex", "Kent"]

    def test_not_with_references(self, nlp, cues):
        doc, art = article(nlp, cues, self.TEXT, ["Kent", "Essex", "Surrey", "Sussex"], topic="Kent")
        part = Part(doc[6:], ("Surrey",), (ref(doc, "Sussex", 5),), with_topic=True)  # refers to no set
        assert resolve(part, Scope(art.lists), art) == ["Surrey"]


class TestStandsForPronounAndCountry:
    def test_them_is_the_latest_set_before(self, nlp, cues):
        doc, art = article(nlp, cues, "Kent and Essex met. A plan to merge them with Surrey failed.",
                           ["Kent", "Essex", "Surrey"])
        part = Part(doc[5:], ("Surrey",), (ref(doc, "them", None, pronoun=True),))
        assert stands_for(part.references[0], part, Scope(art.lists), art) == ["Essex", "Kent"]

    @pytest.mark.parametrize(
        ("words", "count", "expected"),
        [("one force for Wales", None, ["Gwent", "Dyfed"]), ("four Welsh forces", 2, ["Gwent", "Dyfed"]),
         ("four Welsh forces", 3, [])],
    )
    def test_a_country(self, nlp, cues, words, count, expected):
        doc = nlp("Ministers want one force for Wales; the four Welsh forces agree.")
        art = ArticleForces((), (), None, {"Wales": ("Gwent", "Dyfed")})
        part = Part(doc[:], (), (ref(doc, words, count, country="Wales"),))
        assert stands_for(part.references[0], part, Scope(()), art) == expected


class TestRestated:
    @pytest.mark.parametrize(
        ("definite", "forces", "names", "expected"),
        [
            (True, ("Kent", "Essex"), (), True),
            (False, ("Kent", "Essex"), (), False),  # not a definite phrase: a collaboration of its own
            (True, ("Kent", "Essex", "Surrey"), (), False),  # the same set is the same collaboration anyway
            (True, ("Kent", "Sussex"), (), False),  # not a subset
        ],
    )
    def test_forms(self, nlp, definite, forces, names, expected):
        doc = nlp("Kent, Essex and Surrey signed it. Kent and Essex signed the memorandum.")
        before = (Candidate(0, 6, ("Kent", "Essex", "Surrey")),)
        part = Part(doc[6:], forces, names=names, definite=definite)
        assert restated(part, Candidate(6, len(doc), forces), before) is expected


class TestWithSuccessor:
    def test_the_members_alone_join_the_merger_told_as_done(self):
        successors = {"Fife": "Scotland", "Tayside": "Scotland"}
        found = (Candidate(0, 5, ("Fife", "Tayside")), Candidate(5, 9, ("Fife", "Tayside", "Scotland")))
        assert [set(c.forces) for c in with_successor(found, successors)] == [{"Fife", "Tayside", "Scotland"}] * 2

    def test_no_merger_told_as_done(self):
        successors = {"Fife": "Scotland", "Tayside": "Scotland"}
        found = (Candidate(0, 5, ("Fife", "Tayside")),)
        assert with_successor(found, successors) == found


class TestCollaborationOf:
    @pytest.mark.parametrize(
        ("forces", "excluded", "expected"),
        [
            (("Kent", "Essex"), frozenset(), ("Kent", "Essex")),
            (("Fife", "Tayside", "Scotland"), frozenset(), ("Fife", "Tayside")),
            (("Kent", "Essex", "Surrey"), frozenset({"Surrey"}), ("Kent", "Essex")),
            (("Kent",), frozenset(), None),
        ],
    )
    def test_forms(self, nlp, forces, excluded, expected):
        doc = nlp("Some forces share a unit.")
        successors = {"Fife": "Scotland", "Tayside": "Scotland"}
        art = ArticleForces((), (), None)
        found = collaboration_of(Part(doc[:], forces, excluded=excluded, kind="alliance"), Scope(()), art, successors)
        assert (found.forces if found else None) == expected
        assert found is None or (found.start, found.end, found.type) == (0, len(doc), "alliance")

    def test_a_merger_told_as_done_keeps_the_force_they_became(self, nlp):
        doc = nlp("Fife and Tayside became Scotland.")
        part = Part(doc[:], ("Fife", "Tayside", "Scotland"), signals=frozenset({"existing"}))
        found = collaboration_of(part, Scope(()), ArticleForces((), (), None), {"Fife": "Scotland", "Tayside": "Scotland"})
        assert found.forces == ("Fife", "Tayside", "Scotland")


class TestDescribe:
    TEXT = "Kent and Essex formed an alliance. Surrey and Sussex were praised. The two forces share custody."

    def parts(self, nlp, cues):
        doc, art = article(nlp, cues, self.TEXT, ["Kent", "Essex", "Surrey", "Sussex"])
        first = Part(doc[:7], ("Kent", "Essex"))
        third = Part(doc[13:], (), (ref(doc, "two forces", 2),))
        return art, first, third

    def test_a_reference_reads_the_collaborations_before_it(self, nlp, cues):
        art, first, third = self.parts(nlp, cues)
        found = describe([first, third], art, {})
        assert [c.forces for c in found] == [("Kent", "Essex"), ("Essex", "Kent")]

    def test_without_them_the_lists(self, nlp, cues):
        art, _, third = self.parts(nlp, cues)
        assert [c.forces for c in describe([third], art, {})] == [("Surrey", "Sussex")]

    def test_parts_without_two_forces_are_left_out(self, nlp, cues):
        art, first, _ = self.parts(nlp, cues)
        lone = Part(first.span, ("Kent",))
        assert describe([lone, first], art, {}) == (Candidate(0, 7, ("Kent", "Essex")),)


class TestSentencesAfter:
    @pytest.mark.parametrize(("count", "expected"), [(0, "One."), (1, "Two."), (2, "Three."), (5, "Three.")])
    def test_forms(self, nlp, count, expected):
        doc = nlp("One. Two. Three.")
        assert sentences_after(doc[0:1].sent, count).text == expected

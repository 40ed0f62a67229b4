"""Rule functions of the forces stage that read an area's sentence, grammar or article (``pipeline.nlp.force_groups``)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from pipeline.nlp.force_groups import (
    count_value,
    counted_group,
    examples_of_forces,
    formed_by,
    governed_by_collaboration,
    inside_longer_name,
    is_place,
    joins_by_verb_chain,
    named_by_copula,
    propagated,
)
from tests.nlp.force_helpers import area, areas, cues


class TestCountValue:
    @pytest.mark.parametrize(("word", "expected"), [("five", 5), ("both", 2), ("43", 43), ("the", None)])
    def test_count_words_and_figures(self, nlp, word, expected):
        assert count_value(nlp(word)[0], cues(nlp)) == expected


class TestCountedGroup:
    @pytest.mark.parametrize(
        "text",
        [
            "The commissioners for all five forces in the region: Kent, Essex, Surrey, Sussex and Cambs.",
            "It set out a single force for the five East Midlands forces and said Kent and Essex will stay as they are.",
            "Kent has to find £3.5m and Essex £1m, a total of £4.5m across the two forces.",
            "Both constabularies said Kent and Essex would gain.",
            "The 43 forces of England and Wales include Kent.",
        ],
    )
    def test_a_counted_group_of_forces_anywhere_in_the_sentence(self, nlp, text):
        assert counted_group(next(nlp(text).sents), cues(nlp))

    @pytest.mark.parametrize(
        "text",
        [
            "One or two forces in the region could merge with Kent.",  # a vague count names no group
            "Two or three forces could join Kent.",
            "The force said Kent and Essex would gain.",  # no count
            "Two officers from Kent and Essex were hurt.",  # officers are not forces
            "Kent and Essex will save £2m across the forces.",  # the figure counts no forces
            "In 2013 the forces in Kent and Essex merged their units.",
        ],
    )
    def test_no_counted_group(self, nlp, text):
        assert not counted_group(next(nlp(text).sents), cues(nlp))


class TestIsPlace:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The two forces patrol the coast in Kent and Essex.", True),
            ("Tourists visiting Kent spent more, the two forces said.", True),
            ("A man from Kent was jailed after an inquiry by the two forces.", True),
            ("The people of Kent deserve better, the two forces said.", True),
            ("Around 150 officers travelled from Kent, and more came from the two other forces.", False),
            ("Kent and Essex, the two forces, agreed.", False),
        ],
    )
    def test_where_something_happens_or_someone_comes_from(self, nlp, text, expected):
        doc = nlp(text)
        assert is_place(area(doc, "Kent"), cues(nlp)) is expected


class TestGovernedByCollaboration:
    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("They pointed to similar partnerships between Kent and Essex and between Bedfordshire and "
             "Hertfordshire.", "Bedfordshire"),
            ("They pointed to similar partnerships between Kent and Essex.", "Kent"),
            ("The voluntary merger of Cumbria and Lancashire was the only exception.", "Cumbria"),
            ("Officers in the Tri-Force partnership with Surrey and Avon and Somerset returned.", "Surrey"),
            ("Essex would keep its good relationship with Cambs.", "Cambs"),
            ("Forced mergers dropped as the Cumbria and Lancashire deal collapses.", "Cumbria"),
            ("The talks between Kent and Essex ended.", "Kent"),
            ("The plan for a single force covering Kent, Essex and Surrey was abandoned.", "Kent"),
            ("Essex had been told to form a single force with Hertfordshire and Bedfordshire.", "Hertfordshire"),
            ("Cheshire wanted a looser federation with Merseyside, Lancashire and Cumbria.", "Lancashire"),
        ],
    )
    def test_a_collaboration_noun_or_a_single_force_governs_the_area(self, nlp, text, word):
        doc = nlp(text)
        assert governed_by_collaboration(area(doc, word), cues(nlp))

    @pytest.mark.parametrize(
        ("text", "word"),
        [
            ("A new rail link between Kent and Essex opened.", "Kent"),
            ("The border between Kent and Sussex is long.", "Kent"),
            ("The ambulance service covering Kent, Surrey and Sussex was praised.", "Kent"),
            ("A deal for Kent taxpayers was agreed.", "Kent"),
        ],
    )
    def test_other_nouns_and_services_do_not(self, nlp, text, word):
        doc = nlp(text)
        assert not governed_by_collaboration(area(doc, word), cues(nlp))


class TestExamplesOfForces:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The force will work with neighbouring forces, West Yorkshire in particular.", "West Yorkshire", True),
            ("Officers from neighbouring forces such as Kent and Essex helped.", "Kent", True),
            ("Tourists from places such as Kent and Essex came.", "Kent", False),
            ("The force will work with Kent, its neighbour.", "Kent", False),
        ],
    )
    def test_forces_named_after_a_group_of_forces(self, nlp, text, word, expected):
        assert examples_of_forces(area(nlp(text), word)) is expected


class TestJoinsByVerbChain:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Essex and Kent were looking at working together against crime.", True),
            ("Cumbria and Lancashire had both wanted to merge.", True),
            ("Bedfordshire and Hertfordshire run a joint Major Crime Unit.", True),
            ("Kent and Essex have busy ports.", False),
            ("Kent and Essex were hit by storms.", False),
            ("Further north, Cumbria and Lancashire, which already run a shared dog unit, will join in.", True),
            ("Kent and Essex have entered an alliance.", True),
            ("Essex and Kent embarked on a strategic partnership last year.", True),
            ("Kent, which has a long coastline, faces storms.", False),
            ("Essex has entered a new phase of building.", False),
        ],
    )
    def test_the_subjects_verb_leads_to_collaboration(self, nlp, text, expected):
        doc = nlp(text)
        span = next(s for s in areas(doc) if s.text in {"Essex", "Cumbria", "Bedfordshire", "Kent"})
        assert joins_by_verb_chain(span, cues(nlp)) is expected


class TestNamedByCopula:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The forces with most redundancies were Sussex (12 per cent), Surrey (9 per cent) and Kent.", "Surrey", True),
            ("The forces involved are Kent, Essex and Surrey.", "Essex", True),
            ("Kent, Essex and Surrey are the forces involved.", "Kent", True),
            ("The winners were Kent and Essex.", "Kent", False),
            ("The problem is Kent.", "Kent", False),
        ],
    )
    def test_a_force_noun_is_the_area_or_the_area_is_one(self, nlp, text, word, expected):
        doc = nlp(text)
        assert named_by_copula(area(doc, word), cues(nlp)) is expected


class TestPropagated:
    def spans(self, nlp, text: str) -> list[Span]:
        return areas(nlp(text))

    def test_a_list_of_three_with_two_forces_confirmed(self, nlp):
        group = self.spans(nlp, "Kent, Essex, Surrey and Sussex together.")
        assert [s.text for s in propagated([group], {"Kent", "Essex"})] == ["Kent", "Essex", "Surrey", "Sussex"]

    @pytest.mark.parametrize(
        ("text", "confirmed"),
        [
            ("Kent, Essex, Surrey and Sussex together.", {"Kent"}),  # one confirmed
            ("Kent and Essex together.", {"Kent", "Essex"}),  # a pair
        ],
    )
    def test_not_without_two_confirmed_in_a_list_of_three(self, nlp, text, confirmed):
        assert propagated([self.spans(nlp, text)], confirmed) == []


class TestInsideLongerName:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("Steve Kent, chair of the federation, said so.", "Kent", True),
            ("The Cumbria-Lancashire merger collapsed.", "Cumbria", False),
            ("Cumbria and Lancashire agreed.", "Lancashire", False),
        ],
    )
    def test_a_surname_or_a_longer_place_name(self, nlp, text, word, expected):
        doc = nlp(text)
        spans = areas(doc)
        taken = {i for s in spans for i in range(s.start, s.end)}
        assert inside_longer_name(doc, area(doc, word), taken) is expected


class TestFormedBy:
    ESTABLISHED = {"Police Scotland": date(2013, 4, 1)}

    @pytest.mark.parametrize(
        ("published", "expected"),
        [(date(2012, 10, 25), False), (date(2013, 4, 1), True), (date(2020, 1, 1), True), (None, True)],
    )
    def test_a_force_exists_from_its_formation(self, nlp, published, expected):
        doc = nlp("Police Scotland said so.")
        mention = Span(doc, 0, 2, label="FORCE", kb_id="Police Scotland")
        assert formed_by(mention, self.ESTABLISHED, published) is expected

    def test_forces_with_no_date_of_formation_always_exist(self, nlp):
        doc = nlp("Kent Police said so.")
        assert formed_by(Span(doc, 0, 2, label="FORCE", kb_id="Kent Police"), self.ESTABLISHED, date(1990, 1, 1))

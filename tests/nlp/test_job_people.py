"""People lost in the forms newspapers use (pipeline/nlp/job_people.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_people import (
    counted,
    cuts_in,
    departing,
    fallen_by,
    fewer,
    leaves,
    left_with_only,
    lost_before,
    lost_in_clause,
    lost_object,
    made_redundant,
    no_longer_needed,
    passive_complement,
    people,
    person_lost,
)
from tests.nlp.jobs_helpers import sentence, word


def found(rule, nlp, text: str, noun: str, nth: int = 0) -> str | None:
    """The text of the word the rule says loses ``noun``, or None."""
    verb = rule(word(sentence(nlp, text), noun, nth), load_cues())
    return verb.text if verb is not None else None


class TestPeople:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("The force will cut officers.", "officers", True),
            ("The force is cutting management.", "management", True),
            ("By removing duplicated management and analysis, it saves money.", "management", False),  # functions
            ("The force is cutting management and staff.", "management", True),
            ("The force is cutting crime.", "crime", False),
        ],
    )
    def test_a_noun_of_people(self, nlp, text, noun, expected):
        assert people(word(sentence(nlp, text), noun), load_cues()) is expected


class TestPersonLost:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Sussex Police will shed more than a hundred people.", "people", "shed"),
            ("Sixty-two police officers will go from the force.", "officers", "go"),
            ("The people of Sussex will shed a tear.", "people", None),  # not the object of the loss
            ("Two officers were injured.", "officers", None),
            ("The force will cut crime.", "crime", None),  # not people
        ],
    )
    def test_the_first_rule_that_reads_it(self, nlp, text, noun, expected):
        assert found(person_lost, nlp, text, noun) == expected


class TestLostObject:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Norfolk is to scrap police community support officers.", "officers", "scrap"),
            ("The force will shed more than a hundred people.", "people", "shed"),
            ("Some of the officers will be cut.", "officers", "cut"),
            ("Central is to lose nearly a quarter of its officers.", "officers", "lose"),  # a part of them
            ("Kent Police axes 200 officers", "officers", "axes"),  # the verb tagged as the plural of 'axis'
            ("The crash cost two officers their lives.", "officers", None),  # what they lose is the other object
            ("Two detectives were cut free from the wreckage.", "detectives", None),
            ("Twelve officers were cut by flying glass.", "officers", None),  # injured
            ("Forty officers were cut by the review.", "officers", "cut"),
            ("Eighty officers are to be axed.", "officers", "axed"),  # a passive complement
            ("The force will train 40 officers.", "officers", None),
        ],
    )
    def test_the_object_of_a_loss_verb(self, nlp, text, noun, expected):
        assert found(lost_object, nlp, text, noun) == expected

    def test_the_verbs_come_from_the_cues(self, nlp):
        sent = sentence(nlp, "Norfolk is to scrap police community support officers.")
        cues = dataclasses.replace(load_cues(), people_loss_words=frozenset({"cut"}))
        assert lost_object(word(sent, "officers"), cues) is None


class TestPassiveComplement:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Eighty officers are to be axed.", "officers", "axed"),
            ("Officers are likely to be cut.", "Officers", "cut"),
            ("Officers are likely to cut costs.", "Officers", None),  # active: they do the cutting
            ("The force will cut officers.", "officers", None),  # an object, not a subject
        ],
    )
    def test_a_passive_verb_completing_the_subject(self, nlp, text, noun, expected):
        verb = passive_complement(word(sentence(nlp, text), noun))
        assert (verb.text if verb is not None else None) == expected


class TestMadeRedundant:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Between 400 and 800 people will be made compulsorily redundant.", "people", "made"),
            ("The force made 50 staff redundant.", "staff", "made"),
            ("The force made 50 staff welcome.", "staff", None),
        ],
    )
    def test_made_redundant(self, nlp, text, noun, expected):
        assert found(made_redundant, nlp, text, noun) == expected


class TestNoLongerNeeded:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Between 32 and 64 Aberdeen staff will no longer be needed.", "needed"),
            ("More staff will be needed in the control room.", None),
        ],
    )
    def test_no_longer_needed(self, nlp, text, expected):
        assert found(no_longer_needed, nlp, text, "staff") == expected


class TestCounted:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("62 officers will go.", "officers", True),
            ("All 150 PCSOs will go.", "PCSOs", True),
            ("Another 800 people would have to go.", "people", True),
            ("Officers will go.", "Officers", False),
        ],
    )
    def test_a_number_or_quantifier(self, nlp, text, noun, expected):
        assert counted(word(sentence(nlp, text), noun), load_cues()) is expected


class TestDeparting:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Sixty-two police officers will go from the force over the next year.", "officers", "go"),
            ("All 150 PCSOs in the county will go under the plans.", "PCSOs", "go"),
            ("While 86 officers are expected to retire or leave, the intake falls.", "officers", "retire"),
            ("Another 800 people would have to go, he said.", "people", "go"),
            ("Officers with 30 years' service could be required to retire.", "Officers", "retire"),  # compelled
            ("Forces may have to let experienced staff go.", "staff", "go"),
            ("Twenty officers went to the scene.", "officers", None),  # a place
            ("Dozens of officers will go on patrol tonight.", "officers", None),
            ("Many officers go beyond the call of duty.", "officers", None),
            ("Forty officers left the building.", "officers", None),  # an object that is not the force
            ("Officers will go from the unit.", "Officers", None),  # uncounted, of their own accord
        ],
    )
    def test_a_counted_departure(self, nlp, text, noun, expected):
        assert found(departing, nlp, text, noun) == expected


class TestLeaves:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("Forty officers will leave the force.", "leave", True),
            ("Forty officers will leave the building.", "leave", False),
            ("Forty officers will go to Leeds.", "go", False),
            ("Forty officers will retire.", "retire", True),
            ("Forty officers will stay.", "stay", False),
        ],
    )
    def test_a_departure_with_no_place(self, nlp, text, verb, expected):
        assert leaves(word(sentence(nlp, text), verb), load_cues()) is expected


class TestFewer:
    @pytest.mark.parametrize(
        ("text", "noun", "nth", "expected"),
        [
            ("The price will be 255 fewer police officers by next spring.", "officers", 0, "be"),
            ("Northern Ireland will have 238 fewer police officers.", "officers", 0, "have"),
            ("The cuts will leave the force with 73 fewer officers and 26 fewer staff.", "officers", 0, "leave"),
            ("The cuts will leave the force with 73 fewer officers and 26 fewer staff.", "staff", 0, "leave"),
            ("Fewer officers were injured this year.", "officers", 0, None),  # a subject
            ("The force will have more officers.", "officers", 0, None),
        ],
    )
    def test_fewer_people(self, nlp, text, noun, nth, expected):
        assert found(fewer, nlp, text, noun, nth) == expected


class TestLeftWithOnly:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Budget pressures could leave the force with just 6,000 officers by 2025.", "officers", "leave"),
            ("The force will be able to afford only 2,000 staff.", "staff", "afford"),
            ("The force will be left with 2,240 officers.", "officers", None),  # no 'only'
            ("Only 20 officers were on duty.", "officers", None),
        ],
    )
    def test_left_with_only(self, nlp, text, noun, expected):
        assert found(left_with_only, nlp, text, noun) == expected


class TestFallenBy:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The total will fall by 16 officers by 2016.", "fall"),
            ("The force has been reduced by 200 officers.", "reduced"),
            ("The total will rise by 16 officers.", None),
        ],
    )
    def test_a_fall_by_people(self, nlp, text, expected):
        assert found(fallen_by, nlp, text, "officers") == expected


class TestLostInClause:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The union counted the officers the force will lose.", "lose"),
            ("The union counted the officers the force will train.", None),
        ],
    )
    def test_people_a_relative_clause_loses(self, nlp, text, expected):
        assert found(lost_in_clause, nlp, text, "officers") == expected


class TestLostBefore:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The federation has warned that losing so many officers will be a gift to criminals.", "losing"),
            ("The federation has warned that many officers will be angry.", None),
        ],
    )
    def test_a_loss_verb_right_before_the_subject(self, nlp, text, expected):
        assert found(lost_before, nlp, text, "officers") == expected

    def test_other_verbs_for_jobs(self, nlp):
        sent = sentence(nlp, "Plans to axe 750 officer posts were shelved.")
        verb = lost_before(word(sent, "posts"), load_cues(), load_cues().loss_words)
        assert verb is not None and verb.text == "axe"


class TestCutsIn:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("It will lead to cuts in neighbourhood officers.", "officers", "cuts"),
            ("There will be a reduction in frontline detectives.", "detectives", "reduction"),
            ("A rise in officers was welcome.", "officers", None),
        ],
    )
    def test_a_noun_of_loss_over_people(self, nlp, text, noun, expected):
        assert found(cuts_in, nlp, text, noun) == expected

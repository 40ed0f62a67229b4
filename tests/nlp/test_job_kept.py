"""People kept: redeployed, moved into roles, kept (pipeline/nlp/job_kept.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_kept import (
    held_at_strength,
    into_roles,
    kept_people,
    moved_to_roles,
    person_kept,
    redeployed,
    redeployed_people,
)
from tests.nlp.jobs_helpers import sentence, word


def found(rule, nlp, text: str, noun: str) -> str | None:
    verb = rule(word(sentence(nlp, text), noun), load_cues())
    return verb.text if verb is not None else None


class TestPersonKept:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("All officers affected will be redeployed to other areas.", "officers", "redeployed"),
            ("The people affected will be moved into other roles.", "people", "moved"),
            ("The force expects to keep all 828 of its PCSOs.", "PCSOs", "keep"),
            ("Officers were praised by the judge.", "Officers", None),
            ("The force will keep its vehicles.", "vehicles", None),  # not people
        ],
    )
    def test_the_first_rule_that_reads_it(self, nlp, text, noun, expected):
        assert found(person_kept, nlp, text, noun) == expected


class TestRedeployedPeople:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Officers will be redeployed.", "Officers", "redeployed"),
            ("All officers affected will be redeployed to other areas.", "officers", "redeployed"),  # a clause of its own
            ("Officers will be trained.", "Officers", None),
        ],
    )
    def test_redeployed(self, nlp, text, noun, expected):
        assert found(redeployed_people, nlp, text, noun) == expected


class TestMovedToRoles:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("The people affected will be moved into other roles.", "people", "moved"),
            ("The unit will close, with 45 officers expected to move into posts in other divisions.", "officers", "move"),
            ("35 officers have been moved into neighbourhood teams.", "officers", "moved"),
            ("The 14 officers will return to operational duties.", "officers", "return"),
            ("Around 20 officers will transfer to the new unit.", "officers", None),  # a unit, not a role
            ("Officers moved into the building.", "Officers", None),
        ],
    )
    def test_moved_into_a_role(self, nlp, text, noun, expected):
        assert found(moved_to_roles, nlp, text, noun) == expected


class TestIntoRoles:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("Staff will be moved into other roles.", "moved", True),
            ("The deal keeps staff in work.", "keeps", True),
            ("Staff will be moved into the new building.", "moved", False),
        ],
    )
    def test_a_role_the_verb_puts_people_into(self, nlp, text, verb, expected):
        assert into_roles(word(sentence(nlp, text), verb), load_cues()) is expected


class TestKeptPeople:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("The force expects to keep all 828 of its PCSOs.", "PCSOs", "keep"),
            ("The force will retain 300 officers.", "officers", "retain"),
            ("The deal offered a way of keeping those staff in work.", "staff", "keeping"),
            ("The force will keep officers safe.", "officers", None),  # a state, not a job
            ("The force will keep officers informed.", "officers", None),
        ],
    )
    def test_kept(self, nlp, text, noun, expected):
        assert found(kept_people, nlp, text, noun) == expected


class TestHeldAtStrength:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Neighbourhood Policing Teams would be kept at their present strength.", "Teams", "kept"),
            ("Officers will be maintained at their current level.", "Officers", "maintained"),
            ("The force will be kept at a high level of readiness.", "force", None),  # not people nor a team
            ("The teams will be kept at the station.", "teams", None),  # a place, not a level
        ],
    )
    def test_a_team_kept_at_a_level(self, nlp, text, noun, expected):
        assert found(held_at_strength, nlp, text, noun) == expected


class TestRedeployed:
    @pytest.mark.parametrize(
        ("text", "noun", "predicate", "expected"),
        [
            ("Officers will be redeployed.", "Officers", "redeployed", True),
            ("Staff will be moved into other roles.", "Staff", "moved", True),
            ("Staff will be offered a job in it.", "job", "offered", True),
            ("Jobs will be moved to Cardiff.", "Jobs", "moved", False),  # jobs moved are not people kept
            ("Posts will be cut.", "Posts", "cut", False),
        ],
    )
    def test_people_moved_or_a_job_offered(self, nlp, text, noun, predicate, expected):
        sent = sentence(nlp, text)
        assert redeployed(word(sent, noun), word(sent, predicate), load_cues()) is expected

    def test_no_predicate(self, nlp):
        assert redeployed(word(sentence(nlp, "There were redundancies."), "redundancies"), None, load_cues()) is False

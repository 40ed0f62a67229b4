"""Who speaks a job concern sentence (pipeline/nlp/job_speakers.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.job_speakers import Speakers, first_roles, speaker_of, speaker_role
from tests.nlp.jobs_helpers import sentence

SAY = frozenset({"say"})
TEXT = "He said posts would go, and she agreed."  # 39 characters


def quote(speaker: str | None, start: int, end: int) -> dict:
    return {"speaker": speaker, "start_char": start, "end_char": end}


class TestSpeakersQuoted:
    @pytest.mark.parametrize(
        ("quotes", "expected"),
        [
            ([quote("A", 0, 5), quote("B", 3, 30)], "B"),  # the most overlap
            ([quote("B", 3, 30), quote("A", 0, 5)], "B"),  # whatever the order of the list
            ([quote("A", 0, 10), quote("B", 29, 39)], "A"),  # a tie: the first in the list
            ([quote("B", 29, 39), quote("A", 0, 10)], "B"),
            ([quote(None, 0, 40), quote("A", 0, 5)], "A"),  # a quote without a speaker gives none
            ([quote("A", -100, 100), quote("B", 50, 60)], "A"),  # one that starts long before still reaches it
            ([quote("A", 39, 60)], None),  # touching is not overlapping
            ([], None),
        ],
    )
    def test_the_quote_overlapping_most(self, nlp, quotes, expected):
        assert Speakers(quotes, []).quoted(sentence(nlp, TEXT)) == expected


class TestSpeakersSaying:
    @pytest.mark.parametrize(
        ("officials", "verbs", "expected"),
        [
            ([{"name": "Ann Lee", "start_char": 16, "end_char": 23}], SAY, "Ann Lee"),
            ([{"name": "Ann Lee", "start_char": 16, "end_char": 23}], frozenset({"add"}), None),  # not a speech verb
            ([{"name": "Bob Day", "start_char": 16, "end_char": 19}, {"name": "Ann Lee", "start_char": 0, "end_char": 23}],
             SAY, "Bob Day"),  # the first in the list inside the subject
            ([{"name": "Ann Lee", "start_char": 30, "end_char": 35}], SAY, None),  # not in the subject
        ],
    )
    def test_the_official_who_said_it(self, nlp, officials, verbs, expected):
        sent = sentence(nlp, "Chief Constable Ann Lee said 40 posts would go.")
        assert Speakers([], officials).saying(sent, verbs) == expected


class TestSpeakersOf:
    def test_a_quote_before_the_speech_verb(self, nlp):
        sent = sentence(nlp, "Chief Constable Ann Lee said 40 posts would go.")
        officials = [{"name": "Ann Lee", "start_char": 16, "end_char": 23}]
        assert Speakers([quote("Bob Day", 29, 46)], officials).of(sent, SAY) == "Bob Day"
        assert Speakers([], officials).of(sent, SAY) == "Ann Lee"


class TestSpeakersRole:
    def test_the_role_of_the_first_of_that_name(self):
        speakers = Speakers([], [{"name": "Ann Lee", "role": "chief_constable", "start_char": 50, "end_char": 57},
                                 {"name": "Ann Lee", "role": "other", "start_char": 0, "end_char": 7}])
        assert speakers.role("Ann Lee") == "chief_constable"
        assert speakers.role(None) is None and speakers.role("Bob Day") is None


class TestFirstRoles:
    def test_name_to_first_role(self):
        officials = [{"name": "A", "role": "other"}, {"name": "B", "role": None}, {"name": "A", "role": "politician"}]
        assert first_roles(officials) == {"A": "other", "B": None}


class TestSpeakerOf:
    def test_same_as_the_index(self, nlp):
        sent = sentence(nlp, TEXT)
        quotes = [quote("A", 0, 5), quote("B", 3, 30)]
        assert speaker_of(sent, quotes, [], SAY) == Speakers(quotes, []).of(sent, SAY) == "B"


class TestSpeakerRole:
    def test_role_of_a_named_official(self):
        assert speaker_role("Ann Lee", [{"name": "Ann Lee", "role": "federation_representative"}]) == (
            "federation_representative"
        )

"""Candidate job sentences and the classifier's decisions on them (pipeline/nlp/job_candidates.py)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from pipeline.nlp.job_candidates import Candidate, decided, proposed
from pipeline.nlp.job_classifier import ClassifierSettings
from pipeline.nlp.job_cues import load_cues
from tests.nlp.jobs_helpers import sentence

SETTINGS = ClassifierSettings(seed=1, epochs=1, add_threshold=0.6, drop_threshold=0.1, stance_threshold=0.9)


class FakeClassifier:
    """Stands in for the trained classifier: every text gets the same scores."""

    def __init__(self, job: float, cats: dict[str, float]) -> None:
        self.cats = {"JOB": job, **cats}

    def pipe(self, texts):
        return [SimpleNamespace(cats=self.cats) for _ in texts]


class TestProposed:
    @pytest.mark.parametrize(
        "text",
        [
            "A thousand people working for the force will be out of a job.",
            "The force will have to take 400 officers and staff out of the organisation.",
            "Redundancies were announced on Monday.",
            "The axe will fall on 40 posts.",
            "Cutting management is the plan.",
            "Neighbourhood Policing Teams would be kept at their present strength.",  # a team, as a proper plural
        ],
    )
    def test_sentences_naming_jobs_or_people_employed(self, nlp, text):
        sent = sentence(nlp, text)
        assert proposed(sent, {}, load_cues())

    @pytest.mark.parametrize("text", ["The weather was fine on Monday.", "The two forces will share a helicopter."])
    def test_sentences_naming_neither(self, nlp, text):
        assert not proposed(sentence(nlp, text), {}, load_cues())

    def test_a_job_phrase_is_enough(self, nlp):
        sent = sentence(nlp, "The weather was fine on Monday.")
        assert proposed(sent, {"job_phrases": [(0, 1)]}, load_cues())


def candidate(nlp, concern=None, changes=True) -> Candidate:
    sent = sentence(nlp, "A thousand people will be out of a job.")
    return Candidate(sent, concern, False, "Jo Bloggs", "features", changes)


def rule_concern(nlp) -> dict:
    sent = sentence(nlp, "A thousand people will be out of a job.")
    return {"stance": "possible", "speaker": None, "start_char": 0, "end_char": len(sent.text), "text": sent.text}


STANCES = {"confirmed": 0.8, "possible": 0.1, "concern": 0.1, "ruled_out": 0.0, "uncertain": 0.0}


class TestDecided:
    @pytest.mark.parametrize(("score", "added"), [(0.59, False), (0.6, True), (0.95, True)])
    def test_a_candidate_no_rule_accepted_is_added_from_the_add_threshold(self, nlp, score, added):
        (out,) = decided([candidate(nlp)], FakeClassifier(score, STANCES), SETTINGS)
        assert (out.concern is not None) == added
        if added:
            assert out.concern["stance"] == "confirmed"
            assert out.concern["speaker"] == "Jo Bloggs"
            assert out.concern["text"] == out.sent.text

    def test_only_a_sentence_with_a_word_of_change_is_added(self, nlp):
        (out,) = decided([candidate(nlp, changes=False)], FakeClassifier(0.99, STANCES), SETTINGS)
        assert out.concern is None

    @pytest.mark.parametrize(("score", "kept"), [(0.05, False), (0.1, True), (0.3, True)])
    def test_a_rule_sentence_is_dropped_below_the_drop_threshold(self, nlp, score, kept):
        (out,) = decided([candidate(nlp, rule_concern(nlp))], FakeClassifier(score, STANCES), SETTINGS)
        assert (out.concern is not None) == kept

    @pytest.mark.parametrize(("confidence", "stance"), [(0.8, "possible"), (0.9, "confirmed")])
    def test_the_rules_stance_gives_way_only_from_the_stance_threshold(self, nlp, confidence, stance):
        classifier = FakeClassifier(0.9, {**STANCES, "confirmed": confidence})
        (out,) = decided([candidate(nlp, rule_concern(nlp))], classifier, SETTINGS)
        assert out.concern["stance"] == stance

    def test_no_candidates(self):
        assert decided([], FakeClassifier(1.0, STANCES), SETTINGS) == []

"""The job classifier's features, building, saving and loading (pipeline/nlp/job_classifier.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.job_classifier import (
    JOB,
    SETTINGS_FILE,
    WEIGHTS_FILE,
    ClassifierSettings,
    build_classifier,
    cue_class,
    feature_text,
    load_classifier,
    save_classifier,
    says_change,
    scores,
)
from pipeline.nlp.job_cues import load_cues
from tests.nlp.jobs_helpers import sentence, word


class TestFeatureText:
    def test_words_lower_case_numbers_as_one_word(self, nlp):
        text = feature_text(sentence(nlp, "Lincolnshire will have 40 fewer officers."), None, False, load_cues())
        assert text.startswith("lincolnshire will have  #num  fewer officers.")

    def test_the_cue_classes_in_order(self, nlp):
        text = feature_text(sentence(nlp, "Lincolnshire will have 40 fewer officers."), None, False, load_cues())
        assert "cue_num cue_fewer cue_people" in text

    @pytest.mark.parametrize(("stance", "moved", "words"), [
        (None, False, "rule_none"), ("possible", False, "rule_possible"), ("ruled_out", True, "rule_ruled_out rule_moved"),
    ])
    def test_the_rules_outcome(self, nlp, stance, moved, words):
        assert words in feature_text(sentence(nlp, "Forty posts will go."), stance, moved, load_cues())

    @pytest.mark.parametrize(("text", "bare"), [
        ("Force to shed 1,000 jobs in a year", True), ("- About 200 fewer officers by 2028", True),
        ("Forty posts will go.", False), ('"Forty posts will go."', False),
    ])
    def test_a_line_without_final_punctuation_is_bare(self, nlp, text, bare):
        assert ("shape_bare" in feature_text(sentence(nlp, text), None, False, load_cues())) == bare


class TestSaysChange:
    @pytest.mark.parametrize(("text", "changes"), [
        ("Vacant posts will be filled by the summer.", False),
        ("The force has 40 vacancies.", False),
        ("Lincolnshire will have 40 fewer officers.", True),
        ("Upwards of 1,000 officers are set to leave.", True),
        ("Officers will be redeployed.", True),
        ("Staff were made redundant.", True),
    ])
    def test_a_word_of_what_happens_to_jobs_or_people(self, nlp, text, changes):
        assert says_change(sentence(nlp, text), load_cues()) == changes


class TestCueClass:
    @pytest.mark.parametrize(("text", "target", "expected"), [
        ("Forty posts will go.", "posts", "cue_job"),
        ("Forty posts will be cut.", "cut", "cue_loss"),
        ("Forty posts will go.", "go", "cue_depart"),
        ("Cutting management is the plan.", "management", "cue_people"),
        ("Forty posts will go.", "Forty", "cue_num"),
        ("Officers will be redeployed.", "redeployed", "cue_keep"),
        ("Unison said jobs were at risk.", "said", "cue_say"),
        ("Forty posts will go.", "will", None),
    ])
    def test_classes(self, nlp, text, target, expected):
        assert cue_class(word(sentence(nlp, text), target), load_cues()) == expected


class TestBuildClassifier:
    def test_each_model_has_its_own_labels(self):
        nlp = build_classifier()
        nlp.initialize()
        assert nlp.get_pipe("job").labels == (JOB,)
        assert JOB not in nlp.get_pipe("stance").labels


SETTINGS = ClassifierSettings(seed=1, epochs=1, add_threshold=0.5, drop_threshold=0.0, stance_threshold=1.01)


class TestLoadClassifier:
    def test_a_folder_without_the_files_means_rules_only(self, tmp_path):
        assert load_classifier(tmp_path) is None

    def test_saved_then_loaded_scores_the_same(self, tmp_path):
        nlp = build_classifier()
        nlp.initialize()
        save_classifier(nlp, SETTINGS, tmp_path)
        assert {p.name for p in tmp_path.iterdir()} == {WEIGHTS_FILE, SETTINGS_FILE}
        loaded, settings = load_classifier(tmp_path)
        assert settings == SETTINGS
        texts = ["forty posts will go rule_none", "the weather was fine"]
        assert scores(loaded, texts) == scores(nlp, texts)

    def test_the_settings_of_the_models_folder_are_valid(self):
        from pipeline.config import models_dir

        assert load_classifier(models_dir()) is not None

"""Training the job classifier (pipeline/evaluation/train_jobs.py): deterministic with its seed, settings
chosen by held-out scores, the rules kept when the classifier does not beat them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluation.evaluate import GoldError
from pipeline.evaluation.job_examples import Example
from pipeline.evaluation.train_jobs import (
    NEVER,
    RULES_ONLY,
    HeldOut,
    best_setting,
    cross_validate,
    gold_folders,
    held_out_score,
    train,
    train_models,
)
from pipeline.nlp.job_classifier import SETTINGS_FILE, WEIGHTS_FILE, load_classifier, scores

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def example(features: str, gold: str | None, rule: str | None = None, *, moved: bool = False, changes: bool = True
            ) -> Example:
    return Example("c", "a.txt", features, features, rule, moved, gold, changes)


SMALL = [
    example("forty posts will go cue_job cue_depart rule_none", "confirmed"),
    example("unison fears #num jobs will be lost cue_union cue_job cue_loss rule_concern", "concern", "concern"),
    example("there will be no redundancies cue_neg cue_redundant rule_ruled_out", "ruled_out", "ruled_out"),
    example("the officers arrested a man cue_people rule_none", None),
    example("staff attended the parade cue_people rule_none", None),
    example("the force may shed #num staff cue_possible cue_loss cue_people rule_none", "possible"),
]


class TestTrain:
    def test_the_same_seed_gives_the_same_predictions(self):
        texts = [ex.features for ex in SMALL] + ["a new sentence about #num posts cue_job rule_none"]
        first, second = train(SMALL, seed=3, epochs=3), train(SMALL, seed=3, epochs=3)
        assert scores(first, texts) == scores(second, texts)
        assert first.to_bytes() == second.to_bytes()

    def test_it_learns_the_examples(self):
        nlp = train(SMALL, seed=3, epochs=10)
        scored = scores(nlp, [ex.features for ex in SMALL])
        assert [job >= 0.5 for job, _, _ in scored] == [ex.gold_stance is not None for ex in SMALL]


# the classifier's scores for SMALL: (job, stance, stance confidence)
SCORED = [(0.9, "possible", 0.95), (0.8, "confirmed", 0.5), (0.05, "ruled_out", 0.9), (0.7, "confirmed", 0.9),
          (0.2, "confirmed", 0.9), (0.3, "possible", 0.9)]


class TestHeldOutScore:
    def test_the_rules_alone(self):
        score = held_out_score(SMALL, 5, SCORED, RULES_ONLY)  # 2 rule sentences, both right, of 5 gold
        assert score == HeldOut(2, 0, 3, 2)
        assert score.f1 == pytest.approx(2 * 1.0 * 0.4 / 1.4)
        assert score.stance == 1.0

    def test_additions_drops_and_restancing(self):
        score = held_out_score(SMALL, 5, SCORED, (0.6, 0.1, 0.9))
        # added: 'forty posts' (right, stance possible: wrong) and 'the officers' (wrong); dropped: 'no redundancies'
        assert score == HeldOut(2, 1, 3, 1)  # the union's concern kept its stance (0.5 < 0.9)

    def test_only_a_sentence_with_a_word_of_change_is_added(self):
        still = [example("vacant posts will be filled cue_job rule_none", None, changes=False)]
        assert held_out_score(still, 0, [(0.9, "confirmed", 0.9)], (0.6, 0.1, 0.9)) == HeldOut(0, 0, 0, 0)

    def test_people_moved_count_only_beside_another_job_sentence(self):
        moved = [example("officers will be redeployed rule_ruled_out", "ruled_out", "ruled_out", moved=True)]
        assert held_out_score(moved, 1, [(0.9, "ruled_out", 0.9)], RULES_ONLY) == HeldOut(0, 0, 1, 0)


class TestBestSetting:
    def test_a_tie_keeps_the_rules(self):
        same = {"a": HeldOut(8, 2, 2, 6)}
        assert best_setting({(0.6, 0.0, NEVER): same, RULES_ONLY: same, (NEVER, 0.1, 0.5): same}) == RULES_ONLY

    def test_the_folders_counts_added_up_so_a_big_folder_weighs_more(self):
        table = {
            RULES_ONLY: {"big": HeldOut(90, 5, 10, 80), "small": HeldOut(5, 2, 5, 4)},
            (0.6, 0.0, NEVER): {"big": HeldOut(88, 8, 12, 78), "small": HeldOut(8, 2, 2, 6)},  # better on small only
            (0.7, 0.0, NEVER): {"big": HeldOut(92, 5, 8, 82), "small": HeldOut(5, 2, 5, 4)},
        }
        assert best_setting(table) == (0.7, 0.0, NEVER)


class TestCrossValidate:
    def test_every_setting_scored_on_every_folder_left_out(self):
        corpora = {"a": (SMALL[:3], 3), "b": (SMALL[3:], 1)}
        table = cross_validate(corpora, seed=1, epochs=2)
        assert set(table[RULES_ONLY]) == {"a", "b"}
        assert table[RULES_ONLY]["a"] == HeldOut(2, 0, 1, 2)  # the rules fired on two of the three, both right


def small_corpus(root: Path, names: list[str]) -> Path:
    """A gold folder of a few articles of corpus/, beside their texts."""
    root.mkdir()
    for name in names:
        shutil.copy(CORPUS / "gold" / f"{name}.json", root / f"{name}.json")
        shutil.copy(CORPUS / f"{name}.txt", root / f"{name}.txt")
    return root


class TestTrainCommand:
    def test_writes_the_classifier_and_prints_the_held_out_scores(self, tmp_path):
        first = small_corpus(tmp_path / "one", ["110_btp_police_scotland_merger"])
        second = small_corpus(tmp_path / "two", ["201_warks_west_mercia_alliance_end"])
        out = tmp_path / "models"
        args = ["train", "--gold", str(first), "--gold", str(second), "--out", str(out), "--epochs", "2"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert {p.name for p in out.iterdir()} == {WEIGHTS_FILE, SETTINGS_FILE}
        assert str(first) in result.output and "rules F1" in result.output
        _, settings = load_classifier(out)
        assert set(settings.held_out) == {str(first), str(second)} and settings.epochs == 2

    def test_one_gold_folder_cannot_be_cross_validated(self, tmp_path):
        with pytest.raises(GoldError, match="at least two"):
            train_models([CORPUS], tmp_path)


class TestGoldFolders:
    def test_corpus_its_gold_folders_and_the_seeds(self, tmp_path):
        corpus, seeds = tmp_path / "project" / "corpus", tmp_path / "shared" / "gold"
        for folder in (corpus / "gold", corpus / "round1" / "gold", corpus / "notes", seeds):
            folder.mkdir(parents=True)
        assert gold_folders(corpus, seeds) == [corpus, corpus / "round1", seeds]

    def test_no_seeds_beside_the_project(self, tmp_path):
        corpus = tmp_path / "corpus"
        (corpus / "round1" / "gold").mkdir(parents=True)
        assert gold_folders(corpus, tmp_path / "missing") == [corpus, corpus / "round1"]

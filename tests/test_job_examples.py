"""The labelled candidates of a gold folder (pipeline/evaluation/job_examples.py)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from pipeline.evaluation.job_examples import corpus_examples

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ARTICLE = "110_btp_police_scotland_merger"


class TestCorpusExamples:
    def test_each_gold_concern_labels_the_candidate_holding_its_quote(self, tmp_path):
        shutil.copy(CORPUS / "gold" / f"{ARTICLE}.json", tmp_path)
        shutil.copy(CORPUS / f"{ARTICLE}.txt", tmp_path)
        gold = json.loads((tmp_path / f"{ARTICLE}.json").read_text(encoding="utf-8"))["job_concerns"]
        examples, total = corpus_examples(tmp_path)
        assert total == len(gold)
        labelled = [ex for ex in examples if ex.gold_stance is not None]
        assert sorted(ex.gold_stance for ex in labelled) == sorted(g["stance"] for g in gold)
        for concern in gold:
            assert any(concern["quote"] in ex.text for ex in labelled)
        assert len(examples) > len(labelled)  # other candidates are negatives
        assert all(ex.features.endswith(("rule_none", f"rule_{ex.rule_stance}")) or "shape_bare" in ex.features
                   for ex in examples)

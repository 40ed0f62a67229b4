"""The pipeline on the shared gold articles, scored by the project-independent scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import SHARED

pytestmark = pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason="../shared/gold is not beside the project")

# Floors for the fields that exist so far; raised as extractors land.
FLOORS = {
    "forces": 1.0, "officials": 1.0, "money": 1.0, "money_amounts": 1.0, "functions": 1.0, "job_concerns": 1.0,
    "collaborations": 1.0,
}


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("shared")
    db = f"sqlite:///{tmp / 'shared.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["ingest", str(SHARED / "corpus"), "--db", db, "--quiet"]).exit_code == 0
    out = tmp / "export.json"
    assert runner.invoke(main, ["export", "--format", "json", "--db", db, "--out", str(out)]).exit_code == 0
    scored = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score.py"), "--gold", str(SHARED / "gold"), "--pred", str(out), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(scored.stdout)


@pytest.mark.parametrize(("field", "floor"), sorted(FLOORS.items()))
def test_field_f1_floor(report, field, floor):
    assert report["fields"][field]["f1"] >= floor, report["fields"][field]


def test_no_article_missing(report):
    assert report["missing_articles"] == []


def test_evaluate_scores_exactly_like_the_shared_scorer(report):
    """`forcewatch evaluate` reuses the shared scorer's matching rules: same table, same numbers."""
    from pipeline.evaluation.evaluate import evaluate

    ours = evaluate(SHARED / "gold").as_dict()
    ours["fields"]["functions"].pop("attribute_accuracy")  # function status: ours only, the shared scorer has none
    assert ours["fields"] == report["fields"]
    assert ours["macro_f1"] == report["macro_f1"]

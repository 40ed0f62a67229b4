"""Gold export: one contract-format gold file (+ its text) per reviewed article, scored by evaluate."""

from __future__ import annotations

import json

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.evaluation.evaluate import evaluate
from pipeline.publish.export import article_documents
from pipeline.storage.corrections import fact_version, record_correction
from pipeline.storage.database import open_database


class TestExportGold:
    def test_only_reviewed_articles_and_round_trip(self, review_db, tmp_path):
        engine, _ = open_database(review_db)
        with engine.connect() as conn:
            doc = next(d for d in article_documents(conn) if d["money"])
        sha, money = doc["article"]["sha256"], doc["money"][0]
        with engine.begin() as conn:
            record_correction(conn, sha=sha, kind="money", start=money["start"], end=money["end"], action="reject",
                              seen_version=fact_version(conn, sha, "money", money["start"], money["end"]))
        out = tmp_path / "gold"
        result = CliRunner().invoke(main, ["export", "--format", "gold", "--out", str(out), "--db", review_db])
        assert result.exit_code == 0, result.output
        files = sorted(out.glob("*.json"))
        assert len(files) == 1
        gold = json.loads(files[0].read_text(encoding="utf-8"))
        assert gold["article"] == files[0].with_suffix(".txt").name
        assert (out / gold["article"]).is_file()
        assert "published" in gold
        assert len(gold["money"]) == len(doc["money"]) - 1
        report = evaluate(out)
        assert report.as_dict()  # the gold file is accepted by the scorer

    def test_needs_out(self, review_db):
        result = CliRunner().invoke(main, ["export", "--format", "gold", "--db", review_db])
        assert result.exit_code != 0 and "--out" in result.output

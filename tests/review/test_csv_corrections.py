"""The CSV export's fact views apply analysts' corrections, like the JSON export, with a `corrected` column."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

from pipeline.publish.csv_export import export_csv
from pipeline.publish.export import ExportFilter, article_documents
from pipeline.storage.corrections import fact_version, record_correction
from pipeline.storage.database import open_database
from pipeline.storage.schema import articles


def _rows(folder: Path, view: str) -> list[dict]:
    with (folder / f"{view}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _correct(engine, sha: str, kind: str, start: int, end: int, action: str, **values) -> None:
    with engine.begin() as conn:
        record_correction(conn, sha=sha, kind=kind, start=start, end=end, action=action,
                          seen_version=fact_version(conn, sha, kind, start, end), **values)


class TestExportCsvAppliesCorrections:
    def test_reject_correct_add_in_the_views(self, db, tmp_path):
        engine, _ = open_database(db)
        with engine.connect() as conn:
            doc = next(d for d in article_documents(conn) if d["money"] and d["officials"])
        aid, sha = doc["article"]["id"], doc["article"]["sha256"]
        money, official = doc["money"][0], doc["officials"][0]
        _correct(engine, sha, "money", money["start"], money["end"], "reject")
        _correct(engine, sha, "official", official["start"], official["end"], "correct", field="role",
                 old_value=official["role"], new_value="politician")
        with engine.connect() as conn:
            text = next(article_documents(conn, article_id=aid, corrected=False))
            body = conn.execute(articles.select().where(articles.c.id == aid)).one().text
        start = body.index(" ") + 1
        end = body.index(" ", start)
        _correct(engine, sha, "function", start, end, "add", new_value={"function": "custody", "status": "proposed"})
        assert text  # the uncorrected document is still there for the review page
        export_csv(engine, tmp_path)

        money_rows = _rows(tmp_path, "money_view")
        assert all("corrected" in r for r in money_rows)
        assert (str(aid), str(money["start"])) not in {(r["article_id"], r["start_char"]) for r in money_rows}
        officials = [r for r in _rows(tmp_path, "officials_view") if r["article_id"] == str(aid)]
        fixed = next(r for r in officials if r["start_char"] == str(official["start"]))
        assert (fixed["role"], fixed["corrected"]) == ("politician", "true")
        assert {r["corrected"] for r in officials if r is not fixed} <= {"false"}
        added = [r for r in _rows(tmp_path, "functions_view") if r["corrected"] == "true"]
        assert len(added) == 1
        assert (added[0]["function"], added[0]["status"], added[0]["evidence"]) == ("custody", "proposed", body[start:end])
        assert added[0]["function_mention_id"] == "" and added[0]["article_id"] == str(aid)
        assert added[0]["sentence"] and body[start:end] in added[0]["sentence"]
        package = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
        fields = {f["name"]: f for r in package["resources"] if r["name"] == "money_view" for f in r["schema"]["fields"]}
        assert fields["corrected"]["type"] == "boolean"

    def test_uncorrected_views_say_false(self, db, tmp_path):
        engine, _ = open_database(db)
        export_csv(engine, tmp_path)
        rows = _rows(tmp_path, "collaborations_view")
        assert rows and {r["corrected"] for r in rows} == {"false"}

    def test_a_filtered_export_keeps_added_facts_of_kept_articles_only(self, db, tmp_path):
        engine, _ = open_database(db)
        with engine.connect() as conn:
            docs = list(article_documents(conn))
        dated = next(d for d in docs if d["article"]["published_at"])
        sha, body_start = dated["article"]["sha256"], 0
        with engine.connect() as conn:
            body = conn.execute(articles.select().where(articles.c.sha256 == sha)).one().text
        end = body.index(" ")
        _correct(engine, sha, "job_concern", body_start, end, "add", new_value={"stance": "concern", "speaker": None})
        year = int(dated["article"]["published_at"][:4])
        export_csv(engine, tmp_path / "kept", ExportFilter(since=date(year, 1, 1), until=date(year, 12, 31)))
        export_csv(engine, tmp_path / "gone", ExportFilter(since=date(year + 1, 1, 1), until=date(year + 50, 1, 1)))
        assert [r["stance"] for r in _rows(tmp_path / "kept", "job_concerns_view") if r["corrected"] == "true"] == ["concern"]
        assert [r for r in _rows(tmp_path / "gone", "job_concerns_view") if r["corrected"] == "true"] == []

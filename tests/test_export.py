from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.export import CONTRACT_FIELDS
from pipeline.ingest import ingest
from pipeline.storage.schema import Base

ARTICLE = (
    'Forces sign "strategic alliance"\n\n'
    "Dorset Police and Devon & Cornwall Police signed a deal, the Dorset force said.\n\n"
    'A line with "quotes", commas, and a £ sign.'
)


def export(db_url: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", "--db", db_url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


class TestJsonExport:
    def test_contract_shape(self, write, db_url, tmp_path):
        write("alliance.txt", ARTICLE)
        ingest([tmp_path / "articles"], db_url)
        (doc,) = json.loads(export(db_url, "--format", "json"))
        assert set(CONTRACT_FIELDS) <= doc.keys()
        assert {"id", "source_path", "sha256", "title"} <= doc["article"].keys()
        assert doc["article"]["source_path"].endswith("alliance.txt")
        assert doc["article"]["title"] == 'Forces sign "strategic alliance"'
        assert doc["forces"] == [
            {"name": "Dorset Police", "mentions": 2},
            {"name": "Devon and Cornwall Police", "mentions": 1},
        ]

    def test_to_file(self, write, db_url, tmp_path):
        write("alliance.txt", ARTICLE)
        ingest([tmp_path / "articles"], db_url)
        out = tmp_path / "out" / "export.json"
        export(db_url, "--format", "json", "--out", str(out))
        assert len(json.loads(out.read_text(encoding="utf-8"))) == 1

    def test_empty_database_exports_an_empty_list(self, db_url):
        assert json.loads(export(db_url)) == []


class TestCsvExport:
    def test_one_file_per_table_with_header_and_rfc4180_quoting(self, write, db_url, tmp_path):
        write("alliance.txt", ARTICLE)
        ingest([tmp_path / "articles"], db_url)
        out = tmp_path / "csv"
        export(db_url, "--format", "csv", "--out", str(out))
        assert {p.stem for p in out.glob("*.csv")} == {t.name for t in Base.metadata.sorted_tables}
        raw = (out / "sentences.csv").read_bytes()
        assert raw.count(b"\r\n") >= 4
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
        assert rows[0].keys() >= {"id", "article_id", "idx", "start_char", "end_char", "text"}
        assert rows[-1]["text"] == 'A line with "quotes", commas, and a £ sign.'
        mentions = list(csv.DictReader((out / "force_mentions.csv").open(encoding="utf-8", newline="")))
        assert [m["text"] for m in mentions] == ["Dorset Police", "Devon & Cornwall Police", "Dorset"]

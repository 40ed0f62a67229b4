from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest.runner import ingest
from pipeline.publish.csv_export import NOT_EXPORTED, VIEWS
from pipeline.publish.export import CONTRACT_FIELDS
from pipeline.storage.database import open_database
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
        open_database(db_url)[0].dispose()
        assert json.loads(export(db_url)) == []


class TestCsvExport:
    def test_one_file_per_table_with_header_and_rfc4180_quoting(self, write, db_url, tmp_path):
        write("alliance.txt", ARTICLE)
        ingest([tmp_path / "articles"], db_url)
        out = tmp_path / "csv"
        export(db_url, "--format", "csv", "--out", str(out))
        tables = {t.name for t in Base.metadata.sorted_tables} - NOT_EXPORTED
        assert {p.stem for p in out.glob("*.csv")} == tables | set(VIEWS)
        raw = (out / "sentences.csv").read_bytes()
        assert raw.count(b"\r\n") >= 4
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
        assert rows[0].keys() >= {"id", "article_id", "idx", "start_char", "end_char", "text"}
        assert rows[-1]["text"] == 'A line with "quotes", commas, and a £ sign.'
        mentions = list(csv.DictReader((out / "force_mentions.csv").open(encoding="utf-8", newline="")))
        assert [m["text"] for m in mentions] == ["Dorset Police", "Devon & Cornwall Police", "Dorset"]


DATED = {
    "kent.txt": "Published: 3 March 2015\n\nKent Police and Essex Police will share custody.\n\nThe forces agreed it.",
    "herts.txt": "Published: 9 June 2016\n\nHerts Police said the PCC for Beds agreed the plan.\n\nIt starts soon.",
}


def ingest_dated(write, db_url, tmp_path):
    for name, text in DATED.items():
        write(name, text)
    ingest([tmp_path / "articles"], db_url)


class TestExportFilters:
    def test_since_and_until(self, write, db_url, tmp_path):
        ingest_dated(write, db_url, tmp_path)
        docs = json.loads(export(db_url, "--since", "2016-01-01"))
        assert [d["article"]["published_at"] for d in docs] == ["2016-06-09"]
        docs = json.loads(export(db_url, "--until", "2015-12-31"))
        assert [d["article"]["published_at"] for d in docs] == ["2015-03-03"]

    def test_force_by_alias(self, write, db_url, tmp_path):
        ingest_dated(write, db_url, tmp_path)
        docs = json.loads(export(db_url, "--force", "Hertfordshire"))
        assert [d["article"]["source_path"].rsplit("/", 1)[-1] for d in docs] == ["herts.txt"]

    def test_unknown_force_is_an_error(self, db_url):
        result = CliRunner().invoke(main, ["export", "--db", db_url, "--force", "Narnia"])
        assert result.exit_code == 1 and "names no UK police force" in result.output

    @pytest.mark.parametrize("name", ["", "  "])
    def test_an_empty_force_is_refused_not_taken_for_no_filter(self, write, sqlite_url, tmp_path, name):
        ingest_dated(write, sqlite_url, tmp_path)
        result = CliRunner().invoke(main, ["export", "--db", sqlite_url, "--force", name])
        assert result.exit_code == 2 and "--force" in result.output and "is empty" in result.output

    def test_filters_apply_to_csv(self, write, db_url, tmp_path):
        ingest_dated(write, db_url, tmp_path)
        out = tmp_path / "csv"
        export(db_url, "--format", "csv", "--out", str(out), "--since", "2016-01-01")
        rows = list(csv.DictReader((out / "articles.csv").open(encoding="utf-8", newline="")))
        assert [r["published_at"] for r in rows] == ["2016-06-09"]
        sentences_rows = list(csv.DictReader((out / "sentences.csv").open(encoding="utf-8", newline="")))
        assert {r["article_id"] for r in sentences_rows} == {rows[0]["id"]}
        assert len(list(csv.DictReader((out / "forces.csv").open(encoding="utf-8", newline="")))) >= 59


class TestJsonLines:
    def test_one_article_per_line(self, write, db_url, tmp_path):
        ingest_dated(write, db_url, tmp_path)
        lines = export(db_url, "--format", "jsonl").splitlines()
        assert len(lines) == 2
        assert sorted(json.loads(line)["article"]["published_at"] for line in lines) == ["2015-03-03", "2016-06-09"]


class TestCsvExtras:
    def test_views_datapackage_and_stable_columns(self, write, db_url, tmp_path):
        ingest_dated(write, db_url, tmp_path)
        out = tmp_path / "csv"
        export(db_url, "--format", "csv", "--out", str(out))
        for view in ("officials_view", "money_view", "functions_view", "job_concerns_view", "collaborations_view",
                     "force_summary", "collaboration_summary", "year_summary"):
            assert (out / f"{view}.csv").exists(), view
        package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        described = {r["path"] for r in package["resources"]}
        assert described == {p.name for p in out.glob("*.csv")}
        for resource in package["resources"]:
            header = next(csv.reader((out / resource["path"]).open(encoding="utf-8", newline="")))
            assert header == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
        articles_fields = next(r for r in package["resources"] if r["name"] == "articles")["schema"]["fields"]
        assert {"name": "published_at", "type": "date", "description": "publication date where known"} in articles_fields
        summary = list(csv.DictReader((out / "force_summary.csv").open(encoding="utf-8", newline="")))
        kent = next(r for r in summary if r["force"] == "Kent Police")
        assert kent["articles"] == "1"

    @pytest.mark.parametrize("fmt", ["json", "jsonl"])
    def test_excel_is_refused_with_json(self, sqlite_url, fmt):
        open_database(sqlite_url)[0].dispose()
        result = CliRunner().invoke(main, ["export", "--db", sqlite_url, "--format", fmt, "--excel"])
        assert result.exit_code == 2 and "--excel applies to --format csv only" in result.output

    @pytest.mark.parametrize("fmt", ["json", "csv"])
    def test_an_export_that_cannot_be_written_is_a_one_line_error(self, sqlite_url, tmp_path, fmt):
        open_database(sqlite_url)[0].dispose()
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        result = CliRunner().invoke(main, ["export", "--db", sqlite_url, "--format", fmt, "--out", str(blocker / "x")])
        assert result.exit_code == 1 and "cannot write the export" in result.output and str(blocker) in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)

    def test_excel_gets_a_byte_order_mark(self, write, db_url, tmp_path):
        write("money.txt", "Kent Police will save £2m by sharing custody with Essex Police.")
        ingest([tmp_path / "articles"], db_url)
        plain, excel = tmp_path / "plain", tmp_path / "excel"
        export(db_url, "--format", "csv", "--out", str(plain))
        export(db_url, "--format", "csv", "--out", str(excel), "--excel")
        assert not (plain / "sentences.csv").read_bytes().startswith(b"\xef\xbb\xbf")
        raw = (excel / "sentences.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and "£".encode() in raw


KEPT = ("Published: 9 June 2016\n\nHertfordshire Constabulary and Bedfordshire Police will share their firearms units, "
        'which could save £3m a year.\n\nChief Constable Andy Bliss said: "No posts will be cut."')
LEFT_OUT = ("Published: 3 March 2015\n\nKent Police and Essex Police will share their custody suites, saving £2m a year."
            '\n\nActing Chief Constable Alan Pughsley said: "We expect to lose 20 posts."')
RUN_LOG = {"ingest_runs.csv", "ingest_errors.csv"}  # whole in every export: the runs differ


def csv_rows(path) -> list[dict]:
    return list(csv.DictReader(path.open(encoding="utf-8", newline="")))


class TestFilteredCsv:
    @pytest.mark.parametrize("flags", [["--since", "2016-01-01"], ["--force", "Herts"],
                                       ["--since", "2016-06-01", "--until", "2016-12-31"]], ids=" ".join)
    def test_every_file_is_the_export_of_the_kept_articles_alone(self, write, db_url, tmp_path, flags):
        ingest([write("kept.txt", KEPT)], db_url)
        export(db_url, "--format", "csv", "--out", str(tmp_path / "whole"))
        ingest([write("left-out.txt", LEFT_OUT)], db_url)
        export(db_url, "--format", "csv", "--out", str(tmp_path / "filtered"), *flags)
        files = sorted(p.name for p in (tmp_path / "whole").glob("*.csv"))
        assert files == sorted(p.name for p in (tmp_path / "filtered").glob("*.csv"))
        for name in set(files) - RUN_LOG:
            assert csv_rows(tmp_path / "filtered" / name) == csv_rows(tmp_path / "whole" / name), name

    def test_the_datapackage_records_the_filters_and_marks_what_is_whole(self, write, sqlite_url, tmp_path):
        write("kept.txt", KEPT)
        write("left-out.txt", LEFT_OUT)
        ingest([tmp_path / "articles"], sqlite_url)
        export(sqlite_url, "--format", "csv", "--out", str(tmp_path / "csv"), "--force", "Herts", "--kind", "savings")
        package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
        assert package["filters"] == {"since": None, "until": None, "force": "Hertfordshire Constabulary",
                                      "kinds": ["savings"]}
        filtered = {r["name"]: r["filtered"] for r in package["resources"]}
        assert {name for name, flag in filtered.items() if not flag} == {"forces", "functions", "ingest_runs",
                                                                          "ingest_errors"}

    def test_an_unfiltered_datapackage_has_no_filter_marks(self, write, sqlite_url, tmp_path):
        write("kept.txt", KEPT)
        ingest([tmp_path / "articles"], sqlite_url)
        export(sqlite_url, "--format", "csv", "--out", str(tmp_path / "csv"))
        package = json.loads((tmp_path / "csv" / "datapackage.json").read_text(encoding="utf-8"))
        assert "filters" not in package and not any("filtered" in r for r in package["resources"])


class TestCsvBooleans:
    @pytest.mark.parametrize(("table", "view", "column"), [("money_figures", "money_view", "hedged"),
                                                           ("official_mentions", "officials_view", "acting")])
    def test_a_boolean_reads_the_same_in_its_table_and_its_view(self, write, db_url, tmp_path, table, view, column):
        write("kept.txt", KEPT)
        write("left-out.txt", LEFT_OUT)
        ingest([tmp_path / "articles"], db_url)
        out = tmp_path / "csv"
        export(db_url, "--format", "csv", "--out", str(out))
        in_table = sorted(r[column] for r in csv_rows(out / f"{table}.csv"))
        in_view = sorted(r[column] for r in csv_rows(out / f"{view}.csv"))
        assert in_table == in_view == ["false", "true"]
        package = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
        types = {r["name"]: {f["name"]: f["type"] for f in r["schema"]["fields"]} for r in package["resources"]}
        assert types[table][column] == types[view][column] == "boolean"

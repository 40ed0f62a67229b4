from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.http_server import Site


class TestCommands:
    def test_every_command_has_help(self):
        for name in main.commands:
            result = CliRunner().invoke(main, [name, "--help"])
            assert result.exit_code == 0
            assert "Usage:" in result.output

    def test_forces_lists_the_gazetteer(self):
        result = CliRunner().invoke(main, ["forces", "--kind", "special"])
        assert result.exit_code == 0
        assert [line.split("\t")[0] for line in result.output.splitlines()] == [
            "British Transport Police", "Ministry of Defence Police", "Civil Nuclear Constabulary",
        ]

    def test_version(self):
        assert CliRunner().invoke(main, ["--version"]).output.startswith("forcewatch, version ")


PAGE = ("<html><head><title>Custody deal</title></head><body><article><p>Kent Police and Essex Police will share "
        "their custody suites.</p><p>The forces agreed it on Monday.</p></article></body></html>")


class TestIngest:
    def test_a_url_on_a_private_address_needs_the_flag(self, sqlite_url):
        with Site() as site:
            url = site.page("/story", PAGE)
            refused = CliRunner().invoke(main, ["ingest", url, "--db", sqlite_url])
            assert refused.exit_code == 1
            assert "127.0.0.1 is a loopback address" in refused.output and "--allow-private-addresses" in refused.output
            assert site.requests == []
            allowed = CliRunner().invoke(main, ["ingest", url, "--db", sqlite_url, "--allow-private-addresses"])
        assert allowed.exit_code == 0, allowed.output
        assert "1 new" in allowed.output


class TestWatch:
    @pytest.mark.parametrize(("key", "flag"), [("allow_private_addresses = true\n", []),
                                               ("", ["--allow-private-addresses"])])
    def test_private_addresses_allowed_by_the_source_list_or_the_flag(self, sqlite_url, tmp_path, key, flag):
        with Site() as site:
            (tmp_path / "sources.toml").write_text(f'{key}[[sources]]\nurl = "{site.page("/story", PAGE)}"\n')
            result = CliRunner().invoke(
                main, ["watch", "--sources", str(tmp_path / "sources.toml"), "--db", sqlite_url, "--runs", "1", *flag]
            )
        assert result.exit_code == 0, result.output
        assert "1 new" in result.output
READING_COMMANDS = [["runs"], ["export"], ["export", "--format", "csv", "--out", "csv"], ["search", "custody"], ["review"],
                    ["browse"]]


class TestReadingCommands:
    @pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c[:3]))
    def test_a_database_that_does_not_exist_is_refused_and_not_created(self, command, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        url = f"sqlite:///{tmp_path / 'missing' / 'typo.db'}"
        result = CliRunner().invoke(main, [*command, "--db", url])
        assert result.exit_code == 1, result.output
        assert url in result.output and "forcewatch ingest" in result.output
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda c: " ".join(c[:3]))
    def test_the_default_database_is_not_created_either(self, command, tmp_path, monkeypatch):
        monkeypatch.chdir(tmp_path)
        monkeypatch.delenv("FORCEWATCH_DB", raising=False)
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1 and "sqlite:///outputs/forcewatch.db" in result.output, result.output
        assert list(tmp_path.iterdir()) == []


class TestErrors:
    def test_a_database_error_is_one_line_not_a_traceback(self, sqlite_url):
        from sqlalchemy import create_engine, text

        from pipeline.storage.database import open_database

        open_database(sqlite_url)[0].dispose()
        engine = create_engine(sqlite_url)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE ingest_runs"))
        engine.dispose()
        result = CliRunner().invoke(main, ["runs", "--db", sqlite_url])
        assert result.exit_code == 1 and "database error: no such table: ingest_runs" in result.output
        assert len(result.output.strip().splitlines()) == 1

    @pytest.mark.parametrize("url", ["typo.db", "postgres://localhost/forcewatch"])
    def test_a_db_that_is_no_url_is_one_line(self, url):
        result = CliRunner().invoke(main, ["runs", "--db", url])
        assert result.exit_code == 1 and "not a database URL" in result.output
        assert len(result.output.strip().splitlines()) == 1


class TestCollaborations:
    def test_one_alliance_from_several_articles_with_its_history(self, sqlite_url):
        from pipeline.ingest.runner import ingest
        from tests.conftest import CORPUS

        ingest([CORPUS / "201_warks_west_mercia_alliance_end.txt", CORPUS / "holdout" / "503_warks_west_mercia_panel_split.txt",
                CORPUS / "205_essex_kent_next_stage.txt"], sqlite_url)
        result = CliRunner().invoke(main, ["collaborations", "--db", sqlite_url, "--force", "Warks", "--since", "2018-01-01"])
        assert result.exit_code == 0, result.output
        entity, *rest = result.output.split("\n\n")[0].split("\n")
        assert entity.startswith("collaboration-warwickshire-west-mercia: (unnamed) (collaboration; 2 articles)")
        assert "  2018-10-10  ended     Warks police count the cost as West Mercia ends alliance" in rest
        assert "  2018-11-14  ended     Panel told firearms unit could still be shared after alliance split" in rest
        assert "essex" not in result.output

    def test_a_force_that_is_none(self, sqlite_url):
        result = CliRunner().invoke(main, ["collaborations", "--db", sqlite_url, "--force", "Narnia"])
        assert result.exit_code != 0 and "names no UK police force" in result.output


class TestPeople:
    @pytest.fixture
    def stored(self, sqlite_url):
        from pipeline.ingest.runner import ingest
        from tests.conftest import CORPUS

        ingest([CORPUS / "round1" / "782_devon_cornwall_panel_merger_off.txt",
                CORPUS / "round1" / "791_keyham_licence_revocations.txt"], sqlite_url)
        return sqlite_url

    def test_a_person_in_two_articles_is_one_history_with_first_and_last_seen(self, stored):
        result = CliRunner().invoke(main, ["people", "hernandez", "--db", stored])
        assert result.exit_code == 0, result.output
        name, *roles = result.output.strip().splitlines()
        assert name == "Alison Hernandez"
        assert len(roles) == 1
        assert roles[0].split() == ["police_and_crime_commissioner", "Devon", "and", "Cornwall", "Police",
                                    "2018-10-05", "to", "2022-03-23", "(2", "articles)"]

    def test_without_a_name_everyone_is_listed(self, stored):
        result = CliRunner().invoke(main, ["people", "--db", stored])
        assert result.exit_code == 0
        assert "Alison Hernandez" in result.output.splitlines()
        assert len([line for line in result.output.splitlines() if not line.startswith(" ")]) > 1

    def test_a_name_nobody_has(self, stored):
        result = CliRunner().invoke(main, ["people", "Zebedee", "--db", stored])
        assert result.exit_code == 0 and "no official matches 'Zebedee'" in result.output

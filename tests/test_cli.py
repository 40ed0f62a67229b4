from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipeline.cli import main


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


READING_COMMANDS = [["runs"], ["export"], ["export", "--format", "csv", "--out", "csv"], ["search", "custody"],
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

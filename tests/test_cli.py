from __future__ import annotations

import re

from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import PROJECT


class TestCommands:
    def test_every_command_is_documented_in_the_readme(self):
        readme = (PROJECT / "README.md").read_text(encoding="utf-8")
        documented = set(re.findall(r"`forcewatch (\w+)", readme))
        assert set(main.commands) <= documented, set(main.commands) - documented

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

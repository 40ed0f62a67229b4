from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from tests.conftest import PROJECT
from tests.http_server import Site


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

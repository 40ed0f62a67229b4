"""The README keeps step with `--help`, links only inside the repository, and ships the contract."""

from __future__ import annotations

import re

import click
import pytest

from pipeline.cli import main
from tests.conftest import PROJECT, SHARED

README = (PROJECT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(main.commands)


def command_table() -> list[str]:
    """The rows of the README's command table: the unbroken block of table lines under its header."""
    lines = README.splitlines()
    start = lines.index("| command | what it does |")
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def rows_of(command: str) -> str:
    return " ".join(row for row in command_table() if row.startswith(f"| `forcewatch {command}"))


def long_options(command: str) -> list[str]:
    return [o for p in main.commands[command].params if isinstance(p, click.Option)
            for o in (*p.opts, *p.secondary_opts) if o.startswith("--")]


class TestCommandTable:
    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_command_has_a_row(self, command):
        assert rows_of(command), f"no row for `forcewatch {command}` in the README's command table"

    @pytest.mark.parametrize("command", COMMANDS)
    def test_every_option_is_in_the_rows_of_its_command(self, command):
        text = rows_of(command)
        missing = [o for o in long_options(command) if o != "--db" and not re.search(re.escape(o) + r"(?![\w-])", text)]
        assert not missing, f"`forcewatch {command}` options missing from its README rows: {missing}"

    def test_the_commands_without_db_are_the_ones_the_readme_names(self):
        said = re.search(r"Every command but (.+?) takes `--db URL`", README, re.DOTALL)
        assert said, "the README no longer says which commands take --db"
        assert set(re.findall(r"`(\w+)`", said.group(1))) == {c for c in COMMANDS if "--db" not in long_options(c)}

    def test_every_row_has_two_cells(self):
        for row in command_table():
            assert row.count("|") == 3, row


class TestLinks:
    def test_relative_links_point_to_files_inside_the_repository(self):
        for target in re.findall(r"\]\(([^)#\s]+)", README):
            if "://" in target:
                continue
            path = (PROJECT / target).resolve()
            assert path.is_relative_to(PROJECT) and path.exists(), target

    @pytest.mark.skipif(not (SHARED / "spec" / "EXTRACTION.md").is_file(),
                        reason="../shared/spec/EXTRACTION.md is not beside the project")
    def test_the_contract_in_docs_is_the_shared_one(self):
        assert (PROJECT / "docs" / "EXTRACTION.md").read_bytes() == (SHARED / "spec" / "EXTRACTION.md").read_bytes()

"""Browsing the database in Datasette (the optional extra ``forcewatch[browse]``).

The metadata Datasette shows (a description of every table, view and column) is generated from
the schema's own comments and the view descriptions, so it cannot drift from the database.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from pipeline.config import PROJECT_ROOT
from pipeline.processes import start
from pipeline.publish.csv_export import VIEW_COLUMNS, VIEWS
from pipeline.storage.database import missing_database
from pipeline.storage.schema import Base


class BrowseError(Exception):
    """Browsing is not possible; the message says why and what to do."""


# Descriptions for the columns the schema leaves uncommented (their names mostly say it all).
COLUMN_NOTES = {
    "country": "England, Wales, Scotland, Northern Ireland, United Kingdom or the Crown dependency",
    "note": "renamings, mergers and abolitions",
    "claimed_at": "when the claim was taken (UTC)",
    "started_at": "when the run started (UTC)",
    "finished_at": "when it ended (UTC); empty while running",
    "acquired_at": "when the lock was taken (UTC)",
    "host": "machine the process ran on",
    "pid": "process id",
    "new_count": "articles stored for the first time",
    "updated_count": "articles re-extracted (changed text or a newer pipeline)",
    "unchanged_count": "articles already stored and current",
    "failed_count": "inputs that could not be ingested",
    "name": "the lock's name",
    "error": "what went wrong, naming the input",
    "at": "when (UTC)",
    "start_char": "offset of the evidence in articles.text",
    "end_char": "offset one past the evidence",
}


def describe(column) -> str:
    if column.comment:
        return column.comment
    if column.foreign_keys:
        target = next(iter(column.foreign_keys)).column
        return f"the {target.table.name} row ({target.table.name}.{target.name})"
    if column.primary_key and column.name == "id":
        return "row id"
    return COLUMN_NOTES.get(column.name, "")


def metadata(database_name: str) -> dict:
    """Datasette metadata: title, description, and every table, view and column described."""
    tables: dict[str, dict] = {}
    for table in Base.metadata.sorted_tables:
        tables[table.name] = {
            "description": table.comment or "",
            "columns": {c.name: describe(c) for c in table.columns},
        }
    for view, about in VIEWS.items():
        tables[view] = {"description": about, "columns": dict(VIEW_COLUMNS)}
    return {
        "title": "forcewatch",
        "description": "UK police force collaborations extracted from news: every fact links to its sentence. "
                       "Start with the views (force_summary, collaborations_view, money_view, ...); "
                       "docs/schema.md has example questions in SQL.",
        "databases": {database_name: {"tables": tables}},
    }


def sqlite_path(url: str) -> Path:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        raise BrowseError(f"browse opens SQLite database files; {parsed.render_as_string(hide_password=True)} is not one")
    path = Path(parsed.database).expanduser()
    if not path.is_file():
        raise BrowseError(missing_database(url))
    return path


def datasette_command() -> list[str]:
    beside = Path(sys.executable).with_name("datasette")
    found = str(beside) if beside.exists() else shutil.which("datasette")
    if not found:
        raise BrowseError(
            f"Datasette is not installed: run `make install` in {PROJECT_ROOT} (it installs the browse extra), "
            f"or `{sys.executable} -m pip install -e '{PROJECT_ROOT}[browse]'`"
        )
    return [found]


def serve(url: str, host: str = "127.0.0.1", port: int = 8001, metadata_file: Path | None = None,
          open_browser: bool = False) -> subprocess.Popen:
    """Start Datasette on the database (read-only, immutable) and return the running process."""
    path = sqlite_path(url)
    metadata_file = metadata_file or path.with_name(f"{path.stem}.datasette.json")
    metadata_file.write_text(json.dumps(metadata(path.stem), indent=2, ensure_ascii=False), encoding="utf-8")
    command = [*datasette_command(), "serve", str(path), "--metadata", str(metadata_file), "--host", host,
               "--port", str(port), "--setting", "sql_time_limit_ms", "5000"]
    if open_browser:
        command.append("--open")
    return start(command)

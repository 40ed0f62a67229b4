"""Browsing in Datasette: started for real on 127.0.0.1, a view read back as JSON."""

from __future__ import annotations

import json
import socket
import time
import urllib.request

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest.runner import ingest
from pipeline.publish.browse import metadata, serve
from pipeline.publish.export import VIEWS
from pipeline.storage.schema import Base

pytest.importorskip("datasette")

ARTICLE = "Kent Police and Essex Police will share custody, saving £2m a year.\n\nThe PCC for Kent agreed."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_view_is_served_as_json(write, sqlite_url, tmp_path):
    write("kent.txt", ARTICLE)
    ingest([tmp_path / "articles"], sqlite_url)
    port = free_port()
    process = serve(sqlite_url, "127.0.0.1", port)
    try:
        url = f"http://127.0.0.1:{port}/test/force_summary.json?_shape=array&force=Kent+Police"
        deadline, rows = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    rows = json.load(response)
                break
            except OSError:
                time.sleep(0.3)
        assert rows is not None, "datasette did not answer"
        assert rows[0]["force"] == "Kent Police" and rows[0]["articles"] == 1
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_metadata_describes_every_table_view_and_column():
    tables = metadata("forcewatch")["databases"]["forcewatch"]["tables"]
    for table in Base.metadata.sorted_tables:
        assert tables[table.name]["description"], table.name
        for column in table.columns:
            assert tables[table.name]["columns"][column.name], f"{table.name}.{column.name} has no description"
    assert set(VIEWS) <= set(tables)


def test_browse_refuses_a_database_that_is_not_a_sqlite_file(tmp_path):
    result = CliRunner().invoke(main, ["browse", "--db", "postgresql+psycopg://u:p@localhost/x"])
    assert result.exit_code == 1 and "SQLite" in result.output
    result = CliRunner().invoke(main, ["browse", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert result.exit_code == 1 and "no such database" in result.output

"""Browsing in Datasette: started for real on 127.0.0.1, a view read back as JSON."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.ingest.runner import ingest
from pipeline.publish import browse
from pipeline.publish.browse import BrowseError, datasette_command, metadata, serve
from pipeline.publish.csv_export import VIEWS
from pipeline.storage.schema import Base
from tests.conftest import PROJECT

pytest.importorskip("datasette")

ARTICLE = "Kent Police and Essex Police will share custody, saving £2m a year.\n\nThe PCC for Kent agreed."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch_json(url: str, timeout: float = 30):
    """The JSON at ``url`` once the server answers; None if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.load(response)
        except OSError:
            time.sleep(0.3)
    return None


def answers(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_a_view_is_served_as_json(write, sqlite_url, tmp_path):
    write("kent.txt", ARTICLE)
    ingest([tmp_path / "articles"], sqlite_url)
    port = free_port()
    process = serve(sqlite_url, "127.0.0.1", port)
    try:
        rows = fetch_json(f"http://127.0.0.1:{port}/test/force_summary.json?_shape=array&force=Kent+Police")
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
    assert result.exit_code == 1 and "no forcewatch database" in result.output


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the Datasette child through Linux /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT, signal.SIGKILL], ids=lambda s: s.name)
def test_a_signal_that_stops_browse_stops_datasette(write, sqlite_url, tmp_path, signum):
    write("kent.txt", ARTICLE)
    ingest([tmp_path / "articles"], sqlite_url)
    port = free_port()
    browse = subprocess.Popen([sys.executable, "-m", "pipeline", "browse", "--db", sqlite_url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    children: list[int] = []
    try:
        assert fetch_json(f"http://127.0.0.1:{port}/test/forces.json?_shape=array") is not None, "datasette did not answer"
        children = [int(pid) for pid in Path(f"/proc/{browse.pid}/task/{browse.pid}/children").read_text().split()]
        assert children, "browse started no child process"
        os.kill(browse.pid, signum)
        browse.wait(timeout=30)
        deadline = time.monotonic() + 15
        while answers(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not answers(port), f"Datasette still serves on {port} after {signum.name} to forcewatch browse"
    finally:
        for pid in [browse.pid, *children]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        browse.wait()


def test_make_run_installs_the_browse_extra():
    planned = subprocess.run(["make", "-n", "-B", "run"], cwd=PROJECT, capture_output=True, text=True, check=True).stdout
    extras = [set(m.group(1).split(",")) for line in planned.splitlines() if "pip install" in line
              for m in [re.search(r"-e '\.\[([\w,]+)\]'", line)] if m]
    assert any("browse" in e for e in extras), planned


def test_without_datasette_the_message_names_a_command_that_works_in_a_checkout(monkeypatch, tmp_path):
    monkeypatch.setattr(browse.sys, "executable", str(tmp_path / "python"))
    monkeypatch.setattr(browse.shutil, "which", lambda name: None)
    with pytest.raises(BrowseError) as error:
        datasette_command()
    message = str(error.value)
    assert "make install" in message
    assert f"{tmp_path / 'python'} -m pip install -e '{PROJECT}[browse]'" in message

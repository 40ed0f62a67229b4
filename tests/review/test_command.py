"""`forcewatch review`: the host/token rule, and a real server process that SIGTERM stops."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import is_local_host, main


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=5) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _start(args: list[str], env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", "review", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True, env={**os.environ, **(env or {})})


def _wait_up(url: str, process: subprocess.Popen, headers: dict | None = None) -> tuple[int, str]:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, process.stdout.read()
        try:
            return _get(url, headers)
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the review server did not start within 60 s")


class TestIsLocalHost:
    @pytest.mark.parametrize(("host", "local"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                                 ("127.0.0.2", True), ("0.0.0.0", False), ("192.0.2.7", False),
                                                 ("example.org", False), ("::", False)])
    def test_forms(self, host, local):
        assert is_local_host(host) is local


class TestReviewCommand:
    @pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7"])
    def test_a_non_local_host_needs_a_token(self, review_db, host, monkeypatch):
        monkeypatch.delenv("FORCEWATCH_REVIEW_TOKEN", raising=False)
        result = CliRunner().invoke(main, ["review", "--db", review_db, "--host", host])
        assert result.exit_code == 1
        assert "--token" in result.output and "FORCEWATCH_REVIEW_TOKEN" in result.output
        assert len(result.output.strip().splitlines()) == 1

    def test_serves_and_stops_on_sigterm(self, review_db):
        port = _free_port()
        process = _start(["--db", review_db, "--port", str(port)])
        try:
            status, body = _wait_up(f"http://127.0.0.1:{port}/", process)
            assert status == 200 and "Articles" in body
            process.send_signal(signal.SIGTERM)
            started = time.monotonic()
            process.wait(timeout=10)
            assert time.monotonic() - started < 10
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()

    def test_the_token_from_the_environment_is_required(self, review_db):
        port = _free_port()
        process = _start(["--db", review_db, "--port", str(port)], env={"FORCEWATCH_REVIEW_TOKEN": "tok-123"})
        try:
            status, _ = _wait_up(f"http://127.0.0.1:{port}/", process)
            assert status == 401
            assert _get(f"http://127.0.0.1:{port}/", {"Authorization": "Bearer tok-123"})[0] == 200
        finally:
            process.send_signal(signal.SIGINT)
            process.wait(timeout=10)


class TestMakeInstall:
    def test_make_run_installs_the_review_extra(self):
        project = Path(__file__).resolve().parents[2]
        planned = subprocess.run(["make", "-n", "-B", "run"], cwd=project, capture_output=True, text=True,
                                 check=True).stdout
        extras = [set(m.group(1).split(",")) for m in re.finditer(r"-e '\.\[([\w,]+)\]'", planned)]
        assert any("review" in e for e in extras), planned

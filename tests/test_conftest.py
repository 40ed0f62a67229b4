"""The test suite itself: what it cannot run shows in the summary line, with the reason."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import PROJECT


def test_postgresql_tests_are_collected_and_skipped_with_a_reason_without_a_server():
    env = {k: v for k, v in os.environ.items() if k != "FORCEWATCH_TEST_PG_URL"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/test_runs.py", "-k", "postgresql"],
        cwd=PROJECT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " skipped" in result.stdout and "FORCEWATCH_TEST_PG_URL" in result.stdout, result.stdout

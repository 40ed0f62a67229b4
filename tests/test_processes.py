"""pipeline/processes.py: after a stop signal the process ends, even when something hangs on the way out."""

from __future__ import annotations

import subprocess
import sys
import time


class TestExitAfterGrace:
    def test_a_process_that_hangs_after_a_stop_signal_still_ends_with_the_signal_s_code(self):
        hang = ("import threading, time; from pipeline.processes import exit_after_grace; exit_after_grace(15, 0.5); "
                "threading.Event().wait()")
        start = time.monotonic()
        done = subprocess.run([sys.executable, "-c", hang], timeout=60, capture_output=True)
        assert done.returncode == 128 + 15
        assert time.monotonic() - start < 30

    def test_a_process_that_exits_in_time_keeps_its_own_code(self):
        quick = "import sys; from pipeline.processes import exit_after_grace; exit_after_grace(15, 30); sys.exit(3)"
        assert subprocess.run([sys.executable, "-c", quick], timeout=60).returncode == 3

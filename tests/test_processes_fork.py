from __future__ import annotations

import ctypes
import multiprocessing
import signal
import sys

import pytest

from pipeline import processes
from pipeline.processes import die_with_this_process

PR_GET_PDEATHSIG = 2

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signals are Linux's")


def report_death_signal(conn) -> None:
    value = ctypes.c_int(-1)
    ctypes.CDLL(None).prctl(PR_GET_PDEATHSIG, ctypes.byref(value), 0, 0, 0)
    conn.send(value.value)


def death_signal_of_a_forked_worker() -> int:
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(False)
    process = context.Process(target=report_death_signal, args=(sender,))
    process.start()
    value = receiver.recv()
    process.join()
    return value


@pytest.fixture
def library_use(monkeypatch):
    """forcewatch used as a library: the CLI's stop handlers are not installed (another test may have)."""
    monkeypatch.setattr(processes, "_handlers_installed", False)


class TestDieWithThisProcess:
    def test_workers_forked_inside_end_with_this_process(self, library_use):
        with die_with_this_process():
            assert death_signal_of_a_forked_worker() == signal.SIGTERM

    def test_other_forks_are_left_alone(self, library_use):
        with die_with_this_process():
            pass
        assert death_signal_of_a_forked_worker() == 0

    def test_under_the_cli_every_fork_ends_with_this_process(self, monkeypatch):
        monkeypatch.setattr(processes, "_handlers_installed", True)
        assert death_signal_of_a_forked_worker() == signal.SIGTERM

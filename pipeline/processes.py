"""Child processes end with forcewatch: spaCy's NLP workers (``--workers``) and Datasette (``browse``).

SIGINT, SIGTERM and SIGHUP end a command like Ctrl-C (``KeyboardInterrupt``: an ingest run is
recorded as interrupted), after terminating the children: a worker left behind would block
forever on its pipe and keep the parent waiting for it, and a Datasette left behind would keep
serving. Children take the default action on these signals (they end at once, quietly), and on
Linux the kernel sends them SIGTERM when forcewatch itself dies, even by SIGKILL.
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import multiprocessing.queues
import os
import signal
import subprocess
import sys

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_started: list[subprocess.Popen] = []
_fork_hook_registered = False


def die_with_parent() -> None:
    """Linux: have the kernel send this process SIGTERM when its parent ends. Elsewhere: nothing."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


def _in_forked_child() -> None:
    for signum in STOP_SIGNALS:
        signal.signal(signum, signal.SIG_DFL)
    die_with_parent()


def _stop(signum: int, frame: object) -> None:
    workers = multiprocessing.active_children()
    for child in workers:
        child.terminate()
    if workers:
        # What the parent had queued for the workers can no longer be read: the queues' feeder
        # threads would block the exit forever waiting to write it.
        for queue in [o for o in gc.get_objects() if isinstance(o, multiprocessing.queues.Queue)]:
            queue.cancel_join_thread()
    for process in _started:
        if process.poll() is None:
            process.terminate()
    raise KeyboardInterrupt


def stop_children_on_signals() -> None:
    """Install the handlers (main thread only); forked children get the default action back."""
    global _fork_hook_registered
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop)
    if not _fork_hook_registered:
        os.register_at_fork(after_in_child=_in_forked_child)
        _fork_hook_registered = True


def start(command: list[str]) -> subprocess.Popen:
    """Start a program that ends when forcewatch does (terminated on a stop signal; SIGTERM on Linux
    when forcewatch dies)."""
    process = subprocess.Popen(command, preexec_fn=die_with_parent)
    _started.append(process)
    return process

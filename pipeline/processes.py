"""Child processes end with forcewatch: the NLP workers (``--workers``) and Datasette (``browse``).

SIGINT, SIGTERM and SIGHUP end a command like Ctrl-C (``KeyboardInterrupt``: an ingest run is
recorded as interrupted), after terminating the children: a worker left behind would block
forever on its pipe and keep the parent waiting for it, and a Datasette left behind would keep
serving. Children take the default action on these signals (they end at once, quietly), and on
Linux the kernel sends them SIGTERM when forcewatch itself dies, even by SIGKILL.

The same parent-death request protects library use without the CLI: processes forked inside
``die_with_this_process()`` (ingest forks its NLP workers in it: ``pipeline/ingest/processing.py``) end with the process
that forked them, and exit at once if it is already gone.
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
import threading
from collections.abc import Iterator
from contextlib import contextmanager

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
# After a stop signal forcewatch records the run as interrupted and exits; should anything hang on the
# way out (the standard library joins a process pool's manager thread at exit, without a timeout),
# the process ends anyway this many seconds after the signal.
STOP_GRACE_SECONDS = 20.0
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_started: list[subprocess.Popen] = []
_deadline: threading.Timer | None = None
_handlers_installed = False  # the CLI's stop handlers: every forked child gets the default action back
_parent: int | None = None  # inside die_with_this_process(): the pid forked children belong to


def die_with_parent(parent: int | None = None) -> None:
    """Linux: have the kernel send this process SIGTERM when its parent ends (and exit now if ``parent``
    already has). Elsewhere, or where a sandbox refuses the request: nothing."""
    if not sys.platform.startswith("linux"):
        return
    if ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0) != 0:
        return
    if parent is not None and os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _in_forked_child() -> None:
    global _parent
    parent, _parent = _parent, None  # a child's own children are its business
    if _handlers_installed:
        for signum in STOP_SIGNALS:
            signal.signal(signum, signal.SIG_DFL)
    if _handlers_installed or parent is not None:
        if parent is not None:  # SIGTERM must end the child quietly, whatever handler it inherited
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
        die_with_parent(parent)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_in_forked_child)


@contextmanager
def die_with_this_process() -> Iterator[None]:
    """Processes forked inside this block end when this process dies, even by SIGKILL (Linux, fork)."""
    global _parent
    previous, _parent = _parent, os.getpid()
    try:
        yield
    finally:
        _parent = previous


def exit_after_grace(signum: int, seconds: float = STOP_GRACE_SECONDS) -> threading.Timer:
    """Arm (once) a daemon timer that ends the process with 128 + ``signum`` after ``seconds``."""
    global _deadline
    if _deadline is None:
        _deadline = threading.Timer(seconds, os._exit, args=(128 + signum,))
        _deadline.daemon = True
        _deadline.start()
    return _deadline


def _stop(signum: int, frame: object) -> None:
    exit_after_grace(signum)
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
    global _handlers_installed
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop)
    _handlers_installed = True


def start(command: list[str]) -> subprocess.Popen:
    """Start a program that ends when forcewatch does (terminated on a stop signal; SIGTERM on Linux
    when forcewatch dies)."""
    process = subprocess.Popen(command, preexec_fn=die_with_parent)
    _started.append(process)
    return process

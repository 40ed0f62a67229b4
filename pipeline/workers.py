"""NLP worker processes that end with the run that started them.

``nlp.pipe(n_process=N)`` forks N workers. A run killed with SIGKILL cannot stop them, and they
would wait for work for ever: while ``die_with_this_process()`` is active, every process forked
asks Linux to kill it when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``). Elsewhere,
and with a start method other than fork, this does nothing.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>

_parent: int | None = None  # the pid forked workers belong to, while die_with_this_process() is active


def die_with_parent(parent: int) -> None:
    """In a forked worker: be killed when ``parent`` dies, or exit now if it already has."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        return  # not permitted here (a sandbox): the worker still ends with its work, as before
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _after_fork_in_child() -> None:
    global _parent
    parent, _parent = _parent, None  # the worker's own children, if any, are its business
    if parent is not None:
        die_with_parent(parent)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


@contextmanager
def die_with_this_process() -> Iterator[None]:
    """Processes forked inside this block are killed when this process dies, even by SIGKILL."""
    global _parent
    previous, _parent = _parent, os.getpid()
    try:
        yield
    finally:
        _parent = previous

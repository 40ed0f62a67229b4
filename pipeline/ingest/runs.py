"""Run bookkeeping for scheduled ingestion: the run lock, run records, and work claims.

- **Run lock**: a lease row in ``run_locks``, so two scheduled runs never overlap on one
  database, whichever machines they run on (a file lock would only see one machine). A thread
  of the holder renews it every tenth of ``LOCK_TTL``, however long the NLP of one batch takes;
  a lease not renewed for ``LOCK_TTL`` (a run killed with SIGKILL), or held by a process on this
  host that no longer exists, is taken over. A run that finds its lease taken over (it could not
  renew it for ``LOCK_TTL``: the database was unreachable, the process was stopped) stops
  storing: ``check_lock`` raises ``LockLost``.
- **Runs**: each run is a row of ``ingest_runs`` (start, end, counts, status) and each input
  that failed a row of ``ingest_errors``; failed inputs are stored nowhere else, so the next run
  simply tries them again.
- **Claims**: before extracting a text, a run claims its SHA-256 in ``ingest_claims``; another
  run working at the same time skips it. This is how several processes or machines on one
  PostgreSQL database split the work. A claim older than ``CLAIM_TTL`` is stale and taken over.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import Connection, Engine, delete, desc, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from pipeline.storage.schema import ingest_claims, ingest_errors, ingest_runs, run_locks

LOCK_NAME = "ingest"
LOCK_TTL = timedelta(minutes=5)  # read when a run starts: tests shorten it
RENEWALS_PER_TTL = 10  # the lease is renewed every LOCK_TTL / 10 (30 s)
COUNTS_EVERY = timedelta(seconds=5)  # counts of articles that needed no write (unchanged) are written this often
CLAIM_TTL = timedelta(minutes=15)


class LockHeld(Exception):
    """Another run holds the run lock; the message says which and since when."""


class LockLost(Exception):
    """Another run took this run's lock over while it was working; the message says which."""


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything forcewatch stores is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


DEAD_RUN_MESSAGE = "the process ended without finishing (killed?)"


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def holder_is_dead(holder: str, host: str) -> bool:
    """A holder named 'host:pid:run' on this host whose process is gone (killed, crashed)."""
    parts = holder.split(":")
    return len(parts) == 3 and parts[0] == host and parts[1].isdigit() and not process_alive(int(parts[1]))


def lock_holder(row) -> str:
    return f"pid {row.pid} on {row.host}, since {aware(row.acquired_at):%Y-%m-%d %H:%M:%S} UTC"


class RunLease:
    """The run lock: a lease in ``run_locks`` that a thread renews while the run works.

    A lease not renewed for ``lock_ttl`` (or held by a dead process on this host) may be taken over;
    a run whose lease was taken or lapsed stops storing (``check_lock``).
    """

    def __init__(self, engine: Engine, holder: str, lock_ttl: timedelta) -> None:
        self.engine = engine
        self.holder = holder
        self.lock_ttl = lock_ttl
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.has_lock = False
        self.lock_lost_to: str | None = None  # set by the renewing thread when another run took the lock
        self._renewed_at = utcnow()
        self._stop_renewing = threading.Event()
        self._renewer: threading.Thread | None = None

    def acquire_lock(self, wait_seconds: float = 0.0) -> None:
        """Take the run lock, waiting up to ``wait_seconds``; raise LockHeld if another run keeps it."""
        deadline = time.monotonic() + wait_seconds
        while True:
            holder = self._try_lock()
            if holder is None:
                self.has_lock = True
                self._start_renewing()
                return
            if time.monotonic() >= deadline:
                raise LockHeld(
                    f"another forcewatch run holds the run lock on this database ({holder}); "
                    "it exits when done; try again later or pass --wait SECONDS"
                )
            time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))

    def _try_lock(self) -> str | None:
        """None when the lock is ours now, else a description of its holder."""
        now = utcnow()
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(run_locks).values(
                    name=LOCK_NAME, holder=self.holder, host=self.host, pid=self.pid, acquired_at=now, heartbeat_at=now,
                ))
            return None
        except IntegrityError:
            pass  # held: by whom, and is it stale?
        with self.engine.begin() as conn:
            row = conn.execute(select(run_locks).where(run_locks.c.name == LOCK_NAME)).first()
            if row is None:
                return "a run that finished just now"
            stale = aware(row.heartbeat_at) < now - self.lock_ttl or (row.host == self.host and not process_alive(row.pid))
            if row.holder == self.holder or stale:
                taken = conn.execute(
                    update(run_locks)
                    .where(run_locks.c.name == LOCK_NAME, run_locks.c.holder == row.holder)
                    .values(holder=self.holder, host=self.host, pid=self.pid, acquired_at=now, heartbeat_at=now)
                ).rowcount
                if taken == 1:
                    return None
            return lock_holder(row)

    def renew_lease(self) -> bool:
        """Renew the lease; False (and ``lock_lost_to`` set) when another run has taken it over."""
        now = utcnow()
        with self.engine.begin() as conn:
            renewed = conn.execute(
                update(run_locks).where(run_locks.c.name == LOCK_NAME, run_locks.c.holder == self.holder)
                .values(heartbeat_at=now)
            ).rowcount
            if not renewed:
                row = conn.execute(select(run_locks).where(run_locks.c.name == LOCK_NAME)).first()
                self.lock_lost_to = lock_holder(row) if row is not None else "no run (the lock was released)"
                return False
        self._renewed_at = now
        return True

    def _start_renewing(self) -> None:
        """A thread renews the lease while the run works: one batch of NLP may outlast the lease."""
        self._stop_renewing.clear()
        self._renewed_at = utcnow()
        self._renewer = threading.Thread(target=self._keep_renewing, name="forcewatch-lease", daemon=True)
        self._renewer.start()

    def _keep_renewing(self) -> None:
        every = self.lock_ttl.total_seconds() / RENEWALS_PER_TTL
        while not self._stop_renewing.wait(every):
            try:
                if not self.renew_lease():
                    return
            except SQLAlchemyError:
                continue  # the database is unreachable for now: try again; check_lock notices a lapsed lease

    def stop_renewing(self) -> None:
        """End the renewing thread (at the end of the run, however it ends)."""
        self._stop_renewing.set()
        if self._renewer is not None and self._renewer is not threading.current_thread():
            self._renewer.join()
        self._renewer = None

    def check_lock(self) -> None:
        """Raise LockLost when the lease was taken over or has lapsed: this run must store nothing more."""
        if not self.has_lock:
            return
        if self.lock_lost_to is None and utcnow() - self._renewed_at <= self.lock_ttl:
            return
        what = (f"another run took over the run lock ({self.lock_lost_to})" if self.lock_lost_to
                else "this run could not renew its run lock")
        raise LockLost(
            f"{what}: the lease was not renewed for {self.lock_ttl.total_seconds():g} s (database unreachable, "
            "or the process stopped); this run stopped storing, every article stored before is complete, "
            "and the next run does the rest"
        )

    def release_lock(self) -> None:
        self.stop_renewing()
        if self.has_lock:
            with self.engine.begin() as conn:
                conn.execute(delete(run_locks).where(run_locks.c.holder == self.holder))
            self.has_lock = False


class RunContext(RunLease):
    """One run: its record in ``ingest_runs``, its claims on texts, and (from ``RunLease``) its run lock."""

    def __init__(self, engine: Engine, inputs: str, *, lock_ttl: timedelta | None = None) -> None:
        self.engine = engine
        self.lock_ttl = lock_ttl or LOCK_TTL
        self.host = socket.gethostname()
        self.pid = os.getpid()
        with engine.begin() as conn:
            for row in conn.execute(
                select(ingest_runs.c.id, ingest_runs.c.pid).where(
                    ingest_runs.c.status == "running", ingest_runs.c.host == self.host
                )
            ):
                if not process_alive(row.pid):
                    conn.execute(
                        update(ingest_runs).where(ingest_runs.c.id == row.id).values(
                            status="interrupted", message=DEAD_RUN_MESSAGE
                        )
                    )
            self.run_id = conn.execute(
                insert(ingest_runs)
                .values(started_at=utcnow(), status="running", inputs=inputs[:4000], host=self.host, pid=self.pid,
                        new_count=0, updated_count=0, unchanged_count=0, failed_count=0, skipped_count=0)
                .returning(ingest_runs.c.id)
            ).scalar_one()
        super().__init__(engine, f"{self.host}:{self.pid}:{self.run_id}", self.lock_ttl)
        self._counts_written = utcnow()

    # -- claims -------------------------------------------------------------------------------

    def claim(self, sha256: str) -> bool:
        """Claim a text for extraction; False when another live run has it."""
        for _ in range(3):
            now = utcnow()
            try:
                with self.engine.begin() as conn:
                    conn.execute(insert(ingest_claims).values(sha256=sha256, holder=self.holder, claimed_at=now))
                return True
            except IntegrityError:
                pass  # claimed: by us, by a live run, or by a dead one?
            with self.engine.begin() as conn:
                row = conn.execute(select(ingest_claims).where(ingest_claims.c.sha256 == sha256)).first()
                if row is None:
                    continue  # released just now: try again
                if row.holder == self.holder:
                    return True
                if aware(row.claimed_at) >= now - CLAIM_TTL and not holder_is_dead(row.holder, self.host):
                    return False
                taken = conn.execute(
                    update(ingest_claims)
                    .where(ingest_claims.c.sha256 == sha256, ingest_claims.c.holder == row.holder)
                    .values(holder=self.holder, claimed_at=now)
                ).rowcount
                return taken == 1
        return False

    def release_claim(self, sha256: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(ingest_claims).where(ingest_claims.c.sha256 == sha256, ingest_claims.c.holder == self.holder))

    def release_all_claims(self) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(ingest_claims).where(ingest_claims.c.holder == self.holder))

    # -- the run record -----------------------------------------------------------------------

    def record_error(self, source: str, error: str, counts: dict[str, int]) -> None:
        """Record a failed input, and the run's counts with it."""
        with self.engine.begin() as conn:
            conn.execute(insert(ingest_errors).values(run_id=self.run_id, source=source, error=error, at=utcnow()))
            self.record_counts(conn, counts)

    def record_counts(self, conn: Connection, counts: dict[str, int]) -> None:
        """Write the counts so far, in the caller's transaction (an article and its count land together).

        A run killed mid-way (SIGKILL) then still shows what it did.
        """
        conn.execute(update(ingest_runs).where(ingest_runs.c.id == self.run_id).values(**count_columns(counts)))
        self._counts_written = utcnow()

    def counts_due(self) -> bool:
        return utcnow() - self._counts_written >= COUNTS_EVERY

    def finish(self, status: str, counts: dict[str, int], message: str | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(ingest_runs).where(ingest_runs.c.id == self.run_id).values(
                    finished_at=utcnow(), status=status, message=message, **count_columns(counts),
                )
            )


def count_columns(counts: dict[str, int]) -> dict[str, int]:
    return {f"{name}_count": value for name, value in counts.items()}


def recent_runs(engine: Engine, limit: int = 20) -> list[dict]:
    """The newest runs first, each with its errors. A run still marked running whose process on this host is
    gone (killed, or ended by the stop grace before it could record itself) is shown as interrupted: the
    next run records it so, and until then the listing must not claim it is running."""
    with engine.connect() as conn:
        runs = [dict(r._mapping) for r in conn.execute(select(ingest_runs).order_by(desc(ingest_runs.c.id)).limit(limit))]
        ids = [r["id"] for r in runs]
        errors: dict[int, list[dict]] = {i: [] for i in ids}
        if ids:
            for row in conn.execute(select(ingest_errors).where(ingest_errors.c.run_id.in_(ids)).order_by(ingest_errors.c.id)):
                errors[row.run_id].append({"source": row.source, "error": row.error})
    host = socket.gethostname()
    for run in runs:
        run["errors"] = errors[run["id"]]
        if run["status"] == "running" and run["host"] == host and run["pid"] and not process_alive(run["pid"]):
            run.update(status="interrupted", message=run["message"] or DEAD_RUN_MESSAGE)
    return runs

"""Ingest: read inputs, run the NLP pipeline over the articles that need it, store each one.

Idempotent: a text already extracted by this pipeline version is skipped before any NLP runs.
Each article is stored in its own transaction, so a failure (bad input, a killed process, a
database error) loses nothing already stored and leaves nothing half-written; the next run
completes the work. Runs working at once split the work by claims (``pipeline/ingest/runs.py``) and a
race on the same article ends in one stored copy (unique keys, then a retry that finds it). A
text another run is extracting is looked at again once this run's own work is done, so that
every path it was read from is recorded as a source of the article.
"""

from __future__ import annotations

import contextlib
import itertools
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from pipeline.config import article_seconds, database_url, display_url, mask_passwords, pipeline_version
from pipeline.contract import Article, Extraction
from pipeline.ingest.reader import ReadError
from pipeline.ingest.runs import LockHeld, RunContext
from pipeline.ingest.sources import Unchanged, articles
from pipeline.storage.database import DatabaseError, describe_error, open_database
from pipeline.storage.repository import Outcome, needs_extraction, save_article, unchanged_file

if TYPE_CHECKING:
    from pipeline.ingest.processing import Failure

DEFAULT_BATCH_SIZE = 32
SAVE_ATTEMPTS = 3
OTHER_RUN_POLL_SECONDS = 1.0
# Errors after which no further article can be stored: the run stops with one clear message.
FATAL_DB_ERRORS = (
    "readonly database", "read-only", "disk is full", "database or disk is full", "no space left",
    "disk i/o error", "unable to open database", "could not extend file", "permission denied",
)


@dataclass
class IngestSummary:
    """Counts of one ingest run, and the message of every failure."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    run_id: int | None = None

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def counts_with(self, outcome: Outcome) -> dict[str, int]:
        """The counts once ``outcome`` is counted too."""
        return {**self.counts, outcome.value: getattr(self, outcome.value) + 1}

    @property
    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("new", "updated", "unchanged", "failed", "skipped")}

    def line(self) -> str:
        text = f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"
        return text + (f", {self.skipped} left to another run" if self.skipped else "")


def wait_for_other_runs() -> None:
    """Pause before looking again at the texts other runs are extracting."""
    time.sleep(OTHER_RUN_POLL_SECONDS)


def fatal_storage_error(exc: SQLAlchemyError) -> bool:
    message = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and any(m in message for m in FATAL_DB_ERRORS)


def ingest(
    inputs: Iterable[Path | str],
    db_url: str | None = None,
    *,
    workers: int = 1,
    nlp_engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    spacy_model: str | None = None,
    lock: bool = False,
    wait: float = 0.0,
    allow_private_addresses: bool = False,
    on_progress: Callable[[str, Outcome], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files, folders, URLs and feeds into the database at ``db_url``; returns the run's counts.

    With ``lock`` (scheduled runs), the run first takes the database's run lock, waiting up to
    ``wait`` seconds (``LockHeld`` if another run keeps it; the run is recorded as ``refused``).
    ``nlp_engine`` "dask" runs the NLP on a Dask cluster (``scheduler``, or a local cluster of ``workers``
    processes: ``pipeline/ingest/dask_engine.py``); everything else is the same as a local run.
    Raises ``DatabaseError`` when the database cannot be opened or written at all. URLs (and the
    links of feeds) are fetched only from public addresses unless ``allow_private_addresses``. The
    password of an input URL (``user:password@``) is masked in every message and run record.
    """
    inputs = [str(i) for i in inputs]
    seconds = article_seconds()  # a bad value stops the run before it starts
    url = database_url(db_url)
    summary = IngestSummary()
    engine, ref = open_database(url)
    version = pipeline_version()
    try:
        run = RunContext(engine, mask_passwords(" ".join(inputs)))
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseError(f"cannot write to {display_url(url)}: {describe_error(exc)}") from exc
    summary.run_id = run.run_id

    def report(source: str, outcome: Outcome, message: str | None = None) -> None:
        """Count an outcome; the counts of articles stored were written with them (see ``store``)."""
        if message is not None:
            message = mask_passwords(message)
            summary.failed += 1
            summary.errors.append(message)
            run.record_error(mask_passwords(source), message, summary.counts)
            if on_error:
                on_error(message)
        elif outcome is not None:
            summary.count(outcome)
            if outcome is Outcome.UNCHANGED and run.counts_due():
                with engine.begin() as conn:
                    run.record_counts(conn, summary.counts)
        if on_progress:
            on_progress(source, outcome)

    def pending(article: Article) -> bool:
        """Whether the text needs extraction; if not, its source is recorded (two runs may race to)."""
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with engine.begin() as conn:
                    return needs_extraction(conn, article.source, article.sha256, version, article.stamp)
            except IntegrityError:
                if attempt == SAVE_ATTEMPTS - 1:
                    raise  # another run recorded the same source at the same moment: retry finds it
        raise AssertionError("unreachable")

    def unchanged(source: str, stamp: tuple[int, int]) -> bool:
        """Whether a file need not be read: the same size and time as when its current article was stored."""
        with engine.connect() as conn:
            return unchanged_file(conn, source, stamp, version)

    def to_extract(items: Iterable[Article | ReadError | Unchanged], others: list[Article], *,
                   waited: bool) -> Iterator[Article]:
        """The texts to extract, claimed; those another run is extracting go to ``others``."""
        for item in items:
            run.check_lock()
            if isinstance(item, Unchanged):
                report(item.source, Outcome.UNCHANGED)
            elif isinstance(item, ReadError):
                report(item.source, Outcome.FAILED, str(item))
            elif not pending(item):
                if waited:  # another run extracted it while this one waited; the source is recorded now
                    summary.skipped += 1
                    if on_progress:
                        on_progress(item.source, Outcome.UNCHANGED)
                else:
                    report(item.source, Outcome.UNCHANGED)
            elif run.claim(item.sha256):
                yield item
            else:
                others.append(item)

    def store(article: Article, extraction: Extraction) -> Outcome:
        for attempt in range(SAVE_ATTEMPTS):
            try:
                with engine.begin() as conn:
                    outcome = save_article(conn, article, extraction, ref, version)
                    run.record_counts(conn, summary.counts_with(outcome))
                    return outcome
            except IntegrityError:
                if attempt == SAVE_ATTEMPTS - 1:
                    raise  # another run stored the same rows at the same moment: retry finds them
        raise AssertionError("unreachable")

    def extract_and_store(claimed: Iterator[Article]) -> None:
        # spaCy is imported, the NLP pipeline loaded and the workers started only if some article needs
        # extracting: a run over unchanged articles costs their reading and one query each
        first = next(claimed, None)
        if first is None:
            return
        claimed = itertools.chain([first], claimed)
        from pipeline.ingest.processing import extract_articles

        if nlp_engine == "dask":
            from pipeline.ingest.dask_engine import extract_on_dask

            extracted = extract_on_dask(claimed, scheduler=scheduler, spacy_model=spacy_model, workers=workers,
                                        batch_size=batch_size, seconds=seconds)
        else:
            extracted = extract_articles(claimed, spacy_model=spacy_model, workers=workers, batch_size=batch_size,
                                         seconds=seconds)
        with contextlib.closing(extracted):  # the workers end with the loop, however it ends
            for article, result in extracted:
                store_result(article, result)

    def store_result(article: Article, result: Extraction | Failure) -> None:
        from pipeline.ingest.processing import Failure

        try:
            run.check_lock()
            if isinstance(result, Failure):  # over its time budget, too large, or a fault: the run goes on
                report(article.source, Outcome.FAILED, result.message)
                return
            outcome = store(article, result)
        except SQLAlchemyError as exc:
            if fatal_storage_error(exc):
                raise
            report(article.source, Outcome.FAILED,
                   f"{article.source}: not stored: {exc.__class__.__name__}: {describe_error(exc)}")
        else:
            report(article.source, outcome)
        finally:
            run.release_claim(article.sha256)

    status, message, writable = "completed", None, True
    try:
        if lock:
            run.acquire_lock(wait)
        others: list[Article] = []
        found = articles(inputs, allow_private=allow_private_addresses, unchanged=unchanged)
        extract_and_store(to_extract(found, others, waited=False))
        while others:  # texts other runs were extracting: record this run's sources once they are stored
            wait_for_other_runs()
            waiting, others = others, []
            extract_and_store(to_extract(waiting, others, waited=True))
    except LockHeld as exc:
        status, message = "refused", str(exc)
        raise
    except SQLAlchemyError as exc:
        status, message = "failed", describe_error(exc)
        if fatal_storage_error(exc):
            writable = False  # bookkeeping writes would only wait and fail; claims and lock expire
            raise DatabaseError(
                f"cannot write to {display_url(url)}: {message}; the run stopped, every article stored before "
                "is complete and nothing half-written was stored"
            ) from exc
        raise
    except BaseException as exc:
        status = "interrupted" if isinstance(exc, KeyboardInterrupt | SystemExit) else "failed"
        message = mask_passwords(str(exc)) or exc.__class__.__name__
        raise
    finally:
        run.stop_renewing()
        if writable:
            try:
                run.release_all_claims()
                run.release_lock()
                run.finish("partial" if status == "completed" and summary.failed else status, summary.counts, message)
            except SQLAlchemyError:
                pass  # the database itself failed mid-run: the raised error already says so
        engine.dispose()
    return summary

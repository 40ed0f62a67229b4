"""Ingest: read article files, run the NLP pipeline over the ones that need it, store each one.

Idempotent: a file whose text was already extracted by this pipeline version is skipped before
any NLP runs. Each article is stored in its own transaction, so a failure (bad input, a database
error) loses nothing already stored and leaves nothing half-written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from pipeline.config import database_url, pipeline_version
from pipeline.extract import extract
from pipeline.nlp import shared_nlp
from pipeline.reader import Article, ReadError, discover, read_file
from pipeline.storage.database import open_database
from pipeline.storage.repository import Outcome, needs_extraction, save_article

DEFAULT_BATCH_SIZE = 32


@dataclass
class IngestSummary:
    """Counts of one ingest run, and the message of every failure."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def count(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)

    def fail(self, message: str) -> None:
        self.failed += 1
        self.errors.append(message)

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged + self.failed

    def line(self) -> str:
        return f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, {self.failed} failed"


def ingest(
    paths: Iterable[Path | str],
    db_url: str | None = None,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    spacy_model: str | None = None,
    on_progress: Callable[[str, Outcome], None] | None = None,
    on_error: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into the database at ``db_url``; returns the run's counts."""
    summary = IngestSummary()
    engine, ref = open_database(database_url(db_url))
    version = pipeline_version()

    def report(source: str, outcome: Outcome, message: str | None = None) -> None:
        if message is not None:
            summary.fail(message)
            if on_error:
                on_error(message)
        else:
            summary.count(outcome)
        if on_progress:
            on_progress(source, outcome)

    def to_extract() -> Iterator[tuple[str, Article]]:
        for item in discover(Path(p) for p in paths):
            if isinstance(item, ReadError):
                report(item.source, Outcome.FAILED, str(item))
                continue
            try:
                article = read_file(item)
            except ReadError as exc:
                report(str(item), Outcome.FAILED, str(exc))
                continue
            article = Article(str(item.resolve()), article.text, article.title, article.published)
            with engine.begin() as conn:
                pending = needs_extraction(conn, article.source, article.sha256, version)
            if pending:
                yield article.text, article
            else:
                report(article.source, Outcome.UNCHANGED)

    try:
        nlp = shared_nlp(spacy_model)
        for doc, article in nlp.pipe(to_extract(), as_tuples=True, n_process=workers, batch_size=batch_size):
            try:
                extraction = extract(doc)
                with engine.begin() as conn:
                    outcome = save_article(conn, article, extraction, ref, version)
            except SQLAlchemyError as exc:
                report(article.source, Outcome.FAILED, f"{article.source}: not stored: {exc.__class__.__name__}: {exc}")
                continue
            report(article.source, outcome)
    finally:
        engine.dispose()
    return summary

"""Article persistence: idempotent, one transaction per article.

An article is identified by the SHA-256 of its normalised text; each file path or URL it was
read from is a row of ``article_sources``. Ingesting:

- a known source whose text and pipeline version are unchanged changes nothing (``unchanged``);
- a known source whose text changed moves to the new text, and the old article is deleted
  with everything extracted from it once no source refers to it (``updated``);
- a text already stored under another source adds that source (``unchanged``);
- a text extracted by an older pipeline version is re-extracted in place (``updated``);
- anything else is ``new``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import Connection, delete, func, insert, select, update

from pipeline.extract import Extraction
from pipeline.reader import Article
from pipeline.storage.schema import EXTRACTED_TABLES, article_sources, articles, force_mentions, sentences


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


def now() -> datetime:
    return datetime.now(UTC)


def is_current(conn: Connection, uri: str, sha256: str, version: str) -> bool:
    """True when ``uri`` is already stored with this text, extracted by this pipeline version."""
    row = conn.execute(
        select(articles.c.id)
        .join(article_sources, article_sources.c.article_id == articles.c.id)
        .where(article_sources.c.uri == uri, articles.c.sha256 == sha256, articles.c.pipeline_version == version)
    ).first()
    return row is not None


def needs_extraction(conn: Connection, uri: str, sha256: str, version: str) -> bool:
    """False when the text is stored and current: attaching the source then needs no NLP."""
    row = conn.execute(select(articles.c.pipeline_version).where(articles.c.sha256 == sha256)).first()
    if row is None or row.pipeline_version != version:
        return True
    if not is_current(conn, uri, sha256, version):
        attach_source(conn, uri, sha256)
    return False


def attach_source(conn: Connection, uri: str, sha256: str) -> Outcome:
    """Point ``uri`` at the stored article with this text (its content did not need extraction)."""
    article_id = conn.execute(select(articles.c.id).where(articles.c.sha256 == sha256)).scalar_one()
    return _point_source(conn, uri, article_id)


def _point_source(conn: Connection, uri: str, article_id: int) -> Outcome:
    old = conn.execute(select(article_sources.c.article_id).where(article_sources.c.uri == uri)).scalar()
    if old == article_id:
        return Outcome.UNCHANGED
    if old is None:
        conn.execute(insert(article_sources).values(article_id=article_id, uri=uri, first_seen_at=now()))
        return Outcome.UNCHANGED
    conn.execute(update(article_sources).where(article_sources.c.uri == uri).values(article_id=article_id))
    _delete_if_orphan(conn, old)
    return Outcome.UPDATED


def _delete_if_orphan(conn: Connection, article_id: int) -> None:
    users = conn.execute(
        select(func.count()).select_from(article_sources).where(article_sources.c.article_id == article_id)
    ).scalar_one()
    if not users:
        _delete_extracted(conn, article_id)
        conn.execute(delete(articles).where(articles.c.id == article_id))


def _delete_extracted(conn: Connection, article_id: int) -> None:
    for table in EXTRACTED_TABLES:
        conn.execute(delete(table).where(table.c.article_id == article_id))


def save_article(
    conn: Connection, article: Article, extraction: Extraction, force_ids: dict[str, int], version: str
) -> Outcome:
    """Store one extracted article (call inside a transaction: all of it lands, or none)."""
    uri, sha = article.source, article.sha256
    existing = conn.execute(select(articles.c.id, articles.c.pipeline_version).where(articles.c.sha256 == sha)).first()
    fields = {
        "title": article.title, "published_at": article.published, "text": article.text,
        "ingested_at": now(), "pipeline_version": version,
    }
    if existing is not None and existing.pipeline_version == version:
        return _point_source(conn, uri, existing.id)
    if existing is not None:
        article_id = existing.id
        _delete_extracted(conn, article_id)
        conn.execute(update(articles).where(articles.c.id == article_id).values(**fields))
        outcome = Outcome.UPDATED
    else:
        article_id = conn.execute(
            insert(articles).values(sha256=sha, source_path=uri, **fields).returning(articles.c.id)
        ).scalar_one()
        outcome = Outcome.NEW
    if _point_source(conn, uri, article_id) is Outcome.UPDATED:
        outcome = Outcome.UPDATED
    _insert_extraction(conn, article_id, extraction, force_ids)
    return outcome


def _insert_extraction(conn: Connection, article_id: int, extraction: Extraction, force_ids: dict[str, int]) -> None:
    """Bulk inserts with SQLAlchemy Core (several times faster than ORM ``add_all``)."""
    if not extraction.sentences:
        return
    rows = conn.execute(
        insert(sentences).returning(sentences.c.id, sentences.c.idx, sort_by_parameter_order=True),
        [{"article_id": article_id, **s} for s in extraction.sentences],
    )
    sentence_ids = {idx: id_ for id_, idx in rows}
    if extraction.force_mentions:
        conn.execute(
            insert(force_mentions),
            [
                {
                    "article_id": article_id, "sentence_id": sentence_ids[m["sentence"]],
                    "force_id": force_ids[m["force"]], "start_char": m["start_char"],
                    "end_char": m["end_char"], "text": m["text"],
                }
                for m in extraction.force_mentions
            ],
        )

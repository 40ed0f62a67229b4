"""Article persistence: idempotent, one transaction per article.

An article is identified by the SHA-256 of its normalised text; each file path or URL it was
read from is a row of ``article_sources``. Ingesting:

- a known source whose text and pipeline version are unchanged changes nothing (``unchanged``);
- a known source whose text changed (an edited file) keeps its article and id: the article row
  takes the new text and its extracted rows are replaced (``updated``). When another source
  still holds the old text, or the new text is already stored, the source moves to the article
  of the new text instead, and an old article no source refers to is deleted with everything
  extracted from it;
- a text already stored under another source adds that source (``unchanged``);
- a text extracted by an older pipeline version is re-extracted in place (``updated``);
- anything else is ``new``.

What is written is what every backend can hold: NUL characters become U+FFFD, and a fact with a
value its column cannot hold is left out with a logged warning instead of failing the article, so
SQLite and PostgreSQL store the same rows.
"""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import Connection, Numeric, String, Table, delete, func, insert, select, update

from pipeline.contract import Article, Extraction, name_key
from pipeline.storage import entities, stories
from pipeline.storage.database import ReferenceIds
from pipeline.storage.schema import (
    EXTRACTED_TABLES,
    article_sources,
    articles,
    collaboration_forces,
    collaborations,
    force_mentions,
    function_mentions,
    job_concerns,
    money_figure_forces,
    money_figures,
    official_mentions,
    people,
    quotes,
    sentences,
)

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    FAILED = "failed"


def now() -> datetime:
    return datetime.now(UTC)


def storable_text(value: str) -> str:
    """``value`` with each NUL replaced by U+FFFD.

    PostgreSQL text cannot hold NUL; one character for one keeps every stored offset right.
    """
    return value.replace("\x00", "\ufffd")


def storable(row: dict) -> dict:
    return {key: storable_text(value) if isinstance(value, str) else value for key, value in row.items()}


def unstorable(table: Table, row: dict) -> str | None:
    """Why a column of ``table`` cannot hold a value of ``row``, or None when all fit.

    SQLite stores anything, but PostgreSQL refuses a string longer than its VARCHAR and a number
    its NUMERIC cannot hold, and with it the whole article.
    """
    for key, value in row.items():
        kind = table.c[key].type
        if isinstance(value, str) and isinstance(kind, String) and kind.length and len(value) > kind.length:
            return f"{key} is longer than {kind.length} characters"
        if isinstance(kind, Numeric) and kind.precision and isinstance(value, int | float | Decimal):
            number, scale = Decimal(str(value)), kind.scale or 0
            limit = Decimal(10) ** (kind.precision - scale)
            if not number.is_finite() or abs(number) >= limit or abs(round(number, scale)) >= limit:
                return f"{key} {value} does not fit NUMERIC({kind.precision}, {scale})"
    return None


def storable_rows(table: Table, rows: list[dict], source: str) -> list[dict]:
    """The rows every backend can store, NULs replaced; each one left out is logged."""
    kept = []
    for row in map(storable, rows):
        problem = unstorable(table, row)
        if problem is None:
            kept.append(row)
        else:
            evidence = str(row.get("text") or row.get("name") or "")[:80]
            log.warning("%s: a row of %s was not stored (%s): %r", source, table.name, problem, evidence)
    return kept


def unchanged_file(conn: Connection, uri: str, stamp: tuple[int, int], version: str) -> bool:
    """True when file ``uri`` was last read with this (size, mtime_ns) and its article is current: it need
    not be read again. (A file rewritten within the same nanosecond with the same size is not noticed; as
    for make and git, touching it makes the next run read it.)"""
    row = conn.execute(
        select(article_sources.c.size, article_sources.c.mtime_ns)
        .join(articles, articles.c.id == article_sources.c.article_id)
        .where(article_sources.c.uri == storable_text(uri), articles.c.pipeline_version == version)
    ).first()
    return row is not None and (row.size, row.mtime_ns) == tuple(stamp)


def needs_extraction(conn: Connection, uri: str, sha256: str, version: str, stamp: tuple[int, int] | None = None) -> bool:
    """False when the text is stored and current: attaching the source (with its file stamp) then needs no NLP."""
    row = conn.execute(select(articles.c.id, articles.c.pipeline_version).where(articles.c.sha256 == sha256)).first()
    if row is None or row.pipeline_version != version:
        return True
    _point_source(conn, storable_text(uri), row.id, stamp)
    return False


def attach_source(conn: Connection, uri: str, sha256: str, stamp: tuple[int, int] | None = None) -> Outcome:
    """Point ``uri`` at the stored article with this text (its content did not need extraction)."""
    uri = storable_text(uri)
    article_id = conn.execute(select(articles.c.id).where(articles.c.sha256 == sha256)).scalar_one()
    return _point_source(conn, uri, article_id, stamp)


def _point_source(conn: Connection, uri: str, article_id: int, stamp: tuple[int, int] | None = None) -> Outcome:
    """Record that ``uri`` holds the article (and, for a file, the size and time it was read at)."""
    old = conn.execute(
        select(article_sources.c.article_id, article_sources.c.size, article_sources.c.mtime_ns)
        .where(article_sources.c.uri == uri)
    ).first()
    size, mtime_ns = stamp or (None, None)
    if old is None:
        conn.execute(insert(article_sources).values(
            article_id=article_id, uri=uri, first_seen_at=now(), size=size, mtime_ns=mtime_ns))
        return Outcome.UNCHANGED
    if (old.size, old.mtime_ns) != (size, mtime_ns):
        conn.execute(update(article_sources).where(article_sources.c.uri == uri).values(size=size, mtime_ns=mtime_ns))
    if old.article_id == article_id:
        return Outcome.UNCHANGED
    conn.execute(update(article_sources).where(article_sources.c.uri == uri).values(article_id=article_id))
    _delete_if_orphan(conn, old.article_id)
    return Outcome.UPDATED


def _sole_article_of(conn: Connection, uri: str) -> int | None:
    """The article ``uri`` points at when no other source shares it: an edit of that source keeps its id."""
    old = conn.execute(select(article_sources.c.article_id).where(article_sources.c.uri == uri)).scalar()
    if old is None:
        return None
    users = conn.execute(
        select(func.count()).select_from(article_sources).where(article_sources.c.article_id == old)
    ).scalar_one()
    return old if users == 1 else None


def _delete_if_orphan(conn: Connection, article_id: int) -> None:
    users = conn.execute(
        select(func.count()).select_from(article_sources).where(article_sources.c.article_id == article_id)
    ).scalar_one()
    if not users:
        groups = entities.groups_of_article(conn, article_id)
        _delete_extracted(conn, article_id)
        conn.execute(delete(articles).where(articles.c.id == article_id))
        entities.relink_groups(conn, groups)


def _delete_extracted(conn: Connection, article_id: int) -> None:
    for table in EXTRACTED_TABLES:
        conn.execute(delete(table).where(table.c.article_id == article_id))


def save_article(
    conn: Connection, article: Article, extraction: Extraction, ref: ReferenceIds, version: str
) -> Outcome:
    """Store one extracted article (call inside a transaction: all of it lands, or none)."""
    uri, sha = storable_text(article.source), article.sha256
    existing = conn.execute(select(articles.c.id, articles.c.pipeline_version).where(articles.c.sha256 == sha)).first()
    fields = storable({
        "title": article.title, "published_at": article.published, "text": article.text,
        "ingested_at": now(), "pipeline_version": version,
    })
    if existing is not None and existing.pipeline_version == version:
        return _point_source(conn, uri, existing.id, article.stamp)
    # The same text extracted by an older pipeline, or an edited source's own article: replaced in place.
    article_id = existing.id if existing is not None else _sole_article_of(conn, uri)
    old_groups: set[entities.Group] = set()
    if article_id is not None:
        old_groups = entities.groups_of_article(conn, article_id)
        _delete_extracted(conn, article_id)
        conn.execute(update(articles).where(articles.c.id == article_id).values(sha256=sha, **fields))
        outcome = Outcome.UPDATED
    else:
        article_id = conn.execute(
            insert(articles).values(sha256=sha, source_path=uri, **fields).returning(articles.c.id)
        ).scalar_one()
        outcome = Outcome.NEW
    if _point_source(conn, uri, article_id, article.stamp) is Outcome.UPDATED:
        outcome = Outcome.UPDATED
    _insert_extraction(conn, article_id, extraction, ref, uri)
    entities.link_article(conn, article_id, old_groups)
    stories.link_story(conn, article_id, fields.get("text") or "", article.published)
    return outcome


def _evidence(item: dict) -> dict:
    return {"start_char": item["start_char"], "end_char": item["end_char"], "text": item["text"]}


def person_key(name: str, force: str | None) -> str:
    return f"{name_key(name)}|{force or ''}"


def _people_ids(
    conn: Connection, wanted: dict[str, tuple[str, str | None]], ref: ReferenceIds, source: str
) -> dict[str, int]:
    """Ids of people by person key, inserting the ones not yet known (a person who cannot be stored has none)."""
    wanted = {storable_text(key): (storable_text(name), force) for key, (name, force) in wanted.items()}
    if not wanted:
        return {}
    found = dict(conn.execute(select(people.c.person_key, people.c.id).where(people.c.person_key.in_(wanted))).all())
    missing = storable_rows(people, [
        {"person_key": key, "name": name, "force_id": ref.forces.get(force) if force else None}
        for key, (name, force) in wanted.items()
        if key not in found
    ], source)
    if missing:
        conn.execute(insert(people), missing)
        found = dict(conn.execute(select(people.c.person_key, people.c.id).where(people.c.person_key.in_(wanted))).all())
    return found


def _insert_extraction(conn: Connection, article_id: int, ex: Extraction, ref: ReferenceIds, source: str) -> None:
    """Bulk inserts with SQLAlchemy Core (several times faster than ORM ``add_all``)."""
    if not ex.sentences:
        return
    rows = conn.execute(
        insert(sentences).returning(sentences.c.id, sentences.c.idx, sort_by_parameter_order=True),
        [storable({"article_id": article_id, **s}) for s in ex.sentences],
    )
    sentence_ids = {idx: id_ for id_, idx in rows}

    def base(item: dict) -> dict:
        return {"article_id": article_id, "sentence_id": sentence_ids[item["sentence"]], **_evidence(item)}

    def insert_rows(table: Table, items: list[dict]) -> None:
        kept = storable_rows(table, items, source)
        if kept:
            conn.execute(insert(table), kept)

    insert_rows(force_mentions, [{**base(m), "force_id": ref.forces[m["force"]]} for m in ex.force_mentions])

    # People: an official is one person per (normalised name, force) across articles. A quote or a
    # job concern names its speaker; the speaker's force is the one the officials stage gave them.
    speaker_force = {o["name"]: o.get("force") for o in ex.officials}
    wanted = {person_key(o["name"], o.get("force")): (o["name"], o.get("force")) for o in ex.officials}
    for item in (*ex.quotes, *ex.job_concerns):
        if item.get("speaker"):
            force = speaker_force.get(item["speaker"])
            wanted.setdefault(person_key(item["speaker"], force), (item["speaker"], force))
    person_ids = _people_ids(conn, wanted, ref, source)

    def person_id(name: str, force: str | None) -> int | None:
        return person_ids.get(storable_text(person_key(name, force)))

    def speaker_id(name: str | None) -> int | None:
        return person_id(name, speaker_force.get(name)) if name else None

    insert_rows(official_mentions, [
        {**base(o), "person_id": person_id(o["name"], o.get("force")), "role": o["role"],
         "acting": bool(o.get("acting")), "force_id": ref.forces.get(o["force"]) if o.get("force") else None}
        for o in ex.officials
        if person_id(o["name"], o.get("force")) is not None  # else the person was not stored: logged above
    ])
    insert_rows(quotes, [{**base(q), "person_id": speaker_id(q.get("speaker"))} for q in ex.quotes])

    collaboration_ids: list[int | None] = []  # by position: facts name their collaboration by index
    for c in ex.collaborations:
        row = storable_rows(collaborations, [{**base(c), "name": c.get("name"), "type": c.get("type"),
                                                   "stage": c.get("stage")}], source)
        if not row:
            collaboration_ids.append(None)
            continue
        cid = conn.execute(insert(collaborations).values(**row[0]).returning(collaborations.c.id)).scalar_one()
        collaboration_ids.append(cid)
        force_ids = sorted({ref.forces[f] for f in c.get("forces") or []})
        if force_ids:
            conn.execute(insert(collaboration_forces), [{"collaboration_id": cid, "force_id": f} for f in force_ids])

    def collaboration_of(item: dict) -> int | None:
        """The collaboration a fact belongs to: the one it names by index, else the article's only one."""
        index = item.get("collaboration")
        if index is not None and 0 <= index < len(collaboration_ids):
            return collaboration_ids[index]
        return collaboration_ids[0] if len(collaboration_ids) == 1 else None

    insert_rows(function_mentions, [
        {**base(f), "function_id": ref.functions[f["function"]], "status": f["status"],
         "collaboration_id": collaboration_of(f)}
        for f in ex.functions
    ])
    for m in ex.money:
        row = storable_rows(money_figures, [{
            **base(m), "amount": m["amount"], "amount_high": m.get("amount_high"),
            "currency": m.get("currency") or "GBP", "kind": m["kind"], "hedged": bool(m.get("hedged")),
            "period": m.get("period"), "period_start": _date(m.get("period_start")),
            "period_end": _date(m.get("period_end")), "collaboration_id": collaboration_of(m),
        }], source)
        if not row:
            continue
        mid = conn.execute(insert(money_figures).values(**row[0]).returning(money_figures.c.id)).scalar_one()
        force_ids = sorted({ref.forces[f] for f in m.get("forces") or []})
        if force_ids:
            conn.execute(insert(money_figure_forces), [{"money_figure_id": mid, "force_id": f} for f in force_ids])
    insert_rows(job_concerns, [
        {**base(j), "stance": j["stance"], "speaker_id": speaker_id(j.get("speaker"))} for j in ex.job_concerns
    ])


def _date(value: object) -> date | None:
    """Dates travel through the pipeline as ISO strings (msgpack has no date type)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))

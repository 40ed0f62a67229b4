"""Storing analysts' corrections and applying them to exported documents.

A correction names its fact by the article's SHA-256 plus the fact's kind and evidence offsets, so it
outlives re-extraction (which rewrites fact rows with new ids). Applying is a pure function over the
contract document, so JSON, CSV-of-documents and gold exports all see the same corrected facts.
"""

from __future__ import annotations

import json
from collections import defaultdict
from copy import deepcopy
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import IntegrityError

from pipeline.storage.schema import articles, corrections, reviewed_articles

FACT_KINDS = ("force", "official", "money", "function", "job_concern", "collaboration")
ACTIONS = ("accept", "reject", "correct", "add")
# The contract document's list for each fact kind.
DOC_KEYS = {"force": "forces", "official": "officials", "money": "money", "function": "functions",
            "job_concern": "job_concerns", "collaboration": "collaborations"}
CONFLICT_MESSAGE = "this fact was changed by someone else since you opened the page; reload"


class ConflictError(Exception):
    """The fact changed since the reviewer loaded it (optimistic concurrency)."""


class CorrectionError(ValueError):
    """A correction that cannot be stored: unknown kind or action, or offsets outside the text."""


def fact_version(conn: Connection, sha: str, kind: str, start: int, end: int) -> int:
    """The fact's current version: 0 before any correction, then the last correction's version."""
    return conn.execute(
        select(func.coalesce(func.max(corrections.c.version), 0)).where(
            corrections.c.article_sha == sha, corrections.c.fact_kind == kind,
            corrections.c.start_char == start, corrections.c.end_char == end,
        )
    ).scalar_one()


def record_correction(
    conn: Connection, *, sha: str, kind: str, start: int, end: int, action: str, seen_version: int,
    field: str | None = None, old_value: Any = None, new_value: Any = None, reviewer: str | None = None,
) -> int:
    """Store one correction and mark the article reviewed, in the caller's transaction; returns the new version.

    Raises ConflictError when the fact's version is no longer ``seen_version`` (someone else changed it).
    """
    if kind not in FACT_KINDS:
        raise CorrectionError(f"unknown fact kind {kind!r} (expected one of {', '.join(FACT_KINDS)})")
    if action not in ACTIONS:
        raise CorrectionError(f"unknown action {action!r} (expected one of {', '.join(ACTIONS)})")
    text = conn.execute(select(articles.c.text).where(articles.c.sha256 == sha)).scalar_one_or_none()
    if text is None:
        raise CorrectionError(f"no article with SHA-256 {sha}")
    if not 0 <= start < end <= len(text):
        raise CorrectionError(f"offsets {start}-{end} are outside the article's text (length {len(text)})")
    current = fact_version(conn, sha, kind, start, end)
    if current != seen_version:
        raise ConflictError(CONFLICT_MESSAGE)
    now = datetime.now(UTC)
    try:
        conn.execute(corrections.insert().values(
            article_sha=sha, fact_kind=kind, start_char=start, end_char=end, action=action, field=field,
            old_value=None if old_value is None else json.dumps(old_value),
            new_value=None if new_value is None else json.dumps(new_value),
            reviewer=reviewer, created_at=now, version=current + 1,
        ))
    except IntegrityError:  # another transaction stored this version after we read it (unique index, 0012)
        raise ConflictError(CONFLICT_MESSAGE) from None
    mark_reviewed(conn, sha, reviewer, now)
    return current + 1


def mark_reviewed(conn: Connection, sha: str, reviewer: str | None = None, when: datetime | None = None) -> None:
    """Record that an analyst reviewed the article (the gold export writes one file per reviewed article)."""
    when = when or datetime.now(UTC)
    updated = conn.execute(reviewed_articles.update().where(reviewed_articles.c.article_sha == sha)
                           .values(reviewer=reviewer, reviewed_at=when))
    if not updated.rowcount:
        conn.execute(reviewed_articles.insert().values(article_sha=sha, reviewer=reviewer, reviewed_at=when))


def reviewed_shas(conn: Connection) -> set[str]:
    return set(conn.execute(select(reviewed_articles.c.article_sha)).scalars())


def corrections_by_article(conn: Connection) -> dict[str, list[dict]]:
    """Every correction as a plain dict (JSON values decoded), per article SHA-256, oldest first."""
    out: dict[str, list[dict]] = defaultdict(list)
    for row in conn.execute(select(corrections).order_by(corrections.c.id)):
        item = dict(row._mapping)
        for key in ("old_value", "new_value"):
            item[key] = None if item[key] is None else json.loads(item[key])
        out[row.article_sha].append(item)
    return out


def _fact_key(kind: str, item: dict) -> tuple:
    if kind == "force":  # forces are counted per name in the document, without offsets
        return (item.get("name"),)
    return (item.get("start"), item.get("end"))


def _correction_key(kind: str, correction: dict, text: str | None) -> tuple:
    if kind == "force":
        name = correction["old_value"] if correction["action"] != "add" else correction["new_value"]
        if isinstance(name, dict):
            name = name.get("name")
        return (name or (text or "")[correction["start_char"]:correction["end_char"]],)
    return (correction["start_char"], correction["end_char"])


def apply_corrections(doc: dict, article_corrections: list[dict], text: str | None = None) -> dict:
    """The document with its corrections applied: rejected facts dropped, corrected values replaced,
    added facts appended; every fact gets ``corrected`` (true when a correction changed or added it).

    Corrections apply oldest first, so a later verdict on the same fact wins (accept after reject restores it).
    """
    doc = deepcopy(doc)
    for kind, key in DOC_KEYS.items():
        items = doc.get(key, [])
        for item in items:
            item["corrected"] = False
        index = {_fact_key(kind, item): item for item in items}
        rejected: set = set()
        for c in (c for c in article_corrections if c["fact_kind"] == kind):
            fact = _correction_key(kind, c, text)
            if c["action"] == "reject":
                rejected.add(fact)
            elif c["action"] == "accept":
                rejected.discard(fact)
            elif c["action"] == "correct" and fact in index and c["field"]:
                index[fact][c["field"]] = c["new_value"]
                index[fact]["corrected"] = True
                index[_fact_key(kind, index[fact])] = index[fact]  # a renamed force is found by its new name next
                rejected.discard(fact)
            elif c["action"] == "add" and isinstance(c["new_value"], dict):
                added = dict(c["new_value"], corrected=True)
                if kind != "force":
                    added.update(start=c["start_char"], end=c["end_char"],
                                 text=(text or "")[c["start_char"]:c["end_char"]] if text else added.get("text"))
                items.append(added)
                index[_fact_key(kind, added)] = added
                rejected.discard(fact)
        doc[key] = [item for item in items if _fact_key(kind, item) not in rejected]
    return doc

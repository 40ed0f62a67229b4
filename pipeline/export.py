"""Exports: the contract's JSON (``../shared/spec/EXTRACTION.md`` section 1) and CSV per table."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Connection, Engine, func, select

from pipeline.storage.schema import Base, articles, force_mentions, forces

CONTRACT_FIELDS = ("forces", "officials", "money", "functions", "job_concerns", "collaborations")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def article_documents(conn: Connection) -> Iterator[dict]:
    """One contract document per article, in article id order."""
    mentions: dict[int, list[dict]] = defaultdict(list)
    query = (
        select(
            force_mentions.c.article_id, forces.c.name, func.count().label("mentions"),
            func.min(force_mentions.c.start_char).label("first"),
        )
        .join(forces, forces.c.id == force_mentions.c.force_id)
        .group_by(force_mentions.c.article_id, forces.c.name)
        .order_by(force_mentions.c.article_id, "first")
    )
    for row in conn.execute(query):
        mentions[row.article_id].append({"name": row.name, "mentions": row.mentions})
    for row in conn.execute(select(articles).order_by(articles.c.id)):
        doc = {
            "article": {
                "id": row.id, "source_path": row.source_path, "sha256": row.sha256, "title": row.title,
                "published_at": _jsonable(row.published_at),
            },
            **{name: [] for name in CONTRACT_FIELDS},
        }
        doc["forces"] = mentions.get(row.id, [])
        yield doc


def export_json(engine: Engine, out: IO[str]) -> int:
    """Write the JSON export to ``out``; returns the number of articles."""
    with engine.connect() as conn:
        docs = list(article_documents(conn))
    json.dump(docs, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(docs)


def export_csv(engine: Engine, folder: Path) -> list[Path]:
    """One RFC 4180 UTF-8 CSV per table (header row, CRLF line ends); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            path = folder / f"{table.name}.csv"
            with path.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle, lineterminator="\r\n")
                writer.writerow([c.name for c in table.columns])
                order = [table.c.id] if "id" in table.c else []
                for row in conn.execute(select(table).order_by(*order)):
                    writer.writerow([_jsonable(v) if v is not None else "" for v in row])
            written.append(path)
    return written

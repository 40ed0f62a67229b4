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

from pipeline.storage.schema import (
    Base,
    articles,
    collaboration_forces,
    collaborations,
    force_mentions,
    forces,
    function_mentions,
    functions,
    job_concerns,
    money_figure_forces,
    money_figures,
    official_mentions,
    people,
    sentences,
)

CONTRACT_FIELDS = ("forces", "officials", "money", "functions", "job_concerns", "collaborations")


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _by_article(conn: Connection, query) -> dict[int, list]:
    grouped: dict[int, list] = defaultdict(list)
    for row in conn.execute(query):
        grouped[row.article_id].append(row)
    return grouped


def _links(conn: Connection, link, key: str) -> dict[int, list[str]]:
    """Force names per row of a link table (collaboration_forces, money_figure_forces)."""
    out: dict[int, list[str]] = defaultdict(list)
    for owner, name in conn.execute(
        select(link.c[key], forces.c.name).join(forces, forces.c.id == link.c.force_id).order_by(link.c[key], forces.c.name)
    ):
        out[owner].append(name)
    return out


def _where(item: Any) -> dict:
    return {"text": item.text, "sentence": item.idx, "start": item.start_char, "end": item.end_char}


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _first_of_each(rows: list, key) -> list:
    """The first row for each key, in text order: a fact repeated in one article is one item."""
    seen, out = set(), []
    for row in sorted(rows, key=lambda r: r.start_char):
        k = key(row)
        if k not in seen:
            seen.add(k)
            out.append(row)
    return out


def article_documents(conn: Connection) -> Iterator[dict]:
    """One contract document per article, in article id order."""
    force_counts = _by_article(conn, (
        select(force_mentions.c.article_id, forces.c.name, func.count().label("mentions"),
               func.min(force_mentions.c.start_char).label("first"))
        .join(forces, forces.c.id == force_mentions.c.force_id)
        .group_by(force_mentions.c.article_id, forces.c.name)
        .order_by(force_mentions.c.article_id, "first")
    ))
    at = sentences.c.idx
    mention_force = forces.alias("mention_force")
    officials = _by_article(conn, (
        select(official_mentions, people.c.name, mention_force.c.name.label("force"), at)
        .join(people, people.c.id == official_mentions.c.person_id)
        .join(sentences, sentences.c.id == official_mentions.c.sentence_id)
        .outerjoin(mention_force, mention_force.c.id == official_mentions.c.force_id)
    ))
    money = _by_article(conn, select(money_figures, at).join(sentences, sentences.c.id == money_figures.c.sentence_id))
    money_forces = _links(conn, money_figure_forces, "money_figure_id")
    funcs = _by_article(conn, (
        select(function_mentions, functions.c.label, at)
        .join(functions, functions.c.id == function_mentions.c.function_id)
        .join(sentences, sentences.c.id == function_mentions.c.sentence_id)
    ))
    jobs = _by_article(conn, (
        select(job_concerns, people.c.name.label("speaker"), at)
        .join(sentences, sentences.c.id == job_concerns.c.sentence_id)
        .outerjoin(people, people.c.id == job_concerns.c.speaker_id)
        .order_by(job_concerns.c.start_char)
    ))
    collabs = _by_article(conn, (
        select(collaborations, at).join(sentences, sentences.c.id == collaborations.c.sentence_id)
        .order_by(collaborations.c.start_char)
    ))
    collab_forces = _links(conn, collaboration_forces, "collaboration_id")
    for row in conn.execute(select(articles).order_by(articles.c.id)):
        aid = row.id
        yield {
            "article": {
                "id": aid, "source_path": row.source_path, "sha256": row.sha256, "title": row.title,
                "published_at": _jsonable(row.published_at),
            },
            "forces": [{"name": r.name, "mentions": r.mentions} for r in force_counts.get(aid, [])],
            "officials": [
                {"name": o.name, "role": o.role, "acting": bool(o.acting), "force": o.force, **_where(o)}
                for o in _first_of_each(officials.get(aid, []), lambda o: (o.name, o.role))
            ],
            "money": [
                {"amount": _number(m.amount), "amount_high": _number(m.amount_high), "currency": m.currency,
                 "kind": m.kind, "forces": money_forces.get(m.id, []), "period": m.period, "hedged": bool(m.hedged),
                 **_where(m)}
                for m in _first_of_each(money.get(aid, []), lambda m: (m.amount, m.amount_high, m.kind))
            ],
            "functions": [
                {"function": f.label, "status": f.status, **_where(f)}
                for f in _first_of_each(funcs.get(aid, []), lambda f: (f.label, f.status))
            ],
            "job_concerns": [{"stance": j.stance, "speaker": j.speaker, **_where(j)} for j in jobs.get(aid, [])],
            "collaborations": [
                {"name": c.name, "type": c.type, "forces": collab_forces.get(c.id, []), **_where(c)}
                for c in collabs.get(aid, [])
            ],
        }


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

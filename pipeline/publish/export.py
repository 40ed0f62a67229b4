"""Exports: the contract's JSON (``docs/EXTRACTION.md`` section 1), JSON Lines, and CSV.

CSV: one RFC 4180 UTF-8 file per table and per analyst view, header row first, columns in a
stable order (the schema's), rows in id order, plus a Frictionless ``datapackage.json`` that
describes every file and column. ``excel`` writes a byte-order mark, without which Excel shows
"£" wrongly. Filters restrict the articles (published since/until, naming a force) and the
money figures (kinds). A filtered CSV export holds only what the filtered articles and figures
give: every table derived from them, the people they name, and the views and summaries computed
from those rows alone. The reference tables (forces, functions) and the run log (ingest_runs,
ingest_errors) are whole; ``datapackage.json`` records the filters and marks each file
``"filtered": true`` or ``false``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import IO, Any

from sqlalchemy import Connection, Engine, Select, func, select

from pipeline.contract import EXPORT_FIELDS
from pipeline.storage.corrections import apply_corrections, corrections_by_article
from pipeline.storage.people import person_keys
from pipeline.storage.schema import (
    articles,
    collaboration_entities,
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

CONTRACT_FIELDS = EXPORT_FIELDS


def jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _by_article(conn: Connection, query, article_id: int | None = None) -> dict[int, list]:
    """Rows per article id (one article's only, when ``article_id`` is given)."""
    if article_id is not None:
        query = query.where(query.selected_columns.article_id == article_id)
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


def person_id(person_key: str) -> str:
    """A person's stable key in kebab case: 'Jane Doe|Kent Police' -> 'jane-doe-kent-police'."""
    return re.sub(r"[^a-z0-9]+", "-", person_key.lower()).strip("-")


def _where(item: Any) -> dict:
    return {"text": item.text, "sentence": item.idx, "start": item.start_char, "end": item.end_char}


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def _first_of_each(rows: list, key) -> list:
    """The first row for each key, in text order: a fact repeated in one article is one item."""
    return [group[0] for group in _groups(rows, key)]


@dataclass(frozen=True)
class ExportFilter:
    """Which articles and money figures an export holds; empty means everything."""

    since: date | None = None
    until: date | None = None
    force: str | None = None  # canonical force name
    kinds: tuple[str, ...] = ()

    def article_ids(self) -> Select | None:
        """A subquery of the article ids that pass, or None when articles are not filtered."""
        if self.since is None and self.until is None and self.force is None:
            return None
        query = select(articles.c.id)
        if self.since is not None:
            query = query.where(articles.c.published_at >= self.since)
        if self.until is not None:
            query = query.where(articles.c.published_at <= self.until)
        if self.force is not None:
            query = query.where(
                articles.c.id.in_(
                    select(force_mentions.c.article_id).join(forces).where(forces.c.name == self.force)
                )
            )
        return query

    def money_ids(self) -> Select | None:
        ids = self.article_ids()
        if ids is None and not self.kinds:
            return None
        query = select(money_figures.c.id)
        if ids is not None:
            query = query.where(money_figures.c.article_id.in_(ids))
        if self.kinds:
            query = query.where(money_figures.c.kind.in_(self.kinds))
        return query

    @property
    def active(self) -> bool:
        """True when the export keeps only some articles or money figures."""
        return self != NO_FILTER

    def as_dict(self) -> dict:
        return {"since": jsonable(self.since), "until": jsonable(self.until), "force": self.force,
                "kinds": list(self.kinds)}


NO_FILTER = ExportFilter()


def _groups(rows: list, key) -> list[list]:
    """Rows grouped by key, groups and rows in text order."""
    grouped: dict = {}
    for row in sorted(rows, key=lambda r: r.start_char):
        grouped.setdefault(key(row), []).append(row)
    return list(grouped.values())


def _merged_money(group: list, money_forces: dict[int, list[str]]) -> dict:
    """One item for a figure repeated in an article: the first mention's words, and what the
    mentions say between them (a headline often states the figure without its period or hedge)."""
    first = group[0]
    return {
        "amount": _number(first.amount), "amount_high": _number(first.amount_high), "currency": first.currency,
        "kind": first.kind,
        "forces": next((money_forces[m.id] for m in group if money_forces.get(m.id)), []),
        "period": next((m.period for m in group if m.period), None),
        "hedged": any(bool(m.hedged) for m in group),
        **_where(first),
    }


def article_documents(
    conn: Connection, flt: ExportFilter = NO_FILTER, *, article_id: int | None = None, corrected: bool = True,
) -> Iterator[dict]:
    """One contract document per article, in article id order.

    ``article_id`` keeps one article (the review window's page); ``corrected=False`` gives the facts as
    extracted, without the analysts' corrections (the review page shows both).
    """
    force_counts = _by_article(conn, (
        select(force_mentions.c.article_id, forces.c.name, func.count().label("mentions"),
               func.min(force_mentions.c.start_char).label("first"))
        .join(forces, forces.c.id == force_mentions.c.force_id)
        .group_by(force_mentions.c.article_id, forces.c.name)
        .order_by(force_mentions.c.article_id, "first")
    ), article_id)
    at = sentences.c.idx
    mention_force = forces.alias("mention_force")
    officials = _by_article(conn, (
        select(official_mentions, people.c.name, people.c.person_key, mention_force.c.name.label("force"), at)
        .join(people, people.c.id == official_mentions.c.person_id)
        .join(sentences, sentences.c.id == official_mentions.c.sentence_id)
        .outerjoin(mention_force, mention_force.c.id == official_mentions.c.force_id)
    ), article_id)
    money = _by_article(conn, select(money_figures, at).join(sentences, sentences.c.id == money_figures.c.sentence_id),
                        article_id)
    money_forces = _links(conn, money_figure_forces, "money_figure_id")
    funcs = _by_article(conn, (
        select(function_mentions, functions.c.label, at)
        .join(functions, functions.c.id == function_mentions.c.function_id)
        .join(sentences, sentences.c.id == function_mentions.c.sentence_id)
    ), article_id)
    jobs = _by_article(conn, (
        select(job_concerns, people.c.name.label("speaker"), at)
        .join(sentences, sentences.c.id == job_concerns.c.sentence_id)
        .outerjoin(people, people.c.id == job_concerns.c.speaker_id)
        .order_by(job_concerns.c.start_char)
    ), article_id)
    collabs = _by_article(conn, (
        select(collaborations, at, collaboration_entities.c.entity_key)
        .join(sentences, sentences.c.id == collaborations.c.sentence_id)
        .outerjoin(collaboration_entities, collaboration_entities.c.id == collaborations.c.entity_id)
        .order_by(collaborations.c.start_char)
    ), article_id)
    collab_forces = _links(conn, collaboration_forces, "collaboration_id")
    person_ids = person_keys(conn)
    fixes = corrections_by_article(conn) if corrected else {}
    article_query = select(articles).order_by(articles.c.id)
    if article_id is not None:
        article_query = article_query.where(articles.c.id == article_id)
    if (ids := flt.article_ids()) is not None:
        article_query = article_query.where(articles.c.id.in_(ids))
    for row in conn.execute(article_query):
        aid = row.id
        doc = {
            "article": {
                "id": aid, "source_path": row.source_path, "sha256": row.sha256, "title": row.title,
                "published_at": jsonable(row.published_at),
            },
            "forces": [{"name": r.name, "mentions": r.mentions} for r in force_counts.get(aid, [])],
            "officials": [
                {"name": o.name, "role": o.role, "acting": bool(o.acting), "force": o.force,
                 "person_id": person_ids.get(o.person_id) or person_id(o.person_key), **_where(o)}
                for o in _first_of_each(officials.get(aid, []), lambda o: (o.name, o.role))
            ],
            "money": [
                _merged_money(group, money_forces)
                for group in _groups(money.get(aid, []), lambda m: (m.amount, m.amount_high, m.kind))
                if not flt.kinds or group[0].kind in flt.kinds
            ],
            "functions": [
                {"function": f.label, "status": f.status, **_where(f)}
                for f in _first_of_each(funcs.get(aid, []), lambda f: (f.label, f.status))
            ],
            "job_concerns": [{"stance": j.stance, "speaker": j.speaker, **_where(j)} for j in jobs.get(aid, [])],
            "collaborations": [
                {"name": c.name, "type": c.type, "stage": c.stage, "forces": collab_forces.get(c.id, []),
                 "collaboration_id": c.entity_key, "stage_date": jsonable(c.stage_date), **_where(c)}
                for c in collabs.get(aid, [])
            ],
        }
        # Only an article with corrections gets the `corrected` keys: the others' documents stay as they were.
        yield apply_corrections(doc, fixes[row.sha256], row.text) if row.sha256 in fixes else doc


def export_json(engine: Engine, out: IO[str], flt: ExportFilter = NO_FILTER, *, lines: bool = False) -> int:
    """Write the JSON export (or JSON Lines: one article per line) to ``out``; returns the article count."""
    count = 0
    with engine.connect() as conn:
        if lines:
            for doc in article_documents(conn, flt):
                out.write(json.dumps(doc, ensure_ascii=False) + "\n")
                count += 1
            return count
        docs = list(article_documents(conn, flt))
    json.dump(docs, out, ensure_ascii=False, indent=2)
    out.write("\n")
    return len(docs)

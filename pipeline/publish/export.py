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

import csv
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, func, inspect, select, text, union
from sqlalchemy import types as sqltypes

from pipeline.contract import EXPORT_FIELDS
from pipeline.storage.schema import (
    Base,
    articles,
    collaboration_forces,
    collaborations,
    force_mentions,
    forces,
    function_mentions,
    functions,
    ingest_claims,
    job_concerns,
    money_figure_forces,
    money_figures,
    official_mentions,
    people,
    quotes,
    run_locks,
    sentences,
)

CONTRACT_FIELDS = EXPORT_FIELDS


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
        return {"since": _jsonable(self.since), "until": _jsonable(self.until), "force": self.force,
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


def article_documents(conn: Connection, flt: ExportFilter = NO_FILTER) -> Iterator[dict]:
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
    article_query = select(articles).order_by(articles.c.id)
    if (ids := flt.article_ids()) is not None:
        article_query = article_query.where(articles.c.id.in_(ids))
    for row in conn.execute(article_query):
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
                {"name": c.name, "type": c.type, "stage": c.stage, "forces": collab_forces.get(c.id, []), **_where(c)}
                for c in collabs.get(aid, [])
            ],
        }


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


# Views created by migration 0004 (collaborations_view re-created by 0005 with the stage), exported beside the
# tables, with what a row of each is.
VIEWS = {
    "officials_view": "One row per mention of a named official: who, role, acting, force, and the sentence.",
    "money_view": "One row per money figure: amount, kind, hedged, period, its forces and collaboration, and the sentence.",
    "functions_view": "One row per function mention: function, status (shared, proposed, excluded), and the sentence.",
    "job_concerns_view": "One row per sentence about jobs: stance, speaker with role and force, and the sentence.",
    "collaborations_view": "One row per collaboration an article describes: name, type, stage, its forces, and the sentence.",
    "force_summary": "Per force: articles naming it, partner forces, functions shared, savings claimed, job concerns.",
    "collaboration_summary": "Per collaboration name: articles, forces, dates, functions shared, savings claimed.",
    "year_summary": "Per publication year: articles, collaborations, savings claimed, job concerns.",
}
# Columns the views share, described once.
VIEW_COLUMNS = {
    "article_id": "the article (articles.id)",
    "article_title": "the article's headline",
    "published_at": "publication date where known",
    "source_path": "where the article was first read from",
    "sentence_index": "0-based position of the sentence in the article",
    "sentence": "the sentence the fact comes from",
    "evidence": "the words that state the fact (articles.text[start_char:end_char])",
    "start_char": "offset of the evidence in articles.text",
    "end_char": "offset one past the evidence",
    "forces": "the forces, '; '-separated, in name order",
}
# Coordination tables of running ingests: nothing for a researcher.
NOT_EXPORTED = {ingest_claims.name, run_locks.name}
FRICTIONLESS_TYPES = (
    (sqltypes.Boolean, "boolean"), (sqltypes.Integer, "integer"), (sqltypes.Numeric, "number"),
    (sqltypes.DateTime, "datetime"), (sqltypes.Date, "date"),
)


def _field_type(column_type: object) -> str:
    for sql_type, name in FRICTIONLESS_TYPES:
        if isinstance(column_type, sql_type):
            return name
    return "string"


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _jsonable(value)


def _kept(table, flt: ExportFilter) -> ColumnElement | None:
    """The condition a filtered export keeps a table's rows by; None when the table is exported whole."""
    ids, money = flt.article_ids(), flt.money_ids()
    if table is money_figures and money is not None:
        return table.c.id.in_(money)
    if table is money_figure_forces and money is not None:
        return table.c.money_figure_id.in_(money)
    if ids is None:
        return None
    if table is articles:
        return table.c.id.in_(ids)
    if "article_id" in table.c:
        return table.c.article_id.in_(ids)
    if table is collaboration_forces:
        return table.c.collaboration_id.in_(select(collaborations.c.id).where(collaborations.c.article_id.in_(ids)))
    if table is people:  # the people the kept articles name or quote
        return table.c.id.in_(union(
            select(official_mentions.c.person_id).where(official_mentions.c.article_id.in_(ids)),
            select(quotes.c.person_id).where(quotes.c.article_id.in_(ids)),
            select(job_concerns.c.speaker_id).where(job_concerns.c.article_id.in_(ids)),
        ))
    return None


def _table_query(table, flt: ExportFilter) -> Select:
    query = select(table)
    order = [c for c in table.primary_key.columns] or list(table.columns)[:1]
    if (kept := _kept(table, flt)) is not None:
        query = query.where(kept)
    return query.order_by(*order)


def _view_definition(conn: Connection, view: str) -> str:
    """The SELECT a view runs, as the database holds it."""
    if conn.dialect.name == "postgresql":
        return conn.execute(text("SELECT pg_get_viewdef(CAST(:v AS regclass), true)"), {"v": view}).scalar_one().rstrip("; \n")
    created = conn.execute(text("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = :v"), {"v": view}).scalar_one()
    return re.match(r"\s*CREATE\s+VIEW\s+\S+\s+AS\s+(.*)", created, re.DOTALL | re.IGNORECASE).group(1)


def _view_rows(conn: Connection, view: str, flt: ExportFilter) -> tuple[list[str], list]:
    """A view's rows; filtered, the view's own SQL runs on the kept rows only.

    Each filtered table is shadowed by a common table expression of the same name holding its kept
    rows (the expressions read the real tables by their schema-qualified names), so the view's SQL,
    summaries included, sees nothing else.
    """
    if not flt.active:
        result = conn.execute(text(f"SELECT * FROM {view}"))
    else:
        schema = "main" if conn.dialect.name == "sqlite" else conn.execute(text("SELECT current_schema()")).scalar_one()
        shadows = [
            select(table).where(kept).cte(table.name)
            for table in Base.metadata.sorted_tables if (kept := _kept(table, flt)) is not None
        ]
        query = select(text("*")).select_from(text(f"({_view_definition(conn, view)}) AS filtered_view")).add_cte(*shadows)
        result = conn.execution_options(schema_translate_map={None: schema}).execute(query)
    columns = list(result.keys())
    rows = [tuple(_boolean(c, v) for c, v in zip(columns, r, strict=True)) for r in result]
    return columns, rows


# View columns copied from boolean table columns (acting, hedged): SQLite hands them back as 0/1.
BOOLEAN_COLUMNS = {c.name for t in Base.metadata.sorted_tables for c in t.columns if isinstance(c.type, sqltypes.Boolean)}


def _boolean(column: str, value: Any) -> Any:
    return bool(value) if column in BOOLEAN_COLUMNS and value is not None else value


def _infer_type(values: list) -> str:
    present = [v for v in values if v is not None and v != ""]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "integer"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "number"
    if present and all(isinstance(v, date) for v in present):
        return "date"
    return "string"


def export_csv(engine: Engine, folder: Path, flt: ExportFilter = NO_FILTER, *, excel: bool = False) -> list[Path]:
    """Every table and view as CSV, and ``datapackage.json``; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if excel else "utf-8"
    written, resources = [], []

    def write(name: str, columns: list[str], rows: Iterator | list) -> Path:
        path = folder / f"{name}.csv"
        with path.open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_csv_value(v) for v in row])
        written.append(path)
        return path

    with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            if table.name in NOT_EXPORTED:
                continue
            write(table.name, [c.name for c in table.columns], conn.execute(_table_query(table, flt)))
            schema: dict[str, Any] = {
                "fields": [
                    {"name": c.name, "type": _field_type(c.type), **({"description": c.comment} if c.comment else {})}
                    for c in table.columns
                ],
            }
            if table.primary_key.columns:
                schema["primaryKey"] = [c.name for c in table.primary_key.columns]
            foreign = [
                {"fields": [fk.parent.name], "reference": {"resource": fk.column.table.name, "fields": [fk.column.name]}}
                for fk in table.foreign_keys
                if fk.column.table.name not in NOT_EXPORTED
            ]
            if foreign:
                schema["foreignKeys"] = foreign
            resources.append((table.name, table.comment, schema, _kept(table, flt) is not None))
        existing_views = set(inspect(conn).get_view_names())
        for view in VIEWS:
            if view not in existing_views:
                continue
            columns, rows = _view_rows(conn, view, flt)
            write(view, columns, rows)
            fields = [
                {"name": c, "type": "boolean" if c in BOOLEAN_COLUMNS else _infer_type([r[i] for r in rows]),
                 **({"description": VIEW_COLUMNS[c]} if c in VIEW_COLUMNS else {})}
                for i, c in enumerate(columns)
            ]
            resources.append((view, VIEWS[view], {"fields": fields}, True))
    package = {
        "profile": "tabular-data-package",
        "name": "forcewatch",
        "title": "forcewatch: UK police force collaborations extracted from news",
        **({"filters": flt.as_dict()} if flt.active else {}),
        "resources": [
            {"name": name, "path": f"{name}.csv", "profile": "tabular-data-resource", "format": "csv",
             "mediatype": "text/csv", "encoding": encoding, **({"description": about} if about else {}),
             **({"filtered": filtered} if flt.active else {}), "schema": schema}
            for name, about, schema, filtered in resources
        ],
    }
    path = folder / "datapackage.json"
    path.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    written.append(path)
    return written

"""CSV export: one RFC 4180 UTF-8 file per table and per analyst view, and a Frictionless
``datapackage.json`` describing every file and column. Filters (``ExportFilter``) apply to every file
derived from the articles; reference tables stay whole and are marked so.
"""


from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, Select, inspect, select, text, union
from sqlalchemy import types as sqltypes

from pipeline.publish.export import NO_FILTER, ExportFilter, jsonable
from pipeline.storage.schema import (
    Base,
    article_signatures,
    articles,
    collaboration_entities,
    collaboration_entity_forces,
    collaboration_forces,
    collaborations,
    ingest_claims,
    job_concerns,
    money_figure_forces,
    money_figures,
    official_mentions,
    people,
    quotes,
    run_locks,
)

VIEWS = {
    "officials_view": "One row per mention of a named official: who, role, acting, force, and the sentence.",
    "money_view": "One row per money figure: amount, kind, hedged, period, its forces and collaboration, and the sentence.",
    "functions_view": "One row per function mention: function, status (shared, proposed, excluded), and the sentence.",
    "job_concerns_view": "One row per sentence about jobs: stance, speaker with role and force, and the sentence.",
    "collaborations_view": "One row per collaboration an article describes: name, type, stage, its forces, and the sentence.",
    "force_summary": "Per force: articles naming it, partner forces, functions shared, savings claimed, job concerns.",
    "collaboration_summary": "Per collaboration name: articles, forces, dates, functions shared, savings claimed.",
    "year_summary": "Per publication year: articles, collaborations, savings claimed, job concerns.",
    "collaboration_entities_view": "Per collaboration entity (across articles): key, name, forces, mentions, articles, "
                                   "first and last seen.",
    "collaboration_timeline": "One row per mention of a collaboration entity: its date, stage, article and sentence.",
    "collaboration_entity_functions": "Per collaboration entity and function: status, articles, first and last seen.",
    "collaboration_entity_money": "One row per money figure of a mention of a collaboration entity.",
    "article_stories": "One row per article: its story (the lowest article id among it and its near-duplicates).",
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
    "entity_id": "the collaboration entity (collaboration_entities.id)",
    "entity_key": "the collaboration entity's stable key across articles",
    "entity_name": "the collaboration entity's name, where it has a distinctive one",
    "stage_date": "the date of the stage: the date stated, else the article's publication date",
    "corrected": "true when an analyst's correction changed or added this fact (table corrections)",
}
# Coordination tables of running ingests, and binary MinHash signatures: nothing for a researcher.
NOT_EXPORTED = {ingest_claims.name, run_locks.name, article_signatures.name}
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
    return jsonable(value)


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
    if "article_sha" in table.c:  # corrections and reviews: those of the kept articles
        return table.c.article_sha.in_(select(articles.c.sha256).where(articles.c.id.in_(ids)))
    if table is collaboration_forces:
        return table.c.collaboration_id.in_(select(collaborations.c.id).where(collaborations.c.article_id.in_(ids)))
    if table in (collaboration_entities, collaboration_entity_forces):  # the entities the kept mentions resolve to
        key = table.c.id if table is collaboration_entities else table.c.entity_id
        return key.in_(select(collaborations.c.entity_id).where(collaborations.c.article_id.in_(ids)))
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
BOOLEAN_COLUMNS.add("corrected")  # the fact views' flag (migration 0013), 0/1 on SQLite


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
            columns, rows = _view_rows(conn, view, flt)  # the fact views apply corrections themselves (0013)
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

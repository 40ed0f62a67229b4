"""What the review pages show: the filtered article list and one article with its facts and their review state.

The article page shows the facts as extracted beside the same facts with the corrections applied
(``apply_corrections``, the function every export uses), so what a reviewer sees is what the exports hold.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection, and_, exists, func, or_, select

from pipeline.publish.export import article_documents
from pipeline.review.highlight import Span
from pipeline.storage.corrections import DOC_KEYS, apply_corrections
from pipeline.storage.schema import (
    articles,
    collaborations,
    corrections,
    force_mentions,
    forces,
    function_mentions,
    job_concerns,
    money_figures,
    official_mentions,
    reviewed_articles,
)

PAGE_SIZE = 25
# The fact tables counted in the list, by the kind names corrections use.
COUNTED = {"force": force_mentions, "official": official_mentions, "money": money_figures,
           "function": function_mentions, "job_concern": job_concerns, "collaboration": collaborations}


@dataclass(frozen=True)
class ArticleFilter:
    """The list's search box and filters; empty values mean no filter."""

    q: str = ""
    force: str = ""
    date_from: date | None = None
    date_to: date | None = None
    has_money: bool = False
    has_jobs: bool = False
    not_reviewed: bool = False
    page: int = 1


def _conditions(flt: ArticleFilter) -> list:
    where = []
    if flt.q.strip():
        for word in flt.q.lower().split():  # every word, anywhere, any case; % and _ are plain characters
            where.append(or_(func.lower(articles.c.title).contains(word, autoescape=True),
                             func.lower(articles.c.text).contains(word, autoescape=True)))
    if flt.force:
        where.append(exists().where(force_mentions.c.article_id == articles.c.id, force_mentions.c.force_id == forces.c.id,
                                    forces.c.name == flt.force))
    if flt.date_from:
        where.append(articles.c.published_at >= flt.date_from)
    if flt.date_to:
        where.append(articles.c.published_at <= flt.date_to)
    if flt.has_money:
        where.append(exists().where(money_figures.c.article_id == articles.c.id))
    if flt.has_jobs:
        where.append(exists().where(job_concerns.c.article_id == articles.c.id))
    if flt.not_reviewed:
        where.append(~exists().where(reviewed_articles.c.article_sha == articles.c.sha256))
    return where


def article_list(conn: Connection, flt: ArticleFilter) -> tuple[list[dict], int]:
    """One page of matching articles (newest first) with their fact counts per kind, and the number of matches."""
    where = and_(True, *_conditions(flt))
    total = conn.execute(select(func.count()).select_from(articles).where(where)).scalar_one()
    counts = [
        select(func.count()).where(table.c.article_id == articles.c.id).scalar_subquery().label(kind)
        for kind, table in COUNTED.items()
    ]
    reviewed = exists().where(reviewed_articles.c.article_sha == articles.c.sha256).label("reviewed")
    query = (
        select(articles.c.id, articles.c.title, articles.c.published_at, articles.c.source_path, reviewed, *counts)
        .where(where)
        .order_by(articles.c.published_at.desc().nulls_last(), articles.c.id)
        .limit(PAGE_SIZE).offset((max(flt.page, 1) - 1) * PAGE_SIZE)
    )
    return [dict(row._mapping) for row in conn.execute(query)], total


def force_names(conn: Connection) -> list[str]:
    """Canonical force names, for the filter and the correction forms."""
    return list(conn.execute(select(forces.c.name).order_by(forces.c.name)).scalars())


@dataclass
class Fact:
    """One fact on the article page: as extracted (``original``), as the exports now hold it (``current``)."""

    kind: str
    start: int
    end: int
    original: dict | None
    current: dict | None
    state: str
    version: int
    mentions: list[tuple[int, int]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.kind}-{self.start}-{self.end}"

    @property
    def shown(self) -> dict:
        return self.current if self.current is not None else (self.original or {})


@dataclass
class ArticlePage:
    article: dict
    facts: list[Fact]
    history: list[dict]
    reviewed: dict | None

    @property
    def spans(self) -> list[Span]:
        out = []
        for fact in self.facts:
            for start, end in fact.mentions or [(fact.start, fact.end)]:
                out.append(Span(start, end, fact.kind, fact.id, fact.state))
        return out


def _article_corrections(conn: Connection, sha: str) -> list[dict]:
    import json

    rows = conn.execute(select(corrections).where(corrections.c.article_sha == sha).order_by(corrections.c.id))
    out = []
    for row in rows:
        item = dict(row._mapping)
        for key in ("old_value", "new_value"):
            item[key] = None if item[key] is None else json.loads(item[key])
        out.append(item)
    return out


def _state(current: dict | None, fact_corrections: list[dict]) -> str:
    if current is None:
        return "rejected"
    if current.get("corrected"):
        return "corrected"
    if fact_corrections and fact_corrections[-1]["action"] == "accept":
        return "accepted"
    return "extracted"


def article_page(conn: Connection, article_id: int) -> ArticlePage | None:
    """The article, every fact with its review state and version, and the corrections made to it; None if absent."""
    row = conn.execute(select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    raw = next(article_documents(conn, article_id=article_id, corrected=False))
    mentions: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for name, start, end in conn.execute(
        select(forces.c.name, force_mentions.c.start_char, force_mentions.c.end_char)
        .join(forces, forces.c.id == force_mentions.c.force_id)
        .where(force_mentions.c.article_id == article_id).order_by(force_mentions.c.start_char)
    ):
        mentions[name].append((start, end))
    history = _article_corrections(conn, row.sha256)
    # Tag every extracted fact, apply the corrections, and find each tagged fact again (or not: rejected).
    for key in DOC_KEYS.values():
        for n, item in enumerate(raw[key]):
            item["_ref"] = (key, n)
    fixed = apply_corrections(raw, history, row.text)
    by_ref = {item["_ref"]: item for key in DOC_KEYS.values() for item in fixed[key] if "_ref" in item}
    versions: dict[tuple, int] = {}
    per_fact: dict[tuple, list[dict]] = defaultdict(list)
    for c in history:
        versions[(c["fact_kind"], c["start_char"], c["end_char"])] = c["version"]
        per_fact[(c["fact_kind"], c["start_char"], c["end_char"])].append(c)
    facts: list[Fact] = []
    for kind, key in DOC_KEYS.items():
        for item in raw[key]:
            if kind == "force":
                spots = mentions.get(item["name"], [])
                start, end = spots[0] if spots else (0, 0)
            else:
                spots, start, end = [], item["start"], item["end"]
            current = by_ref.get(item["_ref"])
            own = per_fact[(kind, start, end)]
            facts.append(Fact(kind, start, end, _clean(item), _clean(current), _state(current, own),
                              versions.get((kind, start, end), 0), spots))
        for item in fixed[key]:
            if "_ref" in item:
                continue
            if kind == "force":  # the document lists forces by name: the offsets are the add's
                added = next((c for c in reversed(history) if c["action"] == "add" and c["fact_kind"] == kind
                              and (c["new_value"] or {}).get("name") == item.get("name")), None)
                if added is None:
                    continue
                start, end = added["start_char"], added["end_char"]
            else:
                start, end = item["start"], item["end"]
            facts.append(Fact(kind, start, end, None, _clean(item), "added", versions.get((kind, start, end), 0)))
    for item in (c for c in history if c["action"] == "add"):  # added, then rejected: listed so it can be restored
        spot = (item["fact_kind"], item["start_char"], item["end_char"])
        if not any((f.kind, f.start, f.end) == spot for f in facts):
            facts.append(Fact(*spot, item["new_value"], None, "rejected", versions.get(spot, 0)))
    reviewed = conn.execute(select(reviewed_articles).where(reviewed_articles.c.article_sha == row.sha256)).first()
    return ArticlePage(dict(row._mapping), facts, history, dict(reviewed._mapping) if reviewed else None)


def _clean(item: dict | None) -> dict[str, Any] | None:
    """A fact's attributes without the bookkeeping keys (offsets and evidence are shown apart)."""
    if item is None:
        return None
    return {k: v for k, v in item.items() if k not in {"_ref", "corrected", "start", "end", "text", "sentence"}}

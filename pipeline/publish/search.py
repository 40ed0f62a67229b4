"""Full-text search over sentences, with the facts extracted from each match.

SQLite: the FTS5 table ``sentences_fts`` (kept in step with ``sentences`` by triggers), ranked by
bm25. PostgreSQL: ``to_tsvector('english', text)`` against ``websearch_to_tsquery`` (a GIN index
serves it). Both created by migration 0004.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Engine, bindparam, select, text

from pipeline.storage.schema import (
    articles,
    force_mentions,
    forces,
    function_mentions,
    functions,
    job_concerns,
    money_figures,
    official_mentions,
    people,
)


def fts5_query(query: str) -> str:
    """Every word must occur; each is quoted so that '£2m' or 'Devon & Cornwall' cannot break the syntax."""
    terms = [t.replace('"', '""') for t in query.split()]
    return " ".join(f'"{t}"' for t in terms if t.strip('"'))


def matching_sentences(engine: Engine, query: str, limit: int = 20) -> list[dict]:
    """Sentences matching ``query``, best first, each with its article and its facts."""
    if not query.split():
        return []
    if engine.dialect.name == "sqlite":
        sql = text(
            "SELECT s.id, s.article_id, s.idx, s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
            "WHERE sentences_fts MATCH :q ORDER BY bm25(sentences_fts) LIMIT :n"
        )
        params = {"q": fts5_query(query), "n": limit}
    elif engine.dialect.name == "postgresql":
        sql = text(
            "SELECT s.id, s.article_id, s.idx, s.text FROM sentences s, websearch_to_tsquery('english', :q) query "
            "WHERE to_tsvector('english', s.text) @@ query "
            "ORDER BY ts_rank(to_tsvector('english', s.text), query) DESC, s.id LIMIT :n"
        )
        params = {"q": query, "n": limit}
    else:
        sql = text("SELECT s.id, s.article_id, s.idx, s.text FROM sentences s WHERE lower(s.text) LIKE :q LIMIT :n")
        params = {"q": f"%{query.lower()}%", "n": limit}
    with engine.connect() as conn:
        hits = [dict(r._mapping) for r in conn.execute(sql, params)]
        if not hits:
            return []
        ids = [h["id"] for h in hits]
        titles = dict(conn.execute(
            select(articles.c.id, articles.c.title).where(articles.c.id.in_({h["article_id"] for h in hits}))
        ).all())
        facts: dict[int, list[str]] = defaultdict(list)
        in_ids = bindparam("ids", expanding=True)
        for sid, name in conn.execute(
            select(force_mentions.c.sentence_id, forces.c.name).join(forces).where(force_mentions.c.sentence_id.in_(in_ids)),
            {"ids": ids},
        ):
            facts[sid].append(f"force: {name}")
        for sid, name, role in conn.execute(
            select(official_mentions.c.sentence_id, people.c.name, official_mentions.c.role)
            .join(people).where(official_mentions.c.sentence_id.in_(in_ids)), {"ids": ids},
        ):
            facts[sid].append(f"official: {name} ({role})")
        for sid, amount, kind, currency in conn.execute(
            select(money_figures.c.sentence_id, money_figures.c.amount, money_figures.c.kind, money_figures.c.currency)
            .where(money_figures.c.sentence_id.in_(in_ids)), {"ids": ids},
        ):
            facts[sid].append(f"money: {currency} {amount:,.0f} ({kind})")
        for sid, label, status in conn.execute(
            select(function_mentions.c.sentence_id, functions.c.label, function_mentions.c.status)
            .join(functions).where(function_mentions.c.sentence_id.in_(in_ids)), {"ids": ids},
        ):
            facts[sid].append(f"function: {label} ({status})")
        for sid, stance in conn.execute(
            select(job_concerns.c.sentence_id, job_concerns.c.stance).where(job_concerns.c.sentence_id.in_(in_ids)),
            {"ids": ids},
        ):
            facts[sid].append(f"job concern: {stance}")
    for hit in hits:
        hit["title"] = titles.get(hit["article_id"])
        hit["facts"] = sorted(set(facts[hit["id"]]), key=facts[hit["id"]].index)
    return hits

"""Full-text search over sentences, with the facts extracted from each match.

SQLite: the FTS5 table ``sentences_fts`` (kept in step with ``sentences`` by triggers), ranked by
bm25. PostgreSQL: ``to_tsvector('english', text)`` against ``websearch_to_tsquery`` (a GIN index
serves it). Both created by migration 0004.

Both tokenizers cut "£1.3m" into "1" and "3m", so a figure in the query ("£3m") is then also
checked against the sentence text as typed, as a whole figure: "£3m" does not find "£1.3m" or
"£3.5m".
"""

from __future__ import annotations

import re
from collections import defaultdict

from sqlalchemy import Engine, bindparam, select, text
from sqlalchemy.exc import DBAPIError

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


class SearchError(Exception):
    """A query that cannot be searched for; the message says why."""


def query_words(query: str) -> list[str]:
    """The words of the query that hold a letter or a digit (a lone '"' or '-' is no word to search for)."""
    return [w for w in query.replace("\x00", " ").split() if re.search(r"\w", w)]


def fts5_query(query: str) -> str:
    """Every word must occur; each is quoted so that '£2m' or 'Devon & Cornwall' cannot break the syntax."""
    return " ".join('"{}"'.format(w.replace('"', '""')) for w in query_words(query))


# Around a figure: no letter or digit, and no "1." or "1," before it or ".5" or ",000" after it.
FIGURE_EDGE_BEFORE, FIGURE_EDGE_AFTER = r"(?<!\w)(?<!\d[.,])", r"(?!\w)(?![.,]\d)"
QUOTES_AND_STOPS = "\"'“”‘’()[]{}.,;:!?"


def figure_patterns(query: str) -> list[re.Pattern]:
    """One pattern per word of the query that holds a digit, matching it only as a whole figure."""
    figures = [w.strip(QUOTES_AND_STOPS) for w in query_words(query) if any(c.isdigit() for c in w)]
    return [re.compile(FIGURE_EDGE_BEFORE + re.escape(f) + FIGURE_EDGE_AFTER, re.IGNORECASE) for f in figures if f]


def matching_sentences(engine: Engine, query: str, limit: int = 20) -> list[dict]:
    """Sentences matching ``query``, best first, each with its article and its facts.

    Raises SearchError for a query with no word to search for.
    """
    if not query_words(query):
        raise SearchError(f"nothing to search for in {query!r}: give a word or a figure")
    figures = figure_patterns(query)
    limited = "" if figures else " LIMIT :n"  # figures are checked below, on every candidate
    if engine.dialect.name == "sqlite":
        sql = text(
            "SELECT s.id, s.article_id, s.idx, s.text FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid "
            f"WHERE sentences_fts MATCH :q ORDER BY bm25(sentences_fts), s.id{limited}"
        )
        params = {"q": fts5_query(query), "n": limit}
    elif engine.dialect.name == "postgresql":
        sql = text(
            "SELECT s.id, s.article_id, s.idx, s.text FROM sentences s, websearch_to_tsquery('english', :q) query "
            "WHERE to_tsvector('english', s.text) @@ query "
            f"ORDER BY ts_rank(to_tsvector('english', s.text), query) DESC, s.id{limited}"
        )
        params = {"q": query.replace("\x00", " "), "n": limit}
    else:
        sql = text(f"SELECT s.id, s.article_id, s.idx, s.text FROM sentences s WHERE lower(s.text) LIKE :q{limited}")
        params = {"q": f"%{query.lower()}%", "n": limit}
    with engine.connect() as conn:
        try:
            rows = conn.execute(sql, params)
            hits = [dict(r._mapping) for r in rows if all(f.search(r.text) for f in figures)][:limit]
        except DBAPIError as exc:
            raise SearchError(f"cannot search for {query!r}: {getattr(exc, 'orig', exc)}") from None
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

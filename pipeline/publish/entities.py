"""Collaboration entities for people: each with its forces, stage history and claimed savings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, text

from pipeline.storage.people import person_keys


def collaboration_histories(engine: Engine, force: str | None = None, since: date | None = None) -> list[dict]:
    """Each entity (with a force named ``force``, mentioned on or after ``since``), most mentioned first.

    Savings: each distinct figure of kind savings tied to the entity's mentions, counted once
    however many articles repeat it.
    """
    params = {"force": force, "since": since}
    where = []
    if force:
        where.append("e.entity_id IN (SELECT ef.entity_id FROM collaboration_entity_forces ef "
                     "JOIN forces f ON f.id = ef.force_id WHERE f.name = :force)")
    if since:
        where.append("e.last_seen >= :since")
    sql = "SELECT * FROM collaboration_entities_view e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.articles DESC, e.entity_key"
    out = []
    with engine.connect() as conn:
        for row in conn.execute(text(sql), params).mappings():
            history = conn.execute(text(
                "SELECT stage_date, stage, article_title FROM collaboration_timeline WHERE entity_id = :id "
                "ORDER BY stage_date, article_id, collaboration_id"), {"id": row["entity_id"]}).mappings().all()
            savings = conn.execute(text(
                "SELECT DISTINCT amount, amount_high, period FROM collaboration_entity_money "
                "WHERE entity_id = :id AND kind = 'savings' AND currency = 'GBP' ORDER BY amount"),
                {"id": row["entity_id"]}).mappings().all()
            out.append({**row, "history": [dict(h) for h in history], "savings": [dict(s) for s in savings]})
    return out


def role_histories(engine: Engine, name: str | None = None) -> list[dict]:
    """Each named official (whose name contains ``name``, any case), with every (role, force) the articles
    give them and when: first and last publication date seen, and in how many articles.

    One person is one full name across articles and forces unless their roles cannot be one career
    (``pipeline.storage.people``): a chief constable who moves from one force to another is one history
    with two rows; a commissioner and a chief constable of the same name in two forces the same year
    are two people, each with its own ``person_id``.
    """
    sql = (
        "SELECT p.id AS pid, p.name AS name, m.role AS role, m.acting AS acting, f.name AS force, "
        "a.published_at AS published, m.article_id AS article "
        "FROM official_mentions m JOIN people p ON p.id = m.person_id "
        "JOIN articles a ON a.id = m.article_id LEFT JOIN forces f ON f.id = m.force_id "
    )
    params: dict = {}
    if name:
        sql += "WHERE LOWER(p.name) LIKE :pattern "
        params["pattern"] = "%" + name.lower().replace("%", "").replace("_", "") + "%"
    with engine.connect() as conn:
        keys = person_keys(conn)
        rows = list(conn.execute(text(sql), params).mappings())
    merged: dict[tuple, dict] = {}  # (person, role, acting, force): the people rows the person spans together
    for row in rows:
        got = merged.setdefault((keys[row["pid"]], row["role"], bool(row["acting"]), row["force"]),
                                {"name": row["name"], "dates": [], "articles": set()})
        got["articles"].add(row["article"])
        if row["published"] is not None:
            got["dates"].append(row["published"])
    people: dict[str, dict] = {}
    histories = sorted(merged.items(), key=lambda kv: (kv[1]["name"], kv[0][0], str(min(kv[1]["dates"], default="")),
                                                         kv[0][1], kv[0][3] or ""))
    for (person, role, acting, force), got in histories:
        entry = people.setdefault(person, {"name": got["name"], "person_id": person, "roles": []})
        entry["roles"].append({"role": role, "acting": acting, "force": force,
                               "first_seen": min(got["dates"], default=None),
                               "last_seen": max(got["dates"], default=None), "articles": len(got["articles"])})
    return list(people.values())

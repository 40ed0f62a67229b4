"""Collaboration entities for people: each with its forces, stage history and claimed savings."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, text


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

    One person is one name across forces: a chief constable who moves from one force to another is one
    history with two rows. Two different people of the same full name would share a history; the
    rows (role, force, dates) show where that happens.
    """
    sql = (
        "SELECT p.name AS name, m.role AS role, m.acting AS acting, f.name AS force, "
        "MIN(a.published_at) AS first_seen, MAX(a.published_at) AS last_seen, "
        "COUNT(DISTINCT m.article_id) AS articles "
        "FROM official_mentions m JOIN people p ON p.id = m.person_id "
        "JOIN articles a ON a.id = m.article_id LEFT JOIN forces f ON f.id = m.force_id "
    )
    params: dict = {}
    if name:
        sql += "WHERE LOWER(p.name) LIKE :pattern "
        params["pattern"] = "%" + name.lower().replace("%", "").replace("_", "") + "%"
    sql += "GROUP BY p.name, m.role, m.acting, f.name ORDER BY p.name, MIN(a.published_at), m.role, f.name"
    people: dict[str, dict] = {}
    with engine.connect() as conn:
        for row in conn.execute(text(sql), params).mappings():
            person = people.setdefault(row["name"], {"name": row["name"], "roles": []})
            person["roles"].append({k: row[k] for k in ("role", "acting", "force", "first_seen", "last_seen",
                                                        "articles")})
    return list(people.values())

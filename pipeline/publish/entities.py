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

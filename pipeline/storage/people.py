"""People across articles: the rows of ``people`` (one per full name and force) that are one person.

Within an article the officials stage already gives a surname-only or title-only later mention the full
name of the person it refers to, so every stored row carries a full name. Across articles a row joins
another of the same full name (compared as ``contract.name_key``: without case, honorifics or rank)
unless their mentions conflict: a role of another career (``CAREERS``: a police officer, an elected
commissioner, a politician, a member of staff) in another force within a year. So a chief constable
of Kent in 2010 and of Essex in 2015 are one person (a career in policing), as are a PCC whose force
one article gets wrong and the same PCC elsewhere; a PCC and a chief constable of the same name in
different forces in the same year are two. A role of no career ('other') conflicts with none.

Rows that do not conflict, directly or through a chain, are one person; the result depends only on
the stored rows, never on the order articles arrive in. A person's key is the kebab-case full name
('jane-doe'); when one name is several people, the one whose row key sorts first keeps it and each
other adds its force, or its career when it has no force ('jane-doe-essex-police').
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from pipeline.contract import name_key
from pipeline.storage.schema import articles, forces, official_mentions, people

CAREERS = {
    "chief_constable": "police", "deputy_chief_constable": "police", "assistant_chief_constable": "police",
    "police_officer": "police", "federation_representative": "police",
    "police_and_crime_commissioner": "elected", "deputy_police_and_crime_commissioner": "elected",
    "politician": "politician", "police_staff": "staff",
}
NEAR_YEARS = 1  # roles of two careers this many years apart or less are held by two people


@dataclass(frozen=True)
class Seen:
    """One mention of a person row: its career, force and publication date."""

    career: str | None
    force: str | None
    published: date | None


def conflict(a: Seen, b: Seen) -> bool:
    """Two mentions that cannot be one person: two careers, two forces, within ``NEAR_YEARS`` (or undated)."""
    if a.career is None or b.career is None or a.career == b.career or a.force == b.force:
        return False
    if a.published is None or b.published is None:
        return True
    return abs(a.published.year - b.published.year) <= NEAR_YEARS


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def linked_groups(keys: list[str], linked: Callable[[str, str], bool]) -> list[list[str]]:
    """The keys joined by ``linked`` directly or through a chain, each group sorted, the groups by first key."""
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if linked(a, b):
                ra, rb = root(a), root(b)
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[str, list[str]] = defaultdict(list)
    for k in sorted(keys):
        groups[root(k)].append(k)
    return sorted(groups.values())


def resolve_people(rows: dict[str, tuple[str, list[Seen]]]) -> dict[str, str]:
    """The person key of each row, from ``{row key: (full name, its mentions)}``: see the module docstring."""
    by_name: dict[str, list[str]] = defaultdict(list)
    for key, (name, _) in rows.items():
        by_name[name_key(name)].append(key)
    out = {}
    for keys in by_name.values():
        keys.sort()
        components = linked_groups(keys, lambda a, b: not any(conflict(x, y) for x in rows[a][1] for y in rows[b][1]))
        for n, members in enumerate(components):
            first = members[0]
            base = slug(rows[first][0])
            if n:
                seen = rows[first][1]
                tag = next((s.force for s in seen if s.force), None) or next((s.career for s in seen if s.career), "")
                base = f"{base}-{slug(tag)}" if tag else f"{base}-{n + 1}"
            for k in members:
                out[k] = base
    return out


def person_keys(conn: Connection) -> dict[int, str]:
    """The person key of every stored ``people`` row (by id): the rows one person spans share it."""
    keys = dict(conn.execute(select(people.c.id, people.c.person_key)).all())
    names = dict(conn.execute(select(people.c.id, people.c.name)).all())
    seen: dict[int, list[Seen]] = defaultdict(list)
    for pid, role, force, published in conn.execute(
        select(official_mentions.c.person_id, official_mentions.c.role, forces.c.name, articles.c.published_at)
        .join(articles, articles.c.id == official_mentions.c.article_id)
        .outerjoin(forces, forces.c.id == official_mentions.c.force_id)
    ):
        seen[pid].append(Seen(CAREERS.get(role), force, published))
    resolved = resolve_people({keys[pid]: (names[pid], seen[pid]) for pid in keys})
    return {pid: resolved[key] for pid, key in keys.items()}

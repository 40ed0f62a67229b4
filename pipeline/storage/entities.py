"""Collaboration entities: the mentions of one collaboration in many articles, as one row.

The rule (deterministic, idempotent, independent of the order articles arrive in):

- A mention belongs to a **group**: its family (a merger into one force, or any other collaboration)
  and its exact set of forces (in a merger, without the force the others merged into: ``partners``).
  A different set of forces is a different entity: a merger of some of an alliance's forces, or a
  unit grown to more forces, is a related entity, never the same one.
- Within a group, a mention with a **distinctive name** is the entity of that name. Names are
  compared without case, punctuation, the words of the members' force names ("Kent and Essex
  Serious Crime Directorate" = "Serious Crime Directorate") and an acronym of a longer name in the
  group ("WECTU"). A name made only of generic words ("the strategic alliance", "the tri-force
  programme", ``models/collaboration_entities.json``) or of the forces' initials ("BCH") is no name.
- A mention without one is the group's unnamed entity. (Joining it to the group's only named
  entity was tried: "the Kent and Essex partnership" is not their Serious Crime Directorate.)

Each stored article re-resolves the groups it touches (and the groups its old mentions were in,
when it is re-extracted) as a whole, so the result is a function of the stored mentions alone.
Entity keys are kebab-case: the name, or the family, then the short force names in order
("merger-cumbria-lancashire", "evolve-cleveland-durham-north-yorkshire").
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sqlalchemy import Connection, delete, insert, select, update

from pipeline.config import models_dir
from pipeline.contract import name_words
from pipeline.gazetteer import load_gazetteer
from pipeline.storage.dates import stated_date
from pipeline.storage.schema import (
    articles,
    collaboration_entities,
    collaboration_entity_forces,
    collaboration_forces,
    collaborations,
    forces,
    sentences,
)

FORCE_NOISE = {"police", "constabulary", "service", "force", "the", "of"}
MAX_KEY = 200


@dataclass(frozen=True)
class Lexicon:
    generic: frozenset[str]
    merger: re.Pattern


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    path = models_dir() / "collaboration_entities.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    merger = re.compile("|".join(f"(?:{p})" for p in data["merger_patterns"]), re.IGNORECASE)
    return Lexicon(frozenset(data["generic_name_words"]), merger)


def short_force(name: str) -> str:
    """'Avon and Somerset Constabulary' -> 'avon-and-somerset'."""
    return "-".join(w for w in name_words(name) if w not in FORCE_NOISE)


@lru_cache(maxsize=512)
def force_words(name: str) -> frozenset[str]:
    """Words that stand for a force in a collaboration's name: its short name and its areas."""
    force = load_gazetteer().by_name.get(name)
    areas = force.areas if force else ()
    return frozenset(w for part in (name, *areas) for w in name_words(part)) - FORCE_NOISE | {"and"}


def family(text: str) -> str:
    """'merger' for a merger into one force (by its words; the extracted type 'merger' also covers
    merging two forces' departments), else 'collaboration'."""
    return "merger" if lexicon().merger.search(text) else "collaboration"


def partners(force_names: tuple[str, ...], fam: str) -> tuple[str, ...]:
    """The forces of a mention's entity: in a merger, not the force the others merged into (the former
    Scottish forces and Police Scotland are the merger of the eight, told before or after it happened)."""
    if fam != "merger":
        return force_names
    by_name = load_gazetteer().by_name
    notes = [by_name[f].note or "" for f in force_names if f in by_name and by_name[f].kind == "former"]
    successors = {f for f in force_names if any(f"merged into {f}" in note for note in notes)}
    return tuple(f for f in force_names if f not in successors) if successors else force_names


def name_key(name: str | None, force_names: tuple[str, ...]) -> str | None:
    """The distinctive words of a collaboration's name, or None for no name or a generic one."""
    words = name_words(name or "")
    own = set().union(*(force_words(f) for f in force_names)) if force_names else set()
    kept = [w for w in words if w not in own]
    if not kept or all(w in lexicon().generic for w in kept):
        return None
    initials = sorted(short_force(f)[0] for f in force_names)
    if len(kept) == 1 and sorted(kept[0]) == initials:  # "BCH": the forces' initials
        return None
    return " ".join(kept)


def acronym(key: str) -> str:
    return "".join(w[0] for w in key.split() if w not in {"and", "of", "the", "for"})


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def entity_key(head: str, force_names: tuple[str, ...]) -> str:
    key = slug(" ".join([head, *(short_force(f) for f in force_names)]))
    if len(key) > MAX_KEY:
        key = f"{key[:MAX_KEY - 13]}-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
    return key


@dataclass(frozen=True)
class Mention:
    id: int
    name: str | None
    type: str | None
    forces: tuple[str, ...]  # canonical names, sorted
    text: str = ""

    @property
    def family(self) -> str:
        return family(self.text)


@dataclass(frozen=True)
class Resolved:
    key: str
    name: str | None
    family: str
    forces: tuple[str, ...]


def resolve_group(mentions: list[Mention]) -> dict[int, Resolved]:
    """The entity of each mention of one group (same family, same forces): see the module docstring."""
    if not mentions:
        return {}
    forces_ = mentions[0].forces
    fam = mentions[0].family
    keys = {m.id: name_key(m.name, forces_) for m in mentions}
    names = {k for k in keys.values() if k}
    # an acronym of a longer name in the group is that name ("WECTU" of "Wales Extremism and ...")
    acronyms = {keys[m.id]: acronym(" ".join(name_words(m.name))) for m in mentions if keys[m.id]}
    alias = {k: long for k in names for long in sorted(names)
             if long != k and " " not in k and k in {acronym(long), acronyms[long]}}
    keys = {mid: alias.get(k, k) if k else None for mid, k in keys.items()}
    names = {k for k in keys.values() if k}
    written: dict[str, Counter] = {k: Counter() for k in names}
    for m in mentions:
        if keys[m.id]:
            written[keys[m.id]][m.name.strip()] += 1
    out = {}
    for m in mentions:
        key = keys[m.id]
        if key is None:
            out[m.id] = Resolved(entity_key(fam, forces_), None, fam, forces_)
            continue
        # the name as most often written, the longest first among equals
        shown = sorted(written[key].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        out[m.id] = Resolved(entity_key(key, forces_), shown, fam, forces_)
    return out


Group = tuple[str, str]  # (family, force signature)


def signature(force_names: tuple[str, ...]) -> str:
    return "; ".join(force_names)


def _mentions(conn: Connection, ids: list[int]) -> list[Mention]:
    if not ids:
        return []
    names: dict[int, list[str]] = {}
    for cid, force in conn.execute(
        select(collaboration_forces.c.collaboration_id, forces.c.name)
        .join(forces, forces.c.id == collaboration_forces.c.force_id)
        .where(collaboration_forces.c.collaboration_id.in_(ids))
    ):
        names.setdefault(cid, []).append(force)
    rows = conn.execute(select(collaborations.c.id, collaborations.c.name, collaborations.c.type, collaborations.c.text)
                        .where(collaborations.c.id.in_(ids)).order_by(collaborations.c.id))
    return [Mention(r.id, r.name, r.type, partners(tuple(sorted(names.get(r.id, []))), family(r.text)), r.text)
            for r in rows]


def groups_of_article(conn: Connection, article_id: int) -> set[Group]:
    """The groups an article's stored mentions belong to (to re-resolve once they are replaced)."""
    rows = conn.execute(
        select(collaboration_entities.c.family, collaboration_entities.c.force_signature)
        .join(collaborations, collaborations.c.entity_id == collaboration_entities.c.id)
        .where(collaborations.c.article_id == article_id)
    )
    return {(r.family, r.force_signature) for r in rows}


def relink_groups(conn: Connection, groups: set[Group]) -> None:
    """Re-resolve groups whose mentions changed (an article's were deleted)."""
    for fam, sig in sorted(groups):
        stored = conn.execute(
            select(collaborations.c.id)
            .join(collaboration_entities, collaboration_entities.c.id == collaborations.c.entity_id)
            .where(collaboration_entities.c.family == fam, collaboration_entities.c.force_signature == sig)
        ).scalars().all()
        _store_group(conn, resolve_group(_mentions(conn, stored)))
    drop_orphans(conn)


def link_article(conn: Connection, article_id: int, also: set[Group] = frozenset()) -> None:
    """Resolve the article's collaboration mentions to entities, re-resolving every group touched."""
    ids = list(conn.execute(select(collaborations.c.id).where(collaborations.c.article_id == article_id)).scalars())
    published = conn.execute(select(articles.c.published_at).where(articles.c.id == article_id)).scalar()
    for cid, stage, sentence in conn.execute(select(collaborations.c.id, collaborations.c.stage, sentences.c.text)
                                             .join(sentences, sentences.c.id == collaborations.c.sentence_id)
                                             .where(collaborations.c.id.in_(ids))).all():
        stated = stated_date(sentence, published, stage)  # the date the sentence states, else the publication date
        conn.execute(update(collaborations).where(collaborations.c.id == cid).values(stage_date=stated or published))
    new = [m for m in _mentions(conn, ids) if len(m.forces) >= 2]
    groups: dict[Group, list[int]] = {}
    for m in new:
        groups.setdefault((m.family, signature(m.forces)), []).append(m.id)
    for group in also:
        groups.setdefault(group, [])
    for (fam, sig), own in sorted(groups.items()):
        stored = conn.execute(
            select(collaborations.c.id)
            .join(collaboration_entities, collaboration_entities.c.id == collaborations.c.entity_id)
            .where(collaboration_entities.c.family == fam, collaboration_entities.c.force_signature == sig)
        ).scalars().all()
        _store_group(conn, resolve_group(_mentions(conn, sorted({*own, *stored}))))
    drop_orphans(conn)


def _store_group(conn: Connection, resolved: dict[int, Resolved]) -> None:
    by_key: dict[str, list[int]] = {}
    for mid, r in resolved.items():
        by_key.setdefault(r.key, []).append(mid)
    for key, mids in by_key.items():
        r = resolved[mids[0]]
        eid = conn.execute(select(collaboration_entities.c.id).where(collaboration_entities.c.entity_key == key)).scalar()
        if eid is None:
            eid = conn.execute(insert(collaboration_entities).values(
                entity_key=key, name=r.name, family=r.family, force_signature=signature(r.forces),
            ).returning(collaboration_entities.c.id)).scalar_one()
            force_ids = conn.execute(select(forces.c.id).where(forces.c.name.in_(r.forces))).scalars().all()
            conn.execute(insert(collaboration_entity_forces), [{"entity_id": eid, "force_id": f} for f in sorted(force_ids)])
        else:
            conn.execute(update(collaboration_entities).where(collaboration_entities.c.id == eid).values(name=r.name))
        conn.execute(update(collaborations).where(collaborations.c.id.in_(mids)).values(entity_id=eid))


def drop_orphans(conn: Connection) -> None:
    """Entities no mention refers to any more (their articles were re-extracted or deleted)."""
    used = select(collaborations.c.entity_id).where(collaborations.c.entity_id.is_not(None))
    conn.execute(delete(collaboration_entities).where(collaboration_entities.c.id.not_in(used)))

"""The forces a collaboration can have: the article's force mentions, the lists they form, the forces a
sentence part leaves out, and the members of a merger.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Doc, Span

# the clause of a gazetteer note that names the force a former force became
SUCCESSOR_NOTE = re.compile(r"(?:merged into|replaced by)\s+(?:the\s+)?(.+?)(?:\s+(?:on|in)\s+.*)?$")


@dataclass(frozen=True)
class Mention:
    """A force named in the text: by the forces stage, or by an area name of a force the article names."""

    start: int  # token index
    end: int
    force: str


Group = tuple[Mention, ...]


class NotedForce(Protocol):
    """A gazetteer force: its canonical name, kind, country and note ('merged into Police Scotland in 2013')."""

    name: str
    kind: str
    country: str
    note: str | None


def article_mentions(forces: Iterable[Span], areas: Iterable[tuple[str, int, int]]) -> tuple[Mention, ...]:
    """The force mentions (``forces``, spans with the canonical name as ``kb_id_``) plus the area names
    (``areas``: force, start, end) of forces the article names, where no mention covers them ('Officers
    from Kent and Essex' after 'Kent Police and Essex Police'), in text order."""
    found = [Mention(s.start, s.end, s.kb_id_) for s in forces]
    named = {m.force for m in found}
    taken = {i for m in found for i in range(m.start, m.end)}
    for force, start, end in areas:
        if force in named and not taken.intersection(range(start, end)):
            found.append(Mention(start, end, force))
            taken.update(range(start, end))
    return tuple(sorted(found, key=lambda m: m.start))


def list_groups(doc: Doc, mentions: Iterable[Mention], joiners: frozenset[str]) -> tuple[Group, ...]:
    """Mentions that form one list ('Kent, Surrey and Sussex': at most three ``joiners`` between two), in
    text order."""
    groups: list[list[Mention]] = []
    for m in mentions:
        if groups:
            gap = doc[groups[-1][-1].end : m.start]
            if len(gap) <= 3 and all(t.lower_ in joiners for t in gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return tuple(tuple(g) for g in groups)


def excluded_forces(doc: Doc, part: Span, groups: Iterable[Group], except_phrases: Iterable[tuple[str, ...]]) -> frozenset[str]:
    """Forces a sentence part leaves out: the lists that start in it right after one of ``except_phrases``
    (word tuples), with or without 'the' between ('all except Lincolnshire', 'apart from Kent and Essex')."""
    out: set[str] = set()
    phrases = tuple(except_phrases)
    for group in groups:
        start = group[0].start
        if not part.start <= start < part.end:
            continue
        if start > part.start and doc[start - 1].lower_ == "the":
            start -= 1
        before = tuple(t.lower_ for t in doc[max(part.start, start - 4) : start])
        if any(before[len(before) - len(p) :] == p for p in phrases if len(p) <= len(before)):
            out.update(m.force for m in group)
    return frozenset(out)


def merger_successors(forces: Iterable[NotedForce]) -> dict[str, str]:
    """Former force -> the force it merged into, from the gazetteer notes ('merged into Police Scotland')."""
    forces = list(forces)
    names = {f.name for f in forces}
    out = {}
    for force in forces:
        match = SUCCESSOR_NOTE.search(force.note or "")
        if match and match.group(1) in names:
            out[force.name] = match.group(1)
    return out


def drop_successors(forces: list[str], successors: dict[str, str]) -> list[str]:
    """A merger's members are the forces that merge, not the force they became (unless that leaves one)."""
    merged_into = {successors[f] for f in forces if f in successors}
    kept = [f for f in forces if f not in merged_into]
    return kept if len(kept) >= 2 else forces


def country_forces(forces: Iterable[NotedForce], successors: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Country -> the forces a merger of all its forces would join: its territorial forces (Wales: four), or,
    where it has one, the former forces merged into it (Scotland: the eight before Police Scotland)."""
    forces = list(forces)
    out = {}
    for country in dict.fromkeys(f.country for f in forces):
        territorial = [f.name for f in forces if f.country == country and f.kind == "territorial"]
        if len(territorial) == 1:
            territorial = [f.name for f in forces if successors.get(f.name) == territorial[0]]
        if len(territorial) >= 2:
            out[country] = tuple(territorial)
    return out

"""The force gazetteer: every UK police force with its names (``models/forces.json``) and the context cues
that make an area name stand for a force (``models/force_context.json``).

Data, read by the forces stage (``pipeline.nlp.forces``) and by storage, which seeds the ``forces``
reference table from it; it imports nothing else of forcewatch's but the settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from pipeline.config import models_dir

NAME_SUFFIXES = ("Police", "Constabulary", "Police Force", "Police Service")
GAZETTEER_FILES = ("forces.json", "force_context.json")


@dataclass(frozen=True)
class Force:
    """One force of the gazetteer."""

    name: str
    kind: str
    country: str
    areas: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()
    note: str | None = None
    region: str | None = None  # England's regions (as the regional organised crime units group forces), Wales, ...
    hq: tuple[float, float] | None = None  # approximate (latitude, longitude) of its headquarters, for maps

    def names(self) -> set[str]:
        """Case-insensitive names: the official name, aliases, and '<area> Police' style forms."""
        out = {self.name, *self.aliases}
        out |= {f"{area} {suffix}" for area in self.areas for suffix in NAME_SUFFIXES}
        return out | {n.replace(" and ", " & ") for n in out} | {n.replace(" & ", " and ") for n in out}


@dataclass(frozen=True)
class ForceContext:
    """The cues that make an area name a force mention (see models/force_context.json)."""

    after: tuple[tuple[str, ...], ...]
    before_roles: frozenset[str]
    before_prepositions: frozenset[str]
    list_joiners: frozenset[str]
    list_heads: frozenset[str]
    list_openers: frozenset[str]
    collaboration_verbs: frozenset[str]
    not_before: frozenset[str]


@dataclass
class Gazetteer:
    """All forces, looked up by canonical name."""

    forces: list[Force]
    context: ForceContext
    by_name: dict[str, Force] = field(init=False)

    def __post_init__(self) -> None:
        self.by_name = {f.name: f for f in self.forces}

    @classmethod
    def from_data(cls, data: dict, ctx: dict) -> Gazetteer:
        """The gazetteer from the JSON objects of ``forces.json`` and ``force_context.json``."""
        forces = [
            Force(
                name=f["name"], kind=f["kind"], country=f["country"], areas=tuple(f.get("areas", ())),
                aliases=tuple(f.get("aliases", ())), abbreviations=tuple(f.get("abbreviations", ())),
                note=f.get("note"), region=f.get("region"),
                hq=tuple(f["hq"]) if f.get("hq") else None,
            )
            for f in data["forces"]
        ]
        context = ForceContext(
            after=tuple(tuple(words(p)) for p in ctx["after"]),
            before_roles=frozenset(ctx["before_roles"]),
            before_prepositions=frozenset(ctx["before_prepositions"]),
            list_joiners=frozenset(ctx["list_joiners"]),
            list_heads=frozenset(ctx["list_heads"]),
            list_openers=frozenset(ctx["list_openers"]),
            collaboration_verbs=frozenset(ctx["collaboration_verbs"]),
            not_before=frozenset(ctx.get("not_before", ())),
        )
        return cls(forces, context)

    @classmethod
    def load(cls, folder: Path | None = None) -> Gazetteer:
        folder = folder or models_dir()
        read = [json.loads((folder / file).read_text(encoding="utf-8")) for file in GAZETTEER_FILES]
        return cls.from_data(*read)


def words(phrase: str) -> list[str]:
    """Lower-cased tokens of a cue phrase, split like spaCy splits commas."""
    return phrase.lower().replace(",", " , ").split()


@lru_cache(maxsize=4)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    return Gazetteer.load(Path(folder) if folder else None)


def resolve_force_name(name: str) -> str | None:
    """The canonical force a name, alias, abbreviation or area stands for (case-insensitive), if any."""
    wanted = " ".join(name.lower().replace("&", "and").split())
    for force in load_gazetteer().forces:
        names = force.names() | set(force.abbreviations) | set(force.areas)
        if wanted in {" ".join(n.lower().replace("&", "and").split()) for n in names}:
            return force.name
    return None

"""The extraction contract in code: label vocabularies and one typed record per fact.

The contract itself is ``docs/EXTRACTION.md`` (a copy of ``../shared/spec/EXTRACTION.md``). Every
layer speaks these types: the NLP stages build them (``pipeline.nlp``), ``pipeline.nlp.extract``
adds sentence indexes, storage writes them (``pipeline.storage``), export and scoring read them
(``pipeline.publish``, ``pipeline.evaluation``). Facts are ``TypedDict``s, so they stay plain
dicts: msgpack-serialisable when ``nlp.pipe`` runs in several processes, and cheap to build.
Every fact carries its evidence: ``start_char``/``end_char`` (offsets into the article text)
and ``text``.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import NotRequired, TypedDict

ROLES = (
    "police_and_crime_commissioner", "deputy_police_and_crime_commissioner", "chief_constable",
    "deputy_chief_constable", "assistant_chief_constable", "police_officer", "police_staff",
    "federation_representative", "politician", "other",
)
MONEY_KINDS = ("savings", "budget", "budget_reduction", "funding_gap", "spending", "other")
FUNCTIONS = (
    "major_crime", "serious_organised_crime", "counter_terrorism", "civil_contingencies",
    "disaster_victim_identification", "custody", "criminal_justice", "ict", "information_management",
    "contact_management", "hr", "finance", "procurement", "fleet", "estates", "legal",
    "professional_standards", "training", "firearms", "firearms_licensing", "crime_recording", "forensics",
    "dogs", "roads_policing", "operational_support", "intelligence", "public_protection", "local_policing",
    "back_office",
)
FUNCTION_STATUSES = ("shared", "proposed", "excluded")
COLLABORATION_STAGES = ("proposed", "agreed", "operating", "expanded", "ended")
JOB_STANCES = ("concern", "possible", "uncertain", "ruled_out", "confirmed")


class Evidence(TypedDict):
    """Where a fact stands in the article text."""

    start_char: int
    end_char: int
    text: str


class ForceMention(Evidence):
    force: str  # canonical name (models/forces.json)


class Official(Evidence):
    """One mention of a named official."""

    name: str
    role: str  # one of ROLES
    acting: bool
    force: str | None


class Quote(Evidence):
    """Quoted or reported speech and its speaker (an official's name, or None)."""

    speaker: str | None
    direct: bool


class Collaboration(Evidence):
    name: str | None
    type: str | None
    forces: list[str]
    stage: str  # one of COLLABORATION_STAGES: what the article says about it at the time


class FunctionMention(Evidence):
    function: str  # one of FUNCTIONS
    status: str  # one of FUNCTION_STATUSES


class MoneyFigure(Evidence):
    amount: float | int
    amount_high: float | int | None
    currency: str
    kind: str  # one of MONEY_KINDS
    hedged: bool
    period: str | None
    period_start: str | None  # ISO date
    period_end: str | None
    forces: list[str]
    collaboration: NotRequired[int]  # index into the article's collaborations, for a combined figure


class JobConcern(Evidence):
    """A sentence about jobs; ``text`` is the whole sentence."""

    stance: str  # one of JOB_STANCES
    speaker: str | None


# The facts the NLP stages leave on a Doc: Doc extension attribute -> record type. The one list.
DOC_FACTS: dict[str, type] = {
    "officials": Official,
    "quotes": Quote,
    "collaborations": Collaboration,
    "functions": FunctionMention,
    "money": MoneyFigure,
    "job_concerns": JobConcern,
}

# The fields of the JSON export that the scorer reads (section 1 of the contract), in order.
EXPORT_FIELDS = ("forces", "officials", "money", "functions", "job_concerns", "collaborations")


# Honorifics are not part of an official's name (contract section 3).
HONORIFICS = {"sir", "lord", "dame", "dr", "mr", "mrs", "ms", "miss", "cllr", "baroness", "lady", "rt", "hon", "councillor"}


def name_words(text: str) -> list[str]:
    """Lower-cased words of a name, '&' read as 'and'."""
    text = text.lower().replace("&", " and ").replace("’", "'")
    return re.findall(r"[a-z0-9]+", text)


def name_key(name: str | None) -> str:
    """A person's name compared without case, punctuation and honorifics."""
    return " ".join(w for w in name_words(name or "") if w not in HONORIFICS)


@dataclass(frozen=True)
class Article:
    """One article ready for the NLP pipeline."""

    source: str
    text: str
    title: str | None
    published: date | None = None
    stamp: tuple[int, int] | None = None  # a file's (size, mtime_ns) just before it was read

    @property
    def sha256(self) -> str:
        return content_hash(self.text)


def content_hash(text: str) -> str:
    """The identity of an article: SHA-256 of its normalised text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Extraction:
    """Everything extracted from one article: sentences and the facts of every stage, with sentence indexes."""

    sentences: list[dict] = field(default_factory=list)
    force_mentions: list[ForceMention] = field(default_factory=list)
    officials: list[Official] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    collaborations: list[Collaboration] = field(default_factory=list)
    functions: list[FunctionMention] = field(default_factory=list)
    money: list[MoneyFigure] = field(default_factory=list)
    job_concerns: list[JobConcern] = field(default_factory=list)

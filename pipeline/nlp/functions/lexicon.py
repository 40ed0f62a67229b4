"""The lexicon of the functions stage: ``models/functions.json``, validated when loaded.

The rules read the frozen ``FunctionLexicon`` built from the file, with tuples and sets.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from pydantic import field_validator

from pipeline.contract import FUNCTIONS
from pipeline.nlp.lexicon import Lexicon
from pipeline.nlp.lexicon import load_lexicon as load_file

LEXICON_FILE = "functions.json"


class ExclusionCues(Lexicon):
    """The words that leave a function out of a collaboration (``excluded`` in functions.json)."""

    stay_verbs: list[str]
    scope_words: list[str]
    single_owners: list[str]
    distributive: list[str]
    negated: list[str]
    adverbs: list[str]
    particles: dict[str, list[str]]
    except_words: list[str]
    except_phrases: dict[str, list[str]]
    exclude_verbs: list[str]


class FunctionsFile(Lexicon):
    """``models/functions.json`` (its ``about`` explains every key)."""

    functions: dict[str, list[str]]
    headed: dict[str, list[str]]
    heads: list[str]
    verb_objects: dict[str, list[list[str]]]
    case_sensitive: dict[str, list[str]]
    blocked_after: dict[str, list[str]]
    blocked_before: dict[str, list[str]]
    title_before: list[str]
    title_after: list[str]
    excluded_only: list[str]
    not_shared_modifiers: list[str]
    single_possessives: list[str]
    counted_things: list[str]
    quantity_words: list[str]
    no_plural: list[str]
    noun_only: list[str]
    thing_verbs: list[str]
    bought_with: dict[str, list[str]]
    manner_heads: list[str]
    event_nouns: list[str]
    listed: dict[str, list[str]]
    apart_modifiers: list[str]
    apart_scopes: list[str]
    problem_words: list[str]
    activity_labels: dict[str, list[str]]
    shared_cues: list[str]
    partner_context: list[str]
    partner_cues: list[str]
    partner_verbs: list[str]
    partner_nouns: list[str]
    personal_pronouns: list[str]
    police_subjects: list[str]
    national_words: list[str]
    national_modifiers: list[str]
    loss_governors: list[str]
    source_verbs: list[str]
    worker_nouns: list[str]
    force_nouns: list[str]
    plural_force_words: list[str]
    list_verbs: list[str]
    list_words: list[str]
    arrangement_nouns: list[str]
    arrangement_possessives: list[str]
    part_words: list[str]
    bullets: list[str]
    proposed_cues: list[str]
    excluded: ExclusionCues
    generic: dict[str, list[str]]
    example_words: list[str]

    @field_validator("functions", "headed", "listed", "verb_objects", "case_sensitive", "generic", "activity_labels")
    @classmethod
    def labels_from_the_contract(cls, value: dict) -> dict:
        unknown = set(value) - set(FUNCTIONS)
        if unknown:
            raise ValueError(f"labels not in the contract: {sorted(unknown)}")
        return value


@dataclass(frozen=True)
class FunctionLexicon:
    """What the rules read (see ``models/functions.json``)."""

    functions: dict[str, tuple[str, ...]]
    headed: dict[str, tuple[str, ...]]
    heads: tuple[str, ...]
    verb_objects: dict[str, tuple[tuple[str, ...], ...]]
    case_sensitive: dict[str, tuple[str, ...]]
    blocked_after: dict[str, frozenset[str]]
    blocked_before: dict[str, frozenset[str]]
    title_before: tuple[tuple[str, ...], ...]
    title_after: frozenset[str]
    excluded_only: frozenset[str]
    not_shared_modifiers: frozenset[str]
    single_possessives: frozenset[str]
    counted_things: frozenset[str]
    quantity_words: frozenset[str]
    no_plural: frozenset[str]
    noun_only: frozenset[str]
    thing_verbs: frozenset[str]
    bought_with: dict[str, frozenset[str]]  # 'pay for': a verb -> the prepositions it buys through
    manner_heads: frozenset[str]  # 'intelligence-led'
    event_nouns: frozenset[str]
    listed: dict[str, tuple[str, ...]]
    apart_modifiers: frozenset[str]
    apart_scopes: frozenset[str]
    problem_words: frozenset[str]
    activity_labels: dict[str, frozenset[str]]
    shared_cues: tuple[str, ...]
    partner_context: tuple[str, ...]
    partner_cues: tuple[str, ...]
    partner_verbs: frozenset[str]
    partner_nouns: frozenset[str]
    personal_pronouns: frozenset[str]
    police_subjects: frozenset[str]
    national_words: frozenset[str]
    national_modifiers: frozenset[str]  # 'common national standards for training'
    loss_governors: frozenset[str]
    source_verbs: frozenset[str]  # 'the lost posts will come from ...'
    worker_nouns: frozenset[str]
    force_nouns: frozenset[str]
    plural_force_words: frozenset[str]
    list_verbs: frozenset[str]
    list_words: frozenset[str]
    arrangement_nouns: frozenset[str]
    arrangement_possessives: frozenset[str]
    part_words: frozenset[str]
    bullets: frozenset[str]
    proposed_cues: tuple[str, ...]
    stay_verbs: frozenset[str]
    scope_words: frozenset[str]
    single_owners: frozenset[str]
    distributive: frozenset[str]
    negated: frozenset[str]
    adverbs: frozenset[str]
    particles: dict[str, frozenset[str]]
    except_words: frozenset[str]
    except_phrases: dict[str, frozenset[str]]
    exclude_verbs: frozenset[str]
    generic: dict[str, frozenset[str]]
    example_words: frozenset[str]

    @classmethod
    def from_lexicon(cls, lex: FunctionsFile) -> FunctionLexicon:
        """Every list as a tuple or a set, as the field's type says (the 'excluded' cues read as fields)."""
        values = {**lex.model_dump(), **lex.excluded.model_dump()}
        return cls(**{f.name: frozen_value(values[f.name], str(f.type)) for f in fields(cls)})


_CONVERTERS: dict[str, Callable[[Any], Any]] = {
    "frozenset[str]": frozenset,
    "tuple[str, ...]": tuple,
    "tuple[tuple[str, ...], ...]": lambda v: tuple(tuple(phrase.split()) for phrase in v),
}


def frozen_value(value: Any, kind: str) -> Any:
    """A JSON value as the frozen type ``kind`` names ('dict[str, frozenset[str]]': a dict of sets)."""
    if kind.startswith("dict[str, "):
        inner = kind[len("dict[str, ") : -1]
        if inner == "tuple[tuple[str, ...], ...]":
            return {k: tuple(tuple(item) for item in v) for k, v in value.items()}
        return {k: frozen_value(v, inner) for k, v in value.items()}
    return _CONVERTERS[kind](value)


def load_lexicon(folder: str | None = None) -> FunctionLexicon:
    """The function lexicon of ``models/functions.json`` (or of ``folder``)."""
    return FunctionLexicon.from_lexicon(load_file(FunctionsFile, LEXICON_FILE, folder))

"""The lexicon of the functions stage: ``models/functions.json``, validated when loaded.

The rules read the frozen ``FunctionLexicon`` built from the file, with tuples and sets.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    listed: dict[str, list[str]]
    apart_modifiers: list[str]
    apart_scopes: list[str]
    problem_words: list[str]
    activity_labels: dict[str, list[str]]
    shared_cues: list[str]
    partner_context: list[str]
    partner_cues: list[str]
    partner_verbs: list[str]
    police_subjects: list[str]
    national_words: list[str]
    force_nouns: list[str]
    plural_force_words: list[str]
    list_verbs: list[str]
    list_words: list[str]
    bullets: list[str]
    proposed_cues: list[str]
    proposed_before: list[str]
    proposed_adverbs: list[str]
    plan_nouns: list[str]
    excluded: ExclusionCues
    generic: dict[str, list[str]]

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
    listed: dict[str, tuple[str, ...]]
    apart_modifiers: frozenset[str]
    apart_scopes: frozenset[str]
    problem_words: frozenset[str]
    activity_labels: dict[str, frozenset[str]]
    shared_cues: tuple[str, ...]
    partner_context: tuple[str, ...]
    partner_cues: tuple[str, ...]
    partner_verbs: frozenset[str]
    police_subjects: frozenset[str]
    national_words: frozenset[str]
    force_nouns: frozenset[str]
    plural_force_words: frozenset[str]
    list_verbs: frozenset[str]
    list_words: frozenset[str]
    bullets: frozenset[str]
    proposed_cues: tuple[str, ...]
    proposed_before: frozenset[str]
    proposed_adverbs: frozenset[str]
    plan_nouns: frozenset[str]
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

    @classmethod
    def from_lexicon(cls, lex: FunctionsFile) -> FunctionLexicon:
        ex = lex.excluded
        sets = {k: frozenset(v) for k, v in lex.model_dump().items() if k in _SET_KEYS}
        return cls(
            **sets,
            functions={k: tuple(v) for k, v in lex.functions.items()},
            headed={k: tuple(v) for k, v in lex.headed.items()},
            listed={k: tuple(v) for k, v in lex.listed.items()},
            heads=tuple(lex.heads),
            verb_objects={k: tuple(tuple(pair) for pair in v) for k, v in lex.verb_objects.items()},
            case_sensitive={k: tuple(v) for k, v in lex.case_sensitive.items()},
            blocked_after={k: frozenset(v) for k, v in lex.blocked_after.items()},
            blocked_before={k: frozenset(v) for k, v in lex.blocked_before.items()},
            title_before=tuple(tuple(p.split()) for p in lex.title_before),
            activity_labels={k: frozenset(v) for k, v in lex.activity_labels.items()},
            shared_cues=tuple(lex.shared_cues),
            partner_context=tuple(lex.partner_context),
            partner_cues=tuple(lex.partner_cues),
            proposed_cues=tuple(lex.proposed_cues),
            stay_verbs=frozenset(ex.stay_verbs),
            scope_words=frozenset(ex.scope_words),
            single_owners=frozenset(ex.single_owners),
            distributive=frozenset(ex.distributive),
            negated=frozenset(ex.negated),
            adverbs=frozenset(ex.adverbs),
            particles={k: frozenset(v) for k, v in ex.particles.items()},
            except_words=frozenset(ex.except_words),
            except_phrases={k: frozenset(v) for k, v in ex.except_phrases.items()},
            exclude_verbs=frozenset(ex.exclude_verbs),
            generic={k: frozenset(v) for k, v in lex.generic.items()},
        )


_SET_KEYS = {
    "title_after", "excluded_only", "not_shared_modifiers", "single_possessives", "counted_things",
    "apart_modifiers", "apart_scopes", "problem_words", "partner_verbs", "police_subjects", "national_words",
    "force_nouns", "plural_force_words", "list_verbs", "list_words", "bullets", "proposed_before",
    "proposed_adverbs", "plan_nouns",
}


def load_lexicon(folder: str | None = None) -> FunctionLexicon:
    """The function lexicon of ``models/functions.json`` (or of ``folder``)."""
    return FunctionLexicon.from_lexicon(load_file(FunctionsFile, LEXICON_FILE, folder))

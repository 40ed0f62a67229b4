"""The lexicon of the collaborations stage: ``models/collaborations.json`` (its own cues) and the shared
words of ``models/words.json`` it reads (list joiners, quote marks, speech verbs, possessives).

The files are validated by pydantic models when loaded (a missing or mistyped key is named with its
file); the rules read the frozen ``CollaborationCues`` built from them, with sets for membership tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pipeline.nlp.collaborations.stage import StageWords
from pipeline.nlp.lexicon import Lexicon, Words, load_lexicon, load_words

LEXICON_FILE = "collaborations.json"


class CollaborationsFile(Lexicon):
    """``models/collaborations.json`` (its ``about`` explains every key)."""

    cue_lemmas: list[str]
    cue_phrases: list[str]
    cue_patterns: list[list[dict]]
    type_words: list[tuple[str, str]]
    name_heads: list[str]
    name_nouns: list[str]
    name_joiners: list[str]
    name_modifier_deps: list[str]
    named_phrases: list[str]
    reference_nouns: list[str]
    neighbour_nouns: list[str]
    numbers: dict[str, int]
    clause_breaks: list[str]
    not_name_words: list[str]
    event_nouns: list[str]
    aggregate_nouns: list[str]
    join_verbs: list[str]
    except_phrases: list[str]
    subset_pronouns: list[str]
    stage_cues: dict[Literal["ended", "expanded", "agreed", "existing", "proposal", "tentative"], list[str]]
    stage_verb_only: list[str]
    sharing_verbs: list[str]
    future_modals: list[str]
    tentative_modals: list[str]
    stage_negators: list[str]
    alone_phrases: list[str]
    stage_object_verbs: list[str]
    group_openers: list[str]
    people_nouns: list[str]
    owner_words: list[str]
    owner_verbs: list[str]
    definite_determiners: list[str]
    country_words: dict[str, str]
    function_nouns: list[str]


@dataclass(frozen=True)
class CollaborationCues:
    """What the rules read: the stage's cues and the shared words, as tuples and sets."""

    cue_lemmas: tuple[str, ...]
    cue_phrases: tuple[str, ...]
    cue_patterns: tuple[list[dict], ...]
    type_words: tuple[tuple[str, str], ...]
    name_heads: frozenset[str]
    name_nouns: frozenset[str]
    name_joiners: frozenset[str]
    name_modifier_deps: frozenset[str]
    named_phrases: tuple[str, ...]
    reference_nouns: tuple[str, ...]
    neighbour_nouns: frozenset[str]
    numbers: dict[str, int]
    clause_breaks: frozenset[str]
    not_name_words: frozenset[str]
    event_nouns: frozenset[str]
    aggregate_nouns: frozenset[str]
    join_verbs: frozenset[str]
    except_phrases: tuple[tuple[str, ...], ...]
    subset_pronouns: frozenset[str]
    stage: StageWords
    alone_phrases: tuple[str, ...]
    group_openers: frozenset[str]
    people: frozenset[str]
    owner_words: frozenset[str]
    owner_verbs: frozenset[str]
    definite_determiners: frozenset[str]
    country_words: dict[str, str]
    function_nouns: frozenset[str]
    possessives: frozenset[str]
    list_joiners: frozenset[str]
    quote_marks: frozenset[str]
    speech_verbs: frozenset[str]

    @classmethod
    def from_lexicons(cls, lex: CollaborationsFile, words: Words) -> CollaborationCues:
        return cls(
            cue_lemmas=tuple(lex.cue_lemmas),
            cue_phrases=tuple(lex.cue_phrases),
            cue_patterns=tuple(lex.cue_patterns),
            type_words=tuple(lex.type_words),
            name_heads=frozenset(lex.name_heads),
            name_nouns=frozenset(lex.name_nouns),
            name_joiners=frozenset(lex.name_joiners),
            name_modifier_deps=frozenset(lex.name_modifier_deps),
            named_phrases=tuple(lex.named_phrases),
            reference_nouns=tuple(lex.reference_nouns),
            neighbour_nouns=frozenset(lex.neighbour_nouns),
            numbers=dict(lex.numbers),
            clause_breaks=frozenset(lex.clause_breaks),
            not_name_words=frozenset(lex.not_name_words),
            event_nouns=frozenset(lex.event_nouns),
            aggregate_nouns=frozenset(lex.aggregate_nouns),
            join_verbs=frozenset(lex.join_verbs),
            except_phrases=tuple(tuple(p.split()) for p in lex.except_phrases),
            subset_pronouns=frozenset(lex.subset_pronouns),
            stage=StageWords(
                cues={signal: tuple(words) for signal, words in lex.stage_cues.items()},
                verb_only=frozenset(lex.stage_verb_only),
                sharing_verbs=frozenset(lex.sharing_verbs),
                future_modals=frozenset(lex.future_modals),
                tentative_modals=frozenset(lex.tentative_modals),
                negators=frozenset(lex.stage_negators),
                object_verbs=frozenset(lex.stage_object_verbs),
            ),
            alone_phrases=tuple(lex.alone_phrases),
            group_openers=frozenset(lex.group_openers),
            people=frozenset(lex.people_nouns),
            owner_words=frozenset(lex.owner_words),
            owner_verbs=frozenset(lex.owner_verbs),
            definite_determiners=frozenset(lex.definite_determiners),
            country_words=dict(lex.country_words),
            function_nouns=frozenset(lex.function_nouns),
            possessives=frozenset(words.possessives),
            list_joiners=frozenset(words.list_joiners),
            quote_marks=frozenset(words.quote_marks),
            speech_verbs=frozenset(words.speech_verbs),
        )


@lru_cache(maxsize=4)
def load_cues(folder: str | None = None) -> CollaborationCues:
    """The cues of ``models/`` (or of ``folder``), validated."""
    return CollaborationCues.from_lexicons(load_lexicon(CollaborationsFile, LEXICON_FILE, folder), load_words(folder))

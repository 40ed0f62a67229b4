"""The job concerns stage's lexicon: ``models/jobs.json`` (its own cues) and the shared words of
``models/words.json`` it reads (speech verbs).

The files are validated by pydantic models when loaded (a missing or mistyped key is named with its
file); the rules read the frozen ``JobCues`` built from them, with sets for membership tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import field_validator

from pipeline.contract import ROLES
from pipeline.nlp.lexicon import Lexicon, Words, load_lexicon, load_words

LEXICON_FILE = "jobs.json"
# the cue phrases matched word by word on lemmas (``hits`` of a sentence, by this label)
PHRASE_LABELS = ("job_phrases", "uncertain", "not_ruled_out", "ruled_out", "concern", "warn")
GOVERNOR_HOPS = 3  # 'the impact on jobs': jobs -> on -> impact -> (its verb)
PREDICATE_HOPS = 2  # 'jobs are at risk': risk -> at -> are


class JobsLexicon(Lexicon):
    """``models/jobs.json`` (its ``about`` explains every key)."""

    job_nouns: list[str]
    people_nouns: list[str]
    count_nouns: list[str]
    loss_words: list[str]
    keep_words: list[str]
    people_loss_words: list[str]
    job_phrases: list[str]
    uncertain: list[str]
    ruled_out: list[str]
    not_ruled_out: list[str]
    concern: list[str]
    warn: list[str]
    possible: list[str]
    hedges: list[str]
    negations: list[str]
    union_words: list[str]
    union_roles: list[str]
    person_pronouns: list[str]
    refill_words: list[str]
    ask_verbs: list[str]
    question_words: list[str]
    conditions: list[str]
    criticism_modals: list[str]
    empty_words: list[str]
    outcome_verbs: list[str]
    rescue_words: list[str]
    partitive_prepositions: list[str]
    clause_links: list[str]

    @field_validator("union_roles")
    @classmethod
    def roles_of_the_contract(cls, value: list[str]) -> list[str]:
        unknown = set(value) - set(ROLES)
        if unknown:
            raise ValueError(f"roles not in the contract: {sorted(unknown)}")
        return value


@dataclass(frozen=True)
class JobCues:
    """What the rules read: the stage's cues, the shared speech verbs and the stage's settings."""

    job_nouns: frozenset[str]
    people_nouns: frozenset[str]
    count_nouns: frozenset[str]
    loss_words: frozenset[str]
    keep_words: frozenset[str]
    people_loss_words: frozenset[str]
    phrases: dict[str, tuple[str, ...]]  # label of PHRASE_LABELS -> its phrases
    possible: frozenset[str]
    possible_before: tuple[tuple[str, ...], ...]  # the phrases of 'possible' of several words ('up to'), split
    hedges: frozenset[str]
    negations: frozenset[str]
    union_words: frozenset[str]
    union_roles: frozenset[str]
    person_pronouns: frozenset[str]
    refill_words: frozenset[str]
    ask_verbs: frozenset[str]
    question_words: frozenset[str]
    conditions: frozenset[str]
    criticism_modals: frozenset[str]
    empty_words: frozenset[str]
    outcome_verbs: frozenset[str]
    rescue_words: frozenset[str]
    partitive_prepositions: frozenset[str]
    clause_links: frozenset[str]
    speech_verbs: frozenset[str]
    governing: frozenset[str]  # the words that say what happens to a job: of loss or of keeping
    governor_hops: int = GOVERNOR_HOPS
    predicate_hops: int = PREDICATE_HOPS

    @classmethod
    def from_lexicons(
        cls, lex: JobsLexicon, words: Words, governor_hops: int = GOVERNOR_HOPS, predicate_hops: int = PREDICATE_HOPS
    ) -> JobCues:
        sets = {
            name: frozenset(getattr(lex, name)) for name in JobsLexicon.model_fields if name not in PHRASE_LABELS
        }
        return cls(
            **sets,
            phrases={label: tuple(getattr(lex, label)) for label in PHRASE_LABELS},
            possible_before=tuple(tuple(p.split()) for p in lex.possible if len(p.split()) > 1),
            speech_verbs=frozenset(words.speech_verbs),
            governing=frozenset(lex.loss_words) | frozenset(lex.keep_words),
            governor_hops=governor_hops,
            predicate_hops=predicate_hops,
        )


@lru_cache(maxsize=4)
def load_cues(folder: str | None = None) -> JobCues:
    """The cues of ``models/`` (or of ``folder``), validated, with the default settings."""
    return JobCues.from_lexicons(load_lexicon(JobsLexicon, LEXICON_FILE, folder), load_words(folder))

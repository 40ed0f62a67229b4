"""The job concerns stage's lexicon: ``models/jobs.json`` (its own cues) and the shared words of
``models/words.json`` it reads (speech verbs).

The files are validated by pydantic models when loaded (a missing or mistyped key is named with its
file); the rules read the frozen ``JobCues`` built from them, with sets for membership tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import field_validator
from spacy.tokens import Token

from pipeline.contract import ROLES
from pipeline.nlp.lexicon import Lexicon, Words, load_lexicon, load_words

LEXICON_FILE = "jobs.json"
# the cue phrases matched word by word on lemmas (``hits`` of a sentence, by this label)
PHRASE_LABELS = ("job_phrases", "uncertain", "not_ruled_out", "ruled_out", "concern", "warn")
GOVERNOR_HOPS = 3  # 'the impact on jobs': jobs -> on -> impact -> (its verb)
PREDICATE_HOPS = 2  # 'jobs are at risk': risk -> at -> are
MAPPINGS = ("lemma_fixes", "verb_prepositions")  # the keys that map words to words, not lists


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
    partitive_nouns: list[str]
    clause_links: list[str]
    lemma_fixes: dict[str, str]
    headcount_words: list[str]
    departure_verbs: list[str]
    departure_places: list[str]
    departure_objects: list[str]
    quantifiers: list[str]
    fewer_words: list[str]
    fewer_verbs: list[str]
    particle_losses: list[str]
    needed_words: list[str]
    redundant_words: list[str]
    plural_only: list[str]
    idiom_verbs: list[str]
    verb_prepositions: dict[str, list[str]]
    release_verbs: list[str]
    redeploy_words: list[str]
    move_words: list[str]
    role_words: list[str]
    people_keep_words: list[str]
    strength_holders: list[str]
    level_words: list[str]
    wastage_words: list[str]
    forecast_words: list[str]
    risk_words: list[str]
    plan_words: list[str]
    considered_words: list[str]
    cancel_words: list[str]
    foresee_words: list[str]
    ability_verbs: list[str]
    not_unions: list[str]
    report_modals: list[str]
    approve_words: list[str]
    injury_causes: list[str]
    only_verbs: list[str]
    only_words: list[str]
    individual_possessives: list[str]
    collective_people: list[str]
    wastage_verbs: list[str]
    offer_words: list[str]
    loss_nouns: list[str]
    compel_verbs: list[str]
    certain_fates: list[str]
    demotion_nouns: list[str]
    casualty_words: list[str]

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
    partitive_nouns: frozenset[str]  # 'lose a quarter of its officers'
    clause_links: frozenset[str]
    headcount_words: frozenset[str]
    departure_verbs: frozenset[str]
    departure_places: frozenset[str]
    departure_objects: frozenset[str]
    quantifiers: frozenset[str]
    fewer_words: frozenset[str]
    fewer_verbs: frozenset[str]
    particle_losses: frozenset[str]  # 'phase out': a verb lemma and its particle
    needed_words: frozenset[str]
    redundant_words: frozenset[str]
    plural_only: frozenset[str]
    idiom_verbs: frozenset[str]
    release_verbs: frozenset[str]
    redeploy_words: frozenset[str]
    move_words: frozenset[str]
    role_words: frozenset[str]
    people_keep_words: frozenset[str]
    strength_holders: frozenset[str]
    level_words: frozenset[str]
    wastage_words: frozenset[str]
    forecast_words: frozenset[str]
    risk_words: frozenset[str]
    plan_words: frozenset[str]
    considered_words: frozenset[str]  # a loss someone considers is possible; one planned is announced
    cancel_words: frozenset[str]
    foresee_words: frozenset[str]
    ability_verbs: frozenset[str]
    not_unions: frozenset[str]
    report_modals: frozenset[str]
    approve_words: frozenset[str]
    injury_causes: frozenset[str]
    only_verbs: frozenset[str]
    only_words: frozenset[str]
    individual_possessives: frozenset[str]
    collective_people: frozenset[str]
    wastage_verbs: frozenset[str]
    offer_words: frozenset[str]
    loss_nouns: frozenset[str]
    compel_verbs: frozenset[str]
    certain_fates: frozenset[str]  # 'face the axe': a fate faced that is no hedge
    demotion_nouns: frozenset[str]  # 'reduced to the rank of constable'
    casualty_words: frozenset[str]  # 'the number of people killed'
    lemma_fixes: dict[str, str]  # forms the lemmatiser gets wrong ('axes' -> 'axis') -> their lemma
    verb_prepositions: dict[str, frozenset[str]]  # a verb -> the only prepositions it governs a job through
    speech_verbs: frozenset[str]
    governing: frozenset[str]  # the words that say what happens to a job: of loss or of keeping
    governor_hops: int = GOVERNOR_HOPS
    predicate_hops: int = PREDICATE_HOPS

    def lemma(self, token: Token) -> str:
        """The lower-case lemma, corrected where the lemmatiser is wrong ('Kent Police axes 200 jobs')."""
        return self.lemma_fixes.get(token.lower_) or token.lemma_.lower()

    def particle_loss(self, token: Token) -> bool:
        """A verb whose particle makes it a loss: 'numbers will come down', 'PCSOs are to be phased out', 'will take
        187 posts out of its structure'."""
        word = self.lemma(token)
        return any(
            f"{word} {c.lower_}" in self.particle_losses for c in token.children if c.dep_ in {"prt", "advmod", "prep"}
        )  # 'take 187 posts out of its structure': the parse makes 'out' a preposition

    @classmethod
    def from_lexicons(
        cls, lex: JobsLexicon, words: Words, governor_hops: int = GOVERNOR_HOPS, predicate_hops: int = PREDICATE_HOPS
    ) -> JobCues:
        sets = {
            name: frozenset(getattr(lex, name)) for name in JobsLexicon.model_fields
            if name not in PHRASE_LABELS and name not in MAPPINGS
        }
        return cls(
            **sets,
            lemma_fixes=dict(lex.lemma_fixes),
            verb_prepositions={verb: frozenset(preps) for verb, preps in lex.verb_prepositions.items()},
            phrases={label: tuple(getattr(lex, label)) for label in PHRASE_LABELS},
            possible_before=tuple(tuple(p.split()) for p in lex.possible if len(p.split()) > 1),
            speech_verbs=frozenset(words.speech_verbs),
            governing=frozenset(lex.loss_words) | frozenset(lex.keep_words) | frozenset(lex.offer_words),
            governor_hops=governor_hops,
            predicate_hops=predicate_hops,
        )


@lru_cache(maxsize=4)
def load_cues(folder: str | None = None) -> JobCues:
    """The cues of ``models/`` (or of ``folder``), validated, with the default settings."""
    return JobCues.from_lexicons(load_lexicon(JobsLexicon, LEXICON_FILE, folder), load_words(folder))

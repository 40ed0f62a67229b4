"""The money stage's lexicon: ``models/money.json`` (figures, cues, periods) as pydantic models.

A missing key or a value of the wrong type fails when the file is loaded, with a message naming
the file and the key (see ``pipeline.nlp.lexicon``). The words several stages share (number
words, months, speech verbs) are in ``models/words.json`` (``pipeline.nlp.lexicon.Words``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pydantic import ValidationInfo, field_validator

from pipeline.contract import MONEY_KINDS
from pipeline.nlp.lexicon import Lexicon, Words, load_lexicon, load_words

LEXICON_FILE = "money.json"


class Currencies(Lexicon):
    """How a currency is written: symbols ('£'), ISO codes, words ('pounds'); the currency of 'p'."""

    symbols: dict[str, str]
    codes: dict[str, str]
    words: dict[str, str]
    pence: str


class ReductionCues(Lexicon):
    """Verbs that are a budget cut only with a budget word among their arguments, a saving with a cost word."""

    verbs: list[str]
    budget_words: list[str]
    cost_words: list[str]
    headcount_words: list[str]
    idiom_objects: list[str]  # 'take part', 'take place': no reduction


class HedgeCues(Lexicon):
    """Hedges before a figure ('around'), 'a further'/'an extra' between them, and hedges on its governing chain."""

    before: list[str]
    floors: list[str]
    intensifiers: list[str]
    modals: list[str]
    verbs: list[str]
    modifiers: list[str]


class PeriodWords(Lexicon):
    """The words of period phrases ('a year', 'over the next four years', 'by March 2020', 'in 2019/20')."""

    relative: dict[str, str]
    relative_offsets: dict[str, int]  # 'this' 0, 'next' 1: years from the publication date
    per: dict[str, str]
    per_words: dict[str, str]
    rate_words: list[str]
    not_rate_after: list[str]
    not_rate_at_clause_end: list[str]
    ordinals: list[str]
    ordinal_units: list[str]
    units: list[str]
    duration_prepositions: list[str]
    duration_determiners: list[str]
    not_duration_after: list[str]
    date_prepositions: list[str]
    year_prepositions: list[str]
    deadline_prepositions: list[str]
    not_after: list[str]
    clause_breaks: list[str]
    following: list[str]

    @field_validator("deadline_prepositions")
    @classmethod
    def deadlines_are_date_prepositions(cls, value: list[str], info: ValidationInfo) -> list[str]:
        unknown = set(value) - set(info.data.get("date_prepositions", value))
        if unknown:
            raise ValueError(f"not in date_prepositions: {sorted(unknown)}")
        return value


class CrimeValue(Lexicon):
    """Words that make a figure a crime's takings, and who may pay it and still make it policing money."""

    words: list[str]
    road_safety: list[str]
    neutral_cues: list[str]
    police_subjects: list[str]
    payment_verbs: list[str]


class ReadingWords(Lexicon):
    """The words of the readings that settle a kind from the grammar (``pipeline.nlp.money_readings``)."""

    not_before_to: list[str]
    level_verbs: list[str]
    grant_words: list[str]
    total_words: list[str]
    set_verbs: list[str]
    envelope_verbs: list[str]
    organisations: list[str]
    government: list[str]
    giving_verbs: list[str]
    receiving_verbs: list[str]
    asking_verbs: list[str]
    pay_verbs: list[str]
    people: list[str]
    gap_after: list[str]
    over_after: list[str]  # 'higher', 'more': '... than' what was provided, a gap
    over_what: list[str]
    gap_modifiers: list[str]
    less_after: list[str]


class SizeWords(Lexicon):
    """What a figure is the size of (``pipeline.nlp.money_sizes``): estimates, a grant's level, a shortfall."""

    estimate_verbs: list[str]
    funding_words: list[str]
    lower_after: list[str]
    after_kinds: dict[str, str]
    outstanding: list[str]
    fall_nouns: list[str]
    rise_verbs: list[str]
    rising_things: list[str]

    @field_validator("after_kinds")
    @classmethod
    def after_kinds_from_the_contract(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value.values()) - set(MONEY_KINDS)
        if unknown:
            raise ValueError(f"kinds not in the contract: {sorted(unknown)}")
        return value


class LinkWords(Lexicon):
    """What makes a figure lean on the one before it (``pipeline.nlp.money_links``)."""

    anaphors: list[str]
    conjunctions: list[str]
    part_kinds: list[str]
    breakdown_kinds: list[str]  # the kinds whose parts share them ('made up of'); a budget's parts have their own
    breakdowns: list[str]
    inclusions: list[str]
    rate_units: dict[str, int]
    units_tolerance: float


class OwnerWords(Lexicon):
    """Owners of a figure that make it no one force's (``pipeline.nlp.money_forces``)."""

    national: list[str]
    generic: list[str]
    forceless_roles: list[str]


class MoneyLexicon(Lexicon):
    """``models/money.json``: see its ``about`` for what each key does."""

    currencies: Currencies
    multipliers: dict[str, int]
    bare_multipliers: list[str]
    fractions: dict[str, Decimal]
    kinds: dict[str, list[str]]
    kind_priority: list[str]
    restatement_tolerance: float
    weak_kinds: dict[str, list[str]]
    noun_kinds: dict[str, str]
    not_costs: list[str]
    reduction_needs_budget: ReductionCues
    other_overrides: list[str]
    max_cue_distance: int
    max_cue_tokens: int
    hedges: HedgeCues
    periods: PeriodWords
    collective: list[str]
    merged_force: list[str]
    force_nouns: list[str]
    national: list[str]
    owners: OwnerWords
    crime_value: CrimeValue
    readings: ReadingWords
    sizes: SizeWords
    links: LinkWords

    @field_validator("kinds")
    @classmethod
    def kinds_from_the_contract(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(MONEY_KINDS)
        if unknown:
            raise ValueError(f"kinds not in the contract: {sorted(unknown)}")
        if "other" not in value:
            raise ValueError("the kind 'other' needs its cues (fines, salaries)")
        return value

    @field_validator("weak_kinds")
    @classmethod
    def weak_kinds_from_the_contract(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(MONEY_KINDS)
        if unknown:
            raise ValueError(f"kinds not in the contract: {sorted(unknown)}")
        return value

    @field_validator("noun_kinds")
    @classmethod
    def noun_kinds_from_the_contract(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = set(value.values()) - set(MONEY_KINDS)
        if unknown:
            raise ValueError(f"kinds not in the contract: {sorted(unknown)}")
        return value

    @field_validator("kind_priority")
    @classmethod
    def every_kind_has_a_priority(cls, value: list[str], info: ValidationInfo) -> list[str]:
        missing = set(info.data.get("kinds", ())) - set(value)
        if missing:
            raise ValueError(f"lacks the kinds {sorted(missing)}")
        return value


@lru_cache(maxsize=4)
def load_money_lexicon(folder: str | None = None) -> tuple[MoneyLexicon, Words]:
    """``money.json`` and the shared ``words.json`` of ``folder`` (default: ``models/``)."""
    return load_lexicon(MoneyLexicon, LEXICON_FILE, folder), load_words(folder)

"""The officials and quotes stages' lexicon: ``models/roles.json`` (with the shared words of
``models/words.json``), validated when loaded, and the sets and lookups the rules read.

Role labels are the contract's (``pipeline.contract.ROLES``); the constants below name the ones
the rules treat specially.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache

from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words, lexicon_path, read_json, validate

ROLES_FILE = "roles.json"

PCC = "police_and_crime_commissioner"
DEPUTY_PCC = "deputy_police_and_crime_commissioner"
CHIEF_CONSTABLE = "chief_constable"
POLITICIAN = "politician"
POLICE_OFFICER = "police_officer"
OTHER = "other"
STAFF = "police_staff"
FEDERATION = "federation_representative"
# The organisation that decides the label of a head ("chairman", "chief executive") when several are named.
ORGANISATION_PRIORITY = (FEDERATION, OTHER, POLITICIAN, STAFF)


class RolesLexicon(Lexicon):
    """``models/roles.json``: every key the officials and quotes stages read (its 'about' explains them)."""

    titles: dict[str, list[str]]
    abbreviations: dict[str, list[str]]
    short_abbreviations: list[str]
    postnominal_titles: list[str]
    heads: list[str]
    staff_heads: list[str]
    body_heads: list[str]
    organisations: dict[str, list[str]]
    not_policing_organisations: list[str]
    parties: list[str]
    national_politicians: list[str]
    bodies_of_forces: dict[str, str]
    mayor_pcc_forces: list[str]
    commissioner_chief_constable_forces: list[str]
    outside_uk_titles: list[str]
    not_policing_commissioners: list[str]
    honorifics: list[str]
    peer_titles: list[str]
    knight_titles: list[str]
    councillor_honorifics: list[str]
    peer_politician_titles: list[str]
    acting: list[str]
    former: list[str]
    fallback_roles: list[str]
    national_words: list[str]
    branch_words: list[str]
    national_organisations: list[str]
    chair_verbs: list[str]
    represent_verbs: list[str]
    represented_people: list[str]
    head_verbs: list[str]
    head_objects: list[str]
    successor_words: list[str]
    counterpart_words: list[str]
    deputy_words: list[str]
    deputy_roles: dict[str, str]
    person_pronouns: list[str]
    organisation_anaphors: list[str]
    role_verbs: list[str]
    appointing_verbs: list[str]
    accounting_verbs: list[str]
    becoming_verbs: list[str]
    complement_prepositions: list[str]
    leading_verbs: list[str]
    charge_nouns: list[str]
    force_nouns: list[str]
    speech_verbs: list[str]
    unnamed_speakers: list[str]
    not_name_words: list[str]
    name_particles: list[str]
    partner_prepositions: list[str]
    not_name_entities: list[str]
    proper_noun_continuations: list[str]
    not_person_entities: list[str]
    place_entities: list[str]
    name_characters: str
    name_hyphens: list[str]
    dashes: list[str]
    mayor_words: list[str]
    indefinite_articles: list[str]
    deputy_mayor_words: list[str]
    commissioner_words: list[str]
    affiliation_prepositions: list[str]
    portfolio_prepositions: list[str]
    head_place_prepositions: list[str]
    portfolio_joiners: list[str]
    organisation_pronouns: list[str]
    lead_in_words: list[str]
    relative_pronouns: list[str]
    apposition_openers: list[str]
    clause_breaks: list[str]
    speaker_pronouns: list[str]
    opening_quotes: str
    closing_quotes: str
    opening_single_quotes: str
    closing_single_quotes: str
    before_single_quote: str


@dataclass(frozen=True)
class Roles:
    """What the rules read: phrase -> label lookups and word sets (lists of the files become frozensets)."""

    titles: dict[str, str]  # phrase -> role label
    abbreviations: dict[str, str]
    organisations: dict[str, str]  # phrase -> the label it gives a head
    not_policing_organisations: frozenset[str]  # organisations whose heads hold no policing role
    parties: frozenset[str]
    national_politicians: frozenset[str]  # full names of holders of national office, politicians with no title
    bodies_of_forces: dict[str, str]  # phrase -> canonical force
    heads: frozenset[str]
    staff_heads: frozenset[str]
    body_heads: frozenset[str]  # heads only a body has (a force or an office has no chair)
    short_abbreviations: frozenset[str]
    postnominal_titles: frozenset[str]
    mayor_pcc_forces: frozenset[str]
    commissioner_chief_constable_forces: frozenset[str]
    outside_uk_titles: frozenset[str]  # titles of a force outside the UK: no UK force is theirs
    not_policing_commissioners: frozenset[str]
    honorifics: frozenset[str]
    peer_titles: frozenset[str]
    knight_titles: frozenset[str]
    councillor_honorifics: frozenset[str]
    peer_politician_titles: frozenset[str]  # a peer sits in Parliament: a politician when nothing else gives a role
    acting: frozenset[str]
    former: frozenset[str]
    fallback_roles: frozenset[str]
    national_words: frozenset[str]
    branch_words: frozenset[str]
    national_organisations: frozenset[str]
    chair_verbs: frozenset[str]
    represent_verbs: frozenset[str]
    represented_people: frozenset[str]
    head_verbs: frozenset[str]
    head_objects: frozenset[str]
    successor_words: frozenset[str]
    counterpart_words: frozenset[str]
    deputy_words: frozenset[str]
    deputy_roles: dict[str, str]
    person_pronouns: frozenset[str]
    organisation_anaphors: frozenset[str]
    role_verbs: frozenset[str]
    appointing_verbs: frozenset[str]
    accounting_verbs: frozenset[str]
    becoming_verbs: frozenset[str]
    complement_prepositions: frozenset[str]
    leading_verbs: frozenset[str]
    charge_nouns: frozenset[str]
    force_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    unnamed_speakers: frozenset[str]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    partner_prepositions: frozenset[str]
    not_name_entities: frozenset[str]
    proper_noun_continuations: frozenset[str]
    not_person_entities: frozenset[str]
    place_entities: frozenset[str]
    name_characters: str
    name_hyphens: frozenset[str]
    dashes: frozenset[str]
    mayor_words: frozenset[str]
    indefinite_articles: frozenset[str]
    deputy_mayor_words: frozenset[str]
    commissioner_words: frozenset[str]
    affiliation_prepositions: frozenset[str]
    portfolio_prepositions: frozenset[str]
    head_place_prepositions: frozenset[str]
    portfolio_joiners: frozenset[str]
    organisation_pronouns: frozenset[str]
    lead_in_words: frozenset[str]
    relative_pronouns: frozenset[str]
    apposition_openers: frozenset[str]
    clause_breaks: frozenset[str]
    speaker_pronouns: frozenset[str]
    opening_quotes: str
    closing_quotes: str
    opening_single_quotes: str
    closing_single_quotes: str
    before_single_quote: str
    # shared words (models/words.json)
    possessives: frozenset[str]
    person_list_openers: frozenset[str]
    person_list_joiners: frozenset[str]
    person_place_prepositions: frozenset[str]
    number_words: dict[str, int]

    @classmethod
    def of(cls, roles: RolesLexicon, words: Words) -> Roles:
        """The rules' view of the validated lexicons."""

        def by_label(table: dict[str, list[str]]) -> dict[str, str]:
            return {phrase: label for label, phrases in table.items() for phrase in phrases}

        values: dict[str, object] = {}
        for f in fields(cls):
            source = roles if f.name in RolesLexicon.model_fields else words
            value = getattr(source, f.name)
            if f.name in ("titles", "abbreviations", "organisations"):
                value = by_label(value)
            elif f.name == "bodies_of_forces":
                value = dict(value)
            elif isinstance(value, list):
                value = frozenset(value)
            values[f.name] = value
        return cls(**values)


def read_lexicons(folder: str | None = None) -> tuple[RolesLexicon, Words]:
    """``roles.json`` and ``words.json`` from ``folder`` (default: ``models/``), validated."""
    roles_path, words_path = lexicon_path(ROLES_FILE, folder), lexicon_path(WORDS_FILE, folder)
    return (
        validate(RolesLexicon, read_json(roles_path), roles_path),
        validate(Words, read_json(words_path), words_path),
    )


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> Roles:
    """The rules' view of ``models/roles.json`` and ``models/words.json`` (or those in ``folder``)."""
    return Roles.of(*read_lexicons(folder))

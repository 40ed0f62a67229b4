"""Who owns a money figure by the grammar of its clause: the subject of its verb or the agent of a passive one. The
government, a Department, a committee or police in general own national money (no force's); 'the force', 'his
force', 'its' (after a sentence about one force) own one force's money; 'he' or 'she' the force of the official
named last. Pure functions of the parsed sentence, the force mentions, the officials and the words of
``models/money.json`` (``collective``, ``force_nouns``, ``national``, ``owners``) and ``models/words.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.nlp.lexicon import Words
from pipeline.nlp.money_lexicon import MoneyLexicon
from pipeline.nlp.money_readings import governing_verb, subject_of


@dataclass(frozen=True)
class OwnerCues:
    """The words that say whose a figure is (``models/money.json`` and ``models/words.json``)."""

    collective: frozenset[str]  # words that make a figure combined ('joint', 'both')
    collective_phrases: tuple[str, ...]  # ... written with a space or hyphen ('between them', 'tri-force')
    merged_force: re.Pattern  # 'the new force': the merger's force if it exists, else all partners
    counts: dict[str, int]  # 'the two forces': number words of two or more
    force_nouns: frozenset[str]  # 'the force', 'the constabulary', 'the service's budget'
    speech_verbs: frozenset[str]
    national: re.Pattern
    national_owners: tuple[tuple[str, ...], ...]  # 'the government', 'the Department', 'watchdogs': no force's money
    giving_verbs: frozenset[str]
    forceless_roles: frozenset[str]  # an official of no force ('politician'): 'he' makes the figure no force's
    generic_owners: frozenset[str]  # 'Police could save £1bn', 'Commissioners are paid': every force's

    @classmethod
    def from_lexicon(cls, lexicon: MoneyLexicon, words: Words) -> OwnerCues:
        return cls(
            collective=frozenset(w for w in lexicon.collective if w.isalpha()),
            collective_phrases=tuple(w for w in lexicon.collective if not w.isalpha()),
            merged_force=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon.merged_force) + r")\b", re.I),
            counts={w: n for w, n in words.number_words.items() if n >= 2},
            force_nouns=frozenset(lexicon.force_nouns),
            speech_verbs=frozenset(words.speech_verbs),
            national=re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon.national) + r")\b(?! average)", re.I),
            national_owners=tuple(tuple(w.split()) for w in lexicon.owners.national),
            generic_owners=frozenset(lexicon.owners.generic),
            giving_verbs=frozenset(w.split()[0] for w in lexicon.readings.giving_verbs),
            forceless_roles=frozenset(lexicon.owners.forceless_roles),
        )


def owner_of(span: Span) -> Token | None:
    """Whose the figure is by the grammar: the subject of its verb ('the committee intends to save £500,000'), or
    the agent of a passive one ('£3m has been saved by the committee')."""
    verb = governing_verb(span.root)
    if verb is None:
        return None
    agent = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    subject = subject_of(verb)
    owner = agent[0] if agent else subject
    return None if owner is None or span.start <= owner.i < span.end else owner


def speaker_of(span: Span, speech_verbs: frozenset[str]) -> Token | None:
    """Who says the figure: the subject of the speech verb above it, or beside it ('... could save £100m, the
    watchdogs say')."""
    above = list(span.root.ancestors)
    beside = [c for t in above for c in t.children if c.dep_ == "parataxis"]
    verbs = [t for t in above + beside if t.lemma_.lower() in speech_verbs]
    if not verbs and span.sent.root.lemma_.lower() in speech_verbs:
        verbs = [span.sent.root]
    subjects = [c for v in verbs[:1] for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return subjects[0] if subjects else None


def national_owner(owner: Token, span: Span, mentions: list[Span], cues: OwnerCues) -> bool:
    """The government, a Department, a committee or watchdogs own it, or police in general ('Police could save
    £1bn', 'Commissioners are paid ...': a bare plural that names no force); not money the government gives, which
    is its recipient's ('the Home Office has contributed £300,000 towards the unit'), nor 'its government grant'."""
    named = {t.i for m in mentions for t in m}
    verb = governing_verb(span.root)
    gives = verb is not None and verb.lemma_.lower() in cues.giving_verbs and owner.dep_ == "nsubj"  # not 'was given'
    if owner.i in named or gives or any(c.dep_ == "poss" for c in owner.children):
        return False
    words = [t for t in owner.subtree if t.dep_ in {"compound", "pobj", "prep"} or t == owner][:6]
    texts, lowers, lemmas = [t.text for t in words], [t.lower_ for t in words], [t.lemma_.lower() for t in words]
    for phrase in cues.national_owners:  # a capitalised entry matches only as written ('Department', not 'department')
        n, seqs = len(phrase), (texts,) if any(w != w.lower() for w in phrase) else (lowers, lemmas)
        if any(tuple(seq[i : i + n]) == phrase for seq in seqs for i in range(len(seq) - n + 1)):
            return True
    bare = not any(c.dep_ != "punct" for c in owner.children)  # 'Police', not 'Police in Kent' or 'the police'
    return bare and owner.tag_ in {"NNS", "NNPS"} and owner.lemma_.lower() in cues.generic_owners


def one_force(owner: Token, cues: OwnerCues) -> bool:
    """'The force', 'his force', 'the constabulary': one force, not 'a single force' or 'the new force'."""
    if owner.lemma_.lower() not in cues.force_nouns or owner.tag_ != "NN":
        return False
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"the", "this"}) for c in owner.children)
    several = any(c.lower_ in cues.collective for c in owner.children) or cues.merged_force.search(
        owner.doc[owner.left_edge.i : owner.i + 1].text
    )
    return definite and not several


def follows_a_force(sent: Span, mentions: list[Span], cues: OwnerCues) -> bool:
    """The sentence before is about one force: its subject is a force or the force's ('The force's budget ...',
    not 'The unit ...'), so 'its' is that force."""
    doc = sent.doc
    if sent.start == 0:
        return False
    previous = doc[sent.start - 1].sent
    subjects = [t for t in previous if t.dep_ in {"nsubj", "nsubjpass"}][:1]  # its first subject
    named = {t.i for m in mentions for t in m}
    words = [w for s in subjects for w in (s, *(c for c in s.children if c.dep_ == "poss"))]
    return any(w.i in named or (w.lemma_.lower() in cues.force_nouns and w.tag_ == "NN") for w in words)


def personal_owner(owner: Token) -> bool:
    """He or she owns it, or his or her plans do ('He has said his plans could save £4m')."""
    return owner.lower_ in {"he", "she"} or any(c.dep_ == "poss" and c.lower_ in {"his", "her"} for c in owner.children)


def last_official(officials: list[dict], text: str, before: int) -> dict | None:
    """The official named last before a character offset, by full name or surname ('Mr Clarke ... He first
    offered'): whom 'he' or 'she' is; None when someone else was named since ('Mr Hirst said ... He has estimated',
    Mr Hirst not among the officials)."""
    last: tuple[int, dict] | None = None
    for official in officials:
        surname = (official.get("name") or "").split()[-1:]
        found = [m.start() for m in re.finditer(rf"\b{re.escape(surname[0])}\b", text[:before])] if surname else []
        if found and (last is None or found[-1] > last[0]):
            last = (found[-1], official)
    titled = [m.start(1) for m in TITLED.finditer(text[:before])]
    if last is None or (titled and titled[-1] > last[0]):
        return None
    return last[1]


TITLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame)\.?\s+([A-Z][\w'-]+)")


def merged_force(ranked: list[str], collaborations: list[dict]) -> str | None:
    """The force a merger made, when the article's most mentioned force is outside every collaboration ('the new
    force starts life with a budget of £1.2bn': Police Scotland); None when the merged force does not exist yet."""
    members = {f for c in collaborations for f in c.get("forces") or []}
    return ranked[0] if members and ranked and ranked[0] not in members else None


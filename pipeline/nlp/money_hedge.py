"""Whether a money figure is hedged: a hedge just before it ("around", "up to", "in the region of") or on its
governing chain within its clause ("could", "expected to", "aiming to", "potential"). Pure functions over the cues of
``models/money.json`` (``hedges``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_lexicon import HedgeCues


@dataclass(frozen=True)
class Hedges:
    """The hedge cues, compiled: ``before`` matches a hedge at the end of the text before a figure."""

    before: re.Pattern
    floor: re.Pattern  # 'at least' just before the figure: a floor stated firmly, not an estimate
    modals: frozenset[str]
    verbs: frozenset[str]
    modifiers: frozenset[str]

    @classmethod
    def from_lexicon(cls, cues: HedgeCues) -> Hedges:
        words = alternation(cues.before)
        extra = alternation(cues.intensifiers)  # 'up to a further £2m', 'around an extra £1m'
        return cls(
            before=re.compile(rf"\b(?:{words})\s+(?:an?\s+(?:{extra})\s+)?$", re.I),
            floor=re.compile(rf"\b(?:{alternation(cues.floors)})\s+$", re.I),
            modals=frozenset(cues.modals),
            verbs=frozenset(cues.verbs),
            modifiers=frozenset(cues.modifiers),
        )


def is_hedged(text_before: str, root: Token, hedges: Hedges) -> bool:
    """A hedge word at the end of ``text_before`` (the sentence up to the figure), or, unless a floor ('at least')
    stands there, a hedging verb, modal or modifier on the governing chain of the figure's ``root``."""
    if hedges.before.search(text_before):
        return True
    if hedges.floor.search(text_before):
        return False  # 'is expected to save at least £100m': the floor is what is claimed
    for t in governing_chain(root):
        if t.pos_ == "VERB" and t.lemma_.lower() in hedges.verbs:
            return True
        if t.pos_ == "NOUN" and t.lower_ in hedges.modifiers:  # 'with the potential to save £1.5m'
            return True
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in hedges.modals:
                return True
            if c.dep_ == "amod" and c.lower_ in hedges.modifiers:
                return True
    return False


def governing_chain(root: Token) -> list[Token]:
    """The figure's root and the words above it, up to the head of its clause: not into a clause it is subordinate
    to ('Having drawn up a budget of £265m, it now expects ...') or a conjunct clause with a subject or auxiliary of
    its own ('it expects ..., and must find savings of £5.4m'), nor past a noun the figure sizes in an adjunct of a verb
    ('forecast to save £2.4m, against set-up costs of £850,000')."""
    chain = [root]
    tok = root
    while tok.head.i != tok.i:
        if tok.dep_ in CLAUSE_EDGES:
            break
        if tok.dep_ == "conj" and tok.pos_ in {"VERB", "AUX"} and any(c.dep_ in OWN_CLAUSE for c in tok.children):
            break
        if tok != root and tok.dep_ == "pobj" and tok.head.head.pos_ in {"VERB", "AUX"}:
            break  # the figure sizes a noun in the verb's adjunct: 'save £2.4m, against set-up costs of £850,000'
        tok = tok.head
        chain.append(tok)
    return chain


CLAUSE_EDGES = {"advcl", "relcl", "parataxis"}
OWN_CLAUSE = {"nsubj", "nsubjpass", "aux", "auxpass"}

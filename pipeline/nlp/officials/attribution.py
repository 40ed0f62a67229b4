"""Force attribution helpers: the one force an official's own sentence speaks for, and the force a person
introduced by one clue alone would be tied to.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.officials.index import DocIndex
from pipeline.nlp.officials.lexicon import POLITICIAN
from pipeline.nlp.officials.roles import Clue


def sentence_force(idx: DocIndex, start: int, end: int) -> str | None:
    """Where the article has no main force, the one force an official's own sentence speaks for ('Interim
    chief constable X told the panel that leaving could cost Warwickshire £4m'): the only force or force area
    named in it that is not a partner ('with West Mercia', 'from Kent') or another person's ('Kent PCC Y')."""
    doc = idx.doc
    sent = doc[start].sent
    places = {idx.places[i] for i in range(sent.start, sent.end) if i in idx.places and not start <= i < end}
    found = set()
    for place in places:
        near = range(max(sent.start, place.start - 2), min(sent.end, place.end + 2))
        if any(i in idx.title_at for i in near) or partner(idx, doc[place.start : place.end].root):
            continue
        found.add(place.label)
    return found.pop() if len(found) == 1 else None


def partner(idx: DocIndex, token: Token) -> bool:
    """A force named as the other party ('with West Mercia', 'from Kent') or with another ('Kent and Essex')."""
    for _ in range(3):
        place = idx.places.get(token.i)
        conjuncts = [token.head] if token.dep_ == "conj" else []
        conjuncts += [c for c in token.children if c.dep_ == "conj"]
        if any(c.i in idx.places and idx.places[c.i] != place for c in conjuncts):
            return True  # 'Kent and Essex', not 'the Devon and Cornwall Police and Crime Panel'
        if token.dep_ == "pobj" and token.head.lower_ in idx.lex.partner_prepositions:
            return True
        if token.head.i == token.i or token.dep_ not in {"compound", "poss", "pobj", "nmod", "amod"}:
            return False
        token = token.head
    return False


def post_force(idx: DocIndex, found: Clue) -> str | None:
    """The force a person introduced by this clue alone would be tied to."""
    if found.label == POLITICIAN:
        return None
    if found.force is None and found.label in idx.lex.fallback_roles and not found.no_fallback:
        return idx.main_force
    return found.force

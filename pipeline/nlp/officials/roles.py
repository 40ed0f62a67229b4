"""What a title says about a person: the role label and the force, read with the words around it.

A ``Clue`` is one piece of evidence about a person's role or force; ``clue`` turns a title and its
context into one. A head ('chairman', 'chief executive') takes its label from the organisation
named with it; 'commissioner' is a PCC, the Met's or the City's chief officer, or another kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import CHIEF_CONSTABLE, DEPUTY_PCC, PCC
from pipeline.nlp.officials.organisations import (
    BODY_LABELS,
    body_force,
    local_body,
    organisation_label,
    owned_body_force,
    owner_organisation,
    places_in,
)

# Ranks of the clues to a person's role: the lowest rank wins.
RANK_TITLE_BEFORE = 0
RANK_APPOSITIVE = 1
RANK_RELATIVE = 2
RANK_PREDICATE = 3
RANK_PLACE = 4
RANK_HEADS_UNIT = 5
RANK_ANTECEDENT = 6  # a post named in the sentences before outranks an honorific ('Councillor X', 'Lord X')
RANK_HONORIFIC = 7
RANK_KNOWN = 8  # a holder of national office named with no title


@dataclass(frozen=True)
class Clue:
    """One piece of evidence about a person's role or force; the lowest rank with a label wins."""

    rank: int
    label: str | None
    acting: bool = False
    force: str | None = None
    no_fallback: bool = False
    title: int | None = None  # start token of the title that gave the label
    former: bool = False  # a post the person held before ('a former Home Office minister'): below any current one
    local: bool = False  # a post of a body of one force (a panel, an authority, a federation branch): may take the
    # article's force like the roles of a force


def place_clue(place: Phrase, rank: int) -> Clue:
    """A force clue from a force mention or an area."""
    return Clue(rank, None, force=place.label)


def clue(idx: DocIndex, title: Phrase, lo: int, hi: int, rank: int) -> Clue | None:
    """The clue a title gives, read with its context doc[lo:hi] (the words around it that name the force)."""
    doc, lex = idx.doc, idx.lex
    forces = [p.label for p in places_in(idx, lo, hi)]
    owned = owner_force(idx, title) if not forces and (title.label is not None or the_force_owns(idx, title)) else None
    label = role_label(idx, title, lo, hi, forces or context_forces(idx, title, owned))
    if label is None:
        return None
    before = {t.lower_ for t in doc[max(lo, title.start - 3) : title.start]}
    force = body_force(idx, lo, hi, label) if label in BODY_LABELS else None
    if not force and label in BODY_LABELS and title.label is None and (owner := owner_organisation(idx, title, lo)):
        force = owned_body_force(idx, owner)  # 'The Scottish Police Federation's Fife branch ... Its secretary'
    if not force and not before & lex.former:
        if forces or owned:
            force = forces[0] if forces else owned
        elif bodies := idx.bodies.within(lo, hi):
            force = bodies[0].label  # 'the Mayor of London', 'the Scottish Police Federation'
    former = bool(before & lex.former)
    local = title.label is None and local_body(idx, label, lo, hi)
    abroad = doc[title.start : title.end].text.lower() in lex.outside_uk_titles  # 'Garda Commissioner X'
    return Clue(
        rank, label, acting=bool(before & lex.acting), force=force, title=title.start, former=former, local=local,
        no_fallback=abroad,
    )


def role_label(idx: DocIndex, title: Phrase, lo: int, hi: int, forces: list[str | None]) -> str | None:
    """The role label of a title read in doc[lo:hi]: a head takes it from its organisation; 'commissioner'
    is a PCC, the chief officer of the Met or City of London Police, or some other commissioner (None)."""
    doc, lex = idx.doc, idx.lex
    if title.label is None:
        return organisation_label(idx, title, lo, hi)
    words = doc[title.start : title.end].text.lower()
    if words in lex.mayor_words and any(f in lex.mayor_pcc_forces for f in forces):
        return PCC  # "West Yorkshire's Mayor": a mayor with the PCC's powers
    if words in lex.deputy_mayor_words and any(f in lex.mayor_pcc_forces for f in forces):
        return DEPUTY_PCC  # 'the deputy mayor who oversees the Met'
    if title.label == PCC and words in lex.commissioner_words:
        before = [t.lower_ for t in doc[max(0, title.start - 3) : title.start] if t.text not in lex.possessives][-1:]
        if before and before[0] in lex.not_policing_commissioners:
            return None  # "the Children's Commissioner", "Victims' Commissioner", "Information Commissioner"
        if any(f in lex.commissioner_chief_constable_forces for f in forces):
            return CHIEF_CONSTABLE
    return title.label


def context_forces(idx: DocIndex, title: Phrase, owned: str | None) -> list[str]:
    """The forces a title with none in its phrase is read with: its owner's ('Its commissioner'), else, unless
    it is indefinite ('a commissioner') or plural, the article's ('the Commissioner, Sir Mark Rowley', 'who has served as
    interim mayor')."""
    if owned:
        return [owned]
    before = {t.lower_ for t in idx.doc[max(0, title.start - 3) : title.start]}
    plural = idx.doc[title.end - 1].tag_ in {"NNS", "NNPS"}  # 'the two commissioners' are no one force's chief
    if idx.main_force and not before & idx.lex.indefinite_articles and not plural:
        return [idx.main_force]
    return []


def the_force_owns(idx: DocIndex, title: Phrase) -> bool:
    """'the force's director of finance': a title owned by 'the force', a force named before."""
    doc, lex, i = idx.doc, idx.lex, title.start - 1
    return i >= 2 and doc[i].text in lex.possessives and doc[i - 1].lower_ in lex.force_nouns and doc[i - 2].lower_ == "the"


def owner_force(idx: DocIndex, title: Phrase) -> str | None:
    """The force a title owned by 'its' or 'the force's' belongs to: the force named last ('The City of London
    Police ... Its commissioner', 'North Wales Police is to lose 120 jobs. X, the force's director of finance')."""
    i = title.start - 1
    if the_force_owns(idx, title):
        i -= 2
    elif i < 0 or idx.doc[i].lower_ not in idx.lex.organisation_pronouns:
        return None
    named = [k for k in range(i - 1, max(i - idx.settings.max_owner_distance, -1), -1) if k in idx.forces]
    return idx.places[named[0]].label if named else None


def premodifier(idx: DocIndex, token: Token) -> bool:
    """A word before a title that belongs to it: a force or area, a possessive, acting or former, an
    adjective, an organisation ('Unison branch secretary'), a title owning it ('the commissioner's')."""
    lex, lower = idx.lex, token.lower_
    return (
        token.i in idx.places or token.text in lex.possessives or lower in lex.acting or lower in lex.former
        or lower == "the" or (token.pos_ == "ADJ" and token.is_lower) or token.i in idx.organisation_tokens
        or (token.i in idx.title_at and token.i + 1 < len(token.doc) and token.nbor().text in lex.possessives)
    )


def joint_post(idx: DocIndex, start: int, end: int) -> bool:
    """doc[start:end] names forces in the plural and no force ('head of roads policing for the two forces',
    'who leads the forces' joint unit'): a post of no one force."""
    doc, lex = idx.doc, idx.lex
    plural = any(t.lemma_.lower() in lex.force_nouns and t.tag_ in {"NNS", "NNPS"} for t in doc[start:end])
    return plural and not places_in(idx, start, end)


def has_former(idx: DocIndex, start: int, end: int) -> bool:
    """A word of 'former' in doc[start:end]: the force named there is not the person's current one."""
    return any(t.lower_ in idx.lex.former for t in idx.doc[start:end])

"""What a title says about a person: the role label and the force, read with the words around it.

A ``Clue`` is one piece of evidence about a person's role or force; ``clue`` turns a title and its
context into one. A head ('chairman', 'chief executive') takes its label from the organisation
named with it; 'commissioner' is a PCC, the Met's or the City's chief officer, or another kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import (
    CHIEF_CONSTABLE,
    DEPUTY_PCC,
    FEDERATION,
    ORGANISATION_PRIORITY,
    OTHER,
    PCC,
    POLITICIAN,
    STAFF,
)

BODY_LABELS = (OTHER, FEDERATION)  # labels of the members of a body that may belong to one force
OWNED_MODIFIER_DEPS = {"amod", "compound", "nmod", "punct"}  # words between an owner and the head it owns

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


def local_body(idx: DocIndex, label: str, lo: int, hi: int) -> bool:
    """A post of a body of one force named in doc[lo:hi]: a panel, an authority or a board ('Board chairman X'),
    a federation or union branch ('the Aberdeen representative of Unison's police staff branch'); not a national
    or regional one."""
    if label == FEDERATION and not any(t.lower_ in idx.lex.branch_words for t in idx.doc[lo:hi]):
        return False
    named = {o.label for o in idx.organisations.within(lo, hi)}
    if label == OTHER and POLITICIAN in named and OTHER not in named:
        return False  # 'the council's finance director': an officer of a council, not of a police body
    return label in BODY_LABELS and not national(idx, lo, hi)


def national(idx: DocIndex, lo: int, hi: int) -> bool:
    """A national or regional post or body named in doc[lo:hi] ('national chairman', 'general secretary', 'regional
    organiser', 'the Association of Chief Police Officers', 'the Police Federation of England and Wales')."""
    doc, lex = idx.doc, idx.lex
    if any(t.lower_ in lex.national_words for t in doc[lo:hi]):
        return True
    return any(doc[o.start : o.end].text.lower() in lex.national_organisations for o in idx.organisations.within(lo, hi))


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


def owner_organisation(idx: DocIndex, head: Phrase, lo: int) -> Phrase | None:
    """The organisation named last that 'its' or 'the union's' before a head refers to ('The Police Federation
    said ... Its chair', 'the union's North-East regional organiser')."""
    doc, lex = idx.doc, idx.lex
    owner = head.start - 1
    while owner > lo and head.start - owner <= 4 and doc[owner].dep_ in OWNED_MODIFIER_DEPS:
        owner -= 1  # 'its North-East regional organiser'
    if owner >= 1 and doc[owner].text in lex.possessives and doc[owner - 1].lower_ in lex.organisation_anaphors:
        owner -= 1  # 'the union's regional organiser'
    if owner < 0 or doc[owner].lower_ not in lex.organisation_pronouns | lex.organisation_anaphors:
        return None
    if doc[owner].lower_ in lex.organisation_anaphors:  # 'the union' is the last union named, however far back
        return next((o for o in idx.organisations.before(owner) if o.label == FEDERATION), None)
    body = doc[head.start : head.end].text.lower() in lex.body_heads  # a force or an office has no chair: 'The
    # Commons transport select committee said the force could struggle ... Its chairman'
    earlier = [
        o for o in idx.organisations.before(owner)
        if owner - o.end < idx.settings.max_owner_distance and not (body and o.label == STAFF)
    ]
    return earlier[0] if earlier else None


def owned_body_force(idx: DocIndex, organisation: Phrase) -> str | None:
    """The force of the body an owner refers to: a place in the noun phrase the organisation heads or owns ('The
    Scottish Police Federation's Fife branch'), else the organisation's own force."""
    token = idx.doc[organisation.end - 1]
    phrase = token.head if token.dep_ == "poss" else token
    places = [p for p in places_in(idx, phrase.left_edge.i, phrase.i + 1) if not organisation.start <= p.start < organisation.end]
    return places[0].label if places else organisation_force(idx, organisation)


def organisation_label(idx: DocIndex, head: Phrase, lo: int, hi: int) -> str | None:
    """'chairman of the X Police Federation' is a federation official, 'Unison branch secretary' too, and
    'its chair' after the Federation is named; 'director of finance' of a force, or 'chief finance officer to
    the PCC', is police staff."""
    named = {o.label for o in idx.organisations.within(lo, hi)}
    label = next((label for label in ORGANISATION_PRIORITY if label in named), None)
    staff_head = idx.doc[head.start : head.end].text.lower() in idx.lex.staff_heads
    if label == OTHER and staff_head:
        return STAFF  # 'chief executive of Kent Police Authority': its staff, not a member
    if label == POLITICIAN and staff_head:
        return OTHER  # 'the council's finance director': an officer of the council, not a councillor
    if label:
        return label
    if named:
        return None  # 'chairman of the fire authority': an organisation outside policing
    if (owner := owner_organisation(idx, head, lo)) is not None:
        return owner.label
    if any(t.lower_ in idx.lex.branch_words for t in idx.doc[head.start : head.end]):
        return FEDERATION  # 'Branch secretary X said': a union or Federation branch
    if any(i in idx.forces for i in range(lo, hi)):
        return STAFF
    if any(t.label in {PCC, DEPUTY_PCC} for t in idx.titles.within(lo, hi) if t != head):
        return STAFF
    return None


def places_in(idx: DocIndex, lo: int, hi: int) -> list[Phrase]:
    """Force mentions and areas in doc[lo:hi], in text order; one that overlaps its start counts
    ('Notts police and crime commissioner' where 'Notts police' is the force mention)."""
    out: list[Phrase] = []
    for i in range(lo, hi):
        place = idx.places.get(i)
        if place is not None and place not in out and (place.start >= lo or i == lo):
            out.append(place)
    return out


def body_force(idx: DocIndex, lo: int, hi: int, label: str = OTHER) -> str | None:
    """The force a panel, board or authority (or a federation: ``label``) named in doc[lo:hi] belongs to; 'the
    panel' looks back to the last panel named with a force ('the Humberside police and crime panel'), 'the
    federation' to the last federation ('the Defence Police Federation')."""
    if bodies := idx.bodies.within(lo, hi):
        return bodies[0].label
    doc = idx.doc
    for organisation in idx.organisations.within(lo, hi):
        if organisation.label != label:
            continue
        head = doc[organisation.end - 1].lower_
        candidates = [organisation] + [o for o in idx.organisations.before(lo) if doc[o.end - 1].lower_ == head]
        for candidate in candidates:
            force = organisation_force(idx, candidate)
            if force:
                return force
    return None


def organisation_force(idx: DocIndex, organisation: Phrase) -> str | None:
    """The force of an organisation: a body of a force that contains it, else a place just before it."""
    for body in idx.bodies.within(max(0, organisation.start - 8), organisation.end):
        if body.start <= organisation.start and body.end >= organisation.end:
            return body.label
    for i in range(organisation.start, max(organisation.start - 4, -1), -1):
        if i in idx.places:
            return idx.places[i].label
    return None


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

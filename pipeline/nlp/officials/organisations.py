"""Organisations around a head ('chairman', 'chief executive', 'secretary'): the label a head takes from the
organisation named with it, the one 'its' or 'the union's' refers to, or the body named just before a bare
head; and the force a panel, authority, board or federation belongs to.
"""

from __future__ import annotations

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import (
    DEPUTY_PCC,
    FEDERATION,
    ORGANISATION_PRIORITY,
    OTHER,
    PCC,
    POLITICIAN,
    STAFF,
)

IMPLICIT_SENTENCES = 2  # sentences before a bare head that may name its organisation
BODY_LABELS = (OTHER, FEDERATION)  # labels of the members of a body that may belong to one force
OWNED_MODIFIER_DEPS = {"amod", "compound", "nmod", "punct"}  # words between an owner and the head it owns


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
    if label is None and named:
        return None  # 'chairman of the fire authority': an organisation outside policing
    if label is None and (owner := owner_organisation(idx, head, lo)) is not None:
        label = owner.label  # 'Its chief executive', "the union's organiser"
    if label is None and any(t.lower_ in idx.lex.branch_words for t in idx.doc[head.start : head.end]):
        return FEDERATION  # 'Branch secretary X said': a union or Federation branch
    if label is None and any(i in idx.forces for i in range(lo, hi)):
        return STAFF
    if label is None and any(t.label in {PCC, DEPUTY_PCC} for t in idx.titles.within(lo, hi) if t != head):
        return STAFF
    owned = any(t.text in idx.lex.possessives for t in idx.doc[lo : head.start])  # "the agency's manager": of
    # something named, not of a body named before
    if label is None and not owned and (implicit := implicit_organisation(idx, head)) is not None:
        label = implicit.label  # 'The authority faces cuts. Interim chief executive X said ...'
    staff_head = idx.doc[head.start : head.end].text.lower() in idx.lex.staff_heads
    if label == OTHER and staff_head and not national(idx, lo, hi):
        return STAFF  # 'chief executive of Kent Police Authority': its staff, not a member; a national body's
        # director is a civil servant ('the IOPC's director of major investigations': other, contract section 8)
    if label == POLITICIAN and staff_head:
        return OTHER  # 'the council's finance director': an officer of the council, not a councillor
    return label


def implicit_organisation(idx: DocIndex, head: Phrase) -> Phrase | None:
    """The organisation a bare head belongs to when it names none: the one named last in its sentence or the two
    before, if it is a body of policing ('The Scottish Police Authority ... Interim chief executive X')."""
    doc = idx.doc
    first = doc[head.start].sent.start
    for _ in range(IMPLICIT_SENTENCES):
        first = doc[first - 1].sent.start if first > 0 else first
    earlier = [o for o in idx.organisations.before(head.start) if o.start >= first]
    body = doc[head.start : head.end].text.lower() in idx.lex.body_heads
    earlier = [o for o in earlier if not (body and o.label == STAFF)]
    return earlier[0] if earlier and earlier[0].label in (OTHER, FEDERATION, STAFF) else None


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

"""Roles given through another person or a body: 'His Cumbria counterpart, Reg Watson' (the post of the official
named last, in another force), 'His vice-chairman, Brian Preston' (a post of the body the official named last
chairs), 'Simon Roberts, of the Cheshire branch of the Police Federation' (a member of the body named).
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span

from pipeline.nlp.officials.index import DocIndex
from pipeline.nlp.officials.lexicon import FEDERATION, OTHER
from pipeline.nlp.officials.organisations import body_force, local_body, places_in
from pipeline.nlp.officials.roles import RANK_APPOSITIVE, RANK_RELATIVE, Clue

# The bodies whose members are officials by membership alone ('X, of the Police Federation'); a body's head
# ('his vice-chairman') holds a post of the body the official named before chairs.
MEMBER_LABELS = (FEDERATION, OTHER)

Posts = Mapping[int, tuple[str, str | None]]  # the token after a mention -> the (role, force) of its person


def last_post(posts: Posts, before: int) -> tuple[str, str | None] | None:
    """The post of the official named last before token ``before``."""
    ends = [end for end in posts if end <= before]
    return posts[max(ends)] if ends else None


def counterpart(idx: DocIndex, hon_start: int, sent: Span, posts: Posts) -> Clue | None:
    """'His Cumbria counterpart, Reg Watson', 'His counterpart for Avon and Somerset, X': the post of the official
    named last, in the force of the area named with 'counterpart' (no force where none is named)."""
    doc, lex = idx.doc, idx.lex
    i = hon_start - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    area = idx.places.get(i)  # 'His counterpart for Avon and Somerset, Sue Mountstevens'
    if area is not None and area.start - 2 >= sent.start and doc[area.start - 1].lower_ in lex.portfolio_prepositions:
        i = area.start - 2
        owner = i - 1
    else:
        area = idx.places.get(i - 1)
        owner = (area.start if area else i) - 1
    if i <= sent.start or doc[i].lower_ not in lex.counterpart_words:
        return None
    if owner < sent.start or not (doc[owner].lower_ in lex.person_pronouns or doc[owner].text in lex.possessives):
        return None
    post = last_post(posts, hon_start)
    if post is None:
        return None
    return Clue(RANK_APPOSITIVE, post[0], force=area.label if area else None, no_fallback=True)


def deputy(idx: DocIndex, hon_start: int, sent: Span, posts: Posts) -> Clue | None:
    """'Mr Tipping's deputy, Emma Foody', 'Her deputy, Ben Snuggs': the deputy of the official named (a deputy
    PCC, a deputy chief constable), in the same force."""
    doc, lex = idx.doc, idx.lex
    i = hon_start - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    if i - 1 < sent.start or doc[i].lower_ not in lex.deputy_words:
        return None
    if doc[i - 1].text in lex.possessives:
        post = posts.get(i - 1)
    elif doc[i - 1].lower_ in lex.person_pronouns:
        post = last_post(posts, hon_start)
    else:
        return None
    role = lex.deputy_roles.get(post[0]) if post else None
    return Clue(RANK_APPOSITIVE, role, force=post[1]) if post and role else None


def owned_head(idx: DocIndex, hon_start: int, sent: Span, posts: Posts) -> Clue | None:
    """'His vice-chairman, Brian Preston': a head owned by the official named last, who holds a post of a body
    ('chairman of Devon and Cornwall Police Authority'), is a post of that body, in its force."""
    doc, lex = idx.doc, idx.lex
    i = hon_start - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    head = idx.title_ending.get(i + 1)
    if head is None or head.label is not None or head.start - 1 < sent.start:
        return None
    if doc[head.start - 1].lower_ not in lex.person_pronouns:
        return None
    post = last_post(posts, hon_start)
    if post is None or post[0] not in MEMBER_LABELS:
        return None
    return Clue(RANK_APPOSITIVE, post[0], force=post[1])


def affiliation(idx: DocIndex, start: int, end: int) -> Clue | None:
    """'X, of the Cheshire branch of the Police Federation', 'X of Unison', 'X, of the police authority': a member
    of a body named after 'of/from', in the force named with it; 'X, of the joint unit' is tied to no one force."""
    doc, lex = idx.doc, idx.lex
    if start >= end or doc[start].lower_ not in lex.affiliation_prepositions:
        return None
    named = {o.label for o in idx.organisations.within(start, end)}
    label = next((label for label in MEMBER_LABELS if label in named), None)
    if label is None:
        words = {t.lower_ for t in doc[start:end]}
        if words & lex.head_objects and words & lex.national_words:
            return Clue(RANK_RELATIVE, None, no_fallback=True)  # 'of the joint unit': tied to no one force
        return None
    places = places_in(idx, start, end)
    force = body_force(idx, start, end, label)
    force = force or (places[0].label if places else None)
    if force is None and (bodies := idx.bodies.within(start, end)):
        force = bodies[0].label
    return Clue(RANK_RELATIVE, label, force=force, local=local_body(idx, label, start, end))

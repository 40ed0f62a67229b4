"""Clues after the name: 'Jane Doe of Kent Police', 'Jane Doe, the PCC for Kent, ...', 'Jane Doe, 45, a
police constable', 'Jane Doe, who chairs the panel, ...', 'Jane Doe, who has been acting chief constable'.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import FEDERATION, ORGANISATION_PRIORITY, OTHER, POLITICIAN, STAFF
from pipeline.nlp.officials.names import name_token
from pipeline.nlp.officials.organisations import body_force, places_in
from pipeline.nlp.officials.relations import affiliation
from pipeline.nlp.officials.roles import (
    RANK_APPOSITIVE,
    RANK_HEADS_UNIT,
    RANK_PLACE,
    RANK_RELATIVE,
    Clue,
    clue,
    has_former,
    joint_post,
    place_clue,
    premodifier,
)
from pipeline.nlp.officials.titles import is_dash

MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "poss", "case", "det", "advmod"}


def after_name(idx: DocIndex, end: int, sent: Span) -> list[Clue]:
    """The clues in the words after a name that ends at ``end``: a title written after it ('Karl Turner MP'),
    'of/from/at' with a force or a body, an appositive, a relative clause."""
    doc, lex = idx.doc, idx.lex
    clues: list[Clue] = []
    if postnominal(idx, end, sent):  # 'Karl Turner MP', 'Jane Hutt AM'
        clues.append(Clue(RANK_APPOSITIVE, lex.abbreviations[doc[end].text], title=end))
    if end < sent.end and doc[end].lower_ in lex.affiliation_prepositions:
        k = end + 1 + (end + 1 < sent.end and doc[end + 1].lower_ == "the")
        if k in idx.places and idx.places[k].start == k:
            clues.append(place_clue(idx.places[k], RANK_PLACE))
        if member := affiliation(idx, end, segment_end(idx, end, sent)):
            clues.append(member)
    if end >= sent.end or not (doc[end].text in lex.apposition_openers or is_dash(idx, doc[end])):
        return clues
    start = end + 1
    stop = segment_end(idx, start, sent)
    if stop > start and all(t.like_num for t in doc[start:stop]) and stop + 1 < sent.end and doc[stop].text == ",":
        start, stop = stop + 1, segment_end(idx, stop + 1, sent)  # an age: 'Jane Doe, 45, ...'
    if start < sent.end and doc[start].lower_ in lex.relative_pronouns:
        return clues + relative(idx, start, stop)
    clues += appositive(idx, start, stop)
    if member := affiliation(idx, start, stop):
        clues.append(member)
    if stop + 1 < sent.end and doc[stop].text == "," and doc[stop + 1].lower_ in lex.relative_pronouns:
        clues += relative(idx, stop + 1, segment_end(idx, stop + 1, sent))
    return clues


def postnominal(idx: DocIndex, end: int, sent: Span) -> bool:
    """A title written after the name that ends at ``end`` ('Karl Turner MP'), not one before the next name ('North
    East Herts MP Oliver Heald': the run before it is a constituency)."""
    doc = idx.doc
    if end >= sent.end or doc[end].text not in idx.lex.postnominal_titles:
        return False
    if end + 1 < sent.end and name_token(idx, doc[end + 1]):
        return False
    return not any(i in idx.places for i in range(max(sent.start, end - 3), end))


def segment_end(idx: DocIndex, start: int, sent: Span) -> int:
    """Where an appositive or relative clause opening at ``start`` ends: a comma outside a title or force
    name ('police, fire and crime commissioner'), a bracket, a quote mark or the sentence end."""
    doc, lex = idx.doc, idx.lex
    j = start
    while j < sent.end:
        text = doc[j].text
        if text in lex.clause_breaks or text in lex.opening_quotes or text in lex.closing_quotes or is_dash(idx, doc[j]):
            break
        if text == "," and j not in idx.title_at and j not in idx.places:
            break
        j += 1
    return j


def appositive(idx: DocIndex, start: int, end: int) -> list[Clue]:
    """', the Police and Crime Commissioner for North Yorkshire', ', a TVP officer who heads SEROCU'."""
    doc, lex = idx.doc, idx.lex
    clues: list[Clue] = []
    verbs = (t.i for t in doc[start:end] if t.pos_ in {"VERB", "AUX"} and t.i not in idx.title_at)
    verb = next((i for i in verbs if doc[i].lower_ not in lex.acting and doc[i].lower_ not in lex.role_verbs), end)
    title = None
    for part in [start] + [t.i + 1 for t in doc[start:verb] if t.lower_ == "and"]:  # '..., X lead and Kent's PCC'
        title = title or role_head(idx, part, verb, lex.role_verbs)  # ', elected police and crime commissioner'
    found = clue(idx, title, start, end, RANK_APPOSITIVE) if title else None
    if found:
        clues.append(found)
    elif not has_former(idx, start, verb) and (places := places_in(idx, start, verb)):
        clues.append(place_clue(places[0], RANK_PLACE))
    if title is not None and joint_post(idx, start, end):  # 'X, head of roads policing for the two forces'
        clues.append(Clue(RANK_PLACE, None, no_fallback=True))
    who = next((t.i for t in doc[start:end] if t.lower_ in lex.relative_pronouns), None)
    return clues + (relative(idx, who, end) if who is not None else [])


def relative(idx: DocIndex, start: int, end: int) -> list[Clue]:
    """', who has been acting chief constable of the CNC', ', who chairs the panel', ', who heads the unit',
    ', who has led North Wales Police since the spring', ', who represents rank-and-file officers in Hampshire'."""
    doc, lex = idx.doc, idx.lex
    clues: list[Clue] = []
    title = role_head(idx, start, end, lex.role_verbs)
    found = clue(idx, title, start, end, RANK_RELATIVE) if title else None
    if found:
        clues.append(found)
    words = {t.lower_ for t in doc[start:end]}
    places = [] if has_former(idx, start, end) else places_in(idx, start, end)
    if words & lex.chair_verbs:
        chaired = {o.label for o in idx.organisations.within(start, end)}
        label = next((label for label in ORGANISATION_PRIORITY if label in chaired and label != STAFF), None)
        if label:
            force = body_force(idx, start, end) if label == OTHER else None
            clues.append(Clue(RANK_RELATIVE, label, force=force))
    if not found and words & lex.represent_verbs and words & lex.represented_people:
        clues.append(Clue(RANK_RELATIVE, FEDERATION))  # 'who represents rank-and-file officers in Hampshire'
    elif not found and constituency(idx, start, end):
        clues.append(Clue(RANK_RELATIVE, POLITICIAN, no_fallback=True))  # 'who represents Penrith and the Border'
    owned = any(t.lower_ in lex.force_nouns and t.nbor().text in lex.possessives for t in doc[start : end - 1])
    if words & lex.head_verbs and words & lex.head_objects and not places and not owned:
        clues.append(Clue(RANK_HEADS_UNIT, STAFF, no_fallback=True))  # 'who heads the unit': a joint unit, not
        # 'who heads the force's roads policing department'
    if places:
        clues.append(place_clue(places[0], RANK_PLACE))
    return clues


def constituency(idx: DocIndex, start: int, end: int) -> bool:
    """', who represents Penrith and the Border': a represent verb whose object is a place name, no people (an MP's
    seat; 'who represents rank-and-file officers' is a Federation official's work)."""
    doc, lex = idx.doc, idx.lex
    for verb in doc[start:end]:
        if verb.lower_ not in lex.represent_verbs:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < end]
        named = [t for o in objects for t in o.subtree]
        return (
            bool(objects) and all(o.pos_ == "PROPN" for o in objects)  # spaCy may tag a seat as a PERSON
            and not idx.organisations.within(start, end) and not idx.titles.within(start, end)
            and not any(t.i in idx.forces for t in named)
        )
    return False


def role_head(idx: DocIndex, start: int, end: int, verbs: frozenset[str]) -> Phrase | None:
    """The title that heads the phrase doc[start:end] ('the PCC for Kent', 'one of HM Inspectors of
    Constabulary', 'who has been appointed deputy PCC'); not a title that only owns another noun ('the PCC's
    chief of staff'), follows a preposition ('mother of PC Jane Doe') or is someone else's ('wife of DCI X')."""
    doc = idx.doc
    for title in idx.titles.within(start, end):
        if not all(lead_in(idx, token, title, verbs) for token in doc[start : title.start]):
            return None
        following = doc[title.end] if title.end < len(doc) else None
        if following is not None and following.text in idx.lex.possessives:
            continue  # an owner: the head comes after it
        if following is not None and name_token(idx, following):
            return None
        return title
    return None


def lead_in(idx: DocIndex, token: Token, title: Phrase, verbs: frozenset[str]) -> bool:
    """A word that may come before the title that heads an appositive or a relative clause."""
    lower = token.lower_
    if lower in idx.lex.lead_in_words or lower in verbs or token.text[:1].isupper():
        return True
    if token.text in idx.lex.name_hyphens and token.i > 0 and not token.nbor(-1).whitespace_ and not token.whitespace_:
        return True  # 'the union's North-East regional organiser'
    if lower == "of":
        return token.i > 0 and token.nbor(-1).lower_ == "one"
    if token.dep_ in MODIFIER_DEPS and title.start <= token.head.i < title.end:
        return True
    return premodifier(idx, token)

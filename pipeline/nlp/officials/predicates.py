"""Roles stated by the verb phrase of the name's clause: 'Stephen Kavanagh remains chief constable of Essex
Police', 'Jane Hart was appointed chief constable', 'Sir Iain Livingstone retired as chief constable', 'Mr
Burnham has appointed Beverley Hughes as deputy mayor for policing and crime', '... chosen Alison Lowe as her
candidate to become the region's deputy mayor', 'X, who served two terms as the county's PCC', 'X, who has led
the force since 2001', 'The authority will be chaired by Melvyn Smith'.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from pipeline.nlp.officials.coreference import title_span
from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import CHIEF_CONSTABLE, ORGANISATION_PRIORITY, OTHER, STAFF
from pipeline.nlp.officials.organisations import body_force, places_in
from pipeline.nlp.officials.roles import RANK_PREDICATE, Clue, clue

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
COMPLEMENT_DEPS = {"attr", "oprd"}
CLAUSE_DEPS = {"xcomp", "advcl", "ccomp"}


def predicate_clues(idx: DocIndex, start: int, end: int) -> list[Clue]:
    """The clues the verbs of the name's own clauses give: its verb as subject, the verb whose object it is,
    the verb of its relative clause ('who stood down as chairman of Sussex Police Authority'), the verb it is
    the agent of ('chaired by X')."""
    doc = idx.doc
    root = doc[start:end].root
    verbs: list[Token] = []
    if root.dep_ in SUBJECT_DEPS or (root.dep_ == "dobj" and root.head.lemma_.lower() in idx.lex.appointing_verbs):
        verbs.append(root.head)
    verbs += [c for c in root.children if c.dep_ == "relcl" and c.i > root.i]
    clues: list[Clue] = []
    for verb in verbs:
        clues += [c for t in complement_titles(idx, verb) if (c := title_clue(idx, t)) is not None]
        if (led := led_force(idx, verb)) is not None:
            clues.append(led)
    if root.dep_ == "pobj" and root.head.dep_ == "agent" and (chair := chaired_by(idx, root.head.head)) is not None:
        clues.append(chair)
    return clues


def complement_titles(idx: DocIndex, verb: Token) -> Iterator[Phrase]:
    """Titles the verb gives its subject or object: its complement ('remains chief constable', 'was appointed
    chief constable'), 'as TITLE' under it, and the same under 'to become'."""
    for child in verb.children:
        if child.dep_ in COMPLEMENT_DEPS:
            yield from headed_title(idx, child)
        elif child.dep_ == "prep" and child.lower_ in idx.lex.complement_prepositions:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield from headed_title(idx, pobj)
        elif child.dep_ in CLAUSE_DEPS and child.lemma_.lower() in idx.lex.becoming_verbs:
            yield from complement_titles(idx, child)


def headed_title(idx: DocIndex, token: Token) -> Iterator[Phrase]:
    """The title whose head word is ``token`` ('acting chief constable'), not one that only owns it ('the chief
    constable's staff officer')."""
    title = idx.title_at.get(token.i)
    if title is not None and idx.doc[title.start : title.end].root.i == token.i:
        yield title


def title_clue(idx: DocIndex, title: Phrase) -> Clue | None:
    """The clue of a title read with the words that belong to it."""
    lo, hi = title_span(idx, title, idx.doc[title.start].sent)
    return clue(idx, title, lo, hi, RANK_PREDICATE)


def led_force(idx: DocIndex, verb: Token) -> Clue | None:
    """'who has led the force since 2001', 'will lead the single force', 'who took charge of Police Scotland' (a
    word of ``charge_nouns`` with the force after 'of'): the force's chief constable."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_.lower() not in idx.lex.leading_verbs:
        objects = [
            g for c in objects if c.lemma_.lower() in idx.lex.charge_nouns
            for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
    for child in objects:
        places = places_in(idx, child.left_edge.i, child.i + 1)
        if child.lemma_.lower() in idx.lex.force_nouns or (places and child.i in idx.forces):  # 'who leads Essex Police'
            return Clue(RANK_PREDICATE, CHIEF_CONSTABLE, force=places[0].label if places else None)
    return None


def chaired_by(idx: DocIndex, verb: Token) -> Clue | None:
    """'The authority will be chaired by X': the label of the organisation chaired."""
    if verb.lower_ not in idx.lex.chair_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            lo, hi = child.left_edge.i, child.right_edge.i + 1
            named = {o.label for o in idx.organisations.within(lo, hi)}
            label = next((label for label in ORGANISATION_PRIORITY if label in named and label != STAFF), None)
            if label:
                return Clue(RANK_PREDICATE, label, force=body_force(idx, lo, hi) if label == OTHER else None)
    return None

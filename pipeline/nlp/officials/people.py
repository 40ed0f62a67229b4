"""People: each name run of the document either refers to an official already introduced ('Mr Hogg',
'Lord X', 'Sir Richard', the full name again) or, when the clues around it give a role, introduces one.

The clues of every name of a sentence are read first, from the words around the names alone; which
titles gave someone their role is then a fact of the sentence, not of the order the clues were read
in (the next sentence's speaker may take a title of this one that gave no one a role). Resolving and
introducing people then go name by name, in text order.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.officials.apposition import after_name
from pipeline.nlp.officials.coreference import (
    Waiting,
    can_take_title,
    opens_speech,
    still_waiting,
    unnamed_titles,
    waiting_title,
)
from pipeline.nlp.officials.index import DocIndex
from pipeline.nlp.officials.lexicon import POLITICIAN
from pipeline.nlp.officials.names import has_honorific, honorific_start, name_runs, title_case
from pipeline.nlp.officials.predicates import predicate_clues
from pipeline.nlp.officials.relations import counterpart, owned_head
from pipeline.nlp.officials.roles import RANK_HONORIFIC, RANK_TITLE_BEFORE, Clue
from pipeline.nlp.officials.titles import antecedent, listed_names, successor, title_before
from pipeline.nlp.sentences import content_sentences

LEDE_WORDS = 6  # a shorter line after the headline is a dateline or a byline, not the lede


@dataclass(frozen=True)
class Person:
    """One official of an article, as first introduced."""

    name: str
    role: str
    acting: bool
    force: str | None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Mention:
    """One mention of an official: the name tokens, and where its evidence starts."""

    person: Person
    start: int  # first name token
    end: int
    text_start: int  # first honorific ("Mr Hogg"), else start


@dataclass(frozen=True)
class NameClues:
    """A name run of a sentence with the clues its own words give."""

    hon_start: int
    start: int
    end: int
    listed: Clue | None  # from a plural title before a list of names; then the other clues are not read
    before: Clue | None  # from a title before the name
    after: tuple[Clue, ...]  # from the words after it and the verbs of its clauses

    @property
    def titles(self) -> set[int]:
        """The titles these clues come from."""
        return {c.title for c in (self.listed, self.before, *self.after) if c is not None and c.title is not None}


def sentence_clues(idx: DocIndex, sent: Span) -> tuple[list[NameClues], frozenset[int]]:
    """The name runs of a sentence with their clues, and the titles of the sentence that gave a name a role
    (a plural title gives one to the names after it even when they are too few to be a list)."""
    runs = name_runs(idx, sent)
    lists = listed_names(idx, sent, runs)
    listed = {start: item for group in lists if len(group.items) >= 2 for start, item in group.items.items()}
    used = {group.title.start for group in lists}
    names = []
    for start, end in runs:
        hon_start = honorific_start(idx, start, sent.start)
        if start in listed:
            name = NameClues(hon_start, start, end, listed[start], None, ())
        else:
            after = (*after_name(idx, end, sent), *predicate_clues(idx, start, end))
            name = NameClues(hon_start, start, end, None, title_before(idx, hon_start, sent), after)
        used |= name.titles
        names.append(name)
    return names, frozenset(used)


def find_mentions(idx: DocIndex) -> list[Mention]:
    """Every mention of an official, in text order."""
    doc, lex = idx.doc, idx.lex
    people: list[Person] = []
    mentions: list[Mention] = []
    posts: dict[int, tuple[str, str | None]] = {}  # token after a mention -> the (role, force) of its person
    sentences = list(content_sentences(doc))
    lede = lede_index(doc, sentences)
    used_before: frozenset[int] = frozenset()
    waiting: list[Waiting] = []
    untitled: dict[str, str] = {}  # surname -> a full name that no clue made an official (yet)
    for k, sent in enumerate(sentences):
        if title_case(sent):  # 'Chief Constable Backs Merger Plan': no telling names from words
            used_before = frozenset()
            continue
        names, used = sentence_clues(idx, sent)
        for name in names:
            if name.listed:
                clues = [name.listed]
            else:
                before = (
                    name.before or successor(idx, name.hon_start, sent, posts)
                    or counterpart(idx, name.hon_start, sent, posts) or owned_head(idx, name.hon_start, sent, posts)
                )
                clues = ([before] if before else []) + list(name.after)
            if has_honorific(idx, name.hon_start, name.start, lex.councillor_honorifics):
                clues.append(Clue(RANK_HONORIFIC, POLITICIAN))
            person = resolve(idx, name.hon_start, name.start, name.end, people)
            if person is None:
                if not any(c.label for c in clues) and name.end - name.start >= 2:
                    previous = sentences[k - 1] if k else None
                    found = antecedent(idx, sent, previous, name.hon_start, name.end, used_before)
                    speaker = opens_speech(idx, name.hon_start, name.end, sent)
                    taken = None if found else waiting_title(waiting, k, speaker)
                    if taken and can_take_title(idx, name.hon_start, name.start, name.end, sent, taken.indefinite):
                        found = taken.clue
                        waiting.remove(taken)
                    clues += [found] if found else []
                full = untitled.get(doc[name.start].text) if name.end - name.start == 1 else None
                person = introduce(idx, name.hon_start, name.start, name.end, clues, full)
                if person is None:
                    if name.end - name.start >= 2 and not any(c.label for c in clues):
                        untitled[doc[name.end - 1].text] = doc[name.start : name.end].text
                    continue
                people.append(person)
            mentions.append(Mention(person, name.start, name.end, name.hon_start))
            posts[name.end] = (person.role, person.force)
        used_before = used
        held = {(p.role, p.force) for p in people}
        waiting = still_waiting(waiting, k) + [
            Waiting(title, found, k, k == lede, indefinite)
            for title, found, indefinite in unnamed_titles(idx, sent, used, k == lede)
            if (found.label, post_force(idx, found)) not in held
        ]
    return mentions


def post_force(idx: DocIndex, found: Clue) -> str | None:
    """The force a person introduced by this clue alone would be tied to."""
    if found.label == POLITICIAN:
        return None
    if found.force is None and found.label in idx.lex.fallback_roles and not found.no_fallback:
        return idx.main_force
    return found.force


def lede_index(doc: Doc, sentences: list[Span]) -> int | None:
    """The index of the article's first full sentence after the headline (not a dateline: 'Published: 2 July')."""
    return next(
        (k for k, s in enumerate(sentences) if s.start_char >= doc._.headline_end and s[-1].is_punct
         and sum(t.is_alpha for t in s) >= LEDE_WORDS),
        None,
    )


def resolve(idx: DocIndex, hon_start: int, start: int, end: int, people: list[Person]) -> Person | None:
    """Someone already introduced: the full name again, or 'Mr Hogg', 'PC Hartley', 'Sir Richard'."""
    doc = idx.doc
    words = [t.text for t in doc[start:end]]
    name = doc[start:end].text
    for person in reversed(people):
        if person.name == name:
            return person
    if len(words) != 1:
        return None
    for person in reversed(people):
        if person.surname == words[0]:
            return person
    if has_honorific(idx, hon_start, start, idx.lex.knight_titles):
        return next((p for p in reversed(people) if p.first_name == words[0]), None)
    return None


def introduce(
    idx: DocIndex, hon_start: int, start: int, end: int, clues: list[Clue], full_name: str | None = None
) -> Person | None:
    """A new official from the clues around their first mention; None when no clue gives a role. A single
    name is a person only after a peer's title ('Lord Harrowby') or a title right before it ('PC Smith'), or
    when it is the surname of a ``full_name`` named before with no role ('approved Roger Hirst's bid' / 'Mr
    Hirst, elected police and crime commissioner for Essex'): the person is named by the full name."""
    ranked = sorted(clues, key=lambda c: (c.former and c.label is not None, c.rank))
    best = next((c for c in ranked if c.label), None)
    if best is None or best.label is None:
        return None
    peer = has_honorific(idx, hon_start, start, idx.lex.peer_titles)
    place = idx.doc[start].ent_type_ in idx.lex.place_entities  # 'the commissioner for Wiltshire, Swindon'
    if end - start == 1 and not peer and full_name is None and (best.rank != RANK_TITLE_BEFORE or place):
        return None
    located = next((c for c in ranked if c.force), None)
    force = located.force if located else None
    if best.label == POLITICIAN:
        force = None
    elif force is None and (best.label in idx.lex.fallback_roles or best.local) and not any(c.no_fallback for c in clues):
        force = sentence_force(idx, start, end) or idx.main_force or idx.place_force
    return Person(full_name or idx.doc[start:end].text, best.label, best.acting, force)


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

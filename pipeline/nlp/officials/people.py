"""People: each name run of the document either refers to an official already introduced ('Mr Hogg',
'Lord X', 'Sir Richard', the full name again) or, when the clues around it give a role, introduces one.

The clues of every name of a sentence are read first, from the words around the names alone; which
titles gave someone their role is then a fact of the sentence, not of the order the clues were read
in (the next sentence's speaker may take a title of this one that gave no one a role). Resolving and
introducing people then go name by name, in text order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from pipeline.nlp.officials.attribution import post_force, sentence_force
from pipeline.nlp.officials.clues import NameClues, own_clues, sentence_clues
from pipeline.nlp.officials.coreference import (
    Waiting,
    can_take_title,
    lede_index,
    listed_after,
    names_the_subject_before,
    opens_speech,
    still_waiting,
    unnamed_titles,
    waiting_title,
)
from pipeline.nlp.officials.index import DocIndex
from pipeline.nlp.officials.lexicon import FEDERATION, POLICE_OFFICER, POLITICIAN
from pipeline.nlp.officials.names import has_honorific, title_case
from pipeline.nlp.officials.roles import RANK_HONORIFIC, RANK_KNOWN, RANK_TITLE_BEFORE, Clue
from pipeline.nlp.officials.titles import antecedent
from pipeline.nlp.sentences import content_sentences


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


class People(list[Person]):
    """The officials introduced so far, in order, also looked up by full name, surname and first name (the latest
    one wins) and by role: a scan of all of them for every name was quadratic in the article."""

    def __init__(self, people: Iterable[Person] = ()) -> None:
        super().__init__()
        self.by_name: dict[str, Person] = {}
        self.by_surname: dict[str, Person] = {}
        self.by_first_name: dict[str, Person] = {}
        self.forces_by_role: dict[str, set[str | None]] = defaultdict(set)
        for person in people:
            self.append(person)

    def append(self, person: Person) -> None:
        super().append(person)
        self.by_name[person.name] = person
        self.by_surname[person.surname] = person
        self.by_first_name[person.first_name] = person
        self.forces_by_role[person.role].add(person.force)


@dataclass(frozen=True)
class Mention:
    """One mention of an official: the name tokens, and where its evidence starts."""

    person: Person
    start: int  # first name token
    end: int
    text_start: int  # first honorific ("Mr Hogg"), else start


def find_mentions(idx: DocIndex) -> list[Mention]:
    """Every mention of an official, in text order."""
    doc = idx.doc
    people = People()
    mentions: list[Mention] = []
    posts: dict[int, tuple[str, str | None]] = {}  # token after a mention -> the (role, force) of its person
    sentences = list(content_sentences(doc))
    lede = lede_index(doc, sentences)
    used_before: frozenset[int] = frozenset()
    waiting: list[Waiting] = []
    untitled: dict[str, str] = {}  # surname -> a full name that no clue made an official (yet)
    subjects: list[NameClues] = []  # full names of the sentence before, with no role, that may take a title
    listing = -1  # the end of the last name that took a title standing for several people
    located: dict[Person, str] = {}  # people introduced with no force, and the force a later mention gives them
    for k, sent in enumerate(sentences):
        if title_case(sent):  # 'Chief Constable Backs Merger Plan': no telling names from words
            used_before, subjects = frozenset(), []
            continue
        names, used = sentence_clues(idx, sent)
        named_before, subjects = subjects, []
        for name in names:
            clues = own_clues(idx, name, sent, posts)
            person = resolve(idx, name.hon_start, name.start, name.end, people)
            if person is not None and (force := later_force(person, clues)):
                located.setdefault(person, force)
            if person is None:
                if not any(c.label and c.rank < RANK_HONORIFIC for c in clues) and name.end - name.start >= 2:
                    previous = sentences[k - 1] if k else None
                    found = antecedent(idx, sent, previous, name.hon_start, name.end, used_before)
                    speaker = opens_speech(idx, name.hon_start, name.end, sent)
                    taken = None if found else waiting_title(waiting, k, speaker)
                    if taken and not taken.indefinite and held_since(idx, taken.clue, people):
                        waiting.remove(taken)  # someone named since holds the post: 'Chief Constable George Hamilton'
                        taken = None
                    listed = taken is not None and taken.count > 0 and listed_after(idx, listing, name.hon_start)
                    if taken and (listed or can_take_title(idx, name.hon_start, name.start, name.end, sent, taken.indefinite)):
                        found = taken.clue
                        waiting.remove(taken)
                        if taken.count > 1:  # 'Two former detectives ...': the next name takes it too
                            waiting.append(replace(taken, count=taken.count - 1))
                            listing = name.end
                    clues += [found] if found else []
                full = untitled.get(doc[name.start].text) if name.end - name.start == 1 else None
                person = introduce(idx, name.hon_start, name.start, name.end, clues, full)
                if person is None:
                    if name.end - name.start >= 2 and not any(c.label for c in clues) and person_like(idx, name):
                        untitled[doc[name.end - 1].text] = doc[name.start : name.end].text
                        if can_take_title(idx, name.hon_start, name.start, name.end, sent):
                            subjects.append(name)
                    continue
                people.append(person)
            mentions.append(Mention(person, name.start, name.end, name.hon_start))
            posts[name.end] = (person.role, person.force)
        used_before = used
        titles = unnamed_titles(idx, sent, used, k == lede)  # an indefinite one is someone new: 'A former constable'
        fresh = [t for t in titles if t[2] or not held_since(idx, t[1], people)]
        for title, found, count in list(fresh):  # 'Ken Livingstone has renewed ...' / 'The mayor argued ...'
            if named_before and not count and names_the_subject_before(idx, title):
                name = named_before.pop(0)
                if person := introduce(idx, name.hon_start, name.start, name.end, [found]):
                    people.append(person)
                    mentions.append(Mention(person, name.start, name.end, name.hon_start))
                    posts[name.end] = (person.role, person.force)
                    fresh.remove((title, found, count))
        waiting = still_waiting(waiting, k) + [Waiting(t, found, k, k == lede, i) for t, found, i in fresh]
    mentions = [replace(m, person=replace(m.person, force=located[m.person])) if m.person in located else m
                for m in mentions]
    return sorted(mentions, key=lambda m: m.start)


def later_force(person: Person, clues: list[Clue]) -> str | None:
    """The force a later mention gives someone introduced without one, in the same post: 'Chief Constable Colin
    Port said ...' and then the caption 'Colin Port, Chief Constable of Avon and Somerset'."""
    if person.force is not None or person.role == POLITICIAN:
        return None
    return next((c.force for c in clues if c.force and c.label in {None, person.role} and not c.former), None)


def held_since(idx: DocIndex, found: Clue, people: People) -> bool:
    """Someone introduced holds the post a waiting title names (the same role, in the same force where both are
    known)."""
    force = post_force(idx, found)
    forces = people.forces_by_role.get(found.label, set())
    return bool(forces) and (force is None or force in forces or None in forces)


def person_like(idx: DocIndex, name: NameClues) -> bool:
    """A name with no place in it and no entity label of a thing ('the Guernsey Border Agency' is none)."""
    tokens = range(name.start, name.end)
    return not any(i in idx.places or idx.doc[i].ent_type_ in idx.lex.not_person_entities for i in tokens)


def resolve(idx: DocIndex, hon_start: int, start: int, end: int, people: People) -> Person | None:
    """Someone already introduced (the latest one): the full name again, or 'Mr Hogg', 'PC Hartley', 'Sir Richard'."""
    doc = idx.doc
    words = [t.text for t in doc[start:end]]
    name = doc[start:end].text
    if name in people.by_name:
        return people.by_name[name]
    if len(words) != 1:
        return None
    if words[0] in people.by_surname:
        return people.by_surname[words[0]]
    if has_honorific(idx, hon_start, start, idx.lex.knight_titles):
        return people.by_first_name.get(words[0])
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
    if best is None and national_politician(idx, start, end):
        best = Clue(RANK_KNOWN, POLITICIAN)  # 'asked Charles Clarke for a meeting': a holder of national office
    if best is None or best.label is None:
        return None
    if best.label == POLICE_OFFICER and (member := next((c for c in ranked if c.label == FEDERATION), None)):
        best = member  # 'Inspector X, of the Staffordshire Police Federation': a rank, speaking for the Federation
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


def national_politician(idx: DocIndex, start: int, end: int) -> bool:
    """The full name of a holder of national office ('Charles Clarke', 'Theresa May'), not a namesake given an age
    ('John Reid, 45, was jailed')."""
    doc = idx.doc
    if doc[start:end].text not in idx.lex.national_politicians:
        return False
    return not (end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ",")

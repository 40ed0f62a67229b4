"""A title and a name in different sentences: the commonest news opening names the post first and the
person after ('Northern Ireland will lose 238 officers, the chief constable has said.' / 'George Hamilton
told a Policing Board seminar ...').

A title is *waiting* when it heads a subject, names no one in its sentence, stands for one person (singular;
definite, or the indefinite subject of a lede that holds someone to account: 'A former Gwent Police constable
who ... has been jailed')
and is not the post of someone already named. A full name with no clue of its own that is a subject, or the
possessor of an object ('approved Julia Mulligan's proposal'), with nothing set off after it but an age,
takes the nearest waiting title of the two sentences before; a speaker who opens a later sentence ('Angelique
Foster said ...') takes the lede's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.organisations import places_in
from pipeline.nlp.officials.roles import RANK_ANTECEDENT, Clue, clue, premodifier
from pipeline.nlp.officials.titles import PLURAL_TAGS

SUBJECT_DEPS = {"nsubj", "nsubjpass"}
LEDE_WORDS = 6  # a shorter line after the headline is a dateline or a byline, not the lede
SENTENCES_WAITING = 2  # a title waits this many sentences for its name (the lede's waits for the article)


@dataclass(frozen=True)
class Waiting:
    """A title that named no one, with the clue it gives and the sentence it stands in."""

    title: Phrase
    clue: Clue
    sentence: int
    lede: bool
    count: int = 0  # how many people an indefinite title stands for ('A former constable', 'Two detectives ...
    # have been jailed'): their names may come with an age; 0 for a definite title

    @property
    def indefinite(self) -> bool:
        return self.count > 0


def heads_subject(token: Token) -> bool:
    """The token is a clause's subject."""
    return token.dep_ in SUBJECT_DEPS


def stands_for_actor(token: Token) -> bool:
    """The title is a clause's subject, the agent of a passive ('sent by the Home Secretary') or the owner of
    what someone did ('the Home Secretary's demand'); a noun the parser made the root stands for the subject of
    a sentence it could not parse ('A police officer who hid ... has been sent to prison')."""
    if token.dep_ == "ROOT":
        return token.pos_ in {"NOUN", "PROPN"}
    return heads_subject(token) or token.dep_ == "poss" or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def title_span(idx: DocIndex, title: Phrase, sent: Span) -> tuple[int, int]:
    """The title's phrase: the words before it that belong to it ('Derbyshire's police and crime commissioner',
    'Greater Manchester's first elected mayor') and the phrase of 'of/for' after it ('the chief constable of
    Humberside Police', 'chairman of Sussex Police Authority')."""
    doc, lex = idx.doc, idx.lex
    lo = title.start
    while lo - 1 >= sent.start and title.start - lo < 6 and premodifier(idx, doc[lo - 1]):
        lo -= 1
    lo = max(sent.start, min(lo, doc[title.start : title.end].root.left_edge.i))
    hi = title.end
    if hi < sent.end and doc[hi].lower_ in lex.portfolio_prepositions and doc[hi].head.i in range(title.start, title.end):
        hi = min(sent.end, doc[hi].right_edge.i + 1)
    return lo, hi


def unnamed_titles(idx: DocIndex, sent: Span, used: frozenset[int], lede: bool) -> list[tuple[Phrase, Clue, int]]:
    """The titles of a sentence that wait for a name in the next ones (see the module docstring), each with
    its clue and how many people it stands for if it is indefinite (0 if definite)."""
    doc = idx.doc
    out = []
    for title in idx.titles.within(sent.start, sent.end):
        root = doc[title.start : title.end].root
        if title.start in used or not stands_for_actor(root):
            continue
        lo, hi = title_span(idx, title, sent)
        determiners = {t.lower_ for t in doc[lo : title.start] if t.dep_ == "det"}
        owned = any(t.dep_ == "poss" for t in doc[lo : title.start])
        count = indefinite_count(idx, root, determiners) if lede and accounted_for(idx, root) else 0
        areas = 0
        if root.tag_ in PLURAL_TAGS and count < 2:
            areas = len(places_in(idx, title.end, hi)) if determiners == {"the"} else 0
            if areas < 2:
                continue  # 'the chief constables': who of them?
            count = areas  # 'The police and crime commissioners for A, B and C have agreed ...': three people
        if not (owned or count or (determiners and determiners <= {"the"})):
            continue  # 'every chief constable', 'an elected mayor could ...', a bare 'Chief Constable said'
        found = clue(idx, title, lo, hi, RANK_ANTECEDENT)
        if found is not None and areas:
            found = replace(found, force=None)  # the commissioners for A and B: each person's own force
        if found is not None:
            out.append((title, found, count))
    return out


def indefinite_count(idx: DocIndex, root: Token, determiners: set[str]) -> int:
    """How many people an indefinite title stands for: one ('A former constable'), or its number ('Two former
    Essex Police detectives'); 0 if it is not indefinite."""
    if determiners and determiners <= idx.lex.indefinite_articles:
        return 1
    numbers = [c for c in root.children if c.dep_ == "nummod"]
    if not determiners and len(numbers) == 1:
        text = numbers[0].lower_
        return int(text) if text.isdigit() else idx.lex.number_words.get(text, 0)
    return 0


def accounted_for(idx: DocIndex, subject: Token) -> bool:
    """The subject of the lede's main clause is held to account or appointed ('A former Gwent Police constable
    ... has been jailed'): the one the next sentence names, not a victim ('A man has been charged after a police
    officer was assaulted' / 'John Smith, 25, will appear in court')."""
    verbs = idx.lex.accounting_verbs
    if subject.dep_ == "ROOT":  # a sentence the parser could not read: any of its verbs
        return any(t.pos_ in {"VERB", "AUX"} and t.lemma_.lower() in verbs for t in subject.sent)
    return heads_subject(subject) and main_clause(idx, subject.head) and subject.head.lemma_.lower() in verbs


def can_take_title(idx: DocIndex, hon_start: int, start: int, end: int, sent: Span, indefinite: bool = False) -> bool:
    """A full name that may stand for a title of the sentences before: no title of its own, no entity label of
    a thing ('Hard Yards', 'Gleneagles Hotel'), the subject of the main clause or the possessor of its object
    ('approved Julia Mulligan's proposal', not 'Sir Michael Bichard's report found'), nothing set off after it
    but, after an ``indefinite`` title, an age ('Paul Chadwick, 51,'); after one, a name joined to such a subject
    may take it too ('Sharon Patterson, 49, was jailed for 18 months and Lee Pollard, 47, for two years')."""
    doc, lex = idx.doc, idx.lex
    if end - start < 2 or any(t.ent_type_ in lex.not_person_entities for t in doc[start:end]):
        return False
    before = hon_start - 1 - (hon_start > sent.start and doc[hon_start - 1].text == ",")
    if before >= sent.start and before in idx.title_at:
        return False  # a title that gave no role: 'Interim chief executive Lynn Brown'
    root = doc[start:end].root
    if indefinite and root.dep_ == "conj" and heads_subject(root.head):
        root = root.head  # 'John Smith, 34, and Jane Doe, 29, were sentenced'
    if indefinite and root.dep_ == "conj" and root.head.pos_ in {"VERB", "AUX"}:
        verb = root.head  # a subject whose verb is left out: '... was jailed and Lee Pollard, 47, for two years'
    elif heads_subject(root) or (root.dep_ == "poss" and root.head.dep_ == "dobj"):
        verb = root.head if heads_subject(root) else root.head.head
    else:
        return False
    if not main_clause(idx, verb):
        return False  # 'the report examined how Ian Huntley came to be employed'
    if end < sent.end and (doc[end].text in lex.apposition_openers or doc[end].lower_ in lex.relative_pronouns):
        return indefinite and end + 1 < sent.end and (doc[end + 1].like_num or end + 1 in idx.places)  # an age, an
        # area: 'Paddy Tipping (Nottinghamshire)'
    return True


def listed_after(idx: DocIndex, end: int, hon_start: int) -> bool:
    """The name starting at ``hon_start`` is the next item of a list after the name that ends at ``end``, only
    its area in brackets and a joiner between them ('Lord Willy Bach (Leicestershire), Paddy Tipping
    (Nottinghamshire) and ...'): it takes the title that name took, whatever the parser made of the list."""
    doc, lex = idx.doc, idx.lex
    if end < 0 or end >= hon_start:
        return False
    i = end
    if doc[i].text in lex.apposition_openers and doc[i].text != ",":  # '(Leicestershire)'
        i += 1
        while i < hon_start and i in idx.places:
            i = idx.places[i].end
        if i >= hon_start or doc[i].text not in lex.clause_breaks:
            return False
        i += 1
    between = doc[i:hon_start]
    return len(between) > 0 and all(t.text in lex.person_list_joiners for t in between)


def main_clause(idx: DocIndex, verb: Token) -> bool:
    """The verb heads its sentence, a clause joined to the one that does ('... and Lee Pollard was jailed'), or
    the clause a source reports ('David Carr was convicted, Police Scotland said')."""
    while verb.dep_ == "conj":
        verb = verb.head
    if verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT" and verb.head.i > verb.i:
        return verb.head.lemma_.lower() in idx.lex.speech_verbs
    return verb.dep_ == "ROOT"


def names_the_subject_before(idx: DocIndex, title: Phrase) -> bool:
    """A title that opens its sentence as the main clause's subject with 'the' ('The mayor argued ...'): the
    person the sentence before named as its subject ('Ken Livingstone has renewed his campaign ...')."""
    doc = idx.doc
    root = doc[title.start : title.end].root
    sent = root.sent
    opener = next((t for t in sent if not t.is_space), None)
    return (
        opener is not None and opener.lower_ == "the" and opener.i == title.start - 1
        and heads_subject(root) and main_clause(idx, root.head)
    )


def opens_speech(idx: DocIndex, hon_start: int, end: int, sent: Span) -> bool:
    """The name opens its sentence as the subject of a speech verb ('Angelique Foster said ...')."""
    root = idx.doc[hon_start:end].root
    return hon_start == sent.start and heads_subject(root) and root.head.lemma_.lower() in idx.lex.speech_verbs


def waiting_title(waiting: Iterable[Waiting], sentence: int, speaker: bool) -> Waiting | None:
    """The title a name in sentence ``sentence`` takes: the nearest of the two sentences before; else, for a
    ``speaker`` who opens the sentence, the lede's."""
    recent = [w for w in waiting if 0 < sentence - w.sentence <= SENTENCES_WAITING]
    if recent:
        return max(recent, key=lambda w: (w.sentence, -w.title.start))
    return next((w for w in waiting if w.lede and w.sentence < sentence), None) if speaker else None


def still_waiting(waiting: Iterable[Waiting], sentence: int) -> list[Waiting]:
    """The titles that still wait after sentence ``sentence``."""
    return [w for w in waiting if w.lede or sentence - w.sentence < SENTENCES_WAITING]


def lede_index(doc: Doc, sentences: list[Span]) -> int | None:
    """The index of the article's first full sentence after the headline (not a dateline: 'Published: 2 July')."""
    return next(
        (k for k, s in enumerate(sentences) if s.start_char >= doc._.headline_end and s[-1].is_punct
         and sum(t.is_alpha for t in s) >= LEDE_WORDS),
        None,
    )

"""Clues from a title before the name: 'Chief Constable Jane Doe', 'Kent's chief constable, Sir Jane Doe',
'PCC for Kent Jane Doe', a plural title before a list of names, 'Mr X's successor, Y', and the one
unnamed title of the sentence before a speaker who has none of their own.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.officials.lexicon import POLITICIAN
from pipeline.nlp.officials.roles import (
    RANK_ANTECEDENT,
    RANK_APPOSITIVE,
    RANK_HONORIFIC,
    RANK_TITLE_BEFORE,
    Clue,
    clue,
    premodifier,
)

PLURAL_TAGS = {"NNS", "NNPS"}
MAX_PARTY_NOUNS = 3  # lower-case nouns between a party and the name it makes a politician ('SDLP board member X')
MAX_LIST_OWNER = 8  # tokens of the 'of ...' phrase between a plural title and the names it lists


def is_dash(idx: DocIndex, token: Token) -> bool:
    """A dash that sets off a phrase ('Jane Doe – the PCC – said'), not a hyphen inside a word."""
    return token.text in idx.lex.dashes or (token.text == "-" and token.i > 0 and bool(token.nbor(-1).whitespace_))


def title_before(idx: DocIndex, hon_start: int, sent: Span, single: bool = False) -> Clue | None:
    """'Chief Constable Jane Doe', 'Kent's chief constable, Sir Jane Doe', 'PCC for Kent Jane Doe'. A ``single``
    word after a title's place or brief is part of it, not a surname ('the chief officer of the Border Agency')."""
    doc, lex = idx.doc, idx.lex
    i = hon_start - 1
    set_off = i >= sent.start and (doc[i].text == "," or is_dash(idx, doc[i]))
    i -= set_off
    if i < sent.start:
        return None
    title, context_end = idx.title_ending.get(i + 1), i + 1
    if title is None and not single:  # 'PCC for Devon & Cornwall Tony Hogg', 'Minister for Crime and Policing Kit Malt'
        k = i
        while k >= sent.start and i - k < 8 and (
            portfolio_word(idx, doc[k]) or (set_off and doc[k].text[:1].isupper())  # 'Mayor of Hull, X'
        ):
            k = idx.places[k].start - 1 if k in idx.places else k - 1
        k -= k >= sent.start and doc[k].lower_ == "the"
        if k < i and k >= sent.start and doc[k].lower_ in lex.portfolio_prepositions:
            title = idx.title_ending.get(k)
            owned = title is not None and title.start > 0 and doc[title.start - 1].lower_ in lex.organisation_pronouns
            if title is not None and title.label is None and doc[k].lower_ in lex.head_place_prepositions and not owned:
                title = None  # 'branch secretary in Kent, X': of which organisation?
    if title is None and set_off:  # 'The force's head of finance, X': the title whose 'of' phrase ends here
        title = title_of_phrase(idx, doc[i])
    if title is None:
        return None
    lo = title.start
    while lo - 1 >= sent.start and title.start - lo < 6 and premodifier(idx, doc[lo - 1]):
        lo -= 1
    if set_off:  # 'The force's road safety manager, X': the whole noun phrase the title heads
        lo = max(sent.start, min(lo, doc[title.start : title.end].root.left_edge.i))
    honorific_only = all(t.text.title() in lex.honorifics for t in doc[title.start : title.end])  # 'councillor'
    return clue(idx, title, lo, context_end, RANK_HONORIFIC if honorific_only else RANK_TITLE_BEFORE)


def title_of_phrase(idx: DocIndex, token: Token) -> Phrase | None:
    """The title whose 'of/for' phrase ends with ``token`` ('head of finance', 'head of the unit')."""
    if token.dep_ != "pobj" or token.head.lower_ not in idx.lex.portfolio_prepositions or token.right_edge.i != token.i:
        return None
    title = idx.title_at.get(token.head.head.i)
    return title if title is not None and token.head.head.i == title.end - 1 else None


def party_before(idx: DocIndex, hon_start: int, sent: Span) -> Clue | None:
    """A party named right before the name, or before the nouns of a post ('Ulster Unionist Mike Nesbitt',
    'Labour's Jane Doe', 'SDLP board member Dolores Kelly'): a politician, unless a clue of higher rank says
    otherwise."""
    doc = idx.doc
    i = hon_start - 1
    words = 0
    while i > sent.start and words < MAX_PARTY_NOUNS and doc[i].is_lower and doc[i].is_alpha and doc[i].pos_ == "NOUN":
        i, words = i - 1, words + 1  # 'SDLP board member Dolores Kelly', "Labour's group leader X"
    if i > sent.start and doc[i].text in idx.lex.possessives:
        i -= 1
    if i < sent.start:
        return None
    named = idx.organisations.before(i + 1)
    if named and named[0].end == i + 1 and doc[named[0].start : named[0].end].text.lower() in idx.lex.parties:
        return Clue(RANK_HONORIFIC, POLITICIAN)
    return None


def portfolio_word(idx: DocIndex, token: Token) -> bool:
    """A word of the place or brief after a title and before the name: a force or area, or a capitalised
    word that is never a name ('Crime', 'Policing'), with the commas and 'and' between them."""
    lex = idx.lex
    return token.i in idx.places or token.text in lex.not_name_words or token.lower_ in lex.portfolio_joiners


def successor(idx: DocIndex, hon_start: int, sent: Span, posts: Mapping[int, tuple[str, str | None]]) -> Clue | None:
    """'Mr Clarke's successor, John Reid': the successor holds the post of the person named. ``posts``: the
    (role, force) of each official named so far, by the token after their name."""
    doc, lex = idx.doc, idx.lex
    i = hon_start - 1
    if i >= sent.start and doc[i].text == ",":
        i -= 1
    if i - 2 < sent.start or doc[i].lower_ not in lex.successor_words or doc[i - 1].text not in lex.possessives:
        return None
    post = posts.get(i - 1)
    return Clue(RANK_APPOSITIVE, post[0], force=post[1]) if post else None


@dataclass(frozen=True)
class ListedNames:
    """The names listed after one plural title, each with its clue."""

    title: Phrase
    items: dict[int, Clue]  # first name token -> clue


def listed_names(idx: DocIndex, sent: Span, runs: list[tuple[int, int]]) -> list[ListedNames]:
    """'the three commissioners - A from X, B in Y and C in Z', 'The chief constables of the two forces, A of X and
    B of Y': each name after a plural title takes its role, and the force of the place after the name. One list
    per plural title that is followed by a name."""
    doc, lex = idx.doc, idx.lex
    run_end = dict(runs)
    out: list[ListedNames] = []
    for title in idx.titles.within(sent.start, sent.end):
        last = doc[title.end - 1]
        if title.label is None or not (last.tag_ in PLURAL_TAGS or last.text.endswith("s")):
            continue
        i = title.end
        if i < sent.end and doc[i].lower_ in lex.portfolio_prepositions:  # 'The chief constables of the two forces, A'
            comma = next((k for k in range(i, min(sent.end, i + MAX_LIST_OWNER)) if doc[k].text == ","), None)
            i = comma if comma is not None else i
        while i < sent.end and doc[i].text in lex.person_list_openers:
            i += 1
        while i < sent.end and doc[i].text in lex.honorifics:
            i += 1
        if not (i in run_end and run_end[i] - i >= 2):
            continue
        base = clue(idx, title, title.start, title.end, RANK_TITLE_BEFORE)
        if base is None:
            continue
        items: dict[int, Clue] = {}
        while i in run_end and run_end[i] - i >= 2:
            item, k = base, run_end[i]
            if k < sent.end and doc[k].lower_ in lex.person_place_prepositions:
                k += 1 + (k + 1 < sent.end and doc[k + 1].lower_ == "the")
                if k in idx.places and idx.places[k].start == k:
                    item = replace(base, force=idx.places[k].label)
                    k = idx.places[k].end
            items[i] = item
            while k < sent.end and (doc[k].text in lex.person_list_joiners or doc[k].text in lex.honorifics):
                k += 1
            i = k
        out.append(ListedNames(title, items))
    return out


def antecedent(
    idx: DocIndex, sent: Span, previous: Span | None, hon_start: int, end: int, used: frozenset[int]
) -> Clue | None:
    """A speaker who opens a sentence with no title of their own takes the one unnamed title of the sentence
    before ('... after the Met's commissioner told a committee ...' / 'Sir Richard Hallam said ...'). ``used``:
    the titles of the sentence before that gave a named person their role."""
    doc, lex = idx.doc, idx.lex
    if hon_start != sent.start or end >= sent.end or doc[end].lemma_.lower() not in lex.speech_verbs:
        return None
    if previous is None:
        return None
    unnamed = [
        t for t in idx.titles.within(previous.start, previous.end)
        if t.start not in used and t.label in lex.fallback_roles
        and doc[t.end - 1].tag_ not in PLURAL_TAGS and t.start > 0 and doc[t.start - 1].text in lex.possessives
    ]
    if len(unnamed) != 1:
        return None
    title = unnamed[0]
    lo = title.start
    while lo - 1 >= previous.start and premodifier(idx, doc[lo - 1]):
        lo -= 1
    return clue(idx, title, lo, title.end, RANK_ANTECEDENT)

"""Sentence parts and collaboration cues: where a collaboration can be described.

A sentence is cut at its clause breaks (';', 'while', 'whereas' join separate schemes in round-ups);
a part describes a collaboration only when it holds a cue that speaks of forces working together.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import TypeVar

from spacy.tokens import Span, Token

T = TypeVar("T")
MEMBER_PREPOSITIONS = {"between", "of", "with"}  # 'the partnership between Kent and Essex'



def split_sentence(sent: Span, breaks: frozenset[str]) -> list[Span]:
    """The parts of ``sent`` between its clause ``breaks`` (each break opens the next part)."""
    doc = sent.doc
    cuts = [t.i for t in sent if t.lower_ in breaks and t.i > sent.start]
    bounds = [sent.start, *cuts, sent.end]
    return [doc[a:b] for a, b in pairwise(bounds) if b > a]


LINE_REACH = 2  # a colon line announces a list of forces when a cue is in it or the two sentences before


def list_items(parts: Sequence[Span], cued: Sequence[bool], force_only: Sequence[bool] | None = None) -> list[bool]:
    """Parts that are items of a list announced by a cued part before a colon in the same sentence ('three
    combinations ...: Cumbria with Lancashire alone; Cumbria, Lancashire, Cheshire and Merseyside
    together; and ...'): each item cut at ';' holds the announcement's cue. So are lines that name only forces
    (``force_only``) after a line ending in a colon with a cue in it or in the two sentences before ('... are to be amalgamated
    into five larger organisations.' / 'The groupings are:' / 'Humberside, North Yorkshire, ...' / 'Surrey
    and Sussex')."""
    force_only = force_only or [False] * len(parts)
    out = []
    announced: int | None = None  # the sentence start of the latest cued part with a colon
    lines = False  # the parts after a cued line that ends in a colon are read as lines of forces
    sentences, cued_at = 0, -LINE_REACH - 1  # sentences seen; the number of the last one with a cue
    for i, (part, has_cue, only) in enumerate(zip(parts, cued, force_only, strict=True)):
        sent = part.sent.start
        sentences += i == 0 or parts[i - 1].sent.start != sent
        cued_at = sentences if has_cue else cued_at
        item = announced == sent and part[0].text == ";"
        if (has_cue or item) and any(t.text == ":" for t in part):
            announced = sent
        elif announced != sent:
            announced = None
        line = lines and only and part.start == sent
        lines = line or (ends_in_colon(part) and sentences - cued_at <= LINE_REACH)
        out.append(item or line)
    return out


def ends_in_colon(part: Span) -> bool:
    words = [t for t in part if not t.is_space]
    return bool(words) and words[-1].text == ":"


def describes(
    cue: Span, forces_at: set[int], join_verbs: frozenset[str], event_nouns: frozenset[str],
    owner_verbs: frozenset[str] = frozenset(), aggregate_nouns: frozenset[str] = frozenset(),
) -> bool:
    """The cue speaks of forces working together: not negated ('will not join'), a verb of ``join_verbs``
    only with an object that is no force ('joined the regional unit', not 'joins Essex Police': the
    tokens of force mentions are ``forces_at``), a verb of ``owner_verbs`` not over what each side owns
    ('take over the governance of their local fire services'), not a modifier of one policing event ('a
    joint operation') nor work on one ('worked on the case together'); not a portion ('its share of the cut')
    nor a sum ('a combined £6.4m', 'their combined budget': ``aggregate_nouns``), nor 'together with' a thing that
    is no force ('together with Freedom of Information disclosures')."""
    root = cue.root
    if any(c.dep_ == "neg" for c in root.children):
        return False
    if root.lemma_.lower() in owner_verbs:
        owned = [t for c in root.children if c.dep_ == "dobj" for t in c.subtree if t.tag_ == "PRP$"]
        if owned:
            return False
    if root.lemma_.lower() in join_verbs:
        objects = [c for c in root.children if c.dep_ == "dobj"]
        return bool(objects) and not any(o.i in forces_at for o in objects)
    if root.dep_ in {"amod", "compound"} and root.head.lemma_.lower() in event_nouns:
        return False
    if root.pos_ == "NOUN" and root.lemma_.lower() == "share" and any(c.lower_ == "of" for c in root.children):
        return False  # "North Wales' share of the reduction": a portion, not sharing
    if root.dep_ == "amod" and root.lower_ == "combined" and sum_of(root.head, aggregate_nouns):
        return False  # 'have lost a combined £6.4m', 'a combined budget of £300m': a sum, not a merger
    if root.lower_ == "together" and along_with(root, forces_at):
        return False  # 'hearings held by four forces, together with FOI disclosures': 'along with', no joint work
    return not one_event(root.head if root.dep_ == "advmod" else root, event_nouns)


def along_with(together: Token, forces_at: set[int]) -> bool:
    """'together with' a thing that is no force: 'along with', not forces working together."""
    withs = [c for c in together.children if c.dep_ == "prep" and c.lower_ == "with"]
    if not withs and together.i + 1 < len(together.doc) and together.nbor().lower_ == "with":
        withs = [together.nbor()]
    objects = [o for w in withs for o in w.children if o.dep_ == "pobj"]
    return bool(objects) and not any(t.i in forces_at for o in objects for t in o.subtree)


def sum_of(noun: Token, aggregate_nouns: frozenset[str]) -> bool:
    """A figure or a quantity added up: '£6.4m' (a number in the phrase), 'budget', 'workforce'."""
    return noun.like_num or noun.lemma_.lower() in aggregate_nouns or any(c.like_num for c in noun.children)


def one_event(verb: Token, event_nouns: frozenset[str]) -> bool:
    """Work on one policing event: 'worked on the case together', 'joined forces on an investigation'
    (contract, section 8: one-off help with a single arrest is no collaboration); not 'work together on
    major investigations' (a kind of work)."""
    events = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"on", "in"} for p in c.children]
    return any(
        p.dep_ == "pobj" and p.tag_ == "NN" and p.lemma_.lower() in event_nouns
        and any(d.dep_ == "det" and d.lower_ in {"the", "a", "an", "this", "that"} for d in p.children)
        for p in events
    )


def bucket(starts: Sequence[int], items: Iterable[tuple[int, T]]) -> list[list[T]]:
    """Items (token index, value) sorted into the parts that begin at ``starts`` (ascending): each goes
    to the last part that begins at or before it; items before the first part are dropped."""
    out: list[list[T]] = [[] for _ in starts]
    for position, value in items:
        index = bisect_right(starts, position) - 1
        if index >= 0:
            out[index].append(value)
    return out


def definite(cue: Token, determiners: frozenset[str], forces_at: set[int], nouns: frozenset[str] = frozenset()) -> bool:
    """The cue is a noun with a definite determiner ('the memorandum', 'this agreement'), qualifies one ('the
    shared service', 'the joint unit') or is a verb into one of ``nouns`` ('absorbed into the unit'), and
    that noun does not name its members itself ('the partnership between South Yorkshire and Humberside',
    'the merger of Cumbria and Lancashire': the tokens of force mentions are ``forces_at``)."""
    if cue.pos_ == "VERB":
        objects = [c for c in cue.children if c.dep_ == "dobj"]
        objects += [g for c in cue.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        return any(o.lemma_.lower() in nouns and definite(o, determiners, forces_at) for o in objects)
    noun = cue.head if cue.dep_ in {"amod", "compound"} else cue
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in MEMBER_PREPOSITIONS):
        if any(t.i in forces_at for t in prep.subtree):
            return False
    return any(c.dep_ == "det" and c.lower_ in determiners for c in noun.children)

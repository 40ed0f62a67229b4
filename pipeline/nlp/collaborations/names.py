"""Collaboration names in a sentence part: 'East Midlands Special Operations Unit', 'the Evolve programme',
'TITAN, the regional organised crime unit', 'the counter-terrorism unit, WECTU,', 'a "tri-force"
collaboration', 'strategic alliance'.

The tokens of force mentions (``forces_at``) are never part of a name: 'Kent Police' is a partner. A unit
of one force ('the force's Organised Crime Unit', 'its Operation Galaxy team') and an event ('Operation
Avara') are no collaboration names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.collaborations.cues import CollaborationCues


class Name(NamedTuple):
    """A collaboration name and where it is written (character offsets)."""

    start_char: int
    end_char: int
    text: str


def name_of(span: Span) -> Name:
    return Name(span.start_char, span.end_char, span.text)


def find_names(
    part: Span, phrases: Iterable[tuple[int, int]], forces_at: set[int], cues: CollaborationCues
) -> tuple[Name, ...]:
    """The names in a sentence part: before a name head or a name noun, or a named phrase (``phrases``:
    token start and end of the matches in the doc, lower-cased); none with a word of 'not_name_words';
    of overlapping names the first, longest one."""
    doc = part.doc
    out: list[Name] = []
    for token in part:
        if token.text in cues.name_heads and token.i not in forces_at:
            found = headed_name(part, token, cues.name_joiners)
        elif token.lower_ in cues.name_nouns and token.i > part.start:
            found = name_before(part, token, forces_at, cues) or name_after(part, token, forces_at)
        else:
            found = None
        if found is not None:
            out.append(found)
    for start, end in phrases:
        if part.start <= start and end <= part.end:
            span = doc[start:end]
            out.append(Name(span.start_char, span.end_char, span.text.lower()))
    words = cues.not_name_words
    kept = (n for n in out if not words.intersection(n.text.split()) and not one_force_owns(doc, n, forces_at, cues))
    return without_overlaps(n for n in kept if n.text.split()[0].lower() not in cues.event_nouns)


def one_force_owns(doc: Doc, name: Name, forces_at: set[int], cues: CollaborationCues) -> bool:
    """The name belongs to one force ('the force's Organised Crime Unit', 'its Operation Galaxy team',
    'Humberside Police's Major Crime Unit'): a unit of its own, not a collaboration."""
    span = doc.char_span(name.start_char, name.end_char, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    if before.lower_ in cues.owner_words:  # 'its'
        return True
    if before.text in cues.possessives and span.start >= 2:
        owner = doc[span.start - 2]
        return owner.lower_ in cues.owner_words or owner.i in forces_at
    return False


def headed_name(part: Span, head: Token, joiners: frozenset[str]) -> Name | None:
    """'East Midlands Special Operations Unit': the capitalised words (and ``joiners``, not first) before
    a name head, with it."""
    doc = part.doc
    start = head.i
    while start - 1 >= part.start and is_name_word(doc[start - 1], joiners):
        start -= 1
    while start < head.i and doc[start].lower_ in joiners:
        start += 1
    return name_of(doc[start : head.i + 1]) if start < head.i else None


def is_name_word(token: Token, joiners: frozenset[str]) -> bool:
    if token.lower_ in joiners:
        return True
    return (token.is_title or token.is_upper) and token.pos_ != "DET" and token.is_alpha


def name_before(part: Span, noun: Token, forces_at: set[int], cues: CollaborationCues) -> Name | None:
    """'TITAN, the regional ... unit', 'the Evolve programme', 'a "tri-force" collaboration': the name
    before a name noun (lower-case modifiers may stand between)."""
    doc = part.doc
    appositive = apposition(part, noun, forces_at)
    if appositive is not None:
        return appositive
    modifiers = cues.name_modifier_deps
    i = noun.i - 1
    while i > part.start and doc[i].is_lower and doc[i].dep_ in modifiers and noun.i - i <= 3:
        i -= 1  # 'the Tri-Force specialist operations partnership'
    if doc[i].text in cues.quote_marks:
        return quoted_before(part, i, cues.quote_marks)
    end = i + 1
    start = proper_start(part, i, forces_at)
    hyphenated = start > 0 and doc[start - 1].text == "-"  # 'an all-Wales agreement'
    if start < end and start != part.start and doc[i].dep_ in modifiers and not hyphenated:
        return name_of(doc[start:end])
    return None


def name_after(part: Span, noun: Token, forces_at: set[int]) -> Name | None:
    """'the Wales-wide counter-terrorism unit, WECTU, run jointly by ...': one capitalised word in commas
    right after a name noun."""
    doc = part.doc
    i = noun.i
    if i + 3 > part.end or doc[i + 1].text != "," or doc[i + 3].text not in {",", ")"}:
        return None
    word = doc[i + 2]
    if word.i in forces_at or not word.is_alpha or not (word.is_title or word.is_upper) or word.pos_ != "PROPN":
        return None
    return name_of(doc[i + 2 : i + 3])


def quoted_before(part: Span, closing: int, quotes: frozenset[str]) -> Name | None:
    """The words between the quote mark at token ``closing`` and the quote mark before it, in the part."""
    doc = part.doc
    i = closing - 1
    while i > part.start and doc[i].text not in quotes:
        i -= 1
    if doc[i].text in quotes and i + 1 < closing:
        return name_of(doc[i + 1 : closing])
    return None


def apposition(part: Span, noun: Token, forces_at: set[int]) -> Name | None:
    """'TITAN, the regional organised crime unit': the capitalised words before ', the ...'."""
    doc = part.doc
    j = noun.i - 1
    while j > part.start and doc[j].lower_ != "the" and noun.i - j <= 6:
        j -= 1
    if doc[j].lower_ == "the" and j - 2 >= part.start and doc[j - 1].text == ",":
        end = j - 1
        start = proper_start(part, j - 2, forces_at)
        if start < end:
            return name_of(doc[start:end])
    return None


def proper_start(part: Span, i: int, forces_at: set[int]) -> int:
    """Where the run of capitalised words ending at token ``i`` starts ('Tri-Force' is one run); ``i + 1``
    when token ``i`` is not capitalised."""
    doc = part.doc
    start = i + 1
    while i >= part.start:
        if is_proper(doc[i], forces_at):
            start = i
        elif not (doc[i].text == "-" and i > part.start and is_proper(doc[i - 1], forces_at)):
            break
        i -= 1
    return start


def is_proper(token: Token, forces_at: set[int]) -> bool:
    """A capitalised noun or adjective that is not part of a force mention."""
    return (
        token.i not in forces_at
        and token.pos_ in {"PROPN", "NOUN", "ADJ"}
        and (token.is_title or token.is_upper or "-" in token.text)
        and token.text[:1].isupper()
    )


def without_overlaps(names: Iterable[Name]) -> tuple[Name, ...]:
    """The names in text order; of overlapping ones the first (the longest where two start together)."""
    kept: list[Name] = []
    for name in sorted(names, key=lambda n: (n.start_char, -(n.end_char - n.start_char))):
        if not kept or name.start_char >= kept[-1].end_char:
            kept.append(name)
    return tuple(kept)

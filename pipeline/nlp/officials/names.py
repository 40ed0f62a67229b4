"""Names: runs of capitalised words that can be a person's name, and the honorifics before them.

spaCy's PERSON label is not enough (the small English model tags some people as ORG, folds titles
into names and misses names in lists), so a name is a run of name words; whether it is an
official's is for the clues around it to say.
"""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from pipeline.nlp.officials.index import DocIndex


def title_case(sent: Span) -> bool:
    """A headline In Title Case: every word but function words capitalised, and no full stop."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 4 and all(t.text[0].isupper() for t in words) and sent[-1].text != "."


def name_token(idx: DocIndex, token: Token, first: bool = False) -> bool:
    """A word that can be part of a person's name (an entity label like DATE only stops a name's first word:
    'Theresa May')."""
    lex, text = idx.lex, token.text
    if token.i in idx.blocked or not text[:1].isupper() or not any(c.isalpha() for c in text):
        return False
    if not all(c.isalpha() or c in lex.name_characters for c in text) or (text.isalpha() and text.isupper() and len(text) > 1):
        return False
    if text in lex.not_name_words or text in lex.honorifics:
        return False
    if text.lower() in lex.acting or text.lower() in lex.former:
        return False
    return not (first and token.ent_type_ in lex.not_name_entities)


def name_runs(idx: DocIndex, sent: Span) -> list[tuple[int, int]]:
    """Maximal runs of name words in a sentence ('Marc Le Page', 'Ben-Luke Harrington'), without a
    capitalised function word that opens the sentence ('But Mark Jenkins')."""
    doc, lex = idx.doc, idx.lex
    runs: list[tuple[int, int]] = []
    i = sent.start
    while i < sent.end:
        if not name_token(idx, doc[i], first=True):
            i += 1
            continue
        start, j = i, i + 1
        while j < sent.end:
            if name_token(idx, doc[j]):
                j += 1
            elif j + 1 < sent.end and name_token(idx, doc[j + 1]) and (
                (doc[j].text in lex.name_hyphens and not doc[j - 1].whitespace_ and not doc[j].whitespace_)
                or doc[j].lower_ in lex.name_particles
            ):
                j += 2
            else:
                break
        while start < j and doc[start].lower_ in STOP_WORDS and (start == sent.start or doc[start - 1].is_punct):
            start += 1
        while j - start > 2 and start in idx.places:  # 'PCC for Devon Tony Hogg' where Devon is no force mention
            start = idx.places[start].end
        fits = start < j and j - start <= idx.settings.max_name_tokens
        if fits and not all(k in idx.places for k in range(start, j)) and not (j - start == 1 and listed_place(idx, start)):
            runs.append((start, j))
        i = j
    return runs


def listed_place(idx: DocIndex, i: int) -> bool:
    """A single capitalised word listed after a place ('the commissioner for Wiltshire and Swindon'): a place
    too, not a person."""
    doc = idx.doc
    return i >= 2 and doc[i - 1].lower_ in idx.lex.portfolio_joiners and doc[i - 2].i in idx.places


def honorific_start(idx: DocIndex, start: int, floor: int) -> int:
    """Where the honorifics before a name begin ('Sir Alan Pugh', 'Rt Hon Jane Doe'), not before ``floor``."""
    i = start
    while i - 1 >= floor and idx.doc[i - 1].text in idx.lex.honorifics:
        i -= 1
    return i


def has_honorific(idx: DocIndex, hon_start: int, start: int, honorifics: frozenset[str]) -> bool:
    """One of ``honorifics`` stands among the honorifics before the name."""
    return any(t.text in honorifics for t in idx.doc[hon_start:start])

"""Conventions of an article's normalised text that the reader and the NLP stages share.

The one headline rule: the reader takes the title from it, and the article context component
(``pipeline.nlp.context``) tells the stages where the headline ends.
"""

from __future__ import annotations

MAX_HEADLINE_CHARS = 160
HEADLINE_CLOSERS = ".!?:;,"  # a first line ending like a sentence or a clause is prose, not a headline


def headline(text: str) -> str | None:
    """The first line when it reads as a headline: short, on its own, no closing full stop, more text below."""
    first, sep, rest = text.partition("\n")
    first = first.strip().lstrip("#").strip()
    if not first or not sep or not rest.strip():
        return None
    if len(first) > MAX_HEADLINE_CHARS or first[-1] in HEADLINE_CLOSERS:
        return None
    return first


def headline_end(text: str) -> int:
    """Character offset where the headline ends (the end of the first line); 0 when there is none."""
    return len(text.partition("\n")[0]) if headline(text) else 0

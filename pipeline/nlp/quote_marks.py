"""Quote marks: the quoted passages of a paragraph, by character offsets (rules of the quotes stage).

Double quotes (straight or curly) always count; single quotes only where they open a word ('‘The
public ...’', not 'forces’'). The marks are data (``models/roles.json``).
"""

from __future__ import annotations

from pipeline.nlp.officials.lexicon import Roles, load_lexicon


def quote_spans(paragraph: str, offset: int = 0, lex: Roles | None = None) -> list[tuple[int, int, bool]]:
    """The quoted passages of one paragraph as (start, end, closed): character offsets of the words inside the
    marks, shifted by ``offset``. A quote still open at the paragraph's end runs to it (it continues in the
    next paragraph). ``lex``: the marks (default: those of ``models/roles.json``)."""
    lex = lex or load_lexicon()
    single_closers = lex.closing_single_quotes
    found = []
    open_at, closers = None, ""
    for i, ch in enumerate(paragraph):
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if open_at is None:
            if ch in lex.opening_quotes:
                open_at, closers = i + 1, lex.closing_quotes
            elif ch in lex.opening_single_quotes and (before.isspace() or before in lex.before_single_quote) and after.isalnum():
                open_at, closers = i + 1, single_closers
        elif ch in closers and not (closers == single_closers and (after.isalpha() or before.isspace())):
            found.append((open_at, i, True))
            open_at = None
    if open_at is not None:
        found.append((open_at, len(paragraph.rstrip()), False))
    spans = []
    for start, end, closed in found:
        while start < end and paragraph[start].isspace():
            start += 1
        while end > start and paragraph[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((offset + start, offset + end, closed))
    return spans


def lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of the text."""
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out

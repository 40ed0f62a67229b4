"""Sentences stage: line breaks are hard sentence boundaries; the parser splits within lines, after
a sentence's final punctuation only.

The small English parser sometimes runs a sentence on across a paragraph break, or hangs a
closing quote of one paragraph onto the next. Paragraph breaks in news text always end a
sentence, so this component, placed before the parser, marks the first token after every
line break as a sentence start. Within a line it also splits where no sentence ends: after the
first word of a lede that follows a headline ("Police | Scotland is to cut ..."), or at a colon
before a list ("all five forces in the region: | Derbyshire, ..."). So a token inside a line
starts a sentence only after final punctuation (. ! ? …), or a closing quote or bracket after
it. The parser respects preset boundaries.

It also caps a sentence at ``MAX_SENTENCE_TOKENS`` tokens: a longer line (no news sentence is that
long; a run of 16,000 "£ " or a list with no full stop is) gets a sentence start after its last
final punctuation before the limit, else at the limit. Every rule of the later stages looks at the
words of one sentence, so this bounds the work per word whatever the input.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

COMPONENT = "forcewatch_line_breaks"
MAX_SENTENCE_TOKENS = 200  # the longest sentence of the corpora has 56 tokens


FINAL_PUNCTUATION = ".!?…"  # a token ending in one may end a sentence ('.', '?!', 'Ltd.')
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token that holds a newline; within a line, allow a start
    only after final punctuation; cap sentences at ``MAX_SENTENCE_TOKENS``.

    Boundaries are written as one array: setting ``Token.is_sent_start`` checks the whole document
    for a parse each time, which made this quadratic in the length of the text.
    """
    starts = doc.to_array([SENT_START]).astype("int64")
    spaces = [token.is_space for token in doc]
    texts = [token.text for token in doc]
    ends = sentence_ends(texts, spaces)
    for i in range(len(doc) - 1):
        if spaces[i] and "\n" in texts[i]:
            starts[i + 1] = 1
            if i > 0:
                starts[i] = -1
        elif not spaces[i + 1] and not ends[i]:
            starts[i + 1] = -1
    cap_sentences(starts, ends, spaces)
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def sentence_ends(texts: list[str], spaces: list[bool]) -> list[bool]:
    """``ends_sentence`` for every token, in one pass (token texts and whether each is whitespace)."""
    out: list[bool] = []
    for i, text in enumerate(texts):
        skipped = i > 0 and (spaces[i] or text in CLOSERS)
        out.append(out[i - 1] if skipped else text[-1] in FINAL_PUNCTUATION)
    return out


def cap_sentences(starts: np.ndarray, ends: list[bool], spaces: list[bool]) -> None:
    """Set a sentence start (in ``starts``, spaCy's SENT_START values) wherever a sentence would run past
    ``MAX_SENTENCE_TOKENS``: after its last final punctuation before the limit, else at the limit."""
    start = stop = 0  # the current sentence's first token; the token after its last final punctuation
    for i in range(1, len(starts)):
        if starts[i] == 1:
            start = stop = i
            continue
        if ends[i - 1] and not spaces[i]:
            stop = i
        if i - start >= MAX_SENTENCE_TOKENS:
            start = stop if stop > start else i
            starts[start] = 1
            stop = start


def ends_sentence(doc: Doc, i: int) -> bool:
    """Token ``i`` may end a sentence: it ends in final punctuation, or closes quotes or brackets after it."""
    while i > 0 and (doc[i].is_space or doc[i].text in CLOSERS):
        i -= 1
    return doc[i].text[-1] in FINAL_PUNCTUATION


def content_sentences(doc: Doc) -> Iterator[Span]:
    """The document's sentences with leading and trailing whitespace tokens trimmed; blank ones skipped."""
    for sent in doc.sents:
        start, end = sent.start, sent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            yield doc[start:end]


CLOSING_QUOTES = frozenset("\"'”’")


def stored_sentences(doc: Doc) -> list[Span]:
    """The sentences stored and referred to by index: ``content_sentences``, with a sentence that is
    nothing but closing quote marks attached to the sentence it closes. The parser splits the
    mark off at the end of a quoted paragraph ('... continues.' then '"'); the extraction stages
    never see it alone, so only the stored sentences change."""
    out: list[Span] = []
    for sent in content_sentences(doc):
        if out and set(sent.text) <= CLOSING_QUOTES and sent.start_char == out[-1].end_char:
            out[-1] = doc[out[-1].start : sent.end]
        else:
            out.append(sent)
    return out

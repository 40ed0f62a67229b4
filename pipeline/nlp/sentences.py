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
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

COMPONENT = "forcewatch_line_breaks"


FINAL_PUNCTUATION = ".!?…"  # a token ending in one may end a sentence ('.', '?!', 'Ltd.')
CLOSERS = frozenset({'"', "'", "”", "’", ")", "]"})


@Language.component(COMPONENT, assigns=["token.is_sent_start"])
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every whitespace token that holds a newline; within a line, allow a start
    only after final punctuation."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
            if i > 0:
                token.is_sent_start = False
        elif not doc[i + 1].is_space and not ends_sentence(doc, i):
            doc[i + 1].is_sent_start = False
    return doc


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

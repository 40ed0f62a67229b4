"""Building the officials stage's per-document index for a small text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span

from pipeline.nlp.officials import COMPONENT
from pipeline.nlp.officials.index import DocIndex, Phrase
from pipeline.nlp.sentences import content_sentences


def index_of(nlp: Language, text: str) -> DocIndex:
    """The index the officials stage reads for ``text`` (the earlier stages have run)."""
    doc = nlp(text)
    finder = nlp.get_pipe(COMPONENT)
    return finder.matchers.index(doc, finder.settings, doc._.main_force)


def at(idx: DocIndex, words: str, nth: int = 0) -> int:
    """Token index of the ``nth`` occurrence of ``words`` (its first token)."""
    char = -1
    for _ in range(nth + 1):
        char = idx.doc.text.index(words, char + 1)
    span = idx.doc.char_span(char, char + len(words), alignment_mode="expand")
    return span.start


def title(idx: DocIndex, words: str) -> Phrase:
    """The title phrase that starts with ``words``."""
    start = at(idx, words)
    return next(t for t in idx.titles.items if t.start == start)


def sentence(idx: DocIndex, n: int = 0) -> Span:
    return list(content_sentences(idx.doc))[n]

"""Building the quotes stage's per-document index for a small text."""

from __future__ import annotations

from spacy.language import Language

from pipeline.nlp.quotes import COMPONENT
from pipeline.nlp.speakers import QuoteIndex, named_mentions, quote_index


def quote_index_of(nlp: Language, text: str) -> QuoteIndex:
    """The index the quotes stage reads for ``text`` (the officials stage has run)."""
    doc = nlp(text)
    finder = nlp.get_pipe(COMPONENT)
    titles = frozenset(i for t in finder.titles.titles(doc) for i in range(t.start, t.end))
    return quote_index(doc, finder.lex, named_mentions(doc, doc._.officials, finder.lex.honorifics), titles)


def token(idx: QuoteIndex, words: str, nth: int = 0):
    char = -1
    for _ in range(nth + 1):
        char = idx.text.index(words, char + 1)
    return idx.doc.char_span(char, char + len(words), alignment_mode="expand")[0]

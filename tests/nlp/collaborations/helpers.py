"""Small helpers of the collaborations rule tests: where things are in a doc."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from pipeline.nlp.collaborations.mentions import Mention


def forces_at(doc: Doc) -> set[int]:
    """The tokens of the force mentions the forces stage found."""
    return {i for s in doc.spans["forces"] for i in range(s.start, s.end)}


def token(doc: Doc, text: str, nth: int = 0) -> int:
    """The index of the ``nth`` token written ``text``."""
    return [t.i for t in doc if t.text == text][nth]


def span(doc: Doc, text: str) -> Span:
    """The first span of tokens written ``text``."""
    found = doc.text.index(text)
    out = doc.char_span(found, found + len(text))
    assert out is not None, text
    return out


def mention(doc: Doc, text: str, force: str | None = None) -> Mention:
    """A mention of ``force`` (default: ``text``) at the first ``text`` of the doc."""
    s = span(doc, text)
    return Mention(s.start, s.end, force or text)

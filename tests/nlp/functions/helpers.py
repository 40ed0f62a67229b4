"""Small helpers of the functions rule tests: candidates and tokens of a doc."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.functions import FunctionFinder
from pipeline.nlp.functions.candidates import find_candidates


def candidates(doc: Doc, finder: FunctionFinder) -> list[Span]:
    return find_candidates(doc, finder.matchers, finder.lexicon)


def candidate(doc: Doc, finder: FunctionFinder, text: str) -> Span:
    """The first candidate written ``text``."""
    return next(s for s in candidates(doc, finder) if s.text == text)


def token(doc: Doc, text: str, nth: int = 0) -> Token:
    """The ``nth`` token written ``text``."""
    return [t for t in doc if t.text == text][nth]


def proposed(doc: Doc, finder: FunctionFinder) -> set[int]:
    """The plan words the stage's cue matcher finds."""
    return finder.cues(doc)["proposed"]

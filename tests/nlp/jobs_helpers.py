"""Small helpers of the job concerns rule tests: a sentence and its words."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Span, Token


def sentence(nlp: Language, text: str) -> Span:
    """The first sentence of ``text``, run through the whole pipeline."""
    return next(nlp(text).sents)


def word(sent: Span, text: str, nth: int = 0) -> Token:
    """The ``nth`` token of the sentence written ``text``."""
    return [t for t in sent if t.text == text][nth]

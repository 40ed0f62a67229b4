"""From a processed ``Doc`` to plain rows, one list per table, independent of any database.

Every row carries ``sentence`` (the 0-based index of its source sentence) and the character
offsets of its evidence in the article text; storage turns sentence indexes into ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.forces import force_mentions
from pipeline.sentences import content_sentences


@dataclass
class Extraction:
    """Everything extracted from one article."""

    sentences: list[dict] = field(default_factory=list)
    force_mentions: list[dict] = field(default_factory=list)


class SentenceIndex:
    """Maps a token or span to the index of the sentence it lies in."""

    def __init__(self, doc: Doc) -> None:
        self.spans = list(content_sentences(doc))
        self.of_token = [-1] * len(doc)
        for idx, sent in enumerate(self.spans):
            for i in range(sent.start, sent.end):
                self.of_token[i] = idx

    def of(self, span: Span) -> int:
        for i in range(span.start, span.end):
            if self.of_token[i] >= 0:
                return self.of_token[i]
        raise ValueError(f"span {span.text!r} lies in no sentence")


def evidence(span: Span, sentence: int) -> dict:
    """The provenance fields every stored fact carries."""
    return {"sentence": sentence, "start_char": span.start_char, "end_char": span.end_char, "text": span.text}


def extract(doc: Doc) -> Extraction:
    """Collect the results the pipeline's components left on ``doc``."""
    index = SentenceIndex(doc)
    out = Extraction()
    out.sentences = [
        {"idx": i, "start_char": s.start_char, "end_char": s.end_char, "text": s.text}
        for i, s in enumerate(index.spans)
    ]
    out.force_mentions = [
        {"force": span.kb_id_, **evidence(span, index.of(span))} for span in force_mentions(doc)
    ]
    return out

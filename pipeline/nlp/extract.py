"""From a processed ``Doc`` to plain rows, one list per table, independent of any database.

Every row carries ``sentence`` (the 0-based index of its source sentence) and the character
offsets of its evidence in the article text; storage turns sentence indexes into ids.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from pipeline.contract import Extraction
from pipeline.nlp.extensions import FACT_ATTRIBUTES, facts
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.sentences import stored_sentences


class SentenceIndex:
    """Maps a character offset to the index of the sentence it lies in."""

    def __init__(self, doc: Doc) -> None:
        self.spans = stored_sentences(doc)
        self.starts = [s.start_char for s in self.spans]

    def of(self, start_char: int) -> int:
        if not self.spans:
            raise ValueError("the article has no sentences")
        return max(0, bisect.bisect_right(self.starts, start_char) - 1)


def with_sentence(item: dict, index: SentenceIndex) -> dict:
    return {**item, "sentence": index.of(item["start_char"])}


def extract(doc: Doc) -> Extraction:
    """Collect the results the pipeline's components left on ``doc``."""
    index = SentenceIndex(doc)
    out = Extraction()
    out.sentences = [
        {"idx": i, "start_char": s.start_char, "end_char": s.end_char, "text": s.text} for i, s in enumerate(index.spans)
    ]
    out.force_mentions = [
        with_sentence({"force": s.kb_id_, "start_char": s.start_char, "end_char": s.end_char, "text": s.text}, index)
        for s in force_mentions(doc)
    ]
    for name in FACT_ATTRIBUTES:
        setattr(out, name, [with_sentence(item, index) for item in facts(doc, name)])
    return out

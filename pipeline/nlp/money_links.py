"""How a figure leans on the one before it: a share of it ('£360,000 of that', 'Of that, £6.8m ...') or a gapped
conjunct that repeats its frame without the verb ('must reduce its budget by £22.9m over four years, and West Mercia
by £34m'). Such a figure, when nothing near it says what it is, is what the figure before it is. Pure functions of
the parsed sentence and the words of ``models/money.json`` (``links``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_lexicon import LinkWords


@dataclass(frozen=True)
class LinkCues:
    """The words of ``links``, compiled: 'of that' after a figure or 'Of that,' opening its sentence."""

    share_after: re.Pattern
    share_opening: re.Pattern
    conjunctions: frozenset[str]
    skip: frozenset[str]  # hedges and the like between a preposition and its figure ('for about £170,000')

    @classmethod
    def from_lexicon(cls, links: LinkWords, hedge_words: list[str]) -> LinkCues:
        anaphors = alternation(links.anaphors)
        return cls(
            share_after=re.compile(rf"^\s*of\s+(?:{anaphors})\b", re.I),
            share_opening=re.compile(rf"^\s*of\s+(?:{anaphors})\s*,", re.I),
            conjunctions=frozenset(links.conjunctions),
            skip=frozenset(h.lower() for h in hedge_words if " " not in h) | {"£", "a", "an", "further", "just", "only"},
        )


def is_share(span: Span, cues: LinkCues) -> bool:
    """'£360,000 of that', or a sentence that opens 'Of that, ...' with the figure in its first clause."""
    doc, sent = span.doc, span.sent
    if cues.share_after.match(doc.text[span.end_char : sent.end_char]):
        return True
    return bool(cues.share_opening.match(sent.text)) and "," not in doc.text[sent.start_char : span.start_char].split(",", 1)[1]


def is_gapped(previous: Span, span: Span, cues: LinkCues) -> bool:
    """The figure repeats the frame of the previous figure of its sentence without a verb: the same word before
    both ('by £22.9m ..., and West Mercia by £34m'), a conjunction between them and no verb after it."""
    if previous.sent != span.sent:
        return False
    before, before_previous = frame_word(span, cues), frame_word(previous, cues)
    if before is None or before_previous is None or before.lower_ != before_previous.lower_:
        return False
    between = list(span.doc[previous.end : span.start])
    joins = [i for i, t in enumerate(between) if t.lower_ in cues.conjunctions]
    return bool(joins) and not any(t.pos_ in {"VERB", "AUX"} for t in between[joins[-1] :])


def frame_word(span: Span, cues: LinkCues):
    """The word before the figure, past hedges ('for about £170,000' -> 'for')."""
    i = span.start - 1
    while i >= span.sent.start and span.doc[i].lower_ in cues.skip:
        i -= 1
    return span.doc[i] if i >= span.sent.start else None

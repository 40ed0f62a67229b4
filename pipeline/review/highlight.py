"""Article text cut into segments for highlighting, displaCy span style.

Facts may overlap (an official inside a job concern's sentence, a force inside a collaboration), so
the text is cut at every span boundary and each piece lists the spans that cover it, outermost first;
the template nests one ``<mark>`` per covering span. Each piece keeps its offset in the stored text so
that the page's script can turn a selection back into character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise


@dataclass(frozen=True)
class Span:
    """One highlighted fact: offsets into the stored text, its kind and the id of its entry in the fact list."""

    start: int
    end: int
    kind: str
    fact: str
    state: str = "extracted"  # extracted, accepted, corrected, added or rejected


@dataclass(frozen=True)
class Segment:
    start: int
    text: str
    spans: tuple[Span, ...]


def segments(text: str, spans: list[Span]) -> list[Segment]:
    """The text as consecutive pieces, each with the spans covering all of it (outermost first).

    Spans outside the text or empty are ignored; the pieces always join back to ``text`` exactly.
    """
    kept = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text)} | {s.start for s in kept} | {s.end for s in kept})
    ordered = sorted(kept, key=lambda s: (s.start, -s.end, s.kind, s.fact))
    pieces = []
    for start, end in pairwise(cuts):
        covering = tuple(s for s in ordered if s.start <= start and end <= s.end)
        pieces.append(Segment(start, text[start:end], covering))
    return pieces

"""Shared helpers of the forces-stage rule tests: the stage's cues and candidate area spans of small docs."""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.force_areas import AreaCues

AREAS = ("Surrey", "Sussex", "Kent", "Essex", "Avon and Somerset", "Dyfed-Powys", "Gwent", "Cumbria", "Lancashire",
         "Bedfordshire", "Hertfordshire", "West Yorkshire", "Cambs")


def cues(nlp) -> AreaCues:
    """The area cues of the pipeline's forces stage (models/force_context.json and words.json)."""
    return nlp.get_pipe("forcewatch_forces").cues


def areas(doc) -> list[Span]:
    """Every area of AREAS in the doc, as a candidate span."""
    out = []
    for area in AREAS:
        start = doc.text.find(area)
        while start >= 0:
            out.append(doc.char_span(start, start + len(area), label="AREA", kb_id=area))
            start = doc.text.find(area, start + 1)
    return sorted(out, key=lambda s: s.start)


def area(doc, text: str) -> Span:
    return next(s for s in areas(doc) if s.text == text)

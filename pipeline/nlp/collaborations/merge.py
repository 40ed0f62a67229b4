"""From sentence parts to collaborations: the type of a collaboration, and one collaboration per set of
forces (the scorer, and a reader, identify a collaboration by its forces).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from pipeline.contract import Collaboration
from pipeline.nlp.collaborations.names import Name
from pipeline.nlp.collaborations.resolve import Candidate
from pipeline.nlp.collaborations.stage import stage_of


def collaboration_type(names: Iterable[Name], lemmas: Iterable[str], type_words: Iterable[tuple[str, str]]) -> str | None:
    """The type of the first of ``type_words`` (word, type) in the ``names`` ('Joint Firearms Unit'), else in
    the ``lemmas`` of the sentence part."""
    pairs = tuple(type_words)
    for words in ({w.lower() for name in names for w in name.text.split()}, {lemma.lower() for lemma in lemmas}):
        kind = next((kind for word, kind in pairs if word in words), None)
        if kind:
            return kind
    return None


def merge(doc: Doc, candidates: Iterable[Candidate], type_words: Iterable[tuple[str, str]]) -> list[Collaboration]:
    """One collaboration per set of forces, on the evidence of its first part (or of each distinct name
    given to it: a name is its own collaboration, with its own type where the name says one), in text order;
    its stage from the signals of all its parts."""
    pairs = tuple(type_words)
    by_set: dict[frozenset[str], list[Candidate]] = {}
    for c in candidates:
        by_set.setdefault(frozenset(c.forces), []).append(c)
    out = []
    for group in by_set.values():
        first = group[0]
        kind = next((c.type for c in group if c.type), None)
        names: dict[str, tuple[int, int]] = {}
        for c in group:
            for start, end, name in c.names:
                names.setdefault(name, (start, end))
        part = doc[first.start : first.end]
        stage = stage_of((c.signals for c in group), merger=kind == "merger")
        if not names:
            out.append(collaboration(doc, None, kind, stage, first.forces, part.start_char, part.end_char))
        for name, (start, end) in names.items():
            own = collaboration_type([Name(start, end, name)], (), pairs)  # 'Joint Operations Unit' is a shared service
            out.append(collaboration(doc, name, own or kind, stage, first.forces, start, end))
    return sorted(out, key=lambda c: c["start_char"])


def collaboration(
    doc: Doc, name: str | None, kind: str | None, stage: str, forces: Iterable[str], start: int, end: int
) -> Collaboration:
    """The fact, its evidence the text from ``start`` to ``end`` without surrounding whitespace."""
    text = doc.text[start:end]
    stripped = text.strip()
    start += len(text) - len(text.lstrip())
    return {"name": name, "type": kind, "stage": stage, "forces": list(forces), "start_char": start,
            "end_char": start + len(stripped), "text": stripped}

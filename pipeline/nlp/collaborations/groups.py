"""Several collaborations in one sentence part: groups of forces that the part keeps apart.

- A list of pairs: 'mergers of smaller neighbours, such as Norfolk and Suffolk, Gloucestershire and
  Wiltshire' ('and' joins the items more than once: the commas separate the pairs).
- Coordinated groups, each with a word of its own that governs it: 'partnerships between Kent and Essex
  and between Bedfordshire and Hertfordshire', 'one made up of Herts, Beds and Essex, and a second
  combining Cambridgeshire, Norfolk and Suffolk', '..., and the four forces covering Yorkshire - ...'.
  The word after the coordinator must open a group of its own (a preposition, an ordinal, a cue, a count
  that fits the group): 'Kent and Essex have joined Surrey and Sussex' is one collaboration of four.

How a part is cut into the collaborations it holds, names included, is ``split``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise

from spacy.tokens import Doc, Span

from pipeline.nlp.collaborations.mentions import Group
from pipeline.nlp.collaborations.references import Reference

COORDINATORS = {",", "and", "or"}


def forces_of(group: Group) -> frozenset[str]:
    return frozenset(m.force for m in group)


def pair_list(doc: Doc, group: Group) -> list[Group]:
    """A list of pairs cut at its commas ('A and B, C and D, and E and F'), when 'and' or 'or' joins its
    items more than once and every piece has two forces or more; else the list as it is."""
    gaps = [doc[a.end : b.start] for a, b in pairwise(group)]
    coordinated = [any(t.lower_ in {"and", "or"} for t in gap) for gap in gaps]
    if sum(coordinated) < 2:
        return [group]
    pieces: list[list] = [[group[0]]]
    for gap, mention in zip(gaps, group[1:], strict=True):
        if any(t.text == "," for t in gap):
            pieces.append([])
        pieces[-1].append(mention)
    if len(pieces) < 2 or any(len(forces_of(tuple(p))) < 2 for p in pieces):
        return [group]
    return [tuple(p) for p in pieces]


def opens_group(gap: Span, group: Group, cue_at: set[int], references: Sequence[Reference], openers: frozenset[str]) -> bool:
    """The words between two groups coordinate the second one with a word of its own: the gap starts with
    a coordinator and holds an opener (``openers``: 'between', 'of', 'second', 'another'), a cue (its token
    in ``cue_at``), or a count of forces that fits the second group ('and the four forces covering ...')."""
    words = [t for t in gap if not t.is_space]
    if not words or words[0].lower_ not in COORDINATORS:
        return False
    if any(t.lower_ in openers or t.i in cue_at for t in words[1:]):
        return True
    count = len(forces_of(group))
    return any(gap.start <= r.start < gap.end and r.count == count for r in references)


def separate_groups(
    doc: Doc, groups: Sequence[Group], cue_at: set[int], references: Sequence[Reference], openers: frozenset[str],
    clauses: Mapping[int, int | None] | None = None,
) -> list[Group]:
    """The groups of two or more forces of a part that are separate collaborations, in text order; [] when
    the part describes one collaboration. ``clauses`` gives the coordinated clause with a cue of its own
    that a mention (by start token) is in, where it is in one: groups in two such clauses are apart ('Beds
    and Herts run a joint unit, and the four Welsh forces have pooled work')."""
    clauses = clauses or {}
    pieces: list[tuple[Group, bool]] = []  # (group, cut from a list of pairs)
    counts = {r.count for r in references}
    for group in groups:
        found = pair_list(doc, group)
        if len(forces_of(group)) in counts:  # 'Kent and Essex, and Surrey and Sussex, formed a four-force alliance'
            found = [group]
        pieces.extend((p, len(found) > 1) for p in found)
    pieces = [(g, paired) for g, paired in pieces if len(forces_of(g)) >= 2]
    if len(pieces) < 2:
        return []
    for (a, a_paired), (b, b_paired) in pairwise(pieces):
        if forces_of(a) & forces_of(b):
            return []
        clause_a, clause_b = clauses.get(a[0].start), clauses.get(b[0].start)
        apart = (
            (a_paired and b_paired and a[-1].end <= b[0].start and _same_list(doc, a, b))
            or (clause_a is not None and clause_b is not None and clause_a != clause_b)
            or opens_group(doc[a[-1].end : b[0].start], b, cue_at, references, openers)
        )
        if not apart:
            return []
    return [g for g, _ in pieces]


def _same_list(doc: Doc, a: Group, b: Group) -> bool:
    """Two pairs cut from one list: only list words between them."""
    return all(t.text in COORDINATORS or t.is_space for t in doc[a[-1].end : b[0].start])

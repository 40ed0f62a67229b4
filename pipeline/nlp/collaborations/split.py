"""A sentence part cut into the collaborations it holds ('pieces'), each with its stretch of text, members,
references and names:

- several names, each with the forces of its own stretch of the part: 'the counter-terrorism unit, WECTU,
  run jointly by all four Welsh forces, and Tarian, the organised crime unit it shares with South Wales
  Police and Dyfed-Powys Police';
- a name with the forces of the clause that describes it: 'Tarian, the regional organised crime unit run
  by Dyfed-Powys, Gwent and South Wales police' (the rest of the part, with a cue of its own, is another
  collaboration);
- groups of forces the part keeps apart (``groups.separate_groups``), each name with the group before it;
- else the whole part.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.collaborations.groups import separate_groups
from pipeline.nlp.collaborations.members import after_with
from pipeline.nlp.collaborations.mentions import Group, Mention
from pipeline.nlp.collaborations.names import Name
from pipeline.nlp.collaborations.references import Reference


@dataclass(frozen=True)
class Piece:
    """One collaboration of a sentence part: where it is told, its members, references and names."""

    where: Span
    members: tuple[Mention, ...]
    references: tuple[Reference, ...]
    names: tuple[Name, ...]


def pieces(
    part: Span, names: Sequence[Name], members: Sequence[Mention], references: Sequence[Reference],
    cue_roots: Sequence[Token], groups: Sequence[Group], openers: frozenset[str], clauses: Mapping[int, int | None],
) -> list[Piece]:
    """The collaborations of a part (see the module docstring); ``groups`` are the part's lists of members,
    ``clauses`` the coordinated clause with a cue that each member is in."""
    doc = part.doc
    if len(names) >= 2:
        stretches = [(name, described(where, members, references)) for name, where in name_scopes(part, names)]
        if len(stretches) == len(names) and all(found for _, found in stretches):
            return [Piece(found.where, found.members, found.references, (name,)) for name, found in stretches if found]
    scoped = []
    for name in names:
        clause = name_clause(doc, name)
        found = described(clause, members, references) if clause is not None and within(part, clause) else None
        if found:
            scoped.append(Piece(found.where, found.members, found.references, (name,)))
    if scoped:
        inside = {i for p in scoped for i in range(p.where.start, p.where.end)}
        rest = tuple(n for n in names if n not in {p.names[0] for p in scoped})
        if any(t.i not in inside for t in cue_roots) or rest:  # 'and the unit, run jointly by all four forces'
            scoped.append(Piece(part, tuple(m for m in members if m.start not in inside),
                                tuple(r for r in references if r.start not in inside), rest))
        return scoped
    apart = separate_groups(doc, groups, {t.i for t in cue_roots}, references, openers, clauses)
    if apart:
        return [Piece(part, g, (), named) for g, named in zip(apart, names_by_group(apart, names, doc), strict=True)]
    return [Piece(part, tuple(members), tuple(references), tuple(names))]


def within(part: Span, span: Span) -> bool:
    return part.start <= span.start < span.end <= part.end


def described(where: Span, members: Sequence[Mention], references: Sequence[Reference]) -> Piece | None:
    """The members and references of a stretch, if they make a collaboration of two or more: two forces, a
    count of forces, or forces after 'with' (the article's force is the other side)."""
    inside = tuple(m for m in members if where.start <= m.start < where.end)
    refs = tuple(r for r in references if where.start <= r.start < where.end)
    counted = any(r.count and r.count >= 2 for r in refs)
    if len({m.force for m in inside}) >= 2 or counted or (inside and after_with(where, inside)):
        return Piece(where, inside, refs, ())
    return None


def names_by_group(groups: Sequence[Group], names: Sequence[Name], doc: Doc) -> list[tuple[Name, ...]]:
    """Each name goes with the last group that starts before it (the first group, for a name before all):
    'Beds and Herts run a joint Major Crime Unit, and ...'."""
    out: list[list[Name]] = [[] for _ in groups]
    for name in names:
        at = doc.char_span(name.start_char, name.end_char, alignment_mode="expand")
        start = at.start if at is not None else 0
        before = [i for i, g in enumerate(groups) if g[0].start <= start]
        out[before[-1] if before else 0].append(name)
    return [tuple(n) for n in out]


def name_clause(doc: Doc, name: Name) -> Span | None:
    """The words that describe a name: its appositive, participle or relative clause ('Tarian, the organised
    crime unit it shares with South Wales Police', 'the ... Unit, which has provided a single Special Branch
    for all four Welsh forces'), as the stretch from its first to its last token; None when it has none."""
    span = doc.char_span(name.start_char, name.end_char, alignment_mode="expand")
    if span is None:
        return None
    tokens = [i for c in span.root.children if c.dep_ in {"appos", "acl", "relcl"} and c.i >= span.end
              for i in own_words(c)]
    return doc[min(tokens) : max(tokens) + 1] if tokens else None


def own_words(token: Token) -> list[int]:
    """The token's subtree without what is coordinated with it ('the unit run by A, and the Unit, which ...')."""
    out = [token.i]
    for child in token.children:
        if child.dep_ not in {"conj", "cc"}:
            out.extend(t.i for t in child.subtree)
    return out


def name_scopes(part: Span, names: Sequence[Name]) -> list[tuple[Name, Span]]:
    """Each of several names of a part with its own stretch of the part: from the end of the stretch before
    (the part's start for the first name) to the start of the next name ('Gwent's membership of the unit,
    WECTU, run jointly by all four Welsh forces, and of' | 'Tarian, the organised crime unit it shares with
    South Wales Police and Dyfed-Powys Police')."""
    doc = part.doc
    out = []
    start = part.start
    for name, following in zip(names, [*names[1:], None], strict=True):
        end = part.end
        if following is not None:
            cut = doc.char_span(following.start_char, following.end_char, alignment_mode="expand")
            end = cut.start if cut is not None else part.end
        if end > start:
            out.append((name, doc[start:end]))
        start = end
    return out

"""The forces of each sentence part that describes a collaboration, references resolved.

The parts are read in text order, once: a reference ('the two forces', 'four of them') stands for forces
named in its part, or for a set named or described before it — the article's lists of forces, then the
collaborations of the earlier parts (``Scope``, built afresh for every part from what the parts before
it found) — or for a list named just after it. Nothing a later part says changes an earlier one.

A reference looks back over the ``LOOKBACK`` latest lists of forces, collaborations and force mentions
before it, found by bisection: reading all of them for every reference was quadratic in the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Span

from pipeline.nlp.collaborations.mentions import Group, Mention, drop_successors
from pipeline.nlp.collaborations.names import Name
from pipeline.nlp.collaborations.references import Reference
from pipeline.nlp.collaborations.stage import told_as_done

FORWARD_SENTENCES = 3  # "Six forces ... run TITAN together" may name the six in the next sentences

LOOKBACK = 100  # lists of forces, collaborations and force mentions a reference looks back over (the latest)

Positioned = tuple[int, frozenset[str]]  # a set of forces and the token where it is named or described


@dataclass(frozen=True)
class ArticleForces:
    """What the whole article says about forces."""

    mentions: tuple[Mention, ...]
    groups: tuple[Group, ...]  # the mentions that form one list
    topic: str | None  # the force the article is about: the most mentioned (doc._.ranked_forces[0])
    countries: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # country -> the forces that could merge

    @cached_property
    def lists(self) -> tuple[Positioned, ...]:
        return tuple((g[0].start, frozenset(m.force for m in g)) for g in self.groups)

    @cached_property
    def first_seen(self) -> tuple[tuple[str, int], ...]:
        """Each force with the token of its first mention, in text order."""
        first: dict[str, int] = {}
        for m in self.mentions:
            first.setdefault(m.force, m.start)
        return tuple(first.items())

    def mentions_between(self, lo: int, hi: int, latest: int | None = None) -> tuple[Mention, ...]:
        """The mentions that start at token ``lo`` or later and before ``hi`` (by bisection); only the ``latest``
        of them when given."""
        end = bisect_left(self.mentions, hi, key=mention_start)
        start = bisect_left(self.mentions, lo, key=mention_start)
        return self.mentions[start if latest is None else max(start, end - latest) : end]

    def groups_between(self, lo: int, hi: int) -> tuple[Group, ...]:
        """The lists of forces that start at token ``lo`` or later and before ``hi`` (by bisection)."""
        return self.groups[bisect_left(self.groups, lo, key=group_start) : bisect_left(self.groups, hi, key=group_start)]


def mention_start(mention: Mention) -> int:
    return mention.start


def group_start(group: Group) -> int:
    return group[0].start


@dataclass(frozen=True)
class Scope:
    """The sets of forces a reference in a part can stand for: the article's lists, then the forces of the
    collaborations described by the parts before it."""

    lists: tuple[Positioned, ...]
    described: tuple[Positioned, ...] = ()

    def before(self, position: int) -> list[frozenset[str]]:
        """The sets named or described before token ``position``: lists first, then collaborations, each in
        text order (so the last is the latest collaboration, or else the latest list); the ``LOOKBACK`` latest
        lists (found by bisection) and described sets."""
        end = bisect_left(self.lists, position, key=lambda x: x[0])
        lists = self.lists[max(0, end - LOOKBACK) : end]
        return [forces for start, forces in (*lists, *self.described[-LOOKBACK:]) if start < position]


@dataclass(frozen=True)
class Part:
    """A sentence part with a collaboration cue, and what the rules found in it."""

    span: Span
    forces: tuple[str, ...]  # the forces it names, in order, less the ``excluded``
    references: tuple[Reference, ...] = ()
    excluded: frozenset[str] = frozenset()  # 'all except Lincolnshire'
    names: tuple[Name, ...] = ()
    kind: str | None = None
    signals: frozenset[str] = frozenset()  # what its words say of the stage (``stage.part_signals``)
    with_topic: bool = False  # it names forces only after 'with': the article's force is the other side
    definite: bool = False  # its cue is a definite noun phrase ('the memorandum', 'the shared service')
    collaboration_subject: bool = False  # its subject is a collaboration told before ('the programme')


@dataclass(frozen=True)
class Candidate:
    """A sentence part that describes a collaboration of ``forces``."""

    start: int
    end: int
    forces: tuple[str, ...]
    names: tuple[Name, ...] = ()
    type: str | None = None
    signals: frozenset[str] = frozenset()


def describe(
    parts: Iterable[Part], article: ArticleForces, successors: dict[str, str], forward: int = FORWARD_SENTENCES
) -> tuple[Candidate, ...]:
    """The collaboration of every part that describes one, in text order; each part's scope is the
    article's lists plus the collaborations found in the parts before it."""
    found: list[Candidate] = []
    described: list[Positioned] = []
    for part in parts:
        scope = Scope(article.lists, tuple(described[-LOOKBACK:]))
        candidate = collaboration_of(part, scope, article, successors, forward)
        if candidate is not None and not restated(part, candidate, found[-LOOKBACK:]):
            found.append(candidate)
            described.append((candidate.start, frozenset(candidate.forces)))
    return with_successor(tuple(found), successors)


def with_successor(found: tuple[Candidate, ...], successors: dict[str, str]) -> tuple[Candidate, ...]:
    """A merger told as done in one part names the force the members became ('Police Scotland took over
    from ...'): the parts that name only the members ('the eight forces have become one') are the same
    collaboration."""
    sets = {frozenset(c.forces) for c in found}
    out = []
    for c in found:
        became = {successors.get(f) for f in c.forces}
        whole = frozenset(c.forces) | became if len(became) == 1 and None not in became else None
        if whole is not None and whole in sets and whole != frozenset(c.forces):
            c = replace(c, forces=(*c.forces, *became))
        out.append(c)
    return tuple(out)


def restated(part: Part, candidate: Candidate, found: Iterable[Candidate]) -> bool:
    """A later mention of some of the forces of a collaboration described before, by a definite phrase
    ('signed the memorandum ... alongside Bedfordshire and Cambridgeshire', 'the other three forces will
    carry on with the shared service'): the same collaboration, not a new one."""
    if not part.definite or part.names:
        return False
    forces = frozenset(candidate.forces)
    return any(forces < frozenset(c.forces) for c in found)


def collaboration_of(
    part: Part, scope: Scope, article: ArticleForces, successors: dict[str, str], forward: int = FORWARD_SENTENCES
) -> Candidate | None:
    """The part's collaboration: its forces (named, or referred to, never excluded; the members of a
    merger, and the force they became only when the part tells the merger as done: 'Police Scotland took
    over from ...'), if there are two or more."""
    forces = [f for f in resolve(part, scope, article, forward) if f not in part.excluded]
    if not told_as_done(part.signals):
        forces = drop_successors(forces, successors)
    if len(forces) < 2:
        return None
    return Candidate(part.span.start, part.span.end, tuple(forces), part.names, part.kind, part.signals)


def resolve(part: Part, scope: Scope, article: ArticleForces, forward: int = FORWARD_SENTENCES) -> list[str]:
    """The forces the part names, then those each of its references stands for, without repeats."""
    referred = (f for ref in part.references for f in stands_for(ref, part, scope, article, forward))
    own: list[str] = []
    if part.with_topic and not part.references:  # 'the unit it shares with X and Y': the other side
        described = [forces for start, forces in scope.described if start < part.span.start]
        if part.collaboration_subject and described:  # 'the programme would ... work with Kent and Hampshire'
            own = sorted(described[-1])
        elif article.topic:
            own = [article.topic]
    return list(dict.fromkeys([*part.forces, *referred, *own]))


def stands_for(ref: Reference, part: Part, scope: Scope, article: ArticleForces, forward: int = FORWARD_SENTENCES) -> list[str]:
    """The forces one reference of the part stands for (none when it cannot be resolved)."""
    named = set(part.forces)
    if ref.country and ref.count is None:  # 'one force for all of Wales', "merging Scotland's police forces"
        return list(article.countries.get(ref.country, ()))
    if ref.pronoun:  # 'its plan to merge them with Essex': the latest set before, with the forces named
        previous = [s for s in scope.before(ref.start) if len(s) >= 2 and not s & named]
        return sorted(previous[-1]) if previous else []
    if ref.subset:  # 'four of them - all except Lincolnshire': the forces before, less those left out
        wider = [s for s in scope.before(ref.start) if len(s) > ref.count]
        kept = sorted(wider[-1] - part.excluded) if wider else []
        return kept if len(kept) == ref.count else []
    if ref.singular:  # "the force's motorway policing is shared with Staffordshire": the article's force
        span = part.span
        named_after = all(m.start > ref.start for m in article.mentions_between(span.start, span.end))
        return [article.topic] if named and named_after and article.topic else []
    if ref.count is None:  # 'the forces': the latest set before that holds the one force named with it
        if len(named) >= 2:
            return []
        previous = [s for s in scope.before(ref.start) if len(s) >= 2 and named <= s]
        return sorted(previous[-1]) if previous else []
    found = antecedent(ref, part, scope, article, forward)
    country = article.countries.get(ref.country or "", ())
    if found is None and len(country) == ref.count:  # 'the four Welsh forces', with no list of four before
        found = list(country)
    if found is None:
        return []
    own = [article.topic] if ref.after_with and not named and article.topic else []  # 'shared with its three neighbours'
    return [*found, *own]


def antecedent(
    ref: Reference, part: Part, scope: Scope, article: ArticleForces, forward: int = FORWARD_SENTENCES
) -> list[str] | None:
    """The forces 'the N forces' stands for: named with it, named or described before it, or named just
    after (in the ``forward`` sentences after its own); 'its N neighbours' are N forces not named with it."""
    n = ref.count
    named = set(part.forces)
    if len(named) == n and not ref.neighbours:
        return sorted(named)
    previous = [s for s in scope.before(ref.start) if len(s) == n]
    if ref.neighbours:
        fits = [s for s in previous if not s & named]
        return sorted(fits[-1]) if fits else None
    if len(named) > n:
        return sorted(previous[-1]) if previous else None
    fits = [s for s in previous if named <= s]
    if fits:
        return sorted(fits[-1])
    if len(named) == n - 1:  # 'talks with Lancashire about merging the two forces': the one named before
        before = [m.force for m in reversed(article.mentions_between(0, ref.start, LOOKBACK)) if m.force not in named]
        if before:
            return [*named, before[0]]
    horizon = sentences_after(part.span.sent, forward).end
    for group in article.groups_between(ref.start + 1, horizon):
        forces = {m.force for m in group}
        if len(forces) == n and named <= forces:
            return [m.force for m in group]
    # 'Durham ... Cleveland ... North Yorkshire ... The three forces': the article's forces, if they are N
    for distinct in ([f for f, start in article.first_seen if start < ref.start], [f for f, _ in article.first_seen]):
        if len(distinct) == n and named <= set(distinct):
            return distinct
    return None


def sentences_after(sent: Span, count: int) -> Span:
    """The sentence ``count`` sentences after ``sent`` (the last one of the doc if there are fewer)."""
    doc = sent.doc
    for _ in range(count):
        if sent.end >= len(doc):
            break
        sent = doc[sent.end].sent
    return sent

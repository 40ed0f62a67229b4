"""Whose money a figure is: the forces named in the figure's part of the sentence; all partners of the
collaboration for a combined figure ("the two forces", "joint", "together") or one that names no force; none for a
national figure ("across England and Wales"). Pure functions of the parsed sentence and what the earlier stages
found about the article (force mentions, collaborations, officials, the ranked forces of the context component).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property

from spacy.tokens import Span

from pipeline.nlp.money_owners import (
    OwnerCues,
    follows_a_force,
    last_official,
    merged_force,
    national_owner,
    one_force,
    owner_of,
    personal_owner,
    speaker_of,
)


@dataclass(frozen=True)
class ArticleForces:
    """What the earlier stages found about the article that decides whose a figure is."""

    mentions: list[Span]  # force mentions, in text order
    collaborations: list[dict]
    officials: list[dict]
    ranked: list[str]  # the article's forces, most mentioned first (``doc._.ranked_forces``)

    @cached_property
    def starts(self) -> list[int]:
        return [m.start for m in self.mentions]

    @cached_property
    def longest(self) -> int:
        return max((len(m) for m in self.mentions), default=0)

    def near(self, lo: int, hi: int) -> list[Span]:
        """The mentions that end after token ``lo`` and start before ``hi``, in text order (by bisection: reading
        every mention of the article for every figure was quadratic in the article)."""
        first, last = bisect_left(self.starts, lo - self.longest), bisect_left(self.starts, hi)
        return [m for m in self.mentions[first:last] if m.end > lo]

    @cached_property
    def by_sentence(self) -> tuple[list[int], list[list[str]]]:
        """The sentences that name forces (where each starts) and the forces each names, in text order."""
        grouped: dict[int, list[str]] = {}
        for m in self.mentions:
            grouped.setdefault(m.sent.start, []).append(m.kb_id_)
        starts = sorted(grouped)
        return starts, [grouped[start] for start in starts]


@dataclass(frozen=True)
class Figure:
    """A figure in its sentence: its tokens, where its part of the sentence starts, and its kind."""

    span: Span
    segment_start: int  # token after the previous figure of the sentence (or the sentence start)
    last_in_sentence: bool
    kind: str
    grant: bool = False  # money given to the police ('the Home Office contributed £300,000 towards the unit')


def figure_forces(figure: Figure, article: ArticleForces, cues: OwnerCues) -> tuple[list[str], int | None]:
    """(canonical forces the figure belongs to, index of the collaboration it was credited to).

    The owners are the forces named in the figure's part of the sentence, leaving out the
    speaker's force ("A Suffolk spokeswoman said the two forces saved ..."). A combined figure
    ("the two forces", "joint", "together") belongs to all partners of the collaboration; "the
    force" to the speaker's force or the article's most mentioned force; an unattributed figure to
    the collaboration, else to the forces of the nearest sentence that names any.
    """
    span = figure.span
    sent = span.sent
    previous_start = span.doc[sent.start - 1].sent.start if sent.start else 0
    mentions = article.near(previous_start, max(sent.end, span.end + 3))  # all that the rules below can read
    located = [m for m in mentions if located_at(span.end, m)]  # '£163 for Essex Police'
    before = [m for m in mentions if m.end > figure.segment_start and m.start < span.start
              and not (figure.segment_start > sent.start and located_at(figure.segment_start, m))]  # the figure before's
    after = [m for m in mentions if figure.last_in_sentence and span.end <= m.start < sent.end]
    owner = owner_of(span)
    subject = [m for m in before if owner is not None and owner.left_edge.i <= m.start and m.end <= owner.right_edge.i + 1
               and m.end <= span.start]  # the forces of the subject: 'Kent (and Essex) saved £5m in ...'
    in_segment = subject or located or before or after
    owners = unique([m.kb_id_ for m in in_segment if not in_attribution(m, span, cues.speech_verbs)])
    speakers = unique([m.kb_id_ for m in in_segment if in_attribution(m, span, cues.speech_verbs)])
    segment = span.doc[figure.segment_start : span.end]
    collective, wanted = collective_count(segment, cues)
    its = owner is not None and any(c.dep_ == "poss" and c.lower_ == "its" for c in owner.children)  # 'its grant'
    force_owner = owner is not None and one_force(owner, cues)  # 'his force had saved £50m from a budget of £300m'
    singular = (
        force_owner or (its and follows_a_force(sent, mentions, cues)) or names_one_force(segment, mentions, cues.force_nouns)
    )
    named_in_sentence = any(m.sent == sent for m in mentions)
    owners_said = [o for o in (owner, speaker_of(span, cues.speech_verbs)) if o is not None]  # '..., the watchdogs say'
    if not owners and not named_in_sentence and any(national_owner(o, span, mentions, cues) for o in owners_said):
        return [], None  # 'the Department of Home Affairs has been allocated £52.7m', 'Police could save £1bn'
    if not owners and not singular and not named_in_sentence and cues.national.search(sent.text):
        return [], None
    if owners and (not collective or len(owners) >= wanted):
        return owners, None
    if not owners and not speakers and not singular and owner is not None and personal_owner(owner):
        official = last_official(article.officials, span.doc.text, span.start_char)  # 'He has said his plans could save £4m'
        if official is not None and (official.get("force") or official.get("role") in cues.forceless_roles):
            return ([official["force"]] if official.get("force") else []), None
    collaborations = article.collaborations
    if not owners and cues.merged_force.search(segment.text):  # 'the new force': the merger's, or all partners'
        merged = merged_force(article.ranked, collaborations)
        if merged is not None:
            return [merged], None
        collective = True
    if collective:
        chosen = choose_collaboration(collaborations, owners or speakers, span.start_char)
        if chosen is not None:
            return unique(owners + list(collaborations[chosen].get("forces") or [])), chosen
        return unique(owners + context_forces(article, sent, wanted, owners or speakers)), None
    precept = figure.kind == "other" and not figure.grant  # a precept or salary is one force's; a grant its recipients'
    if singular or speakers or precept:  # "the force", "Gwent's finance director said ..."
        return speakers or speaker_force(span, article.officials, cues.speech_verbs) or article.ranked[:1], None
    chosen = choose_collaboration(collaborations, speakers, span.start_char)
    if chosen is not None:
        return list(collaborations[chosen].get("forces") or []), chosen
    return speakers or context_forces(article, sent, 1), None


def located_at(end: int, mention: Span) -> bool:
    """The force named just after a figure ending at token ``end`` in a phrase of place: '£115 in Sussex', '£163 for
    Essex Police', '£200 in the Kent Police area'."""
    if not 1 <= mention.start - end <= 2:  # read only the words next to the figure
        return False
    between = [t.lower_ for t in mention.doc[end : mention.start]]
    return bool(between) and between[0] in LOCATIVES and all(w in LOCATIVES | {"the"} for w in between) and len(between) <= 2


LOCATIVES = {"in", "for", "at"}
CONTEXT_SENTENCES = 50  # sentences naming forces that an unattributed figure looks back over


def in_attribution(mention: Span, figure: Span, speech_verbs: frozenset[str]) -> bool:
    """The force is named in who says it ('A Suffolk Constabulary spokeswoman said ...', 'a report to the X board says')."""
    tok = mention.root
    while tok.head.i != tok.i:
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in speech_verbs:
            return figure.root not in set(tok.subtree) and figure.root in set(tok.head.subtree)
        tok = tok.head
    return False


def speaker_force(figure: Span, officials: list[dict], speech_verbs: frozenset[str]) -> list[str]:
    """The force of the official who says it ('Mr Anwar said the force would save ...'), from the officials stage."""
    officials = [o for o in officials if o.get("force")]
    if not officials:
        return []
    for tok in figure.root.ancestors:
        if tok.lemma_.lower() in speech_verbs:
            subject = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
            words = {t.text for c in subject for t in c.subtree}
            for o in officials:
                if o["name"].split()[-1] in words:
                    return [o["force"]]
            return []
    return []


def collective_count(segment: Span, cues: OwnerCues) -> tuple[bool, int]:
    """Whether the figure's part of the sentence speaks of several forces, and how many ('the two forces')."""
    wanted = 2
    found = False
    for tok in segment:
        if tok.lower_ in cues.collective or tok.lemma_.lower() in cues.collective:
            found = True
        if tok.lower_ in cues.counts and (tok.head.lemma_.lower() in cues.force_nouns or tok.dep_ == "nsubj"):
            found, wanted = True, cues.counts[tok.lower_]
    text = segment.text.lower()
    return found or any(p in text for p in cues.collective_phrases), wanted


def names_one_force(segment: Span, mentions: list[Span], force_nouns: frozenset[str]) -> bool:
    """'the force', 'the constabulary', 'the service's budget': one force, not named here."""
    named = {t.i for m in mentions for t in m}
    return any(t.lemma_.lower() in force_nouns and t.tag_ == "NN" and t.i not in named for t in segment)


def context_forces(article: ArticleForces, sent: Span, wanted: int, including: list[str] = ()) -> list[str]:
    """Forces of the nearest sentence (this one or before) naming at least ``wanted`` of them
    (and the ``including`` ones: the speaker's force is one of 'the two forces').

    Falls back to the most recently named forces, then to all the article's forces, most mentioned first. Looks back
    over the ``CONTEXT_SENTENCES`` latest sentences that name forces.
    """
    starts, named = article.by_sentence
    last = bisect_right(starts, sent.start)
    recent: list[str] = []
    for found in reversed(named[max(0, last - CONTEXT_SENTENCES) : last]):
        forces = unique(found)
        if len(forces) >= wanted and set(including) <= set(forces):
            return forces
        recent = unique(recent + forces)
    return recent if len(recent) >= wanted else unique(recent + article.ranked)[: max(wanted, len(recent))]


def choose_collaboration(collaborations: list[dict], named: list[str], start_char: int) -> int | None:
    """The collaboration a figure belongs to: one with the named forces, else the last one stated before it."""
    if not collaborations:
        return None
    indexed = list(enumerate(collaborations))
    if named:
        with_named = [i for i, c in indexed if set(named) & set(c.get("forces") or [])]
        return with_named[0] if with_named else None
    before = [i for i, c in indexed if c.get("start_char", 0) <= start_char]
    return before[-1] if before else 0


def unique(items: list[str]) -> list[str]:
    """The items in order, each once."""
    return list(dict.fromkeys(items))

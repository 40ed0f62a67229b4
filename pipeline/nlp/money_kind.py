"""What a money figure is: its kind, read from the grammar around it and the cue words near it in the dependency tree.
Pure functions of a parsed sentence and the cues of ``models/money.json``.

- ``figure_kind``: a precept, council tax or household bill nearby makes the figure ``other``; then the grammar
  around it settles it where it can (levels, envelopes, payers, set phrases: ``pipeline.nlp.money_readings``);
  else the kind of the cue nearest to the figure in the tree ("save", "gap", "budget", "lost", "spend", ...), so
  "a £9m funding gap" and "£12 million cost savings" read right whatever the word order. A cut or fall is a budget
  reduction only when a budget, grant or funding is what falls (a saving when costs are). The lack of any cue
  makes it ``other`` (a fine, a salary). A cue noun another figure owns is not this one's, and a weak verb ("find",
  "need") counts only when nothing stronger is as near (``pipeline.nlp.money_claims``). Cues at the same tree
  distance go to the one nearest in the text; a cut that governs the figure directly beats a cue three arcs away;
  the cues of a conjunct verb's clause do not count.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import NamedTuple

from spacy.tokens import Span, Token

from pipeline.nlp.money_claims import (
    Phrase,
    claimed_by_other,
    falls_in_headcount,
    matches,
    matches_any,
    thing_cost,
    weak_kind,
)
from pipeline.nlp.money_lexicon import MoneyLexicon
from pipeline.nlp.money_readings import ReadingCues, envelope_kind, level_kind, payer_kind, phrase_kind
from pipeline.nlp.money_sizes import (
    SizeCues,
    after_kind,
    ellipsis_kind,
    estimate_kind,
    fall_kind,
    grant_level_kind,
    outstanding_kind,
    rise_kind,
)


@dataclass(frozen=True)
class Cue:
    """A cue word: single lemma, or two lemmas where one is the other's child ('set aside')."""

    words: Phrase
    kind: str


class Reading(NamedTuple):
    """A figure's kind; ``strong`` unless no cue or only a cut with no budget in sight gave it; ``distance``: tree arcs
    to the cue that gave it (0 for a reading of the grammar around the figure), so repeated figures take the best."""

    kind: str
    strong: bool
    distance: int


@dataclass(frozen=True)
class KindCues:
    """The cues of ``models/money.json`` as the kind rules read them."""

    cues: dict[str, list[Cue]]  # each word of a cue -> the cues it is part of
    priority: dict[str, int]  # kind -> rank, for cues at the same distance and place
    reduction_verbs: frozenset[str]
    budget_words: frozenset[str]
    cost_words: frozenset[str]
    headcount_words: frozenset[str]  # 'officer numbers could fall': people, not money
    idiom_objects: frozenset[str]  # 'take part in', 'take place': no reduction
    overrides: tuple[Phrase, ...]  # words that make a figure 'other' (a precept, a household bill)
    override_distance: int  # ... when this close in the tree
    max_distance: int  # tree arcs searched from the figure
    text_window: int  # tokens either side searched when the parse links no cue
    readings: ReadingCues
    sizes: SizeCues
    weak_verbs: dict[str, str]  # verb lemma -> the kind it gives a figure it governs, when nothing stronger is near
    not_costs: frozenset[str]  # nouns a figure with no cue sizes that are not a thing it costs ('job', 'increase')
    noun_kinds: dict[str, str]  # a cue's kind when it is a noun ('the Innovation Fund': other; 'to fund': spending)

    @classmethod
    def from_lexicon(cls, lexicon: MoneyLexicon, override_distance: int) -> KindCues:
        cues: dict[str, list[Cue]] = {}
        for kind, words in lexicon.kinds.items():
            for phrase in words:
                parts = tuple(phrase.lower().split())
                for part in parts:
                    cues.setdefault(part, []).append(Cue(parts, kind))
        reduction = lexicon.reduction_needs_budget
        return cls(
            cues=cues,
            priority={k: i for i, k in enumerate(lexicon.kind_priority)},
            reduction_verbs=frozenset(reduction.verbs),
            budget_words=frozenset(reduction.budget_words),
            cost_words=frozenset(reduction.cost_words),
            headcount_words=frozenset(reduction.headcount_words),
            idiom_objects=frozenset(reduction.idiom_objects),
            overrides=tuple(tuple(w.lower().split()) for w in lexicon.other_overrides),
            override_distance=override_distance,
            max_distance=lexicon.max_cue_distance,
            text_window=lexicon.max_cue_tokens,
            readings=ReadingCues.from_lexicon(lexicon.readings, lexicon.hedges.before),
            sizes=SizeCues.from_lexicon(lexicon.sizes, lexicon.readings),
            weak_verbs={verb: kind for kind, verbs in lexicon.weak_kinds.items() for verb in verbs},
            not_costs=frozenset([*lexicon.not_costs, *lexicon.readings.organisations, *lexicon.readings.people]),
            noun_kinds=lexicon.noun_kinds,
        )


def figure_kind(span: Span, figure_tokens: set[int], cues: KindCues) -> Reading:
    """The figure's kind: a precept or household bill near it makes it ``other``; then the grammar around it (a
    level, an envelope, a payer, a set phrase: ``pipeline.nlp.money_readings``); else the cue nearest to it in the
    dependency tree (BFS over the sentence), weak when only a cut with no budget in sight ('took £90,000') or
    nothing gave it."""
    # a precept counts across clauses ('put it up ... and cut it by £35'), not from another noun of a list ('a budget of
    # £320m and a precept of £200')
    distances = tree_distances(span, cues.max_distance, across_nouns=False)
    near = [d for i, d in distances.items() if d <= cues.override_distance and overridden(span.doc[i], cues.overrides)]
    if near:
        return Reading("other", True, min(near))
    read = grammar_kind(span, figure_tokens, cues)
    if read is not None:
        return Reading(read, True, 0)
    distances = tree_distances(span, cues.max_distance, across_verbs=False)
    weak: tuple[int, str] | None = None
    level: dict[int, list[tuple[int, int, str]]] = {}
    for i, d in distances.items():
        if i in figure_tokens or claimed_by_other(span.doc[i], span, figure_tokens):
            continue
        kind, strong = cue_kind(span.doc[i], figure_tokens, cues)
        if kind is None and d == 1:
            kind = weak_kind(span.doc[i], cues.weak_verbs)  # 'must find £87m', 'would need an extra £57m'
            kind = kind and outstanding_kind(span.doc[i], kind, cues.sizes)  # 'still needs to find £4m': a gap
        gap = span.start - i if i < span.start else i - span.end + 1
        if kind and strong:
            kind = "other" if overridden(span.doc[i], cues.overrides) else kind  # 'a Band D bill', however far
            level.setdefault(d, []).append((gap, cues.priority[kind], kind))
        elif kind and (weak is None or d < weak[0]):
            weak = (d, kind)
    if weak is not None and weak[0] == 1 and (not level or min(level) > 2):
        return Reading(weak[1], False, 1)  # 'the force has cut £38m ... and faces a £12m shortfall': the verb that governs it
    if level:
        d = min(level)  # ties: the cue nearest in the text ('budget is £300m, but must save')
        return Reading(min(level[d])[2], True, d)
    in_text = nearest_in_text(span, figure_tokens, cues)
    if in_text:
        return Reading(in_text, True, cues.max_distance + 1)
    if weak or thing_cost(span, cues.not_costs):  # 'its £30m IT project': what the thing costs
        return Reading(weak[1], False, weak[0]) if weak else Reading("spending", False, 1)
    return Reading("other", False, cues.max_distance + 1)


def grammar_kind(span: Span, figure_tokens: set[int], cues: KindCues) -> str | None:
    """The kind the grammar around the figure settles, if any (see ``pipeline.nlp.money_readings``)."""
    def kind_of(tok: Token) -> str | None:
        kind, strong = cue_kind(tok, figure_tokens, cues)
        return kind if strong else None

    readings, sizes = cues.readings, cues.sizes
    return (
        level_kind(span, readings, kind_of)
        or payer_kind(span, readings)
        or envelope_kind(span, readings)
        or phrase_kind(span, readings)
        or estimate_kind(span, sizes, readings, kind_of)
        or fall_kind(span, sizes, readings, kind_of)
        or grant_level_kind(span, sizes)
        or rise_kind(span, sizes)
        or after_kind(span, sizes)
        or ellipsis_kind(span, sizes)
    )


def tree_distances(span: Span, max_distance: int, across_verbs: bool = True, across_nouns: bool = True) -> dict[int, int]:
    """Tree distance from the figure to every token of its sentence, up to ``max_distance``, in BFS order;
    ``across_verbs=False``: not crossing from one verb to a conjunct verb (the cues of another clause);
    ``across_nouns=False``: nor from one noun to a conjunct noun (another item of a list)."""
    sent = span.sent
    dist = {t.i: 0 for t in span}
    queue = deque(span)
    while queue:
        tok = queue.popleft()
        if dist[tok.i] >= max_distance:
            continue
        for nxt in (tok.head, *tok.children):
            if not across_verbs and verb_conjunct(tok, nxt):
                continue  # 'has saved £35m ... and must cut a further £34m': another clause's verb
            if not across_nouns and verb_conjunct(tok, nxt, {"NOUN", "PROPN"}):
                continue
            if nxt.i not in dist and sent.start <= nxt.i < sent.end:
                dist[nxt.i] = dist[tok.i] + 1
                queue.append(nxt)
    return dist


def verb_conjunct(a: Token, b: Token, verbs: frozenset[str] | set[str] = frozenset({"VERB", "AUX"})) -> bool:
    """Two verbs (or words of ``verbs``, the parts of speech) joined as conjuncts: each heads a clause of its own."""
    joined = (a.dep_ == "conj" and a.head == b) or (b.dep_ == "conj" and b.head == a)
    return joined and a.pos_ in verbs and b.pos_ in verbs


def overridden(tok: Token, overrides: tuple[Phrase, ...]) -> bool:
    """A precept word, or a noun that one modifies ('a Band D bill', 'council tax bills', 'household bills')."""
    frontier = [tok]
    for _ in range(3):
        if any(matches_any(t, overrides) for t in frontier):
            return True
        frontier = [c for t in frontier for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
    return False


def nearest_in_text(span: Span, figure_tokens: set[int], cues: KindCues) -> str | None:
    """When the parse links no cue to the figure (a garbled parse), the cue nearest in the text."""
    sent = span.sent
    lo, hi = max(sent.start, span.start - cues.text_window), min(sent.end, span.end + cues.text_window)
    found = []
    for tok in span.doc[lo:hi]:
        mine = tok.i not in figure_tokens and not claimed_by_other(tok, span, figure_tokens)
        kind, strong = cue_kind(tok, figure_tokens, cues) if mine else (None, False)
        if kind and strong:
            kind = "other" if overridden(tok, cues.overrides) else kind
            gap = span.start - tok.i if tok.i < span.start else tok.i - span.end + 1
            found.append((gap, cues.priority[kind], kind))
    return min(found)[2] if found else None


def cue_kind(tok: Token, figure_tokens: set[int], cues: KindCues) -> tuple[str | None, bool]:
    """(kind, strong) of a cue token; a cut of costs is a saving, a cut with no budget or cost in sight a weak cue."""
    lemma = tok.lemma_.lower()
    if lemma in cues.reduction_verbs and tok.pos_ in {"VERB", "AUX"}:
        if falls_in_headcount(tok, figure_tokens, cues.headcount_words):
            return None, False
        if any(c.dep_ == "dobj" and c.lemma_.lower() in cues.idiom_objects for c in tok.children):
            return None, False  # 'take part in a £3.7m programme
        if argument_among(tok, figure_tokens, cues.budget_words):
            return "budget_reduction", True
        if argument_among(tok, figure_tokens, cues.cost_words):  # "cut costs by £2m" is a saving
            return "savings", True
        return "budget_reduction", False
    if tok.pos_ in {"NOUN", "PROPN"} and lemma in cues.noun_kinds:
        return cues.noun_kinds[lemma], True  # 'the Police Innovation Fund'
    kinds = [c.kind for word in {lemma, tok.lower_} for c in cues.cues.get(word, ()) if matches(tok, c.words)]
    if not kinds:
        return None, False
    kind = min(kinds, key=lambda k: cues.priority[k])
    source = tok.dep_ == "pobj" and tok.head.lower_ == "from" and not any(t.i in figure_tokens for t in tok.subtree)
    if kind == "budget" and source:
        return None, False  # '£2.3m carried forward from this year's budget': money out of a budget, not its size
    return kind, True


def argument_among(verb: Token, figure_tokens: set[int], words: frozenset[str]) -> bool:
    """One of ``words`` among the verb's arguments, up to three levels down ('cut from its budget'); the figure's
    own tokens do not count, nor as a level ('trim £2m from running costs')."""
    frontier = [verb]
    for _ in range(3):
        frontier = [c for t in frontier for c in t.children]
        while any(c.i in figure_tokens for c in frontier):
            frontier = [c for c in frontier if c.i not in figure_tokens] + [
                g for c in frontier if c.i in figure_tokens for g in c.children
            ]
        if any(c.lemma_.lower() in words or c.lower_ in words for c in frontier):
            return True
    return False

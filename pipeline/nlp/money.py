"""Money stage: every monetary figure, normalised so figures can be summed across articles.

Figures are found by regex over the text (``pipeline.nlp.amounts``: spaCy's small NER cuts "£" and
"m" off amounts) and mapped to tokens with ``doc.char_span(..., alignment_mode="expand")``.
For each figure, in its sentence:

- ``kind``: the cue word nearest to the figure in the dependency tree ("save", "gap", "budget",
  "lost", "spend", ...; ``models/money.json``), so "a £9m funding gap" and "£12 million cost
  savings" read right whatever the word order. A cut or fall is a budget reduction only when a
  budget, grant or funding is what falls. A precept, council tax or household bill nearby makes
  the figure ``other``; so does the lack of any cue (a fine, a salary). Cues at the same tree distance
  go to the one nearest in the text; a cut that governs the figure directly beats a cue three arcs away.
- not policing finances: a figure with no cue but a crime near it ("a stolen car worth £38,000", "the
  fraudster took £90,000") is dropped, unless a fine, salary or precept is near, or a force pays it.
- ``hedged``: a hedge just before the figure ("around", "up to", "in the region of") or on its
  governing chain ("could", "expected to", "aiming to", "potential").
- ``period``: the period phrase that follows the figure in its clause ("a year", "over four
  years", "in 2019/20"), else the one before it ("budget for 2016-17 was ...").
- ``forces``: the forces named in the figure's part of the sentence; all partners of the
  collaboration for a combined figure ("the two forces", "joint", "together") or one that names
  no force; none for a national figure ("across England and Wales").

Results: ``doc._.money``, one dict per figure mention (see ``pipeline.nlp.extensions``).
"""

from __future__ import annotations

import re
from collections import Counter, deque
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.nlp.amounts import Amount, AmountParser, Period, PeriodParser, as_number, load_lexicon
from pipeline.nlp.forces import force_mentions

COMPONENT = "forcewatch_money"
OVERRIDE_DISTANCE = 3  # a precept or household bill this close in the tree makes a figure "other"
PERIOD_GAP = 80  # characters between a figure and a period phrase after it, in the same clause
SINGULAR_FORCE = {"force", "constabulary", "service"}
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class Cue:
    """A cue word: single lemma, or two lemmas where one is the other's child ('set aside')."""

    words: tuple[str, ...]
    kind: str


class MoneyFinder:
    """Finds money figures and reads their kind, hedge, period and forces."""

    def __init__(self, lexicon: dict) -> None:
        self.amounts = AmountParser(lexicon)
        self.periods = PeriodParser(lexicon)
        self.priority = {k: i for i, k in enumerate(lexicon["kind_priority"])}
        self.cues: dict[str, list[Cue]] = {}
        for kind, words in lexicon["kinds"].items():
            for phrase in words:
                parts = tuple(phrase.lower().split())
                for part in parts:
                    self.cues.setdefault(part, []).append(Cue(parts, kind))
        reduction = lexicon["reduction_needs_budget"]
        self.reduction_verbs = frozenset(reduction["verbs"])
        self.budget_words = frozenset(reduction["budget_words"])
        self.cost_words = frozenset(reduction["cost_words"])
        self.overrides = [tuple(w.lower().split()) for w in lexicon["other_overrides"]]
        self.max_distance = lexicon["max_cue_distance"]
        self.text_window = lexicon["max_cue_tokens"]
        hedges = lexicon["hedges"]
        before = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(hedges["before"], key=len, reverse=True))
        self.hedge_before = re.compile(rf"\b(?:{before})\s+(?:a\s+further\s+|an?\s+(?:extra|additional)\s+)?$", re.I)
        self.hedge_modals = frozenset(hedges["modals"])
        self.hedge_verbs = frozenset(hedges["verbs"])
        self.hedge_modifiers = frozenset(hedges["modifiers"])
        self.collective = frozenset(w for w in lexicon["collective"] if w.isalpha())
        self.collective_phrases = [w for w in lexicon["collective"] if not w.isalpha()]
        self.speech_verbs = frozenset(lexicon["speech_verbs"])
        crime = lexicon["crime_value"]
        self.crime_words = frozenset(crime["words"])
        self.policing_other = frozenset(
            w for w in [*lexicon["kinds"]["other"], *lexicon["other_overrides"]] if w not in crime["neutral_cues"]
        )
        self.police_subjects = frozenset(crime["police_subjects"])
        self.payment_verbs = frozenset(crime["payment_verbs"])
        self.national = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in lexicon["national"]) + r")\b", re.I)

    def __call__(self, doc: Doc) -> Doc:
        mentions = force_mentions(doc)
        figures = [(a, _token_span(doc, a.start, a.end)) for a in self.amounts.find(doc.text)]
        items = []
        by_sentence: dict[int, list[tuple[Amount, Span]]] = {}
        for amount, span in figures:
            by_sentence.setdefault(span.sent.start, []).append((amount, span))
        for group in by_sentence.values():
            sent = group[0][1].sent
            periods = [
                Period(p.label, p.start + sent.start_char, p.end + sent.start_char, p.first_day, p.last_day)
                for p in self.periods.find(sent.text)
                if not re.search(r"\bsince\s*$", sent.text[: p.start], re.I)
            ]
            assigned = self._assign_periods(doc, [a for a, _ in group], periods)
            for i, (amount, span) in enumerate(group):
                prev_end = group[i - 1][1].end if i else sent.start
                next_start = group[i + 1][1].start if i + 1 < len(group) else sent.end
                figure_tokens = {t.i for _, s in group for t in s}
                kind, strong = self._kind(span, figure_tokens)
                if (not strong or kind == "other") and self._crime_value(span, figure_tokens):
                    continue  # 'a stolen car worth £38,000': a crime's takings, not policing finances
                forces, collaboration = self._forces(doc, mentions, span, prev_end, next_start, kind)
                period = assigned[i]
                item = {
                    "amount": as_number(amount.value),
                    "amount_high": as_number(amount.high) if amount.high is not None else None,
                    "currency": amount.currency,
                    "kind": kind,
                    "hedged": self._hedged(doc, amount, span),
                    "period": period.label if period else None,
                    "period_start": period.first_day.isoformat() if period and period.first_day else None,
                    "period_end": period.last_day.isoformat() if period and period.last_day else None,
                    "forces": forces,
                    "start_char": amount.start,
                    "end_char": amount.end,
                    "text": amount.text,
                }
                if collaboration is not None:
                    item["collaboration"] = collaboration
                items.append(item)
        doc._.money = items
        return doc

    # -- kind --------------------------------------------------------------------------------

    def _kind(self, span: Span, figure_tokens: set[int]) -> tuple[str, bool]:
        """(kind, strong): the kind of the cue nearest to the figure in the dependency tree (BFS over the
        sentence); strong unless only a cut with no budget in sight ('took £90,000') or nothing gave it."""
        distances = self._distances(span)
        if any(d <= OVERRIDE_DISTANCE and self._overridden(span.doc[i]) for i, d in distances.items()):
            return "other", True
        weak: tuple[int, str] | None = None
        level: dict[int, list[tuple[int, int, str]]] = {}
        for i, d in distances.items():
            if i in figure_tokens:
                continue
            kind, strong = self._cue_kind(span.doc[i], figure_tokens)
            gap = span.start - i if i < span.start else i - span.end + 1
            if kind and strong:
                level.setdefault(d, []).append((gap, self.priority[kind], kind))
            elif kind and (weak is None or d < weak[0]):
                weak = (d, kind)
        if weak is not None and weak[0] == 1 and (not level or min(level) > 2):
            return weak[1], False  # 'the force has cut £38m ... and faces a £12m shortfall': the verb that governs it
        if level:
            return min(level[min(level)])[2], True  # ties: the cue nearest in the text ('budget is £300m, but must save')
        in_text = self._nearest_in_text(span, figure_tokens)
        if in_text:
            return in_text, True
        return (weak[1] if weak else "other"), False

    def _overridden(self, tok: Token) -> bool:
        """A precept word, or a noun that one modifies ('a Band D bill', 'council tax bills', 'household bills')."""
        frontier = [tok]
        for _ in range(3):
            if any(self._matches_any(t, self.overrides) for t in frontier):
                return True
            frontier = [c for t in frontier for c in t.children if c.dep_ in {"compound", "amod", "nmod", "poss"}]
        return False

    def _crime_value(self, span: Span, figure_tokens: set[int]) -> bool:
        """A figure that only a crime gives a sense to: stolen goods, a fraud's takings, drugs seized, with no fine,
        salary or precept in sight, and no force or police as the one who pays it ('the force paid £2m to victims of
        the fraud')."""
        sent = span.sent
        near = set(self._distances(span))
        near |= set(range(max(sent.start, span.start - self.text_window), min(sent.end, span.end + self.text_window)))
        tokens = [span.doc[i] for i in sorted(near) if i not in figure_tokens]
        if not any(t.lemma_.lower() in self.crime_words or t.lower_ in self.crime_words for t in tokens):
            return False
        if any(self._matches_any(t, [tuple(w.split()) for w in self.policing_other]) for t in tokens):
            return False
        verb = next((t for t in span.root.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.lemma_.lower() not in self.payment_verbs:
            return True
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return not any(w.lemma_.lower() in self.police_subjects or w.ent_type_ == "ORG" for c in subjects for w in c.subtree)

    def _nearest_in_text(self, span: Span, figure_tokens: set[int]) -> str | None:
        """When the parse links no cue to the figure (a garbled parse), the cue nearest in the text."""
        sent = span.sent
        lo, hi = max(sent.start, span.start - self.text_window), min(sent.end, span.end + self.text_window)
        found = []
        for tok in span.doc[lo:hi]:
            kind, strong = self._cue_kind(tok, figure_tokens) if tok.i not in figure_tokens else (None, False)
            if kind and strong:
                gap = span.start - tok.i if tok.i < span.start else tok.i - span.end + 1
                found.append((gap, self.priority[kind], kind))
        return min(found)[2] if found else None

    def _distances(self, span: Span) -> dict[int, int]:
        """Tree distance from the figure to every token of its sentence, up to ``max_distance``."""
        sent = span.sent
        dist = {t.i: 0 for t in span}
        queue = deque(span)
        while queue:
            tok = queue.popleft()
            if dist[tok.i] >= self.max_distance:
                continue
            for nxt in (tok.head, *tok.children):
                if nxt.i not in dist and sent.start <= nxt.i < sent.end:
                    dist[nxt.i] = dist[tok.i] + 1
                    queue.append(nxt)
        return dist

    def _cue_kind(self, tok: Token, figure_tokens: set[int]) -> tuple[str | None, bool]:
        """(kind, strong) of a cue token; a cut of costs is a saving, a cut with no budget or cost in sight a weak cue."""
        lemma = tok.lemma_.lower()
        if lemma in self.reduction_verbs and tok.pos_ in {"VERB", "AUX"}:
            if self._near(tok, figure_tokens, self.budget_words):
                return "budget_reduction", True
            if self._near(tok, figure_tokens, self.cost_words):  # "cut costs by £2m" is a saving
                return "savings", True
            return "budget_reduction", False
        kinds = [c.kind for word in {lemma, tok.lower_} for c in self.cues.get(word, ()) if self._matches(tok, c.words)]
        if not kinds:
            return None, False
        return min(kinds, key=lambda k: self.priority[k]), True

    @staticmethod
    def _near(verb: Token, figure_tokens: set[int], words: frozenset[str]) -> bool:
        """One of ``words`` among the verb's arguments, up to three levels down ('cut from its budget')."""
        frontier = [verb]
        for _ in range(3):
            frontier = [c for t in frontier for c in t.children if c.i not in figure_tokens]
            if any(c.lemma_.lower() in words or c.lower_ in words for c in frontier):
                return True
        return False

    @staticmethod
    def _matches(tok: Token, words: tuple[str, ...]) -> bool:
        """A one-word cue matches its lemma; a two-word cue needs the other word as head or child."""
        if len(words) == 1:
            return True
        names = {tok.lemma_.lower(), tok.lower_}
        near = {t.lemma_.lower() for t in (*tok.children, tok.head)} | {t.lower_ for t in (*tok.children, tok.head)}
        return any(w in names for w in words) and all(w in names or w in near for w in words)

    def _matches_any(self, tok: Token, phrases: list[tuple[str, ...]]) -> bool:
        names = {tok.lemma_.lower(), tok.lower_}
        return any(any(w in names for w in p) and self._matches(tok, p) for p in phrases)

    # -- hedge -------------------------------------------------------------------------------

    def _hedged(self, doc: Doc, amount: Amount, span: Span) -> bool:
        """A hedge word just before the figure, or a modal/hedging verb on its governing chain."""
        before = doc.text[span.sent.start_char : amount.start]
        if self.hedge_before.search(before):
            return True
        tok = span.root
        chain = [tok, *tok.ancestors]
        for t in chain:
            if t.pos_ == "VERB" and t.lemma_.lower() in self.hedge_verbs:
                return True
            for c in t.children:
                if c.dep_ == "aux" and c.lower_ in self.hedge_modals:
                    return True
                if c.dep_ == "amod" and c.lower_ in self.hedge_modifiers:
                    return True
        return False

    # -- period ------------------------------------------------------------------------------

    @staticmethod
    def _assign_periods(doc: Doc, amounts: list[Amount], periods: list[Period]) -> list[Period | None]:
        """Each period phrase belongs to the figure it follows in the same clause, else the next figure.

        A period stated before the sentence's first figure ("In the first year, ...") applies to
        every figure of the sentence that has none of its own.
        """
        out: list[Period | None] = [None] * len(amounts)
        claimed: set[int] = set()
        for i, a in enumerate(amounts):
            limit = amounts[i + 1].start if i + 1 < len(amounts) else None
            for j, p in enumerate(periods):
                if p.start >= a.end and (limit is None or p.start < limit):
                    gap = doc.text[a.end : p.start]
                    if len(gap) <= PERIOD_GAP and not re.search(r"[,;:()]|\b(?:which|who|while|whereas)\b", gap):
                        out[i], claimed = p, claimed | {j}
                    break
        for i, a in enumerate(amounts):
            if out[i] is not None:
                continue
            lower = amounts[i - 1].end if i else -1
            before = [(j, p) for j, p in enumerate(periods) if j not in claimed and lower <= p.start and p.end <= a.start]
            if before:
                out[i] = before[-1][1]
        opening = [p for p in periods if p.end <= amounts[0].start]
        if opening:
            out = [p if p is not None else opening[-1] for p in out]
        return out

    # -- forces ------------------------------------------------------------------------------

    def _forces(
        self, doc: Doc, mentions: list[Span], span: Span, prev_end: int, next_start: int, kind: str
    ) -> tuple[list[str], int | None]:
        """(canonical forces the figure belongs to, index of the collaboration it was credited to).

        The owners are the forces named in the figure's part of the sentence, leaving out the
        speaker's force ("A Suffolk spokeswoman said the two forces saved ..."). A combined figure
        ("the two forces", "joint", "together") belongs to all partners of the collaboration; "the
        force" to the speaker's force or the article's main force; an unattributed figure to the
        collaboration, else to the forces of the nearest sentence that names any.
        """
        sent = span.sent
        before = [m for m in mentions if m.end > prev_end and m.start < span.start]
        last_in_sentence = next_start >= sent.end
        after = [m for m in mentions if last_in_sentence and span.end <= m.start < sent.end]
        in_segment = before or after
        owners = _unique([m.kb_id_ for m in in_segment if not self._in_attribution(m, span)])
        speakers = _unique([m.kb_id_ for m in in_segment if self._in_attribution(m, span)])
        segment = doc[prev_end : span.end]
        collective, wanted = self._collective(segment)
        singular = self._singular_force(segment, mentions)
        if not owners and not singular and self.national.search(sent.text):
            return [], None
        if owners and (not collective or len(owners) >= wanted):
            return owners, None
        collaborations = doc._.collaborations or []
        if collective:
            chosen = _choose_collaboration(collaborations, owners or speakers, span.start_char)
            if chosen is not None:
                return _unique(owners + list(collaborations[chosen].get("forces") or [])), chosen
            return _unique(owners + _context_forces(mentions, sent, wanted, owners or speakers)), None
        if singular or speakers or kind == "other":  # "the force", "Gwent's finance director said ...", a precept
            return speakers or self._speaker_force(doc, span) or _main_forces(mentions)[:1], None
        chosen = _choose_collaboration(collaborations, speakers, span.start_char)
        if chosen is not None:
            return list(collaborations[chosen].get("forces") or []), chosen
        return speakers or _context_forces(mentions, sent, 1), None

    def _in_attribution(self, mention: Span, figure: Span) -> bool:
        """The force is named in who says it ('A Suffolk Constabulary spokeswoman said ...', 'a report to the X board says')."""
        tok = mention.root
        while tok.head.i != tok.i:
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_.lower() in self.speech_verbs:
                return figure.root not in set(tok.subtree) and figure.root in set(tok.head.subtree)
            tok = tok.head
        return False

    def _speaker_force(self, doc: Doc, figure: Span) -> list[str]:
        """The force of the official who says it ('Mr Anwar said the force would save ...'), from the officials stage."""
        officials = [o for o in doc._.officials or [] if o.get("force")]
        if not officials:
            return []
        for tok in figure.root.ancestors:
            if tok.lemma_.lower() in self.speech_verbs:
                subject = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}]
                words = {t.text for c in subject for t in c.subtree}
                for o in officials:
                    if o["name"].split()[-1] in words:
                        return [o["force"]]
                return []
        return []

    def _collective(self, segment: Span) -> tuple[bool, int]:
        """Whether the figure's part of the sentence speaks of several forces, and how many ('the two forces')."""
        wanted = 2
        found = False
        for tok in segment:
            if tok.lower_ in self.collective or tok.lemma_.lower() in self.collective:
                found = True
            if tok.lower_ in NUMBER_WORDS and (tok.head.lemma_.lower() in {"force", "constabulary"} or tok.dep_ == "nsubj"):
                found, wanted = True, NUMBER_WORDS[tok.lower_]
        text = segment.text.lower()
        return found or any(p in text for p in self.collective_phrases), wanted

    @staticmethod
    def _singular_force(segment: Span, mentions: list[Span]) -> bool:
        """'the force', 'the constabulary', 'the service's budget': one force, not named here."""
        named = {t.i for m in mentions for t in m}
        return any(t.lemma_.lower() in SINGULAR_FORCE and t.tag_ == "NN" and t.i not in named for t in segment)


def _main_forces(mentions: list[Span]) -> list[str]:
    """The article's forces, most mentioned first (ties: first mentioned first)."""
    counts = Counter(m.kb_id_ for m in mentions)
    order = _unique([m.kb_id_ for m in mentions])
    return sorted(order, key=lambda f: -counts[f])


def _context_forces(mentions: list[Span], sent: Span, wanted: int, including: list[str] = ()) -> list[str]:
    """Forces of the nearest sentence (this one or before) naming at least ``wanted`` of them
    (and the ``including`` ones: the speaker's force is one of 'the two forces').

    Falls back to the most recently named forces, then to all the article's forces.
    """
    by_sentence: dict[int, list[str]] = {}
    for m in mentions:
        if m.start < sent.end:
            by_sentence.setdefault(m.sent.start, []).append(m.kb_id_)
    recent: list[str] = []
    for start in sorted(by_sentence, reverse=True):
        forces = _unique(by_sentence[start])
        if len(forces) >= wanted and set(including) <= set(forces):
            return forces
        recent = _unique(recent + forces)
    return recent if len(recent) >= wanted else _unique(recent + _main_forces(mentions))[: max(wanted, len(recent))]


def _choose_collaboration(collaborations: list[dict], named: list[str], start_char: int) -> int | None:
    """The collaboration a figure belongs to: one with the named forces, else the last one stated before it."""
    if not collaborations:
        return None
    indexed = list(enumerate(collaborations))
    if named:
        with_named = [i for i, c in indexed if set(named) & set(c.get("forces") or [])]
        return with_named[0] if with_named else None
    before = [i for i, c in indexed if c.get("start_char", 0) <= start_char]
    return before[-1] if before else 0


def _token_span(doc: Doc, start: int, end: int) -> Span:
    """The tokens covering characters start..end, as ``char_span(..., alignment_mode="expand")``.

    Computed here because spaCy 3.8 returns None when ``end`` falls inside the doc's last token
    ("£9.6m." at the end of an article, where "m." is one token).
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None:
        return span
    first = next(t.i for t in doc if t.idx + len(t) > start)
    last = first
    while last + 1 < len(doc) and doc[last + 1].idx < end:
        last += 1
    return doc[first : last + 1]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


@Language.factory(COMPONENT, default_config={"models_path": None})
def make_money_finder(nlp: Language, name: str, models_path: str | None) -> MoneyFinder:
    """spaCy factory: the money finder built from ``models/money.json``."""
    return MoneyFinder(load_lexicon(models_path))

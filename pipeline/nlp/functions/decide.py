"""Decide: which candidates are functions of an arrangement the article describes, and their status.

``read_article`` gathers, once per article, what the decision reads: whether the article describes an
arrangement at all (between forces, or with a partner), the sentences that announce one and the cue
words. ``decide`` then keeps or drops one candidate: an excluded function is kept; a mention in passing
is dropped; a function in an announcing sentence, or handed to a partner, is kept with the status of
the words that govern it; one in a list that continues an announcing sentence takes that sentence's
plan, if it has one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from pipeline.nlp.functions.lexicon import FunctionLexicon
from pipeline.nlp.functions.lists import continues_list
from pipeline.nlp.functions.passing import on_its_own, one_force, passing
from pipeline.nlp.functions.scope import partner_clause, partner_sentence, plural_forces
from pipeline.nlp.functions.status import status

LIST_WINDOW = 100  # sentences a list may run back to its lead ('They cover three pieces of work:' then bullets)


@dataclass(frozen=True)
class Article:
    """What the decision reads about the whole article (sentences by their first token's index)."""

    sentences: tuple[Span, ...]
    sharing: frozenset[int]  # sentences with a sharing cue
    announcing: frozenset[int]  # those, and sentences holding a collaboration's evidence
    leads: frozenset[int]  # those, and sentences with a partner cue: what a list may continue
    partner: bool  # the article speaks of a partner that is not a force
    partner_words: frozenset[int]
    proposed: frozenset[int]  # plan words
    forces: frozenset[int]  # tokens of force mentions
    labels: dict[int, int]  # how many function labels each sentence names
    starts: tuple[int, ...] = ()  # where the sentences start
    by_sentence: dict[int, list[Span]] = field(default_factory=dict)  # candidates by the sentence of their head word

    def near(self, span: Span) -> list[Span]:
        """The candidates in the sentence of ``span``'s head word: those its decision can concern."""
        return self.by_sentence.get(span.root.sent.start, [])

    def previous(self, sent: Span) -> tuple[Span, ...]:
        """The ``LIST_WINDOW`` sentences before ``sent`` (found by bisection: a scan per candidate was quadratic)."""
        k = bisect_left(self.starts, sent.start)
        return self.sentences[max(0, k - LIST_WINDOW) : k]


def read_article(doc: Doc, cues: dict[str, set[int]], collaborations: list[dict], forces: set[int],
                 candidates: list[Span], lex: FunctionLexicon) -> Article | None:
    """The article's context, or None when it describes no arrangement (no collaboration between forces,
    no sentence sharing something between forces, no partner)."""
    sentences = tuple(doc.sents)
    sharing = frozenset(doc[i].sent.start for i in cues["shared"])
    between_forces = bool(collaborations) or any(s.start in sharing and plural_forces(s, lex) for s in sentences)
    partner = bool(cues["partner_context"])
    if not (between_forces or partner):
        return None
    evidence = {doc.char_span(c["start_char"], c["end_char"], alignment_mode="expand").sent.start for c in collaborations}
    partner_words = frozenset(cues["partner"]) if partner else frozenset()
    announcing = sharing | evidence
    by_sentence: dict[int, list[Span]] = defaultdict(list)
    for c in candidates:
        by_sentence[c.root.sent.start].append(c)
    labels: dict[int, set[str]] = defaultdict(set)
    for c in candidates:
        labels[c.sent.start].add(c.label_)
    return Article(
        sentences=sentences, sharing=sharing, announcing=announcing,
        leads=announcing | {doc[i].sent.start for i in partner_words}, partner=partner,
        partner_words=partner_words, proposed=frozenset(cues["proposed"]), forces=frozenset(forces),
        labels={s.start: len(labels.get(s.start, ())) for s in sentences},
        starts=tuple(s.start for s in sentences), by_sentence=dict(by_sentence),
    )


def decide(span: Span, candidates: list[Span], article: Article, lex: FunctionLexicon) -> str | None:
    """The status of a candidate that is a function of the arrangement, or None for a mention in passing."""
    if on_its_own(span):
        return None
    state = status(span, article.proposed, lex)
    if state == "excluded":
        return state
    if passing(span, candidates, lex):
        return None
    sent = span.sent
    handed = article.partner and (
        partner_clause(span, lex, article.forces) or partner_sentence(span, article.partner_words)
    )
    if sent.start in article.sharing or handed:
        return state
    if one_force(span, lex):
        return None
    if sent.start in article.announcing:
        return state
    previous = list(article.previous(sent))
    parent = continues_list(span, previous, article.leads, article.labels[sent.start], lex)
    if parent is None:
        return None
    return "proposed" if any(t.i in article.proposed for t in parent) else state

"""Summaries: 'back office' and 'support services' are reported only where nothing more specific says them
(contract, section 5: "`back_office`: back office or support services with nothing more specific").
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon


class Kept:
    """The functions kept in an article (with their status), indexed once by the sentence of their head word and by
    (label, status): a summary looks only at those it can concern (reading all of them for each summary was
    quadratic in the article)."""

    def __init__(self, kept: list[tuple[Span, str]]) -> None:
        self.by_sentence: dict[int, list[tuple[Span, str]]] = defaultdict(list)
        self.roots: dict[tuple[str, str], list[int]] = defaultdict(list)
        for span, state in kept:
            self.by_sentence[span.root.sent.start].append((span, state))
            self.roots[(span.label_, state)].append(span.root.i)


def summarised(span: Span, state: str, kept: Kept, lex: FunctionLexicon, whole: bool) -> bool:
    """'back-office functions such as payroll and HR' is finance and hr: 'back office' is reported only
    where nothing more specific says it. The specific functions are those in its own phrase ('support
    services including computing'), or, when ``whole`` (the article's one arrangement is with a partner),
    those the article shares with the same status ('hand its support services to a joint venture ...
    staff working in finance, HR and IT are covered'); not those listed beside it ('pool technology,
    procurement and back-office functions'), nor one left out ('excluding payroll')."""
    specific = lex.generic.get(span.label_, frozenset())
    head = span.root.head if span.root.dep_ == "compound" else span.root
    beside = {t.i for t in span.root.conjuncts} | {t.i for t in head.conjuncts}
    near = kept.by_sentence.get(span.root.sent.start, [])  # an example is in the summary's sentence
    named = [(other, other_state) for other, other_state in near
             if other.label_ in specific and other_state != "excluded" and other.root.i not in beside]
    if any(example_of(other.root, head, lex) for other, _ in named):
        return True
    if not whole or state == "excluded":
        return False
    labels = [label for label in specific if any(i not in beside for i in kept.roots.get((label, state), []))]
    return len(labels) >= 2


def example_of(token: Token, head: Token, lex: FunctionLexicon) -> bool:
    """The token is an example the head noun gives: 'functions such as payroll and HR', 'services
    including computing', 'support services, notably IT'."""
    path = [token, *token.ancestors]
    if head not in path:
        return False
    between = path[: path.index(head)]
    return any(
        t.lower_ in lex.example_words or t.dep_ == "appos"
        or any(c.lower_ in lex.example_words for c in t.children if c.dep_ in {"amod", "advmod"})  # 'such as'
        for t in between
    )

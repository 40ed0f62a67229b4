"""Summaries: 'back office' and 'support services' are reported only where nothing more specific says them
(contract, section 5: "`back_office`: back office or support services with nothing more specific").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon


def summarised(span: Span, state: str, kept: list[tuple[Span, str]], lex: FunctionLexicon, whole: bool) -> bool:
    """'back-office functions such as payroll and HR' is finance and hr: 'back office' is reported only
    where nothing more specific says it. The specific functions are those in its own phrase ('support
    services including computing'), or, when ``whole`` (the article's one arrangement is with a partner),
    those the article shares with the same status ('hand its support services to a joint venture ...
    staff working in finance, HR and IT are covered'); not those listed beside it ('pool technology,
    procurement and back-office functions'), nor one left out ('excluding payroll')."""
    specific = lex.generic.get(span.label_, frozenset())
    head = span.root.head if span.root.dep_ == "compound" else span.root
    beside = {t.i for t in span.root.conjuncts} | {t.i for t in head.conjuncts}
    named = [(other, other_state) for other, other_state in kept
             if other.label_ in specific and other_state != "excluded" and other.root.i not in beside]
    if any(example_of(other.root, head, lex) for other, _ in named):
        return True
    return whole and len({other.label_ for other, other_state in named if other_state == state}) >= 2


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

"""Summaries: 'back office' and 'support services' are reported only where nothing more specific says them
(contract, section 5: "`back_office`: back office or support services with nothing more specific"); a
function its arrangement excludes is reported only as excluded; a function shared or proposed keeps the
status of its first mention.
"""

from __future__ import annotations

from collections import defaultdict

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon


class Kept:
    """The functions kept in an article (with their status), indexed once by the sentence of their head word and by
    (label, status, arrangement): a summary looks only at those it can concern (reading all of them for each
    summary was quadratic in the article). ``arrangements``: the collaboration each function belongs to (None
    for all when the article's one arrangement is with a partner)."""

    def __init__(self, kept: list[tuple[Span, str]], arrangements: list[int | None] | None = None) -> None:
        self.by_sentence: dict[int, list[tuple[Span, str]]] = defaultdict(list)
        self.sentences: dict[tuple[str, str, int | None], set[int]] = defaultdict(set)
        self.arrangement: dict[int, int | None] = {}
        self.excluded: set[tuple[str, int | None]] = set()
        for k, (span, state) in enumerate(kept):
            arrangement = arrangements[k] if arrangements else None
            self.by_sentence[span.root.sent.start].append((span, state))
            self.sentences[(span.label_, state, arrangement)].add(span.root.sent.start)
            self.arrangement[span.root.i] = arrangement
            if state == "excluded":
                self.excluded.add((span.label_, arrangement))


def summarised(span: Span, state: str, kept: Kept, lex: FunctionLexicon) -> bool:
    """'back-office functions such as payroll and HR' is finance and hr: 'back office' is reported only
    where nothing more specific says it. The specific functions are those in its own phrase ('support
    services including computing'), or two or more its arrangement shares with the same status in other
    sentences ('strike deal to share back-office staff ... It will cover parts of human resources, finance
    and procurement'; 'hand its support services to a joint venture ... staff working in finance, HR and
    IT are covered'); not those listed beside it ('pool technology, procurement and back-office
    functions'), nor one left out ('excluding payroll'), nor those of another arrangement of the article."""
    specific = lex.generic.get(span.label_, frozenset())
    head = span.root.head if span.root.dep_ == "compound" else span.root
    beside = {t.i for t in span.root.conjuncts} | {t.i for t in head.conjuncts}
    sentence = span.root.sent.start
    near = kept.by_sentence.get(sentence, [])  # an example is in the summary's sentence
    named = [(other, other_state) for other, other_state in near
             if other.label_ in specific and other_state != "excluded" and other.root.i not in beside]
    if any(example_of(other.root, head, lex) for other, _ in named):
        return True
    if state == "excluded":
        return False
    arrangement = kept.arrangement.get(span.root.i)
    labels = [label for label in specific if kept.sentences.get((label, state, arrangement), set()) - {sentence}]
    return len(labels) >= 2


def first_statuses(kept: list[tuple[Span, str]], arrangements: list[int | None]) -> list[tuple[Span, str]]:
    """A function shared or proposed takes, in every mention, the status of its first mention in its
    arrangement: the lead says what was agreed or planned; later mentions recall the history, quote
    someone or look ahead ('Five forces have agreed to combine their forensic laboratories ... the units
    that might follow'). ``kept`` is in text order."""
    first: dict[tuple[str, int | None], str] = {}
    for (span, state), arrangement in zip(kept, arrangements, strict=True):
        if state != "excluded":
            first.setdefault((span.label_, arrangement), state)
    return [(span, state if state == "excluded" else first[(span.label_, arrangement)])
            for (span, state), arrangement in zip(kept, arrangements, strict=True)]


def left_out(span: Span, state: str, kept: Kept) -> bool:
    """The arrangement says the function stays with each force: another mention of it is no sharing ('are
    to go back to running their own police dog units, ending a shared arrangement ... The joint Dog Support
    Unit was created under Evolve')."""
    return state != "excluded" and (span.label_, kept.arrangement.get(span.root.i)) in kept.excluded


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

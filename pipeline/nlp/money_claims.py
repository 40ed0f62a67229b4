"""Which words near a money figure may give it its kind, beyond "the nearest cue wins" (``pipeline.nlp.money_kind``).
Pure functions of a parsed sentence and the words of ``models/money.json``.

- ``claimed_by_other``: a cue noun that is another figure's own noun ("its current £450m budget", "a budget of
  £450m") names that figure, not the others of the sentence ("£37m has to come out of its current £450m budget": the
  £37m is not a budget), unless that figure governs this one (a list: "savings of £2m and £3m"); so is a change verb
  with its level ("£30.2m next year and £30m in 2026, falling to £29.9m in 2027": no cut for the first two).
- ``thing_cost``: a figure with no cue that sizes a thing ("its £30m IT project", "the new £30m headquarters") or
  is money for or in one ("£20m for the new control room", "£2.2m in overtime") is what the thing costs: spending,
  weakly (a crime's "stolen £38,000 car" is still dropped), unless the noun is one of ``not_costs`` (a job's pay, an
  increase, a total, a body, a person).
- ``given_by_someone``: "he" or "she" gives the figure ("He first offered £125m towards the cost"): a grant when the
  money stage finds that person is a minister.
- ``matches``: a cue of two words ("set aside", "council tax") matches a token with the other word beside it in the
  tree, not through a preposition of a date ("put the gap at £4m in 2012-13" is no "put in").
- ``falls_in_headcount``: a reduction verb of people or numbers in another clause ("warning that officer numbers
  could fall by 1,500") is no cue of a figure outside it.
- ``weak_kind``: verbs of ``weak_kinds`` ("find", "need") that say what a figure they take as object is ("must find
  £87m" is a saving to make, "would need an extra £57m" a gap), but only when no strong cue is as near.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.money_readings import ReadingCues, giving, governing_verb, subject_of

Phrase = tuple[str, ...]


def claimed_by_other(tok: Token, span: Span, figure_tokens: set[int]) -> bool:
    """The noun is another figure's own: that figure is its compound or number, or the object of its 'of', and neither
    that figure nor the noun governs this one."""
    governing = {a.i for a in span.root.ancestors}
    if tok.i in governing:
        return False  # the cue governs this figure too: 'savings of £2m and £3m'
    owners = [c for c in tok.children if c.i in figure_tokens and c.dep_ in OWN]
    owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.i in figure_tokens]
    if tok.pos_ in {"VERB", "AUX"}:  # a change verb with its level: '..., falling to £29.9m in 2027'
        owners += [g for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "from"}
                   for g in c.children if g.i in figure_tokens]
    return any(not span.start <= o.i < span.end and o.i not in governing for o in owners)


OWN = {"compound", "nummod", "amod", "nmod", "quantmod", "npadvmod"}  # how a figure sits in its noun: 'a £450m budget'


def weak_kind(tok: Token, weak_verbs: dict[str, str]) -> str | None:
    """The kind a weak verb gives the figure it governs ('find' a saving, 'need' a gap), else None."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    return weak_verbs.get(tok.lemma_.lower())


def thing_cost(span: Span, not_costs: frozenset[str]) -> bool:
    """The figure is a modifier of a noun that is not one of ``not_costs`` ('its £30m IT project'), or is money 'for'
    or 'in' such a noun ('£20m for the new control room', '£2.2m in overtime'): the cost of that thing."""
    root = span.root
    things = [p for c in root.children if c.dep_ == "prep" and c.lower_ in {"for", "in"}
              for p in c.children if p.dep_ == "pobj"]
    if root.dep_ in {"compound", "nmod", "nummod", "amod"} and not span.start <= root.head.i < span.end:
        things.append(root.head)
    return any(
        t.pos_ == "NOUN" and t.lemma_.lower() not in not_costs and t.lower_ not in not_costs and t.ent_type_ == ""
        for t in things
    )


def given_by_someone(span: Span, cues: ReadingCues) -> bool:
    """A giving verb governs the figure and 'he' or 'she' gives it ('He first offered £125m towards the cost and later
    promised up to £1bn'): a grant if that person is a minister (``money.py`` knows the officials)."""
    verb = governing_verb(span.root)
    subject = subject_of(verb) if verb is not None and giving(verb, cues) else None
    return subject is not None and subject.lower_ in {"he", "she"}


def matches(tok: Token, words: Phrase) -> bool:
    """A one-word cue matches its lemma; a two-word cue needs the other word as head or child (or as another compound
    of the same noun: 'council tax payers')."""
    if len(words) == 1:
        return True
    if of_time(tok):
        return False
    names = {tok.lemma_.lower(), tok.lower_}
    around = [*(c for c in tok.children if not of_time(c)), tok.head]  # 'put in 2012-13' is no 'put in'
    if tok.dep_ == "compound":  # 'council tax payers': two compounds of one noun
        around += [c for c in tok.head.children if c.dep_ == "compound"]
    near = {t.lemma_.lower() for t in around} | {t.lower_ for t in around}
    return any(w in names for w in words) and all(w in names or w in near for w in words)


def of_time(tok: Token) -> bool:
    """A preposition of a date or time ('in 2012-13', 'in the first year'): no part of a phrasal cue."""
    return tok.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in {"DATE", "TIME"} for c in tok.children)


def matches_any(tok: Token, phrases: tuple[Phrase, ...]) -> bool:
    """The token is a word of one of the phrases, with the phrase's other words around it."""
    names = {tok.lemma_.lower(), tok.lower_}
    return any(any(w in names for w in p) and matches(tok, p) for p in phrases)


def falls_in_headcount(verb: Token, figure_tokens: set[int], headcount: frozenset[str]) -> bool:
    """A reduction verb whose subject or object is one of ``headcount`` ('officer numbers could fall', 'cut 200
    posts'), with no figure in its clause: it reduces people, not money."""
    if any(t.i in figure_tokens for t in verb.subtree):
        return False
    return any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} and c.lemma_.lower() in headcount for c in verb.children)

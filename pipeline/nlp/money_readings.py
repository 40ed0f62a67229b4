"""Readings of a money figure's kind from the grammar around it, which settle the kind before the nearest cue does.
Pure functions of a parsed sentence and the words of ``models/money.json`` (``readings``).

- ``level_kind``: a figure after "from" or "to" under a change verb is a level, not the change ("the budget will fall
  from £300m to £180m": two budgets; only the "by" figure is the cut): the kind of what changes (a gap, a grant),
  else ``budget``.
- ``envelope_kind``: money allocated or earmarked for an organisation, and a force's spending "set at" or "forecast to
  be" a figure, with no "on <thing>", are the size of a budget.
- ``payer_kind``: money the government gives or a body receives "towards" a cost is a grant (``other``); money paid
  to a company is ``spending``, paid to a person ``other`` (a salary).
- ``phrase_kind``: set phrases after the figure: "still to be found" (a gap), "less to spend" (a cut).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Span, Token

from pipeline.nlp.amounts import alternation
from pipeline.nlp.money_lexicon import ReadingWords

KindOf = Callable[[Token], "str | None"]  # the cue kind of one token (``money_kind.cue_kind``, strong cues only)
SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


@dataclass(frozen=True)
class ReadingCues:
    """The words of ``models/money.json`` (``readings``) as the rules read them."""

    level_before: re.Pattern  # 'from' or 'to' (and hedges) just before the figure
    not_before_to: frozenset[str]  # 'up to', 'close to', 'amounting to': no level
    level_verbs: frozenset[str]
    grant_words: frozenset[str]  # the level of a grant or settlement is 'other'
    total_words: frozenset[str]  # 'spending', 'expenditure': a total, unless 'on <thing>'
    set_verbs: frozenset[str]  # 'set at', 'capped at'
    envelope_verbs: frozenset[str]  # 'allocated', 'earmarked'
    organisations: frozenset[str]  # who an envelope is for, or who is paid: a body, not a person
    government: tuple[tuple[str, ...], ...]  # 'Home Office', 'Treasury', 'government', 'minister'
    giving_verbs: tuple[tuple[str, ...], ...]  # what a payer does: 'contribute', 'offer', 'meet', 'make available'
    receiving_verbs: frozenset[str]
    asking_verbs: frozenset[str]  # 'asked for £128m', 'bid for £5m': money requested
    pay_verbs: frozenset[str]
    people: frozenset[str]  # pronouns and nouns of a person paid ('he', 'officers')
    gap_after: re.Pattern
    over_after: re.Pattern  # '10 million higher than the Government has allowed for': a gap
    gap_modifiers: frozenset[str]  # 'unidentified savings', 'an unfunded pension bill'
    less_after: frozenset[str]  # what is less: 'less to spend', 'less funding'

    @classmethod
    def from_lexicon(cls, readings: ReadingWords, hedge_words: list[str]) -> ReadingCues:
        hedges = alternation([*hedge_words, "just", "only", "a further", "an extra"])
        return cls(
            level_before=re.compile(rf"(?:^|\s)(?P<prep>from|to)\s+(?:(?:{hedges})\s+)*$", re.I),
            not_before_to=frozenset(readings.not_before_to),
            level_verbs=frozenset(readings.level_verbs),
            grant_words=frozenset(readings.grant_words),
            total_words=frozenset(readings.total_words),
            set_verbs=frozenset(readings.set_verbs),
            envelope_verbs=frozenset(readings.envelope_verbs),
            organisations=frozenset(readings.organisations),
            government=tuple(tuple(w.lower().split()) for w in readings.government),
            giving_verbs=tuple(tuple(w.split()) for w in readings.giving_verbs),
            receiving_verbs=frozenset(readings.receiving_verbs),
            asking_verbs=frozenset(readings.asking_verbs),
            pay_verbs=frozenset(readings.pay_verbs),
            people=frozenset(readings.people),
            gap_after=re.compile(rf"^[^,;:]{{0,30}}?\b(?:{alternation(readings.gap_after)})\b", re.I),
            over_after=re.compile(rf"^\s*(?:{alternation(readings.over_after)})\s+than\b[^,;:.]{{0,40}}?"
                                  rf"\b(?:{alternation(readings.over_what)})\b", re.I),
            gap_modifiers=frozenset(readings.gap_modifiers),
            less_after=frozenset(readings.less_after),
        )


NO_THING = object()  # a level whose changing thing the parse does not name


def level_of(span: Span, cues: ReadingCues) -> Token | object | None:
    """What changes, when the figure is a level: after 'from' or 'to' (not 'up to') under a change verb; the
    thing whose level it is, ``NO_THING`` when the parse names none, None when the figure is no level."""
    before = span.sent.text[: span.start_char - span.sent.start_char]  # not Doc.text: linear per figure
    m = cues.level_before.search(before)
    if m is None:
        return None
    if m.group("prep").lower() == "to":
        previous = before[: m.start("prep")].split()
        if previous and previous[-1].lower().strip(",") in cues.not_before_to:
            return None
    verb = governing_verb(span.root)
    if verb is None or lemma(verb) not in cues.level_verbs:
        return None
    thing = changed_thing(verb, span)
    return NO_THING if thing is None else thing


def level_kind(span: Span, cues: ReadingCues, kind_of: KindOf) -> str | None:
    """A figure after 'from' or 'to' under a change verb: the kind of what changes ('the gap was reduced to £85m'),
    ``other`` for a grant, else ``budget`` ('the budget would fall from £300m to £180m')."""
    thing = level_of(span, cues)
    if thing is None or (isinstance(thing, Token) and thing.tag_ == "PRP"):
        return None  # 'It later grew to £12.3m': what 'it' is, the sentence before says (``pronoun_level``)
    return thing_kind(thing, cues, kind_of) if isinstance(thing, Token) else "budget"


def pronoun_level(span: Span, cues: ReadingCues) -> bool:
    """A level of what a pronoun stands for: 'The force put its funding gap at £7m. It later grew to £12.3m'."""
    thing = level_of(span, cues)
    return isinstance(thing, Token) and thing.tag_ == "PRP" and thing.lower_ in {"it", "this", "that"}


def envelope_kind(span: Span, cues: ReadingCues) -> str | None:
    """``budget`` for money allocated or earmarked for a body ('£26.6m has been earmarked for the constabulary'),
    and for spending as a whole set at or stated as a figure ('revenue spending had been set at £27.2m')."""
    verb = governing_verb(span.root)
    if verb is None:
        return None
    if lemma(verb) in cues.envelope_verbs:
        if span.root.head != verb:
            return None  # 'allocated £52.7m, an increase of £7.3m on last year'
        recipients = [c for c in verb.children if c.dep_ == "nsubjpass" and not overlaps(c, span)]
        objects = [p for c in verb.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"for", "to"}
                   for p in c.children if p.dep_ == "pobj"]
        purposes = [p for p in objects if not is_organisation(p, cues) and not p.like_num]  # 'for a new HQ'
        if not purposes and any(is_organisation(r, cues) for r in recipients + objects):
            return "budget"
        return None
    at_set = lemma(verb) in cues.set_verbs and any(t.lower_ == "at" for t in span.root.ancestors if t.i > verb.i)
    if not at_set and lemma(verb) != "be":
        return None
    subject = subject_of(verb)
    if subject is None or overlaps(subject, span):
        return None
    words = [t for t in subject.subtree if lemma(t) in cues.total_words]
    if words and not any(c.dep_ == "prep" and c.lower_ == "on" for w in words for c in w.children):
        return "budget"
    return None


def payer_kind(span: Span, cues: ReadingCues) -> str | None:
    """``other`` for money the government gives ('the Home Office has contributed £300,000', '£2.6bn from central
    government') or that a body receives towards a cost; ``spending`` for money paid to a company or consultant
    (a body, or a name the parser does not take for a person: 'pay Serco £30m'), ``other`` for money paid to a person
    (a salary)."""
    sent = span.sent
    after = [t for t in sent if t.i >= span.end][:6]
    source = next((k for k, t in enumerate(after[:3]) if t.lower_ == "from"), None)  # '£2.6bn (a year) from ...'
    if source is not None and government_at(after[source + 1 :], cues):
        return "other"
    verb = governing_verb(span.root)
    before = [t for t in sent if t.i < span.start][-6:]
    giver = next((i for i in range(len(before) - 1, -1, -1) if giving(before[i], cues)), None)
    if giver is not None and len(before) - giver <= 3 and government_at(before[max(0, giver - 5) : giver], cues):
        return "other"
    if verb is None:
        return None
    if giving(verb, cues) and any(government_at(list(c.subtree), cues) for c in verb.children
                                  if c.dep_ in SUBJECTS or c.dep_ == "agent"):
        return "other"
    if lemma(verb) in cues.receiving_verbs and any(c.dep_ == "prep" and c.lower_ == "towards" for c in verb.children):
        return "other"
    if asked_for(span, verb, cues):
        return "other"
    if lemma(verb) in cues.pay_verbs:
        paid = [c for c in verb.children if c.dep_ in {"nsubjpass", "dative", "dobj"} and not overlaps(c, span)]
        paid += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        if any(is_organisation(p, cues) or (p.pos_ == "PROPN" and p.ent_type_ != "PERSON") for p in paid):
            return "spending"
        if any(p.lower_ in cues.people or lemma(p) in cues.people or p.ent_type_ == "PERSON" for p in paid):
            return "other"
    return None


def asked_for(span: Span, verb: Token, cues: ReadingCues) -> bool:
    """Money a force asks for ('has asked for £128m more than a flat-cash settlement', 'requested £5m'): a grant
    requested, ``other``; not a figure of something ('asked for £5m of savings')."""
    root = span.root
    if lemma(verb) not in cues.asking_verbs or any(c.dep_ == "prep" and c.lower_ == "of" for c in root.children):
        return False
    if root.dep_ == "dobj":
        return root.head.i == verb.i
    return root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i == verb.i


CHANGE_WORDS = {"up": "other", "down": "budget_reduction"}  # before a figure and 'on' a year: a change


def phrase_kind(span: Span, cues: ReadingCues) -> str | None:
    """``funding_gap`` for '£12m is still to be found', '£11m of unidentified savings' and '£10m more than budgeted
    for', ``budget_reduction`` for
    '£11m less to spend', and the change of a figure against a year ('up £11.2m on this year': an increase, other;
    'down £2m on last year': a cut)."""
    after = span.sent.text[span.end_char - span.sent.start_char :]  # not Doc.text: linear per figure
    if cues.gap_after.search(after) or cues.over_after.search(after):
        return "funding_gap"  # '£12m is still to be found', '£10m higher than the Government has allowed for'
    nouns = [*span, span.root.head] + [c for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of"]
    nouns += [p for n in nouns if n.lower_ == "of" for p in n.children if p.dep_ == "pobj"]
    if any(c.dep_ == "amod" and c.lower_ in cues.gap_modifiers for n in nouns for c in n.children):
        return "funding_gap"  # 'an unfunded £3m', '£11m of unidentified savings'
    tokens = [t for t in span.sent if t.i >= span.end][:4]
    before = span.doc[span.start - 1].lower_ if span.start > span.sent.start else ""
    if before in CHANGE_WORDS and tokens and tokens[0].lower_ in {"on", "from", "compared"}:
        return CHANGE_WORDS[before]  # '£227m, up £11.2m on this year': an increase; 'down £2m on last year': a cut
    if tokens and tokens[0].lower_ in {"less", "fewer"} and any(
        t.lower_ in cues.less_after or lemma(t) in cues.less_after for t in tokens[1:]
    ):
        return "budget_reduction"
    return None


def governing_verb(root: Token) -> Token | None:
    """The nearest verb (or auxiliary used as a verb) above the figure."""
    return next((t for t in root.ancestors if t.pos_ in {"VERB", "AUX"}), None)


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is a complement or conjunct of ('is expected to drop' -> 'budget')."""
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects[0]
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG"  # 'savings are put at £1.9m, rising to £6.6m'
        if (tok.dep_ not in {"xcomp", "conj", "ccomp"} and not participle) or tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def changed_thing(verb: Token, span: Span) -> Token | None:
    """What a change verb changes: its object ('cut its budget to £20m'), else its subject."""
    objects = [c for c in verb.children if c.dep_ == "dobj" and not overlaps(c, span)]
    if objects:
        return objects[0]
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # 'is expected to save £654,000 a year, rising to £700,000'
        above = [verb.head, *(c for c in verb.head.children if c.dep_ == "xcomp")]
        saying = next((v for v in above if figure_object(v)), None)
        if saying is not None:
            return saying  # what rises is the figure that verb gives: the saving
    subject = subject_of(verb)
    return None if subject is None or overlaps(subject, span) else subject


def figure_object(verb: Token) -> bool:
    """The verb's object is a figure ('save £654,000'), whose level a participle after it goes on to give."""
    return any(c.dep_ == "dobj" and (c.like_num or any(t.text in "£$€" for t in c.subtree)) for c in verb.children)


def thing_kind(thing: Token, cues: ReadingCues, kind_of: KindOf) -> str:
    """The kind of the level of ``thing``: a grant's or precept's level (or a share of one) is ``other``, a gap's a
    gap; spending as a whole, a budget or anything else is ``budget``."""
    words = [thing, *(c for c in thing.children if c.dep_ in {"compound", "amod", "nmod"})]
    shares = [p for c in thing.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if any(lemma(w) in cues.grant_words for w in words + shares):  # 'the police share of council tax'
        return "other"
    kinds = {kind_of(w) for w in words} - {None}
    for kind in ("funding_gap", "savings", "budget_reduction", "other"):
        if kind in kinds:
            return kind
    if "spending" in kinds and not any(lemma(w) in cues.total_words for w in words):
        return "spending"
    return "budget"


def giving(tok: Token, cues: ReadingCues) -> bool:
    """A giving verb, also a gerund the parse took for a noun ('the Treasury meeting just £20m of the bill'); a verb
    of two words needs the second soon after it ('made £175m available')."""
    if tok.pos_ not in {"VERB", "AUX"} and not tok.lower_.endswith("ing"):
        return False  # 'its government grant'
    for words in cues.giving_verbs:
        if lemma(tok) == words[0] or tok.lower_ == words[0]:
            rest = {t.lower_ for t in tok.doc[tok.i + 1 : min(tok.i + 7, tok.sent.end)]}
            if all(w in rest for w in words[1:]):
                return True
    return False


def government_at(tokens: list[Token], cues: ReadingCues) -> bool:
    """One of the government words among ``tokens`` ('the Home Office', 'central government', 'ministers')."""
    words = [t.lower_ for t in tokens]
    lemmas = [lemma(t) for t in tokens]
    for phrase in cues.government:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase or tuple(lemmas[i : i + n]) == phrase:
                return True
    return False


def is_organisation(tok: Token, cues: ReadingCues) -> bool:
    """A body, not a person: an organisation word, a force or a named organisation."""
    words = [t for t in tok.subtree if t.dep_ in {"compound", "pobj", "prep"} or t == tok][:6]  # 'the Isle of Man Constabulary'
    return tok.ent_type_ == "ORG" or any(lemma(t) in cues.organisations or t.lower_ in cues.organisations for t in words)


def overlaps(tok: Token, span: Span) -> bool:
    return span.start <= tok.i < span.end


def lemma(tok: Token) -> str:
    return tok.lemma_.lower()

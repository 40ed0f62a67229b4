"""The functions component: runs the rule modules of this package over a doc and sets ``doc._.functions``.
It reads the collaborations (``doc._.collaborations``) and the force mentions, and writes nothing else.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import facts
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.functions.candidates import build_matchers, find_candidates
from pipeline.nlp.functions.lexicon import LEXICON_FILE, FunctionLexicon, FunctionsFile
from pipeline.nlp.functions.scope import (
    activity_of,
    continues_list,
    kept_apart,
    national_body,
    on_its_own,
    one_force,
    partner_clause,
    plural_forces,
    problem,
)
from pipeline.nlp.functions.status import status
from pipeline.nlp.lexicon import Lexicon

COMPONENT = "forcewatch_functions"
CUE_KINDS = ("shared", "proposed", "partner", "partner_context")


def cue_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Token patterns of a cue phrase: each word a lower-case or capitalised lemma, or several joined by
    '|' ('expect to share|pool'); 'lemma/POS' must also have that part of speech ('later/ADV'); '~POS' is
    any word of that part of speech ('look to ~VERB')."""
    pattern: list[dict] = []
    for word in phrase.split():
        if word.startswith("~"):
            pattern.append({"POS": word[1:]})
            continue
        lemmas, _, pos = word.partition("/")
        alternatives = lemmas.split("|")
        if len(alternatives) == 1 and len(nlp.make_doc(lemmas)) > 1:  # 'call-handling' is three tokens
            pattern += [{"LEMMA": {"IN": [t.text, t.text.capitalize()]}} for t in nlp.make_doc(lemmas)]
        else:
            pattern.append({"LEMMA": {"IN": [f for a in alternatives for f in (a, a.capitalize())]}})
        if pos:
            pattern[-1]["POS"] = pos
    return pattern


class FunctionFinder(Stage):
    """Finds function mentions and their status (see the package docstring)."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {LEXICON_FILE: FunctionsFile}

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        nlp = self.nlp
        self.lexicon = lex = FunctionLexicon.from_lexicon(lexicons[LEXICON_FILE])
        self.matchers = build_matchers(nlp, lex)
        self.cue_matcher = Matcher(nlp.vocab)
        phrases = {"shared": lex.shared_cues, "proposed": lex.proposed_cues, "partner": lex.partner_cues,
                   "partner_context": lex.partner_context}
        for kind in CUE_KINDS:
            self.cue_matcher.add(kind, [cue_pattern(nlp, c) for c in phrases[kind]])

    def cues(self, doc: Doc) -> dict[str, set[int]]:
        """Token indexes of the cue words of each kind."""
        found: dict[str, set[int]] = {kind: set() for kind in CUE_KINDS}
        for match_id, start, end in self.cue_matcher(doc):
            found[doc.vocab.strings[match_id]].update(range(start, end))
        return found

    def __call__(self, doc: Doc) -> Doc:
        lex = self.lexicon
        collaborations = facts(doc, "collaborations")
        cues = self.cues(doc)
        sentences = list(doc.sents)
        sharing = {doc[i].sent.start for i in cues["shared"]}
        between_forces = bool(collaborations) or any(s.start in sharing and plural_forces(s, lex) for s in sentences)
        partner = bool(cues["partner_context"])
        if not (between_forces or partner):
            doc._.functions = []
            return doc
        forces = {i for s in force_mentions(doc) for i in range(s.start, s.end)}
        announcing = sharing | {doc.char_span(c["start_char"], c["end_char"], alignment_mode="expand").sent.start
                                for c in collaborations}
        partner_words = cues["partner"] if partner else set()
        leads = announcing | {doc[i].sent.start for i in partner_words}  # sentences a list may continue
        candidates = find_candidates(doc, self.matchers, lex)
        labels = {s.start: len({c.label_ for c in candidates if c.sent.start == s.start}) for s in sentences}
        proposed = cues["proposed"]
        kept: list[tuple[Span, str]] = []
        for span in candidates:
            if on_its_own(span):
                continue
            state = status(span, proposed, lex)
            if state == "excluded":
                kept.append((span, state))
                continue
            if passing(span, candidates, lex):
                continue
            sent = span.sent
            handed = partner and (partner_clause(span, lex, forces) or partner_sentence(span, partner_words))
            if sent.start in sharing or handed or (sent.start in announcing and not one_force(span, lex)):
                kept.append((span, state))
                continue
            previous = [s for s in sentences if s.end <= sent.start]
            parent = continues_list(span, previous, leads, labels[sent.start], lex)
            if parent is not None and not one_force(span, lex):
                # a list without a cue of its own takes the status of the sentence that announced it
                kept.append((span, "proposed" if any(t.i in proposed for t in parent) else state))
        summaries = lex.generic
        kept = [(span, state) for span, state in kept
                if not (span.label_ in summaries and summarised(span, state, kept, lex, whole=not collaborations))]
        doc._.functions = [
            {"function": span.label_, "status": state, "collaboration": nearest(collaborations, span),
             "start_char": span.start_char, "end_char": span.end_char, "text": span.text}
            for span, state in kept
        ]
        return doc


def partner_sentence(span: Span, partner_words: set[int]) -> bool:
    """A partner cue in the function's sentence ('handed much of its back office to a private firm'), not
    the noun the function qualifies ('every major procurement contract' is a contract, not procurement)."""
    if not any(span.sent.start <= i < span.sent.end for i in partner_words):
        return False
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i not in partner_words or head is span.root


def passing(span: Span, candidates: list[Span], lex: FunctionLexicon) -> bool:
    """A mention in passing, whatever its sentence (see ``scope``)."""
    return (
        span.label_ in lex.excluded_only or kept_apart(span, lex) or problem(span, lex)
        or activity_of(span, candidates, lex) or national_body(span, lex)
    )


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


def nearest(collaborations: list[dict], span: Span) -> int | None:
    """The collaboration a function belongs to: the last one described before it (else the first; None
    when the article has none, as with a partner that is not a force)."""
    if not collaborations:
        return None
    before = [i for i, c in enumerate(collaborations) if c["start_char"] <= span.end_char]
    return before[-1] if before else 0


@Language.factory(
    COMPONENT,
    assigns=["doc._.functions"],
    requires=["doc._.collaborations", "token.dep", "token.lemma", "token.tag"],
    default_config={
        "models_path": None,
        "scorer": {"@scorers": "forcewatch.facts_scorer.v1", "attr": "functions", "fields": ["function", "status"]},
    },
    default_score_weights={"functions_f": 1.0, "functions_p": 0.0, "functions_r": 0.0},
)
def make_function_finder(nlp: Language, name: str, models_path: str | None, scorer: Callable | None) -> FunctionFinder:
    """spaCy factory: the function finder built from ``models/functions.json``."""
    finder = FunctionFinder(nlp, name, models_path)
    finder.scorer = scorer
    return finder

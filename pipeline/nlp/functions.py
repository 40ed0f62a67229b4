"""Functions stage: the policing functions a collaboration shares, plans to share, or leaves out.

Every function label of the contract has its phrases in ``models/functions.json`` ("IT
services", "computer systems" and "ICT" are ``ict``), found by ``PhraseMatcher``; a list is
expanded because each of its items is matched ("fleet, estates and legal services" is three).

A function counts only where there is a collaboration around it: the article has one (the
collaborations stage found it) and the sentence speaks of sharing ("joint", "merge", "both
forces", ...), unless the sentence excludes the function from it. A custody suite in a crime
story is not a shared function.

The status comes from the words that govern the function in the dependency parse (its
ancestors and their auxiliaries), so that in "a business case for bringing IT together ..., but
the control room will remain with each force" IT is proposed and the control room excluded:
``excluded`` (remain with each force, not included, kept out of, handled separately, every
department apart from / except / other than it),
``proposed`` (look at, consider, business case, could, whether), else ``shared``.

'Back office' is reported only where the sentence shares nothing more specific ("back-office
functions such as payroll and HR" is finance and hr).

Results: ``doc._.functions``, one dict per mention: function, status, collaboration (index into
``doc._.collaborations``) and the function words as written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from pydantic import field_validator
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.contract import FUNCTIONS
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import facts
from pipeline.nlp.lexicon import Lexicon
from pipeline.nlp.lexicon import load_lexicon as load_file

COMPONENT = "forcewatch_functions"
LEXICON_FILE = "functions.json"
# the complements of a verb that say where a function stays ('remain with each force')
COMPLEMENTS = {"prep", "attr", "acomp", "dobj", "advmod", "npadvmod", "oprd", "prt", "xcomp"}
CLAUSE_LINKS = {"conj", "parataxis", "advcl", "relcl"}
CLAUSES = CLAUSE_LINKS | {"ccomp", "cc"}  # children that are clauses of their own, not qualifiers


@dataclass(frozen=True)
class FunctionLexicon:
    """The lexicon of ``models/functions.json``."""

    functions: dict[str, tuple[str, ...]]
    case_sensitive: dict[str, tuple[str, ...]]
    blocked_after: dict[str, frozenset[str]]
    blocked_before: dict[str, frozenset[str]]
    title_before: tuple[tuple[str, ...], ...]
    title_after: frozenset[str]
    excluded_only: frozenset[str]
    not_shared_modifiers: frozenset[str]
    shared_cues: tuple[str, ...]
    proposed_cues: tuple[str, ...]
    stay_verbs: frozenset[str]
    scope_words: frozenset[str]
    negated: frozenset[str]
    adverbs: frozenset[str]
    particles: dict[str, frozenset[str]]
    except_words: frozenset[str]
    except_phrases: dict[str, frozenset[str]]
    generic: dict[str, frozenset[str]]

    @classmethod
    def from_lexicon(cls, lex: FunctionsFile) -> FunctionLexicon:
        excluded = lex.excluded
        return cls(
            functions={k: tuple(v) for k, v in lex.functions.items()},
            case_sensitive={k: tuple(v) for k, v in lex.case_sensitive.items()},
            blocked_after={k: frozenset(v) for k, v in lex.blocked_after.items()},
            blocked_before={k: frozenset(v) for k, v in lex.blocked_before.items()},
            title_before=tuple(tuple(p.split()) for p in lex.title_before),
            title_after=frozenset(lex.title_after),
            excluded_only=frozenset(lex.excluded_only),
            not_shared_modifiers=frozenset(lex.not_shared_modifiers),
            shared_cues=tuple(lex.shared_cues),
            proposed_cues=tuple(lex.proposed_cues),
            stay_verbs=frozenset(excluded.stay_verbs),
            scope_words=frozenset(excluded.scope_words),
            negated=frozenset(excluded.negated),
            adverbs=frozenset(excluded.adverbs),
            particles={k: frozenset(v) for k, v in excluded.particles.items()},
            except_words=frozenset(excluded.except_words),
            except_phrases={k: frozenset(v) for k, v in excluded.except_phrases.items()},
            generic={k: frozenset(v) for k, v in lex.generic.items()},
        )


class ExclusionCues(Lexicon):
    """The words that leave a function out of a collaboration (``excluded`` in functions.json)."""

    stay_verbs: list[str]
    scope_words: list[str]
    negated: list[str]
    adverbs: list[str]
    particles: dict[str, list[str]]
    except_words: list[str]
    except_phrases: dict[str, list[str]]


class FunctionsFile(Lexicon):
    """``models/functions.json``: phrases of every function label of the contract, and the status cues."""

    functions: dict[str, list[str]]
    case_sensitive: dict[str, list[str]]
    blocked_after: dict[str, list[str]]
    blocked_before: dict[str, list[str]]
    title_before: list[str]
    title_after: list[str]
    excluded_only: list[str]
    not_shared_modifiers: list[str]
    shared_cues: list[str]
    proposed_cues: list[str]
    excluded: ExclusionCues
    generic: dict[str, list[str]]

    @field_validator("functions", "case_sensitive", "generic")
    @classmethod
    def labels_from_the_contract(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        unknown = set(value) - set(FUNCTIONS)
        if unknown:
            raise ValueError(f"labels not in the contract: {sorted(unknown)}")
        return value


def load_lexicon(folder: str | None = None) -> FunctionLexicon:
    """The function lexicon of ``models/functions.json`` (or of ``folder``)."""
    return FunctionLexicon.from_lexicon(load_file(FunctionsFile, LEXICON_FILE, folder))


def lemma_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Token patterns matching the words of ``phrase`` as lower-case or capitalised lemmas."""
    return [{"LEMMA": {"IN": [t.text, t.text.capitalize()]}} for t in nlp.make_doc(phrase)]


class FunctionFinder(Stage):
    """Finds function mentions and their status (see the module docstring)."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {LEXICON_FILE: FunctionsFile}

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        nlp, lexicon = self.nlp, FunctionLexicon.from_lexicon(lexicons[LEXICON_FILE])
        self.lexicon = lexicon
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, phrases in lexicon.functions.items():
            forms = {*phrases, *(p + "s" for p in phrases if not p.endswith("s"))}
            self.phrases.add(label, [nlp.make_doc(p) for p in sorted(forms)])
        self.abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
        for label, phrases in lexicon.case_sensitive.items():
            self.abbreviations.add(label, [nlp.make_doc(p) for p in phrases])
        self.cues = Matcher(nlp.vocab)
        self.cues.add("shared", [lemma_pattern(nlp, c) for c in lexicon.shared_cues])
        self.cues.add("proposed", [lemma_pattern(nlp, c) for c in lexicon.proposed_cues])

    def __call__(self, doc: Doc) -> Doc:
        collaborations = facts(doc, "collaborations")
        if not collaborations:
            doc._.functions = []
            return doc
        cue_tokens: dict[str, set[int]] = {"shared": set(), "proposed": set()}
        for match_id, start, end in self.cues(doc):
            cue_tokens[doc.vocab.strings[match_id]].update(range(start, end))
        sharing = {doc[i].sent.start for i in cue_tokens["shared"]}  # sentences that speak of sharing
        found = [
            Span(doc, start, end, label=match_id)
            for matcher in (self.phrases, self.abbreviations)
            for match_id, start, end in matcher(doc)
        ]
        kept: list[tuple[Span, str]] = []
        for span in filter_spans(found):
            if self._blocked(span):
                continue
            status = self.status(span, cue_tokens["proposed"])
            if status != "excluded" and not self._shared_context(span, sharing):
                continue
            kept.append((span, status))
        named = {(span.sent.start, span.label_) for span, status in kept if status != "excluded"}
        doc._.functions = [
            {"function": span.label_, "status": status, "collaboration": nearest(collaborations, span),
             "start_char": span.start_char, "end_char": span.end_char, "text": span.text}
            for span, status in kept
            if not self._generic(span, named)
        ]
        return doc

    def _generic(self, span: Span, named: set[tuple[int, str]]) -> bool:
        """'back-office functions such as payroll and HR': the specific functions the sentence shares (or
        plans to) say it, not 'back office'; one it leaves out ('excluding payroll') does not."""
        specific = self.lexicon.generic.get(span.label_, frozenset())
        return any((span.sent.start, label) in named for label in specific)

    def _blocked(self, span: Span) -> bool:
        """'firearms traffickers', 'remanded in custody', 'director of finance': not a function."""
        doc, lex = span.doc, self.lexicon
        after = doc[span.end].lower_ if span.end < len(doc) else ""
        before = doc[span.start - 1].lower_ if span.start > 0 else ""
        excepted = span.start > 0 and self._exception(doc[span.start - 1])  # 'apart from custody' is a function
        if after in lex.blocked_after.get(span[-1].lower_, ()) or (
            before in lex.blocked_before.get(span[0].lower_, ()) and not excepted
        ):
            return True
        if after in lex.title_after:
            return True
        two_before = tuple(t.lower_ for t in doc[max(0, span.start - 2) : span.start])
        return two_before in lex.title_before

    def _shared_context(self, span: Span, sharing: set[int]) -> bool:
        """A collaboration around the function: a sharing cue in its sentence, and not the force's 'own'."""
        if span.label_ in self.lexicon.excluded_only:
            return False
        head = span.root
        while head.dep_ == "compound" and head.head.i != head.i:  # 'their own separate IT systems'
            head = head.head
        modifiers = {t.lower_ for t in head.children if t.i < head.i} | {t.lower_ for t in span}
        if modifiers & self.lexicon.not_shared_modifiers:
            return False
        return span.sent.start in sharing

    def status(self, span: Span, proposed: set[int]) -> str:
        """shared, proposed or excluded, from the words that govern the function."""
        path = governors(span.root)
        predicates = [c for t in path for c in t.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                      and not any(g.dep_.startswith("nsubj") for g in c.children)]  # '... and would remain with'
        own_words = set(range(span.start, span.end))  # 'continue to protect local policing' excludes nothing
        if any(self._excludes(t, own_words) for t in (*path, *predicates)):
            return "excluded"
        for token in path:  # the governing word, its qualifiers ('could', 'whether') or its subject ('a business case')
            if token.i in proposed or any(c.i in proposed for c in token.children if c.dep_ not in CLAUSES):
                return "proposed"
        return "shared"

    def _excludes(self, token: Token, own_words: set[int]) -> bool:
        """'remain with each force', 'not be included', 'not part of', 'handled separately', 'kept out of'."""
        lex = self.lexicon
        children = list(token.children)
        lemma = token.lemma_.lower()
        if lemma in lex.stay_verbs:
            scope = (w.lower_ for c in children if c.dep_ in COMPLEMENTS for w in c.subtree if w.i not in own_words)
            if any(w in lex.scope_words for w in scope):
                return True
        negated = any(c.dep_ == "neg" for c in children)
        if negated and (lemma in lex.negated or any(c.lemma_.lower() in lex.negated for c in children if c.dep_ in COMPLEMENTS)):
            return True
        if any(c.dep_ == "advmod" and c.lower_ in lex.adverbs for c in children):
            return True
        if token.dep_ == "prep" and token.i not in own_words and self._exception(token):
            return True
        return any(c.dep_ in {"prt", "prep"} and c.lower_ in lex.particles.get(lemma, ()) for c in children)


    def _exception(self, prep: Token) -> bool:
        """'every department except custody', 'apart from', 'other than', 'with the exception of'."""
        lex = self.lexicon
        if prep.lower_ in lex.except_words:
            return True
        before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
        return bool({prep.head.lower_, before} & lex.except_phrases.get(prep.lower_, frozenset()))


def governors(token: Token) -> list[Token]:
    """The token and the words that govern it, up to the verb of its own clause.

    The walk stops at a verb joined to the one above it as a separate clause (conj, parataxis,
    advcl, relcl): in "X will not join the unit, but has agreed to look at sharing Y", the
    negation of 'join' does not govern Y.
    """
    path = [token]
    while token.head.i != token.i:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ in CLAUSE_LINKS:
            break
        token = token.head
        path.append(token)
    return path


def nearest(collaborations: list[dict], span: Span) -> int:
    """The collaboration a function belongs to: the last one described before it (else the first)."""
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

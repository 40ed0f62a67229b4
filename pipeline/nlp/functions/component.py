"""The functions component: runs the rule modules of this package over a doc and sets ``doc._.functions``.
It reads the collaborations (``doc._.collaborations``) and the force mentions, and writes nothing else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import facts
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.functions.candidates import build_matchers, find_candidates
from pipeline.nlp.functions.decide import decide, read_article
from pipeline.nlp.functions.lexicon import LEXICON_FILE, FunctionLexicon, FunctionsFile
from pipeline.nlp.functions.summary import Kept, first_statuses, left_out, summarised
from pipeline.nlp.lexicon import Lexicon
from pipeline.nlp.matching import LemmaMatcher

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
        self.cue_matcher = LemmaMatcher(nlp.vocab)
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
        candidates = find_candidates(doc, self.matchers, lex)
        forces = {i for s in force_mentions(doc) for i in range(s.start, s.end)}
        article = read_article(doc, self.cues(doc), collaborations, forces, candidates, lex)
        if article is None:
            doc._.functions = []
            return doc
        # the candidates a candidate's decision reads are those of its sentence
        decided = [(span, decide(span, article.near(span), article, lex)) for span in candidates]
        kept = [(span, state) for span, state in decided if state is not None]
        starts = [c["start_char"] for c in collaborations]
        arrangements = [nearest(collaborations, span, starts) for span, _ in kept]
        kept = first_statuses(kept, arrangements)
        index = Kept(kept, arrangements)
        doc._.functions = [
            {"function": span.label_, "status": state, "collaboration": arrangement,
             "start_char": span.start_char, "end_char": span.end_char, "text": span.text}
            for (span, state), arrangement in zip(kept, arrangements, strict=True)
            if not (span.label_ in lex.generic and summarised(span, state, index, lex))
            and not left_out(span, state, index)
        ]
        return doc


def nearest(collaborations: list[dict], span: Span, starts: list[int] | None = None) -> int | None:
    """The collaboration a function belongs to: the last one described before it (else the first; None
    when the article has none, as with a partner that is not a force). The collaborations are in text
    order; ``starts``, where they start, is found by bisection (a scan per function was quadratic)."""
    if not collaborations:
        return None
    starts = starts if starts is not None else [c["start_char"] for c in collaborations]
    return max(0, bisect_right(starts, span.end_char) - 1)


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

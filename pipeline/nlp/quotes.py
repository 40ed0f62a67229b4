"""Quotes stage: quoted and reported speech with its speaker (``doc._.quotes``).

Quoted passages (``quote_marks``) take their speaker from the words next to them (``speakers``):
``X said: "..."``, ``"...," X said``, ``"...," he added`` with the pronoun resolved to the last
person named, and continuation paragraphs of a multi-paragraph quote; plus reported speech ("Ms
Hollis added that no jobs would be lost", ``direct: False``) so that job concerns can take a
speaker (``speech``). A speaker is an official of ``doc._.officials`` (the officials stage), or
None for anyone else. Cue words and quote marks are in ``models/roles.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

import pipeline.nlp.extensions  # noqa: F401 - registers doc._.quotes
from pipeline.nlp.component import Stage, make_facts_scorer
from pipeline.nlp.extensions import facts
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words
from pipeline.nlp.officials.index import RoleMatchers
from pipeline.nlp.officials.lexicon import ROLES_FILE, Roles, RolesLexicon
from pipeline.nlp.speakers import named_mentions, quote_index
from pipeline.nlp.speech import QuoteSettings, direct_quotes, reported_speech

COMPONENT = "forcewatch_quotes"
FIELDS = ["speaker", "direct"]


class QuoteFinder(Stage):
    """Sets ``doc._.quotes``: quoted and reported speech, by character offsets, each with its speaker."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {ROLES_FILE: RolesLexicon, WORDS_FILE: Words}

    def __init__(
        self, nlp: Language, name: str, models_path: str | None = None, settings: QuoteSettings | None = None
    ) -> None:
        self.settings = settings or QuoteSettings()
        super().__init__(nlp, name, models_path)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        self.lex = Roles.of(lexicons[ROLES_FILE], lexicons[WORDS_FILE])  # type: ignore[arg-type]
        # the officials' titles: a preposition that hangs from one stays inside the speaker's name phrase
        self.titles = RoleMatchers(self.nlp, self.lex, areas={})

    def __call__(self, doc: Doc) -> Doc:
        title_tokens = frozenset(i for t in self.titles.titles(doc) for i in range(t.start, t.end))
        mentions = named_mentions(doc, facts(doc, "officials"), self.lex.honorifics)
        idx = quote_index(doc, self.lex, mentions, title_tokens)
        direct = direct_quotes(idx, self.settings)
        doc._.quotes = sorted(direct + reported_speech(idx, direct), key=lambda q: q["start_char"])
        return doc


def speaker_for(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The official who said the words at doc.text[start_char:end_char]: the speaker of a quote (preferred) or
    of reported speech that overlaps them; None when no official is known to have said them."""
    overlapping = [
        q for q in facts(doc, "quotes") if q["speaker"] and q["start_char"] < end_char and start_char < q["end_char"]
    ]
    overlapping.sort(key=lambda q: not q.get("direct"))
    return overlapping[0]["speaker"] if overlapping else None


@registry.scorers("forcewatch.quotes_scorer.v1")
def make_quotes_scorer() -> Callable:
    """P/R/F of quotes: evidence offsets, speaker and whether the speech is quoted."""
    return make_facts_scorer("quotes", FIELDS)


@Language.factory(
    COMPONENT,
    assigns=["doc._.quotes"],
    requires=["doc._.officials", "doc.sents", "doc.ents", "token.dep", "token.tag", "token.lemma"],
    default_config={
        "models_path": None, "min_unattributed_words": QuoteSettings.min_unattributed_words,
        "max_attribution_tail": QuoteSettings.max_attribution_tail,
        "scorer": {"@scorers": "forcewatch.quotes_scorer.v1"},
    },
    default_score_weights={"quotes_f": 1.0, "quotes_p": 0.0, "quotes_r": 0.0},
)
def make_quote_finder(
    nlp: Language, name: str, models_path: str | None, min_unattributed_words: int, max_attribution_tail: int,
    scorer: Callable | None,
) -> QuoteFinder:
    """spaCy factory: the quotes stage from ``models/roles.json`` (speech verbs, quote marks, titles)."""
    finder = QuoteFinder(nlp, name, models_path, QuoteSettings(min_unattributed_words, max_attribution_tail))
    finder.scorer = scorer
    return finder

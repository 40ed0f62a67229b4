"""The examples the job classifier learns from: the candidate sentences of the gold corpora, labelled.

A candidate sentence (``job_candidates``) that contains the quote of a gold job concern (the shared
scorer's test) is a job concern with that concern's stance; any other candidate is not one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.evaluation.evaluate import gold_files, load_gold, locate_article
from pipeline.evaluation.scoring import squash
from pipeline.ingest.reader import read_file
from pipeline.nlp.compose import build_nlp
from pipeline.nlp.extensions import article_doc
from pipeline.nlp.jobs import COMPONENT


@dataclass(frozen=True)
class Example:
    """One candidate sentence: its text and what the rules said, with the gold answer."""

    corpus: str  # the gold folder it comes from
    article: str
    text: str
    features: str  # what the classifier reads
    rule_stance: str | None  # None: no rule fired
    moved: bool
    gold_stance: str | None  # None: not a job concern
    changes: bool = True  # a word says what happens to jobs or people: only then may the classifier add it


def corpus_examples(folder: Path, spacy_model: str | None = None) -> tuple[list[Example], int]:
    """The labelled candidates of one gold folder, and the number of gold job concerns in it."""
    files = gold_files(folder)
    gold = load_gold(files)
    nlp = build_nlp(spacy_model)
    finder = nlp.get_pipe(COMPONENT)
    examples: list[Example] = []
    total = 0
    for name, doc_gold in gold.items():
        article = read_file(locate_article(name, files[0].parent))
        doc = nlp(article_doc(nlp, article.text, article.published))
        quotes = [(squash(g["quote"]), g.get("stance")) for g in doc_gold.get("job_concerns") or []]
        total += len(quotes)
        for candidate in finder.candidates(doc):
            text = squash(candidate.sent.text)
            stance = next((s for q, s in quotes if q in text), None)
            if stance is not None:
                quotes.remove(next(x for x in quotes if x[0] in text))
            rule = candidate.concern["stance"] if candidate.concern else None
            examples.append(Example(
                str(folder), name, candidate.sent.text, candidate.features, rule, candidate.moved, stance, candidate.changes
            ))
    return examples, total

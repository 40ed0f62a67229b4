"""Candidate job sentences (rules of the job concerns stage): the sentences the trained classifier decides on.

The rules of ``job_losses`` find a sentence whose job noun is governed by a word of loss or keeping; many
sentences about jobs are worded otherwise ("shed more than a hundred people", "the axe falls on 40
posts"). So candidates are proposed generously, from general vocabulary only: any sentence with a job
noun, a noun of people employed (one by one or as a body: "management"), a word of redundancy or a job
phrase of ``models/jobs.json``. Whether a candidate is a job concern is left to the classifier
(``job_classifier``).
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Span

from pipeline.contract import JobConcern
from pipeline.nlp.job_classifier import ClassifierSettings, scores
from pipeline.nlp.job_cues import JobCues

Hits = dict[str, list[tuple[int, int]]]


class Candidate(NamedTuple):
    """A sentence that may be about jobs: the rules' concern for it (None when no rule fired), whether the
    rules found people moved rather than jobs lost, the sentence's speaker, its features and whether a word
    in it says what happens to jobs or people."""

    sent: Span
    concern: JobConcern | None
    moved: bool
    speaker: str | None
    features: str  # what the classifier reads (``job_classifier.feature_text``)
    changes: bool  # a word says what happens to jobs or people (``job_classifier.says_change``)


def proposed(sent: Span, hits: Hits, cues: JobCues) -> bool:
    """A sentence that names jobs or people employed, or a job phrase ('job losses', 'made redundant')."""
    if hits.get("job_phrases"):
        return True
    nouns = (
        cues.job_nouns | cues.people_nouns | cues.collective_people | cues.loss_nouns | cues.redundant_words
        | cues.strength_holders  # 'teams will be kept at their present strength'
    )
    return any(cues.lemma(t) in nouns or cues.lemma(t).removesuffix("s") in cues.strength_holders for t in sent)


def decided(candidates: list[Candidate], nlp: Language, settings: ClassifierSettings) -> list[Candidate]:
    """The candidates with the classifier's decisions (``ClassifierSettings``): a sentence no rule accepted
    added with the classifier's stance (only one with a word of change), one the rules accepted dropped or
    given the classifier's stance."""
    if not candidates:
        return candidates
    out = []
    for candidate, (job, stance, confidence) in zip(candidates, scores(nlp, [c.features for c in candidates]), strict=True):
        concern = candidate.concern
        if concern is None and candidate.changes and job >= settings.add_threshold:
            sent = candidate.sent
            concern = {
                "stance": stance, "speaker": candidate.speaker, "start_char": sent.start_char,
                "end_char": sent.end_char, "text": sent.text,
            }
        elif concern is not None and job < settings.drop_threshold:
            concern = None
        elif concern is not None and confidence >= settings.stance_threshold:
            concern = {**concern, "stance": stance}
        out.append(candidate._replace(concern=concern))
    return out

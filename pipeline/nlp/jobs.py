"""Job concerns stage: every sentence about jobs being lost, cut or kept, with its stance.

The component finds the cue phrases of ``models/jobs.json`` with a Matcher and, sentence by sentence,
calls the rule modules:

- ``job_losses``: the job noun and the word of loss or keeping that governs it ("posts will be cut",
  "jobs will be protected", "lose more officers", "vacant posts will not be filled", "job losses"). "The
  job" of policing and staff being consulted are not job concerns: no loss governs them.
- ``job_stance``: ``uncertain``, ``ruled_out``, ``concern``, ``possible`` or ``confirmed``. A question
  the sentence reports ("asked whether jobs would go, she said ...", ``job_clauses``) gives way to the
  answer it reports.
- ``job_speakers``: the speaker of the quote (``doc._.quotes``) that overlaps the sentence, else the
  official (``doc._.officials``) who is the subject of a speech verb in it.

A job sentence in the headline, a crosshead, a caption or a bullet is its own item, even when the body
restates it (contract, section 8). People moved or redeployed ("officers will be redeployed") count only in
an article that also speaks of jobs in another way: officers are redeployed to an operation as often as
away from a cut post. Results: ``doc._.job_concerns``, one ``pipeline.contract.JobConcern`` per
sentence: stance, speaker, and the whole sentence. The stage writes nothing else.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.contract import JobConcern
from pipeline.nlp.component import Stage
from pipeline.nlp.extensions import facts
from pipeline.nlp.job_candidates import Candidate, decided, proposed
from pipeline.nlp.job_classifier import WEIGHTS_FILE, feature_text, load_classifier, save_classifier, says_change
from pipeline.nlp.job_clauses import reported_question
from pipeline.nlp.job_cues import GOVERNOR_HOPS, LEXICON_FILE, PHRASE_LABELS, PREDICATE_HOPS, JobCues, JobsLexicon
from pipeline.nlp.job_kept import redeployed
from pipeline.nlp.job_losses import Loss, job_loss
from pipeline.nlp.job_speakers import Speakers
from pipeline.nlp.job_stance import Hits, stance
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words, lexicon_path
from pipeline.nlp.matching import LemmaMatcher, lemma_pattern
from pipeline.nlp.sentences import content_sentences

COMPONENT = "forcewatch_jobs"


class JobConcernFinder(Stage):
    """Sets ``doc._.job_concerns`` (see the module docstring)."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {LEXICON_FILE: JobsLexicon, WORDS_FILE: Words}

    def __init__(
        self, nlp: Language, name: str, models_path: str | None = None, governor_hops: int = GOVERNOR_HOPS,
        predicate_hops: int = PREDICATE_HOPS,
    ) -> None:
        self.governor_hops = governor_hops
        self.predicate_hops = predicate_hops
        super().__init__(nlp, name, models_path)
        self.classifier = load_classifier(lexicon_path(WEIGHTS_FILE, models_path).parent)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        self.cues = JobCues.from_lexicons(
            lexicons[LEXICON_FILE], lexicons[WORDS_FILE], self.governor_hops, self.predicate_hops  # type: ignore[arg-type]
        )
        self.matcher = LemmaMatcher(self.nlp.vocab)
        for label in PHRASE_LABELS:
            self.matcher.add(label, [lemma_pattern(self.nlp, p) for p in self.cues.phrases[label]])

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.candidates(doc)
        if self.classifier is not None:
            candidates = decided(candidates, *self.classifier)
        doc._.job_concerns = with_losses([(c.concern, c.moved) for c in candidates if c.concern])
        return doc

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Every sentence that may be about jobs (``job_candidates``), with what the rules make of it."""
        sentences = list(content_sentences(doc))
        matches = [(doc.vocab.strings[m], start, end) for m, start, end in self.matcher(doc)]
        speakers = Speakers(facts(doc, "quotes"), facts(doc, "officials"))
        found = []
        for sent, hits in sentence_hits(sentences, matches):
            loss = sentence_loss(sent, hits, self.cues)
            if loss is not None:
                concern = concern_of(sent, loss, hits, speakers, self.cues)
                moved = redeployed(*loss, self.cues)
                features = feature_text(sent, concern["stance"], moved, self.cues)
                found.append(Candidate(sent, concern, moved, concern["speaker"], features, says_change(sent, self.cues)))
            elif proposed(sent, hits, self.cues):
                features = feature_text(sent, None, False, self.cues)
                speaker = speakers.of(sent, self.cues.speech_verbs)
                found.append(Candidate(sent, None, False, speaker, features, says_change(sent, self.cues)))
        return found

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        super().to_disk(path, exclude=exclude)
        if self.classifier is not None:
            save_classifier(*self.classifier, ensure_path(path))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> JobConcernFinder:
        super().from_disk(path, exclude=exclude)
        self.classifier = load_classifier(ensure_path(path))
        return self



def sentence_hits(sentences: list[Span], matches: list[tuple[str, int, int]]) -> list[tuple[Span, Hits]]:
    """Each sentence with the cue phrases that lie inside it, by label (a match across two sentences counts in
    neither)."""
    starts = [sent.start for sent in sentences]
    hits: list[Hits] = [{} for _ in sentences]
    for label, start, end in matches:
        index = bisect_right(starts, start) - 1
        if index >= 0 and end <= sentences[index].end:
            hits[index].setdefault(label, []).append((start, end))
    return list(zip(sentences, hits, strict=True))


def sentence_concern(sent: Span, hits: Hits, speakers: Speakers, cues: JobCues) -> JobConcern | None:
    """The job concern of one sentence, or None when it speaks of no job lost or kept."""
    loss = sentence_loss(sent, hits, cues)
    return None if loss is None else concern_of(sent, loss, hits, speakers, cues)


def sentence_loss(sent: Span, hits: Hits, cues: JobCues) -> Loss | None:
    """The job noun of the sentence and the word that says what happens to it (``job_losses``)."""
    return job_loss(sent, hits.get("job_phrases", []), cues, reported_question(sent, cues))


def concern_of(sent: Span, loss: Loss, hits: Hits, speakers: Speakers, cues: JobCues) -> JobConcern:
    """The record of a job sentence: its stance, its speaker and the whole sentence."""
    noun, predicate = loss
    asked = reported_question(sent, cues)
    if noun.i not in asked:  # 'Asked whether jobs would go, she said some posts may be lost': the answer counts
        hits = {label: [h for h in spans if h[0] not in asked] for label, spans in hits.items()}
    speaker = speakers.of(sent, cues.speech_verbs)
    return {
        "stance": stance(sent, noun, predicate, hits, speakers.role(speaker), cues), "speaker": speaker,
        "start_char": sent.start_char, "end_char": sent.end_char, "text": sent.text,
    }


def with_losses(found: list[tuple[JobConcern, bool]]) -> list[JobConcern]:
    """The concerns of an article; people redeployed (the flag) only beside a job concern of another kind."""
    jobs = any(not moved for _, moved in found)
    return [concern for concern, moved in found if jobs or not moved]


@Language.factory(
    COMPONENT,
    assigns=["doc._.job_concerns"],
    # token.pos is read too, but the attribute_ruler that sets it declares nothing for analyze_pipes to check
    requires=[
        "doc._.quotes", "doc._.officials", "doc.sents",
        "token.dep", "token.lemma", "token.tag", "token.ent_type",
    ],
    default_config={
        "models_path": None,
        "governor_hops": GOVERNOR_HOPS,
        "predicate_hops": PREDICATE_HOPS,
        "scorer": {"@scorers": "forcewatch.facts_scorer.v1", "attr": "job_concerns", "fields": ["stance"]},
    },
    default_score_weights={"job_concerns_f": 1.0, "job_concerns_p": 0.0, "job_concerns_r": 0.0},
)
def make_job_concern_finder(
    nlp: Language, name: str, models_path: str | None, governor_hops: int, predicate_hops: int,
    scorer: Callable | None,
) -> JobConcernFinder:
    """spaCy factory: the job concern finder built from ``models/jobs.json`` and ``models/words.json``.

    ``governor_hops``: how many words above a job noun (within its clause) may say what happens to it ('the
    impact on jobs'); ``predicate_hops``: how many above a loss word that is not a verb ('jobs are at risk').
    """
    finder = JobConcernFinder(nlp, name, models_path, governor_hops, predicate_hops)
    finder.scorer = scorer
    return finder

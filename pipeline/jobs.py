"""Job concerns stage: every sentence about jobs being lost, cut or kept, with its stance.

A sentence speaks of jobs when a job noun ("posts", "jobs", "redundancies", "staff numbers")
is governed in the dependency parse by a word of loss ("posts will be cut", "the impact on
jobs", "concerns over jobs") or of keeping ("jobs will be protected"), when people are lost
("lose more officers"), or when it says "job losses" or "made redundant". "The job" of policing
and staff being consulted are not job concerns: no loss governs them.

The stance comes from the parse and the words around the loss (``models/jobs.json``), first
that applies: ``uncertain`` ("it remains unclear if ... could lead to job losses"),
``ruled_out`` (a negated loss: "there will be no redundancies"), ``concern`` ("our concern is it
will lead to further job reductions", or a union saying jobs would go), ``possible`` (a hedged
loss: "posts may go"), else ``confirmed`` ("80 posts will go").

The speaker is the speaker of the quote (``doc._.quotes``, from the officials stage) that
overlaps the sentence, else the official who is the subject of a speech verb in it.

Results: ``doc._.job_concerns``, one dict per sentence: stance, speaker, and the whole sentence.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

import pipeline.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.config import models_dir
from pipeline.extensions import facts
from pipeline.sentences import content_sentences

COMPONENT = "forcewatch_jobs"
MAX_HOPS = 3  # 'the impact on jobs': jobs -> on -> impact
CLAUSE_LINKS = {"conj", "parataxis", "advcl", "relcl", "ccomp"}
UNION_ROLE = "federation_representative"
PERSONAL_PRONOUNS = {"i", "we", "he", "she", "they"}


@dataclass(frozen=True)
class JobCues:
    """The cues of ``models/jobs.json``."""

    job_nouns: frozenset[str]
    people_nouns: frozenset[str]
    loss_words: frozenset[str]
    keep_words: frozenset[str]
    people_loss_words: frozenset[str]
    job_phrases: tuple[str, ...]
    uncertain: tuple[str, ...]
    not_ruled_out: tuple[str, ...]
    ruled_out: tuple[str, ...]
    concern: tuple[str, ...]
    warn: tuple[str, ...]
    possible: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    union_words: frozenset[str]
    speech_verbs: frozenset[str]

    @classmethod
    def load(cls, folder: Path | None = None) -> JobCues:
        data = json.loads(((folder or models_dir()) / "jobs.json").read_text(encoding="utf-8"))
        words = {k: frozenset(data[k]) for k in (
            "job_nouns", "people_nouns", "loss_words", "keep_words", "people_loss_words", "possible", "hedges",
            "negations", "union_words", "speech_verbs",
        )}
        phrases = {k: tuple(data[k]) for k in ("job_phrases", "uncertain", "not_ruled_out", "ruled_out", "concern", "warn")}
        return cls(**words, **phrases)


@lru_cache(maxsize=4)
def load_cues(folder: str | None = None) -> JobCues:
    return JobCues.load(Path(folder) if folder else None)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def lemma_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Token patterns matching the words of ``phrase`` as lower-case or capitalised lemmas."""
    return [{"LEMMA": {"IN": [t.text, t.text.capitalize()]}} for t in nlp.make_doc(phrase)]


def clause_governors(token: Token, hops: int = MAX_HOPS) -> list[Token]:
    """Up to ``hops`` words above ``token``, not past the verb of its own clause."""
    out = []
    while token.head.i != token.i and len(out) < hops:
        clause = token.pos_ in {"VERB", "AUX"} and token.dep_ in CLAUSE_LINKS
        if clause and (token.dep_ != "conj" or token.head.pos_ in {"VERB", "AUX"}):  # a conj under a noun: a list item
            break
        token = token.head
        out.append(token)
    return out


class JobConcernFinder:
    """Finds job concern sentences and their stance (see the module docstring)."""

    def __init__(self, nlp: Language, cues: JobCues) -> None:
        self.cues = cues
        self.governing = cues.loss_words | cues.keep_words
        self.matcher = Matcher(nlp.vocab)
        for label in ("job_phrases", "uncertain", "not_ruled_out", "ruled_out", "concern", "warn"):
            self.matcher.add(label, [lemma_pattern(nlp, p) for p in getattr(cues, label)])

    def __call__(self, doc: Doc) -> Doc:
        sentences = list(content_sentences(doc))
        starts = [sent.start for sent in sentences]
        hits: list[dict[str, list[tuple[int, int]]]] = [{} for _ in sentences]
        for match_id, start, end in self.matcher(doc):
            index = bisect_right(starts, start) - 1
            if index >= 0 and end <= sentences[index].end:
                hits[index].setdefault(doc.vocab.strings[match_id], []).append((start, end))
        quotes = facts(doc, "quotes")
        officials = facts(doc, "officials")
        out = []
        for sent, sent_hits in zip(sentences, hits, strict=True):
            found = self.job_loss(sent, sent_hits.get("job_phrases", []))
            if found is None:
                continue
            noun, predicate = found
            speaker = speaker_of(sent, quotes, officials, self.cues.speech_verbs)
            stance = self.stance(sent, noun, predicate, sent_hits, speaker_role(speaker, officials))
            out.append({"stance": stance, "speaker": speaker, "start_char": sent.start_char,
                        "end_char": sent.end_char, "text": sent.text})
        doc._.job_concerns = out
        return doc

    def job_loss(self, sent: Span, phrases: list[tuple[int, int]]) -> tuple[Token, Token | None] | None:
        """The job noun of the sentence and the word of loss (or keeping) that governs it, if any."""
        cues = self.cues
        for token in sent:
            word = lemma(token)
            if token.pos_ in {"NOUN", "PROPN"} and (word in cues.job_nouns or self._people_numbers(token)):
                for other in self._related(token):
                    if lemma(other) in self.governing:
                        return token, other
            lost = word in cues.people_nouns and token.dep_ in {"dobj", "nsubjpass"}
            if lost and lemma(token.head) in cues.people_loss_words:  # 'we will have to lose more officers'
                return token, token.head
        if phrases:  # 'job losses', 'made redundant'
            start, end = phrases[0]
            return sent.doc[start:end].root, None
        return None

    @staticmethod
    def _related(noun: Token) -> list[Token]:
        """Words that can say what happens to a job noun: its governors and modifiers, and the
        complements of its verb ('jobs are safe', 'jobs are at risk', 'jobs are expected to go')."""
        governors = clause_governors(noun)
        out = [*governors, *noun.children]
        for verb in governors[:1]:
            for child in verb.children:
                if child.dep_ in {"acomp", "oprd"}:
                    out.append(child)
                elif child.dep_ == "prep":  # 'at risk', 'under threat'
                    out.extend(c for c in child.children if c.dep_ == "pobj")
                elif child.dep_ == "xcomp":  # 'jobs are expected to go'
                    out.append(child)
                    out.extend(c for c in child.children if c.dep_ in {"acomp", "xcomp"})
                elif child.dep_ == "ccomp":  # 'told their jobs were safe'
                    out.extend(c for c in child.children if c.dep_ == "acomp")
        return out

    def _people_numbers(self, token: Token) -> bool:
        """'staff numbers', 'officer numbers', 'the number of police officers'."""
        if lemma(token) != "number":
            return False
        words = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
        return any(lemma(w) in self.cues.people_nouns for w in words)

    def stance(
        self, sent: Span, noun: Token, predicate: Token | None, hits: dict[str, list[tuple[int, int]]],
        role: str | None = None,
    ) -> str:
        """uncertain, ruled_out, concern, possible or confirmed (see the module docstring).

        ``hits`` are the cue phrases found in the sentence, by their label in ``models/jobs.json``.
        """

        def has(label: str) -> list[tuple[int, int]]:
            return hits.get(label, [])

        cues = self.cues
        if has("uncertain"):
            return "uncertain"
        if has("not_ruled_out"):
            return "possible"
        if has("ruled_out"):
            return "ruled_out"
        kept = predicate is not None and lemma(predicate) in cues.keep_words  # 'jobs will be protected'
        negated = self._negated_loss(noun, predicate)  # 'there will be no redundancies'
        if kept and negated:  # 'jobs will not be safe'
            return "possible"
        if kept or negated:
            return "ruled_out"
        hedged = self._hedges(noun, predicate)
        union = role == UNION_ROLE or any(t.lower_ in cues.union_words for t in sent)
        warned = any(self._person_warns(sent.doc[s]) for s, _ in has("warn")) or (union and has("warn"))
        if has("concern") or warned or (union and hedged & cues.hedges):
            return "concern"
        if hedged & cues.possible:
            return "possible"
        return "confirmed"

    @staticmethod
    def _person_warns(verb: Token) -> bool:
        """'Unison has warned', 'she warned': a concern; 'the report warns': a possibility."""
        while verb.dep_ == "conj" and verb.head.i != verb.i:  # 'The report noted ... and warned'
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        return any(s.ent_type_ in {"PERSON", "ORG"} or s.lower_ in PERSONAL_PRONOUNS for s in subjects)

    def _negated(self, token: Token) -> bool:
        return any(c.dep_ == "neg" or c.lower_ in self.cues.negations for c in token.children)

    def _negated_loss(self, noun: Token, predicate: Token | None) -> bool:
        """'no compulsory redundancies', 'no forensic staff would lose their jobs', 'does not involve any'."""
        negations = self.cues.negations
        if any(t.lower_ in negations for t in noun.lefts) or any(
            t.lower_ in negations for c in noun.children if c.dep_ in {"compound", "conj"} for t in c.lefts
        ):
            return True
        for word in (predicate, *clause_governors(noun), *self._above(predicate)):
            if word is None:
                continue
            if self._negated(word):
                return True
            subjects = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if any(t.lower_ in negations for s in subjects for t in s.subtree):
                return True
        return False

    @staticmethod
    def _above(predicate: Token | None) -> list[Token]:
        """The words over a loss word that is not a verb ('jobs are at risk': risk -> at -> are)."""
        if predicate is None or predicate.pos_ in {"VERB", "AUX"}:
            return []
        return clause_governors(predicate, 2)

    def _hedges(self, noun: Token, predicate: Token | None) -> set[str]:
        """The modal and hedging words on the loss: 'may go', 'could be lost', 'potential reductions', 'up to'."""
        governors = [*clause_governors(noun), *self._above(predicate)]
        words = {lemma(t) for t in governors}  # 'job losses are expected'
        for token in (noun, predicate, *governors):
            if token is None:
                continue
            words |= {lemma(c) for c in token.children if c.dep_ in {"aux", "advmod", "amod", "auxpass", "acomp"}}
        lefts = [t.lower_ for t in noun.subtree if t.i < noun.i]
        if any(a == "up" and b == "to" for a, b in pairwise(lefts)):
            words.add("up to")
        return words


def speaker_of(sent: Span, quotes: list[dict], officials: list[dict], speech_verbs: frozenset[str]) -> str | None:
    """The speaker of the quote that overlaps the sentence most, else the official who 'said' it."""
    best, overlap = None, 0
    for q in quotes:
        shared = min(q["end_char"], sent.end_char) - max(q["start_char"], sent.start_char)
        if shared > overlap and q.get("speaker"):
            best, overlap = q["speaker"], shared
    if best:
        return best
    for token in sent:
        if lemma(token) not in speech_verbs:
            continue
        for subject in (c for c in token.children if c.dep_ == "nsubj"):
            span = (min(t.idx for t in subject.subtree), max(t.idx + len(t) for t in subject.subtree))
            for o in officials:
                if span[0] <= o["start_char"] and o["end_char"] <= span[1]:
                    return o["name"]
    return None


def speaker_role(speaker: str | None, officials: list[dict]) -> str | None:
    return next((o.get("role") for o in officials if speaker and o.get("name") == speaker), None)


@Language.factory(COMPONENT, default_config={"models_path": None})
def make_job_concern_finder(nlp: Language, name: str, models_path: str | None) -> JobConcernFinder:
    """spaCy factory: the job concern finder built from ``models/jobs.json``."""
    return JobConcernFinder(nlp, load_cues(models_path))

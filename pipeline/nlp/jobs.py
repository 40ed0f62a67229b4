"""Job concerns stage: every sentence about jobs being lost, cut or kept, with its stance.

A sentence speaks of jobs when a job noun ("posts", "jobs", "redundancies", "staff numbers")
is governed in the dependency parse by a word of loss ("posts will be cut", "the impact on
jobs", "concerns over jobs") or of keeping ("jobs will be protected"), when people are lost
("lose more officers"), or when it says "job losses" or "made redundant". Posts left empty are lost
too ("vacant posts will not be filled", "officers who retire will not be replaced", "most of the
posts were vacant"). "The job" of policing and staff being consulted are not job concerns: no
loss governs them. A headline is left out when the body has a job concern: the body restates it.

The stance comes from the parse and the words around the loss (``models/jobs.json``), first
that applies: ``uncertain`` ("it remains unclear if ... could lead to job losses"),
``ruled_out`` (a negated loss: "there will be no redundancies"), ``concern`` ("our concern is it
will lead to further job reductions", or a union saying jobs would go), ``possible`` (a hedged
loss: "posts may go", "if the answer is to cut detectives"), else ``confirmed`` ("80 posts will go").
"You cannot lose 27 posts and ..." is a protest (``concern``), not a denial; a question the sentence
reports ("asked whether jobs would go, she said ...") gives way to the answer it reports.

The speaker is the speaker of the quote (``doc._.quotes``, from the officials stage) that
overlaps the sentence, else the official who is the subject of a speech verb in it.

Results: ``doc._.job_concerns``, one dict per sentence: stance, speaker, and the whole sentence.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.config import models_dir
from pipeline.nlp.extensions import facts
from pipeline.nlp.sentences import content_sentences

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
    refill_words: frozenset[str]
    ask_verbs: frozenset[str]
    conditions: frozenset[str]
    criticism_modals: frozenset[str]
    empty_words: frozenset[str]
    outcome_verbs: frozenset[str]
    rescue_words: frozenset[str]

    @classmethod
    def load(cls, folder: Path | None = None) -> JobCues:
        data = json.loads(((folder or models_dir()) / "jobs.json").read_text(encoding="utf-8"))
        words = {k: frozenset(data[k]) for k in (
            "job_nouns", "people_nouns", "loss_words", "keep_words", "people_loss_words", "possible", "hedges",
            "negations", "union_words", "speech_verbs", "refill_words", "ask_verbs", "conditions", "criticism_modals",
            "empty_words", "outcome_verbs", "rescue_words",
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
        self.question_words = {w for p in cues.uncertain for w in p.split()} & {"whether", "if", "how"}
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
        speakers = Speakers(facts(doc, "quotes"), facts(doc, "officials"))
        out = []
        headline = doc._.headline_end
        for sent, sent_hits in zip(sentences, hits, strict=True):
            asked = self._asked(sent)
            found = self.job_loss(sent, sent_hits.get("job_phrases", []), asked)
            if found is None:
                continue
            noun, predicate = found
            if noun.i not in asked:  # 'Asked whether jobs would go, she said some posts may be lost'
                sent_hits = {k: [h for h in v if h[0] not in asked] for k, v in sent_hits.items()}
            speaker = speakers.of(sent, self.cues.speech_verbs)
            stance = self.stance(sent, noun, predicate, sent_hits, speakers.role(speaker))
            out.append({"stance": stance, "speaker": speaker, "start_char": sent.start_char,
                        "end_char": sent.end_char, "text": sent.text})
        body = [j for j in out if j["start_char"] >= headline]
        doc._.job_concerns = body if body else out  # a headline restates what the article body says
        return doc

    def _asked(self, sent: Span) -> set[int]:
        """The tokens of a question reported in the sentence: 'asked whether jobs would go'."""
        out: set[int] = set()
        for token in sent:
            if lemma(token) in self.cues.ask_verbs:
                for clause in token.children:  # 'asked whether ...', 'questioned on whether ...'
                    if clause.dep_ in {"ccomp", "xcomp", "prep"} and any(
                        c.lower_ in self.question_words for c in clause.subtree
                    ):
                        out.update(t.i for t in clause.subtree)
        return out

    def job_loss(
        self, sent: Span, phrases: list[tuple[int, int]], asked: set[int] | frozenset[int] = frozenset()
    ) -> tuple[Token, Token | None] | None:
        """The job noun of the sentence and the word of loss (or keeping) that governs it, if any;
        one outside a reported question (``asked``) first."""
        losses = self._losses(sent)
        roots = [(sent.doc[start:end].root, None) for start, end in phrases]  # 'job losses', 'made redundant'
        for found in (losses, roots):
            outside = [f for f in found if f[0].i not in asked]
            if outside:
                return outside[0]
        return next(iter(losses or roots), None)

    def _losses(self, sent: Span) -> list[tuple[Token, Token]]:
        cues = self.cues
        out = []
        for token in sent:
            word = lemma(token)
            job = token.pos_ in {"NOUN", "PROPN"} and (word in cues.job_nouns or self._people_numbers(token))
            person = word in cues.people_nouns
            verb = self._verb_of(token) if job or person else None
            if verb is not None and self._unfilled(verb):
                out.append((token, verb))  # 'vacant posts will not be filled', 'officers not replaced'
                continue
            if job:
                other = next((o for o in self._related(token) if self._governs(token, o)), None)
                if other is not None:
                    out.append((token, other))
                    continue
            lost = person and token.dep_ in {"dobj", "nsubjpass"} and lemma(token.head) in cues.people_loss_words
            if lost and not any(c.lower_ in cues.rescue_words for c in token.head.children):  # 'officers were cut free'
                out.append((token, token.head))  # 'we will have to lose more officers'; the head's words read only then
        return out

    @staticmethod
    def _verb_of(noun: Token) -> Token | None:
        """The verb whose object or passive subject the noun is, directly or as 'some of the posts'."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in {"PRON", "NUM", "ADJ", "DET"}:
            noun = noun.head.head
        return noun.head if noun.dep_ in {"nsubjpass", "dobj"} else None

    def _governs(self, noun: Token, word: Token) -> bool:
        """A loss or keeping word over the noun; 'vacant' only as what is said of it ('posts are left
        vacant'), not as its description ('vacant posts will be filled')."""
        if lemma(word) in self.cues.empty_words:
            return not (word.head.i == noun.i and word.dep_ == "amod")
        return lemma(word) in self.governing

    def _unfilled(self, verb: Token) -> bool:
        """'will not be filled', 'are not being replaced': a post left empty is a post lost."""
        return lemma(verb) in self.cues.refill_words and self._negated(verb)

    @staticmethod
    def _related(noun: Token) -> list[Token]:
        """Words that can say what happens to a job noun: its governors and modifiers, and the
        complements of its verb ('jobs are safe', 'jobs are at risk', 'jobs are expected to go')."""
        governors = clause_governors(noun)
        out = [*governors, *noun.children]
        clause_verb = [g for g in governors if g.pos_ in {"VERB", "AUX"}][:1]
        for verb in dict.fromkeys([*governors[:1], *clause_verb]):  # 'most of the posts were vacant'
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
                elif child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                    c.dep_.startswith("nsubj") for c in child.children
                ):  # 'jobs moved to Cardiff or lost altogether'
                    out.append(child)
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
        unfilled = predicate is not None and lemma(predicate) in cues.refill_words  # negated already: a loss
        negated = not unfilled and self._negated_loss(noun, predicate)  # 'there will be no redundancies'
        if kept and negated:  # 'jobs will not be safe'
            return "possible"
        criticised = negated and self._criticised(noun, predicate)  # 'you cannot cut 27 posts and ...'
        if (kept or negated) and not criticised:
            return "ruled_out"
        hedged = self._hedges(noun, predicate)
        union = role == UNION_ROLE or any(t.lower_ in cues.union_words for t in sent)
        warned = any(self._person_warns(sent.doc[s]) for s, _ in has("warn")) or (union and has("warn"))
        if has("concern") or warned or criticised or (union and hedged & cues.hedges):
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

    def _criticised(self, noun: Token, predicate: Token | None) -> bool:
        """'You cannot lose 27 posts', 'we can't keep cutting officers': someone who 'cannot' cut protests;
        'posts cannot be cut' (passive) is a denial."""
        for word in (predicate, *clause_governors(noun)):
            if word is None or not any(c.dep_ == "neg" for c in word.children):
                continue
            modal = any(c.dep_ == "aux" and lemma(c) in self.cues.criticism_modals for c in word.children)
            return modal and any(c.dep_ == "nsubj" for c in word.children)  # 'posts cannot be cut' denies
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
        top = governors[-1] if governors else noun
        if top.dep_ == "ccomp" and lemma(top.head) in self.cues.outcome_verbs:  # 'could see jobs moved or lost'
            governors.append(top.head)
        for token in (noun, predicate, *governors):
            if token is None:
                continue
            words |= {lemma(c) for c in token.children if c.dep_ in {"aux", "advmod", "amod", "auxpass", "acomp"}}
            for clause in (token, *(c for c in token.children if c.dep_ == "advcl")):  # 'if the answer is to cut'
                words |= {lemma(c) for c in clause.children if c.dep_ == "mark" and lemma(c) in self.cues.conditions}
        lefts = [t.lower_ for t in noun.subtree if t.i < noun.i]
        if any(a == "up" and b == "to" for a, b in pairwise(lefts)):
            words.add("up to")
        return words


class Speakers:
    """The quotes and officials of one article, indexed by position once: the speaker of each job sentence is
    looked up among the quotes and officials near it, not among all of them (quadratic in the article)."""

    def __init__(self, quotes: list[dict], officials: list[dict]) -> None:
        self.quotes = sorted(((q["start_char"], i, q) for i, q in enumerate(quotes)), key=lambda x: x[:2])
        self.quote_starts = [start for start, _, _ in self.quotes]
        self.reach: list[int] = []  # the furthest end of any quote up to each one
        for _, _, q in self.quotes:
            self.reach.append(max(q["end_char"], self.reach[-1] if self.reach else 0))
        self.officials = sorted(((o["start_char"], i, o) for i, o in enumerate(officials)), key=lambda x: x[:2])
        self.official_starts = [start for start, _, _ in self.officials]
        self.roles = first_roles(officials)

    def of(self, sent: Span, speech_verbs: frozenset[str]) -> str | None:
        """The speaker of the quote that overlaps the sentence most (the first one on a tie), else the official
        who 'said' it."""
        best: tuple[int, int, str] | None = None  # (-overlap, position in the list of quotes, speaker)
        j = bisect_left(self.quote_starts, sent.end_char)
        while j > 0 and self.reach[j - 1] > sent.start_char:  # back to the last quote that reaches the sentence
            j -= 1
            _, i, q = self.quotes[j]
            shared = min(q["end_char"], sent.end_char) - max(q["start_char"], sent.start_char)
            if shared > 0 and q.get("speaker") and (best is None or (-shared, i) < best[:2]):
                best = (-shared, i, q["speaker"])
        if best:
            return best[2]
        for token in sent:
            if lemma(token) not in speech_verbs:
                continue
            for subject in (c for c in token.children if c.dep_ == "nsubj"):
                lo, hi = (min(t.idx for t in subject.subtree), max(t.idx + len(t) for t in subject.subtree))
                inside = [
                    (i, o) for start, i, o in self.officials[bisect_left(self.official_starts, lo) :
                                                              bisect_left(self.official_starts, hi)]
                    if o["end_char"] <= hi
                ]
                if inside:
                    return min(inside, key=lambda x: x[0])[1]["name"]
        return None

    def role(self, speaker: str | None) -> str | None:
        """The role of the first official of that name."""
        return self.roles.get(speaker) if speaker else None


def speaker_of(sent: Span, quotes: list[dict], officials: list[dict], speech_verbs: frozenset[str]) -> str | None:
    """The speaker of the quote that overlaps the sentence most, else the official who 'said' it."""
    return Speakers(quotes, officials).of(sent, speech_verbs)


def first_roles(officials: list[dict]) -> dict[str, str | None]:
    """Name -> the role of the first official of that name."""
    out: dict[str, str | None] = {}
    for o in officials:
        out.setdefault(o.get("name"), o.get("role"))
    return out


def speaker_role(speaker: str | None, officials: list[dict]) -> str | None:
    return first_roles(officials).get(speaker) if speaker else None


@Language.factory(COMPONENT, default_config={"models_path": None})
def make_job_concern_finder(nlp: Language, name: str, models_path: str | None) -> JobConcernFinder:
    """spaCy factory: the job concern finder built from ``models/jobs.json``."""
    return JobConcernFinder(nlp, load_cues(models_path))

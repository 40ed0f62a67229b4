"""The stance of a job concern sentence (rules of the job concerns stage).

The stance comes from the parse and the words around the loss (``models/jobs.json``), first that
applies: ``uncertain`` ("it remains unclear if ... could lead to job losses"), ``ruled_out`` (a negated
loss: "there will be no redundancies"), ``concern`` ("our concern is it will lead to further job
reductions", or a union saying jobs would go), ``possible`` (a hedged loss: "posts may go", "if the
answer is to cut detectives"), else ``confirmed`` ("80 posts will go"). "You cannot lose 27 posts and
..." is a protest (``concern``), not a denial.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.job_clauses import governors, is_negated, lemma, words_above
from pipeline.nlp.job_cues import JobCues

Hits = dict[str, list[tuple[int, int]]]  # label of a cue phrase -> its matches in the sentence (token offsets)


def stance(sent: Span, noun: Token, predicate: Token | None, hits: Hits, role: str | None, cues: JobCues) -> str:
    """uncertain, ruled_out, concern, possible or confirmed (see the module docstring); ``role`` is the
    speaker's role (the officials stage)."""
    if hits.get("uncertain"):
        return "uncertain"
    if hits.get("not_ruled_out"):
        return "possible"
    if hits.get("ruled_out"):
        return "ruled_out"
    kept = predicate is not None and lemma(predicate) in cues.keep_words  # 'jobs will be protected'
    unfilled = predicate is not None and lemma(predicate) in cues.refill_words  # negated already: a loss
    negated = not unfilled and negated_loss(noun, predicate, cues)  # 'there will be no redundancies'
    if kept and negated:  # 'jobs will not be safe'
        return "possible"
    protest = negated and criticised(noun, predicate, cues)  # 'you cannot cut 27 posts and ...'
    if (kept or negated) and not protest:
        return "ruled_out"
    hedged = hedges(noun, predicate, cues)
    warnings = hits.get("warn", [])
    union = role in cues.union_roles or any(t.lower_ in cues.union_words for t in sent)
    warned = any(person_warns(sent.doc[s], cues.person_pronouns) for s, _ in warnings) or (union and bool(warnings))
    if hits.get("concern") or warned or protest or (union and hedged & cues.hedges):
        return "concern"
    if hedged & cues.possible:
        return "possible"
    return "confirmed"


def person_warns(verb: Token, pronouns: frozenset[str]) -> bool:
    """'Unison has warned', 'she warned': a concern; 'the report warns': a possibility."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # 'The report noted ... and warned'
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ in {"PERSON", "ORG"} or s.lower_ in pronouns for s in subjects)


def negated_loss(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """'no compulsory redundancies', 'no forensic staff would lose their jobs', 'does not involve any'."""
    negations = cues.negations
    if any(t.lower_ in negations for t in noun.lefts) or any(
        t.lower_ in negations for c in noun.children if c.dep_ in {"compound", "conj"} for t in c.lefts
    ):
        return True
    for word in (predicate, *governors(noun, cues), *words_above(predicate, cues)):
        if word is None:
            continue
        if is_negated(word, negations):
            return True
        subjects = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(t.lower_ in negations for s in subjects for t in s.subtree):
            return True
    return False


def criticised(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """'You cannot lose 27 posts', 'we can't keep cutting officers': someone who 'cannot' cut protests;
    'posts cannot be cut' (passive) is a denial."""
    for word in (predicate, *governors(noun, cues)):
        if word is None or not any(c.dep_ == "neg" for c in word.children):
            continue
        modal = any(c.dep_ == "aux" and lemma(c) in cues.criticism_modals for c in word.children)
        return modal and any(c.dep_ == "nsubj" for c in word.children)  # 'posts cannot be cut' denies
    return False


def hedges(noun: Token, predicate: Token | None, cues: JobCues) -> set[str]:
    """The modal and hedging words on the loss: 'may go', 'could be lost', 'potential reductions', 'up to'."""
    above = [*governors(noun, cues), *words_above(predicate, cues)]
    words = {lemma(t) for t in above}  # 'job losses are expected'
    top = above[-1] if above else noun
    if top.dep_ == "ccomp" and lemma(top.head) in cues.outcome_verbs:  # 'could see jobs moved or lost'
        above.append(top.head)
    for token in (noun, predicate, *above):
        if token is None:
            continue
        words |= {lemma(c) for c in token.children if c.dep_ in {"aux", "advmod", "amod", "auxpass", "acomp"}}
        for clause in (token, *(c for c in token.children if c.dep_ == "advcl")):  # 'if the answer is to cut'
            words |= {lemma(c) for c in clause.children if c.dep_ == "mark" and lemma(c) in cues.conditions}
    return words | phrases_before(noun, cues.possible_before)


def phrases_before(noun: Token, phrases: tuple[tuple[str, ...], ...]) -> set[str]:
    """The phrases (lower-case words) written before the noun in its phrase: 'up to 150 posts'."""
    lefts = [t.lower_ for t in noun.subtree if t.i < noun.i]
    return {
        " ".join(phrase) for phrase in phrases
        if any(tuple(lefts[i : i + len(phrase)]) == phrase for i in range(len(lefts)))
    }

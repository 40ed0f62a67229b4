"""Which sentences speak of jobs lost, cut or kept (rules of the job concerns stage).

A sentence speaks of jobs when a job noun ("posts", "jobs", "redundancies", "staff numbers") is
governed in its clause by a word of loss ("posts will be cut", "the impact on jobs") or of keeping
("jobs will be protected"), when people are lost ("lose more officers"), when posts are left empty
("vacant posts will not be filled", "most of the posts were vacant"), or when it holds a phrase such
as "job losses" or "made redundant". Each function reads one sentence's parse and the cues of
``models/jobs.json``.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.job_clauses import VERBS, governors, is_negated, lemma
from pipeline.nlp.job_cues import JobCues

Loss = tuple[Token, Token | None]  # the job noun, and the word of loss or keeping over it (None for a phrase)


def job_loss(
    sent: Span, phrases: list[tuple[int, int]], cues: JobCues, asked: set[int] | frozenset[int] = frozenset()
) -> Loss | None:
    """The job noun of the sentence and the word that governs it, else the root of a job phrase
    (``phrases``, token offsets); one outside a reported question (``asked``) first."""
    found_losses = losses(sent, cues)
    roots: list[Loss] = [(sent.doc[start:end].root, None) for start, end in phrases]
    for found in (found_losses, roots):
        outside = [f for f in found if f[0].i not in asked]
        if outside:
            return outside[0]
    return next(iter(found_losses or roots), None)


def losses(sent: Span, cues: JobCues) -> list[tuple[Token, Token]]:
    """Every job noun or person of the sentence that is lost or kept, with the word that says so."""
    out = []
    for token in sent:
        word = lemma(token)
        job = token.pos_ in {"NOUN", "PROPN"} and (word in cues.job_nouns or people_numbers(token, cues))
        person = word in cues.people_nouns
        verb = verb_of(token, cues.partitive_prepositions) if job or person else None
        if verb is not None and unfilled(verb, cues):
            out.append((token, verb))  # 'vacant posts will not be filled', 'officers not replaced'
            continue
        if job:
            other = next((o for o in related(token, cues) if governs(token, o, cues)), None)
            if other is not None:
                out.append((token, other))
                continue
        lost = person and token.dep_ in {"dobj", "nsubjpass"} and lemma(token.head) in cues.people_loss_words
        if lost and not any(c.lower_ in cues.rescue_words for c in token.head.children):  # 'officers were cut free'
            out.append((token, token.head))  # 'we will have to lose more officers'; the head's words read only then
    return out


def verb_of(noun: Token, partitives: frozenset[str]) -> Token | None:
    """The verb whose object or passive subject the noun is, directly or as 'some of the posts'."""
    if noun.dep_ == "pobj" and noun.head.lower_ in partitives and noun.head.head.pos_ in {"PRON", "NUM", "ADJ", "DET"}:
        noun = noun.head.head
    return noun.head if noun.dep_ in {"nsubjpass", "dobj"} else None


def governs(noun: Token, word: Token, cues: JobCues) -> bool:
    """A loss or keeping word over the noun; 'vacant' only as what is said of it ('posts are left
    vacant'), not as its description ('vacant posts will be filled')."""
    if lemma(word) in cues.empty_words:
        return not (word.head.i == noun.i and word.dep_ == "amod")
    return lemma(word) in cues.governing


def unfilled(verb: Token, cues: JobCues) -> bool:
    """'will not be filled', 'are not being replaced': a post left empty is a post lost."""
    return lemma(verb) in cues.refill_words and is_negated(verb, cues.negations)


def related(noun: Token, cues: JobCues) -> list[Token]:
    """Words that can say what happens to a job noun: its governors and modifiers, and the
    complements of its verb ('jobs are safe', 'jobs are at risk', 'jobs are expected to go')."""
    above = governors(noun, cues)
    out = [*above, *noun.children]
    clause_verb = [g for g in above if g.pos_ in VERBS][:1]
    for verb in dict.fromkeys([*above[:1], *clause_verb]):  # 'most of the posts were vacant'
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


def people_numbers(token: Token, cues: JobCues) -> bool:
    """'staff numbers', 'officer numbers', 'the number of police officers'."""
    if lemma(token) not in cues.count_nouns:
        return False
    words = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(lemma(w) in cues.people_nouns for w in words)

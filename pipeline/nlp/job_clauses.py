"""Reading the dependency parse around a job noun (rules of the job concerns stage): the words above it
in its clause, negation, and a question the sentence reports."""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.job_cues import JobCues

VERBS = frozenset({"VERB", "AUX"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def clause_governors(token: Token, links: frozenset[str], hops: int) -> list[Token]:
    """Up to ``hops`` words above ``token``, not past the verb of its own clause (a verb whose link to its
    head is one of ``links``; a verb in a list under a noun is a list item, not a clause)."""
    out = []
    while token.head.i != token.i and len(out) < hops:
        clause = token.pos_ in VERBS and token.dep_ in links
        if clause and (token.dep_ != "conj" or token.head.pos_ in VERBS):
            break
        token = token.head
        out.append(token)
    return out


def verb_of(noun: Token, partitives: frozenset[str], parts: frozenset[str] = frozenset()) -> Token | None:
    """The verb whose object or passive subject the noun is, directly or as 'some of the posts', or as a part
    of them named by one of ``parts`` ('lose nearly a quarter of its officers')."""
    if noun.dep_ == "pobj" and noun.head.lower_ in partitives and (
        noun.head.head.pos_ in {"PRON", "NUM", "ADJ", "DET"} or noun.head.head.lemma_.lower() in parts
    ):
        noun = noun.head.head
    return noun.head if noun.dep_ in {"nsubjpass", "dobj"} else None


def governors(noun: Token, cues: JobCues) -> list[Token]:
    """The words above a job noun in its clause ('the impact on jobs': on, impact, and its verb)."""
    return clause_governors(noun, cues.clause_links, cues.governor_hops)


def words_above(predicate: Token | None, cues: JobCues) -> list[Token]:
    """The words over a loss word that is not a verb ('jobs are at risk': risk -> at -> are)."""
    if predicate is None or predicate.pos_ in VERBS:
        return []
    return clause_governors(predicate, cues.clause_links, cues.predicate_hops)


def is_negated(token: Token, negations: frozenset[str]) -> bool:
    """A negation on the word: 'not filled', 'never replaced'."""
    return any(c.dep_ == "neg" or c.lower_ in negations for c in token.children)


def reported_question(sent: Span, cues: JobCues) -> set[int]:
    """The tokens of a question reported in the sentence: 'asked whether jobs would go',
    'questioned on whether ...'."""
    out: set[int] = set()
    for token in sent:
        if lemma(token) in cues.ask_verbs:
            for clause in token.children:
                if clause.dep_ in {"ccomp", "xcomp", "prep"} and any(
                    c.lower_ in cues.question_words for c in clause.subtree
                ):
                    out.update(t.i for t in clause.subtree)
    return out

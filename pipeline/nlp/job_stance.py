"""The stance of a job concern sentence (rules of the job concerns stage).

The stance comes from the parse and the words around the loss (``models/jobs.json``), first that
applies:

1. ``uncertain`` ("it remains unclear if ... could lead to job losses"), then the cue phrases of
   ``not_ruled_out`` (``possible``) and ``ruled_out``;
2. a denial (``denial``): ``ruled_out`` for a negated loss ("there will be no redundancies", "we don't
   see it costing jobs", "no-one will be made redundant"), jobs or people kept ("jobs will be protected",
   "officers will be redeployed", "numbers will be maintained") or a plan to cut dropped; a loss the
   sentence also puts down to wastage stays ``confirmed`` ("cannot be made redundant, so their numbers
   will come down through natural wastage"); "You cannot lose 27 posts and ..." is a protest
   (``concern``);
3. a condition: a loss under "if" or "unless" is ``possible`` (contract, section 8);
4. ``concern``: a union or federation speaking or named ("the federation expects that 400 people will be
   made redundant"; not a fact in the past, "we have lost 5,200"), a phrase of fear ("our concern is
   ..."; not one inside a condition: "if two threats to its funding come to pass"), or a person or
   organisation who warns ("Unison has warned"; "the report warns" is a possibility);
5. ``possible``: jobs impersonally "at risk" or "under threat", a hedged loss ("posts may go", "up to 150
   posts"), "would" outside reported speech ("under the proposals, 68 staff would lose their jobs"), or a
   loss someone considers or proposes (a loss planned is announced: "plans to cut 200 officers");
6. else ``confirmed`` ("80 posts will go"; "86 officers are expected to retire": wastage is no forecast).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.job_clauses import VERBS, governors, is_negated, lemma, words_above
from pipeline.nlp.job_cues import JobCues
from pipeline.nlp.job_kept import redeployed

Hits = dict[str, list[tuple[int, int]]]  # label of a cue phrase -> its matches in the sentence (token offsets)


def stance(sent: Span, noun: Token, predicate: Token | None, hits: Hits, role: str | None, cues: JobCues) -> str:
    """uncertain, ruled_out, concern, possible or confirmed (see the module docstring); ``role`` is the
    speaker's role (the officials stage)."""
    if any(not unknown_count(sent.doc[s:e], cues) for s, e in hits.get("uncertain", [])):
        return "uncertain"
    if hits.get("not_ruled_out"):
        return "possible"
    if hits.get("ruled_out"):
        return "ruled_out"
    wastage = through_wastage(sent, cues)
    denied = denial(noun, predicate, cues)
    if denied is not None and not (denied == "ruled_out" and wastage):
        return denied
    risk = at_risk(predicate, cues)  # 'jobs under threat' is no one's fear: the threat is the loss itself
    if any(
        not (risk and s <= predicate.i < e) and not in_condition(sent.doc[s], cues)  # type: ignore[union-attr]
        for s, e in hits.get("concern", [])
    ):
        return "concern"
    hedged = hedges(noun, predicate, cues)
    if hedged & cues.conditions:
        return "possible"
    if (role in cues.union_roles or union_named(sent, cues)) and not fact(predicate):
        return "concern"
    if any(person_warns(sent.doc[s], cues.person_pronouns) for s, _ in hits.get("warn", [])):
        return "concern"
    if risk:
        return "possible"
    retiring = wastage or (predicate is not None and lemma(predicate) in cues.wastage_verbs)
    forecast = hedged & cues.possible - (cues.forecast_words if retiring else frozenset())
    if forecast or unreported_would(sent, noun, predicate, cues) or planned(noun, predicate, cues):
        return "possible"
    return "confirmed"


def unknown_count(phrase: Span, cues: JobCues) -> bool:
    """'an unknown number of posts will be lost': losses certain, only their number unknown (contract, section 8)."""
    return phrase.root.dep_ == "amod" and lemma(phrase.root.head) in cues.count_nouns


WASTAGE_MEANS = frozenset({"through", "by", "via"})
WASTAGE_TIMES = frozenset({"when", "as"})  # 'numbers fall when leavers are not replaced', 'as officers retire'
WASTAGE_REACH = 3  # words above a retirement or an unfilled post that may say the loss comes by it


def through_wastage(sent: Span, cues: JobCues) -> bool:
    """A loss 'through natural wastage', 'by retirement', 'through people retiring', 'by not replacing those who
    leave', 'must rely on people retiring', 'when leavers are not replaced': certain, though no one is made
    redundant (contract, section 8)."""
    for t in sent:
        word = lemma(t)
        if word in cues.wastage_words and t.head.lower_ in WASTAGE_MEANS:
            return True
        leaving = word in cues.wastage_verbs or (word in cues.refill_words and is_negated(t, cues.negations))
        if not leaving:
            continue
        edge = t.left_edge.i  # 'through people retiring', parsed with 'people' as the subject of 'retiring'
        if edge > 0 and t.doc[edge - 1].lower_ in WASTAGE_MEANS:
            return True
        if any(a.lower_ in WASTAGE_MEANS or lemma(a) == "rely" for a in list(t.ancestors)[:WASTAGE_REACH]):
            return True
        if t.dep_ == "advcl" and any(c.dep_ == "advmod" and c.lower_ in WASTAGE_TIMES for c in t.children):
            return True  # 'their numbers fall when leavers and retirees are not replaced'
    return False


def denial(noun: Token, predicate: Token | None, cues: JobCues) -> str | None:
    """The stance of a negated or kept loss (see the module docstring), else None."""
    kept = predicate is not None and (
        lemma(predicate) in cues.keep_words or lemma(predicate) in cues.level_words or redeployed(noun, predicate, cues)
    ) and not or_lost(predicate, cues)
    if kept and not_allowed(predicate, cues):  # 'did not allow the service to keep its workforce'
        return None
    unfilled = predicate is not None and lemma(predicate) in cues.refill_words  # negated already: a loss
    negated = not unfilled and negated_loss(noun, predicate, cues)  # 'there will be no redundancies'
    if kept and negated:  # 'jobs will not be safe'
        return "possible"
    if negated and criticised(noun, predicate, cues):  # 'you cannot cut 27 posts and ...'
        return "concern"
    if kept or negated or unforeseen(noun, predicate, cues) or cancelled(noun, predicate, cues):
        return "ruled_out"
    return None


def in_condition(word: Token, cues: JobCues) -> bool:
    """The word is inside a condition ('if two threats to its funding come to pass'): a fear it names is the
    condition's, not a speaker's."""
    return any(
        a.dep_ == "advcl" and any(c.dep_ == "mark" and lemma(c) in cues.conditions for c in a.children)
        for a in (word, *word.ancestors)
    )


def or_lost(predicate: Token, cues: JobCues) -> bool:
    """'could be redeployed or made redundant': people kept or lost, a choice not yet made, is no denial."""
    verbs = [*predicate.conjuncts]
    return any(
        lemma(v) in cues.people_loss_words or lemma(v) in cues.loss_words
        or any(c.dep_ in {"oprd", "acomp"} and lemma(c) in cues.redundant_words for c in v.children)
        for v in verbs
    )


def not_allowed(predicate: Token, cues: JobCues) -> bool:
    """A keeping verb under a negated verb of ability: 'could not afford to keep them'."""
    return predicate.dep_ in {"xcomp", "ccomp"} and lemma(predicate.head) in cues.ability_verbs and is_negated(
        predicate.head, cues.negations
    )


def person_warns(verb: Token, pronouns: frozenset[str]) -> bool:
    """'Unison has warned', 'she warned': a concern; 'the report warns': a possibility."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:  # 'The report noted ... and warned'
        verb = verb.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.ent_type_ in {"PERSON", "ORG"} or s.lower_ in pronouns for s in subjects)


def union_named(sent: Span, cues: JobCues) -> bool:
    """A union or federation in the sentence ('Unison', 'the federation'); not 'the European Union'."""
    return any(
        t.lower_ in cues.union_words and t.pos_ in {"NOUN", "PROPN"} and not (t.i > 0 and t.nbor(-1).lower_ in cues.not_unions)
        for t in sent
    )


def negated_loss(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """'no compulsory redundancies', 'no forensic staff would lose their jobs', 'does not involve any',
    'no-one will be made redundant'."""
    negations = cues.negations
    if any(t.lower_ in negations for t in noun.lefts) or any(
        t.lower_ in negations for c in noun.children if c.dep_ in {"compound", "conj"} for t in c.lefts
    ):
        return True
    for word in (noun, predicate, *governors(noun, cues), *words_above(predicate, cues)):
        if word is None:
            continue
        if is_negated(word, negations):
            return True
        subjects = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if any(t.lower_ in negations for s in subjects for t in unqualified(s)):
            return True
    return False


def unqualified(noun: Token) -> list[Token]:
    """The words of a noun phrase without its clauses: 'no forensic staff', not 'staff who do not want to move'."""
    clauses = [c for c in noun.children if c.dep_ in {"relcl", "acl"}]
    return [t for t in noun.subtree if not any(c.left_edge.i <= t.i <= c.right_edge.i for c in clauses)]


def unforeseen(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """A negated verb of foreseeing over the loss: 'we don't see it costing jobs'."""
    return any(
        lemma(a) in cues.foresee_words and any(c.dep_ == "neg" for c in a.children)
        for a in (predicate or noun).ancestors
    )


def cancelled(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """A plan to cut that was dropped: 'plans to axe 750 posts were shelved', 'dropped a plan to cut posts'."""
    for above in (predicate or noun).ancestors:
        if lemma(above) in cues.plan_words and above.pos_ in {"NOUN", "PROPN"}:
            return above.dep_ in {"dobj", "nsubjpass"} and lemma(above.head) in cues.cancel_words
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


def fact(predicate: Token | None) -> bool:
    """'we have lost over 5,200', '40 posts were cut', 'we have 1,000 fewer officers': a fact, even from a union."""
    if predicate is None or predicate.pos_ not in VERBS:
        return False
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.dep_ == "aux" and lemma(c) == "have" for c in auxiliaries):
        return True
    if lemma(predicate) == "have" and predicate.tag_ in {"VBP", "VBZ"} and not auxiliaries:
        return True  # 'we have 1,000 fewer officers': the loss has happened
    return predicate.tag_ == "VBD" or any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in auxiliaries)


def at_risk(predicate: Token | None, cues: JobCues) -> bool:
    """'175 jobs are at risk', 'jobs under threat'."""
    return predicate is not None and lemma(predicate) in cues.risk_words and predicate.head.lower_ in {"at", "under", "in"}


def unreported_would(sent: Span, noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """'would' on the loss with no one saying it: 'under the proposals, 68 staff would lose their jobs'; 'some
    posts would close, she said' reports a decision."""
    words = [noun, *governors(noun, cues)] if predicate is None else [predicate, *words_above(predicate, cues)]
    words += verbs_above(words[-1] if words[-1].pos_ in VERBS else None, cues)  # 'would have to bring ... below'
    if not any(c.dep_ == "aux" and c.lower_ in cues.report_modals for w in words for c in w.children):
        return False
    return not any(lemma(t) in cues.speech_verbs and t.pos_ in VERBS for t in sent)


def planned(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """A loss someone considers or proposes: 'is considering cutting 700 posts', 'proposals to shed 1,300
    people'; not one approved ('the proposal to cut 200 posts was approved'). A loss a force plans ('plans to
    cut 200 officers', 'is preparing to reduce') is announced: confirmed, as the writers of every batch since
    round 2 read it."""
    return any(
        lemma(a) in cues.considered_words
        and not (a.pos_ in {"NOUN", "PROPN"} and {lemma(a.head), lemma(a.head.head)} & cues.approve_words)
        for a in (predicate or noun).ancestors
    )


def hedges(noun: Token, predicate: Token | None, cues: JobCues) -> set[str]:
    """The modal and hedging words on the loss: 'may go', 'could be lost', 'potential reductions', 'up to', and
    a condition on any clause above it ('if the answer is to cut detectives')."""
    above = [*governors(noun, cues), *words_above(predicate, cues)]
    last = above[-1] if above else predicate or noun
    completed = verbs_above(next((t for t in (last, *last.ancestors) if t.pos_ in VERBS), None), cues)
    words = {  # 'job losses are expected', 'face losing'; not 'the force expects to lose' (``announced_expectation``)
        lemma(t) for t in (noun, *above, *completed) if not (announced_expectation(t, cues) or certain_fate(t, cues))
    }
    words |= {lemma(c) for t in completed for c in t.children if c.dep_ == "aux"}  # 'could have to shed'
    top = above[-1] if above else noun
    if top.dep_ == "ccomp" and lemma(top.head) in cues.outcome_verbs:  # 'could see jobs moved or lost'
        above.append(top.head)
    clause = [t for t in (noun, predicate, *above) if t is not None]
    for token in clause:
        words |= {lemma(c) for c in token.children if c.dep_ in {"aux", "advmod", "amod", "auxpass", "acomp"}}
    conditions = [*clause, *(predicate or noun).ancestors, *(a for t in clause for a in t.children if a.dep_ == "advcl")]
    words |= {lemma(m) for c in conditions for m in c.children if m.dep_ == "mark" and lemma(m) in cues.conditions}
    return words | phrases_before(noun, cues.possible_before)


def announced_expectation(verb: Token, cues: JobCues) -> bool:
    """'The force expects to lose 226 staff': what a force says it expects to do is its plan, announced, not a
    hedge ('job losses are expected' is one: no one's plan)."""
    return lemma(verb) in cues.forecast_words and any(
        c.dep_ == "nsubj" and c.lower_ not in {"it", "they"} for c in verb.children
    )


def certain_fate(verb: Token, cues: JobCues) -> bool:
    """'55 officer roles face the axe': a fate faced that is certain; 'face losing their jobs' stays a hedge."""
    return any(c.dep_ == "dobj" and lemma(c) in cues.certain_fates for c in verb.children)


def verbs_above(verb: Token | None, cues: JobCues) -> list[Token]:
    """The words a loss verb completes: 'could have to shed 2,300 officers', 'may have to let staff go', 'is
    expected to lead to cuts', 'the potential for jobs to be lost'."""
    out: list[Token] = []
    while verb is not None and verb.head.i != verb.i:
        if verb.dep_ in {"relcl", "acl"} or (verb.dep_ == "advcl" and verb.head.pos_ in {"NOUN", "PROPN"}):
            return [*out, verb.head]
        if not (verb.dep_ == "xcomp" or (verb.dep_ == "ccomp" and lemma(verb.head) in cues.release_verbs)):
            break
        verb = verb.head
        out.append(verb)
    return out


def phrases_before(noun: Token, phrases: tuple[tuple[str, ...], ...]) -> set[str]:
    """The phrases (lower-case words) written before the noun in its phrase: 'up to 150 posts'."""
    lefts = [t.lower_ for t in noun.subtree if t.i < noun.i]
    return {
        " ".join(phrase) for phrase in phrases
        if any(tuple(lefts[i : i + len(phrase)]) == phrase for i in range(len(lefts)))
    }

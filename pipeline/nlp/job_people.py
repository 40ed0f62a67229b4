"""People lost (rules of the job concerns stage): a noun of people ("officers", "staff", "people") whose
loss the sentence states in one of the forms newspapers use:

- the object or passive subject of a loss verb: "will shed more than a hundred people", "to scrap PCSOs";
- made redundant, no longer needed: "400 people will be made compulsorily redundant", "32 staff will no
  longer be needed";
- a counted departure: "62 officers will go", "86 officers are expected to retire or leave";
- fewer people: "73 fewer officers", "will have 238 fewer police officers", "left with just 6,000 officers";
- people a relative clause loses: "each officer the federation says the public will lose";
- a fall by people: "the total will fall by 16 officers";
- a loss verb just before them that the parse did not tie to them: "losing so many officers will be ...".

Each function reads one token's parse and the cues of ``models/jobs.json``; it returns the word that says
the people are lost (the predicate the stance reads), or None.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from pipeline.nlp.job_clauses import VERBS, verb_of
from pipeline.nlp.job_cues import JobCues

SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def people(token: Token, cues: JobCues) -> bool:
    """A noun of people ('officers', 'staff'); 'management' only out of a list of functions ('cutting
    management', not 'removing duplicated management and analysis')."""
    word = cues.lemma(token)
    if word in cues.people_nouns:
        return True
    listed = [*(c for c in token.children if c.dep_ == "conj"), *([token.head] if token.dep_ == "conj" else [])]
    return word in cues.collective_people and all(cues.lemma(t) in cues.people_nouns for t in listed)


def person_lost(token: Token, cues: JobCues) -> Token | None:
    """The word that says the people of ``token`` are lost, by the first rule that reads it."""
    if not people(token, cues):
        return None
    rules: tuple[Callable[[Token, JobCues], Token | None], ...] = (
        lost_object, made_redundant, no_longer_needed, departing, fewer, left_with_only, fallen_by, lost_in_clause,
        lost_before, cuts_in, at_risk,
    )
    return next((found for rule in rules if (found := rule(token, cues)) is not None), None)


def object_verb(noun: Token, cues: JobCues) -> Token | None:
    """The verb whose object or passive subject the noun is, directly or as 'some of the officers'."""
    return verb_of(noun, cues.partitive_prepositions, cues.partitive_nouns)


def lost_object(noun: Token, cues: JobCues) -> Token | None:
    """'we will have to lose more officers', 'to scrap PCSOs'; not people 'cut free' from a wreck, 'cut by flying
    glass' (a word of 'injury_causes'), nor the people a crash 'cost' their lives (the verb's other object is
    what they lose), nor a sergeant 'reduced to the rank of constable' (a demotion)."""
    verb = object_verb(noun, cues) or passive_complement(noun)
    if verb is None and noun.head.lower_ in cues.lemma_fixes and noun.head.i < noun.i:
        verb = noun.head  # 'Kent Police axes 200 officers': the verb tagged as the plural of 'axis'
    if verb is None or not (cues.lemma(verb) in cues.people_loss_words or cues.particle_loss(verb)):
        return None
    other = any(  # 'cost two officers their lives'
        c.dep_ in {"dobj", "dative"} and c.i > noun.i and any(p.dep_ == "poss" for p in c.children) for c in verb.children
    )
    injured = any(cues.lemma(p) in cues.injury_causes for a in verb.children if a.dep_ == "agent" for p in a.children)
    demoted = any(cues.lemma(p) in cues.demotion_nouns for a in verb.children if a.dep_ == "prep" and a.lower_ == "to"
                  for p in a.children)  # 'a sergeant was reduced to the rank of constable'
    return None if other or injured or demoted or any(c.lower_ in cues.rescue_words for c in verb.children) else verb


def at_risk(noun: Token, cues: JobCues) -> Token | None:
    """'All 99 PCSOs and 65 staff at risk': counted people at risk, of nothing else named ('officers at risk of
    assault' are in danger, not losing their jobs)."""
    if not counted(noun, cues):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"at", "under"}:
            continue
        risk = next((p for p in prep.children if p.dep_ == "pobj" and cues.lemma(p) in cues.risk_words), None)
        if risk is not None and not any(c.dep_ == "prep" for c in risk.children):
            return risk
    return None


def passive_complement(noun: Token) -> Token | None:
    """The passive verb that completes the people's verb: 'Eighty officers are to be axed', 'officers are
    likely to be cut'."""
    if noun.dep_ not in SUBJECTS:
        return None
    verbs = [noun.head, *(c for c in noun.head.children if c.dep_ == "acomp")]
    complements = [c for v in verbs for c in v.children if c.dep_ == "xcomp"]
    return next((c for c in complements if any(a.dep_ == "auxpass" for a in c.children)), None)


def made_redundant(noun: Token, cues: JobCues) -> Token | None:
    """'400 people will be made compulsorily redundant', 'made 50 staff redundant' (parsed with 'redundant' as
    the object, or as a clause with the staff as its subject)."""
    if noun.head.lower_ in cues.redundant_words and cues.lemma(noun.head.head) == "make":
        return noun.head.head
    verb = object_verb(noun, cues)
    if verb is None or cues.lemma(verb) != "make":
        return None
    return verb if any(c.lower_ in cues.redundant_words for c in verb.children) else None


def no_longer_needed(noun: Token, cues: JobCues) -> Token | None:
    """'32 staff will no longer be needed'."""
    verb = object_verb(noun, cues)
    if verb is None or cues.lemma(verb) not in cues.needed_words:
        return None
    longer = [c for c in verb.children if c.lower_ == "longer"]
    return verb if any(t.lower_ == "no" for c in longer for t in c.children) else None


def counted(noun: Token, cues: JobCues) -> bool:
    """A number or a quantifier on the noun: '62 officers', 'all 150 PCSOs', 'many more staff'."""
    return any(c.dep_ in {"nummod", "quantmod"} or c.lower_ in cues.quantifiers for c in noun.lefts)


def departing(noun: Token, cues: JobCues) -> Token | None:
    """'62 officers will go', '86 officers are expected to retire or leave', 'another 800 people would have
    to go', 'officers could be required to retire', 'may have to let staff go'; not 'officers went to the
    scene' (a place), 'officers left the building' (an object that is not the force), nor uncounted
    officers who 'go' of their own accord."""
    if noun.dep_ not in SUBJECTS:
        return None
    if noun.head.dep_ == "ccomp" and cues.lemma(noun.head.head) in cues.release_verbs and leaves(noun.head, cues):
        return noun.head  # 'may have to let experienced staff go'
    compelled = cues.lemma(noun.head) in cues.compel_verbs  # 'officers could be required to retire'
    if not (counted(noun, cues) or compelled):
        return None
    verbs = [noun.head]
    for verb in verbs:  # grows: 'expected to retire or leave'
        verbs.extend(c for c in verb.children if c.dep_ in {"xcomp", "conj"} and c.pos_ in VERBS)
    return next((v for v in verbs if leaves(v, cues)), None)


def leaves(verb: Token, cues: JobCues) -> bool:
    """A verb of departure with no place to go to ('go to the scene') and no object but the force."""
    if cues.lemma(verb) not in cues.departure_verbs:
        return False
    for child in verb.children:
        if child.dep_ in {"prep", "advmod", "prt"} and child.lower_ in cues.departure_places:
            return False
        if child.dep_ == "dobj" and cues.lemma(child) not in cues.departure_objects:
            return False
    return True


def fewer(noun: Token, cues: JobCues) -> Token | None:
    """'the price will be 255 fewer police officers', 'will have 238 fewer officers', 'leave the force with
    73 fewer officers'; the verb over them. Not 'fewer officers were injured' (a subject)."""
    if not any(c.lower_ in cues.fewer_words and c.dep_ in {"amod", "advmod"} for c in noun.children):
        return None
    first = noun
    while first.dep_ == "conj" and first.head.i != first.i:  # '73 fewer officers and 26 fewer staff'
        first = first.head
    if first.dep_ not in {"dobj", "attr", "pobj"} or cues.lemma(first.head) not in cues.fewer_verbs:
        return None
    return first.head.head if first.dep_ == "pobj" and first.head.head.pos_ in VERBS else first.head


def left_with_only(noun: Token, cues: JobCues) -> Token | None:
    """'could leave the force with just 6,000 officers', 'will be able to afford only about 2,000 staff'."""
    number = [c for c in noun.children if c.dep_ == "nummod"]
    if not any(w.lower_ in cues.only_words for n in number for w in n.subtree if w.i < n.i):
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "with" else noun.head
    if noun.dep_ not in {"dobj", "pobj"} or cues.lemma(verb) not in cues.only_verbs:
        return None
    return verb


def lost_in_clause(noun: Token, cues: JobCues) -> Token | None:
    """People a relative clause says are lost: 'one for each officer the federation says the public will lose'."""
    for clause in (c for c in noun.children if c.dep_ == "relcl"):
        verbs = [clause, *(c for c in clause.children if c.dep_ == "ccomp")]
        for verb in verbs:
            if cues.lemma(verb) in cues.people_loss_words and not any(c.dep_ == "dobj" for c in verb.children):
                return verb
    return None


def fallen_by(noun: Token, cues: JobCues) -> Token | None:
    """'the total will fall by 16 officers', 'reduced by 200 staff'."""
    by = noun.head
    if noun.dep_ != "pobj" or by.lower_ != "by" or by.head.pos_ not in VERBS:
        return None
    return by.head if cues.lemma(by.head) in cues.loss_words else None


def lost_before(noun: Token, cues: JobCues, verbs: frozenset[str] | None = None) -> Token | None:
    """A loss verb (of ``verbs``, default the cues' people_loss_words) right before the noun, when the parse
    made it the subject of a later verb: 'losing so many officers will be a gift to criminals', 'could cost
    Scotland 4,000 police officers has been ...', 'plans to axe 750 posts were shelved'."""
    start = noun.left_edge.i
    if noun.dep_ not in SUBJECTS or start == noun.sent.start:
        return None
    before = noun.doc[start - 1]
    verb = before.head if before.dep_ in {"dative", "dobj"} else before
    if verb.pos_ not in VERBS or verb.i >= noun.i or cues.lemma(verb) not in (verbs or cues.people_loss_words):
        return None
    return verb


CUT_PREPOSITIONS = frozenset({"in"})  # "cuts to staff", "loss of staff" are job phrases already
CUT_NOUNS = frozenset({"cut", "reduction", "loss"})


def cuts_in(noun: Token, cues: JobCues) -> Token | None:
    """'leading to cuts in neighbourhood officers', 'a reduction in frontline detectives': a noun of loss over the people
    through a preposition (the phrases of ``job_phrases`` need the words side by side)."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in CUT_PREPOSITIONS:
        return None
    loss = noun.head.head
    return loss if loss.pos_ == "NOUN" and cues.lemma(loss) in CUT_NOUNS else None

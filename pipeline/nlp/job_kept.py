"""People kept (rules of the job concerns stage): the contract's ``ruled_out`` family said of people, not
of jobs ("officers will be redeployed", "moved into other roles", "expects to keep all 828 of its PCSOs").

Officers are redeployed to an operation as often as away from a cut post, so the component keeps such a
sentence only in an article that also speaks of jobs lost (``redeployed``). Each function reads one
token's parse and the cues of ``models/jobs.json``.
"""

from __future__ import annotations

from spacy.tokens import Token

from pipeline.nlp.job_clauses import VERBS, verb_of
from pipeline.nlp.job_cues import JobCues
from pipeline.nlp.job_people import SUBJECTS, counted, people


def person_kept(noun: Token, cues: JobCues) -> Token | None:
    """The word that says the people of ``noun`` keep a job: redeployed, moved into roles, kept."""
    if not people(noun, cues):
        return None
    return redeployed_people(noun, cues) or moved_to_roles(noun, cues) or kept_people(noun, cues)


def redeployed_people(noun: Token, cues: JobCues) -> Token | None:
    """'Officers will be redeployed', 'all officers affected will be redeployed to other areas' (parsed as 'all
    officers affected' with the redeployment a clause of its own, without a subject)."""
    verbs = [verb_of(noun, cues.partitive_prepositions, cues.partitive_nouns)]
    if noun.dep_ == "nsubj":
        verbs += [c for c in noun.head.children if c.dep_ == "ccomp" and not any(s.dep_ in SUBJECTS for s in c.children)]
    return next((v for v in verbs if v is not None and cues.lemma(v) in cues.redeploy_words), None)


def moved_to_roles(noun: Token, cues: JobCues) -> Token | None:
    """'The people affected will be moved into other roles', '45 officers expected to move into posts'; not
    'officers will transfer to the new unit' (a unit, not a role)."""
    heads = [noun.head] if noun.dep_ in SUBJECTS and noun.head.pos_ in VERBS else []
    heads += [c for c in noun.children if c.dep_ == "acl" and c.pos_ in VERBS]  # 'with 45 officers expected to move'
    verbs = [*heads, *(c for v in heads for c in v.children if c.dep_ == "xcomp" and c.pos_ in VERBS)]
    for verb in verbs:
        if cues.lemma(verb) not in cues.move_words:
            continue
        if into_roles(verb, cues):
            return verb
    return None


def into_roles(verb: Token, cues: JobCues) -> bool:
    """'moved into other roles', 'kept in work': a role, post or team the verb puts people into or keeps them in."""
    places = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"into", "to", "in"} for p in c.children]
    return any(p.dep_ == "pobj" and cues.lemma(p) in cues.role_words for p in places)


def kept_people(noun: Token, cues: JobCues) -> Token | None:
    """'expects to keep all 828 of its PCSOs', 'keeping those staff in work'; not 'keep officers safe' (a state,
    not a job) nor uncounted people ('keep officers informed')."""
    verb = verb_of(noun, cues.partitive_prepositions, cues.partitive_nouns)
    if verb is None or cues.lemma(verb) not in cues.people_keep_words:
        return None
    if into_roles(verb, cues):
        return verb
    partitive = noun.dep_ == "pobj"  # 'all 828 of its PCSOs': verb_of went through a quantity
    if not (partitive or counted(noun, cues)):
        return None
    return None if any(c.dep_ in {"acomp", "oprd", "xcomp", "ccomp"} for c in verb.children) else verb


def held_at_strength(noun: Token, cues: JobCues) -> Token | None:
    """'Neighbourhood Policing Teams will be kept at their present strength', 'officers will be maintained at
    their current level': a team or people kept at a level keep their jobs."""
    word = cues.lemma(noun)
    if noun.tag_ == "NNPS" and word.endswith("s"):
        word = word[:-1]  # 'Neighbourhood Policing Teams': a proper plural keeps its 's' in the lemma
    if word not in cues.strength_holders or noun.dep_ != "nsubjpass":
        return None
    verb = noun.head
    if cues.lemma(verb) not in cues.keep_words:
        return None
    levels = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "at" for p in c.children if p.dep_ == "pobj"]
    return verb if any(cues.lemma(p) in cues.count_nouns for p in levels) else None


def redeployed(noun: Token, predicate: Token | None, cues: JobCues) -> bool:
    """The loss found is people moved or redeployed, or a job offered ('staff will be offered redeployment',
    'will be offered a job in it'; see the module docstring)."""
    if predicate is None:
        return False
    word = cues.lemma(predicate)
    moved = word in cues.redeploy_words or word in cues.move_words
    return word in cues.offer_words or (moved and cues.lemma(noun) in cues.people_nouns)

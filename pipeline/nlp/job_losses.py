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

from pipeline.nlp.job_clauses import VERBS, governors, is_negated, lemma, verb_of
from pipeline.nlp.job_cues import JobCues
from pipeline.nlp.job_kept import held_at_strength, person_kept
from pipeline.nlp.job_people import lost_before, people, person_lost

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
        job = is_job(token, cues)
        person = people(token, cues)
        verb = verb_of(token, cues.partitive_prepositions, cues.partitive_nouns) if job or person else None
        if verb is not None and unfilled(verb, cues):
            out.append((token, verb))  # 'vacant posts will not be filled', 'officers not replaced'
            continue
        if job:
            other = next((o for o in related(token, cues) if governs(token, o, cues)), None)
            other = other or lost_before(token, cues, cues.loss_words)  # 'plans to axe 750 posts were shelved'
            if other is not None:
                out.append((token, other))
                continue
        lost = (person_lost(token, cues) or person_kept(token, cues)) if person else None  # 'lose more officers'
        lost = lost or held_at_strength(token, cues)  # 'teams will be kept at their present strength'
        lost = lost or count_lost(token, sent, cues)  # 'has 2,700 officers and has already lost 400'
        if lost is not None:
            out.append((token, lost))
    return out


def count_lost(token: Token, sent: Span, cues: JobCues) -> Token | None:
    """A bare number lost, in a sentence that counted people before it: 'The force has about 2,700 officers today
    and has already lost 400'; not a sum ('lost £400')."""
    verb = token.head
    if not token.like_num or token.dep_ != "dobj" or cues.lemma(verb) not in cues.people_loss_words:
        return None
    if any(not t.like_num and not t.is_punct for t in token.subtree) or (token.i > 0 and token.nbor(-1).is_currency):
        return None
    counted = any(
        t.i < token.i and people(t, cues) and any(c.dep_ == "nummod" for c in t.children) for t in sent
    )
    return verb if counted else None


def is_job(token: Token, cues: JobCues) -> bool:
    """A job noun ('posts', 'staff numbers'); not 'an outstanding job' someone did, 'the job of policing', nor
    'the role' or 'the financial position' (a word of 'plural_only' counts in the plural or with a number:
    '40 roles')."""
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    word = cues.lemma(token)
    if word not in cues.job_nouns:
        return people_numbers(token, cues)
    if token.head.i != token.i and cues.lemma(token.head) in cues.idiom_verbs:
        return False
    if token.tag_ == "NN" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children) and any(
        c.lower_ == "the" for c in token.children
    ):
        return False  # 'the job of policing', 'the post of chief constable': a task or an office
    if individual(token, cues):
        return False
    plural = token.tag_ in {"NNS", "NNPS"} or any(c.dep_ in {"nummod", "compound"} for c in token.children)
    return word not in cues.plural_only or plural  # '40 roles', 'the PCSO role'


def individual(noun: Token, cues: JobCues) -> bool:
    """'The officer lost his job after being convicted': one person's job (a dismissal), not jobs cut; 'no
    officer will lose his job' still denies a loss."""
    if noun.tag_ != "NN" or not any(c.dep_ == "poss" and c.lower_ in cues.individual_possessives for c in noun.children):
        return False
    subject = [t for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree]
    return not any(t.lower_ in cues.negations for t in subject)


def governs(noun: Token, word: Token, cues: JobCues) -> bool:
    """A loss or keeping word over the noun; 'vacant' only as what is said of it ('posts are left
    vacant'), not as its description ('vacant posts will be filled'); 'come down' as a loss; a verb of
    'verb_prepositions' only through its prepositions ('pay with their jobs', not 'pay for 16 new posts').
    """
    word_lemma = cues.lemma(word)
    if word_lemma in cues.empty_words:
        return not (word.head.i == noun.i and word.dep_ == "amod")
    if word_lemma in cues.keep_words | cues.offer_words and cues.lemma(noun) in cues.loss_nouns:
        return False  # 'offered voluntary redundancy' is no job kept
    if word_lemma in cues.level_words:  # 'officer establishment will remain around 16,600', not 'remain vacant'
        said = [c for c in word.children if c.dep_ in {"acomp", "oprd"}]
        return people_numbers(noun, cues) and not any(governs(noun, c, cues) for c in said)
    if cues.particle_loss(word):
        return True  # 'officer numbers will continue to come down', 'posts will be phased out'
    if word_lemma in cues.departure_verbs and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ in cues.departure_places for c in word.children
    ):
        return False  # 'numbers will go up', 'the plans will go ahead'
    if word_lemma in cues.verb_prepositions and word.is_ancestor(noun):  # 'goes on its workforce'
        path = [t for t in noun.ancestors if word.is_ancestor(t)]
        if any(t.dep_ == "prep" and t.head == word and t.lower_ not in cues.verb_prepositions[word_lemma] for t in path):
            return False
    return word_lemma in cues.governing


def unfilled(verb: Token, cues: JobCues) -> bool:
    """'will not be filled', 'are not being replaced': a post left empty is a post lost."""
    return lemma(verb) in cues.refill_words and is_negated(verb, cues.negations)


def related(noun: Token, cues: JobCues) -> list[Token]:
    """Words that can say what happens to a job noun: its governors and modifiers, and the
    complements of its verb ('jobs are safe', 'jobs are at risk', 'jobs are expected to go')."""
    above = governors(noun, cues)
    out = [*above, *noun.children]
    out.extend(c for p in noun.children if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj")  # 'Jobs at risk'
    if noun.dep_ == "appos":  # 'Hundreds of police support jobs to go' (jobs parsed beside 'Hundreds')
        out.extend(noun.head.children)
    clause_verb = [g for g in above if g.pos_ in VERBS][:1]
    for verb in dict.fromkeys([*above[:1], *clause_verb]):  # 'most of the posts were vacant'
        for child in verb.children:
            if child.dep_ in {"acomp", "oprd"}:  # 'jobs are safe', 'posts are likely to be lost'
                out.append(child)
                out.extend(c for c in child.children if c.dep_ == "xcomp")
            elif child.dep_ == "prep":  # 'at risk', 'under threat'
                out.extend(c for c in child.children if c.dep_ == "pobj")
            elif child.dep_ == "xcomp":  # 'jobs are expected to go'
                out.append(child)
                out.extend(c for c in child.children if c.dep_ in {"acomp", "xcomp"})
            elif child.dep_ == "advmod" and cues.lemma(child) in cues.loss_words:  # 'numbers are down'
                out.append(child)
            elif child.dep_ == "ccomp":  # 'told their jobs were safe'
                out.extend(c for c in child.children if c.dep_ == "acomp")
            elif child.dep_ == "conj" and child.pos_ == "VERB" and not any(
                c.dep_.startswith("nsubj") for c in child.children
            ):  # 'jobs moved to Cardiff or lost altogether'
                out.append(child)
    return out


def people_numbers(token: Token, cues: JobCues) -> bool:
    """'staff numbers', 'officer numbers', 'the number of police officers', 'police numbers'."""
    if lemma(token) not in cues.count_nouns:
        return False
    words = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(
        (lemma(w) in cues.people_nouns or lemma(w) in cues.headcount_words) and not casualties(w, cues) for w in words
    )


def casualties(people: Token, cues: JobCues) -> bool:
    """'the number of people killed and seriously injured': people a crash or crime hurt, not people employed."""
    return any(c.dep_ in {"acl", "amod"} and lemma(c) in cues.casualty_words for c in people.children)

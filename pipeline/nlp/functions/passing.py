"""Mentions in passing: a function named in a sentence about an arrangement that is not part of it.

The force keeps it ("their own IT", "separate briefing systems and IT in each force", "the force's
Organised Crime Unit"), the sentence names a problem ("the cost of bringing together different
personnel systems", "unresolved issues include ICT"), it is an activity of another function ("training
police dogs"), a force would do it alone ("keeping enough firearms teams on our own"), or a national
body takes it over rather than forces sharing it ("a new National Police Service will take over
counter-terrorism"), its clause denies it without excluding it ("they could not get into each other's
computer systems"), it is what is cut or frozen ("cuts to call handlers", "recruitment has been frozen")
or where lost posts come from, or it is the work of people ("staff who provide back-office support").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon
from pipeline.nlp.functions.scope import CHAIN, clause_verb, subjects
from pipeline.nlp.functions.status import governors


def passing(span: Span, candidates: list[Span], lex: FunctionLexicon) -> bool:
    """A mention in passing, whatever its sentence (see the module docstring; ``one_force`` and ``on_its_own`` are read
    apart, as they depend on the sentence)."""
    return (
        span.label_ in lex.excluded_only or kept_apart(span, lex) or problem(span, lex)
        or activity_of(span, candidates, lex) or national_body(span, lex) or denied(span)
        or cut_or_frozen(span, lex) or work_of_people(span, lex)
    )


def denied(span: Span) -> bool:
    """A negated clause that is no exclusion (those are read first): 'officers could not easily get into
    each other's computer systems' says what is not done, not what is shared."""
    verb = next((t for t in governors(span.root) if t.pos_ in {"VERB", "AUX"}), None)
    if verb is None or not finite(verb):  # 'including but not limited to' denies nothing
        return False
    return any(c.dep_ == "neg" for c in verb.children)


def finite(verb: Token) -> bool:
    """A verb with a tense of its own or an auxiliary ('could not get', 'does not share'), not a participle."""
    return verb.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


def kept_apart(span: Span, lex: FunctionLexicon) -> bool:
    """'their own IT', 'separate briefing systems, personnel processes and IT in each force', 'three
    different IT systems': what each force has for itself is not shared ('a separate joint procurement
    team' is)."""
    head = span.root
    while head.dep_ in {"compound", "conj"} and head.head.i != head.i:
        head = head.head
    modifiers = {t.lower_ for t in head.subtree if t.i < head.i} | {t.lower_ for t in span}
    if modifiers & lex.not_shared_modifiers:
        return True
    return bool(modifiers & lex.apart_modifiers) and not modifiers & lex.apart_scopes


def one_force(span: Span, lex: FunctionLexicon) -> bool:
    """'the force's Organised Crime Unit', 'its custody suites': a unit of one force, not of a collaboration."""
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return any(c.dep_ == "poss" and c.lower_ in lex.single_possessives for c in head.children)


def problem(span: Span, lex: FunctionLexicon) -> bool:
    """A problem or a risk, not an arrangement: 'the cost of bringing together different systems',
    'the integration of control rooms as a key risk', 'unresolved issues include ICT'."""
    # any word above it, through its own clause ('the cost of bringing together ...' is the cost's)
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in lex.problem_words for t in span.root.ancestors):
        return True
    verb = clause_verb(span.root)
    if verb is None:
        return False
    as_problem = any(c.lower_ == "as" and any(w.lemma_.lower() in lex.problem_words for w in c.subtree)
                     for c in verb.children if c.dep_ == "prep")
    listed = verb.lemma_.lower() in lex.list_verbs and any(s.lemma_.lower() in lex.problem_words for s in subjects(verb))
    return as_problem or listed


def activity_of(span: Span, candidates: list[Span], lex: FunctionLexicon) -> bool:
    """'training police dogs', 'the dog unit accounts for £360,000, mainly through joint training': the
    activity of another function named as its object or as the subject of its clause is that
    function's work, not a function of its own."""
    others = lex.activity_labels.get(span.label_)
    if not others:
        return False
    related = {t.i for t in span.root.subtree}
    verb = clause_verb(span.root)
    if verb is not None:
        related |= {t.i for s in subjects(verb) for t in s.subtree}
    return any(c.label_ in others and c.root.i in related for c in candidates if c != span)


def on_its_own(span: Span) -> bool:
    """'keeping enough firearms teams on our own': what a force does alone is a reason to share, not a
    function shared or kept."""
    verb = clause_verb(span.root)
    chain = [verb] if verb is not None else []
    while chain and chain[-1].dep_ in CHAIN and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return any(
        prep.dep_ == "prep" and prep.lower_ == "on" and any(w.lower_ == "own" for w in prep.subtree)
        for token in chain for prep in token.children
    )


def national_body(span: Span, lex: FunctionLexicon) -> bool:
    """A national body takes the function over ('A new National Police Service will take over
    counter-terrorism'): the subject of its verb is a national body, not the forces; or the function is part of
    a national thing ('common national standards for training', 'a national capability against terrorism')."""
    above = [t for t in list(span.root.ancestors)[:NATIONAL_REACH] if t.pos_ in {"NOUN", "PROPN"}]
    if any(c.dep_ == "amod" and c.lower_ in lex.national_modifiers for t in above for c in t.children):
        return True
    verb = clause_verb(span.root)
    if verb is None:
        return False
    return any(t.lower_ in lex.national_words and t.is_title for s in subjects(verb) for t in s.subtree)


NATIONAL_REACH = 3  # words above a function that may make it part of a national thing

LOSS_PREPOSITIONS = frozenset({"to", "in", "on", "of"})


def cut_or_frozen(span: Span, lex: FunctionLexicon) -> bool:
    """What is cut or frozen, not shared: 'cuts to police community support officers, call handlers and
    analysts', 'recruitment has already been frozen'; the object (or passive subject) of a word of loss,
    directly or through a preposition, the function or the phrase it is listed or compounded in."""
    word = span.root
    while word.dep_ in {"conj", "compound", "appos"} and word.head.i != word.i:
        word = word.head
    if word.dep_ == "nsubj":  # 'recruitment has been frozen', parsed as 'been' with the complement 'frozen'
        return any(  # 'support services are to be streamlined': the loss as the complement of 'be'
            c.dep_ in {"acomp", "xcomp"} and c.lemma_.lower() in lex.loss_governors for c in word.head.children
        )
    if word.dep_ == "pobj" and word.head.lower_ == "from" and word.head.head.lemma_.lower() in lex.source_verbs:
        return loss_subject(word.head.head, lex)  # 'the lost posts will come from neighbourhood policing'
    if word.dep_ == "pobj" and word.head.dep_ == "prep" and word.head.lower_ in LOSS_PREPOSITIONS:
        word = word.head  # 'cuts to', 'a reduction in', 'a freeze on'; not 'lost as back-office work is brought together'
    elif word.dep_ not in {"dobj", "nsubjpass"}:
        return False
    return word.head.lemma_.lower() in lex.loss_governors


def loss_subject(verb: Token, lex: FunctionLexicon) -> bool:
    """The verb's subject names a loss: 'the lost posts', 'the cuts', 'the reductions in staff'."""
    return any(
        t.lemma_.lower() in lex.loss_governors or t.lower_ == "lost"
        for s in subjects(verb) for t in s.subtree
    )


def work_of_people(span: Span, lex: FunctionLexicon) -> bool:
    """'44 members of staff who provide back-office support': a relative clause on people says what they
    do, not what forces share."""
    verb = clause_verb(span.root)
    return (
        verb is not None and verb.dep_ == "relcl" and verb.head.lemma_.lower() in lex.worker_nouns
    )

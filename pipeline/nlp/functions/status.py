"""Status of a function mention: ``shared``, ``proposed`` or ``excluded``, from the words that govern it.

- excluded: the function stays with each force ("remain with each force", "not be included", "kept
  out of", "handled separately", "every department except custody", "excluded from the review");
- proposed: a plan word governs it ("look at", "a business case for", "could", "whether", "likely to
  be combined", "still to be brought together", "is due to pick up ... later");
- shared otherwise.

The walk from the function up its governors stops at a verb joined to the one above as a clause of
its own (conj, parataxis, advcl, relcl), so "X will not join the unit, but has agreed to look at
sharing Y" does not exclude Y. Plan words also reach down through clauses with no subject of their
own ("a business case was drawn up to bring HR together", "will be examined"), since the plan is the
frame of everything it spans; the exclusion words do not.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.candidates import is_exception
from pipeline.nlp.functions.lexicon import FunctionLexicon
from pipeline.nlp.functions.scope import subjects

# the complements of a verb that say where a function stays ('remain with each force')
COMPLEMENTS = {"prep", "attr", "acomp", "dobj", "advmod", "npadvmod", "oprd", "prt", "xcomp"}
CLAUSE_LINKS = {"conj", "parataxis", "advcl", "relcl"}
CLAUSES = CLAUSE_LINKS | {"ccomp", "cc"}  # children that are clauses of their own, not qualifiers
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "csubjpass"}
QUALIFIERS = {"aux", "auxpass", "mark", "advmod", "neg", "npadvmod", "prt", "acomp", "amod", "compound", "det"}
NON_FINITE = {"xcomp", "advcl", "relcl", "acl", "pcomp", "conj"}


def governors(token: Token) -> list[Token]:
    """The token and the words that govern it, up to the verb of its own clause."""
    path = [token]
    while token.head.i != token.i:
        if token.pos_ in {"VERB", "AUX"} and token.dep_ in CLAUSE_LINKS:
            break
        token = token.head
        path.append(token)
    return path


def frame(token: Token) -> list[Token]:
    """The governors, continued through clauses with no subject of their own: 'drawn up to bring HR
    together', 'including back-office functions, will be examined', 'working on arrangements to share'."""
    path = governors(token)
    top = path[-1]
    while top.head.i != top.i and top.dep_ in NON_FINITE and not has_subject(top):
        top = top.head
        path.extend(governors(top))
        top = path[-1]
    return path


def has_subject(token: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)


def status(span: Span, proposed: set[int], lex: FunctionLexicon) -> str:
    """shared, proposed or excluded, from the words that govern the function."""
    path = governors(span.root)
    predicates = [c for t in path for c in t.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
                  and not has_subject(c)]  # '... and would remain with each force'
    own_words = set(range(span.start, span.end))  # 'continue to protect local policing' excludes nothing
    if any(excludes(t, own_words, lex) for t in (*path, *predicates)):
        return "excluded"
    chain = frame(span.root)
    if any(planned(t, proposed, below) for below, t in zip([None, *chain], chain, strict=False)):
        return "proposed"
    return "shared"


def planned(token: Token, proposed: set[int], below: Token | None = None) -> bool:
    """The governing word is a plan word, or has one among its qualifiers ('could', 'whether', 'if'), in
    its subject ('a business case for ...', 'the first area under review'), in 'according to' ('...,
    according to the outline business case'), as its object or attribute ('put together a business case
    for sharing custody', 'are the departments most likely to be combined') or, for a noun, in what it is
    about ('work on full business cases for joint professional standards'). When the function is in the
    subject, the verb's complement says what becomes of it ('Merging IT is expected to take longer'). A
    plan word on a branch of its own does not govern it ('following the success of the legal team, the
    forces agreed to consider extending the model to payroll')."""
    if token.i in proposed:
        return True
    in_subject = below is not None and below.dep_ in SUBJECTS
    for child in token.children:
        if child is below:
            continue
        if child.dep_ in SUBJECTS or child.dep_ == "attr" or (child.dep_ == "prep" and child.lower_ == "according"):
            if any(w.i in proposed and not in_relative_clause(w, child) for w in child.subtree):
                return True
        elif child.dep_ == "prep" and token.pos_ in {"NOUN", "PROPN"}:
            if any(w.i in proposed for o in child.children if o.dep_ == "pobj" for w in (o, *o.children)):
                return True
        elif child.dep_ in {"xcomp", "ccomp"} and in_subject:
            if any(w.i in proposed for w in (child, *child.children) if w.dep_ not in SUBJECTS):
                return True
        elif child.dep_ in QUALIFIERS | {"dobj"} and child.i in proposed:
            return True
    return False


def in_relative_clause(word: Token, top: Token) -> bool:
    """The word is in a relative clause below ``top``: 'the scientific services teams who examine crime
    scenes' describes the teams; its verb is no plan for the arrangement."""
    for above in (word, *word.ancestors):
        if above is top:
            return False
        if above.dep_ == "relcl":
            return True
    return False


def excludes(token: Token, own_words: set[int], lex: FunctionLexicon) -> bool:
    """'remain with each force', 'not be included', 'not part of', 'handled separately', 'kept out of'."""
    children = list(token.children)
    lemma = token.lemma_.lower()
    if lemma in lex.stay_verbs and stays_with_each(token, own_words, lex):
        return True
    negated = any(c.dep_ == "neg" for c in children)
    if negated and (lemma in lex.negated or any(c.lemma_.lower() in lex.negated for c in children if c.dep_ in COMPLEMENTS)):
        return True
    if lemma in lex.exclude_verbs and not negated:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in lex.adverbs for c in children):
        return True
    if token.dep_ == "prep" and token.i not in own_words and is_exception(token, lex):
        return True
    return any(c.dep_ in {"prt", "prep"} and c.lower_ in lex.particles.get(lemma, ()) for c in children)


def stays_with_each(verb: Token, own_words: set[int], lex: FunctionLexicon) -> bool:
    """'remain with each force', 'keep their own', 'each island will keep its own': a scope word among
    the verb's complements; 'its own' with a subject that is one force is that force's choice, not the
    partners' ('Derbyshire has decided to keep its own HR department')."""
    words = {w.lower_ for c in verb.children if c.dep_ in COMPLEMENTS for w in c.subtree if w.i not in own_words}
    scope = words & lex.scope_words
    if scope != {"own"} or not words & lex.single_owners:
        return bool(scope)
    return any(w.lower_ in lex.distributive for s in subjects(verb) for w in s.subtree)

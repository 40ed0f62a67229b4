"""Scope: the arrangements an article describes, and the sentences that announce them.

An article can describe two kinds of arrangement:

- between forces: the collaborations stage found one, or a sentence shares something between forces
  it names only by number ("the three forces will put together a business case for sharing custody");
- with a partner that is not a force: a private company, a joint venture, a contractor, the fire
  service ("G4S will run the force control room, custody and HR"; "handed much of its back office to
  a private firm"). Functions handed to such a partner are shared (contract, section 8).

A candidate belongs to the arrangement when its sentence announces it: a sharing cue ("share", "joint",
"merge"), the evidence of a collaboration the collaborations stage found, in a partner article also a
partner cue ("under the contract", "handed to") or a clause whose subject is the partner and whose verb
says who runs what ("they run the control room"); or when its sentence continues an announcing sentence
as a list (``lists``). Mentions in passing are dropped whatever the sentence (``passing``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon

SUBJECTS = {"nsubj", "nsubjpass"}
CHAIN = {"conj", "xcomp", "aux", "auxpass"}  # verbs that share the subject of the verb above them


def plural_forces(sent: Span, lex: FunctionLexicon) -> bool:
    """The sentence speaks of forces in the plural: 'the three forces', 'both forces', 'neighbouring forces'."""
    return any(
        token.lower_ in lex.force_nouns and any(c.lower_ in lex.plural_force_words or c.like_num for c in token.children)
        for token in sent
    )


def clause_verb(token: Token) -> Token | None:
    """The verb whose clause holds the token (the first verb above it, not a preposition such as
    'including'), if any."""
    for above in token.ancestors:
        if above.pos_ in {"VERB", "AUX"} and above.dep_ != "prep":
            return above
    return None


def subjects(verb: Token) -> list[Token]:
    """The verb's subjects, or those of the verb it is chained to ('G4S will run X and manage Y')."""
    while True:
        found = [c for c in verb.children if c.dep_ in SUBJECTS]
        if found or verb.dep_ not in CHAIN or verb.head.i == verb.i:
            return found
        verb = verb.head


def partner_clause(span: Span, lex: FunctionLexicon, forces: set[int]) -> bool:
    """The verb of the function's clause says who runs it, and that is a partner, not a force nor the
    police: 'G4S will run the force control room', 'It covers support services including payroll', 'They
    run custody and IT', 'work carried out by G4S' ('Police officers will still manage the control room'
    is the police's own work, 'the system will cover the control room' no one's)."""
    verb = clause_verb(span.root)
    if verb is None or verb.lemma_.lower() not in lex.partner_verbs:
        return False
    agents = [w for c in verb.children if c.dep_ == "agent" for w in c.children if w.dep_ == "pobj"]
    found = agents or ([] if passive(verb) else subjects(verb))
    return bool(found) and all(partner(s, lex, forces) for s in found)


def partner(subject: Token, lex: FunctionLexicon, forces: set[int]) -> bool:
    """A subject that can be the partner: a name that is not a force ('G4S'), a partner noun ('the
    company', 'the contract') or a pronoun standing for one ('it', 'they'); not a person ('he')."""
    if any(t.i in forces or t.lower_ in lex.police_subjects for t in subject.subtree):
        return False
    if subject.pos_ == "PRON":
        return subject.lower_ not in lex.personal_pronouns
    return subject.pos_ == "PROPN" or subject.lemma_.lower() in lex.partner_nouns


def passive(verb: Token) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def partner_sentence(span: Span, partner_words: set[int]) -> bool:
    """A partner cue in the function's sentence ('handed much of its back office to a private firm'), not
    the noun the function qualifies ('every major procurement contract' is a contract, not procurement)."""
    if not any(i in partner_words for i in range(span.sent.start, span.sent.end)):  # linear in the sentence
        return False
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    return head.i not in partner_words or head is span.root

"""Scope: whether a candidate is a function of an arrangement the article describes, or a mention in passing.

An article can describe two kinds of arrangement:

- between forces: the collaborations stage found one, or a sentence shares something between forces
  it names only by number ("the three forces will put together a business case for sharing custody");
- with a partner that is not a force: a private company, a joint venture, a contractor, the fire
  service ("G4S will run the force control room, custody and HR"; "handed much of its back office to
  a private firm"). Functions handed to such a partner are shared (contract, section 8).

A candidate belongs to the arrangement when its sentence announces it: a sharing cue ("share", "joint",
"merge"), the evidence of a collaboration the collaborations stage found, in a partner article also a
partner cue ("under the contract", "handed to") or a clause whose subject is not the police and whose
verb says who runs what ("they run the control room"); or when its sentence continues an announcing
sentence as a list: after a colon, a bullet, or a sentence that lists functions with "include",
"cover", "be among", "also be included" (contract, section 8).

A candidate is a mention in passing, whatever the sentence, when the force keeps it ("their own IT",
"separate briefing systems and IT in each force", "keeping enough firearms teams on our own"), when it
is a problem ("the cost of bringing together different personnel systems", "unresolved issues include
ICT"), an activity of another function ("training police dogs"), or handed to a national body rather
than shared between forces ("a new National Police Service will take over counter-terrorism").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon

LIST_REACH = 2  # how many sentences after the announcing one may continue it as a list
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


def national_body(span: Span, lex: FunctionLexicon) -> bool:
    """A national body takes the function over ('A new National Police Service will take over
    counter-terrorism'): the subject of its verb is a national body, not the forces."""
    verb = clause_verb(span.root)
    if verb is None:
        return False
    return any(t.lower_ in lex.national_words and t.is_title for s in subjects(verb) for t in s.subtree)


def continues_list(span: Span, previous: list[Span], announcing: set[int], labels: int,
                   lex: FunctionLexicon) -> Span | None:
    """The announcing sentence the function's sentence continues as a list, if any: the sentence before
    ends with a colon (bullets in between: that one is the list's lead), or the function's sentence
    lists functions with an inclusion verb or 'among' ('It covers payroll and vehicles', 'Estates will
    also be included', 'Administration, finance and HR are among the areas being examined'), or after a
    colon of its own ('The first area under review is protective services: major investigations, ...').
    ``labels``: how many function labels the sentence names."""
    sent = span.sent
    is_bullet = bullet(sent, lex) or bool(previous and bullet_mark(previous[-1], lex))
    previous = [s for s in previous if not bullet_mark(s, lex)]
    if is_bullet or (previous and ends_with_colon(previous[-1])):
        return list_lead(previous, lex)
    if not (listing(span, labels, lex) or colon_list(span, labels)):
        return None
    return next((s for s in reversed(previous[-LIST_REACH:]) if s.start in announcing), None)


def list_lead(previous: list[Span], lex: FunctionLexicon) -> Span | None:
    """The sentence a run of bullets hangs from: the one before the first bullet."""
    i = len(previous) - 1
    while i > 0 and bullet(previous[i], lex):
        i -= 1
    return previous[i] if i >= 0 else None


def ends_with_colon(sent: Span) -> bool:
    return sent.text.rstrip().endswith(":")


def bullet(sent: Span, lex: FunctionLexicon) -> bool:
    """The sentence is an item of a bulleted list ('- expanding the unit')."""
    return sent[0].text in lex.bullets


def bullet_mark(sent: Span, lex: FunctionLexicon) -> bool:
    """The parser cut the bullet mark off as a sentence of its own."""
    return all(t.text in lex.bullets or t.is_space for t in sent)


def listing(span: Span, labels: int, lex: FunctionLexicon) -> bool:
    """The sentence lists what the arrangement covers: two or more functions with 'among' or 'including'
    ('Administration, finance and HR are among the areas being examined'), or an inclusion verb whose
    subject is the function itself ('Estates will also be included'), the arrangement named by a pronoun
    ('It covers payroll and vehicles', 'This includes developing a tri-force model for ... contact
    management') or by a noun ('That programme will now concentrate on ...'); not what a thing includes
    ('The weapons recovered include three firearms', 'The system will cover the control room')."""
    if labels >= 2 and any(t.lower_ in lex.list_words for t in span.sent):
        return True
    verbs = [t for t in span.sent if t.lemma_.lower() in lex.list_verbs and t.pos_ in {"VERB", "AUX"}]
    return any(covers(verb, span, lex) for verb in verbs)


def covers(verb: Token, span: Span, lex: FunctionLexicon) -> bool:
    """The subject of an inclusion verb is the function or the arrangement ('it', 'the programme')."""
    for subject in subjects(verb):
        if span.root in subject.subtree:
            return True
        if subject.pos_ == "PRON" and subject.lower_ not in lex.personal_pronouns:
            return True
        if subject.lemma_.lower() in lex.arrangement_nouns | lex.partner_nouns:
            return True
    return False


def colon_list(span: Span, labels: int) -> bool:
    """Two or more functions listed after a colon, with no verb after it (not a quotation: 'said: "...'). """
    colons = [t.i for t in span.sent if t.text == ":" and t.i < span.start]
    if labels < 2 or not colons:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in span.doc[colons[-1] : span.sent.end])


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
    verb = clause_verb(span.root)
    for token in span.root.ancestors:
        if token.pos_ == "NOUN" and token.lemma_.lower() in lex.problem_words:
            return True
        if token is verb:
            break
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

"""Lists: a sentence with no sharing cue of its own that continues the sentence announcing an arrangement
(contract, section 8: "a list that follows the sentence announcing a collaboration belongs to it").

The continuation is structural (after a colon, a bullet) or an inclusion sentence whose subject is the
arrangement or the function ("It covers payroll and vehicles.", "Estates will also be included.",
"Administration, finance and HR are among the areas being examined."); it takes the status of the
sentence it continues.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from pipeline.nlp.functions.lexicon import FunctionLexicon
from pipeline.nlp.functions.scope import subjects

LIST_REACH = 3  # how many sentences after the announcing one may continue it as a list


def continues_list(span: Span, previous: list[Span], announcing: set[int], labels: int,
                   lex: FunctionLexicon) -> Span | None:
    """The announcing sentence the function's sentence continues as a list, if any: a bullet or the
    sentence after a colon continues the list's lead ('They cover three pieces of work:') when the lead
    announces the arrangement or follows a sentence that does; a sentence that lists functions with an
    inclusion verb or 'among' ('It covers payroll and vehicles', 'Estates will also be included',
    'Administration, finance and HR are among the areas being examined'), or after a colon of its own
    ('The first area under review is protective services: major investigations, ...'), continues an
    announcing sentence just before it. ``labels``: how many function labels the sentence names."""
    sent = span.sent
    is_bullet = bullet(sent, lex) or bool(previous and bullet_mark(previous[-1], lex))
    previous = [s for s in previous if not bullet_mark(s, lex)]
    if is_bullet or (previous and ends_with_colon(previous[-1])):
        lead = list_lead(previous, lex)
        if lead is None or lead.start in announcing:
            return lead
        if not ends_with_colon(lead):
            return None
        return announced(previous[: previous.index(lead) + 1], announcing)
    if not (listing(span, labels, lex) or colon_list(span, labels)):
        return None
    return announced(previous, announcing)


def announced(previous: list[Span], announcing: set[int]) -> Span | None:
    """The last announcing sentence among the last ``LIST_REACH`` sentences."""
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
    management') or by a noun ('That programme will now concentrate on ...', 'Its remit takes in ...');
    two or more functions as the object of an inclusion verb whose subject is not a person ('The new platform
    covers finance, human resources and payroll'); two or more functions as the object of any verb whose
    subject is the arrangement ('It will handle
    custody and case files'); the function is one of the arrangement's areas ('Air support was one of the areas under
    review'); not what a thing includes ('The weapons recovered include three firearms', 'The system will
    cover the control room')."""
    if labels >= 2 and any(t.lower_ in lex.list_words for t in span.sent):
        return True
    for verb in (t for t in span.sent if t.pos_ in {"VERB", "AUX"}):
        if verb_phrase(verb) in lex.list_verbs and (covers(verb, span, lex) or thing_lists(verb, span, labels, lex)):
            return True
        if labels >= 2 and object_of(span, verb) and any(arrangement(s, lex) for s in subjects(verb)):
            return True
        if one_of(verb, span, lex):
            return True
    return False


def verb_phrase(verb: Token) -> str:
    """A verb's lemma with its particle, if it has one ('take in'), else its lemma alone ('cover')."""
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    return f"{lemma} {particle}" if particle else lemma


def covers(verb: Token, span: Span, lex: FunctionLexicon) -> bool:
    """The subject of an inclusion verb is the function or the arrangement ('it', 'the programme')."""
    return any(span.root in subject.subtree or arrangement(subject, lex) for subject in subjects(verb))


def thing_lists(verb: Token, span: Span, labels: int, lex: FunctionLexicon) -> bool:
    """Two or more functions as the object of an inclusion verb whose subject is no person: what the
    announced arrangement's thing covers ('The new platform covers finance, human resources and payroll');
    one function is too little to tell a list from a thing ('The system will cover the control room')."""
    return labels >= 2 and object_of(span, verb) and not any(
        s.ent_type_ == "PERSON" or s.lower_ in lex.personal_pronouns for s in subjects(verb)
    )


def arrangement(subject: Token, lex: FunctionLexicon) -> bool:
    """A subject that names the arrangement: a pronoun that is not a person ('it'), an arrangement noun
    ('the programme', 'the contract') or a noun the arrangement owns ('Its remit', 'Their work')."""
    if subject.pos_ == "PRON":  # 'IT' parsed as a pronoun is a function, not the arrangement
        return subject.lower_ not in lex.personal_pronouns and not subject.is_upper
    if subject.lemma_.lower() in lex.arrangement_nouns | lex.partner_nouns:
        return True
    return any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in lex.arrangement_possessives for c in subject.children)


def object_of(span: Span, verb: Token) -> bool:
    """The function (or the list it is part of) is the verb's object, directly or through a preposition
    ('It will handle custody and case files', 'It brings HR into ...'), not a word deeper in the clause
    ('a review found that many were too small to provide counter-terrorism')."""
    word = span.root
    while word.dep_ in {"conj", "compound", "appos", "nmod"} and word.head.i != word.i:
        word = word.head
    if word.dep_ == "pobj" and word.head.dep_ == "prep":
        word = word.head
    return word.head.i == verb.i and word.dep_ in {"dobj", "prep"}


def one_of(verb: Token, span: Span, lex: FunctionLexicon) -> bool:
    """The function, as the subject of 'be', is one of the arrangement's areas ('Air support was one of a
    number of areas under review', 'Custody is part of the plan')."""
    if verb.lemma_.lower() != "be" or not any(span.root in s.subtree for s in subjects(verb)):
        return False
    return any(
        c.dep_ == "attr" and c.lemma_.lower() in lex.part_words
        and any(w.lemma_.lower() in lex.arrangement_nouns for w in c.subtree if w.i != c.i)
        for c in verb.children
    )


def colon_list(span: Span, labels: int) -> bool:
    """Two or more functions listed after a colon, with no verb after it (not a quotation: 'said: "...'). """
    colons = [t.i for t in span.sent if t.text == ":" and t.i < span.start]
    if labels < 2 or not colons:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in span.doc[colons[-1] : span.sent.end])

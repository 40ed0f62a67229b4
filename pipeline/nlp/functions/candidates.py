"""Candidates: every place the article names a policing function, before any context is read.

Names come from the lexicon: core terms ("custody", "firearms licensing"), core terms that name a
function only with a unit noun after them ("technology department", "resilience team"), verb forms
("countering terrorism", "policing the roads") and abbreviations ("IT", "HR"). A candidate is dropped
only when its own words say it is something else: part of a job title ("director of finance"), a
thing rather than a function ("firearms traffickers", "remanded in custody", "drugs detection dogs"),
or the second word of one unit's name ("Counter Terrorism Intelligence Unit" is counter-terrorism).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import DependencyMatcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from pipeline.nlp.functions.lexicon import FunctionLexicon

CORE, LISTED, ABBREVIATION, VERB = "core", "listed", "abbreviation", "verb"


def phrase_forms(phrase: str, no_plural: frozenset[str] = frozenset()) -> set[str]:
    """A phrase and its plural with a final 's' ('custody suite', 'custody suites'), unless the plural is
    another word ('finances' are money, not the finance function)."""
    return {phrase, phrase + "s"} if not (phrase.endswith("s") or phrase in no_plural) else {phrase}


def headed_forms(cores: tuple[str, ...], heads: tuple[str, ...]) -> set[str]:
    """Every core term followed by a unit noun ('technology department', 'resilience teams')."""
    return {form for core in cores for head in heads for form in phrase_forms(f"{core} {head}")}


def build_matchers(nlp: Language, lex: FunctionLexicon) -> dict[str, PhraseMatcher | DependencyMatcher]:
    """The matchers of the lexicon: phrases (any case), abbreviations (as written), verb forms (parse)."""
    phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, terms in lex.functions.items():
        forms = {form for term in terms for form in phrase_forms(term, lex.no_plural)}
        forms |= headed_forms(lex.headed.get(label, ()), lex.heads)
        phrases.add(label, [nlp.make_doc(p) for p in sorted(forms)])
    for label, terms in lex.headed.items():
        if label not in lex.functions:
            phrases.add(label, [nlp.make_doc(p) for p in sorted(headed_forms(terms, lex.heads))])
    listed = PhraseMatcher(nlp.vocab, attr="LOWER")
    for label, terms in lex.listed.items():
        listed.add(label, [nlp.make_doc(p) for term in terms for p in sorted(phrase_forms(term))])
    abbreviations = PhraseMatcher(nlp.vocab, attr="ORTH")
    for label, terms in lex.case_sensitive.items():
        abbreviations.add(label, [nlp.make_doc(p) for p in terms])
    verbs = DependencyMatcher(nlp.vocab)
    for label, pairs in lex.verb_objects.items():
        verbs.add(label, [verb_object_pattern(verb, objects) for verb, *objects in pairs])
    return {CORE: phrases, LISTED: listed, ABBREVIATION: abbreviations, VERB: verbs}


def verb_object_pattern(verb: str, objects: list[str]) -> list[dict]:
    """A verb and its direct object: 'countering terrorism', 'policing the strategic road network'."""
    return [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": verb, "POS": {"IN": ["VERB", "NOUN"]}}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object",
         "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "compound", "pobj"]}, "LEMMA": {"IN": objects}}},
    ]


def find_candidates(doc: Doc, matchers: dict, lex: FunctionLexicon) -> list[Span]:
    """Every function name of the doc, longest match first, less those their own words rule out."""
    strings = doc.vocab.strings
    found = [Span(doc, s, e, label=m) for name in (CORE, ABBREVIATION) for m, s, e in matchers[name](doc)]
    for match_id, (verb, obj) in matchers[VERB](doc):
        found.append(Span(doc, min(verb, obj), max(verb, obj) + 1, label=strings[match_id]))
    listed = [Span(doc, s, e, label=m) for m, s, e in matchers[LISTED](doc)]
    spans = [s for s in filter_spans(found + listed) if not blocked(s, lex)]
    spans = [s for i, s in enumerate(spans) if not (i and unit_name_tail(spans[i - 1], s))]
    only_in_lists = {(s.start, s.end) for s in listed}
    return [s for s in spans if (s.start, s.end) not in only_in_lists or in_list(s, spans)]


def in_list(span: Span, spans: list[Span]) -> bool:
    """'pool technology, procurement and back-office functions', 'a helicopter and dogs': a word that names
    a function only among others ('technology', 'premises') is coordinated with one."""
    conjuncts = {t.i for t in span.root.conjuncts}
    return any(other.root.i in conjuncts for other in spans if other is not span)


def blocked(span: Span, lex: FunctionLexicon) -> bool:
    """'firearms traffickers', 'firearms and shotgun certificates', 'remanded in custody', 'director of
    finance': the words around the match make it a thing, a place or a title, not a function."""
    doc = span.doc
    after = noun_after(span)
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    excepted = span.start > 0 and is_exception(doc[span.start - 1], lex)  # 'apart from custody' is a function
    last, first = span[-1].lower_, span[0].lower_
    if last in lex.noun_only and span[-1].pos_ != "NOUN":
        return True  # 'Building Safer Communities' is no building
    if after in lex.blocked_after.get(last, ()) or (before in lex.blocked_before.get(first, ()) and not excepted):
        return True
    if span.end < len(doc) and doc[span.end].lower_ in lex.title_after:
        return True
    two_before = tuple(t.lower_ for t in doc[max(0, span.start - 2) : span.start])
    if last in lex.counted_things and counted(span.root, lex):
        return True  # 'three firearms' are weapons, 'more dogs than one area can provide' animals
    return thing(span, lex) or event(span, lex) or two_before in lex.title_before


def counted(word: Token, lex: FunctionLexicon) -> bool:
    """The word has a number or a quantity word ('three firearms', 'more dogs', 'several dogs')."""
    return any(c.dep_ == "nummod" or (c.dep_ in {"amod", "det"} and c.lower_ in lex.quantity_words)
               for c in word.children)


def thing(span: Span, lex: FunctionLexicon) -> bool:
    """'seized firearms', 'firearms were recovered', 'allocating firearms', 'pay for modern technology and
    forensic science': what is seized, found, handed out or bought (the word or the one it is listed with)
    is a thing, not a function; 'intelligence-led' and 'tasked by intelligence' say how a unit works."""
    root = span.root
    if root.dep_ == "npadvmod" and root.head.lemma_.lower() in lex.manner_heads:
        return True  # 'an intelligence-led unit'
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return True  # 'tasked by intelligence'
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    if root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_.lower() in lex.thing_verbs:
        return True
    prep = root.head
    bought = root.dep_ == "pobj" and prep.lower_ in lex.bought_with.get(prep.head.lemma_.lower(), ())
    return bought and not any(t.lower_ in lex.apart_scopes for t in root.subtree)  # 'pay for a joint custody suite'


def event(span: Span, lex: FunctionLexicon) -> bool:
    """'the murder inquiry', 'a murder', 'the murders of two men': cases, not the function of investigating
    them ('murder investigation teams', 'investigating murders', 'the Murder Investigation Team' are)."""
    head = span.root
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head
    if head.lemma_.lower() not in lex.event_nouns or head.is_title:
        return False
    definite = any(c.dep_ == "det" and c.lower_ in {"the", "a", "an", "this", "that", "these", "those"}
                   for c in head.children)
    of_whom = any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
    return definite and (head.tag_ == "NN" or of_whom)


def noun_after(span: Span) -> str:
    """The word the match qualifies: the next word, or the head noun after a coordinated modifier
    ('firearms and shotgun certificates': certificates)."""
    doc = span.doc
    if span.end >= len(doc):
        return ""
    nxt = doc[span.end]
    root = span.root
    if nxt.lower_ in {"and", "or", ","} and root.dep_ in {"compound", "amod", "nmod"} and root.head.i >= span.end:
        return root.head.lower_
    return nxt.lower_


def unit_name_tail(previous: Span, span: Span) -> bool:
    """'Counter Terrorism Intelligence Unit': two names side by side, with nothing between them, in one
    capitalised name are one unit, named by the first."""
    if previous.end != span.start:
        return False
    return all(t.is_title or t.is_upper for t in (*previous, *span))


def is_exception(prep: Token, lex: FunctionLexicon) -> bool:
    """'every department except custody', 'apart from', 'other than', 'with the exception of'."""
    if prep.lower_ in lex.except_words:
        return True
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return bool({prep.head.lower_, before} & lex.except_phrases.get(prep.lower_, frozenset()))

"""Rules of the forces stage that read an area name as an actor of its sentence, not a place: it speaks
('West Mercia says the result would be far too big'), an appositive calls it a force ('Kent, his home
force, is using predictive policing software'), or it is the place a sentence opens with, for a post of
that place's force ('In Hampshire, commissioner Simon Hayes has said ...'). Pure functions over a
candidate span and its cue words.
"""

from __future__ import annotations

from spacy.tokens import Span

from pipeline.nlp.force_areas import list_head

MAX_APPOSITIVE = 4  # words of a set-off phrase that names an area a force: ', his home force,'


def speaks(span: Span, speech_verbs: frozenset[str]) -> bool:
    """The area is the whole subject of a verb of speech: a force says, a place does not ('West Mercia says',
    not 'City of York Council said')."""
    token = list_head(span.root)
    alone = token.right_edge.i < span.end
    return alone and token.dep_ == "nsubj" and token.head.lemma_.lower() in speech_verbs


def called_a_force(span: Span, force_nouns: frozenset[str]) -> bool:
    """A set-off phrase right after the area ends in a force noun: 'Kent, his home force,', 'Gwent – the
    smallest force –'."""
    doc = span.doc
    i = span.end
    if i >= len(doc) or doc[i].text not in {",", "–", "—", "("}:
        return False
    phrase = doc[i + 1 : min(len(doc), i + 1 + MAX_APPOSITIVE + 1)]
    for token in phrase:
        if token.text in {",", "–", "—", ")", "."}:
            return token.i > i + 1 and doc[token.i - 1].lemma_.lower() in force_nouns
    return False


def fronted_for_a_post(span: Span, posts: frozenset[str]) -> bool:
    """The sentence opens with 'In AREA,' and its clause names one of ``posts`` (lemmas: 'commissioner',
    'force', or 'chief constable' when written 'chief' and one of them) owned by no other place: the post is
    that area's force's ('In Cumbria, where the commissioner's change programme ...', not 'In Kent, a man
    was arrested' nor 'In Kent, the Essex commissioner ...')."""
    doc, sent = span.doc, span.sent
    before = doc[span.start - 1] if span.start > sent.start else None
    if before is None or before.i != sent.start or before.lower_ != "in":
        return False
    if span.end >= sent.end or doc[span.end].text != ",":
        return False
    for token in doc[span.end + 1 : sent.end]:
        lemma = token.lemma_.lower()
        if lemma == "constable" and token.i > 0 and doc[token.i - 1].lower_ != "chief":
            continue
        if lemma in posts and not any(c.dep_ in {"poss", "compound"} and c.pos_ == "PROPN" for c in token.children):
            return True
    return False

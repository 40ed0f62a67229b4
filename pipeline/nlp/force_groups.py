"""Rules of the forces stage that read an area name's sentence, its grammar or the whole article.

Pure functions; cue words come in ``force_areas.AreaCues``. An area name (or the list it is in) is
a force mention when:

- its sentence counts a group of forces: "all five forces in the region: Derbyshire, Leicestershire,
  ...", "Kent, Hampshire and Thames Valley will stay as they are" after "the five East Midlands
  forces", "... and Cumbria £1m, across the five forces" (``counted_group``); an area that is only
  the place something happens in ("in Kent", "across Essex") is left out (``is_place``);
- a noun of collaboration governs it: "partnerships between Kent and Essex and between Beds and
  Herts", "the merger of Cumbria and Lancashire", "its relationship with Cambridgeshire", "the
  Cumbria and Lancashire deal"; or a single force covers it or is formed with it: "a single force
  covering Norfolk, Suffolk and Cambridgeshire", "form a single force with Hertfordshire"
  (``governed_by_collaboration``);
- a force noun is it, or it is a force noun: "the forces with most redundancies were Sussex,
  South Yorkshire and West Midlands" (``named_by_copula``);
- it is the subject of a verb that leads to a collaboration verb or to a joint thing: "Essex and
  Kent were looking at working together", "had both wanted to merge", "run a joint Major Crime Unit"
  (``joins_by_verb_chain``);
- it sits in a list of three or more areas, two of which the article confirms as forces elsewhere
  (``propagated``).

Guards: an area inside a longer proper name is no mention ("Steve Kent", "Welwyn Garden City":
``inside_longer_name``), and a force mentioned in an article published before the force was formed
is no mention of it ("Scotland's police" in 2010 is not Police Scotland: ``formed_by``).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from spacy.tokens import Doc, Span, Token

from pipeline.nlp.force_areas import AreaCues, list_head

COUNT_WINDOW = 4  # tokens between a count and the force noun it counts ('all five East Midlands forces')
VAGUE_COUNT_LINKS = frozenset({"or", "to"})  # 'one or two forces', 'two to three forces': no group named
PROPAGATE_MIN_LIST = 3
PROPAGATE_MIN_CONFIRMED = 2
FORCE_NOUNS = frozenset({"force", "forces", "constabulary", "constabularies"})


def count_value(token: Token, cues: AreaCues) -> int | None:
    """The number a count word or figure stands for ('five', 'both', '43'), if any."""
    if token.lower_ in cues.numbers:
        return cues.numbers[token.lower_]
    return int(token.text) if token.text.isdigit() else None


def counted_group(sent: Span, cues: AreaCues) -> bool:
    """The sentence names a counted group of forces: 'the two forces', 'all five forces', 'both constabularies'.

    The count is two or more, definite ('one or two forces' names no group) and part of the force noun's
    phrase ('saving £2m across the forces' counts none)."""
    doc = sent.doc
    for head in (t for t in sent if t.lower_ in cues.list_heads and t.lower_ != "force"):
        for i in range(max(sent.start, head.i - COUNT_WINDOW), head.i):
            value = count_value(doc[i], cues)
            vague = (i > sent.start and doc[i - 1].lower_ in VAGUE_COUNT_LINKS) or (
                i + 1 < head.i and doc[i + 1].lower_ in VAGUE_COUNT_LINKS
            )
            if value is not None and value >= 2 and not vague and head.is_ancestor(doc[i]):
                return True
    return False


def is_place(span: Span, cues: AreaCues) -> bool:
    """The area (or its list) is where something happens or someone comes from: 'patrols in Kent', 'across
    Essex and Suffolk', 'tourists visiting Kent', 'storms hit Cumbria', 'a man from Kent', 'the people of Kent'."""
    token = list_head(span.root)
    if token.dep_ == "pobj":
        preposition = token.head
        return preposition.lower_ in cues.place_words or (
            preposition.lower_ in cues.origin_words and preposition.head.pos_ in {"NOUN", "PROPN"}
        )
    return token.dep_ == "dobj" and token.head.lemma_.lower() in cues.place_words


def is_collaboration_noun(token: Token, cues: AreaCues) -> bool:
    """'partnership', 'partnerships', 'talks' (whose lemma is 'talk')."""
    return token.lower_ in cues.collaboration_nouns or token.lemma_.lower() in cues.collaboration_nouns


def _is_joint_force(noun: Token, cues: AreaCues) -> bool:
    """'a single force', 'a combined force', 'one joint service'."""
    return noun.lower_ in FORCE_NOUNS and any(c.dep_ == "amod" and c.lower_ in cues.joint_words for c in noun.children)


def governed_by_collaboration(span: Span, cues: AreaCues) -> bool:
    """A noun of collaboration or a single force governs the area (see the module docstring)."""
    token = list_head(span.root)
    if token.dep_ in {"compound", "nmod", "poss"}:
        return is_collaboration_noun(token.head, cues)
    if token.dep_ == "dobj" and token.head.lemma_.lower() in cues.coverage_verbs:
        return token.head.head.lower_ in FORCE_NOUNS and token.head.dep_ in {"acl", "relcl"}
    if token.dep_ != "pobj":
        return False
    preposition = list_head(token.head)
    if preposition.dep_ == "pobj":  # '... between Kent and Essex and between Beds and Herts': 'between' joins 'Kent'
        preposition = preposition.head
    if preposition.lower_ not in cues.collaboration_prepositions:
        return False
    governor = preposition.head
    if is_collaboration_noun(governor, cues) or _is_joint_force(governor, cues):
        return True
    if preposition.lower_ == "with" and governor.pos_ in {"VERB", "AUX"}:  # 'form a single force with Herts'
        return any(c.dep_ == "dobj" and _is_joint_force(c, cues) for c in governor.children)
    return False


def examples_of_forces(span: Span) -> bool:
    """The area (or its list) names forces just mentioned as a group: in apposition ('neighbouring forces, Thames
    Valley in particular') or after 'such as' ('neighbouring forces such as Kent and Essex')."""
    token = list_head(span.root)
    if token.dep_ == "appos":
        return token.head.lower_ in FORCE_NOUNS
    such = token.head
    if token.dep_ == "pobj" and such.lower_ == "as" and any(c.lower_ == "such" for c in (*such.children, *such.head.children)):
        return such.head.lower_ in FORCE_NOUNS
    return False


def _joint_or_collaboration(noun: Token, cues: AreaCues) -> bool:
    """'a joint unit', 'a shared dog section', 'an alliance', 'a strategic partnership'."""
    return is_collaboration_noun(noun, cues) or any(m.lower_ in cues.joint_words for m in noun.children if m.dep_ == "amod")


def joins_by_verb_chain(span: Span, cues: AreaCues) -> bool:
    """The area (or its list) is the subject of a verb, or has a relative clause whose verb, leads through
    infinitives and gerunds to a collaboration verb, or whose object is joint or a collaboration: 'were looking
    at working together', 'wanted to merge', 'run a joint unit', 'Durham and Cleveland, which already run a
    shared dog unit', 'have entered an alliance', 'embarked on a strategic alliance'."""
    token = list_head(span.root)
    verbs = [c for c in token.children if c.dep_ == "relcl"]
    if token.dep_ in {"nsubj", "nsubjpass"}:
        verbs.append(token.head)
    frontier, seen = verbs, set()
    while frontier:
        verb = frontier.pop()
        if verb.i in seen:
            continue
        seen.add(verb.i)
        if verb.lemma_.lower() in cues.collaboration_verbs:
            return True
        for child in verb.children:
            if child.dep_ in {"xcomp", "pcomp"}:
                frontier.append(child)
            elif child.dep_ == "prep":
                frontier += [g for g in child.children if g.dep_ == "pcomp"]
                if any(g.dep_ == "pobj" and _joint_or_collaboration(g, cues) for g in child.children):
                    return True
            elif child.dep_ == "dobj" and _joint_or_collaboration(child, cues):
                return True
    return False


def named_by_copula(span: Span, cues: AreaCues) -> bool:
    """The area (or its list, items in brackets between) is what a force noun is, or the other way round:
    'the forces with the most redundancies were Sussex (12 per cent), South Yorkshire and West Midlands',
    'Kent, Essex and Surrey are the forces involved'."""
    token = span.root
    while token.dep_ in {"conj", "appos"} and token.head is not token:
        token = token.head
    verb = token.head
    if verb.lemma_ != "be" or token is verb:
        return False
    if token.dep_ in {"attr", "acomp"}:
        return any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in cues.list_heads for c in verb.children)
    if token.dep_ == "nsubj":
        return any(c.dep_ == "attr" and c.lower_ in cues.list_heads for c in verb.children)
    return False


def propagated(pending: Iterable[list[Span]], confirmed: set[str]) -> list[Span]:
    """The areas of each unconfirmed list of three or more whose forces, two at least, the article
    confirms elsewhere: 'Cumbria, Lancashire, Cheshire and Merseyside together'."""
    out: list[Span] = []
    for group in pending:
        areas = [s for s in group if s.label_ == "AREA"]
        if len(areas) >= PROPAGATE_MIN_LIST and sum(s.kb_id_ in confirmed for s in areas) >= PROPAGATE_MIN_CONFIRMED:
            out += areas
    return out


def inside_longer_name(doc: Doc, span: Span, taken: set[int]) -> bool:
    """The area ends a longer proper name: a surname ('Steve Kent') or a place ('Welwyn Garden City').

    Read from the named entity the area continues (the area is not its first word) when the word
    before it is a capitalised proper noun outside every candidate span (``taken``): 'Cumbria and Lancashire' is a
    list, 'The Cumbria-Lancashire merger' no name."""
    if span.start == 0 or doc[span.start].ent_iob_ != "I":
        return False
    before = doc[span.start - 1]
    return before.pos_ == "PROPN" and before.text[:1].isupper() and before.i not in taken


def formed_by(mention: Span, established: dict[str, date], published: date | None) -> bool:
    """Whether the force existed when the article was published ('Police Scotland' exists from 1 April 2013).

    An article with no date keeps every mention."""
    formed = established.get(mention.kb_id_)
    return formed is None or published is None or published >= formed

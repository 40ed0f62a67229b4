"""Rules of the forces stage that read the words right around an area name ("Kent", "North Yorkshire").

Pure functions over a Doc and candidate spans; the cue words come in an ``AreaCues`` built from
``models/force_context.json`` and ``models/words.json``. An area name is a force mention when:

- a force word follows it: "the Cleveland force", "Kent's chief constable", "Durham's acting police
  and crime commissioner" (``cued_after``), or its possessive stands before a person's name:
  "Essex's Roger Hirst" (``owns_a_person``);
- a role and a preposition, or a phrase, come before it: "the PCC for Kent", "on behalf of Sussex",
  "colleagues in Bedfordshire" (``cued_before``);
- it opens a list after a force noun: "the four Welsh forces - Dyfed-Powys, Gwent, ..."
  (``listed_after_forces``);
- it (or its list) is subject or object of a collaboration verb (or of a verb with "together": "brings
  together Beds and Herts"), or the object of "with" or "alongside" after one: "Kent and Essex will share",
  "working with Suffolk" (``collaborates``);
- a line holds nothing but area names: a heading of a round-up, or an item of a plain list (``is_heading``),
  or two or more lines open with area names and a colon: the labelled items of a round-up ("Kent: £61m cut
  from its budget", ``labelled_items``);
- it is the place of a person listed after a plural title (``person_list_places``).

Rules that read the whole sentence or the article are in ``force_groups``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from pipeline.gazetteer import words


@dataclass(frozen=True)
class AreaCues:
    """Every cue word the area rules read, as lower-case sets and token tuples."""

    after: tuple[tuple[str, ...], ...]
    before_roles: frozenset[str]
    before_prepositions: frozenset[str]
    before_phrases: tuple[tuple[str, ...], ...]
    role_modifiers: frozenset[str]
    possessives: frozenset[str]
    list_joiners: frozenset[str]
    list_heads: frozenset[str]
    list_openers: frozenset[str]
    collaboration_verbs: frozenset[str]
    collaboration_prepositions: frozenset[str]
    collaboration_nouns: frozenset[str]
    coverage_verbs: frozenset[str]
    joint_words: frozenset[str]
    place_words: frozenset[str]
    origin_words: frozenset[str]
    numbers: dict[str, int]
    person_list_openers: frozenset[str]
    person_list_joiners: frozenset[str]
    person_place_prepositions: frozenset[str]
    speech_verbs: frozenset[str] = frozenset()  # an area that speaks is a force ('West Mercia says')
    force_nouns: frozenset[str] = frozenset()  # an appositive ending in one calls the area a force
    fronted_posts: frozenset[str] = frozenset()  # 'In Hampshire, commissioner X': a post of the area's force

    @staticmethod
    def phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(words(p)) for p in items)


def candidate_lists(doc: Doc, spans: list[Span], cues: AreaCues) -> list[list[Span]]:
    """Group candidate spans that form one list ("Herts, Beds and Cambs"); keep the groups with an area name."""
    groups: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: s.start):
        if groups:
            gap = doc[groups[-1][-1].end : span.start]
            if all(t.lower_ in cues.list_joiners or t.lower_ == "the" for t in gap) and len(gap) <= 3:
                groups[-1].append(span)
                continue
        groups.append([span])
    return [g for g in groups if any(s.label_ == "AREA" for s in g)]


def cued_after(doc: Doc, span: Span, cues: AreaCues) -> bool:
    """'Kent's chief constable', 'Durham's acting police and crime commissioner', 'the West Yorkshire federation'."""
    i = span.end
    if i < len(doc) and doc[i].lower_ in cues.possessives:
        i += 1
    while i < len(doc) and doc[i].lower_ in cues.role_modifiers:
        i += 1
    following = [t.lower_ for t in doc[i : i + 6]]
    return any(following[: len(cue)] == list(cue) for cue in cues.after)


def owns_a_person(doc: Doc, span: Span, cues: AreaCues) -> bool:
    """The area's possessive stands before a person's name: 'Essex's Roger Hirst' (an official of the force;
    the name is a named entity of two or three words)."""
    i = span.end
    if i + 2 >= len(doc) or doc[i].lower_ not in cues.possessives or doc[i + 1].ent_iob_ != "B":
        return False
    if doc[i + 1].ent_type_ != "PERSON":
        return False
    end = i + 2
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return 2 <= end - (i + 1) <= 3


def cued_before(doc: Doc, span: Span, cues: AreaCues) -> bool:
    """'the PCC for Kent', 'the constabularies in Kent', 'on behalf of Sussex', 'colleagues in Essex'."""
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i >= 1 and doc[i].lower_ in cues.before_prepositions and doc[i - 1].lower_ in cues.before_roles:
        return True
    before = tuple(t.lower_ for t in doc[max(0, span.start - 6) : span.start])
    return any(before[len(before) - len(phrase) :] == phrase for phrase in cues.before_phrases)


LIST_HEAD_REACH = 8  # tokens before a list's dash or colon in which its force noun may stand


def listed_after_forces(doc: Doc, span: Span, cues: AreaCues) -> bool:
    """A list opened by a dash or colon after a force noun of its clause: 'the four Welsh forces - Dyfed-Powys,
    Gwent, ...', 'each of the forces that staff and fund it: Avon and Somerset, Devon and Cornwall, ...'."""
    i = span.start - 1
    if i < 1 or doc[i].text not in cues.list_openers:
        return False
    window = doc[max(doc[i].sent.start, i - LIST_HEAD_REACH) : i]
    return any(t.lower_ in cues.list_heads for t in window)


def list_head(token: Token) -> Token:
    """The first item of the coordination ``token`` is in ('Essex' for 'Kent' in 'Essex and Kent')."""
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    return token


def collaborates(span: Span, cues: AreaCues) -> bool:
    """The area (or the list it is in) is subject or object of a collaboration verb, or the object of a
    preposition of company after one, or the agent of one in the passive: 'Kent and Essex will share', 'joining
    Leics', 'working with Suffolk', 'Beds and Herts work alongside Cambs', 'units shared by Beds, Cambs and Herts'."""
    token = list_head(span.root)
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"}:
        return joins(token.head, cues)
    if token.dep_ == "pobj" and token.head.lower_ in {"with", "alongside"}:
        return joins(token.head.head, cues)
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return joins(token.head.head, cues)
    return False


def joins(verb: Token, cues: AreaCues) -> bool:
    """A collaboration verb, or any verb with the particle 'together' ('brings together Beds, Cambs and Herts')."""
    return verb.lemma_.lower() in cues.collaboration_verbs or any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == "together" for c in verb.children
    )


BULLETS = frozenset({"-", "–", "•", "*", "·", "▪"})
LINE_END_PUNCTUATION = frozenset({".", ",", ";"})


def is_heading(doc: Doc, group: list[Span]) -> bool:
    """A line that is nothing but area names: a section heading of a round-up ('Kent and Essex'), or a bulleted
    item of a list ('- Derbyshire', '• Kent and Essex;'). Only a bulleted item may end in punctuation: a line
    'Kent.' may be the end of a sentence broken across lines."""
    start, end = group[0].start, group[-1].end
    if start > 0 and doc[start - 1].text in BULLETS:
        start -= 1
        if end < len(doc) and doc[end].text in LINE_END_PUNCTUATION:
            end += 1
    line_start = start == 0 or "\n" in doc[start - 1].text
    line_end = end == len(doc) or "\n" in doc[end].text
    return line_start and line_end


def labelled_items(doc: Doc, groups: list[list[Span]]) -> set[int]:
    """The starts of the groups that label a line of a round-up: each opens its line and a colon follows it
    ('Kent: £61m cut from its budget' / '- Merseyside: £47.5m between ...', a bullet may open it). One such line alone may be a
    furniture label or a place in a dateline, so it takes two or more in the article."""
    starts = set()
    for group in groups:
        start, end = group[0].start, group[-1].end
        opener = start - 1 if start > 0 and doc[start - 1].text in BULLETS else start  # '- Kent: £61m'
        line_start = opener == 0 or "\n" in doc[opener - 1].text
        if line_start and end < len(doc) and doc[end].text == ":":
            starts.add(start)
    return starts if len(starts) >= 2 else set()


def person_list_places(doc: Doc, spans: list[Span], heads: frozenset[str], cues: AreaCues) -> set[int]:
    """Start tokens of the places of people listed after a plural title: 'the three commissioners - Jane Kerr
    from Surrey, Tim Bowles in Sussex and Sue Marsh in Kent' (two people at least, each a run of two or more
    capitalised words; a place is one of ``spans`` after a place preposition)."""
    at = {s.start: s for s in spans}
    inside = {i for s in spans for i in range(s.start, s.end)}
    found: set[int] = set()
    for head in (t for t in doc if t.lower_ in heads):
        end = head.sent.end
        i = head.i + 1
        while i < end and doc[i].text in cues.person_list_openers:
            i += 1
        people, places = 0, []
        while (j := _name_end(doc, i, end, inside)) - i >= 2:
            people += 1
            if j < end and doc[j].lower_ in cues.person_place_prepositions:
                k = j + 1 + (j + 1 < end and doc[j + 1].lower_ == "the")
                if k in at:
                    places.append(k)
                    j = at[k].end
            while j < end and doc[j].text in cues.person_list_joiners:
                j += 1
            i = j
        if people >= 2:
            found.update(places)
    return found


def _name_end(doc: Doc, i: int, end: int, taken: set[int]) -> int:
    """The end of the run of capitalised words at ``i`` ('Karen Hollis', 'Ben-Luke Harrington'), outside ``taken``."""

    def capitalised(k: int) -> bool:
        token = doc[k]
        return k not in taken and token.text[:1].isupper() and (token.is_alpha or token.is_title)

    j = i
    while j < end and capitalised(j):
        j += 1
        if j + 1 < end and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_ and capitalised(j + 1):
            j += 1
    return j

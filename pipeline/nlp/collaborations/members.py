"""Which forces named in a sentence part are members of the collaboration its cue describes.

A force named in the part is a member unless the grammar puts it outside what the cue governs:

- it is compared with the collaboration ('more officers than Merseyside Police and Greater Manchester
  Police have between them');
- it is in a coordinated clause with no cue, while the cue's clause has a subject of its own ('Hampshire
  ... could carry on as stand-alone forces, but that Sussex and Surrey should be combined');
- it speaks: the subject of a speech verb whose complement holds the cue and names two forces itself
  ('the Herts, Beds and Essex forces said ... a merger of Herts and Beds');
- it is left alone ('with Essex left to stand alone', 'Kent will stay as it is');
- it is a place where people live ('people in Tayside and Fife').

Each rule takes token positions and returns the mentions (by their start token) it leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Span, Token

from pipeline.nlp.collaborations.mentions import Mention

VERBAL = {"VERB", "AUX"}
EXAMPLE_WORDS = {"including", "like", "as"}  # 'neighbouring forces, including Kent', 'such as Kent'
PLURAL_BACK_POINTERS = {"their", "they", "them", "both"}  # the forces of the other clause, in the cue's
BACK_POINTERS = {"they", "we", "it", "its", "their", "our", "us", "them"}  # the speakers, in what they say
SUBJECTS = {"nsubj", "nsubjpass"}


def root_of(part: Span, mention: Mention) -> Token:
    """The syntactic head of a mention."""
    return part.doc[mention.start : mention.end].root


def within(part: Span, token: Token) -> bool:
    return part.start <= token.i < part.end


def ancestors_in(part: Span, token: Token) -> list[Token]:
    """The token's heads, nearest first, as far as they stay in the part."""
    out = []
    while token.head.i != token.i and within(part, token.head):
        token = token.head
        out.append(token)
    return out


def compared(part: Span, mentions: Sequence[Mention]) -> set[int]:
    """Mentions governed by 'than' ('more than Merseyside Police and Greater Manchester Police have')."""
    return {
        m.start for m in mentions
        if any(t.lower_ == "than" for t in [root_of(part, m), *ancestors_in(part, root_of(part, m))])
    }


def clause_conjunct(part: Span, token: Token) -> Token | None:
    """The verb of the coordinated clause the token is in ('carry' or 'combined' in 'X could carry on ...,
    but that Y should be combined'), or None when it is in no coordinated clause."""
    for t in [token, *ancestors_in(part, token)]:
        if t.pos_ in VERBAL and (
            (t.dep_ == "conj" and t.head.pos_ in VERBAL)
            or any(c.dep_ == "conj" and c.pos_ in VERBAL for c in t.children)
        ):
            return t
    return None


def cue_clauses(part: Span, mentions: Sequence[Mention], cues: Sequence[Token]) -> dict[int, int | None]:
    """The coordinated clause with a cue of its own that each mention is in (by start token), or None: where
    two groups of forces are each in one of their own, they are two collaborations."""
    with_cue = {clause_conjunct(part, c) for c in cues} - {None}
    out: dict[int, int | None] = {}
    for m in mentions:
        clause = clause_conjunct(part, root_of(part, m))
        out[m.start] = clause.i if clause is not None and clause in with_cue else None
    return out


def outside_cue_clauses(part: Span, mentions: Sequence[Mention], cues: Sequence[Token]) -> set[int]:
    """Mentions in a coordinated clause that holds no cue, where every clause with a cue has its own
    subject and no plural word pointing back ('their', 'both'): 'Kent and Essex announced ... and will
    share' keeps Kent and Essex (the shared subject)."""
    clauses = {clause_conjunct(part, c) for c in cues}
    if not clauses or None in clauses:
        return set()
    if not all(any(c.dep_ in SUBJECTS for c in verb.children) for verb in clauses if verb is not None):
        return set()
    if any(t.lower_ in PLURAL_BACK_POINTERS for verb in clauses if verb is not None for t in verb.subtree):
        return set()  # 'Norfolk has saved £16m and Suffolk £12m since their collaboration began'
    out = set()
    for m in mentions:
        clause = clause_conjunct(part, root_of(part, m))
        if clause is not None and clause not in clauses:
            out.add(m.start)
    return out


def subject_tokens(verb: Token, deps: frozenset[str] | set[str] = SUBJECTS) -> set[int]:
    return {t.i for c in verb.children if c.dep_ in deps for t in c.subtree}


def speakers(part: Span, mentions: Sequence[Mention], cues: Sequence[Token], speech_verbs: frozenset[str]) -> set[int]:
    """Mentions in the subject of a speech verb whose complement holds every cue and names two or more
    forces itself, not only after 'with', and no pronoun that could point back at the speakers: they are
    not members because they speak."""
    out: set[int] = set()
    for verb in part:
        if verb.lemma_.lower() not in speech_verbs or verb.pos_ != "VERB":
            continue
        said = {t.i for c in verb.children if c.dep_ in {"ccomp", "xcomp", "dobj", "advcl"} for t in c.subtree}
        if not cues or not all(c.i in said for c in cues):
            continue
        spoken = [m for m in mentions if m.start in said]
        if len({m.force for m in spoken}) < 2 or after_with(part, spoken):
            continue  # 'X said the alliance with Y and Z ...': X is the other side
        if any(part.doc[i].pos_ == "PRON" and part.doc[i].lower_ in BACK_POINTERS for i in said):
            continue  # 'officers in Cumbria say that ... they would join up with Lancashire and Merseyside'
        speaker = subject_tokens(verb, {"nsubj"})  # not 'Essex had been told to form a force with ...'
        out.update(m.start for m in mentions if m.start in speaker)
    return out


def left_alone(part: Span, mentions: Sequence[Mention], alone: Iterable[tuple[int, int]]) -> set[int]:
    """Mentions in the subject of the verb an 'alone' phrase (``alone``: token start and end) depends on:
    'with Essex left to stand alone', 'Kent could carry on as a stand-alone force', 'Kent will stay as it is'."""
    doc = part.doc
    out: set[int] = set()
    for start, end in alone:
        phrase = doc[start:end]
        if not within(part, phrase.root):
            continue
        for verb in [phrase.root, *ancestors_in(part, phrase.root)][:5]:
            subject = subject_tokens(verb)
            if subject:
                out.update(m.start for m in mentions if m.start in subject)
                break
    return out


def list_head(token: Token) -> Token:
    """The head of the list a token is in ('Kent' for 'Essex' in 'Kent and Essex'; a list of names may also
    be parsed as a chain of name modifiers: 'Essex Police and Sussex Police' with 'Essex Police' an nmod)."""
    while token.head.i != token.i and (
        token.dep_ in {"conj", "appos"} or (token.dep_ in {"nmod", "compound"} and token.head.pos_ == "PROPN")
    ):
        token = token.head
    return token


def after_with(part: Span, mentions: Sequence[Mention]) -> bool:
    """Every force the part names is the object of 'with' ('the organised crime unit it shares with South
    Wales Police and Dyfed-Powys Police', 'the model set up in 2014 with Gloucestershire'): the other side
    is the force the article is about."""
    if not mentions:
        return False
    for m in mentions:
        head = list_head(root_of(part, m))
        if head.dep_ == "pobj" and head.head.lower_ in EXAMPLE_WORDS:  # 'with neighbouring forces, including Kent'
            head = list_head(head.head.head)
        if not (head.dep_ == "pobj" and head.head.lower_ == "with"):
            return False
    return True


def collaboration_subject(part: Span, nouns: frozenset[str], determiners: frozenset[str]) -> bool:
    """The part's subject is a collaboration named before ('the programme would also look at ... working with
    neighbouring forces'): its forces are the other side of a 'with'."""
    return any(
        t.dep_ == "nsubj" and t.lemma_.lower() in nouns and any(c.dep_ == "det" and c.lower_ in determiners for c in t.children)
        for t in part
    )


def places(part: Span, mentions: Sequence[Mention], people: frozenset[str]) -> set[int]:
    """Mentions that name a place where people live ('people in Tayside, Fife and central Scotland',
    'residents across Kent'): the object of a preposition that hangs from a word of ``people``."""
    out = set()
    for m in mentions:
        head = list_head(root_of(part, m))
        if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.head.lemma_.lower() in people:
            out.add(m.start)
    return out


def non_members(
    part: Span, mentions: Sequence[Mention], cues: Sequence[Token], alone: Iterable[tuple[int, int]],
    speech_verbs: frozenset[str], people: frozenset[str] = frozenset(),
) -> set[int]:
    """The start tokens of the mentions of the part that are not members (see the module docstring)."""
    return (
        places(part, mentions, people)
        | compared(part, mentions)
        | outside_cue_clauses(part, mentions, cues)
        | speakers(part, mentions, cues, speech_verbs)
        | left_alone(part, mentions, alone)
    )

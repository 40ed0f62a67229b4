"""The stage of a collaboration (contract section 7): proposed, agreed, operating, expanded or ended.

Each sentence part that describes the collaboration gives signals, from cue words (``stage_cues`` of
``models/collaborations.json``: 'abandoned', 'extend', 'signed', 'already', 'explore', ...) and from the
tense of its sharing verbs ('already share' and 'have run ... since' say it operates, 'will share' and
'are to combine' that it is agreed, 'could share' that it is only proposed). A study word ('explore',
'business case', 'talks') outweighs an agreement in its own part: 'agreed to explore a merger' is a
proposal. The collaboration's stage weighs the signals of all its parts (``stage_of``): ended, then a
merger plan (proposed, even between forces that already share), expanded (an expansion word, or a new
agreement for one that already operates), operating, agreed, proposed; with no signal at all, a merger
is proposed and anything else operating.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Span, Token

# signals: cue words of each stage, plus 'existing' (it runs now), 'future' (will run), 'tentative'
# (could, might: a weak proposal, outweighed by any other signal)
ENDED, EXPANDED, AGREED, EXISTING, PROPOSAL, TENTATIVE, FUTURE, MERGER_PLAN = (
    "ended", "expanded", "agreed", "existing", "proposal", "tentative", "future", "merger plan",
)
CUE_SIGNALS = (ENDED, EXPANDED, AGREED, EXISTING, PROPOSAL, TENTATIVE)


@dataclass(frozen=True)
class StageWords:
    """The words the stage rules read: cue phrases per signal, the lemmas that count only as verbs ('end',
    'drop': not 'the end of the year'), the sharing verbs whose tense is read, and the modal verbs of a
    future ('will') and of a tentative plan ('could'), and the verbs that deny what they govern ('refused
    to agree')."""

    cues: dict[str, tuple[str, ...]]
    verb_only: frozenset[str]
    sharing_verbs: frozenset[str]
    future_modals: frozenset[str]
    tentative_modals: frozenset[str]
    negators: frozenset[str]
    object_verbs: frozenset[str] = frozenset()


def counts(match: Span, signal: str, words: StageWords) -> bool:
    """A cue match gives its signal: not negated ('is not coming to an end', 'refused to agree'); a word of
    ``verb_only`` only as a verb or participle ('the alliance will end', 'the failed partnership'), one of
    ``object_verbs`` only with an object ('leave the alliance', not 'left to stand alone'); 'since'
    only before a date ('since 2013', not 'since commissioners were elected'); an adverb ('already') only
    on a sharing verb ('already share', not 'already under strain')."""
    root = match.root
    if negated(root, words.negators) or (match.start > 0 and match.doc[match.start - 1].lower_ in {"not", "never", "no"}):
        return False
    if len(match) == 1:
        lemma = root.lemma_.lower()
        if lemma in words.verb_only and root.pos_ != "VERB" and root.tag_ != "VBN":
            return False
        if lemma in words.object_verbs and root.pos_ == "VERB" and not any(
            c.dep_ in {"dobj", "nsubjpass"} for c in root.children
        ):
            return False  # 'leave the alliance', 'the plan was dropped'; not 'left to stand alone'
        if lemma == "since" and not any(c.dep_ == "pobj" for c in root.children):
            return False
        if signal == EXISTING and root.pos_ == "ADV" and root.head.lemma_.lower() not in words.sharing_verbs:
            return False
    return signal in CUE_SIGNALS


def negated(token: Token, negators: frozenset[str] = frozenset()) -> bool:
    """The token, or the verb it hangs from as an infinitive, participle, object or complement ('is not a
    first step towards'), is negated or governed by one of ``negators`` ('refused to agree')."""
    for t in (token, token.head):
        if any(c.dep_ == "neg" for c in t.children) or (t.i != token.i and t.lemma_.lower() in negators):
            return True
        if t.dep_ not in {"xcomp", "aux", "prt", "dobj", "pobj", "prep", "attr"}:
            break
    return False


def tense_signal(verb: Token, words: StageWords) -> str | None:
    """What the tense of a sharing verb says: 'will share', 'are to combine', '(forces) to merge HR' (a
    headline) are future; 'could share' tentative; 'share', 'already run', 'have pooled', 'is run by' existing."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    lemmas = {a.lemma_.lower() for a in auxes}
    if lemmas & words.future_modals:
        return FUTURE
    if lemmas & words.tentative_modals:
        return ENDED if "have" in lemmas and verb.tag_ == "VBN" else TENTATIVE  # 'would have merged': it did not
    if "to" in lemmas:
        head = verb.head
        to_be = head.lemma_ == "be" and head.tag_ in {"VBZ", "VBP"}  # 'are to combine'
        return FUTURE if to_be or verb.dep_ == "ROOT" else None
    if verb.tag_ in {"VBZ", "VBP"} or (verb.tag_ == "VBD" and verb.dep_ not in {"acl", "amod"}):
        return EXISTING  # 'share', 'took over from'; not 'teams shared across' (a participle tagged VBD)
    if verb.tag_ == "VBN" and any(a.tag_ in {"VBZ", "VBP"} for a in auxes):  # 'have shared', 'is run by'
        return EXISTING
    return None


def part_signals(
    part: Span, matches: Iterable[tuple[str, int, int]], words: StageWords, merger: bool = False
) -> frozenset[str]:
    """The stage signals of a sentence part: its cue ``matches`` (signal, start, end in the doc) and the
    tense of its sharing verbs. A proposal outweighs agreement, future and expansion in the same part; a
    ``merger`` part expands nothing, and with a proposal or a 'could' it is a merger plan. A headline's simple
    present tells news ('five forces merge forensic work'), not that the collaboration runs."""
    doc = part.doc
    found = {
        signal for signal, start, end in matches
        if part.start <= start and end <= part.end and counts(doc[start:end], signal, words)
    }
    headline = part.end_char <= (doc._.headline_end or 0)
    for token in part:
        if token.lemma_.lower() in words.sharing_verbs and token.pos_ == "VERB":
            signal = tense_signal(token, words)
            if headline and signal == EXISTING and token.tag_ in {"VBZ", "VBP"}:
                continue  # a headline's present tells news ('five forces merge forensic work'), not a state
            if signal:
                found.add(signal)
    if PROPOSAL in found:
        found -= {AGREED, FUTURE, EXPANDED}
    if TENTATIVE in found:  # 'a wider alliance built on those arrangements could deliver ...'
        found -= {EXPANDED}
    if merger:  # folding one force into another is a merger, not an expansion
        found.discard(EXPANDED)
        if found & {PROPOSAL, TENTATIVE}:
            found.add(MERGER_PLAN)
    return frozenset(found)


def told_as_done(signals: frozenset[str]) -> bool:
    """The part tells of something that has happened ('took over from', 'have shared since'), with no
    word of a plan, a future or a hope."""
    return EXISTING in signals and not signals & {FUTURE, TENTATIVE, PROPOSAL}


def merges_departments(part: Span, merge_lemmas: Iterable[str], function_nouns: frozenset[str]) -> bool:
    """A merger word of the part merges departments, not forces ('merging the police control rooms of
    Norfolk and Suffolk', 'the merger of their HR teams')."""
    lemmas = frozenset(merge_lemmas)
    for token in part:
        if token.lemma_.lower() not in lemmas:
            continue
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if any(o.lemma_.lower() in function_nouns for o in objects):
            return True
    return False


def stage_of(signals: Iterable[frozenset[str]], merger: bool = False) -> str:
    """The stage of a collaboration from the signals of the parts that describe it; without any, a merger
    is proposed (a merger that happened is told in the past: 'took over from'), anything else operating."""
    found = frozenset().union(*signals)
    if ENDED in found:
        return "ended"
    if MERGER_PLAN in found:  # 'a full merger would ...', of two forces that already share 20 departments
        return "proposed"
    if EXPANDED in found:
        return "expanded"
    if EXISTING in found:
        return "expanded" if AGREED in found else "operating"
    if found & {AGREED, FUTURE}:
        return "agreed"
    if found & {PROPOSAL, TENTATIVE} or merger:
        return "proposed"
    return "operating"

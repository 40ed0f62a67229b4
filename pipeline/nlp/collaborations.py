"""Collaborations stage: each collaboration between two or more forces that the article describes.

A collaboration is read from a sentence part (sentences are cut at ';', 'while', 'whereas', which
join separate schemes in round-ups) that holds a collaboration cue ("alliance", "share", "joint",
"merge", "work together", a collaboration name) and names two or more forces. Forces come from
``doc.spans["forces"]``, plus area names ("Cleveland and Durham") of forces the article names
elsewhere, plus references resolved against the forces named before: "the two forces", "both
forces", "its two neighbours", "the forces", "the force", "four of them"; less the forces the part
leaves out ("all except Lincolnshire", "apart from Kent"). Parts that describe the same set of
forces are one collaboration (the scorer, and a reader, identify a collaboration by its forces).

Cues, names and types are data: ``models/collaborations.json``. Results: ``doc._.collaborations``,
one dict per collaboration: name (or None), type (or None), forces (canonical names), and the
evidence (the name where there is one, else the sentence part).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.config import models_dir
from pipeline.gazetteer import Force, Gazetteer, load_gazetteer
from pipeline.nlp.forces import force_mentions
from pipeline.nlp.sentences import content_sentences

COMPONENT = "forcewatch_collaborations"
LIST_JOINERS = {",", "and", "&", "or", "/", "the", "-", "–", "—"}
FORWARD_SENTENCES = 3  # "Six forces ... run TITAN together" may name the six in the next sentences
QUOTES = {"'", '"', "‘", "’", "“", "”"}
MODIFIERS = {"compound", "amod", "nmod", "npadvmod"}


@dataclass(frozen=True)
class CollaborationCues:
    """The lexicon of ``models/collaborations.json``."""

    cue_lemmas: tuple[str, ...]
    cue_phrases: tuple[str, ...]
    type_words: tuple[tuple[str, str], ...]
    name_heads: frozenset[str]
    name_nouns: frozenset[str]
    named_phrases: tuple[str, ...]
    reference_nouns: tuple[str, ...]
    neighbour_nouns: frozenset[str]
    numbers: dict[str, int]
    clause_breaks: frozenset[str]
    not_name_words: frozenset[str]
    event_nouns: frozenset[str]
    join_verbs: frozenset[str]
    except_phrases: tuple[tuple[str, ...], ...]
    subset_pronouns: frozenset[str]

    @classmethod
    def load(cls, folder: Path | None = None) -> CollaborationCues:
        data = json.loads(((folder or models_dir()) / "collaborations.json").read_text(encoding="utf-8"))
        return cls(
            cue_lemmas=tuple(data["cue_lemmas"]),
            cue_phrases=tuple(data["cue_phrases"]),
            type_words=tuple((word, kind) for word, kind in data["type_words"]),
            name_heads=frozenset(data["name_heads"]),
            name_nouns=frozenset(data["name_nouns"]),
            named_phrases=tuple(data["named_phrases"]),
            reference_nouns=tuple(data["reference_nouns"]),
            neighbour_nouns=frozenset(data["neighbour_nouns"]),
            numbers=dict(data["numbers"]),
            clause_breaks=frozenset(data["clause_breaks"]),
            not_name_words=frozenset(data["not_name_words"]),
            event_nouns=frozenset(data["event_nouns"]),
            join_verbs=frozenset(data["join_verbs"]),
            except_phrases=tuple(tuple(p.split()) for p in data["except_phrases"]),
            subset_pronouns=frozenset(data["subset_pronouns"]),
        )


@lru_cache(maxsize=4)
def load_cues(folder: str | None = None) -> CollaborationCues:
    return CollaborationCues.load(Path(folder) if folder else None)


@dataclass(frozen=True)
class Mention:
    """A force named in the text: by the forces stage, or by an area name of a force the article names."""

    start: int  # token index
    end: int
    force: str


@dataclass(frozen=True)
class Reference:
    """'the two forces' (count 2), 'the forces' (count None), 'the force' (singular)."""

    start: int
    end: int
    count: int | None
    singular: bool = False
    neighbours: bool = False  # 'its two neighbours': forces other than the ones named with it
    after_with: bool = False  # 'shared with those three forces': the article's own force is the other side
    subset: bool = False  # 'four of them': that many of the forces named before


@dataclass
class Candidate:
    """One sentence part that describes a collaboration."""

    start: int
    end: int
    forces: list[str]
    names: list[tuple[int, int, str]] = field(default_factory=list)
    type: str | None = None


def lemma_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Token patterns matching the words of ``phrase`` as lower-case or capitalised lemmas."""
    return [{"LEMMA": {"IN": [t.text, t.text.capitalize()]}} for t in nlp.make_doc(phrase)]


class CollaborationFinder:
    """Finds the collaborations of an article (see the module docstring)."""

    def __init__(self, nlp: Language, cues: CollaborationCues, gazetteer: Gazetteer) -> None:
        self.cues = cues
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for force in gazetteer.forces:
            if force.areas:
                self.areas.add(force.name, [nlp.make_doc(a) for a in force.areas])
        self.successors = merger_successors(gazetteer.forces)
        self.cue_matcher = Matcher(nlp.vocab)
        for cue in (*cues.cue_lemmas, *cues.cue_phrases):
            self.cue_matcher.add(cue, [lemma_pattern(nlp, cue)])
        self.named = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.named.add("NAMED", [nlp.make_doc(p) for p in cues.named_phrases])
        self.references = Matcher(nlp.vocab)
        number = {"LOWER": {"IN": sorted(cues.numbers)}}
        digits = {"IS_DIGIT": True}
        between = {"POS": {"IN": ["ADJ", "PROPN", "NOUN", "VERB"]}, "IS_PUNCT": False, "OP": "{0,3}"}
        for noun in cues.reference_nouns:
            words = [{"LOWER": w} for w in noun.split()]
            self.references.add("COUNT", [[number, between, *words], [digits, between, *words]], greedy="LONGEST")
        self.references.add("FORCES", [[{"LOWER": "the"}, between, {"LOWER": "forces"}]], greedy="LONGEST")
        pronoun = {"LOWER": {"IN": sorted(cues.subset_pronouns)}}
        self.references.add("SUBSET", [[number, {"LOWER": "of"}, pronoun], [digits, {"LOWER": "of"}, pronoun]])
        self.references.add("FORCE", [[{"LOWER": "the"}, {"LOWER": "force"}]])

    def __call__(self, doc: Doc) -> Doc:
        mentions = self._mentions(doc)
        if len({m.force for m in mentions}) < 2:
            doc._.collaborations = []
            return doc
        segments = [seg for sent in content_sentences(doc) for seg in self._segments(sent)]
        forces_at = {i for m in mentions for i in range(m.start, m.end)}
        cue_hits = sorted(
            (s, e, doc.vocab.strings[m]) for m, s, e in self.cue_matcher(doc) if self._describes(doc[s:e], forces_at)
        )
        references = self._references(doc)
        groups = self._groups(doc, mentions)
        topic = self._topic(doc)
        end_char = doc._.headline_end
        headline_tokens = doc.char_span(0, end_char, alignment_mode="expand") if end_char else None
        headline_end_token = headline_tokens.end if headline_tokens is not None else 0
        phrases = [(s, e) for _, s, e in self.named(doc)]
        named = [self._names(doc, seg, phrases, forces_at) if seg.start >= headline_end_token else [] for seg in segments]
        known = {name for found in named for _, _, name in found}
        history: list[tuple[int, frozenset[str]]] = [(g[0].start, frozenset(m.force for m in g)) for g in groups]
        starts = [seg.start for seg in segments]
        cues_in = bucket(starts, [(s, c) for s, _, c in cue_hits])
        forces_in = bucket(starts, [(m.start, m.force) for m in mentions])
        references_in = bucket(starts, [(r.start, r) for r in references])
        candidates: list[Candidate] = []
        for i, (seg, names) in enumerate(zip(segments, named, strict=True)):
            seg_cues = cues_in[i]
            has_known = any(name in seg.text for name in known)
            if not (seg_cues or names or has_known):
                continue
            excluded = self._excluded(doc, seg, groups)  # 'all except Lincolnshire'
            explicit = [f for f in forces_in[i] if f not in excluded]
            forces = self._resolve(
                seg, dict.fromkeys(explicit), references_in[i], history, groups, mentions, topic, frozenset(excluded)
            )
            forces = [f for f in forces if f not in excluded]
            forces = self._drop_successors(forces)
            if len(forces) < 2:
                continue
            candidates.append(Candidate(seg.start, seg.end, forces, names, self._type(seg, names)))
            history.append((seg.start, frozenset(forces)))
        doc._.collaborations = self._merge(doc, candidates)
        return doc

    def _describes(self, cue: Span, forces_at: set[int]) -> bool:
        """Not 'will not join', nor 'a joint operation' (one policing event), nor 'joins Essex Police'."""
        root = cue.root
        if any(c.dep_ == "neg" for c in root.children):
            return False
        if root.lemma_.lower() in self.cues.join_verbs:
            objects = [c for c in root.children if c.dep_ == "dobj"]
            return bool(objects) and not any(o.i in forces_at for o in objects)
        return not (root.dep_ in {"amod", "compound"} and root.head.lemma_.lower() in self.cues.event_nouns)

    # -- force mentions ---------------------------------------------------------------------------

    def _mentions(self, doc: Doc) -> list[Mention]:
        """Force mentions, plus area names of the forces the article names ('from Cleveland and Durham')."""
        found = [Mention(s.start, s.end, s.kb_id_) for s in force_mentions(doc)]
        named = {m.force for m in found}
        taken = {i for m in found for i in range(m.start, m.end)}
        for match_id, start, end in self.areas(doc):
            force = doc.vocab.strings[match_id]
            if force in named and not taken.intersection(range(start, end)):
                found.append(Mention(start, end, force))
                taken.update(range(start, end))
        return sorted(found, key=lambda m: m.start)

    @staticmethod
    def _groups(doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
        """Mentions that form one list ('Kent, Surrey and Sussex'), in text order."""
        groups: list[list[Mention]] = []
        for m in mentions:
            if groups:
                gap = doc[groups[-1][-1].end : m.start]
                if len(gap) <= 3 and all(t.lower_ in LIST_JOINERS for t in gap):
                    groups[-1].append(m)
                    continue
            groups.append([m])
        return groups

    @staticmethod
    def _topic(doc: Doc) -> str | None:
        """The force the article is about: the most mentioned one (the first named on a tie)."""
        spans = force_mentions(doc)
        if not spans:
            return None
        counts = Counter(s.kb_id_ for s in spans)
        first = {}
        for s in spans:
            first.setdefault(s.kb_id_, s.start)
        return max(counts, key=lambda f: (counts[f], -first[f]))

    def _drop_successors(self, forces: list[str]) -> list[str]:
        """A merger's members are the forces that merge, not the force they became."""
        merged_into = {self.successors[f] for f in forces if f in self.successors}
        kept = [f for f in forces if f not in merged_into]
        return kept if len(kept) >= 2 else forces

    # -- sentence parts, references, names ----------------------------------------------------------

    def _segments(self, sent: Span) -> list[Span]:
        doc = sent.doc
        cuts = [t.i for t in sent if t.lower_ in self.cues.clause_breaks and t.i > sent.start]
        bounds = [sent.start, *cuts, sent.end]
        return [doc[a:b] for a, b in pairwise(bounds) if b > a]

    def _references(self, doc: Doc) -> list[Reference]:
        out = []
        for match_id, start, end in self.references(doc):
            label = doc.vocab.strings[match_id]
            span = doc[start:end]
            with_ = self._after_with(span)
            if label == "FORCE":
                if end < len(doc) and doc[end].pos_ in {"NOUN", "PROPN"}:  # 'the force control room'
                    continue
                out.append(Reference(start, end, 1, singular=True))
            elif label == "FORCES":
                out.append(Reference(start, end, None, after_with=with_))
            elif label == "SUBSET":
                word = span[0].lower_
                count = self.cues.numbers.get(word) or (int(word) if word.isdigit() else None)
                if count and count >= 2:
                    out.append(Reference(start, end, count, subset=True))
            else:
                word = span[0].lower_
                count = self.cues.numbers.get(word) or (int(word) if word.isdigit() else None)
                if count and count >= 2:
                    neighbours = span[-1].lower_ in self.cues.neighbour_nouns
                    out.append(Reference(start, end, count, neighbours=neighbours, after_with=with_))
        return sorted(out, key=lambda r: r.start)

    def _excluded(self, doc: Doc, seg: Span, groups: list[list[Mention]]) -> set[str]:
        """Forces a sentence part leaves out: 'all except Lincolnshire', 'apart from Kent and Essex'."""
        out: set[str] = set()
        for group in groups:
            start = group[0].start
            if not seg.start <= start < seg.end:
                continue
            if start > seg.start and doc[start - 1].lower_ == "the":
                start -= 1
            before = tuple(t.lower_ for t in doc[max(seg.start, start - 4) : start])
            if any(before[len(before) - len(p) :] == p for p in self.cues.except_phrases if len(p) <= len(before)):
                out.update(m.force for m in group)
        return out

    @staticmethod
    def _after_with(span: Span) -> bool:
        head = span.root
        return head.dep_ == "pobj" and head.head.lower_ == "with"

    def _resolve(
        self,
        seg: Span,
        explicit: dict[str, None],
        references: list[Reference],
        history: list[tuple[int, frozenset[str]]],
        groups: list[list[Mention]],
        mentions: list[Mention],
        topic: str | None,
        excluded: frozenset[str] = frozenset(),
    ) -> list[str]:
        """The forces of a sentence part: those it names plus those its ``references`` stand for
        (less the ``excluded`` ones the part leaves out)."""
        forces = dict(explicit)
        for ref in references:
            named = set(explicit)
            if ref.subset:  # 'four of them - all except Lincolnshire': the forces before, less those left out
                wider = [s for pos, s in history if pos < ref.start and len(s) > ref.count]
                kept = sorted(wider[-1] - excluded) if wider else []
                if len(kept) == ref.count:
                    forces.update(dict.fromkeys(kept))
                continue
            if ref.singular:  # "the force's motorway policing is shared with Staffordshire": the article's force
                named_after = all(m.start > ref.start for m in mentions if seg.start <= m.start < seg.end)
                if named and named_after and topic:
                    forces.setdefault(topic)
                continue
            if ref.count is None:
                if len(named) < 2:
                    previous = [s for pos, s in history if pos < ref.start and len(s) >= 2 and named <= s]
                    if previous:
                        forces.update(dict.fromkeys(sorted(previous[-1])))
                continue
            found = self._antecedent(seg, ref, named, history, groups, mentions)
            if found is None:
                continue
            forces.update(dict.fromkeys(f for f in found if f not in forces))
            if ref.after_with and not named and topic and topic not in forces:
                forces[topic] = None
        return list(forces)

    @staticmethod
    def _antecedent(
        seg: Span,
        ref: Reference,
        named: set[str],
        history: list[tuple[int, frozenset[str]]],
        groups: list[list[Mention]],
        mentions: list[Mention],
    ) -> list[str] | None:
        """The forces 'the N forces' stands for: named with it, named before it, or named just after."""
        n = ref.count
        if len(named) == n and not ref.neighbours:
            return sorted(named)
        previous = [s for pos, s in history if pos < ref.start and len(s) == n]
        if ref.neighbours:
            fits = [s for s in previous if not s & named]
            return sorted(fits[-1]) if fits else None
        if len(named) > n:
            return sorted(previous[-1]) if previous else None
        fits = [s for s in previous if named <= s]
        if fits:
            return sorted(fits[-1])
        if len(named) == n - 1:  # 'talks with Lancashire about merging the two forces' ...': the one named before
            before = [m.force for m in reversed(mentions) if m.start < ref.start and m.force not in named]
            if before:
                return [*named, before[0]]
        sent = seg.sent
        for _ in range(FORWARD_SENTENCES):
            if sent.end >= len(sent.doc):
                break
            sent = sent.doc[sent.end].sent
        for group in groups:
            forces = {m.force for m in group}
            if ref.start < group[0].start < sent.end and len(forces) == n and named <= forces:
                return [m.force for m in group]
        # 'Durham ... Cleveland ... North Yorkshire ... The three forces': the article's forces, if they are N
        for pool in ([m.force for m in mentions if m.start < ref.start], [m.force for m in mentions]):
            distinct = list(dict.fromkeys(pool))
            if len(distinct) == n and named <= set(distinct):
                return distinct
        return None

    def _names(
        self, doc: Doc, seg: Span, phrases: list[tuple[int, int]], forces: set[int]
    ) -> list[tuple[int, int, str]]:
        """Collaboration names in a sentence part, as (start_char, end_char, name)."""
        out: list[tuple[int, int, str]] = []
        for token in seg:
            if token.text in self.cues.name_heads and token.i not in forces:
                start = token.i
                while start - 1 >= seg.start and self._name_word(doc[start - 1]):
                    start -= 1
                while start < token.i and doc[start].lower_ in {"and", "of", "&", "-"}:
                    start += 1
                if start < token.i:
                    out.append(self._name(doc[start : token.i + 1]))

            elif token.lower_ in self.cues.name_nouns and token.i > seg.start:
                found = self._name_before(doc, seg, token, forces)
                if found is not None:
                    out.append(found)
        for start, end in phrases:
            if seg.start <= start and end <= seg.end:
                span = doc[start:end]
                out.append((span.start_char, span.end_char, span.text.lower()))
        words = self.cues.not_name_words
        return self._no_overlaps([n for n in out if not words.intersection(n[2].split())])

    @staticmethod
    def _name_word(token: Token) -> bool:
        if token.lower_ in {"and", "of", "&", "-"}:
            return True
        return (token.is_title or token.is_upper) and token.pos_ != "DET" and token.is_alpha

    @staticmethod
    def _name(span: Span) -> tuple[int, int, str]:
        return span.start_char, span.end_char, span.text

    def _name_before(self, doc: Doc, seg: Span, noun: Token, forces: set[int]) -> tuple[int, int, str] | None:
        """'TITAN, the regional ... unit', 'the Evolve programme', 'a "tri-force" collaboration'."""
        appositive = self._apposition(doc, seg, noun, forces)
        if appositive is not None:
            return appositive
        i = noun.i - 1
        while i > seg.start and doc[i].is_lower and doc[i].dep_ in MODIFIERS and noun.i - i <= 3:
            i -= 1  # 'the Tri-Force specialist operations partnership'
        if doc[i].text in QUOTES:
            end = i
            i -= 1
            while i > seg.start and doc[i].text not in QUOTES:
                i -= 1
            if doc[i].text in QUOTES and i + 1 < end:
                return self._name(doc[i + 1 : end])
            return None
        end = i + 1
        start = self._proper_start(doc, seg, i, forces)
        hyphenated = start > 0 and doc[start - 1].text == "-"  # 'an all-Wales agreement'
        if start < end and start != seg.start and doc[i].dep_ in MODIFIERS and not hyphenated:
            return self._name(doc[start:end])
        return None

    def _apposition(self, doc: Doc, seg: Span, noun: Token, forces: set[int]) -> tuple[int, int, str] | None:
        """'TITAN, the regional organised crime unit': the capitalised words before ', the ...'."""
        j = noun.i - 1
        while j > seg.start and doc[j].lower_ != "the" and noun.i - j <= 6:
            j -= 1
        if doc[j].lower_ == "the" and j - 2 >= seg.start and doc[j - 1].text == ",":
            end = j - 1
            start = self._proper_start(doc, seg, j - 2, forces)
            if start < end:
                return self._name(doc[start:end])
        return None

    def _proper_start(self, doc: Doc, seg: Span, i: int, forces: set[int]) -> int:
        """Where the run of capitalised words ending at token ``i`` starts ('Tri-Force' is one run)."""
        start = i + 1
        while i >= seg.start:
            if self._proper(doc[i], forces):
                start = i
            elif not (doc[i].text == "-" and i > seg.start and self._proper(doc[i - 1], forces)):
                break
            i -= 1
        return start

    @staticmethod
    def _proper(token: Token, forces: set[int]) -> bool:
        return (
            token.i not in forces
            and token.pos_ in {"PROPN", "NOUN", "ADJ"}
            and (token.is_title or token.is_upper or "-" in token.text)
            and token.text[:1].isupper()
        )

    @staticmethod
    def _no_overlaps(names: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        kept: list[tuple[int, int, str]] = []
        for name in sorted(names, key=lambda n: (n[0], -(n[1] - n[0]))):
            if not kept or name[0] >= kept[-1][1]:
                kept.append(name)
        return kept

    def _type(self, seg: Span | None, names: list[tuple[int, int, str]]) -> str | None:
        """The type of the first of 'type_words' in the names ('Joint Firearms Unit'), else in the sentence part."""
        for words in ({w.lower() for _, _, name in names for w in name.split()}, {t.lemma_.lower() for t in seg or []}):
            kind = next((kind for word, kind in self.cues.type_words if word in words), None)
            if kind:
                return kind
        return None

    # -- output -------------------------------------------------------------------------------------

    def _merge(self, doc: Doc, candidates: list[Candidate]) -> list[dict]:
        """One collaboration per set of forces; distinct names on the same set stay distinct."""
        by_set: dict[frozenset[str], list[Candidate]] = {}
        for c in candidates:
            by_set.setdefault(frozenset(c.forces), []).append(c)
        out = []
        for group in by_set.values():
            first = group[0]
            kind = next((c.type for c in group if c.type), None)
            names: dict[str, tuple[int, int]] = {}
            for c in group:
                for start, end, name in c.names:
                    names.setdefault(name, (start, end))
            segment = doc[first.start : first.end]
            if not names:
                out.append(self._item(None, kind, first.forces, segment.start_char, segment.end_char, doc))
            for name, (start, end) in names.items():
                own = self._type(None, [(start, end, name)])  # 'Joint Operations Unit' is a shared service
                out.append(self._item(name, own or kind, first.forces, start, end, doc))
        return sorted(out, key=lambda c: c["start_char"])

    @staticmethod
    def _item(name: str | None, kind: str | None, forces: list[str], start: int, end: int, doc: Doc) -> dict:
        text = doc.text[start:end]
        stripped = text.strip()
        start += len(text) - len(text.lstrip())
        return {"name": name, "type": kind, "forces": list(forces), "start_char": start,
                "end_char": start + len(stripped), "text": stripped}


def bucket(starts: list[int], items: list[tuple[int, object]]) -> list[list]:
    """Items (token index, value) sorted into the sentence parts that begin at ``starts``."""
    out: list[list] = [[] for _ in starts]
    for position, value in items:
        index = bisect_right(starts, position) - 1
        if index >= 0:
            out[index].append(value)
    return out


def merger_successors(forces: list[Force]) -> dict[str, str]:
    """Former force -> the force it merged into, from the gazetteer notes ('merged into Police Scotland')."""
    names = {f.name for f in forces}
    out = {}
    for force in forces:
        match = re.search(r"(?:merged into|replaced by)\s+(?:the\s+)?(.+?)(?:\s+(?:on|in)\s+.*)?$", force.note or "")
        if match and match.group(1) in names:
            out[force.name] = match.group(1)
    return out


@Language.factory(COMPONENT, default_config={"models_path": None})
def make_collaboration_finder(nlp: Language, name: str, models_path: str | None) -> CollaborationFinder:
    """spaCy factory: the collaboration finder built from ``models/collaborations.json``."""
    return CollaborationFinder(nlp, load_cues(models_path), load_gazetteer(models_path))

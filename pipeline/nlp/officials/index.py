"""The per-document index the officials rules read: titles, organisations, bodies and places by token.

Built once per document (``build_index``) and never changed afterwards, so every rule is a pure
function of the index and its arguments.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from pipeline.nlp.forces import force_mentions
from pipeline.nlp.officials.lexicon import POLITICIAN, Roles


@dataclass(frozen=True)
class Phrase:
    """A matched title, head, organisation, body or place, in token offsets."""

    start: int
    end: int
    label: str | None  # role label (None for a head), organisation label, or canonical force name


class Sorted:
    """Phrases sorted by start token, with the ones inside a token range found by bisection."""

    def __init__(self, phrases: list[Phrase]) -> None:
        self.items = tuple(sorted(phrases, key=lambda p: p.start))
        self.starts = tuple(p.start for p in self.items)

    def within(self, lo: int, hi: int) -> list[Phrase]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return [p for p in self.items[i:j] if p.end <= hi]

    def before(self, hi: int) -> list[Phrase]:
        """Phrases that end at or before ``hi``, nearest first."""
        return [p for p in reversed(self.items[: bisect.bisect_left(self.starts, hi)]) if p.end <= hi]


@dataclass(frozen=True)
class Settings:
    """The officials stage's settings (factory config)."""

    max_name_tokens: int = 4  # a longer run of capitalised words is no person's name
    max_owner_distance: int = 40  # tokens between an organisation and the 'its' that refers to it


@dataclass(frozen=True)
class DocIndex:
    """Token-level lookups for one document, with the lexicon and settings the rules read."""

    doc: Doc
    lex: Roles
    settings: Settings
    titles: Sorted
    title_ending: Mapping[int, Phrase]
    title_at: Mapping[int, Phrase]
    organisations: Sorted
    bodies: Sorted
    places: Mapping[int, Phrase]  # token -> the FORCE span or gazetteer area it is in (label: canonical force)
    forces: frozenset[int]  # tokens inside FORCE spans
    blocked: frozenset[int]  # tokens that cannot be part of a name
    organisation_tokens: frozenset[int]
    main_force: str | None  # the article's main force (doc._.main_force)
    place_force: str | None = None  # the force whose mentions and areas the article names most, by a clear margin


class RoleMatchers:
    """The phrase matchers of the lexicon: titles (T), heads (H), organisations (O), bodies of forces (B), and the
    force areas (``areas``: canonical force -> its area names, from the gazetteer)."""

    def __init__(self, nlp: Language, lex: Roles, areas: Mapping[str, Sequence[str]]) -> None:
        self.lex = lex
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for kind, table in (("T", lex.titles), ("O", lex.organisations), ("B", lex.bodies_of_forces)):
            for phrase, label in table.items():
                self.phrases.add(f"{kind}|{label}", [nlp.make_doc(phrase)])
        self.phrases.add("H|", [nlp.make_doc(h) for h in sorted(lex.heads)])
        self.phrases.add("O|", [nlp.make_doc(o) for o in sorted(lex.not_policing_organisations)])
        self.phrases.add(f"O|{POLITICIAN}", [nlp.make_doc(p) for p in sorted(lex.parties)])
        for form, label in lex.abbreviations.items():
            self.exact.add(f"T|{label}", [nlp.make_doc(form)])
        for force, names in areas.items():
            if names:
                self.areas.add(force, [nlp.make_doc(a) for a in names])

    def matches(self, doc: Doc) -> dict[str, list[Span]]:
        """Matched spans by kind, each with its label as ``kb_id_``."""
        strings = doc.vocab.strings
        found: dict[str, list[Span]] = {"T": [], "H": [], "O": [], "B": []}
        for match_id, start, end in [*self.phrases(doc), *self.exact(doc)]:
            kind, label = strings[match_id].split("|", 1)
            found[kind].append(Span(doc, start, end, kb_id=label))
        return found

    def titles(self, doc: Doc, found: dict[str, list[Span]] | None = None) -> list[Phrase]:
        """The titles and heads of the document (the longest where they overlap)."""
        found = found if found is not None else self.matches(doc)
        phrases = [Phrase(s.start, s.end, s.kb_id_ or None) for s in filter_spans(found["T"] + found["H"])]
        return [t for t in phrases if is_title(doc, t, self.lex)]

    def index(self, doc: Doc, settings: Settings, main_force: str | None) -> DocIndex:
        """The index of one document."""
        found = self.matches(doc)
        titles = self.titles(doc, found)
        organisations = [Phrase(s.start, s.end, s.kb_id_) for s in filter_spans(found["O"])]
        places: dict[int, Phrase] = {}
        title_tokens = {i for t in titles for i in range(t.start, t.end)}
        for match_id, start, end in self.areas(doc):
            if inside_proper_noun(doc, start, end, title_tokens, self.lex.proper_noun_continuations):
                continue
            for i in range(start, end):
                places.setdefault(i, Phrase(start, end, doc.vocab.strings[match_id]))
        forces: set[int] = set()
        for span in force_mentions(doc):
            mention = Phrase(span.start, span.end, span.kb_id_)
            for i in range(span.start, span.end):
                places[i] = mention
                forces.add(i)
        organisation_tokens = frozenset(i for o in organisations for i in range(o.start, o.end))
        return DocIndex(
            doc=doc, lex=self.lex, settings=settings, titles=Sorted(titles), title_ending={t.end: t for t in titles},
            title_at={i: t for t in titles for i in range(t.start, t.end)}, organisations=Sorted(organisations),
            bodies=Sorted([Phrase(s.start, s.end, s.kb_id_) for s in found["B"]]), places=places,
            forces=frozenset(forces), blocked=frozenset(forces) | {i for t in titles for i in range(t.start, t.end)}
            | organisation_tokens,
            organisation_tokens=organisation_tokens, main_force=main_force, place_force=dominant(places.values()),
        )


def dominant(places: Iterable[Phrase]) -> str | None:
    """The force named, by its name or its area, at least twice as often as any other."""
    ranked = Counter(p.label for p in set(places)).most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return None


def inside_proper_noun(doc: Doc, start: int, end: int, titles: set[int], continuations: frozenset[str]) -> bool:
    """An area name that is part of a longer proper noun, not a place of its own: after a capitalised word that
    is no title and no function word opening the sentence ('Welwyn Garden City', 'Steve Kent', not 'In Kent'), or
    before one of ``continuations`` ('Essex Fire Authority', 'Durham University') or before 'of' and a capitalised
    word ('the City of Edinburgh Council')."""
    before = doc[start - 1] if start > 0 else None
    capital = before is not None and before.i not in titles and before.is_alpha and before.text[0].isupper()
    if capital and not (before.is_sent_start and before.is_stop):
        return True
    if end + 1 < len(doc) and doc[end].lower_ == "of" and doc[end + 1].is_title and doc[end + 1].is_alpha:
        return True  # 'the City of Edinburgh Council': 'City' names no force here
    return end < len(doc) and doc[end].lower_ in continuations


def is_title(doc: Doc, phrase: Phrase, lex: Roles) -> bool:
    """Short forms that are also ordinary words ('AM', 'DC') are titles only before a capitalised word."""
    if doc[phrase.start : phrase.end].text not in lex.short_abbreviations:
        return True
    following = doc[phrase.end] if phrase.end < len(doc) else None
    return following is not None and following.text[:1].isupper() and following.is_alpha

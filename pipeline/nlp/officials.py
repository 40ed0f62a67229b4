"""Officials stage: every named person with a policing-governance role, and the quotes they give.

spaCy's PERSON label alone is not enough (the small English model tags "Iain Spittal" as ORG,
folds titles into names and misses names in lists), so a person is a run of capitalised words
that the words around it make an official (titles, organisations and cue words are data, in
``models/roles.json``):

- a title before the name: "Herts chief constable Andy Bliss", "Acting Chief Constable for
  Cleveland Police, Iain Spittal", "Durham Constabulary's Deputy Chief Constable, Michael Banks";
- an appositive after it: "Julia Mulligan, the Police and Crime Commissioner for North Yorkshire",
  "X, chairman of the Devon & Cornwall Police Federation" (a head such as chairman, secretary or
  chief executive takes its label from the organisation named with it);
- a relative clause: "X, who chairs the panel", "X, who has been acting chief constable of the CNC";
- a plural title before a list: "the three commissioners - A from X, B in Y and C in Z";
- "Mr Clarke's successor, John Reid" (the successor holds the same post);
- a paragraph-opening speaker with no title of their own takes the one unnamed title of the
  sentence before ("... the Met's commissioner told a committee ..." / "Sir Richard Hallam said");
- later references ("Mr Hogg", "Lord X", "Sir Richard", "PC Hartley", the full name again)
  resolve to the person already introduced: role, force and acting come from the introduction.

Force: the force in the role phrase ("for North Yorkshire", "Herts", "Durham Constabulary's"),
else one named after the name ("of Kent Police", "from Kent"), else one in a relative clause,
else the force of the panel or board a chair chairs, else the article's main force (its only
force, one named at least twice as often as any other, or else the one force that opens the
headline or is the subject of the first sentence) for roles that serve one force; where the article has
no main force, the one force or area the official's own sentence speaks for, not a partner ("told the
panel that leaving could cost Warwickshire £4m, to rebuild what it shares with West Mercia").
Politicians, inspectors, federation officials and heads of joint units get no fallback force.
An area that names an official's force but was not yet a force mention ("Jane Fordham in
Cambridgeshire") is added to ``doc.spans["forces"]``.

Quotes (``doc._.quotes``): quoted passages with their speaker (``X said: "..."``, ``"...," X
said``, ``"...," he added`` with the pronoun resolved to the last person named, continuation
paragraphs of a multi-paragraph quote), plus reported speech ("Ms Hollis added that no jobs
would be lost", ``direct: False``) so that job concerns can take a speaker (``speaker_for``).
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

import pipeline.nlp.extensions  # noqa: F401 - registers the Doc attributes
from pipeline.config import models_dir
from pipeline.gazetteer import Gazetteer, load_gazetteer
from pipeline.nlp.forces import LABEL as FORCE_LABEL
from pipeline.nlp.forces import SPAN_KEY as FORCE_SPAN_KEY
from pipeline.nlp.sentences import content_sentences

COMPONENT = "forcewatch_officials"

PCC = "police_and_crime_commissioner"
DEPUTY_PCC = "deputy_police_and_crime_commissioner"
CHIEF_CONSTABLE = "chief_constable"
POLITICIAN = "politician"
OTHER = "other"
STAFF = "police_staff"
FEDERATION = "federation_representative"
# The organisation that decides the label of a head ("chairman", "chief executive") when several are named.
ORGANISATION_PRIORITY = (FEDERATION, OTHER, POLITICIAN, STAFF)

POSSESSIVE = {"'s", "’s", "'", "’"}
NON_NAME_ENTITIES = {"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT", "QUANTITY"}
PLURAL_TAGS = {"NNS", "NNPS"}
MODIFIER_DEPS = {"compound", "amod", "nmod", "nummod", "poss", "case", "det", "advmod"}
LIST_OPENERS = {"-", "–", "—", ":", ","}
LIST_JOINERS = {",", "and", "&", "-", "–"}
PLACE_PREPOSITIONS = {"from", "in", "of", "at", "for"}
PRONOUNS = {"he", "she"}
OPENING_QUOTES = "\"“"
CLOSING_QUOTES = "\"”"
MAX_NAME_TOKENS = 4
MAX_OWNER_DISTANCE = 40  # tokens between an organisation and the 'its' that refers to it

# Ranks of the clues to a person's role: the lowest rank wins.
RANK_TITLE_BEFORE = 0
RANK_APPOSITIVE = 1
RANK_RELATIVE = 2
RANK_PLACE = 3
RANK_HEADS_UNIT = 4
RANK_HONORIFIC = 5
RANK_ANTECEDENT = 6


@dataclass(frozen=True)
class RoleLexicon:
    """The titles, organisations and cue words of ``models/roles.json``."""

    titles: dict[str, str]
    abbreviations: dict[str, str]
    heads: frozenset[str]
    organisations: dict[str, str]
    bodies_of_forces: dict[str, str]
    commissioner_chief_constable_forces: frozenset[str]
    mayor_pcc_forces: frozenset[str]
    not_policing_commissioners: frozenset[str]
    short_abbreviations: frozenset[str]
    honorifics: frozenset[str]
    councillor_honorifics: frozenset[str]
    peer_titles: frozenset[str]
    knight_titles: frozenset[str]
    acting: frozenset[str]
    former: frozenset[str]
    fallback_roles: frozenset[str]
    chair_verbs: frozenset[str]
    head_verbs: frozenset[str]
    head_objects: frozenset[str]
    successor_words: frozenset[str]
    role_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    unnamed_speakers: frozenset[str]
    not_name_words: frozenset[str]
    name_particles: frozenset[str]
    partner_prepositions: frozenset[str]

    @classmethod
    def load(cls, folder: Path | None = None) -> RoleLexicon:
        data = json.loads(((folder or models_dir()) / "roles.json").read_text(encoding="utf-8"))

        def by_label(section: str) -> dict[str, str]:
            return {phrase: label for label, phrases in data[section].items() for phrase in phrases}

        sets = {
            key: frozenset(data[key])
            for key in (
                "heads", "commissioner_chief_constable_forces", "mayor_pcc_forces", "not_policing_commissioners",
                "short_abbreviations", "honorifics", "councillor_honorifics", "peer_titles", "knight_titles", "acting", "former",
                "fallback_roles", "chair_verbs", "head_verbs", "head_objects", "successor_words", "role_verbs",
                "speech_verbs", "unnamed_speakers", "not_name_words", "name_particles", "partner_prepositions",
            )
        }
        return cls(
            titles=by_label("titles"), abbreviations=by_label("abbreviations"),
            organisations=by_label("organisations"), bodies_of_forces=dict(data["bodies_of_forces"]), **sets,
        )


@lru_cache(maxsize=4)
def load_lexicon(folder: str | None = None) -> RoleLexicon:
    return RoleLexicon.load(Path(folder) if folder else None)


@dataclass(frozen=True)
class Phrase:
    """A matched title, head, organisation, body or place, in token offsets."""

    start: int
    end: int
    label: str | None  # role label (None for a head), organisation label, or canonical force name


@dataclass
class Person:
    """One official of an article, as first introduced."""

    name: str
    role: str
    acting: bool
    force: str | None

    @property
    def surname(self) -> str:
        return self.name.split()[-1]

    @property
    def first_name(self) -> str:
        return self.name.split()[0]


@dataclass(frozen=True)
class Mention:
    person: Person
    start: int  # first name token
    end: int
    text_start: int  # first honorific ("Mr Hogg"), else start


@dataclass
class Clue:
    """One piece of evidence about a person's role or force; the lowest rank with a label wins."""

    rank: int
    label: str | None
    acting: bool = False
    force: str | None = None
    area: tuple[int, int] | None = None  # the area that named the force, when it is not yet a FORCE span
    no_fallback: bool = False


class Sorted:
    """Phrases sorted by start token, with the ones inside a token range found by bisection."""

    def __init__(self, phrases: list[Phrase]) -> None:
        self.items = sorted(phrases, key=lambda p: p.start)
        self.starts = [p.start for p in self.items]

    def within(self, lo: int, hi: int) -> list[Phrase]:
        i = bisect.bisect_left(self.starts, lo)
        j = bisect.bisect_left(self.starts, hi)
        return [p for p in self.items[i:j] if p.end <= hi]

    def before(self, hi: int) -> list[Phrase]:
        """Phrases that end at or before ``hi``, nearest first."""
        return [p for p in reversed(self.items[: bisect.bisect_left(self.starts, hi)]) if p.end <= hi]


@dataclass
class DocIndex:
    """Token-level lookups for one document."""

    titles: Sorted
    title_ending: dict[int, Phrase]
    title_at: dict[int, Phrase]
    organisations: Sorted
    bodies: Sorted
    places: dict[int, Phrase]  # token -> the FORCE span or gazetteer area it is in (label: canonical force)
    forces: set[int]  # tokens inside FORCE spans
    blocked: set[int]  # tokens that cannot be part of a name
    organisation_tokens: set[int]
    main_force: str | None
    used_titles: set[int] = field(default_factory=set)  # titles that gave someone their role

    def place(self, place: Phrase, rank: int) -> Clue:
        """A force clue from a force mention or an area."""
        return Clue(rank, None, force=place.label, area=None if place.start in self.forces else (place.start, place.end))


def _title_case(sent: Span) -> bool:
    """A headline In Title Case: every word but function words capitalised, and no full stop."""
    words = [t for t in sent if t.is_alpha and not t.is_stop]
    return len(words) >= 4 and all(t.text[0].isupper() for t in words) and sent[-1].text != "."


def _in_subject(token: Token, subject: Token) -> bool:
    """The token is the subject, a word of its noun phrase or a conjunct of it, not inside a phrase or clause
    hanging from it ('Kent Police and Essex Police', not 'the partnership with Essex Police' or 'Jane Doe, the
    former Kent chief constable')."""
    while token.i != subject.i:
        if token.dep_ in {"prep", "pobj", "appos", "relcl", "acl"} or token.head.i == token.i:
            return False
        token = token.head
    return True


class OfficialFinder:
    """Finds officials and quotes; results on ``doc._.officials`` and ``doc._.quotes``."""

    def __init__(self, nlp: Language, lexicon: RoleLexicon, gazetteer: Gazetteer) -> None:
        self.lex = lexicon
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.areas = PhraseMatcher(nlp.vocab, attr="ORTH")
        for kind, table in (("T", lexicon.titles), ("O", lexicon.organisations), ("B", lexicon.bodies_of_forces)):
            for phrase, label in table.items():
                self.phrases.add(f"{kind}|{label}", [nlp.make_doc(phrase)])
        self.phrases.add("H|", [nlp.make_doc(h) for h in sorted(lexicon.heads)])
        for form, label in lexicon.abbreviations.items():
            self.exact.add(f"T|{label}", [nlp.make_doc(form)])
        for force in gazetteer.forces:
            if force.areas:
                self.areas.add(force.name, [nlp.make_doc(a) for a in force.areas])
        self.kinds = {f.name: f.kind for f in gazetteer.forces}

    def __call__(self, doc: Doc) -> Doc:
        idx = self._index(doc)
        people: list[Person] = []
        mentions: list[Mention] = []
        by_end: dict[int, Mention] = {}
        areas: dict[tuple[int, int], str] = {}
        sentences = list(content_sentences(doc))
        for k, sent in enumerate(sentences):
            if _title_case(sent):
                continue  # 'Chief Constable Backs Merger Plan': no telling names from words
            runs = self._runs(sent, idx)
            listed = self._list_items(doc, sent, runs, idx)
            for start, end in runs:
                hon_start = self._honorific_start(doc, start, sent.start)
                if start in listed:
                    clues = [listed[start]]
                else:
                    before = self._title_before(doc, hon_start, sent, idx) or self._successor(doc, hon_start, sent, by_end)
                    clues = [before] if before else []
                    clues += self._after_name(doc, end, sent, idx)
                if {t.text for t in doc[hon_start:start]} & self.lex.councillor_honorifics:
                    clues.append(Clue(RANK_HONORIFIC, POLITICIAN))
                person = self._resolve(doc, hon_start, start, end, people)
                if person is None:
                    if not any(c.label for c in clues) and end - start >= 2:
                        antecedent = self._antecedent(doc, sent, sentences[k - 1] if k else None, hon_start, end, idx)
                        clues += [antecedent] if antecedent else []
                    person = self._introduce(doc, hon_start, start, end, clues, idx, areas)
                    if person is None:
                        continue
                    people.append(person)
                mention = Mention(person, start, end, hon_start)
                mentions.append(mention)
                by_end[end] = mention
        doc._.officials = [
            {
                "name": m.person.name, "role": m.person.role, "acting": m.person.acting, "force": m.person.force,
                "start_char": doc[m.text_start].idx, "end_char": doc[m.end - 1].idx + len(doc[m.end - 1]),
                "text": doc[m.text_start : m.end].text,
            }
            for m in mentions
        ]
        doc._.quotes = QuoteFinder(self.lex, doc, mentions, set(idx.title_at)).quotes()
        return doc

    # -- indexing ---------------------------------------------------------------------------

    def _index(self, doc: Doc) -> DocIndex:
        strings = doc.vocab.strings
        found: dict[str, list[Span]] = {"T": [], "H": [], "O": [], "B": []}
        for match_id, start, end in [*self.phrases(doc), *self.exact(doc)]:
            kind, label = strings[match_id].split("|", 1)
            found[kind].append(Span(doc, start, end, kb_id=label))
        titles = [Phrase(s.start, s.end, s.kb_id_ or None) for s in filter_spans(found["T"] + found["H"])]
        titles = [t for t in titles if self._is_title(doc, t)]
        organisations = [Phrase(s.start, s.end, s.kb_id_) for s in filter_spans(found["O"])]
        places: dict[int, Phrase] = {}
        for match_id, start, end in self.areas(doc):
            for i in range(start, end):
                places.setdefault(i, Phrase(start, end, strings[match_id]))
        forces: set[int] = set()
        for span in doc.spans.get(FORCE_SPAN_KEY, []):
            mention = Phrase(span.start, span.end, span.kb_id_)
            for i in range(span.start, span.end):
                places[i] = mention
                forces.add(i)
        blocked = set(forces)
        for phrase in (*titles, *organisations):
            blocked.update(range(phrase.start, phrase.end))
        return DocIndex(
            titles=Sorted(titles), title_ending={t.end: t for t in titles},
            title_at={i: t for t in titles for i in range(t.start, t.end)}, organisations=Sorted(organisations),
            bodies=Sorted([Phrase(s.start, s.end, s.kb_id_) for s in found["B"]]), places=places, forces=forces,
            blocked=blocked, organisation_tokens={i for o in organisations for i in range(o.start, o.end)},
            main_force=doc._.main_force,
        )

    def _is_title(self, doc: Doc, phrase: Phrase) -> bool:
        """Short forms that are also ordinary words ('AM', 'DC') are titles only before a capitalised word."""
        if doc[phrase.start : phrase.end].text not in self.lex.short_abbreviations:
            return True
        following = doc[phrase.end] if phrase.end < len(doc) else None
        return following is not None and following.text[:1].isupper() and following.is_alpha

    def _main_force(self, doc: Doc) -> str | None:
        """The article's main force: the only (current) force it names, or one named twice as often as any other."""
        counts = Counter(s.kb_id_ for s in doc.spans.get(FORCE_SPAN_KEY, []))
        current = Counter({f: n for f, n in counts.items() if self.kinds.get(f) != "former"})
        ranked = (current or counts).most_common()
        if ranked and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
            return ranked[0][0]
        return self._lead_force(doc) if ranked else None

    @staticmethod
    def _lead_force(doc: Doc) -> str | None:
        """Where no force dominates by count, the one force the article leads with: a force that alone opens the
        headline ('PSNI signs pact with Police Scotland', not 'Kent and Essex agree ...') or heads the subject of
        the first full sentence ('The Police Service of Northern Ireland has signed ...')."""
        sentences = content_sentences(doc)
        first = next(sentences, None)
        if first is None:
            return None
        lede = first if first[-1].is_punct else next(sentences, None)
        spans = list(doc.spans.get(FORCE_SPAN_KEY, []))
        named = set()
        opening = next((s for s in spans if s.start == first.start), None)
        if opening is not None and not (opening.end < len(doc) and doc[opening.end].lower_ in LIST_JOINERS):
            named.add(opening.kb_id_)
        if lede is not None:
            subjects = [t for t in lede if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i == lede.root.i]
            named |= {s.kb_id_ for s in spans for t in subjects if _in_subject(s.root, t)}
        return named.pop() if len(named) == 1 else None

    # -- names ------------------------------------------------------------------------------

    def _name_token(self, token: Token, idx: DocIndex, first: bool = False) -> bool:
        """A word that can be part of a person's name (an entity label like DATE only stops a name's first word:
        'Theresa May')."""
        text = token.text
        if token.i in idx.blocked or not text[:1].isupper() or not any(c.isalpha() for c in text):
            return False
        if not all(c.isalpha() or c in "'’-." for c in text) or (text.isalpha() and text.isupper() and len(text) > 1):
            return False
        if text in self.lex.not_name_words or text in self.lex.honorifics:
            return False
        if text.lower() in self.lex.acting or text.lower() in self.lex.former:
            return False
        return not (first and token.ent_type_ in NON_NAME_ENTITIES)

    def _runs(self, sent: Span, idx: DocIndex) -> list[tuple[int, int]]:
        """Maximal runs of name words in a sentence ('Marc Le Page', 'Ben-Luke Harrington'), without a
        capitalised function word that opens the sentence ('But Mark Jenkins')."""
        doc = sent.doc
        runs: list[tuple[int, int]] = []
        i = sent.start
        while i < sent.end:
            if not self._name_token(doc[i], idx, first=True):
                i += 1
                continue
            start, j = i, i + 1
            while j < sent.end:
                if self._name_token(doc[j], idx):
                    j += 1
                elif j + 1 < sent.end and self._name_token(doc[j + 1], idx) and (
                    (doc[j].text in {"-", "‐"} and not doc[j - 1].whitespace_ and not doc[j].whitespace_)
                    or doc[j].lower_ in self.lex.name_particles
                ):
                    j += 2
                else:
                    break
            while start < j and doc[start].lower_ in STOP_WORDS and (start == sent.start or doc[start - 1].is_punct):
                start += 1
            while j - start > 2 and start in idx.places:  # 'PCC for Devon Tony Hogg' where Devon is no force mention
                start = idx.places[start].end
            if start < j and j - start <= MAX_NAME_TOKENS and not all(k in idx.places for k in range(start, j)):
                runs.append((start, j))
            i = j
        return runs

    def _honorific_start(self, doc: Doc, start: int, floor: int) -> int:
        i = start
        while i - 1 >= floor and doc[i - 1].text in self.lex.honorifics:
            i -= 1
        return i

    # -- clues before the name --------------------------------------------------------------

    def _title_before(self, doc: Doc, hon_start: int, sent: Span, idx: DocIndex) -> Clue | None:
        """'Chief Constable Jane Doe', 'Kent's chief constable, Sir Jane Doe', 'PCC for Kent Jane Doe'."""
        i = hon_start - 1
        set_off = i >= sent.start and (doc[i].text == "," or self._dash(doc[i]))
        i -= set_off
        if i < sent.start:
            return None
        title, context_end = idx.title_ending.get(i + 1), i + 1
        if title is None:  # 'PCC for Devon & Cornwall Tony Hogg', 'Minister for Crime and Policing Kit Malt'
            k = i
            while k >= sent.start and i - k < 8 and (
                self._portfolio_word(doc[k], idx) or (set_off and doc[k].text[:1].isupper())  # 'Mayor of Hull, X'
            ):
                k = idx.places[k].start - 1 if k in idx.places else k - 1
            k -= k >= sent.start and doc[k].lower_ == "the"
            if k < i and k >= sent.start and doc[k].lower_ in {"for", "of", "in", "at"}:
                title = idx.title_ending.get(k)
                owned = title is not None and title.start > 0 and doc[title.start - 1].lower_ in {"its", "their"}
                if title is not None and title.label is None and doc[k].lower_ in {"in", "at"} and not owned:
                    title = None  # 'branch secretary in Kent, X': of which organisation?
        if title is None:
            return None
        lo = title.start
        while lo - 1 >= sent.start and title.start - lo < 6 and self._premodifier(doc[lo - 1], idx):
            lo -= 1
        honorific_only = all(t.text in self.lex.honorifics for t in doc[title.start : title.end])
        return self._clue(doc, title, lo, context_end, RANK_HONORIFIC if honorific_only else RANK_TITLE_BEFORE, idx)

    def _portfolio_word(self, token: Token, idx: DocIndex) -> bool:
        """A word of the place or brief after a title and before the name: a force or area, or a capitalised
        word that is never a name ('Crime', 'Policing'), with the commas and 'and' between them."""
        return token.i in idx.places or token.text in self.lex.not_name_words or token.lower_ in {"and", "&", ","}

    def _premodifier(self, token: Token, idx: DocIndex) -> bool:
        """A word before a title that belongs to it: a force or area, a possessive, acting or former, an
        adjective, an organisation ('Unison branch secretary'), a title owning it ('the commissioner's')."""
        lower = token.lower_
        return (
            token.i in idx.places or token.text in POSSESSIVE or lower in self.lex.acting or lower in self.lex.former
            or lower == "the" or (token.pos_ == "ADJ" and token.is_lower) or token.i in idx.organisation_tokens
            or (token.i in idx.title_at and token.i + 1 < len(token.doc) and token.nbor().text in POSSESSIVE)
        )

    def _successor(self, doc: Doc, hon_start: int, sent: Span, by_end: dict[int, Mention]) -> Clue | None:
        """'Mr Clarke's successor, John Reid': the successor holds the post of the person named."""
        i = hon_start - 1
        if i >= sent.start and doc[i].text == ",":
            i -= 1
        if i - 2 < sent.start or doc[i].lower_ not in self.lex.successor_words or doc[i - 1].text not in POSSESSIVE:
            return None
        holder = by_end.get(i - 1)
        return Clue(RANK_APPOSITIVE, holder.person.role, force=holder.person.force) if holder else None

    # -- clues after the name ---------------------------------------------------------------

    def _after_name(self, doc: Doc, end: int, sent: Span, idx: DocIndex) -> list[Clue]:
        """'Jane Doe of Kent Police', 'Jane Doe, the PCC for Kent, ...', 'Jane Doe, 45, a police constable',
        'Jane Doe, who chairs the panel, ...'."""
        clues: list[Clue] = []
        if end < sent.end and doc[end].lower_ in {"of", "from", "at"}:
            k = end + 1 + (end + 1 < sent.end and doc[end + 1].lower_ == "the")
            if k in idx.places and idx.places[k].start == k:
                clues.append(idx.place(idx.places[k], RANK_PLACE))
        if end >= sent.end or not (doc[end].text in {",", "("} or self._dash(doc[end])):
            return clues
        start = end + 1
        stop = self._segment_end(doc, start, sent, idx)
        if stop > start and all(t.like_num for t in doc[start:stop]) and stop + 1 < sent.end and doc[stop].text == ",":
            start, stop = stop + 1, self._segment_end(doc, stop + 1, sent, idx)  # an age: 'Jane Doe, 45, ...'
        if start < sent.end and doc[start].lower_ == "who":
            return clues + self._relative(doc, start, stop, idx)
        clues += self._appositive(doc, start, stop, idx)
        if stop + 1 < sent.end and doc[stop].text == "," and doc[stop + 1].lower_ == "who":
            clues += self._relative(doc, stop + 1, self._segment_end(doc, stop + 1, sent, idx), idx)
        return clues

    @staticmethod
    def _dash(token: Token) -> bool:
        """A dash that sets off a phrase ('Jane Doe – the PCC – said'), not a hyphen inside a word."""
        return token.text in {"–", "—"} or (token.text == "-" and token.i > 0 and bool(token.nbor(-1).whitespace_))

    def _segment_end(self, doc: Doc, start: int, sent: Span, idx: DocIndex) -> int:
        """Where an appositive or relative clause opening at ``start`` ends: a comma outside a title or force
        name ('police, fire and crime commissioner'), a bracket, a quote mark or the sentence end."""
        j = start
        while j < sent.end:
            text = doc[j].text
            if text in {";", "(", ")"} or text in OPENING_QUOTES or text in CLOSING_QUOTES or self._dash(doc[j]):
                break
            if text == "," and j not in idx.title_at and j not in idx.places:
                break
            j += 1
        return j

    def _appositive(self, doc: Doc, start: int, end: int, idx: DocIndex) -> list[Clue]:
        """', the Police and Crime Commissioner for North Yorkshire', ', a TVP officer who heads SEROCU'."""
        clues: list[Clue] = []
        verbs = (t.i for t in doc[start:end] if t.pos_ in {"VERB", "AUX"} and t.i not in idx.title_at)
        verb = next((i for i in verbs if doc[i].lower_ not in self.lex.acting), end)
        title = None
        for part in [start] + [t.i + 1 for t in doc[start:verb] if t.lower_ == "and"]:  # '..., X lead and Kent's PCC'
            title = title or self._role_head(doc, part, verb, idx, frozenset())
        clue = self._clue(doc, title, start, end, RANK_APPOSITIVE, idx) if title else None
        if clue:
            clues.append(clue)
        elif not self._has_former(doc, start, verb) and (places := self._places_in(start, verb, idx)):
            clues.append(idx.place(places[0], RANK_PLACE))
        who = next((t.i for t in doc[start:end] if t.lower_ == "who"), None)
        return clues + (self._relative(doc, who, end, idx) if who is not None else [])

    def _relative(self, doc: Doc, start: int, end: int, idx: DocIndex) -> list[Clue]:
        """', who has been acting chief constable of the CNC', ', who chairs the panel', ', who heads the unit',
        ', who has led North Wales Police since the spring'."""
        clues: list[Clue] = []
        title = self._role_head(doc, start, end, idx, self.lex.role_verbs)
        clue = self._clue(doc, title, start, end, RANK_RELATIVE, idx) if title else None
        if clue:
            clues.append(clue)
        words = {t.lower_ for t in doc[start:end]}
        places = [] if self._has_former(doc, start, end) else self._places_in(start, end, idx)
        if words & self.lex.chair_verbs:
            chaired = {o.label for o in idx.organisations.within(start, end)}
            label = next((label for label in ORGANISATION_PRIORITY if label in chaired and label != STAFF), None)
            if label:
                force = self._body_force(doc, start, end, idx) if label == OTHER else None
                clues.append(Clue(RANK_RELATIVE, label, force=force))
        if words & self.lex.head_verbs and words & self.lex.head_objects and not places:
            clues.append(Clue(RANK_HEADS_UNIT, STAFF, no_fallback=True))  # 'who heads the unit': a joint unit
        if places:
            clues.append(idx.place(places[0], RANK_PLACE))
        return clues

    def _role_head(self, doc: Doc, start: int, end: int, idx: DocIndex, verbs: frozenset[str]) -> Phrase | None:
        """The title that heads the phrase doc[start:end] ('the PCC for Kent', 'one of HM Inspectors of
        Constabulary', 'who has been appointed deputy PCC'); not a title that only owns another noun ('the PCC's
        chief of staff'), follows a preposition ('mother of PC Jane Doe') or is someone else's ('wife of DCI X')."""
        for title in idx.titles.within(start, end):
            if not all(self._lead_in(token, title, verbs, idx) for token in doc[start : title.start]):
                return None
            following = doc[title.end] if title.end < len(doc) else None
            if following is not None and following.text in POSSESSIVE:
                continue  # an owner: the head comes after it
            if following is not None and self._name_token(following, idx):
                return None
            return title
        return None

    def _lead_in(self, token: Token, title: Phrase, verbs: frozenset[str], idx: DocIndex) -> bool:
        """A word that may come before the title that heads an appositive or a relative clause."""
        lower = token.lower_
        if lower in {"the", "a", "an", "one"} or lower in verbs or token.text[:1].isupper():
            return True
        if lower == "of":
            return token.i > 0 and token.nbor(-1).lower_ == "one"
        if token.dep_ in MODIFIER_DEPS and title.start <= token.head.i < title.end:
            return True
        return self._premodifier(token, idx)

    def _has_former(self, doc: Doc, start: int, end: int) -> bool:
        return any(t.lower_ in self.lex.former for t in doc[start:end])

    # -- lists and antecedents --------------------------------------------------------------

    def _list_items(self, doc: Doc, sent: Span, runs: list[tuple[int, int]], idx: DocIndex) -> dict[int, Clue]:
        """'the three commissioners - A from X, B in Y and C in Z': each name takes the plural title's role and
        the force of the place after it."""
        run_end = dict(runs)
        out: dict[int, Clue] = {}
        for title in idx.titles.within(sent.start, sent.end):
            last = doc[title.end - 1]
            if title.label is None or not (last.tag_ in PLURAL_TAGS or last.text.endswith("s")):
                continue
            i = title.end
            while i < sent.end and doc[i].text in LIST_OPENERS:
                i += 1
            items: dict[int, Clue] = {}
            while i < sent.end and doc[i].text in self.lex.honorifics:
                i += 1
            while i in run_end and run_end[i] - i >= 2:
                clue = self._clue(doc, title, title.start, title.end, RANK_TITLE_BEFORE, idx)
                if clue is None:
                    break
                k = run_end[i]
                if k < sent.end and doc[k].lower_ in PLACE_PREPOSITIONS:
                    k += 1 + (k + 1 < sent.end and doc[k + 1].lower_ == "the")
                    if k in idx.places and idx.places[k].start == k:
                        place = idx.places[k]
                        clue.force, clue.area = place.label, idx.place(place, RANK_PLACE).area
                        k = place.end
                items[i] = clue
                while k < sent.end and (doc[k].text in LIST_JOINERS or doc[k].text in self.lex.honorifics):
                    k += 1
                i = k
            if len(items) >= 2:
                out.update(items)
        return out

    def _antecedent(
        self, doc: Doc, sent: Span, previous: Span | None, hon_start: int, end: int, idx: DocIndex
    ) -> Clue | None:
        """A speaker who opens a sentence with no title of their own takes the one unnamed title of the sentence
        before ('... after the Met's commissioner told a committee ...' / 'Sir Richard Hallam said ...')."""
        if hon_start != sent.start or end >= sent.end or doc[end].lemma_.lower() not in self.lex.speech_verbs:
            return None
        if previous is None:
            return None
        unnamed = [
            t for t in idx.titles.within(previous.start, previous.end)
            if t.start not in idx.used_titles and t.label in self.lex.fallback_roles
            and doc[t.end - 1].tag_ not in PLURAL_TAGS and t.start > 0 and doc[t.start - 1].text in POSSESSIVE
        ]
        if len(unnamed) != 1:
            return None
        title = unnamed[0]
        lo = title.start
        while lo - 1 >= previous.start and self._premodifier(doc[lo - 1], idx):
            lo -= 1
        return self._clue(doc, title, lo, title.end, RANK_ANTECEDENT, idx)

    # -- labels and forces ------------------------------------------------------------------

    def _clue(self, doc: Doc, title: Phrase, lo: int, hi: int, rank: int, idx: DocIndex) -> Clue | None:
        """The clue a title gives, read with its context doc[lo:hi] (the words around it that name the force)."""
        places = self._places_in(lo, hi, idx)
        label = self._label(doc, title, lo, hi, idx, [p.label for p in places])
        if label is None:
            return None
        before = {t.lower_ for t in doc[max(lo, title.start - 3) : title.start]}
        clue = Clue(rank, label, acting=bool(before & self.lex.acting))
        if label == OTHER:
            clue.force = self._body_force(doc, lo, hi, idx)
        if not clue.force and not before & self.lex.former:
            if places:
                clue.force, clue.area = places[0].label, idx.place(places[0], rank).area
            elif bodies := idx.bodies.within(lo, hi):
                clue.force = bodies[0].label  # 'the Mayor of London', 'the Scottish Police Federation'
        idx.used_titles.add(title.start)
        return clue

    def _label(self, doc: Doc, title: Phrase, lo: int, hi: int, idx: DocIndex, forces: list[str]) -> str | None:
        """The role label of a title read in doc[lo:hi]: a head takes it from its organisation; 'commissioner'
        is a PCC, the chief officer of the Met or City of London Police, or some other commissioner (None)."""
        if title.label is None:
            return self._organisation_label(doc, title, lo, hi, idx)
        words = doc[title.start : title.end].text.lower()
        if words == "mayor" and any(f in self.lex.mayor_pcc_forces for f in forces):
            return PCC  # "West Yorkshire's Mayor": a mayor with the PCC's powers
        if title.label == PCC and words in {"commissioner", "commissioners"}:
            before = [t.lower_ for t in doc[max(0, title.start - 3) : title.start] if t.text not in POSSESSIVE][-1:]
            if before and before[0] in self.lex.not_policing_commissioners:
                return None  # "the Children's Commissioner", "Victims' Commissioner", "Information Commissioner"
            if any(f in self.lex.commissioner_chief_constable_forces for f in forces):
                return CHIEF_CONSTABLE
        return title.label

    def _organisation_label(self, doc: Doc, head: Phrase, lo: int, hi: int, idx: DocIndex) -> str | None:
        """'chairman of the X Police Federation' is a federation official, 'Unison branch secretary' too, and
        'its chair' after the Federation is named; 'director of finance' of a force, or 'chief finance officer to
        the PCC', is police staff."""
        named = {o.label for o in idx.organisations.within(lo, hi)}
        label = next((label for label in ORGANISATION_PRIORITY if label in named), None)
        if label:
            return label
        owner = head.start - 1
        if owner >= 0 and doc[owner].lower_ in {"its", "their"}:  # 'The Police Federation said ... Its chair, X'
            earlier = [o for o in idx.organisations.before(owner) if owner - o.end < MAX_OWNER_DISTANCE]
            if earlier:
                return earlier[0].label
        if any(i in idx.forces for i in range(lo, hi)):
            return STAFF
        if any(t.label in {PCC, DEPUTY_PCC} for t in idx.titles.within(lo, hi) if t != head):
            return STAFF
        return None

    def _places_in(self, lo: int, hi: int, idx: DocIndex) -> list[Phrase]:
        """Force mentions and areas in doc[lo:hi], in text order; one that overlaps its start counts
        ('Notts police and crime commissioner' where 'Notts police' is the force mention)."""
        out: list[Phrase] = []
        for i in range(lo, hi):
            place = idx.places.get(i)
            if place is not None and place not in out and (place.start >= lo or i == lo):
                out.append(place)
        return out

    def _body_force(self, doc: Doc, lo: int, hi: int, idx: DocIndex) -> str | None:
        """The force a panel, board or authority named in doc[lo:hi] oversees; 'the panel' looks back to the last
        panel named with a force ('the Humberside police and crime panel')."""
        if bodies := idx.bodies.within(lo, hi):
            return bodies[0].label
        for organisation in idx.organisations.within(lo, hi):
            if organisation.label != OTHER:
                continue
            head = doc[organisation.end - 1].lower_
            candidates = [organisation] + [o for o in idx.organisations.before(lo) if doc[o.end - 1].lower_ == head]
            for candidate in candidates:
                force = self._organisation_force(candidate, idx)
                if force:
                    return force
        return None

    @staticmethod
    def _organisation_force(organisation: Phrase, idx: DocIndex) -> str | None:
        for body in idx.bodies.before(organisation.end):
            if body.start <= organisation.start:
                return body.label
        for i in range(organisation.start, max(organisation.start - 4, -1), -1):
            if i in idx.places:
                return idx.places[i].label
        return None

    # -- people -----------------------------------------------------------------------------

    def _resolve(self, doc: Doc, hon_start: int, start: int, end: int, people: list[Person]) -> Person | None:
        """Someone already introduced: the full name again, or 'Mr Hogg', 'PC Hartley', 'Sir Richard'."""
        words = [t.text for t in doc[start:end]]
        name = doc[start:end].text
        for person in reversed(people):
            if person.name == name:
                return person
        if len(words) != 1:
            return None
        for person in reversed(people):
            if person.surname == words[0]:
                return person
        if {t.text for t in doc[hon_start:start]} & self.lex.knight_titles:
            return next((p for p in reversed(people) if p.first_name == words[0]), None)
        return None

    def _introduce(
        self, doc: Doc, hon_start: int, start: int, end: int, clues: list[Clue], idx: DocIndex,
        areas: dict[tuple[int, int], str],
    ) -> Person | None:
        """A new official from the clues around their first mention; None when no clue gives a role. A single
        name is a person only after a peer's title ('Lord Harrowby') or a title right before it ('PC Smith')."""
        ranked = sorted(clues, key=lambda c: c.rank)
        best = next((c for c in ranked if c.label), None)
        if best is None:
            return None
        peer = {t.text for t in doc[hon_start:start]} & self.lex.peer_titles
        if end - start == 1 and not peer and best.rank != RANK_TITLE_BEFORE:
            return None
        located = next((c for c in ranked if c.force), None)
        force = located.force if located else None
        if best.label == POLITICIAN:
            force = None
        elif force is None:
            if best.label in self.lex.fallback_roles and not any(c.no_fallback for c in clues):
                force = idx.main_force or self._sentence_force(doc, start, end, idx)
        elif located.area:
            areas[located.area] = force
        return Person(doc[start:end].text, best.label, best.acting, force)

    def _sentence_force(self, doc: Doc, start: int, end: int, idx: DocIndex) -> str | None:
        """Where the article has no main force, the one force an official's own sentence speaks for ('Interim
        chief constable X told the panel that leaving could cost Warwickshire £4m'): the only force or force area
        named in it that is not a partner ('with West Mercia', 'from Kent') or another person's ('Kent PCC Y')."""
        sent = doc[start].sent
        places = {idx.places[i] for i in range(sent.start, sent.end) if i in idx.places and not start <= i < end}
        found = set()
        for place in places:
            near = range(max(sent.start, place.start - 2), min(sent.end, place.end + 2))
            if any(i in idx.title_at for i in near) or self._partner(doc[place.end - 1]):
                continue
            found.add(place.label)
        return found.pop() if len(found) == 1 else None

    def _partner(self, token: Token) -> bool:
        """A force named as the other party ('with West Mercia', 'from Kent') or with another ('Kent and Essex')."""
        for _ in range(3):
            if token.dep_ == "conj" or any(c.dep_ == "conj" for c in token.children):  # 'Kent and Essex'
                return True
            if token.dep_ == "pobj" and token.head.lower_ in self.lex.partner_prepositions:
                return True
            if token.head.i == token.i or token.dep_ not in {"compound", "poss", "pobj", "nmod", "amod"}:
                return False
            token = token.head
        return False

    @staticmethod
    def _add_area_spans(doc: Doc, areas: dict[tuple[int, int], str]) -> None:
        """An area that named an official's force ('Jane Fordham in Cambridgeshire') becomes a force mention."""
        if not areas:
            return
        spans = list(doc.spans.get(FORCE_SPAN_KEY, []))
        taken = {i for s in spans for i in range(s.start, s.end)}
        for (start, end), force in areas.items():
            if not taken & set(range(start, end)):
                spans.append(Span(doc, start, end, label=FORCE_LABEL, kb_id=force))
        doc.spans[FORCE_SPAN_KEY] = sorted(spans, key=lambda s: s.start)


class QuoteFinder:
    """Quoted and reported speech in one document, attributed to its officials (None for anyone else)."""

    MIN_UNATTRIBUTED_WORDS = 6  # a shorter quote with no attribution is a scare quote, not speech
    MAX_ATTRIBUTION_TAIL = 6  # words after a paragraph's last quote that still leave it a paragraph of speech

    def __init__(self, lexicon: RoleLexicon, doc: Doc, mentions: list[Mention], title_tokens: set[int]) -> None:
        self.lex = lexicon
        self.doc = doc
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.title_tokens = title_tokens
        self.token_starts = [t.idx for t in doc]
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.quoted = [q for offset, line in _lines(self.text) for q in quote_spans(line, offset)]
        self.quote_starts = [start for start, _, _ in self.quoted]
        self.sentences = list(doc.sents)
        self.sentence_starts = [s.start_char for s in self.sentences]
        self.sentence_first_tokens = [s.start for s in self.sentences]
        self.events = self._speaker_events()
        self.event_starts = [char for char, _ in self.events]

    def quotes(self) -> list[dict]:
        direct = self._direct()
        return sorted(direct + self._reported(direct), key=lambda q: q["start_char"])

    # -- who is speaking --------------------------------------------------------------------

    def _speaker_events(self) -> list[tuple[int, str | None]]:
        """Who was last named at each point, outside quotes: officials, and (as None) other people who are
        subjects and unnamed speakers ('a spokesman said'), so that 'he said' after them is not an official."""
        doc = self.doc
        events = [(doc[m.start].idx, m.person.name) for m in self.mentions]
        official = {i for m in self.mentions for i in range(m.text_start, m.end)}
        for ent in doc.ents:
            subject = ent.root.dep_ in {"nsubj", "nsubjpass"}
            if ent.label_ == "PERSON" and subject and not official & set(range(ent.start, ent.end)):
                events.append((ent.start_char, None))
        for token in doc:
            subject = token.dep_ in {"nsubj", "nsubjpass"} and token.head.lemma_.lower() in self.lex.speech_verbs
            if subject and token.lower_ in self.lex.unnamed_speakers:
                events.append((token.idx, None))
        return sorted(e for e in events if not self._in_quote(e[0]))

    def _in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quote_starts, char) - 1
        return i >= 0 and self.quoted[i][0] <= char < self.quoted[i][1]

    def _last_named(self, char: int) -> str | None:
        i = bisect.bisect_left(self.event_starts, char)
        return self.events[i - 1][1] if i else None

    def _tokens(self, start: int, end: int) -> list[Token]:
        return list(self.doc[bisect.bisect_left(self.token_starts, start) : bisect.bisect_left(self.token_starts, end)])

    def _attribution(self, start: int, end: int) -> tuple[bool, str | None]:
        """(attributed, speaker) for the words doc.text[start:end] next to a quote: a speech verb (or a colon
        before the quote) and its subject; an official, a pronoun for the last person named, or None."""
        tokens = self._tokens(start, end)
        verbs = [t for t in tokens if t.lemma_.lower() in self.lex.speech_verbs and t.pos_ in {"VERB", "AUX"}]
        if not verbs and not (tokens and tokens[-1].text == ":"):
            return False, None
        for verb in verbs:
            found, speaker = self._subject_speaker(verb)
            if found:
                return found, speaker
        for m in self.mentions:
            if start <= self.doc[m.start].idx < end:
                return True, m.person.name
        pronoun = next((t for t in tokens if t.lower_ in PRONOUNS), None)
        return True, self._last_named(pronoun.idx) if pronoun is not None else None

    def _subject_speaker(self, verb: Token) -> tuple[bool, str | None]:
        """(found, speaker) from the subject of a speech verb: an official named as the subject or in
        apposition to it ('Kent's chief constable, Jane Doe, said'), a pronoun, 'who' after a name, or anyone
        else (None). An official named inside the subject ('the mother of PC Jane Doe said') is not the speaker."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        for subject in subjects:
            if subject.lower_ in PRONOUNS:
                return True, self._last_named(subject.idx)
            if subject.lower_ == "who":
                sentence = self._sentence_of_token(subject.i)
                before = [m for m in self.mentions if m.end <= subject.i and m.start >= sentence.start]
                return True, before[-1].person.name if before else None
            for m in self.mentions:
                if subject.left_edge.i <= m.start and m.end - 1 <= subject.right_edge.i and self._heads(m, subject):
                    return True, m.person.name
        return bool(subjects), None

    def _heads(self, mention: Mention, subject: Token) -> bool:
        """The mention is the subject or in apposition to it: every preposition on the way up to the subject
        hangs from a title ('Commissioner for Kent Jane Doe'), not from another noun ('mother of PC Doe')."""
        token = self.doc[mention.end - 1]
        while token.i != subject.i:
            if (token.dep_ == "prep" and token.head.i not in self.title_tokens) or token.head.i == token.i:
                return False
            token = token.head
        return True

    # -- direct quotes ----------------------------------------------------------------------

    def _direct(self) -> list[dict]:
        """Quoted passages, paragraph by paragraph. A quote takes its speaker from the attribution before it
        ('X said: "...'), else after it ('"...," X said'), else from the quote before it in the paragraph
        ('"...," he said. "..."'), else, opening a paragraph after a paragraph of speech, from that paragraph."""
        text = self.text
        out: list[dict] = []
        previous: list[dict] = []
        for offset, paragraph in _lines(text):
            if not paragraph.strip():
                continue
            spans = quote_spans(paragraph, offset)
            found: list[dict] = []
            for k, (start, end, _closed) in enumerate(spans):
                before = max(self._sentence_start(offset, start - 1), found[-1]["end_char"] + 1 if found else offset)
                after = min(spans[k + 1][0] - 1 if k + 1 < len(spans) else offset + len(paragraph), self._sentence_end(end + 1))
                attributed, speaker = self._attribution(before, start - 1)
                if not attributed:
                    attributed, speaker = self._attribution(end + 1, after)
                if not attributed and found:
                    attributed, speaker = True, found[-1]["speaker"]
                if not attributed and previous and not text[offset:start].strip(OPENING_QUOTES + "‘' "):
                    attributed, speaker = True, previous[-1]["speaker"]
                if attributed or len(text[start:end].split()) >= self.MIN_UNATTRIBUTED_WORDS:
                    found.append(
                        {"speaker": speaker, "start_char": start, "end_char": end, "text": text[start:end], "direct": True}
                    )
            out += found
            tail = paragraph[found[-1]["end_char"] - offset :] if found else ""
            previous = found if found and len(tail.split()) <= self.MAX_ATTRIBUTION_TAIL else []
        return out

    def _sentence_start(self, floor: int, mark: int) -> int:
        """Start of the sentence of the last word before a quote mark: 'X said: "...' is one attribution even
        where the parser starts a new sentence at the mark."""
        text = self.text
        i = mark - 1
        while i >= floor and text[i].isspace():
            i -= 1
        if i < floor:
            return floor
        return max(floor, self._sentence_at(i).start_char)

    def _sentence_end(self, char: int) -> int:
        return self._sentence_at(min(char, len(self.text) - 1)).end_char

    def _sentence_at(self, char: int) -> Span:
        """The sentence holding a character (sentences are looked up by bisection, not ``Span.sent``)."""
        return self.sentences[max(0, bisect.bisect_right(self.sentence_starts, char) - 1)]

    def _sentence_of_token(self, i: int) -> Span:
        return self.sentences[max(0, bisect.bisect_right(self.sentence_first_tokens, i) - 1)]

    # -- reported speech --------------------------------------------------------------------

    def _reported(self, direct: list[dict]) -> list[dict]:
        """'Ms Hollis added that no jobs would be lost', 'It is too early to say, Mr Pike said': the reported
        words of an official (or a pronoun for one), where they are not already a quote."""
        covered = [(q["start_char"], q["end_char"]) for q in direct]
        out = []
        for verb in self.doc:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.lex.speech_verbs:
                continue
            _, speaker = self._subject_speaker(verb)
            if speaker is None:
                continue
            subject = next(c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"})
            words = _reported_words(verb, subject, self._sentence_of_token(verb.i))
            if words is None or any(s < words.end_char and words.start_char < e for s, e in covered):
                continue
            out.append({
                "speaker": speaker, "start_char": words.start_char, "end_char": words.end_char, "text": words.text,
                "direct": False,
            })
        return out


def _reported_words(verb: Token, subject: Token, sentence: Span) -> Span | None:
    """The words a speech verb reports: its clausal complement, else the clause before 'X said' at the end."""
    doc = verb.doc
    complement = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if complement is not None:
        return _trim(doc[complement.left_edge.i : complement.right_edge.i + 1])
    if subject.i < verb.i and subject.left_edge.i > sentence.start:
        return _trim(doc[sentence.start : subject.left_edge.i])
    return None


def _trim(span: Span) -> Span | None:
    """Without the punctuation around it and a leading 'that'."""
    doc, start, end = span.doc, span.start, span.end
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "mark"):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def quote_spans(paragraph: str, offset: int = 0) -> list[tuple[int, int, bool]]:
    """The quoted passages of one paragraph as (start, end, closed): character offsets of the words inside the
    marks. Double quotes (straight or curly) count, and single quotes that open a word ('‘The public ...’' but
    not 'forces’'); a quote still open at the paragraph's end runs to it (it continues in the next paragraph)."""
    found = []
    open_at, closers = None, ""
    for i, ch in enumerate(paragraph):
        before = paragraph[i - 1] if i else " "
        after = paragraph[i + 1] if i + 1 < len(paragraph) else " "
        if open_at is None:
            if ch in OPENING_QUOTES:
                open_at, closers = i + 1, CLOSING_QUOTES
            elif ch in "‘'" and (before.isspace() or before in "(:—–-") and after.isalnum():
                open_at, closers = i + 1, "’'"
        elif ch in closers and not (closers == "’'" and (after.isalpha() or before.isspace())):
            found.append((open_at, i, True))
            open_at = None
    if open_at is not None:
        found.append((open_at, len(paragraph.rstrip()), False))
    spans = []
    for start, end, closed in found:
        while start < end and paragraph[start].isspace():
            start += 1
        while end > start and paragraph[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((offset + start, offset + end, closed))
    return spans


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of the text."""
    out, offset = [], 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def speaker_for(doc: Doc, start_char: int, end_char: int) -> str | None:
    """The official who said the words at doc.text[start_char:end_char]: the speaker of a quote (preferred) or
    of reported speech that overlaps them; None when no official is known to have said them."""
    overlapping = [
        q for q in doc._.quotes or [] if q["speaker"] and q["start_char"] < end_char and start_char < q["end_char"]
    ]
    overlapping.sort(key=lambda q: not q.get("direct"))
    return overlapping[0]["speaker"] if overlapping else None


@Language.factory(COMPONENT, default_config={"models_path": None})
def make_official_finder(nlp: Language, name: str, models_path: str | None) -> OfficialFinder:
    """spaCy factory: the officials stage built from ``models/roles.json`` and the force gazetteer."""
    return OfficialFinder(nlp, load_lexicon(models_path), load_gazetteer(models_path))

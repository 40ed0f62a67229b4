"""Officials stage: every named person with a policing-governance role (``doc._.officials``).

A person is a run of capitalised words that the words around it make an official (``names``);
titles, organisations and cue words are data, in ``models/roles.json``:

- a title before the name: "Herts chief constable Andy Bliss", "Acting Chief Constable for
  Cleveland Police, Iain Spittal", "Durham Constabulary's Deputy Chief Constable, Michael Banks";
  a plural title before a list: "the three commissioners - A from X, B in Y and C in Z";
  a party right before it: "Ulster Unionist X" (``titles``);
- an appositive after it: "Julia Mulligan, the Police and Crime Commissioner for North Yorkshire",
  "X, chairman of the Devon & Cornwall Police Federation"; a relative clause: "X, who chairs the
  panel"; a title after it: "Karl Turner MP" (``apposition``); a head's label comes from the
  organisation named with it (``roles``);
- the verbs of its clauses: "X remains chief constable of Essex Police", "appointed X as deputy
  mayor for policing and crime", "who has led the force since 2001" (``predicates``);
- another person or body: "Mr Clarke's successor, John Reid", "his Cumbria counterpart, X", "his
  vice-chairman, X", "X, of the Police Federation" (``titles``, ``relations``);
- a title of the sentences before that named no one: "..., the chief constable has said." /
  "George Hamilton told ..." (``coreference``);
- later references ("Mr Hogg", "Lord X", "Sir Richard", the full name again) resolve to the person
  already introduced: role, force and acting come from the introduction, except a force the introduction
  left out and a later mention in the same post gives (a caption after the body) (``people``).

Force: the force in the role phrase, else one named after the name, else one in a relative clause,
else the force of the body a chair chairs or a member belongs to, else the one force the official's
own sentence speaks for (not a partner), else the article's main force (``doc._.main_force``, from
the context component), else the force the article names most by name or area, for roles that serve
one force (``attribution``); never a force formed after the article was published. Politicians,
inspectors, national or regional officials and heads of joint units get no fallback force. This stage
reads the force mentions; it never adds one (the forces stage finds the areas that officials' titles name).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

import pipeline.nlp.context  # registers doc._.main_force
import pipeline.nlp.extensions  # noqa: F401 - registers doc._.officials
from pipeline.contract import Official
from pipeline.nlp.component import Stage, make_facts_scorer
from pipeline.nlp.extensions import publication_date
from pipeline.nlp.forces import ForcesLexicon
from pipeline.nlp.lexicon import WORDS_FILE, Lexicon, Words
from pipeline.nlp.officials.index import RoleMatchers, Settings
from pipeline.nlp.officials.lexicon import ROLES_FILE, Roles, RolesLexicon
from pipeline.nlp.officials.people import Mention, find_mentions

COMPONENT = "forcewatch_officials"
FIELDS = ["name", "role", "acting", "force"]


class OfficialFinder(Stage):
    """Sets ``doc._.officials``: one fact per mention of an official."""

    lexicons: ClassVar[dict[str, type[Lexicon]]] = {
        ROLES_FILE: RolesLexicon, WORDS_FILE: Words, "forces.json": ForcesLexicon,
    }

    def __init__(self, nlp: Language, name: str, models_path: str | None = None, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        super().__init__(nlp, name, models_path)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        super().configure(lexicons)
        self.lex = Roles.of(lexicons[ROLES_FILE], lexicons[WORDS_FILE])  # type: ignore[arg-type]
        forces: ForcesLexicon = lexicons["forces.json"]  # type: ignore[assignment]
        self.matchers = RoleMatchers(self.nlp, self.lex, {f.name: f.areas for f in forces.forces})
        self.established = {f.name: f.established for f in forces.forces if f.established}

    def __call__(self, doc: Doc) -> Doc:
        idx = self.matchers.index(doc, self.settings, doc._.main_force)
        published = publication_date(doc)
        doc._.officials = [not_yet_formed(official_fact(doc, m), self.established, published) for m in find_mentions(idx)]
        return doc


def not_yet_formed(fact: Official, established: dict[str, date], published: date | None) -> Official:
    """No force the article predates: the chair of the new Scottish Police Authority in 2012 serves no force yet
    (Police Scotland exists from 1 April 2013), as the forces stage keeps no mention of it."""
    formed = established.get(fact["force"] or "")
    if formed is not None and published is not None and published < formed:
        return {**fact, "force": None}
    return fact


def official_fact(doc: Doc, mention: Mention) -> Official:
    """The contract's record of one mention; its evidence is the name as written, honorifics included."""
    person, last = mention.person, doc[mention.end - 1]
    return {
        "name": person.name, "role": person.role, "acting": person.acting, "force": person.force,
        "start_char": doc[mention.text_start].idx, "end_char": last.idx + len(last),
        "text": doc[mention.text_start : mention.end].text,
    }


@registry.scorers("forcewatch.officials_scorer.v1")
def make_officials_scorer() -> Callable:
    """P/R/F of officials: evidence offsets, name, role, acting and force."""
    return make_facts_scorer("officials", FIELDS)


@Language.factory(
    COMPONENT,
    assigns=["doc._.officials"],
    requires=["doc.spans", "doc._.main_force", "doc.sents", "token.dep", "token.tag", "token.lemma",
              "token.ent_type"],
    default_config={
        "models_path": None, "max_name_tokens": Settings.max_name_tokens,
        "max_owner_distance": Settings.max_owner_distance,
        "scorer": {"@scorers": "forcewatch.officials_scorer.v1"},
    },
    default_score_weights={"officials_f": 1.0, "officials_p": 0.0, "officials_r": 0.0},
)
def make_official_finder(
    nlp: Language, name: str, models_path: str | None, max_name_tokens: int, max_owner_distance: int,
    scorer: Callable | None,
) -> OfficialFinder:
    """spaCy factory: the officials stage from ``models/roles.json``, ``words.json`` and the force areas."""
    finder = OfficialFinder(nlp, name, models_path, Settings(max_name_tokens, max_owner_distance))
    finder.scorer = scorer
    return finder

"""Force mentions, lists, exclusions and mergers (pipeline.nlp.collaborations.mentions)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from spacy.tokens import Span

from pipeline.nlp.collaborations.mentions import (
    Mention,
    article_mentions,
    country_forces,
    drop_successors,
    excluded_forces,
    list_groups,
    merger_successors,
)
from tests.nlp.collaborations.helpers import mention, span


class TestArticleMentions:
    TEXT = "Kent Police and Essex Police spoke. Officers from Kent and Essex and Surrey will work together."

    def spans(self, doc, *texts):
        return [Span(doc, s.start, s.end, kb_id=t) for t in texts for s in [span(doc, t)]]

    def test_areas_of_named_forces_count(self, nlp):
        doc = nlp.make_doc(self.TEXT)
        kent, essex = span(doc, "Kent and").start, span(doc, "Essex and").start
        areas = [("Kent Police", kent, kent + 1), ("Essex Police", essex, essex + 1)]
        found = article_mentions(self.spans(doc, "Kent Police", "Essex Police"), areas)
        assert [(m.start, m.force) for m in found] == [(0, "Kent Police"), (3, "Essex Police"),
                                                       (kent, "Kent Police"), (essex, "Essex Police")]

    def test_an_area_of_a_force_not_named_does_not(self, nlp):
        doc = nlp.make_doc(self.TEXT)
        surrey = span(doc, "Surrey").start
        found = article_mentions(self.spans(doc, "Kent Police", "Essex Police"), [("Surrey Police", surrey, surrey + 1)])
        assert {m.force for m in found} == {"Kent Police", "Essex Police"}

    def test_an_area_inside_a_mention_does_not(self, nlp):
        doc = nlp.make_doc(self.TEXT)
        found = article_mentions(self.spans(doc, "Kent Police"), [("Kent Police", 0, 1)])
        assert found == (Mention(0, 2, "Kent Police"),)


class TestListGroups:
    @pytest.mark.parametrize(
        ("text", "names", "groups"),
        [
            ("Kent, Surrey and Sussex met.", ["Kent", "Surrey", "Sussex"], [3]),
            ("Kent, Surrey and the Met met.", ["Kent", "Surrey", "Met"], [3]),
            ("Kent/Essex met.", ["Kent", "Essex"], [2]),
            ("Kent - Essex met.", ["Kent", "Essex"], [2]),
            ("Kent or Essex met.", ["Kent", "Essex"], [2]),
            ("Kent met Essex.", ["Kent", "Essex"], [1, 1]),
            ("Kent, , and the Essex met.", ["Kent", "Essex"], [1, 1]),
        ],
    )
    def test_forms(self, nlp, cues, text, names, groups):
        doc = nlp.make_doc(text)
        found = list_groups(doc, [mention(doc, n) for n in names], cues.list_joiners)
        assert [len(g) for g in found] == groups
        assert [m.force for g in found for m in g] == names


class TestExcludedForces:
    @pytest.mark.parametrize(
        ("text", "excluded"),
        [
            ("All the forces except Kent will share custody.", {"Kent"}),
            ("Apart from Kent and Essex, the forces share a unit.", {"Kent", "Essex"}),
            ("The forces, with the exception of the Kent force, share a unit.", {"Kent"}),
            ("Surrey shares a unit, but not Kent.", {"Kent"}),
            ("Surrey and Kent share a unit.", set()),
        ],
    )
    def test_forms(self, nlp, cues, text, excluded):
        doc = nlp.make_doc(text)
        names = [n for n in ("Surrey", "Kent", "Essex") if n in text]
        groups = list_groups(doc, sorted((mention(doc, n) for n in names), key=lambda m: m.start), cues.list_joiners)
        assert excluded_forces(doc, doc[:], groups, cues.except_phrases) == excluded

    def test_only_lists_that_start_in_the_part(self, nlp, cues):
        doc = nlp.make_doc("The forces except Kent share a unit.")
        groups = ((mention(doc, "Kent"),),)
        assert excluded_forces(doc, doc[4:], groups, cues.except_phrases) == frozenset()


@dataclass
class Noted:
    name: str
    note: str | None = None


class TestMergerSuccessors:
    @pytest.mark.parametrize(
        ("note", "successor"),
        [
            ("merged into Police Scotland on 1 April 2013", "Police Scotland"),
            ("merged into the Police Scotland in 2013", "Police Scotland"),
            ("replaced by Police Scotland", "Police Scotland"),
            ("merged into a national force in 2013", None),
            (None, None),
        ],
    )
    def test_forms(self, note, successor):
        forces = [Noted("Fife Constabulary", note), Noted("Police Scotland")]
        assert merger_successors(forces).get("Fife Constabulary") == successor


class TestDropSuccessors:
    SUCCESSORS = {"Fife Constabulary": "Police Scotland", "Tayside Police": "Police Scotland"}

    @pytest.mark.parametrize(
        ("forces", "kept"),
        [
            (["Fife Constabulary", "Tayside Police", "Police Scotland"], ["Fife Constabulary", "Tayside Police"]),
            (["Fife Constabulary", "Police Scotland"], ["Fife Constabulary", "Police Scotland"]),
            (["Kent Police", "Police Scotland", "Essex Police"], ["Kent Police", "Police Scotland", "Essex Police"]),
        ],
    )
    def test_forms(self, forces, kept):
        assert drop_successors(forces, self.SUCCESSORS) == kept


class TestCountryForces:
    @dataclass(frozen=True)
    class Force:
        name: str
        kind: str
        country: str
        note: str | None = None

    def test_territorial_forces_or_the_former_ones_merged_into_the_only_one(self):
        forces = [
            self.Force("Gwent", "territorial", "Wales"), self.Force("Dyfed", "territorial", "Wales"),
            self.Force("Scotland", "territorial", "Scotland"), self.Force("Fife", "former", "Scotland"),
            self.Force("Tayside", "former", "Scotland"), self.Force("Ulster", "territorial", "Northern Ireland"),
        ]
        found = country_forces(forces, {"Fife": "Scotland", "Tayside": "Scotland"})
        assert found == {"Wales": ("Gwent", "Dyfed"), "Scotland": ("Fife", "Tayside")}  # one force: no merger

    def test_the_gazetteer(self):
        from pipeline.nlp.forces import ForcesLexicon
        from pipeline.nlp.lexicon import load_lexicon

        forces = load_lexicon(ForcesLexicon, "forces.json").forces
        found = country_forces(forces, merger_successors(forces))
        assert len(found["Wales"]) == 4 and len(found["Scotland"]) == 8

"""A sentence part cut into the collaborations it holds (pipeline.nlp.collaborations.split)."""

from __future__ import annotations

import pytest

from pipeline.nlp.collaborations.mentions import Mention, list_groups
from pipeline.nlp.collaborations.names import Name
from pipeline.nlp.collaborations.references import Reference
from pipeline.nlp.collaborations.split import (
    described,
    name_clause,
    name_scopes,
    names_by_group,
    own_words,
    pieces,
)
from tests.nlp.collaborations.helpers import span, token

OPENERS = frozenset({"between", "of", "with", "second", "another"})


def name(doc, text: str) -> Name:
    s = span(doc, text)
    return Name(s.start_char, s.end_char, text)


def mentions_of(doc) -> list[Mention]:
    return [Mention(s.start, s.end, s.kb_id_) for s in doc.spans["forces"]]


def forces(piece) -> set[str]:
    return {m.force for m in piece.members}


class TestPieces:
    def test_names_each_with_its_stretch(self, nlp, cues):
        doc = nlp("Gwent Police is a member of the unit, WECTU, run jointly by all four Welsh forces, and of Tarian, "
                  "the unit it shares with South Wales Police and Dyfed-Powys Police.")
        four = span(doc, "four Welsh forces")
        refs = [Reference(four.start - 1, four.end, 4)]
        found = pieces(doc[:], [name(doc, "WECTU"), name(doc, "Tarian")], mentions_of(doc), refs, [], [], OPENERS, {})
        assert [(p.names[0].text, forces(p), len(p.references)) for p in found] == [
            ("WECTU", {"Gwent Police"}, 1), ("Tarian", {"South Wales Police", "Dyfed-Powys Police"}, 0)]

    def test_a_name_with_the_clause_that_describes_it(self, nlp, cues):
        doc = nlp("Kent Police and Essex Police met. Joint units include Atlas, the unit run by Surrey Police and "
                  "Sussex Police, and others shared by Kent Police.")
        sent = doc[token(doc, "Joint"):]
        [atlas, rest] = pieces(sent, [name(doc, "Atlas")], [m for m in mentions_of(doc) if m.start >= sent.start], [],
                               [doc[token(doc, "Joint")], doc[token(doc, "shared")]], [], OPENERS, {})
        assert (atlas.names, forces(atlas)) == ((name(doc, "Atlas"),), {"Surrey Police", "Sussex Police"})
        assert (rest.names, forces(rest)) == ((), {"Kent Police"})

    def test_groups_apart(self, nlp, cues):
        doc = nlp("They cited partnerships between Kent Police and Essex Police and between Surrey Police and "
                  "Sussex Police.")
        found = mentions_of(doc)
        groups = list(list_groups(doc, found, cues.list_joiners))
        assert [forces(p) for p in pieces(doc[:], [], found, [], [], groups, OPENERS, {})] == [
            {"Kent Police", "Essex Police"}, {"Surrey Police", "Sussex Police"}]

    def test_else_the_whole_part(self, nlp, cues):
        doc = nlp("Kent Police and Essex Police share a dog unit.")
        found = mentions_of(doc)
        [whole] = pieces(doc[:], [], found, [], [], list(list_groups(doc, found, cues.list_joiners)), OPENERS, {})
        assert (whole.where, forces(whole)) == (doc[:], {"Kent Police", "Essex Police"})


class TestDescribed:
    @pytest.mark.parametrize(
        ("text", "counted", "expected"),
        [
            ("run by Kent Police and Essex Police", False, True),
            ("run by all four forces", True, True),
            ("it shares with Kent Police", False, True),  # the other side is the article's force
            ("run by Kent Police", False, False),
        ],
    )
    def test_forms(self, nlp, text, counted, expected):
        doc = nlp(text)
        refs = [Reference(span(doc, "four").start, span(doc, "forces").end, 4)] if counted else []
        assert (described(doc[:], mentions_of(doc), refs) is not None) is expected


class TestNamesByGroup:
    def test_each_name_with_the_group_before_it(self, nlp):
        doc = nlp.make_doc("Kent and Essex run the Atlas Unit, and Avon and Dorset run Brunel.")
        groups = [(Mention(0, 1, "Kent"), Mention(2, 3, "Essex")), (Mention(9, 10, "Avon"), Mention(11, 12, "Dorset"))]
        atlas, brunel = name(doc, "Atlas Unit"), name(doc, "Brunel")
        assert names_by_group(groups, [brunel, atlas], doc) == [(atlas,), (brunel,)]


WALES = (
    "Joint units in Wales include Tarian, the regional unit run by Gwent Police and South Wales Police, and the Wales "
    "Extremism and Counter Terrorism Unit, which serves all four Welsh forces."
)


class TestNameClause:
    @pytest.mark.parametrize(
        ("text", "named", "clause"),
        [
            (WALES, "Tarian", "the regional unit run by Gwent Police and South Wales Police,"),
            (WALES, "Wales Extremism and Counter Terrorism Unit", "which serves all four Welsh forces"),
            ("Kent Police and Essex Police share the Atlas Unit.", "Atlas Unit", None),
        ],
    )
    def test_forms(self, nlp, text, named, clause):
        doc = nlp(text)
        found = name_clause(doc, name(doc, named))
        assert (found.text if found is not None else None) == clause


class TestOwnWords:
    def test_without_what_is_coordinated(self, nlp):
        doc = nlp(WALES)
        unit = doc[token(doc, "unit")]  # 'the regional unit run by ...', coordinated with 'the Wales ... Unit'
        words = {doc[i].text for i in own_words(unit)}
        assert "Gwent" in words and "Extremism" not in words


class TestNameScopes:
    def test_stretches_between_names(self, nlp):
        doc = nlp.make_doc("Kent shares Atlas with Essex, and Brunel with Surrey.")
        atlas, brunel = name(doc, "Atlas"), name(doc, "Brunel")
        assert [(n.text, s.text) for n, s in name_scopes(doc[:], [atlas, brunel])] == [
            ("Atlas", "Kent shares Atlas with Essex, and"), ("Brunel", "Brunel with Surrey.")]

"""Types and one collaboration per set of forces (pipeline.nlp.collaborations.merge)."""

from __future__ import annotations

import pytest

from pipeline.nlp.collaborations.merge import collaboration, collaboration_type, merge
from pipeline.nlp.collaborations.names import Name
from pipeline.nlp.collaborations.resolve import Candidate

TYPES = (("merger", "merger"), ("unit", "shared service"), ("alliance", "alliance"), ("share", "shared service"))


class TestCollaborationType:
    @pytest.mark.parametrize(
        ("names", "lemmas", "kind"),
        [
            ([Name(0, 9, "Joint Firearms Unit")], ["form", "alliance"], "shared service"),  # the name first
            ([], ["form", "an", "alliance"], "alliance"),
            ([], ["alliance", "merger"], "merger"),  # the first of the type words, in their order
            ([Name(0, 6, "Evolve")], ["share"], "shared service"),
            ([], ["meet"], None),
        ],
    )
    def test_forms(self, names, lemmas, kind):
        assert collaboration_type(names, lemmas, TYPES) == kind

    def test_shipped_types(self, cues):
        assert collaboration_type([], ["sign", "a", "memorandum"], cues.type_words) == "memorandum of understanding"


class TestMerge:
    TEXT = "Kent and Essex formed the Atlas Unit. Kent and Essex share. Kent and Surrey merge into one force."

    def candidates(self, nlp):
        doc = nlp.make_doc(self.TEXT)
        atlas = self.TEXT.index("Atlas Unit")
        return doc, [
            Candidate(0, 8, ("Kent", "Essex"), (Name(atlas, atlas + 10, "Atlas Unit"),), "alliance"),
            Candidate(8, 13, ("Essex", "Kent"), (), "shared service"),
            Candidate(13, 22, ("Kent", "Surrey"), (), "merger"),
        ]

    def test_one_per_set_of_forces(self, nlp):
        doc, found = self.candidates(nlp)
        merged = merge(doc, found, TYPES)
        assert [(c["name"], c["forces"]) for c in merged] == [("Atlas Unit", ["Kent", "Essex"]), (None, ["Kent", "Surrey"])]

    def test_a_name_says_its_own_type(self, nlp):
        doc, found = self.candidates(nlp)
        assert merge(doc, found, TYPES)[0]["type"] == "shared service"

    def test_unnamed_takes_the_first_type_and_the_first_part(self, nlp):
        doc, found = self.candidates(nlp)
        unnamed = [Candidate(c.start, c.end, c.forces, (), c.type) for c in found[:2]]
        [merged] = merge(doc, unnamed, TYPES)
        assert (merged["type"], merged["text"]) == ("alliance", "Kent and Essex formed the Atlas Unit.")

    @pytest.mark.parametrize(
        ("signals", "stage"),
        [
            ([frozenset({"existing"}), frozenset({"ended"})], "ended"),  # from all the parts of the set
            ([frozenset({"proposal"}), frozenset()], "proposed"),
            ([frozenset(), frozenset()], "operating"),
        ],
    )
    def test_stage_from_the_signals_of_all_its_parts(self, nlp, signals, stage):
        doc = nlp.make_doc("Kent and Essex share. Kent and Essex split.")
        found = [Candidate(0, 4, ("Kent", "Essex"), signals=signals[0]), Candidate(4, 9, ("Kent", "Essex"), signals=signals[1])]
        assert [c["stage"] for c in merge(doc, found, TYPES)] == [stage]

    def test_a_merger_with_no_signal_is_proposed(self, nlp):
        doc = nlp.make_doc("Kent and Essex merger.")
        assert merge(doc, [Candidate(0, 4, ("Kent", "Essex"), (), "merger")], TYPES)[0]["stage"] == "proposed"

    def test_distinct_names_stay_distinct(self, nlp):
        doc = nlp.make_doc("Evolve and Atlas")
        found = [Candidate(0, 3, ("A", "B"), (Name(0, 6, "Evolve"), Name(11, 16, "Atlas")))]
        assert [c["name"] for c in merge(doc, found, TYPES)] == ["Evolve", "Atlas"]


class TestCollaboration:
    @pytest.mark.parametrize(("start", "end"), [(0, 18), (2, 16), (1, 17)])
    def test_evidence_without_surrounding_whitespace(self, nlp, start, end):
        doc = nlp.make_doc("  Kent and Essex \n")
        found = collaboration(doc, None, None, "operating", ("Kent", "Essex"), start, end)
        assert (found["start_char"], found["end_char"], found["text"]) == (2, 16, "Kent and Essex")
        assert doc.text[found["start_char"] : found["end_char"]] == found["text"]

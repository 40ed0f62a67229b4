from __future__ import annotations

import pytest

from pipeline.gazetteer import load_gazetteer
from pipeline.nlp.collaborations.cues import load_cues
from pipeline.nlp.collaborations.mentions import merger_successors


def collaborations(nlp, text: str) -> list[dict]:
    return nlp(text)._.collaborations


def force_sets(nlp, text: str) -> list[set[str]]:
    return [set(c["forces"]) for c in collaborations(nlp, text)]


class TestLoadCues:
    def test_cues_and_types(self):
        cues = load_cues()
        assert {"alliance", "merger", "share"} <= set(cues.cue_lemmas)
        assert dict(cues.type_words)["memorandum"] == "memorandum of understanding"
        assert cues.numbers["both"] == 2


class TestCollaborationFinder:
    @pytest.mark.parametrize(
        ("text", "kind"),
        [
            ("Cheshire Constabulary and Merseyside Police have signed a memorandum of understanding.",
             "memorandum of understanding"),
            ("Surrey Police and Sussex Police are to merge into a single force.", "merger"),
            ("Cheshire Constabulary and Merseyside Police have formed an alliance.", "alliance"),
            ("Cheshire Constabulary and Merseyside Police will share their dog units.", "shared service"),
            ("Cheshire Constabulary and Merseyside Police have launched a collaboration programme.",
             "collaboration programme"),
        ],
    )
    def test_type(self, nlp, text, kind):
        [found] = collaborations(nlp, text)
        assert found["type"] == kind
        assert len(found["forces"]) == 2

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Durham Constabulary, Cleveland Police and North Yorkshire Police run the Evolve programme.", "Evolve"),
            ("Dorset Police and Devon and Cornwall Police signed a strategic alliance.", "strategic alliance"),
            ("Kent Police and Essex Police run the Joint Serious Crime Directorate.", "Joint Serious Crime Directorate"),
            ("Kent Police and Essex Police set up Atlas, the regional organised crime unit.", "Atlas"),
            ('Kent Police and Essex Police agreed a "twin-force" collaboration.', "twin-force"),
        ],
    )
    def test_name(self, nlp, text, name):
        assert [c["name"] for c in collaborations(nlp, text)] == [name]

    def test_a_person_is_not_a_name(self, nlp):
        text = "Chief Constable Ann Lee said the partnership between Kent Police and Essex Police works."
        assert [c["name"] for c in collaborations(nlp, text)] == [None]

    def test_the_two_forces_are_the_ones_named_before(self, nlp):
        text = "Dorset Police has a new chief. Wiltshire Police met Dorset Police on Monday. The two forces will share custody."
        assert force_sets(nlp, text) == [{"Dorset Police", "Wiltshire Police"}]

    def test_the_three_forces_named_in_separate_sentences(self, nlp):
        text = (
            "Durham Constabulary has a new chief. Cleveland Police has cut costs. North Yorkshire Police is growing. "
            "The three forces will share major crime teams."
        )
        assert force_sets(nlp, text) == [{"Durham Constabulary", "Cleveland Police", "North Yorkshire Police"}]

    def test_its_neighbours_are_other_forces(self, nlp):
        text = (
            "Durham Constabulary and Cleveland Police run a joint dog unit. "
            "North Yorkshire Police will look at sharing its dog handlers with its two neighbours."
        )
        assert force_sets(nlp, text) == [
            {"Durham Constabulary", "Cleveland Police"},
            {"Durham Constabulary", "Cleveland Police", "North Yorkshire Police"},
        ]

    def test_area_names_of_the_article_forces_count(self, nlp):
        text = "Kent Police and Essex Police spoke today. Officers from Kent and Essex will work together in a joint unit."
        assert force_sets(nlp, text) == [{"Kent Police", "Essex Police"}]

    def test_schemes_of_a_round_up_are_separate(self, nlp):
        text = (
            "Three schemes were praised: the partnership between Cheshire Constabulary and Merseyside Police; "
            "and the alliance of Dorset Police and Devon and Cornwall Police."
        )
        assert force_sets(nlp, text) == [
            {"Cheshire Constabulary", "Merseyside Police"},
            {"Dorset Police", "Devon and Cornwall Police"},
        ]

    def test_while_separates_two_mergers(self, nlp):
        text = (
            "Under the plan, Gwent Police and South Wales Police would have merged, "
            "while Durham Constabulary and Cleveland Police would have merged too."
        )
        assert force_sets(nlp, text) == [
            {"Gwent Police", "South Wales Police"},
            {"Durham Constabulary", "Cleveland Police"},
        ]

    def test_a_merger_lists_the_forces_that_merge_and_the_new_one_that_exists(self, nlp):
        # section 8: a merger of many forces into one names the old forces, and the new one when it exists
        text = "Strathclyde Police, Tayside Police and Fife Constabulary merged into Police Scotland in 2013."
        assert force_sets(nlp, text) == [{"Strathclyde Police", "Tayside Police", "Fife Constabulary", "Police Scotland"}]

    def test_part_of_a_larger_collaboration_is_not_another_one(self, nlp):
        text = (
            "Kent Police, Surrey Police and Sussex Police joined the regional unit run by Thames Valley Police. "
            "Some posts may go as the Kent and Surrey teams are absorbed into the unit."
        )
        assert force_sets(nlp, text) == [{"Kent Police", "Surrey Police", "Sussex Police", "Thames Valley Police"}]

    def test_sharing_between_some_partners_is_a_collaboration_of_its_own(self, nlp):
        text = (
            "Kent Police, Surrey Police and Sussex Police have formed an alliance. "
            "Surrey Police and Sussex Police already share a dog unit."
        )
        assert force_sets(nlp, text) == [
            {"Kent Police", "Surrey Police", "Sussex Police"},
            {"Surrey Police", "Sussex Police"},
        ]

    @pytest.mark.parametrize(
        "second",
        [
            "Two of them, all but Kent, already share a dog unit.",
            "Two of them - all except Kent Police - already share a dog unit.",
            "All the forces except Kent will share custody.",
            "Apart from Kent, the forces also share a dog unit.",
            "The three forces, with the exception of Kent Police, will share custody.",
        ],
    )
    def test_forces_left_out_are_not_partners(self, nlp, second):
        text = f"Kent Police, Surrey Police and Sussex Police have formed an alliance. {second}"
        assert force_sets(nlp, text) == [
            {"Kent Police", "Surrey Police", "Sussex Police"},
            {"Surrey Police", "Sussex Police"},
        ]

    def test_some_of_them_without_saying_which_is_no_new_collaboration(self, nlp):
        text = "Kent Police, Surrey Police and Sussex Police have formed an alliance. Two of them share a dog unit."
        assert force_sets(nlp, text) == [{"Kent Police", "Surrey Police", "Sussex Police"}]

    def test_a_force_named_after_but_not_is_left_out(self, nlp):
        text = "Kent Police and Essex Police share a firearms unit, but not Sussex Police."
        assert force_sets(nlp, text) == [{"Kent Police", "Essex Police"}]

    @pytest.mark.parametrize(
        "text",
        [
            "Officers from Kent Police arrested a man wanted by Essex Police.",
            "A man was jailed after a joint operation by Merseyside Police and Cheshire Constabulary.",
            "Kent Police will share its new headquarters with the fire service.",
            "The PSNI works closely with An Garda Síochána on cross-border crime.",
            "Norfolk Constabulary's chief constable met his Suffolk Constabulary counterpart to discuss the budget.",
            "A former Kent Police officer has joined Essex Police as a superintendent.",
            "Kent Police and Essex Police have a regional unit each, and Kent will not join the Essex scheme.",
            "Kent Police and Essex Police have a combined population of three million.",
        ],
    )
    def test_no_collaboration(self, nlp, text):
        assert collaborations(nlp, text) == []

    def test_evidence_offsets(self, nlp):
        text = "Police news.\n\nGwent Police and South Wales Police signed a memorandum of understanding on Monday."
        [found] = collaborations(nlp, text)
        assert text[found["start_char"] : found["end_char"]] == found["text"]
        assert found["text"].startswith("Gwent Police and South Wales Police signed")


class TestMergerSuccessors:
    def test_former_forces_and_what_they_became(self):
        successors = merger_successors(load_gazetteer().forces)
        assert successors["Strathclyde Police"] == "Police Scotland"
        assert successors["Royal Ulster Constabulary"] == "Police Service of Northern Ireland"
        assert "Kent Police" not in successors

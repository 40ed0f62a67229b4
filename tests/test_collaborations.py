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

    @pytest.mark.parametrize(
        "text",
        [
            "Strathclyde Police, Tayside Police and Fife Constabulary will merge into Police Scotland.",
            "Ministers plan to merge Strathclyde Police, Tayside Police and Fife Constabulary into Police Scotland.",
        ],
    )
    def test_a_planned_merger_lists_the_forces_that_merge(self, nlp, text):
        assert force_sets(nlp, text) == [{"Strathclyde Police", "Tayside Police", "Fife Constabulary"}]

    @pytest.mark.parametrize(
        "text",
        [
            "Strathclyde Police, Tayside Police and Fife Constabulary merged into Police Scotland in 2013.",
            "Police Scotland took over from Strathclyde Police, Tayside Police and Fife Constabulary.",
        ],
    )
    def test_a_merger_told_as_done_names_the_force_they_became(self, nlp, text):
        # contract section 8: the new force only if it exists
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


HERTS, BEDS, ESSEX = "Hertfordshire Constabulary", "Bedfordshire Police", "Essex Police"
CAMBS, NORFOLK, SUFFOLK = "Cambridgeshire Constabulary", "Norfolk Constabulary", "Suffolk Constabulary"
WALES = {"Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police"}


class TestMembers:
    """The members of a collaboration are what its cue governs, not every force of the sentence."""

    @pytest.mark.parametrize(
        ("text", "sets"),
        [
            # a comparison
            ("A single Yorkshire force would bring together North Yorkshire Police, South Yorkshire Police, West "
             "Yorkshire Police and Humberside Police and would have more officers than Merseyside Police and Greater "
             "Manchester Police have between them.",
             [{"North Yorkshire Police", "South Yorkshire Police", "West Yorkshire Police", "Humberside Police"}]),
            # a 'but' clause without a cue
            ("Mr Clarke said that Hampshire Constabulary, Kent Police and Thames Valley Police could carry on as "
             "stand-alone forces, but that Sussex Police and Surrey Police should be combined into a single force.",
             [{"Sussex Police", "Surrey Police"}]),
            # the speakers, and a force left alone
            (f"In a joint statement, {HERTS}, {BEDS} and {ESSEX} said the best arrangement would be a merger of "
             f"{HERTS} and {BEDS}, with {ESSEX} left to stand alone.", [{HERTS, BEDS}]),
            # a clause of its own without a cue
            (f"{SUFFOLK} would still take part in regional collaboration and keep its good relationship with {CAMBS}.",
             []),
            # ... unless the cue's clause points back at both ('their')
            (f"{NORFOLK} has saved £16m and {SUFFOLK} has saved £12m since their collaboration began.",
             [{NORFOLK, SUFFOLK}]),
            # the speaker is the other side of 'with'
            ("Chief Constable Alan Smith of Kent Police said the alliance with Essex Police and Sussex Police would "
             "save money.", [{"Kent Police", ESSEX, "Sussex Police"}]),
        ],
    )
    def test_forms(self, nlp, text, sets):
        assert force_sets(nlp, text) == sets


class TestSeveralInOneSentence:
    @pytest.mark.parametrize(
        ("text", "sets"),
        [
            (f"He wants the six forces reduced to two: one made up of {HERTS}, {BEDS} and {ESSEX}, and a second "
             f"combining {CAMBS}, {NORFOLK} and {SUFFOLK}.", [{HERTS, BEDS, ESSEX}, {CAMBS, NORFOLK, SUFFOLK}]),
            (f"They pointed to similar partnerships between Kent Police and {ESSEX} and between {BEDS} and {HERTS}.",
             [{"Kent Police", ESSEX}, {BEDS, HERTS}]),
            (f"Options ranged from regional forces to mergers of neighbours such as {NORFOLK} and {SUFFOLK}, "
             "Gloucestershire Constabulary and Wiltshire Police.",
             [{NORFOLK, SUFFOLK}, {"Gloucestershire Constabulary", "Wiltshire Police"}]),
            (f"{BEDS} and {HERTS} run a joint major crime unit, and Dyfed-Powys Police, Gwent Police, North Wales "
             "Police and South Wales Police have pooled work across their boundaries.", [{BEDS, HERTS}, WALES]),
            ("A review found three combinations: Cumbria Constabulary with Lancashire Constabulary alone; Cumbria "
             "Constabulary, Lancashire Constabulary and Merseyside Police together.",
             [{"Cumbria Constabulary", "Lancashire Constabulary"},
              {"Cumbria Constabulary", "Lancashire Constabulary", "Merseyside Police"}]),
        ],
    )
    def test_forms(self, nlp, text, sets):
        assert force_sets(nlp, text) == sets

    @pytest.mark.parametrize(
        "text",
        [
            "Kent Police and Essex Police, and Surrey Police and Sussex Police, have formed a four-force alliance.",
            "Kent Police and Essex Police have joined Surrey Police and Sussex Police in an alliance.",
        ],
    )
    def test_one_collaboration_of_the_union(self, nlp, text):
        assert force_sets(nlp, text) == [{"Kent Police", "Essex Police", "Surrey Police", "Sussex Police"}]

    def test_names_in_clauses_of_their_own(self, nlp):
        text = ("Kent Police and Essex Police run the Serious Crime Directorate, and Surrey Police and Sussex Police "
                "run the Major Crime Team.")
        found = {c["name"]: set(c["forces"]) for c in collaborations(nlp, text)}
        assert found == {"Serious Crime Directorate": {"Kent Police", "Essex Police"},
                         "Major Crime Team": {"Surrey Police", "Sussex Police"}}

    def test_names_each_with_their_forces(self, nlp):
        text = ("Dyfed-Powys Police, Gwent Police, North Wales Police and South Wales Police met. Joint units in Wales "
                "include Tarian, the regional organised crime unit run by Dyfed-Powys Police, Gwent Police and South "
                "Wales Police, and the Wales Extremism and Counter Terrorism Unit, which has provided a single Special "
                "Branch for all four Welsh forces since 2006.")
        found = {c["name"]: set(c["forces"]) for c in collaborations(nlp, text)}
        assert found["Tarian"] == WALES - {"North Wales Police"}
        assert found["Wales Extremism and Counter Terrorism Unit"] == WALES


class TestMergerWording:
    @pytest.mark.parametrize(
        ("text", "forces"),
        [
            ("The Staffordshire Police, Warwickshire Police, West Mercia Police and West Midlands Police forces would "
             "become one.", {"Staffordshire Police", "Warwickshire Police", "West Mercia Police", "West Midlands Police"}),
            ("He wants a Tees Valley force made up of Cleveland Police and Durham Constabulary.",
             {"Cleveland Police", "Durham Constabulary"}),
            ("Leicestershire Police, Lincolnshire Police and Northamptonshire Police formed a separate force.",
             {"Leicestershire Police", "Lincolnshire Police", "Northamptonshire Police"}),
            ("The option would have paired Derbyshire Constabulary with Nottinghamshire Police.",
             {"Derbyshire Constabulary", "Nottinghamshire Police"}),
            (f"The plan for a single East Anglian force covering {NORFOLK}, {SUFFOLK} and {CAMBS} was abandoned.",
             {NORFOLK, SUFFOLK, CAMBS}),
            ("Plans to fold the City of London Police into the Metropolitan Police Service have resurfaced.",
             {"City of London Police", "Metropolitan Police Service"}),
            (f"The force pointed to similar arrangements in {NORFOLK} and {SUFFOLK}.", {NORFOLK, SUFFOLK}),
        ],
    )
    def test_forms(self, nlp, text, forces):
        assert force_sets(nlp, text) == [forces]

    @pytest.mark.parametrize(
        ("text", "forces"),
        [
            ("Dyfed-Powys Police, Gwent Police, North Wales Police and South Wales Police are small. Options include "
             "one force for all of Wales.", WALES),
            ("Grampian Police warned that merging Scotland's police forces would cost jobs.",
             {"Central Scotland Police", "Dumfries and Galloway Constabulary", "Fife Constabulary", "Grampian Police",
              "Lothian and Borders Police", "Northern Constabulary", "Strathclyde Police", "Tayside Police"}),
        ],
    )
    def test_a_country_for_its_forces(self, nlp, text, forces):
        assert force_sets(nlp, text) == [forces]


class TestWhatIsNoNewCollaboration:
    @pytest.mark.parametrize(
        "text",
        [
            "Commissioners in Staffordshire Police, West Mercia Police and Cambridgeshire Constabulary are to take over "
            "the governance of their local fire and rescue services.",
            "Officers from the force's Organised Crime Unit made the arrests with help from British Transport Police "
            "and Humberside Police.",
            "The Police Service of Northern Ireland made a mutual aid request to Police Scotland after a night of "
            "disorder.",
            "Details were gathered from hearings held by Gwent Police and South Wales Police, together with Freedom "
            "of Information disclosures.",
        ],
    )
    def test_none(self, nlp, text):
        assert collaborations(nlp, text) == []

    def test_some_of_a_country_s_forces_are_the_ones_named(self, nlp):
        text = ("Officers in three of Wales's four police forces can now log in once, after South Wales Police, "
                "Gwent Police and Dyfed-Powys Police joined up parts of their IT.")
        assert force_sets(nlp, text) == [{"South Wales Police", "Gwent Police", "Dyfed-Powys Police"}]

    def test_places_of_raids_are_no_members(self, nlp):
        text = ("Detectives from Titan, the regional organised crime unit of Cheshire Constabulary and Merseyside Police, "
                "raided ten addresses in Cumbria and North Wales.")
        assert all("Cumbria Constabulary" not in s for s in force_sets(nlp, text))

    def test_a_standing_mutual_aid_arrangement_is_one(self, nlp):
        text = "Boat crews from Dorset Police joined the Police Service of Northern Ireland under mutual aid arrangements."
        assert force_sets(nlp, text) == [{"Dorset Police", "Police Service of Northern Ireland"}]

    def test_a_definite_restatement_of_some_members(self, nlp):
        text = (f"{HERTS}, {BEDS} and {CAMBS} signed a collaboration agreement. The commissioners signed the "
                f"memorandum alongside {BEDS} and {CAMBS}.")
        assert force_sets(nlp, text) == [{HERTS, BEDS, CAMBS}]

    def test_a_pair_inside_it_named_with_its_own_cue_is_one(self, nlp):
        text = (f"{HERTS}, {BEDS} and {CAMBS} signed a collaboration agreement. {BEDS} and {HERTS} have "
                "collaborated since 2007.")
        assert force_sets(nlp, text) == [{HERTS, BEDS, CAMBS}, {BEDS, HERTS}]


class TestReferences:
    def test_merge_them(self, nlp):
        text = (f"{BEDS} and {HERTS} launched a joint unit. The forces decided to work together after the government "
                f"dropped its plan to merge them with {ESSEX}.")
        assert {frozenset({BEDS, HERTS, ESSEX})} <= {frozenset(s) for s in force_sets(nlp, text)}

    def test_the_other_side_of_with(self, nlp):
        text = ("Gwent Police is under pressure. Gwent Police relies on Tarian, the organised crime unit it shares "
                "with South Wales Police and Dyfed-Powys Police.")
        assert force_sets(nlp, text) == [{"Gwent Police", "South Wales Police", "Dyfed-Powys Police"}]

    def test_the_constabulary_is_the_article_force(self, nlp):
        text = ("Dumfries and Galloway Constabulary held its last memorial service today. On 1 April the constabulary "
                "will be merged with Strathclyde Police and Fife Constabulary.")
        assert force_sets(nlp, text) == [{"Dumfries and Galloway Constabulary", "Strathclyde Police", "Fife Constabulary"}]

    def test_a_count_and_region_named_before_its_list(self, nlp):
        text = (f"The seven forces of the eastern region have set up a joint procurement team. They are {BEDS}, "
                f"{CAMBS}, {ESSEX}, {HERTS}, Kent Police, {NORFOLK} and {SUFFOLK}.")
        assert force_sets(nlp, text) == [{BEDS, CAMBS, ESSEX, HERTS, "Kent Police", NORFOLK, SUFFOLK}]


class TestStage:
    @pytest.mark.parametrize(
        ("text", "stage"),
        [
            ("Kent Police and Essex Police are to explore a merger.", "proposed"),
            ("Kent Police and Essex Police have signed a collaboration agreement.", "agreed"),
            ("Kent Police and Essex Police already run a joint serious crime directorate.", "operating"),
            ("Kent Police and Essex Police have agreed to extend their partnership to forensics.", "expanded"),
            ("The merger of Cumbria Constabulary and Lancashire Constabulary was abandoned.", "ended"),
            ("West Mercia Police is pulling out of its alliance with Warwickshire Police.", "ended"),
            ("South Yorkshire Police turned down a plan to merge its mounted section with West Yorkshire Police.",
             "ended"),
            ("The Act passed in June folds Fife Constabulary and Tayside Police into one force.", "agreed"),
            ("Kent Police and Surrey Police folded their teams into the South East Regional Organised Crime Unit run "
             "by Essex Police.", "expanded"),
            ("A bill to fold British Transport Police into the Metropolitan Police Service was published as a first "
             "step towards integration.", "proposed"),  # a merger, not an expansion
        ],
    )
    def test_forms(self, nlp, text, stage):
        [found] = collaborations(nlp, text)
        assert found["stage"] == stage

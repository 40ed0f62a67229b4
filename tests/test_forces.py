from __future__ import annotations

import json

import pytest

from pipeline.config import models_dir
from pipeline.gazetteer import load_gazetteer
from pipeline.nlp.forces import force_mentions


def found(nlp, text: str) -> list[tuple[str, str]]:
    return [(span.text, span.kb_id_) for span in force_mentions(nlp(text))]


class TestGazetteer:
    def test_every_uk_force_is_listed_once(self):
        gaz = load_gazetteer()
        kinds = {}
        for force in gaz.forces:
            kinds.setdefault(force.kind, []).append(force.name)
        assert len({f.name for f in gaz.forces}) == len(gaz.forces)
        territorial_england_wales = [f for f in gaz.forces if f.kind == "territorial" and f.country in {"England", "Wales"}]
        assert len(territorial_england_wales) == 43
        assert {"Police Scotland", "Police Service of Northern Ireland"} <= set(kinds["territorial"])
        assert set(kinds["special"]) == {"British Transport Police", "Ministry of Defence Police", "Civil Nuclear Constabulary"}
        assert len(kinds["crown_dependency"]) == 3
        assert len([f for f in kinds["former"] if f != "Royal Ulster Constabulary"]) == 8

    def test_no_name_resolves_to_two_forces(self):
        owner: dict[str, str] = {}
        for force in load_gazetteer().forces:
            for name in {n.lower() for n in force.names() | set(force.abbreviations) | set(force.areas)}:
                assert owner.setdefault(name, force.name) == force.name, name

    def test_file_is_valid_json_with_required_keys(self):
        data = json.loads((models_dir() / "forces.json").read_text(encoding="utf-8"))
        for force in data["forces"]:
            assert {"name", "kind", "country", "areas", "aliases", "abbreviations"} <= force.keys()

    def test_every_force_has_its_headquarters_in_the_british_isles(self):
        for force in load_gazetteer().forces:
            assert force.hq is not None and force.region, force.name
            latitude, longitude = force.hq
            assert 49 <= latitude <= 61 and -8.5 <= longitude <= 2, force.name


class TestForceFinder:
    @pytest.mark.parametrize(
        ("text", "surface", "canonical"),
        [
            ("Durham Constabulary said so.", "Durham Constabulary", "Durham Constabulary"),
            ("Durham Constabulary’s Deputy Chief Constable spoke.", "Durham Constabulary", "Durham Constabulary"),
            ("Officers from Devon & Cornwall Police attended.", "Devon & Cornwall Police", "Devon and Cornwall Police"),
            ("A deal was signed by Avon & Somerset’s PCC.", "Avon & Somerset", "Avon and Somerset Constabulary"),
            ("Herts Police confirmed the plan.", "Herts Police", "Hertfordshire Constabulary"),
            ("GMP said it would not comment.", "GMP", "Greater Manchester Police"),
            ("The Met has its own custody command.", "Met", "Metropolitan Police Service"),
            ("The PSNI welcomed the move.", "PSNI", "Police Service of Northern Ireland"),
            ("The Cleveland force is part of the deal.", "Cleveland", "Cleveland Police"),
            ("The PCC for Kent welcomed it.", "Kent", "Kent Police"),
            ("Hertfordshire’s police and crime commissioner said yes.", "Hertfordshire", "Hertfordshire Constabulary"),
            ("Herts chief constable Andy Bliss agreed.", "Herts", "Hertfordshire Constabulary"),
            ("The Chief Constable of Lancashire spoke.", "Lancashire", "Lancashire Constabulary"),
            ("Dyfed-Powys Police is in Wales.", "Dyfed-Powys Police", "Dyfed-Powys Police"),
            ("Strathclyde Police was the largest Scottish force.", "Strathclyde Police", "Strathclyde Police"),
            ("Officers of the British Transport Police patrol trains.", "British Transport Police", "British Transport Police"),
            ("Kent police arrested a man.", "Kent police", "Kent Police"),
            # an official's title phrase names the force
            ("Durham's acting police and crime commissioner spoke.", "Durham", "Durham Constabulary"),
            ("Cheshire’s interim Deputy Chief Constable spoke.", "Cheshire", "Cheshire Constabulary"),
            ("Greater Manchester's deputy mayor for policing and crime spoke.", "Greater Manchester",
             "Greater Manchester Police"),
            ("He chairs the Police Federation for Northern Ireland.", "Northern Ireland",
             "Police Service of Northern Ireland"),
            ("She leads the programme on behalf of Sussex.", "Sussex", "Sussex Police"),
            ("The two commissioners - Jane Kerr from Surrey and Tim Bowles in Sussex - signed.", "Surrey", "Surrey Police"),
        ],
    )
    def test_alias_resolves_to_canonical_force(self, nlp, text, surface, canonical):
        assert (surface, canonical) in found(nlp, text)

    def test_list_followed_by_forces(self, nlp):
        text = "The North Yorkshire, Cleveland and Durham forces said they would work together."
        assert [c for _, c in found(nlp, text)] == ["North Yorkshire Police", "Cleveland Police", "Durham Constabulary"]

    def test_list_after_role_and_preposition(self, nlp):
        text = "The police and crime commissioners for Herts, Beds and Cambs met this week."
        assert [s for s, _ in found(nlp, text)] == ["Herts", "Beds", "Cambs"]

    def test_list_with_a_full_name(self, nlp):
        text = "Norfolk, Suffolk and Essex Police will share procurement."
        assert [c for _, c in found(nlp, text)] == ["Norfolk Constabulary", "Suffolk Constabulary", "Essex Police"]

    def test_list_after_forces_and_a_dash(self, nlp):
        text = "The four Welsh forces – Dyfed-Powys, Gwent, North Wales and South Wales – would have merged."
        assert [c for _, c in found(nlp, text)] == [
            "Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police",
        ]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Northumbria, Durham and Cleveland would have merged in the north east.",
             ["Northumbria Police", "Durham Constabulary", "Cleveland Police"]),
            ("Lincs is in talks about joining Leics in a shared unit.", ["Leicestershire Police"]),
            ("Every pound we save by working with Suffolk is kept.", ["Suffolk Constabulary"]),
        ],
    )
    def test_subject_or_object_of_a_collaboration_verb(self, nlp, text, expected):
        assert [c for _, c in found(nlp, text)][-len(expected):] == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("HMIC was invited by the commissioners for all five forces in the region: Derbyshire, Leicestershire, "
             "Lincolnshire, Northamptonshire and Nottinghamshire.",
             ["Derbyshire", "Leicestershire", "Lincolnshire", "Northamptonshire", "Nottinghamshire"]),
            ("The plan set out a single force for the five East Midlands forces and confirmed that Kent, Hampshire "
             "and Thames Valley will stay as they are.", ["Kent", "Hampshire", "Thames Valley"]),
            ("Beds police is to share more services with colleagues in Bedfordshire and Hertfordshire.",
             ["Bedfordshire", "Hertfordshire"]),
            ("Norfolk and Suffolk already work alongside Essex, Kent and Surrey on major crime.",
             ["Norfolk", "Suffolk", "Essex", "Kent", "Surrey"]),
            ("The constabularies in Norfolk, Suffolk and Essex have agreed.", ["Norfolk", "Suffolk", "Essex"]),
            ("They pointed to partnerships between Kent and Essex and between Bedfordshire and Hertfordshire.",
             ["Kent", "Essex", "Bedfordshire", "Hertfordshire"]),
            ("The voluntary merger of Cumbria and Lancashire was the only exception.", ["Cumbria", "Lancashire"]),
            ("A single East Anglian force covering Norfolk, Suffolk and Cambridgeshire was abandoned.",
             ["Norfolk", "Suffolk", "Cambridgeshire"]),
            ("Bedfordshire and Hertfordshire run a joint Major Crime Unit.", ["Bedfordshire", "Hertfordshire"]),
            ("They will join Essex's Roger Hirst, the first police, fire and crime commissioner.", ["Essex"]),
        ],
    )
    def test_area_names_standing_for_forces_in_groups_and_collaborations(self, nlp, text, expected):
        assert [s for s, _ in found(nlp, text) if s in expected] == expected

    def test_heading_of_area_names(self, nlp):
        text = "Round-up of alliances\n\nKent and Essex\n\nThe two forces run a joint directorate."
        assert [c for _, c in found(nlp, text)] == ["Kent Police", "Essex Police"]

    @pytest.mark.parametrize(
        "text",
        [
            "Tourists visiting Kent and Essex spent more this summer.",
            "The new chief constable moved to Surrey with her family.",
            "I want the people of North Yorkshire to have the best police service.",
            "Communities in Cornwall, Devon, Dorset and the Isles of Scilly deserve better.",
            "She studied at Durham University before moving to Kent.",
            "Policing in Hertfordshire will stay local.",
            "The hospital has 40 beds and Cambs council pays for them.",
            "The Police Federation and the College of Policing disagreed.",
            "The Met Office issued a warning for heavy rain.",
            "Jane Kerr from Surrey and Tim Bowles in Sussex signed.",  # no plural title before the names
            "The commissioners - Jane Kerr from Surrey - signed.",  # one person is no list
            "Tourists visiting Kent and Essex spent more this summer, the two forces said.",
            "The two forces patrol the coast in Kent and Essex.",
            "A man from Kent was jailed after an investigation by the two forces.",
            "One or two forces could merge, officials in Surrey and Sussex said.",
            "A new rail link between Kent and Essex opened.",
            "The ambulance service covering Kent, Surrey and Sussex said the two forces helped.",
        ],
    )
    def test_places_and_other_bodies_are_not_forces(self, nlp, text):
        assert found(nlp, text) == []

    def test_span_offsets_point_into_the_text(self, nlp):
        text = "Talks between Surrey Police and Sussex Police began."
        doc = nlp(text)
        for span in force_mentions(doc):
            assert text[span.start_char : span.end_char] == span.text

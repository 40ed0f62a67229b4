from __future__ import annotations

import pytest

from pipeline.contract import FUNCTIONS
from pipeline.nlp.functions import governors, load_lexicon, nearest

PARTNERS = "Kent Police and Essex Police"


def functions(nlp, text: str) -> list[tuple[str, str, str]]:
    return [(f["function"], f["status"], f["text"]) for f in nlp(text)._.functions]


def labels(nlp, text: str) -> set[tuple[str, str]]:
    return {(f, s) for f, s, _ in functions(nlp, text)}


class TestLoadLexicon:
    def test_every_contract_label_has_phrases(self):
        lexicon = load_lexicon()
        assert set(lexicon.functions) == set(FUNCTIONS)
        assert all(lexicon.functions[label] for label in FUNCTIONS)

    def test_cue_lists_are_not_empty(self):
        lexicon = load_lexicon()
        assert lexicon.shared_cues and lexicon.proposed_cues
        assert {"remain", "stay"} <= lexicon.stay_verbs and "each" in lexicon.scope_words


class TestFunctionFinder:
    @pytest.mark.parametrize(
        ("phrase", "label"),
        [
            ("IT services", "ict"),
            ("computer systems", "ict"),
            ("ICT", "ict"),
            ("how the public get in touch with the police", "contact_management"),
            ("their 999 and 101 control rooms", "contact_management"),
            ("response to civil emergencies", "civil_contingencies"),
            ("emergency planning", "civil_contingencies"),
            ("murder investigation teams", "major_crime"),
            ("serious and organised crime teams", "serious_organised_crime"),
            ("special branch", "counter_terrorism"),
            ("disaster victim identification", "disaster_victim_identification"),
            ("custody suites", "custody"),
            ("witness care", "criminal_justice"),
            ("records management", "information_management"),
            ("occupational health", "hr"),
            ("payroll", "finance"),
            ("purchasing", "procurement"),
            ("vehicle fleet", "fleet"),
            ("estates", "estates"),
            ("in-house lawyers", "legal"),
            ("anti-corruption investigators", "professional_standards"),
            ("learning and development", "training"),
            ("armed response officers", "firearms"),
            ("firearms licensing", "firearms_licensing"),
            ("crime management bureau", "crime_recording"),
            ("scientific services", "forensics"),
            ("dog handlers", "dogs"),
            ("motorway policing", "roads_policing"),
            ("mounted section", "operational_support"),
            ("intelligence analysts", "intelligence"),
            ("child protection teams", "public_protection"),
            ("back-office support services", "back_office"),
        ],
    )
    def test_phrase_names_its_function(self, nlp, phrase, label):
        assert (label, "shared") in labels(nlp, f"{PARTNERS} will share {phrase} from April.")

    def test_a_list_is_expanded(self, nlp):
        found = functions(nlp, f"{PARTNERS} already share fleet, estates and legal services.")
        assert [(f, t) for f, _, t in found] == [("fleet", "fleet"), ("estates", "estates"), ("legal", "legal services")]

    @pytest.mark.parametrize(
        "sentence",
        [
            f"{PARTNERS} will integrate their custody teams.",
            f"{PARTNERS} will share custody from next year.",
            f"Custody will be run jointly by {PARTNERS}.",
            f"{PARTNERS} have already shared custody for two years.",
        ],
    )
    def test_shared(self, nlp, sentence):
        assert labels(nlp, sentence) == {("custody", "shared")}

    @pytest.mark.parametrize(
        "sentence",
        [
            f"{PARTNERS} are to explore a joint custody service.",
            f"{PARTNERS} will draw up a business case for merging custody.",
            f"Proposals to combine custody were put to {PARTNERS} this week.",
            f"{PARTNERS} will consider sharing custody next year.",
            f"{PARTNERS} will look at sharing custody.",
            f"{PARTNERS} will consult staff on combining custody.",
            f"{PARTNERS} will examine whether custody could be shared.",
        ],
    )
    def test_proposed(self, nlp, sentence):
        assert labels(nlp, sentence) == {("custody", "proposed")}

    @pytest.mark.parametrize(
        "second",
        [
            "Custody will not be included in the programme.",
            "Custody will remain with each force.",
            "Custody will stay local.",
            "Custody would be kept out of the first phase.",
            "Custody will continue to be handled separately by each force.",
            "Both forces will keep their own custody suites.",
            "Custody is not part of the agreement and stays under local control.",
        ],
    )
    def test_excluded(self, nlp, second):
        assert labels(nlp, f"{PARTNERS} have formed an alliance to share training. {second}") == {
            ("training", "shared"),
            ("custody", "excluded"),
        }

    @pytest.mark.parametrize(
        "sentence",
        [
            f"{PARTNERS} will share every department except custody.",
            f"{PARTNERS} will share all functions apart from custody.",
            f"{PARTNERS} will share almost everything apart from custody.",
            f"{PARTNERS} will share everything other than custody.",
            f"{PARTNERS} will merge all departments with the exception of custody.",
            f"{PARTNERS} will merge all departments, excluding custody.",
        ],
    )
    def test_an_exception_excludes(self, nlp, sentence):
        assert labels(nlp, sentence) == {("custody", "excluded")}

    def test_apart_from_what_is_not_a_function_excludes_nothing(self, nlp):
        assert labels(nlp, f"Apart from the budget, {PARTNERS} share custody.") == {("custody", "shared")}

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            (f"{PARTNERS} will share back-office functions such as payroll and HR.", {("finance", "shared"), ("hr", "shared")}),
            (f"{PARTNERS} will share back-office services, including finance and IT.",
             {("finance", "shared"), ("ict", "shared")}),
            (f"{PARTNERS} will share back-office services.", {("back_office", "shared")}),
            (f"{PARTNERS} will share all support services, excluding payroll.",
             {("back_office", "shared"), ("finance", "excluded")}),
        ],
    )
    def test_back_office_only_when_nothing_more_specific_is_shared(self, nlp, sentence, expected):
        assert labels(nlp, sentence) == expected

    @pytest.mark.parametrize(
        "sentence",
        [
            f"{PARTNERS} buy equipment through a joint commercial team.",
            f"{PARTNERS} have a joint purchasing unit.",
            f"{PARTNERS} have agreed joint buying of uniforms.",
            f"{PARTNERS} share a commercial unit.",
        ],
    )
    def test_buying_is_procurement(self, nlp, sentence):
        assert labels(nlp, sentence) == {("procurement", "shared")}

    def test_status_follows_the_clause_that_governs_the_function(self, nlp):
        text = (
            f"{PARTNERS} agreed a partnership. A business case for bringing their IT together is due in May, "
            "the commissioner said, but the control room will stay with each force."
        )
        assert labels(nlp, text) == {("ict", "proposed"), ("contact_management", "excluded")}

    def test_negation_of_another_clause_does_not_exclude(self, nlp):
        text = f"{PARTNERS} work together. Kent Police will not join the unit, but has agreed to look at sharing dog handlers."
        assert labels(nlp, text) == {("dogs", "proposed")}

    def test_no_collaboration_no_function(self, nlp):
        text = "A man was remanded in custody after a raid by Kent Police and Essex Police officers. Custody staff were praised."
        assert functions(nlp, text) == []

    @pytest.mark.parametrize(
        "second",
        [
            "A suspect was held in custody overnight, both forces said.",
            "The joint unit also targets firearms traffickers.",
            "The joint board heard from the director of finance, Ann Lee.",
            "Too many forces run their own IT systems, which makes joint working harder.",
            "The savings from the alliance will protect local policing across both forces.",
            "Detectives from both forces said the custody record was incomplete.",
        ],
    )
    def test_named_in_passing_is_not_a_function(self, nlp, second):
        assert labels(nlp, f"{PARTNERS} have agreed to share training. {second}") == {("training", "shared")}

    def test_evidence_is_the_function_words_as_written(self, nlp):
        text = f"{PARTNERS} will share their Firearms Licensing teams."
        doc = nlp(text)
        [item] = doc._.functions
        assert item["text"] == "Firearms Licensing"
        assert text[item["start_char"] : item["end_char"]] == "Firearms Licensing"
        assert item["collaboration"] == 0


class TestGovernors:
    def test_walk_stops_at_a_conjoined_clause(self, nlp):
        doc = nlp("Kent will not join the unit but has agreed to share dogs.")
        dogs = next(t for t in doc if t.text == "dogs")
        words = [t.text for t in governors(dogs)]
        assert "share" in words and "agreed" in words and "join" not in words

    def test_walk_reaches_the_verb_of_a_subject(self, nlp):
        doc = nlp("Custody will remain with each force.")
        assert [t.text for t in governors(doc[0])] == ["Custody", "remain"]


class TestNearest:
    def test_the_last_collaboration_described_before_the_function(self, nlp):
        doc = nlp("Dogs are shared.")
        collaborations = [{"start_char": 0}, {"start_char": 2}, {"start_char": 100}]
        assert nearest(collaborations, doc[0:1]) == 1

    def test_first_when_none_before(self, nlp):
        doc = nlp("Dogs are shared.")
        assert nearest([{"start_char": 50}], doc[0:1]) == 0

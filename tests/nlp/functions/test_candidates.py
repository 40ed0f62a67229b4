from __future__ import annotations

import pytest

from pipeline.nlp.functions.candidates import (
    blocked,
    event,
    headed_forms,
    in_list,
    is_exception,
    noun_after,
    phrase_forms,
    thing,
    unit_name_tail,
)
from tests.nlp.functions.helpers import candidate, candidates, token


def found(nlp, finder, text: str) -> list[tuple[str, str]]:
    return [(s.label_, s.text) for s in candidates(nlp(text), finder)]


class TestPhraseForms:
    def test_adds_the_plural(self):
        assert phrase_forms("custody suite") == {"custody suite", "custody suites"}

    def test_a_plural_stays_as_it_is(self):
        assert phrase_forms("estates") == {"estates"}

    def test_a_plural_that_is_another_word(self):
        assert phrase_forms("finance", frozenset({"finance"})) == {"finance"}


class TestHeadedForms:
    def test_every_core_with_every_head_and_its_plural(self):
        assert headed_forms(("resilience",), ("team", "unit")) == {
            "resilience team", "resilience teams", "resilience unit", "resilience units",
        }


class TestFindCandidates:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The technology department will move.", ("ict", "technology department")),
            ("A joint resilience team was formed.", ("civil_contingencies", "resilience team")),
            ("Its major incident teams were merged.", ("major_crime", "major incident teams")),
            ("Marine teams were sent.", ("operational_support", "Marine teams")),
            ("Digital forensic examiners can work across both.", ("forensics", "Digital forensic examiners")),
            ("The criminal records office moved.", ("information_management", "records office")),
            ("Much of the non-operational work is done by G4S.", ("back_office", "non-operational work")),
            ("Plans to merge dog support were dropped.", ("dogs", "dog support")),
            ("They run a roads crime team.", ("roads_policing", "roads crime team")),
            ("They run a regional crime unit.", ("serious_organised_crime", "regional crime unit")),
            ("Its work spans armed operations.", ("firearms", "armed operations")),
            ("A joint police and fire building will be created.", ("estates", "building")),
            ("West Midlands Police will take on its mounted policing.", ("operational_support", "mounted policing")),
            ("The forces will look at buying spare parts in bulk.", ("procurement", "buying spare parts")),
        ],
    )
    def test_a_core_term_with_a_unit_noun(self, nlp, finder, text, expected):
        assert expected in found(nlp, finder, text)

    @pytest.mark.parametrize("text", ["It brought real gains in resilience.", "New technology will help officers.",
                                      "The agreement made its finances fully open."])
    def test_a_headed_core_alone_is_no_candidate(self, nlp, finder, text):
        assert found(nlp, finder, text) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("They will pool technology, procurement and back-office functions.", ("ict", "technology")),
            ("It covers payroll and vehicles.", ("fleet", "vehicles")),
            ("Administrative support functions and premises will be shared.", ("estates", "premises")),
            ("The forces will share training and a helicopter.", ("operational_support", "helicopter")),
        ],
    )
    def test_a_listed_word_in_a_list_of_functions(self, nlp, finder, text, expected):
        assert expected in found(nlp, finder, text)

    @pytest.mark.parametrize("text", ["The stolen vehicles were found.", "A helicopter searched the area."])
    def test_a_listed_word_alone_is_no_candidate(self, nlp, finder, text):
        assert found(nlp, finder, text) == []

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The programme will concentrate on countering terrorism.", ("counter_terrorism", "countering terrorism")),
            ("It will focus on policing the strategic road network.",
             ("roads_policing", "policing the strategic road network")),
            ("Staff will be handling 999 calls.", ("contact_management", "handling 999 calls")),
            ("Essex Police will share its headquarters with the fire service.", ("estates", "share its headquarters")),
        ],
    )
    def test_a_verb_and_its_object(self, nlp, finder, text, expected):
        assert expected in found(nlp, finder, text)

    def test_a_unit_name_is_its_first_function(self, nlp, finder):
        text = "They joined the East Midlands Counter Terrorism Intelligence Unit."
        assert found(nlp, finder, text) == [("counter_terrorism", "Counter Terrorism")]

    def test_abbreviations_as_written(self, nlp, finder):
        assert found(nlp, finder, "They share IT and HR, and it works.") == [("ict", "IT"), ("hr", "HR")]


class TestInList:
    def test_coordinated_with_another_function(self, nlp, finder):
        doc = nlp("They will pool technology and procurement.")
        spans = [candidate(doc, finder, "procurement")]
        technology = doc[3:4]
        assert in_list(technology, [technology, *spans])

    @pytest.mark.parametrize("text", ["They bought new technology.", "New technology helped officers to find custody records."])
    def test_alone(self, nlp, finder, text):
        doc = nlp(text)
        technology = token(doc, "technology")
        assert not in_list(doc[technology.i : technology.i + 1], candidates(doc, finder))


class TestBlocked:
    @pytest.mark.parametrize(
        ("text", "words"),
        [
            ("The joint unit targets firearms traffickers.", (4, 5)),
            ("He holds firearms and shotgun certificates.", (2, 3)),
            ("He was remanded in custody.", (4, 5)),
            ("The director of finance spoke.", (3, 4)),
            ("The finance director spoke.", (1, 2)),
            ("Police recovered three firearms.", (3, 4)),
            ("Policing: Building Safer Communities Together was published.", (2, 3)),
            ("They will swap detectives on training secondments.", (5, 6)),
            ("An incident needs more dogs than one area can provide.", (4, 5)),
            ("They used drugs detection dogs.", (4, 5)),
            ("They will share a new training range.", (5, 6)),
            ("The centres are paid for through the private finance initiative.", (8, 9)),
            ("It comes on top of 1,000 back-office posts that have gone.", (6, 9)),
            ("The figures came from Freedom of Information disclosures.", (4, 7)),
            ("Every control room worker will transfer to the force.", (1, 3)),
        ],
    )
    def test_the_words_around_make_it_something_else(self, nlp, lex, text, words):
        doc = nlp(text)
        assert blocked(doc[words[0] : words[1]], lex)

    def test_apart_from_custody_is_a_function(self, nlp, lex):
        doc = nlp("Everything is shared apart from custody.")
        assert not blocked(doc[5:6], lex)


class TestNounAfter:
    def test_the_next_word(self, nlp):
        doc = nlp("firearms traffickers were jailed")
        assert noun_after(doc[0:1]) == "traffickers"

    def test_the_head_after_a_coordinated_modifier(self, nlp):
        doc = nlp("He renewed his firearms and shotgun certificates.")
        assert noun_after(doc[3:4]) == "certificates"


class TestThing:
    @pytest.mark.parametrize(("text", "word"), [("Officers seized firearms.", "firearms"),
                                                ("Officers turned down the chance to carry firearms.", "firearms"),
                                                ("Firearms were recovered in the raid.", "Firearms")])
    def test_what_is_seized_or_found(self, nlp, lex, text, word):
        doc = nlp(text)
        t = token(doc, word)
        assert thing(doc[t.i : t.i + 1], lex)

    def test_what_is_shared(self, nlp, lex):
        doc = nlp("The forces share firearms.")
        assert not thing(doc[3:4], lex)

    @pytest.mark.parametrize(("text", "word"), [
        ("They had to match kit, for example when allocating firearms to training schedules.", "firearms"),
        ("A bigger force would find it easier to pay for modern technology and forensic science.", "technology"),
        ("A bigger force would find it easier to pay for modern technology and forensic science.", "forensic"),
    ])
    def test_what_is_handed_out_or_bought(self, nlp, lex, text, word):
        doc = nlp(text)
        t = token(doc, word)
        span = doc[t.i : t.i + 2] if word == "forensic" else doc[t.i : t.i + 1]
        assert thing(span, lex)

    def test_paying_for_a_joint_unit_is_sharing_it(self, nlp, lex):
        doc = nlp("Kent Police and Essex Police will pay for a joint custody suite.")
        t = token(doc, "custody")
        assert not thing(doc[t.i : t.i + 2], lex)

    @pytest.mark.parametrize("text", [
        "The unit will be run centrally, tasked by intelligence and able to send resources where needed.",
        "The agreement paves the way for a centrally managed, intelligence-led unit.",
    ])
    def test_how_a_unit_works(self, nlp, lex, text):
        doc = nlp(text)
        t = token(doc, "intelligence")
        assert thing(doc[t.i : t.i + 1], lex)


class TestEvent:
    @pytest.mark.parametrize("text", ["They worked together on the murder inquiry.", "It was a murder.",
                                      "A joint team investigated the murders of two men."])
    def test_one_case(self, nlp, lex, text):
        doc = nlp(text)
        t = next(t for t in doc if t.lower_.startswith("murder"))
        assert event(doc[t.i : t.i + 1], lex)

    @pytest.mark.parametrize("text", ["They set up murder investigation teams.", "They investigate murders.",
                                      "It joined the Murder Investigation Team."])
    def test_the_function(self, nlp, lex, text):
        doc = nlp(text)
        t = next(t for t in doc if t.lower_.startswith("murder"))
        assert not event(doc[t.i : t.i + 1], lex)


class TestUnitNameTail:
    def test_two_capitalised_names_side_by_side(self, nlp):
        doc = nlp("the Counter Terrorism Intelligence Unit")
        assert unit_name_tail(doc[1:3], doc[3:4])

    def test_names_in_a_list(self, nlp):
        doc = nlp("counter terrorism, intelligence")
        assert not unit_name_tail(doc[0:2], doc[3:4])


class TestIsException:
    @pytest.mark.parametrize(("text", "word"), [("all except custody", "except"), ("all apart from custody", "from"),
                                                ("all other than custody", "than"),
                                                ("with the exception of custody", "of")])
    def test_prepositions_of_exception(self, nlp, lex, text, word):
        doc = nlp(text)
        assert is_exception(token(doc, word), lex)

    def test_another_preposition(self, nlp, lex):
        doc = nlp("custody from April")
        assert not is_exception(token(doc, "from"), lex)

from __future__ import annotations

import pytest

from pipeline.nlp.functions.scope import (
    clause_verb,
    partner,
    partner_clause,
    partner_sentence,
    passive,
    plural_forces,
    subjects,
)
from tests.nlp.functions.helpers import candidate, token


def forces_of(doc) -> set[int]:
    return {i for s in doc.spans.get("forces", []) for i in range(s.start, s.end)}


class TestPluralForces:
    @pytest.mark.parametrize("text", ["The three forces will share custody.", "Both forces share IT.",
                                      "Neighbouring forces are merging control rooms.", "All forces must pool buying."])
    def test_forces_by_number(self, nlp, lex, text):
        assert plural_forces(next(nlp(text).sents), lex)

    @pytest.mark.parametrize("text", ["Forces are under pressure.", "The force will share custody."])
    def test_no_count(self, nlp, lex, text):
        assert not plural_forces(next(nlp(text).sents), lex)


class TestClauseVerb:
    def test_the_first_verb_above(self, nlp):
        doc = nlp("G4S will run the control room.")
        assert clause_verb(token(doc, "room")).text == "run"

    def test_not_a_preposition_such_as_including(self, nlp):
        doc = nlp("It covers support services including computing and payroll.")
        assert clause_verb(token(doc, "payroll")).text == "covers"


class TestSubjects:
    def test_the_verbs_own(self, nlp):
        doc = nlp("G4S will run custody.")
        assert [t.text for t in subjects(token(doc, "run"))] == ["G4S"]

    @pytest.mark.parametrize(("text", "verb"), [("G4S will run custody and manage payroll.", "manage"),
                                                ("Derbyshire has decided to keep its HR.", "keep")])
    def test_of_the_verb_it_is_chained_to(self, nlp, text, verb):
        doc = nlp(text)
        assert [t.text for t in subjects(token(doc, verb))] == [doc[0].text]


class TestPassive:
    def test_passive(self, nlp):
        doc = nlp("The work has been carried out by G4S.")
        assert passive(token(doc, "carried"))

    def test_active(self, nlp):
        doc = nlp("G4S carries out the work.")
        assert not passive(token(doc, "carries"))


class TestPartner:
    @pytest.mark.parametrize(("text", "word"), [("G4S will run custody.", "G4S"), ("It covers payroll.", "It"),
                                                ("They run custody.", "They"), ("The company will run HR.", "company")])
    def test_a_name_a_partner_noun_or_a_pronoun(self, nlp, lex, text, word):
        doc = nlp(text)
        assert partner(token(doc, word), lex, forces_of(doc))

    @pytest.mark.parametrize(("text", "word"), [("Police officers will manage the control room.", "officers"),
                                                ("He ran a firearms business.", "He"),
                                                ("The system will cover the control room.", "system"),
                                                ("Kent Police will run custody.", "Police")])
    def test_not_the_police_a_person_or_a_thing(self, nlp, lex, text, word):
        doc = nlp(text)
        assert not partner(token(doc, word), lex, forces_of(doc))


class TestPartnerClause:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("G4S will run the force control room, custody and HR.", "custody"),
            ("It will also take on the crime management bureau.", "crime management bureau"),
            ("They run the force control room and manage the force's estate.", "estate"),
            ("Much of the non-operational work has been carried out by G4S.", "non-operational work"),
        ],
    )
    def test_the_partner_runs_it(self, nlp, finder, lex, text, function):
        doc = nlp(text)
        assert partner_clause(candidate(doc, finder, function), lex, forces_of(doc))

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Police officers will still manage the control room.", "control room"),
            ("Reviewing every procurement contract has saved money.", "procurement"),
        ],
    )
    def test_the_police_or_no_partner_verb(self, nlp, finder, lex, text, function):
        doc = nlp(text)
        assert not partner_clause(candidate(doc, finder, function), lex, forces_of(doc))


class TestPartnerSentence:
    def test_a_partner_cue_in_the_sentence(self, nlp, finder):
        doc = nlp("Lincolnshire handed much of its back office to a private firm.")
        back_office = candidate(doc, finder, "back office")
        assert partner_sentence(back_office, finder.cues(doc)["partner"])

    def test_not_the_noun_the_function_qualifies(self, nlp, finder):
        doc = nlp("Reviewing every major procurement contract has saved money.")
        procurement = candidate(doc, finder, "procurement")
        assert not partner_sentence(procurement, finder.cues(doc)["partner"])

"""The stance of a job concern sentence (pipeline/nlp/job_stance.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_losses import job_loss
from pipeline.nlp.job_stance import (
    at_risk,
    cancelled,
    criticised,
    denial,
    fact,
    hedges,
    negated_loss,
    not_allowed,
    person_warns,
    phrases_before,
    planned,
    stance,
    through_wastage,
    unforeseen,
    union_named,
    unknown_count,
    unqualified,
    unreported_would,
    verbs_above,
)
from tests.nlp.jobs_helpers import sentence, word


def loss_of(nlp, text: str):
    """The sentence, its job noun and the word of loss over it (the job phrase 'redundancy' matched as the
    component's matcher does)."""
    sent = sentence(nlp, text)
    phrases = [(t.i, t.i + 1) for t in sent if t.lemma_ == "redundancy"]
    noun, predicate = job_loss(sent, phrases, load_cues())
    return sent, noun, predicate


class TestStance:
    @pytest.mark.parametrize(
        ("label", "expected"),
        [("uncertain", "uncertain"), ("not_ruled_out", "possible"), ("ruled_out", "ruled_out"), ("concern", "concern")],
    )
    def test_a_cue_phrase_decides(self, nlp, label, expected):
        sent, noun, predicate = loss_of(nlp, "Eighty posts will go by March.")
        assert stance(sent, noun, predicate, {label: [(0, 1)]}, None, load_cues()) == expected

    def test_uncertainty_before_all(self, nlp):
        sent, noun, predicate = loss_of(nlp, "Eighty posts will go by March.")
        hits = {"ruled_out": [(0, 1)], "not_ruled_out": [(0, 1)], "uncertain": [(1, 2)]}
        assert stance(sent, noun, predicate, hits, None, load_cues()) == "uncertain"

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Eighty posts will go by March.", "confirmed"),
            ("Jobs may go as the departments merge.", "possible"),
            ("He said a cut of that size would probably mean fewer officers.", "possible"),
            ("No officer posts will be cut under the agreement.", "ruled_out"),
            ("Police staff jobs will be protected.", "ruled_out"),  # kept
            ("The union said jobs would not be safe under the plan.", "possible"),  # kept, negated
            ("You cannot lose 27 posts and expect the same service.", "concern"),  # a protest
            ("Posts cannot be cut under the deal.", "ruled_out"),  # a denial
            ("Twelve vacant posts will not be filled.", "confirmed"),  # the negation is the loss
            ("If the answer is to cut detectives, Kent will pay the price.", "possible"),  # a condition
            ("Some support jobs would be lost if the money could not be found.", "possible"),
            ("The federation expects that 400 people will be made compulsorily redundant.", "concern"),  # a union
            ("The union said the force has lost 5,200 officers.", "confirmed"),  # a fact, even from a union
            ("The union said 40 posts were cut last year.", "confirmed"),
            ("In total 175 jobs are at risk.", "possible"),  # impersonal
            ("More than 200 jobs are under threat from the closures.", "possible"),
            ("Under the proposals, 68 staff would lose their jobs.", "possible"),  # 'would' unreported
            ("Some posts would close, she said.", "confirmed"),  # reported
            ("The force is considering cutting 700 officer posts.", "possible"),  # considered
            ("The force plans to cut 200 officer posts.", "confirmed"),  # planned: announced
            ("Police officers cannot be made redundant, so their numbers will come down through natural wastage.",
             "confirmed"),  # wastage beats the denial
            ("While 86 officers are expected to retire, the intake falls.", "confirmed"),  # retirement is no forecast
            ("Twenty officers are expected to leave the force.", "possible"),
            ("The force expects to lose 226 police staff.", "confirmed"),  # its own plan, announced
            ("We don't see it costing jobs.", "ruled_out"),
            ("The force dropped its plan to cut 200 posts.", "ruled_out"),
            ("All officers affected will be redeployed to other areas.", "ruled_out"),
            ("Staff who will not travel could be redeployed or made redundant.", "possible"),  # kept or lost
            ("Officer numbers will be maintained.", "ruled_out"),
            ("The budget did not allow the service to keep its workforce at the levels of previous years.", "confirmed"),
        ],
    )
    def test_from_the_parse(self, nlp, text, expected):
        sent, noun, predicate = loss_of(nlp, text)
        assert stance(sent, noun, predicate, {}, None, load_cues()) == expected

    @pytest.mark.parametrize(("role", "expected"), [("federation_representative", "concern"), (None, "possible"),
                                                    ("chief_constable", "possible")])
    def test_a_union_speaker_saying_jobs_would_go(self, nlp, role, expected):
        sent, noun, predicate = loss_of(nlp, "The plan would cost 40 jobs.")
        assert stance(sent, noun, predicate, {}, role, load_cues()) == expected

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("She warned that posts may be lost.", "concern"), ("The report warns that posts may be lost.", "possible")],
    )
    def test_who_warns(self, nlp, text, expected):
        sent, noun, predicate = loss_of(nlp, text)
        warned = next(t.i for t in sent if t.lemma_ == "warn")
        assert stance(sent, noun, predicate, {"warn": [(warned, warned + 1)]}, None, load_cues()) == expected


    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("An unknown number of posts will be lost.", "confirmed"),  # only the number is unknown
            ("It is unknown how many posts will be lost.", "uncertain"),
        ],
    )
    def test_an_unknown_number_of_certain_losses(self, nlp, text, expected):
        sent, noun, predicate = loss_of(nlp, text)
        unknown = next(t.i for t in sent if t.lower_ == "unknown")
        assert stance(sent, noun, predicate, {"uncertain": [(unknown, unknown + 1)]}, None, load_cues()) == expected

    def test_fear_before_a_condition(self, nlp):
        sent, noun, predicate = loss_of(nlp, "Members were worried that posts could be lost if the merger went ahead.")
        worried = next(t.i for t in sent if t.lower_ == "worried")
        assert stance(sent, noun, predicate, {"concern": [(worried, worried + 1)]}, None, load_cues()) == "concern"

    def test_the_threat_itself_is_no_fear(self, nlp):
        sent, noun, predicate = loss_of(nlp, "More than 200 jobs are under threat.")
        threat = next(t.i for t in sent if t.lower_ == "threat")
        assert stance(sent, noun, predicate, {"concern": [(threat, threat + 1)]}, None, load_cues()) == "possible"


class TestDenial:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("There will be no redundancies.", "ruled_out"),
            ("Police staff jobs will be protected.", "ruled_out"),
            ("The union said jobs would not be safe under the plan.", "possible"),  # kept, negated
            ("You cannot lose 27 posts and expect the same service.", "concern"),  # a protest
            ("The force could not afford to keep 40 officers.", None),  # a loss, not a keeping
            ("Eighty posts will go by March.", None),
        ],
    )
    def test_a_negated_or_kept_loss(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert denial(noun, predicate, load_cues()) == expected


class TestThroughWastage:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Numbers will come down through natural wastage.", True),
            ("Thirty posts will be lost by retirement.", True),
            ("Staff will be offered early retirement.", False),  # no loss through it
            ("The reduction will come through people retiring or leaving.", True),
            ("The force will reduce numbers by not replacing those who leave.", True),
            ("Central must rely on people retiring or moving on.", True),
            ("Officers who retire will be replaced.", False),
            ("Two officers retired last year.", False),
        ],
    )
    def test_a_loss_through_wastage(self, nlp, text, expected):
        assert through_wastage(sentence(nlp, text), load_cues()) is expected


class TestUnknownCount:
    @pytest.mark.parametrize(
        ("text", "expected"), [("An unknown number of posts will go.", True), ("It is unknown how many posts will go.", False)]
    )
    def test_the_number_is_unknown(self, nlp, text, expected):
        sent = sentence(nlp, text)
        unknown = next(t.i for t in sent if t.lower_ == "unknown")
        assert unknown_count(sent.doc[unknown : unknown + 1], load_cues()) is expected


class TestNotAllowed:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The budget did not allow the service to keep its workforce.", True),
            ("The force could not afford to keep them.", True),
            ("The budget allowed the service to keep its workforce.", False),
        ],
    )
    def test_a_keeping_under_a_negated_ability(self, nlp, text, expected):
        sent = sentence(nlp, text)
        keep = next(t for t in sent if t.lemma_ == "keep")
        assert not_allowed(keep, load_cues()) is expected


class TestUnforeseen:
    @pytest.mark.parametrize(
        ("text", "expected"), [("We don't see it costing jobs.", True), ("We see it costing jobs.", False)]
    )
    def test_a_negated_verb_of_foreseeing(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert unforeseen(noun, predicate, load_cues()) is expected


class TestUnqualified:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("No forensic staff would lose their jobs.", "staff", ["No", "forensic", "staff"]),
            ("Staff who do not want to move will be offered redundancy.", "Staff", ["Staff"]),
        ],
    )
    def test_the_noun_phrase_without_its_clauses(self, nlp, text, noun, expected):
        assert [t.text for t in unqualified(word(sentence(nlp, text), noun))] == expected


class TestCancelled:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The force dropped its plan to cut 200 posts.", True),
            ("Plans to axe 750 officer posts were shelved.", True),
            ("The force approved its plan to cut 200 posts.", False),
            ("The force dropped 200 posts.", False),  # the loss itself, not a plan
        ],
    )
    def test_a_dropped_plan(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert cancelled(noun, predicate, load_cues()) is expected


class TestFact:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("We have lost over 5,200 officers.", True),
            ("Forty posts were cut last year.", True),
            ("The force lost 40 officers.", True),
            ("Forty posts will be cut.", False),
            ("Forty posts could go.", False),
            ("In Kent we have 1,000 fewer officers.", True),  # the loss has happened
            ("In Kent we will have 1,000 fewer officers.", False),
        ],
    )
    def test_a_loss_in_the_past(self, nlp, text, expected):
        _sent, _noun, predicate = loss_of(nlp, text)
        assert fact(predicate) is expected


class TestAtRisk:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Forty jobs are at risk.", True),
            ("Jobs under threat", True),
            ("Staff see the merger as a threat to their jobs.", False),  # a fear, not jobs at risk
            ("Forty jobs will go.", False),
        ],
    )
    def test_jobs_at_risk(self, nlp, text, expected):
        _sent, _noun, predicate = loss_of(nlp, text)
        assert at_risk(predicate, load_cues()) is expected


class TestUnreportedWould:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Under the proposals, 68 staff would lose their jobs.", True),
            ("Some posts would close, she said.", False),
            ("Forty posts will close.", False),
        ],
    )
    def test_would_with_no_one_saying_it(self, nlp, text, expected):
        sent, noun, predicate = loss_of(nlp, text)
        assert unreported_would(sent, noun, predicate, load_cues()) is expected


class TestPlanned:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The force is considering cutting 700 officer posts.", True),
            ("It sets out proposals for the force to shed 1,300 people.", True),
            ("The force is cutting 700 officer posts.", False),
            ("The proposal to cut 200 posts was approved by the panel.", False),  # approved: decided
            ("The force plans to cut 200 officers.", False),  # announced
            ("Strathclyde Police revealed plans to cut 200 officers and 600 civilian posts.", False),
        ],
    )
    def test_a_loss_someone_considers(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert planned(noun, predicate, load_cues()) is expected


class TestUnionNamed:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Unison said 40 jobs would go.", True),
            ("The federation fears for jobs.", True),
            ("Posts will go because of the risks of leaving the European Union.", False),
            ("The forces unite to cut 40 posts.", False),  # a verb, not the union Unite
        ],
    )
    def test_a_union_in_the_sentence(self, nlp, text, expected):
        assert union_named(sentence(nlp, text), load_cues()) is expected


class TestVerbsAbove:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("The force could have to shed 2,300 officers.", "shed", ["have"]),
            ("Forces may have to let experienced staff go.", "go", ["let", "have"]),
            ("The review is expected to lead to cuts.", "lead", ["expected"]),
            ("There is the potential for jobs to be lost.", "lost", ["potential"]),
            ("Forty posts will go.", "go", []),
        ],
    )
    def test_the_words_a_loss_verb_completes(self, nlp, text, verb, expected):
        sent = sentence(nlp, text)
        assert [t.text for t in verbs_above(word(sent, verb), load_cues())] == expected


class TestPersonWarns:
    @pytest.mark.parametrize(
        ("text", "pronouns", "expected"),
        [
            ("Unison warned that posts may go.", frozenset(), True),  # an organisation
            ("She warned that posts may go.", frozenset({"she"}), True),
            ("She warned that posts may go.", frozenset(), False),
            ("The report warns that posts may be lost.", frozenset({"she"}), False),
            ("The report noted the costs and warned that posts may go.", frozenset(), False),  # the first verb's subject
        ],
    )
    def test_a_person_or_organisation(self, nlp, text, pronouns, expected):
        sent = sentence(nlp, text)
        verb = next(t for t in sent if t.lemma_ == "warn")
        assert person_warns(verb, pronouns) is expected


class TestNegatedLoss:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("No officer posts will be cut.", True),  # on the noun
            ("Nobody will lose their job.", True),  # in the subject of the loss
            ("The force will not lose any officers.", True),  # on the loss
            ("The agreement does not involve any compulsory redundancies.", True),  # on a verb above
            ("The agreement involves compulsory redundancies.", False),
            ("Staff who do not want to move will be offered redundancy.", False),  # a negation in a clause on the subject
            ("Eighty posts will go by March.", False),
        ],
    )
    def test_negations(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert negated_loss(noun, predicate, load_cues()) is expected

    def test_negation_words_of_the_cues(self, nlp):
        _sent, noun, predicate = loss_of(nlp, "No officer posts will be cut.")
        assert negated_loss(noun, predicate, dataclasses.replace(load_cues(), negations=frozenset())) is False


class TestCriticised:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("You cannot lose 27 posts and expect the same service.", True),
            ("We cannot cut more sergeants without hurting the public.", True),
            ("Posts cannot be cut under the deal.", False),  # passive: a denial
            ("The force will not lose any officers.", False),  # no 'can'
        ],
    )
    def test_someone_who_cannot_cut(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        assert criticised(noun, predicate, load_cues()) is expected


class TestHedges:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Jobs may go as the departments merge.", {"may"}),
            ("Up to 30 civilian posts are at risk.", {"up to"}),
            ("The plan could see jobs moved to Leeds or lost.", {"could"}),  # a modal on an outcome verb
            ("If jobs are cut, residents will notice.", {"if"}),  # a condition
            ("Some jobs would be lost if the money could not be found.", {"if", "would"}),  # a condition on the loss
            ("The force may have to let staff go unless funding improves.", {"may", "unless"}),
            ("The review is expected to lead to cuts in staff numbers.", {"expect"}),
            ("Deficits grow unless funding goes up or the cost of the workforce comes down.", {"unless"}),  # a list
            ("Eighty posts were cut.", set()),
        ],
    )
    def test_hedging_words_on_the_loss(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        cues = load_cues()
        assert hedges(noun, predicate, cues) & (cues.possible | cues.conditions | cues.report_modals) == expected


class TestPhrasesBefore:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Up to 30 civilian posts are at risk.", {"up to"}),
            ("As many as 30 posts are at risk.", {"as many as"}),
            ("30 posts are at risk up to March.", set()),  # after the noun
        ],
    )
    def test_phrases_in_the_noun_phrase(self, nlp, text, expected):
        sent = sentence(nlp, text)
        assert phrases_before(word(sent, "posts"), (("up", "to"), ("as", "many", "as"))) == expected

"""The stance of a job concern sentence (pipeline/nlp/job_stance.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_losses import job_loss
from pipeline.nlp.job_stance import criticised, hedges, negated_loss, person_warns, phrases_before, stance
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
            ("No officer posts will be cut under the agreement.", "ruled_out"),
            ("Police staff jobs will be protected.", "ruled_out"),  # kept
            ("The union said jobs would not be safe under the plan.", "possible"),  # kept, negated
            ("You cannot lose 27 posts and expect the same service.", "concern"),  # a protest
            ("Posts cannot be cut under the deal.", "ruled_out"),  # a denial
            ("Twelve vacant posts will not be filled.", "confirmed"),  # the negation is the loss
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
            ("Eighty posts were cut.", set()),
        ],
    )
    def test_hedging_words_on_the_loss(self, nlp, text, expected):
        _sent, noun, predicate = loss_of(nlp, text)
        cues = load_cues()
        assert hedges(noun, predicate, cues) & (cues.possible | cues.hedges) == expected


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

"""Reading the parse around a job noun (pipeline/nlp/job_clauses.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.job_clauses import clause_governors, governors, is_negated, lemma, reported_question, words_above
from pipeline.nlp.job_cues import load_cues
from tests.nlp.jobs_helpers import sentence, word

LINKS = frozenset({"conj", "parataxis", "advcl", "relcl", "ccomp"})


class TestLemma:
    def test_lower_case_lemma(self, nlp):
        assert lemma(word(sentence(nlp, "Posts were Cut."), "Posts")) == "post"


class TestClauseGovernors:
    @pytest.mark.parametrize(
        ("text", "noun", "links", "hops", "expected"),
        [
            ("He said the impact on jobs would be known later.", "jobs", LINKS, 3, ["on", "impact", "known"]),
            ("He said the impact on jobs would be known later.", "jobs", LINKS, 1, ["on"]),
            ("The force said jobs will go.", "jobs", LINKS, 3, ["go"]),  # not past the verb of its clause
            ("The force said jobs will go.", "jobs", frozenset(), 3, ["go", "said"]),  # no clause links: no clause
            ("The force will cut 40 analysts and 12 trainers.", "trainers", LINKS, 3, ["analysts", "cut"]),  # a list
        ],
    )
    def test_words_above_within_the_clause(self, nlp, text, noun, links, hops, expected):
        sent = sentence(nlp, text)
        assert [t.text for t in clause_governors(word(sent, noun), links, hops)] == expected


class TestGovernors:
    def test_the_hops_of_the_cues(self, nlp):
        jobs = word(sentence(nlp, "He said the impact on jobs would be known later."), "jobs")
        cues = load_cues()
        assert [t.text for t in governors(jobs, cues)] == ["on", "impact", "known"]
        assert [t.text for t in governors(jobs, dataclasses.replace(cues, governor_hops=2))] == ["on", "impact"]


class TestWordsAbove:
    @pytest.mark.parametrize(
        ("text", "predicate", "expected"),
        [
            ("Jobs are at risk.", "risk", ["at", "are"]),  # a loss word that is not a verb
            ("Eighty posts will go.", "go", []),  # a verb: its own clause
        ],
    )
    def test_above_a_loss_word(self, nlp, text, predicate, expected):
        sent = sentence(nlp, text)
        assert [t.text for t in words_above(word(sent, predicate), load_cues())] == expected

    def test_no_loss_word(self):
        assert words_above(None, load_cues()) == []


class TestIsNegated:
    @pytest.mark.parametrize(
        ("text", "verb", "negations", "negated"),
        [
            ("Posts will not be filled.", "filled", frozenset(), True),  # a 'neg' dependant
            ("Posts will be filled.", "filled", frozenset({"not"}), False),
            ("Nobody will lose their job.", "lose", frozenset({"nobody"}), True),  # a negation word on the verb
            ("Nobody will lose their job.", "lose", frozenset(), False),
        ],
    )
    def test_negation_on_the_word(self, nlp, text, verb, negations, negated):
        assert is_negated(word(sentence(nlp, text), verb), negations) is negated


class TestReportedQuestion:
    @pytest.mark.parametrize(
        ("text", "inside", "outside"),
        [
            ("Asked whether jobs would be lost, the chief constable said 30 posts might go.", "jobs", "posts"),
            ("Questioned on whether staff would go, she said 30 posts would be cut.", "staff", "posts"),
        ],
    )
    def test_the_question_and_not_the_answer(self, nlp, text, inside, outside):
        sent = sentence(nlp, text)
        asked = reported_question(sent, load_cues())
        assert word(sent, inside).i in asked and word(sent, outside).i not in asked

    def test_no_question_word_no_question(self, nlp):
        assert reported_question(sentence(nlp, "She asked the union to accept the cuts."), load_cues()) == set()

    def test_the_question_words_of_the_cues(self, nlp):
        sent = sentence(nlp, "Asked whether jobs would be lost, the chief constable said 30 posts might go.")
        assert reported_question(sent, dataclasses.replace(load_cues(), question_words=frozenset({"how"}))) == set()

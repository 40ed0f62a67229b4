"""Which sentences speak of jobs lost or kept (pipeline/nlp/job_losses.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.job_clauses import reported_question
from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_losses import governs, individual, is_job, job_loss, losses, people_numbers, related, unfilled, verb_of
from tests.nlp.jobs_helpers import sentence, word


def texts(pairs) -> list[tuple[str, str | None]]:
    return [(noun.text, predicate.text if predicate is not None else None) for noun, predicate in pairs]


class TestJobLoss:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Eighty posts will go by March.", ("posts", "go")),
            ("The force will lose 300 officers.", ("officers", "lose")),
            ("The union spoke to staff about their work.", None),
        ],
    )
    def test_the_job_noun_and_its_loss(self, nlp, text, expected):
        found = job_loss(sentence(nlp, text), [], load_cues())
        assert (texts([found])[0] if found else None) == expected

    def test_a_job_phrase_when_no_loss_governs(self, nlp):
        sent = sentence(nlp, "The union spoke about redundancy.")
        assert texts([job_loss(sent, [(4, 5)], load_cues())]) == [("redundancy", None)]

    def test_the_answer_before_the_question(self, nlp):
        sent = sentence(nlp, "Asked whether jobs would be lost, the chief constable said 30 posts might go.")
        cues = load_cues()
        assert texts([job_loss(sent, [], cues)]) == [("jobs", "lost")]
        assert texts([job_loss(sent, [], cues, reported_question(sent, cues))]) == [("posts", "go")]

    def test_a_question_alone_still_counts(self, nlp):
        sent = sentence(nlp, "The panel asked whether jobs would be lost.")
        cues = load_cues()
        assert texts([job_loss(sent, [], cues, reported_question(sent, cues))]) == [("jobs", "lost")]


class TestLosses:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The force will cut 40 analysts.", [("analysts", "cut")]),
            ("Twelve vacant posts will not be filled.", [("posts", "filled")]),  # left empty
            ("Some of the detective posts may not be refilled.", [("posts", "refilled")]),
            ("He said the impact on jobs would be known later.", [("jobs", "impact")]),
            ("Staff numbers will fall.", [("numbers", "fall")]),
            ("Two detectives were cut free from the wreckage.", []),  # rescued, not lost
            ("Vacant posts will be filled by the summer.", []),
            ("The detectives were praised by the judge.", []),
            ("Kent Police axes 200 jobs", [("jobs", "axes")]),  # 'axes' lemmatised as 'axis'
            ("Sussex Police will shed more than a hundred people.", [("people", "shed")]),  # people (job_people)
            ("All officers affected will be redeployed to other areas.", [("officers", "redeployed")]),  # kept
            ("Plans to axe 750 officer posts were shelved.", [("posts", "axe")]),  # a verb the parse did not tie
            ("The officer lost his job after being convicted.", []),  # one person's dismissal
            ("The force will take 187 officer posts out of its structure.", [("posts", "take")]),  # 'out' as a preposition
            ("The forces plan to do without 600 officer posts.", [("posts", "do")]),
        ],
    )
    def test_lost_or_kept(self, nlp, text, expected):
        assert texts(losses(sentence(nlp, text), load_cues())) == expected

    def test_rescue_words_come_from_the_cues(self, nlp):
        sent = sentence(nlp, "Two detectives were cut free from the wreckage.")
        assert texts(losses(sent, dataclasses.replace(load_cues(), rescue_words=frozenset()))) == [("detectives", "cut")]


class TestIsJob:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Forty posts will go.", "posts", True),
            ("Staff numbers will fall.", "numbers", True),
            ("Police numbers will fall.", "numbers", True),  # a headcount word
            ("Forty roles will go.", "roles", True),
            ("He said abolishing the role risked a gap.", "role", False),  # plural only
            ("The PCSO role is being scrapped.", "role", True),  # a job title
            ("He highlighted the precarious financial position.", "position", False),
            ("One officer had done an outstanding job.", "job", False),  # an idiom
            ("The officer lost his job.", "job", False),  # one person's job
            ("The number of cars will fall.", "number", False),
        ],
    )
    def test_a_job_noun(self, nlp, text, noun, expected):
        assert is_job(word(sentence(nlp, text), noun), load_cues()) is expected


class TestIndividual:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("The officer lost his job after the hearing.", "job", True),
            ("No officer will lose his job.", "job", False),  # still a denial of job losses
            ("Officers will lose their jobs.", "jobs", False),
        ],
    )
    def test_one_persons_job(self, nlp, text, noun, expected):
        assert individual(word(sentence(nlp, text), noun), load_cues()) is expected


class TestVerbOf:
    @pytest.mark.parametrize(
        ("text", "partitives", "expected"),
        [
            ("The posts will be cut.", frozenset({"of"}), "cut"),
            ("Some of the posts will be cut.", frozenset({"of"}), "cut"),
            ("Some of the posts will be cut.", frozenset(), None),
            ("Posts will go.", frozenset({"of"}), None),  # an active subject: not what the verb does to it
        ],
    )
    def test_the_verb_of_an_object_or_passive_subject(self, nlp, text, partitives, expected):
        sent = sentence(nlp, text)
        verb = verb_of(word(sent, "posts" if "posts" in text else "Posts"), partitives)
        assert (verb.text if verb is not None else None) == expected

    @pytest.mark.parametrize(("parts", "expected"), [(frozenset({"quarter"}), "cut"), (frozenset(), None)])
    def test_a_part_of_the_posts(self, nlp, parts, expected):
        sent = sentence(nlp, "Nearly a quarter of the posts will be cut.")
        verb = verb_of(word(sent, "posts"), frozenset({"of"}), parts)
        assert (verb.text if verb is not None else None) == expected


class TestGoverns:
    @pytest.mark.parametrize(
        ("text", "noun", "other", "expected"),
        [
            ("Posts will be cut.", "Posts", "cut", True),
            ("Posts will be advertised.", "Posts", "advertised", False),
            ("Posts are left vacant.", "Posts", "vacant", True),  # said of them
            ("Vacant posts will be filled.", "posts", "Vacant", False),  # only describes them
            ("Jobs will be protected.", "Jobs", "protected", True),  # kept
            ("Officer numbers will continue to come down.", "numbers", "come", True),  # 'come down'
            ("Officer numbers will come back.", "numbers", "come", False),
            ("PCSO posts will be phased out.", "posts", "phased", True),  # a particle loss
            ("Officer numbers will go up next year.", "numbers", "go", False),  # a direction, not a departure
            ("The merger will result in 90 fewer posts.", "posts", "fewer", True),
            ("It will pay for 16 new staff posts.", "posts", "pay", False),  # only 'pay with'
            ("Staff will pay with their jobs.", "jobs", "pay", True),
            ("Most spending goes on its workforce.", "workforce", "goes", False),  # 'go' through no preposition
            ("Sixty of the posts will go.", "posts", "go", True),  # a partitive 'of' is no preposition of 'go'
            ("Staff were offered voluntary redundancy.", "redundancy", "offered", False),  # no job kept
            ("Staff were offered a job in it.", "job", "offered", True),
            ("Our officer establishment will remain around 16,600.", "establishment", "remain", True),  # a level kept
            ("Staff numbers will remain unchanged.", "numbers", "remain", True),
            ("Staff numbers will remain frozen.", "numbers", "remain", False),  # kept empty, a loss
        ],
    )
    def test_loss_keeping_or_empty(self, nlp, text, noun, other, expected):
        sent = sentence(nlp, text)
        assert governs(word(sent, noun), word(sent, other), load_cues()) is expected


class TestUnfilled:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("Posts will not be filled.", "filled", True),
            ("Officers will never be replaced.", "replaced", True),
            ("Posts will be filled.", "filled", False),
            ("Posts will not be advertised.", "advertised", False),
        ],
    )
    def test_a_negated_refill(self, nlp, text, verb, expected):
        assert unfilled(word(sentence(nlp, text), verb), load_cues()) is expected


class TestRelated:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Jobs are at risk.", "Jobs", "risk"),  # the object of a preposition on its verb
            ("Eighty jobs are expected to go by 2020.", "jobs", "go"),  # a clause on its verb
            ("Staff were told their jobs were safe.", "jobs", "safe"),  # a reported complement
            ("Most of the posts were vacant.", "posts", "vacant"),
            ("Jobs at risk", "Jobs", "risk"),  # the noun's own preposition (a headline)
            ("Detective numbers are down by a quarter.", "numbers", "down"),  # an adverb of loss on its verb
            ("PCSO posts were likely to be lost.", "posts", "lost"),  # the clause of a complement
            ("Hundreds of police support jobs to go before the merger", "jobs", "go"),  # parsed beside 'Hundreds'
        ],
    )
    def test_what_can_say_what_happens(self, nlp, text, noun, expected):
        sent = sentence(nlp, text)
        assert expected in [t.text for t in related(word(sent, noun), load_cues())]


class TestPeopleNumbers:
    @pytest.mark.parametrize(
        ("text", "noun", "expected"),
        [
            ("Staff numbers will fall.", "numbers", True),
            ("The number of police officers has fallen.", "number", True),
            ("The number of cars will fall.", "number", False),
            ("Police numbers will fall.", "numbers", True),  # a headcount word
            ("Staff will fall.", "Staff", False),  # not a count noun
        ],
    )
    def test_a_count_of_people(self, nlp, text, noun, expected):
        assert people_numbers(word(sentence(nlp, text), noun), load_cues()) is expected

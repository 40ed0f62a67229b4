from __future__ import annotations

import pytest

from pipeline.nlp.functions.passing import (
    activity_of,
    cut_or_frozen,
    denied,
    finite,
    kept_apart,
    national_body,
    on_its_own,
    one_force,
    passing,
    problem,
    work_of_people,
)
from tests.nlp.functions.helpers import candidate, candidates, token


def mention(nlp, finder, text: str, function: str):
    doc = nlp(text)
    return candidate(doc, finder, function), candidates(doc, finder)


class TestKeptApart:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Too many forces run their own IT systems.", "IT"),
            ("Reviews pointed to separate briefing systems, personnel processes and IT in each force.", "IT"),
            ("The three forces used three different IT systems.", "IT"),
        ],
    )
    def test_what_each_force_has_for_itself(self, nlp, finder, lex, text, function):
        assert kept_apart(mention(nlp, finder, text, function)[0], lex)

    def test_a_separate_joint_team(self, nlp, finder, lex):
        text = "A separate joint procurement team buys vehicles for both forces."
        assert not kept_apart(mention(nlp, finder, text, "procurement")[0], lex)


class TestOneForce:
    @pytest.mark.parametrize(("text", "function"), [("Officers from the force's Organised Crime Unit made arrests.",
                                                     "Organised Crime"),
                                                    ("Its custody suites were full.", "custody suites")])
    def test_a_unit_of_one_force(self, nlp, finder, lex, text, function):
        assert one_force(mention(nlp, finder, text, function)[0], lex)

    def test_their_units(self, nlp, finder, lex):
        assert not one_force(mention(nlp, finder, "They merged their dog units.", "dog units")[0], lex)


class TestProblem:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("The cost of bringing together different personnel and computer systems would be enormous.",
             "computer systems"),
            ("The inspectorate described the integration of control rooms as a key risk.", "control rooms"),
            ("Unresolved issues include agreements with the rail industry and ICT.", "ICT"),
            ("The extra bills facing every authority include new duties, IT projects and pension costs.", "IT"),
        ],
    )
    def test_a_problem_or_a_risk(self, nlp, finder, lex, text, function):
        assert problem(mention(nlp, finder, text, function)[0], lex)

    def test_an_arrangement(self, nlp, finder, lex):
        assert not problem(mention(nlp, finder, "The forces will integrate their control rooms.", "control rooms")[0],
                           lex)


class TestActivityOf:
    @pytest.mark.parametrize(
        "text",
        [
            "Wiltshire was looking at the benefits of training police dogs jointly.",
            "The dog unit accounts for £360,000 of that, mainly through joint training.",
        ],
    )
    def test_the_work_of_another_function(self, nlp, finder, lex, text):
        span, spans = mention(nlp, finder, text, "training")
        assert activity_of(span, spans, lex)

    def test_training_of_its_own(self, nlp, finder, lex):
        span, spans = mention(nlp, finder, "The forces will share training and dog handlers.", "training")
        assert not activity_of(span, spans, lex)


class TestOnItsOwn:
    def test_what_a_force_would_do_alone(self, nlp, finder):
        text = "We cannot keep enough firearms teams on our own."
        assert on_its_own(mention(nlp, finder, text, "firearms")[0])

    def test_shared(self, nlp, finder):
        assert not on_its_own(mention(nlp, finder, "We will share firearms teams.", "firearms")[0])


class TestNationalBody:
    def test_a_national_body_takes_it_over(self, nlp, finder, lex):
        text = "A new National Police Service will take over counter-terrorism."
        assert national_body(mention(nlp, finder, text, "counter-terrorism")[0], lex)

    @pytest.mark.parametrize(("text", "function"), [
        ("He supported parts of the reform, including common national standards for training and buying equipment.",
         "training"),
        ("He backed a national capability against terrorism and serious organised crime.", "organised crime"),
    ])
    def test_part_of_a_national_thing(self, nlp, finder, lex, text, function):
        assert national_body(mention(nlp, finder, text, function)[0], lex)

    def test_forces_share_it(self, nlp, finder, lex):
        text = "The national chiefs said the two forces will share counter-terrorism."
        assert not national_body(mention(nlp, finder, text, "counter-terrorism")[0], lex)


class TestCutOrFrozen:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Recruitment has already been frozen.", "Recruitment"),
            ("The force has paused the recruitment of police staff.", "recruitment"),
            ("The force will axe its dog section.", "dog section"),
            ("Cuts to the dog section were announced.", "dog section"),
            ("The merger will cut custody costs.", "custody"),
            ("Support services are to be streamlined, he said.", "Support services"),
            ("South Yorkshire Police is to shrink its mounted section to save money.", "mounted section"),
            ("The lost posts will come from neighbourhood policing and the dog section.", "dog section"),
        ],
    )
    def test_what_is_cut(self, nlp, finder, lex, text, function):
        assert cut_or_frozen(mention(nlp, finder, text, function)[0], lex)

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("The two forces will share custody.", "custody"),
            ("Jobs would be lost as back-office work is brought together.", "back-office"),
            ("The merger will cut duplication in back-office functions.", "back-office"),
            ("The savings will come from the shared dog section.", "dog section"),
        ],
    )
    def test_what_is_shared(self, nlp, finder, lex, text, function):
        assert not cut_or_frozen(mention(nlp, finder, text, function)[0], lex)


class TestWorkOfPeople:
    def test_what_people_do(self, nlp, finder, lex):
        text = "Among those losing their jobs are 44 members of staff who provide back-office support."
        assert work_of_people(mention(nlp, finder, text, "back-office")[0], lex)

    def test_what_a_unit_does(self, nlp, finder, lex):
        text = "The forces set up a unit which provides back-office support."
        assert not work_of_people(mention(nlp, finder, text, "back-office")[0], lex)


class TestPassing:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("The savings will protect local policing.", "local policing"),
            ("Too many forces run their own IT systems.", "IT"),
            ("A new National Police Service will take over counter-terrorism.", "counter-terrorism"),
        ],
    )
    def test_in_passing(self, nlp, finder, lex, text, function):
        span, spans = mention(nlp, finder, text, function)
        assert passing(span, spans, lex)

    def test_shared(self, nlp, finder, lex):
        span, spans = mention(nlp, finder, "The two forces will share custody.", "custody")
        assert not passing(span, spans, lex)


class TestDenied:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Officers complained that they could not easily get into each other's computer systems.", "computer systems"),
            ("The forces do not run joint custody suites.", "custody suites"),
        ],
    )
    def test_a_negated_clause(self, nlp, finder, text, function):
        assert denied(mention(nlp, finder, text, function)[0])

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Areas of work, including but not limited to back-office functions, will be examined.", "back-office"),
            ("The forces will share custody, not only in the city.", "custody"),
        ],
    )
    def test_no_negated_verb_of_its_own(self, nlp, finder, text, function):
        assert not denied(mention(nlp, finder, text, function)[0])


class TestFinite:
    @pytest.mark.parametrize(("text", "word", "expected"), [("They could not get in.", "get", True),
                                                            ("They shared it.", "shared", True),
                                                            ("Not limited to IT, it grew.", "limited", False)])
    def test_a_tense_or_an_auxiliary(self, nlp, text, word, expected):
        assert finite(token(nlp(text), word)) is expected

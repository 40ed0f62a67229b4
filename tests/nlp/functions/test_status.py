from __future__ import annotations

import pytest

from pipeline.nlp.functions.status import (
    excludes,
    frame,
    governors,
    has_subject,
    in_relative_clause,
    planned,
    status,
    stays_with_each,
)
from tests.nlp.functions.helpers import candidate, proposed, token


def status_of(nlp, finder, lex, text: str, function: str) -> str:
    doc = nlp(text)
    return status(candidate(doc, finder, function), proposed(doc, finder), lex)


class TestGovernors:
    def test_walk_stops_at_a_conjoined_clause(self, nlp):
        doc = nlp("Kent will not join the unit but has agreed to share dogs.")
        words = [t.text for t in governors(token(doc, "dogs"))]
        assert "share" in words and "agreed" in words and "join" not in words

    def test_walk_reaches_the_verb_of_a_subject(self, nlp):
        doc = nlp("Custody will remain with each force.")
        assert [t.text for t in governors(doc[0])] == ["Custody", "remain"]


class TestFrame:
    def test_through_a_clause_with_no_subject_of_its_own(self, nlp):
        doc = nlp("A business case was being drawn up to bring their HR together.")
        assert "drawn" in [t.text for t in frame(token(doc, "HR"))]

    def test_not_through_a_clause_with_its_own_subject(self, nlp):
        doc = nlp("The forces could meet, but Kent will share dogs.")
        assert "meet" not in [t.text for t in frame(token(doc, "dogs"))]


class TestHasSubject:
    def test_subject(self, nlp):
        doc = nlp("Kent will share dogs.")
        assert has_subject(token(doc, "share"))

    def test_none(self, nlp):
        doc = nlp("They agreed to share dogs.")
        assert not has_subject(token(doc, "share"))


class TestStatus:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Major crime and forensics are the departments most likely to be combined.", "forensics"),
            ("Merging operational support with IT is expected to take longer.", "IT"),
            ("The three forces will look to share armed policing.", "armed policing"),
            ("Some support systems, including information technology, have still to be brought together.",
             "information technology"),
            ("The authority is due to pick up their information technology later.", "information technology"),
            ("They approved work on full business cases for joint professional standards and training.", "training"),
            ("The forces will put together a business case for sharing custody and IT services.", "custody"),
            ("Forces would be expected to pool technology, procurement and back-office functions.", "procurement"),
            ("The force has put its IT and HR out to tender.", "HR"),
            ("Some posts may go if the two control rooms are combined.", "control rooms"),
            ("A further 34 areas, including back-office functions, will be examined.", "back-office"),
            ("The first area under review is protective services: major investigations and intelligence.",
             "intelligence"),
            ("Other work will be progressed around closer collaboration between their HR and IT functions.", "HR"),
            ("Work will also be taken forward on bringing the forces' HR teams closer together.", "HR"),
        ],
    )
    def test_proposed(self, nlp, finder, lex, text, function):
        assert status_of(nlp, finder, lex, text, function) == "proposed"

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("The joint unit is expected to save £1m a year and covers custody.", "custody"),
            ("Following the success of the legal team, the forces agreed to consider extending it.", "legal team"),
            ("The forces have shared custody since 2010.", "custody"),
            ("The first part, a joint roads policing team, is due to go live this month.", "roads policing"),
        ],
    )
    def test_shared(self, nlp, finder, lex, text, function):
        assert status_of(nlp, finder, lex, text, function) == "shared"

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            ("Arrangements for local policing teams are excluded from the review.", "local policing"),
            ("Each island will keep its own custody suites.", "custody suites"),
            ("Custody will be outside the scope of the alliance.", "Custody"),
            ("There will be separate custody teams in each force.", "custody"),
        ],
    )
    def test_excluded(self, nlp, finder, lex, text, function):
        assert status_of(nlp, finder, lex, text, function) == "excluded"

    def test_one_force_keeping_its_own_excludes_nothing(self, nlp, finder, lex):
        text = "Derbyshire Constabulary has decided to keep its own HR department."
        assert status_of(nlp, finder, lex, text, "HR") != "excluded"


class TestPlanned:
    def test_a_plan_word_in_the_subject(self, nlp, finder):
        doc = nlp("A business case for merging custody went to the board.")
        assert planned(token(doc, "went"), proposed(doc, finder))

    def test_a_plan_word_on_a_branch_of_its_own(self, nlp, finder):
        doc = nlp("Following the success of the legal team, the forces agreed to consider extending it.")
        assert not planned(token(doc, "agreed"), proposed(doc, finder), below=token(doc, "Following"))

    def test_a_plan_word_in_a_relative_clause_of_the_subject(self, nlp, finder):
        doc = nlp("Its remit, with the scientific services teams who examine crime scenes, takes in armed policing.")
        assert not planned(token(doc, "takes"), proposed(doc, finder))


class TestInRelativeClause:
    @pytest.mark.parametrize(("text", "word", "top", "expected"), [
        ("The teams who examine crime scenes grew.", "examine", "teams", True),
        ("A plan to examine custody grew.", "examine", "plan", False),
    ])
    def test_relative_clause(self, nlp, text, word, top, expected):
        doc = nlp(text)
        assert in_relative_clause(token(doc, word), token(doc, top)) is expected


class TestExcludes:
    @pytest.mark.parametrize(("text", "word"), [("Custody will not be included.", "included"),
                                                ("Custody will be handled separately.", "handled"),
                                                ("Custody was kept out of the plan.", "kept"),
                                                ("Local policing is excluded from the review.", "excluded")])
    def test_a_word_that_leaves_it_out(self, nlp, lex, text, word):
        doc = nlp(text)
        assert excludes(token(doc, word), {0}, lex)

    def test_a_sharing_verb(self, nlp, lex):
        doc = nlp("Custody will be shared.")
        assert not excludes(token(doc, "shared"), {0}, lex)


class TestStaysWithEach:
    @pytest.mark.parametrize(("text", "verb"), [("Custody will remain with each force.", "remain"),
                                                ("Both forces will keep their own custody suites.", "keep"),
                                                ("Each island will keep its own custody suites.", "keep")])
    def test_each_force_keeps_it(self, nlp, lex, text, verb):
        doc = nlp(text)
        own = {token(doc, "custody" if "custody" in text else "Custody").i}
        assert stays_with_each(token(doc, verb), own, lex)

    def test_one_force_keeps_its_own(self, nlp, lex):
        doc = nlp("Derbyshire has decided to keep its own custody suites.")
        assert not stays_with_each(token(doc, "keep"), {token(doc, "custody").i}, lex)

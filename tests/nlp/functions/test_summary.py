from __future__ import annotations

import pytest

from pipeline.nlp.functions.summary import Kept, example_of, first_statuses, left_out, summarised
from tests.nlp.functions.helpers import candidate, candidates, token


def kept(nlp, finder, text: str, state: str = "shared"):
    doc = nlp(text)
    return doc, [(span, state) for span in candidates(doc, finder)]


class TestSummarised:
    @pytest.mark.parametrize(
        "text",
        [
            "They will share back-office functions such as payroll and HR.",
            "It covers support services including computing, call handling, finance and payroll.",
        ],
    )
    def test_its_own_examples_say_it(self, nlp, finder, lex, text):
        _, spans = kept(nlp, finder, text)
        summary = next(span for span, _ in spans if span.label_ == "back_office")
        assert summarised(summary, "shared", Kept(spans), lex)

    def test_functions_listed_beside_it(self, nlp, finder, lex):
        _, spans = kept(nlp, finder, "Merged forces will pool technology, procurement and back-office functions.")
        summary = next(span for span, _ in spans if span.label_ == "back_office")
        assert not summarised(summary, "shared", Kept(spans), lex)

    @pytest.mark.parametrize(
        "text",
        ["The force will hand its support services to a company. Staff in finance, HR and IT will move.",
         "Cheshire and Northants strike deal to share back-office staff. It will cover HR, finance and procurement."],
    )
    def test_its_arrangement_names_two_or_more(self, nlp, finder, lex, text):
        _, spans = kept(nlp, finder, text)
        summary = next(span for span, _ in spans if span.label_ == "back_office")
        assert summarised(summary, "shared", Kept(spans), lex)

    def test_another_arrangement_names_them(self, nlp, finder, lex):
        text = "The force will hand its support services to a company. Staff in finance, HR and IT will move."
        doc, spans = kept(nlp, finder, text)
        summary = candidate(doc, finder, "support services")
        arrangements = [0 if span == summary else 1 for span, _ in spans]
        assert not summarised(summary, "shared", Kept(spans, arrangements), lex)

    def test_one_other_function_in_another_sentence(self, nlp, finder, lex):
        doc, spans = kept(nlp, finder, "They will share support services. Payroll moves first.")
        summary = candidate(doc, finder, "support services")
        assert not summarised(summary, "shared", Kept(spans), lex)

    def test_functions_beside_it_in_its_sentence(self, nlp, finder, lex):
        text = "Lincolnshire, which handed its back office to a contractor, runs joint HR covering recruitment and training."
        doc, spans = kept(nlp, finder, text)
        summary = candidate(doc, finder, "back office")
        assert not summarised(summary, "shared", Kept(spans), lex)

    def test_one_left_out(self, nlp, finder, lex):
        _, spans = kept(nlp, finder, "They will share all support services, excluding payroll.")
        spans = [(span, "excluded" if span.label_ == "finance" else state) for span, state in spans]
        summary = next(span for span, _ in spans if span.label_ == "back_office")
        assert not summarised(summary, "shared", Kept(spans), lex)


class TestLeftOut:
    def test_another_mention_of_a_function_its_arrangement_excludes(self, nlp, finder):
        _, spans = kept(nlp, finder, "Each force will keep its own dog unit. The joint dog unit was created in 2016.")
        spans = [(span, "excluded" if i == 0 else state) for i, (span, state) in enumerate(spans)]
        assert [left_out(span, state, Kept(spans)) for span, state in spans] == [False, True]

    def test_excluded_in_another_arrangement(self, nlp, finder):
        _, spans = kept(nlp, finder, "Each force will keep its own dog unit. The joint dog unit was created in 2016.")
        spans = [(span, "excluded" if i == 0 else state) for i, (span, state) in enumerate(spans)]
        assert not left_out(spans[1][0], "shared", Kept(spans, [0, 1]))


class TestExampleOf:
    @pytest.mark.parametrize(("text", "example"), [("back-office functions such as payroll and HR", "HR"),
                                                   ("support services including payroll", "payroll"),
                                                   ("support services, notably payroll", "payroll")])
    def test_an_example(self, nlp, lex, text, example):
        doc = nlp(f"They will share {text}.")
        head = next(t for t in doc if t.text in {"functions", "services"})
        assert example_of(token(doc, example), head, lex)

    def test_a_sibling(self, nlp, lex):
        doc = nlp("They will share support services and payroll.")
        assert not example_of(token(doc, "payroll"), token(doc, "services"), lex)


class TestFirstStatuses:
    def test_every_mention_takes_its_first_status(self, nlp, finder):
        _, spans = kept(nlp, finder, "The forces agreed to share custody and IT. Custody could later move.")
        spans = [(span, "proposed" if i == 2 else state) for i, (span, state) in enumerate(spans)]
        assert [state for _, state in first_statuses(spans, [0, 0, 0])] == ["shared", "shared", "shared"]

    def test_per_arrangement_and_not_for_an_exclusion(self, nlp, finder):
        _, spans = kept(nlp, finder, "The forces agreed to share custody and IT. Custody could later move.")
        spans = [(span, state) for span, state in zip([s for s, _ in spans], ["proposed", "excluded", "shared"],
                                                        strict=True)]
        assert [state for _, state in first_statuses(spans, [0, 0, 1])] == ["proposed", "excluded", "shared"]

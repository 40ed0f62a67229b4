"""Money attribute accuracies of ``forcewatch evaluate`` (pipeline/evaluation/scoring.py), beyond the shared scorer."""

from __future__ import annotations

import pytest

from pipeline.evaluation.evaluate import format_report
from pipeline.evaluation.scoring import money_attribute, money_attribute_scores, money_pairs, score

GOLD = [
    {"amount": 2000000, "kind": "savings", "hedged": True, "period": "a year", "forces": ["Kent Police"]},
    {"amount": 5000000, "kind": "budget", "hedged": False, "period": None, "forces": []},
    {"amount": 7000000, "kind": "spending", "hedged": False, "period": None, "forces": []},
]
PRED = [
    {"amount": 5000000, "kind": "budget_reduction", "hedged": False, "period": "2019-20", "forces": []},
    {"amount": 2000000, "kind": "budget", "hedged": False, "period": "A Year", "forces": ["Kent"]},
    {"amount": 2000000, "kind": "savings", "hedged": True, "period": "a year", "forces": ["Kent Police"]},
]


class TestMoneyPairs:
    def test_paired_on_amount_the_same_kind_first(self):
        pairs = money_pairs(GOLD, PRED)
        assert [(g["amount"], p["kind"]) for g, p in pairs] == [(2000000, "savings"), (5000000, "budget_reduction")]

    def test_each_predicted_figure_once(self):
        assert len(money_pairs(GOLD[:1] * 3, PRED)) == 2


class TestMoneyAttribute:
    @pytest.mark.parametrize(
        ("item", "name", "value"),
        [
            ({"forces": ["Kent Police", "Essex Police"]}, "forces", frozenset({"kent", "essex"})),
            ({"period": "  A Year "}, "period", "a year"),
            ({"period": None}, "period", None),
            ({}, "hedged", False),
        ],
    )
    def test_comparable_form(self, item, name, value):
        assert money_attribute(item, name) == value


class TestMoneyAttributeScores:
    def test_accuracy_of_each_attribute_and_a_line_for_each_wrong_one(self):
        scores, wrong = money_attribute_scores(money_pairs(GOLD, PRED))
        assert {name: (s.attr_ok, s.attr_n) for name, s in scores.items()} == {
            "kind": (1, 2), "hedged": (2, 2), "period": (1, 2), "forces": (2, 2),
        }
        assert wrong == ["period of 5000000 (budget): gold None, predicted 2019-20"]


class TestReport:
    def test_totals_and_the_printed_line(self):
        report = score({"a.txt": {"money": GOLD}}, {"a.txt": {"money": PRED}})
        assert report.money_attributes["kind"].attribute_accuracy == 0.5
        assert report.as_dict()["money_attributes"] == {"kind": 0.5, "hedged": 1.0, "period": 0.5, "forces": 1.0}
        assert "money attributes over 2 figures paired on amount: kind 0.500" in format_report(report)

"""The money component (pipeline/nlp/money.py): its config, saved lexicons, scorer and record building."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import pytest
from spacy.training import Example

from pipeline.config import models_dir
from pipeline.nlp.amounts import Amount
from pipeline.nlp.extensions import article_doc
from pipeline.nlp.lexicon import LexiconError
from pipeline.nlp.money import COMPONENT, MoneyFinder, by_sentence, money_item, token_span
from pipeline.nlp.periods import Period
from tests.counting import counting_doc


class TestMoneyFinder:
    def test_reads_the_ranked_forces_of_the_context_component(self, nlp):
        doc = nlp("The force faces a gap of £2m.")
        doc._.ranked_forces = ["Gwent Police", "Kent Police"]
        (item,) = nlp.get_pipe(COMPONENT)(doc)._.money
        assert item["forces"] == ["Gwent Police"]

    def test_settings_come_from_the_config(self, nlp):
        text = "They saved £5m in what the report called a very difficult 2016-17."
        assert nlp(text)._.money[0]["period"] == "2016-17"
        finder = MoneyFinder(nlp, "money", period_gap=20)
        assert finder(nlp(text))._.money[0]["period"] is None

    def test_saved_lexicons_are_read_back(self, nlp, tmp_path):
        finder = MoneyFinder(nlp, "money")
        finder.to_disk(tmp_path / "money")
        assert sorted(p.name for p in (tmp_path / "money").iterdir()) == ["money.json", "words.json"]
        text = "The forces expect to save £2m a year."
        assert MoneyFinder(nlp, "other").from_disk(tmp_path / "money")(nlp(text))._.money == nlp(text)._.money

    def test_a_saved_stage_without_its_words_is_named(self, nlp, tmp_path):
        (tmp_path / "money").mkdir()
        shutil.copy(models_dir() / "money.json", tmp_path / "money")
        with pytest.raises(LexiconError, match=r"lacks words\.json"):
            MoneyFinder(nlp, "money").from_disk(tmp_path / "money")

    def test_scorer_compares_amount_and_kind(self, nlp):
        predicted = nlp("The force will save £2m and spend £1m.")
        reference = nlp.make_doc(predicted.text)
        reference._.money = [dict(predicted._.money[0]), {**predicted._.money[1], "kind": "savings"}]
        scores = nlp.get_pipe(COMPONENT).scorer([Example(predicted, reference)])
        assert (scores["money_p"], scores["money_r"]) == (0.5, 0.5)


class TestKindsOfFiguresTogether:
    @pytest.mark.parametrize(
        ("text", "kinds"),
        [
            # a part of a saving is a saving, whatever cue is near the part
            ("Taking those people out accounts for £11.5m of the £13.5m the force has to save.", ["savings", "savings"]),
            ("The force will cut £2m of its £10m budget.", ["budget_reduction", "budget"]),  # a part of a budget: its cue
            # one amount twice in a sentence, with two kinds: two facts
            ("The force has already cut almost £12m from its budget and plans to save a further £12m this year.",
             ["budget_reduction", "savings"]),
        ],
    )
    def test_kinds(self, nlp, text, kinds):
        assert [m["kind"] for m in nlp(text)._.money] == kinds

    def test_a_figure_said_again_at_another_rate_is_one_item(self, nlp):
        text = "The panel approved a rise in the precept of £15 a year for a Band D household, or £1.25 a month."
        assert [(m["amount"], m["period"]) for m in nlp(text)._.money] == [(15, "a year")]


class TestBreakdowns:
    @pytest.mark.parametrize(
        ("text", "kinds"),
        [
            ("The Government ordered £3.7m to be stripped out of the force's budget. The Home Office wrote to every "
             "force. The demand is made up of £3.4m from day-to-day spending and £300,000 from capital projects.",
             ["budget_reduction"] * 3),
            ("The force asked for £128m. Its submission breaks the figure down into £5m for its reform budget and "
             "£22.6m to pay for voluntary redundancy.", ["other"] * 3),
            # a budget's parts have kinds of their own
            ("The force has a budget of £200m. It is made up of £150m of savings already made and £50m of cuts.",
             ["budget", "savings", "budget_reduction"]),
        ],
    )
    def test_the_parts_take_the_kind_of_the_whole(self, nlp, text, kinds):
        assert [m["kind"] for m in nlp(text)._.money] == kinds

    def test_a_whole_three_sentences_back_is_too_far(self, nlp):
        text = ("The force asked for £128m. The board met. It said no. The chair spoke. The plan is made up of £5m "
                "to pay for redundancies.")
        assert [m["kind"] for m in nlp(text)._.money] == ["other", "spending"]


class TestPronounLevels:
    def test_a_level_of_it_takes_the_kind_of_the_figure_before(self, nlp):
        text = "The force first put its funding gap at £7m last autumn. It later grew to £12.3m."
        assert [m["kind"] for m in nlp(text)._.money] == ["funding_gap", "funding_gap"]

    def test_a_level_of_a_named_thing_is_its_kind(self, nlp):
        text = "The force first put its funding gap at £7m last autumn. Its budget later grew to £120m."
        assert [m["kind"] for m in nlp(text)._.money] == ["funding_gap", "budget"]


class TestArticlePeriods:
    def test_a_relative_year_is_the_financial_year_of_the_publication_date(self, nlp):
        text = "The force faces a £14m hole for the coming year. Talks on the grant for 2025-26 go on."
        doc = nlp(article_doc(nlp, text, date(2025, 1, 30)))
        assert [m["period"] for m in doc._.money] == ["2025-26"]
        assert [m["period"] for m in nlp(text)._.money] == ["coming year"]  # no date to read it from

    def test_a_rounded_restatement_takes_the_kind_of_the_figure(self, nlp):
        text = "The force must find £87m by 2015. Looking at close to £90m over four years, it gets harder."
        assert [m["kind"] for m in nlp(text)._.money] == ["savings", "savings"]


class TestGivenByGovernment:
    def test_a_minister_named_before_gives_a_grant(self, nlp):
        text = ("Home Secretary Charles Clarke had backed the mergers. He first offered £125m towards the cost and "
                "later promised up to £1bn.")
        assert [m["kind"] for m in nlp(text)._.money] == ["other", "other"]

    def test_a_chief_constable_spends(self, nlp):
        text = "Chief Constable Peter Fahy backed the plan. He offered £125m towards the cost of the new unit."
        assert [m["kind"] for m in nlp(text)._.money] == ["spending"]


class TestListsAndTotals:
    TEXT = ("For 2010-11, Northumbria has to find £3.5m, Durham and Cleveland £1.3m each, North Yorkshire £1.1m and "
            "Cumbria £1m, a total of more than £8m across the five forces.")

    def test_listed_figures_and_their_total_take_the_kind_of_the_first(self, nlp):
        assert {m["kind"] for m in nlp(self.TEXT)._.money} == {"savings"}

    def test_a_total_belongs_to_the_forces_of_the_figures_it_sums(self, nlp):
        total = nlp(self.TEXT)._.money[-1]
        assert total["amount"] == 8_000_000 and len(total["forces"]) == 5


class TestBySentence:
    def test_groups_in_text_order(self, nlp):
        doc = nlp("Kent saved £1m. Essex spent £2m and £3m.")
        figures = [(None, token_span(doc, i, i + 3)) for i in (11, 28, 36)]
        assert [[s.text for _, s in group] for group in by_sentence(figures)] == [["£1m"], ["£2m", "£3m"]]


class TestMoneyItem:
    AMOUNT = Amount(Decimal("4.50"), None, "GBP", 10, 15, "£4.50")

    def test_record(self):
        period = Period("2019-20", 20, 27, None, None)
        assert money_item(self.AMOUNT, "other", False, period, ["Kent Police"], None) == {
            "amount": 4.5, "amount_high": None, "currency": "GBP", "kind": "other", "hedged": False,
            "period": "2019-20", "period_start": None, "period_end": None, "forces": ["Kent Police"],
            "start_char": 10, "end_char": 15, "text": "£4.50",
        }

    def test_collaboration_only_when_credited(self):
        assert money_item(self.AMOUNT, "savings", True, None, [], 2)["collaboration"] == 2
        assert "collaboration" not in money_item(self.AMOUNT, "savings", True, None, [], None)


class TestTokenSpan:
    @pytest.mark.parametrize(("text", "written"), [("Its budget is £9.6m.", "£9.6m"), ("A £2m gap.", "£2m")])
    def test_covers_the_figure(self, nlp, text, written):
        doc = nlp(text)
        start = text.index(written)
        span = token_span(doc, start, start + len(written))
        assert span.start_char <= start and span.end_char >= start + len(written)
        assert written in span.text


class TestHostileInput:
    FIGURES = "The forces will save " + ", ".join(f"£{i}m" for i in range(1, 41)) + " a year."

    def test_a_list_of_figures_in_one_sentence_reads_the_article_text_once(self, nlp):
        doc = counting_doc(nlp, self.FIGURES, before=COMPONENT)
        doc.text_reads = 0
        doc = nlp.get_pipe(COMPONENT)(doc)
        assert [m["amount"] for m in doc._.money] == [i * 1_000_000 for i in range(1, 41)]
        assert doc.text_reads <= 2  # was several reads of the whole text for every figure

    def test_an_implausible_amount_is_no_figure_and_the_rest_is_read(self, nlp):
        doc = nlp("Kent Police will save £20,000,000bn, or £2m a year, and a £10tn debt is national.")
        assert [(m["text"], m["amount"]) for m in doc._.money] == [("£2m", 2_000_000), ("£10tn", 10**13)]

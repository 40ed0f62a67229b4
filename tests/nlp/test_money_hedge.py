"""The hedge rule of the money stage (pipeline/nlp/money_hedge.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_hedge import Hedges, governing_chain, is_hedged
from pipeline.nlp.money_lexicon import HedgeCues, load_money_lexicon


@pytest.fixture(scope="module")
def hedges() -> Hedges:
    return Hedges.from_lexicon(load_money_lexicon()[0].hedges)


class TestHedgesFromLexicon:
    @pytest.mark.parametrize(
        ("before", "hedged"),
        [
            ("savings of around ", True),
            ("savings in the region  of ", True),  # any whitespace inside a phrase
            ("up to a further ", True),
            ("around an extra ", True),
            ("around ", True),
            ("just over ", True),  # an approximation
            ("savings of at least ", False),  # a lower bound is not a hedge
            ("more than ", False),
            ("a further ", False),
            ("surrounded by ", False),  # a hedge word must start at a word boundary
            ("around £1m and ", False),  # the hedge must be just before the figure
        ],
    )
    def test_before_pattern(self, hedges, before, hedged):
        assert bool(hedges.before.search(before)) is hedged

    def test_built_from_the_given_words(self):
        cues = HedgeCues(before=["give or take"], floors=["at least"], intensifiers=["whole"], modals=[], verbs=[], modifiers=[])
        hedges = Hedges.from_lexicon(cues)
        assert hedges.before.search("give or take a whole ")
        assert not hedges.before.search("around ")


class TestIsHedged:
    @pytest.mark.parametrize(
        ("text", "hedged"),
        [
            ("The change could save £1m.", True),  # a modal on the chain
            ("The change is expected to save £1m.", True),  # a hedging verb
            ("Potential savings of £1m were identified.", True),  # a modifier
            ("The change will save around £1m.", True),  # a hedge before it
            ("The change saved £1m.", False),
            ("The change is expected to save at least £1m.", False),  # a floor, stated firmly
            ("The business case forecasts savings of at least £1m.", False),
            ("The change could save a minimum of £1m.", False),
            ("It is forecast to save £2.4m, against one-off set-up costs of £850,000.", False),  # the costs are not forecast
            ("The forces could reduce costs by £2m.", True),  # the figure itself under the verb's preposition
            ("The force would save a further £1m next year.", False),
            ("The forces signed an agreement as they try to save £20m.", True),  # trying is not yet doing
            ("A business case is due, with the potential to save £1.5m.", True),  # 'potential' as a noun
            ("Having set a budget of £265m, it now expects a smaller one.", False),  # 'expects' is another clause's
            ("It expects a smaller budget, and must find savings of £5.4m.", False),  # a conjunct with its own modal
        ],
    )
    def test_hedges(self, nlp, hedges, text, hedged):
        doc = nlp(text)
        start = text.rindex("£")  # the last figure of the sentence
        span = token_span(doc, start, start + 3)
        assert is_hedged(text[:start], span.root, hedges) is hedged


class TestGoverningChain:
    def test_stops_at_a_subordinate_clause(self, nlp):
        doc = nlp("Having set a budget of £265m, it now expects a smaller one.")
        figure = next(t for t in doc if t.text == "265")
        words = {t.lower_ for t in governing_chain(figure)}
        assert "set" in words and "expects" not in words

    def test_goes_up_through_complements(self, nlp):
        doc = nlp("The force is expected to save £1m.")
        figure = next(t for t in doc if t.text == "1")
        assert "expected" in {t.lower_ for t in governing_chain(figure)}

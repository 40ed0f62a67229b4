"""The hedge rule of the money stage (pipeline/nlp/money_hedge.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.money import token_span
from pipeline.nlp.money_hedge import Hedges, is_hedged
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
            ("a further ", False),
            ("surrounded by ", False),  # a hedge word must start at a word boundary
            ("around £1m and ", False),  # the hedge must be just before the figure
        ],
    )
    def test_before_pattern(self, hedges, before, hedged):
        assert bool(hedges.before.search(before)) is hedged

    def test_built_from_the_given_words(self):
        cues = HedgeCues(before=["give or take"], intensifiers=["whole"], modals=[], verbs=[], modifiers=[])
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
            ("The force would save a further £1m next year.", False),
        ],
    )
    def test_hedges(self, nlp, hedges, text, hedged):
        doc = nlp(text)
        start = text.index("£")
        span = token_span(doc, start, start + 3)
        assert is_hedged(text[:start], span.root, hedges) is hedged

"""Quoted passages of a paragraph (pipeline/nlp/quote_marks.py)."""

from __future__ import annotations

import dataclasses

import pytest

from pipeline.nlp.officials.lexicon import load_lexicon
from pipeline.nlp.quote_marks import lines, quote_spans


class TestQuoteSpans:
    @pytest.mark.parametrize(
        ("paragraph", "inside"),
        [
            ('"One." and "two."', ["One.", "two."]),
            ("He said: 'Fine is the word.' Then", ["Fine is the word."]),
            ("(‘Inside brackets’)", ["Inside brackets"]),
            ("The forces’ plans and Kent’s.", []),
            ('He said: "  padded  "', ["padded"]),
        ],
    )
    def test_words_inside_the_marks(self, paragraph, inside):
        assert [paragraph[s:e] for s, e, _ in quote_spans(paragraph)] == inside

    def test_the_marks_are_the_lexicons(self):
        lex = dataclasses.replace(load_lexicon(), opening_quotes="«", closing_quotes="»")
        assert quote_spans('«Oui» and "no"', lex=lex) == [(1, 4, True)]


class TestLines:
    def test_offsets_of_every_line(self):
        assert lines("ab\n\ncd") == [(0, "ab"), (3, ""), (4, "cd")]

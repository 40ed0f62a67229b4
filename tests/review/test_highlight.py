"""Cutting the article text for highlighting: pieces join back to the text; overlapping facts nest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.review.highlight import Span, segments

TEXT = "Kent Police and Essex Police will share a firearms unit, saving £2m."


class TestSegments:
    def test_no_spans_is_one_piece(self):
        assert [(s.start, s.text, s.spans) for s in segments(TEXT, [])] == [(0, TEXT, ())]

    def test_overlapping_spans_cover_their_pieces_outermost_first(self):
        outer = Span(0, 28, "collaboration", "c")
        inner = Span(0, 11, "force", "f1")
        other = Span(16, 28, "force", "f2")
        pieces = segments(TEXT, [inner, other, outer])
        assert "".join(p.text for p in pieces) == TEXT
        by_start = {p.start: p for p in pieces}
        assert by_start[0].text == "Kent Police" and by_start[0].spans == (outer, inner)
        assert by_start[11].text == " and " and by_start[11].spans == (outer,)
        assert by_start[16].spans == (outer, other)
        assert by_start[28].spans == ()

    @pytest.mark.parametrize("span", [Span(5, 5, "money", "empty"), Span(-1, 3, "money", "before"),
                                      Span(60, 500, "money", "after")])
    def test_spans_outside_the_text_or_empty_are_ignored(self, span):
        assert all(not p.spans for p in segments(TEXT, [span]))

    @given(st.lists(st.tuples(st.integers(0, len(TEXT)), st.integers(0, len(TEXT))), max_size=8))
    def test_any_spans_join_back_and_each_span_is_exactly_its_pieces(self, pairs):
        spans = [Span(min(a, b), max(a, b), "money", f"m{i}") for i, (a, b) in enumerate(pairs)]
        pieces = segments(TEXT, spans)
        assert "".join(p.text for p in pieces) == TEXT
        for span in spans:
            if span.start < span.end:
                assert "".join(p.text for p in pieces if span in p.spans) == TEXT[span.start:span.end]

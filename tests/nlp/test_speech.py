"""Quoted and reported speech (pipeline/nlp/speech.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.speech import QuoteSettings, direct_quotes, reported_speech, reported_words, sentence_start, trim
from tests.nlp.quoting import quote_index_of, token


def direct(nlp, text: str, settings: QuoteSettings | None = None) -> list[tuple]:
    return [(q["speaker"], q["text"]) for q in direct_quotes(quote_index_of(nlp, text), settings or QuoteSettings())]


class TestDirectQuotes:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('Chief Constable Lynne Owen of Surrey Police said: "We are ready."', [("Lynne Owen", "We are ready.")]),
            ('"We are ready," said Chief Constable Lynne Owen of Surrey Police. "It is right."',
             [("Lynne Owen", "We are ready,"), ("Lynne Owen", "It is right.")]),
            ('Chief Constable Lynne Owen of Surrey Police said: "We are ready.\n\n"It is right."\n\nOfficers agreed.',
             [("Lynne Owen", "We are ready."), ("Lynne Owen", "It is right.")]),  # a continuation paragraph
            ("Kent Police will work on 'full business cases' for custody.", []),  # a scare quote
            ('Kent Police said "the plan will save money for every force".',
             [(None, "the plan will save money for every force")]),
        ],
    )
    def test_quotes_and_their_speakers(self, nlp, text, expected):
        assert direct(nlp, text) == expected

    def test_an_unattributed_quote_is_speech_only_when_long_enough(self, nlp):
        text = "Kent Police will work on 'full business cases for custody' this year."
        assert direct(nlp, text) == []
        assert direct(nlp, text, QuoteSettings(min_unattributed_words=4)) == [(None, "full business cases for custody")]

    def test_a_long_tail_ends_the_paragraph_of_speech(self, nlp):
        text = ('Chief Constable Lynne Owen of Surrey Police said: "We are ready." Then she left the room and went home '
                'to her family.\n\n"It is right."')
        assert direct(nlp, text)[1:] == []
        assert direct(nlp, text, QuoteSettings(max_attribution_tail=20))[1:] == [("Lynne Owen", "It is right.")]


class TestSentenceStart:
    def test_an_attribution_runs_back_to_its_sentence_start(self, nlp):
        text = 'It rained. Chief Constable Lynne Owen said: "We are ready."'
        idx = quote_index_of(nlp, text)
        assert sentence_start(idx, 0, text.index('"')) == text.index("Chief")


class TestReportedSpeech:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Tony Hale, the PCC for Kent, spoke. Mr Hale added that no jobs would be lost.",
             [("Tony Hale", "no jobs would be lost")]),
            ("Tony Hale, the PCC for Kent, spoke. It is too early, he said.", [("Tony Hale", "It is too early")]),
            ("A spokesman said that no jobs would be lost.", []),  # no official
            ('Tony Hale, the PCC for Kent, said: "No jobs will be lost."', []),  # already a quote
        ],
    )
    def test_reported_words_of_an_official(self, nlp, text, expected):
        idx = quote_index_of(nlp, text)
        found = reported_speech(idx, direct_quotes(idx, QuoteSettings()))
        assert [(q["speaker"], q["text"], q["direct"]) for q in found] == [(s, t, False) for s, t in expected]


class TestReportedWords:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("He said that no jobs would be lost.", "no jobs would be lost"),
            ("It is too early, he said.", "It is too early"),
            ("He said nothing.", None),
        ],
    )
    def test_words_a_speech_verb_reports(self, nlp, text, expected):
        idx = quote_index_of(nlp, text)
        verb = token(idx, "said")
        subject = next(c for c in verb.children if c.dep_ == "nsubj")
        words = reported_words(verb, subject, next(iter(idx.doc.sents)))
        assert (words.text if words is not None else None) == expected


class TestTrim:
    @pytest.mark.parametrize(("text", "expected"), [(", that it works .", "it works"), (" ; .", None)])
    def test_without_punctuation_and_that(self, nlp, text, expected):
        doc = nlp(text)
        span = trim(doc[:])
        assert (span.text if span is not None else None) == expected

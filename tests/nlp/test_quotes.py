"""The quotes stage component (pipeline/nlp/quotes.py)."""

from __future__ import annotations

from spacy.training import Example

from pipeline.nlp.quotes import COMPONENT


class TestQuoteFinder:
    def test_reads_the_officials_of_the_officials_stage(self, nlp):
        text = 'Kent\'s chief constable, Alan Pugh, said: "We are ready."'
        doc = nlp(text)
        assert [q["speaker"] for q in doc._.quotes] == ["Alan Pugh"]
        doc._.officials = []  # with no official named, the quote has no speaker
        assert [q["speaker"] for q in nlp.get_pipe(COMPONENT)(doc)._.quotes] == [None]

    def test_settings_come_from_the_factory_config(self, nlp):
        config = nlp.config["components"][COMPONENT]
        assert (config["min_unattributed_words"], config["max_attribution_tail"]) == (6, 6)

    def test_scorer_compares_quotes_by_offsets_and_speaker(self, nlp):
        text = 'Kent\'s chief constable, Alan Pugh, said: "We are ready."'
        predicted, reference = nlp(text), nlp(text)
        reference._.quotes = [dict(q, speaker=None) for q in reference._.quotes]
        scores = nlp.get_pipe(COMPONENT).scorer([Example(predicted, reference)])
        assert scores["quotes_p"] == 0.0
        assert nlp.get_pipe(COMPONENT).scorer([Example(predicted, nlp(text))])["quotes_f"] == 1.0

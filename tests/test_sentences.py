from __future__ import annotations

from pipeline.nlp.sentences import content_sentences


class TestContentSentences:
    def test_paragraph_break_always_ends_a_sentence(self, nlp):
        text = 'He said: "We will share custody\n\nJulia Mulligan, the commissioner, said it was right.'
        sents = [s.text for s in content_sentences(nlp(text))]
        assert sents == ['He said: "We will share custody', "Julia Mulligan, the commissioner, said it was right."]

    def test_closing_quote_stays_with_its_paragraph(self, nlp):
        text = "She said: “It is a good day.”\n\nThe forces agreed."
        sents = [s.text for s in content_sentences(nlp(text))]
        assert sents[0].endswith("”")
        assert sents[-1] == "The forces agreed."

    def test_offsets_slice_the_text_and_exclude_whitespace(self, nlp):
        text = "Kent Police and Essex Police will merge their units. It starts in May.\n\n\nA new line."
        doc = nlp(text)
        for sent in content_sentences(doc):
            assert text[sent.start_char : sent.end_char] == sent.text
            assert sent.text == sent.text.strip()
        assert len(list(content_sentences(doc))) == 3

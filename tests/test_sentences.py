from __future__ import annotations

import pytest

from pipeline.nlp.extract import extract
from pipeline.nlp.sentences import (
    MAX_SENTENCE_TOKENS,
    content_sentences,
    ends_sentence,
    sentence_ends,
    stored_sentences,
)


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


class TestMarkLineBreaks:
    @pytest.mark.parametrize(
        "text",
        [
            "Police jobs to go\n\nPolice Scotland is to cut scores of civilian posts and stop recruiting new staff.",
            "It was invited by the commissioners for all five forces in the region: Derbyshire, Leicestershire, "
            "Lincolnshire, Northamptonshire and Nottinghamshire.",
        ],
    )
    def test_no_sentence_starts_inside_a_line_but_after_final_punctuation(self, nlp, text):
        assert [s.text for s in content_sentences(nlp(text))] == text.split("\n\n")

    def test_sentences_within_a_line_still_split_after_final_punctuation(self, nlp):
        text = 'Kent Police will merge its units. "It is right," she said. Is it? It is!'
        assert len(list(content_sentences(nlp(text)))) == 4


class TestEndsSentence:
    @pytest.mark.parametrize(
        ("text", "index", "expected"),
        [
            ("It ends. Next", 2, True),
            ('"It ends." Next', 4, True),  # the closing quote after the full stop
            ("Steria Ltd. Next", 1, True),  # a token ending in a full stop: the parser decides
            ("Police Scotland", 0, False),
            ("the region: Derbyshire", 2, False),
        ],
    )
    def test_final_punctuation_or_a_closer_after_it(self, nlp, text, index, expected):
        assert ends_sentence(nlp.make_doc(text), index) is expected


QUOTED_PARAGRAPHS = [
    ('"I am pleased he is now behind bars and I hope PC Dunmore\'s recovery continues."\n\n'
     "Forshaw was also banned from driving for five years."),
    ('Craig Lennox, chairman of the British Transport Police Federation, said: "Our members fear that specialist '
     'railway roles will simply disappear once they are swallowed up by a much larger organisation."\n\n'
     "The Scottish Government has promised that there will be no compulsory redundancies."),
]


class TestStoredSentences:
    @pytest.mark.parametrize("text", QUOTED_PARAGRAPHS, ids=["quote", "said-quote"])
    def test_a_closing_quote_mark_is_attached_to_its_sentence(self, nlp, text):
        doc = nlp(text)
        assert [s.text for s in content_sentences(doc)][-2] == '"', "the parser no longer splits the mark off"
        stored = [s.text for s in stored_sentences(doc)]
        assert stored[0].endswith('."') and len(stored) == 2
        rows = extract(doc).sentences
        assert [r["text"] for r in rows] == stored
        assert all(text[r["start_char"] : r["end_char"]] == r["text"] for r in rows)

    def test_an_opening_quote_after_a_space_is_left_alone(self, nlp):
        doc = nlp('He said it was right. "')
        assert [s.text for s in stored_sentences(doc)] == [s.text for s in content_sentences(doc)]


class TestCapSentences:
    def test_every_line_break_starts_a_sentence_in_a_long_list(self, nlp):
        text = "".join(f"Item {i} is shared by the forces\n" for i in range(300))
        doc = nlp(text)
        assert all("\n" not in s.text for s in content_sentences(doc))
        line_starts = [t for t in doc if t.i == 0 or "\n" in doc[t.i - 1].text]
        assert len(line_starts) == 300
        assert all(t.is_sent_start for t in line_starts)

    def test_a_sentence_is_cut_at_its_last_full_stop_before_the_limit(self, nlp):
        text = "The forces agreed. " * 20 + "The two forces will share " + "£ " * 400 + "in all."
        sents = list(content_sentences(nlp(text)))
        assert max(len(s) for s in sents) <= MAX_SENTENCE_TOKENS
        assert all(s.text == "The forces agreed." for s in sents[:20])
        assert "".join(s.text_with_ws for s in sents).strip() == text.strip()

    def test_a_long_sentence_with_no_full_stop_is_cut_at_the_limit(self, nlp):
        doc = nlp("£ " * 1000 + "The forces said so.")
        lengths = [len(s) for s in content_sentences(doc)]
        assert max(lengths) == MAX_SENTENCE_TOKENS
        assert sum(lengths) == len([t for t in doc if not t.is_space])


class TestSentenceEnds:
    def test_as_ends_sentence_for_every_token(self, nlp):
        doc = nlp.make_doc('He left. "Jobs will go." (It is so.) Mr Smith - and then')
        assert sentence_ends([t.text for t in doc], [t.is_space for t in doc]) == [
            ends_sentence(doc, i) for i in range(len(doc))
        ]

"""Who is speaking (pipeline/nlp/speakers.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.speakers import attribution, heads, last_named, named_mentions, subject_speaker
from tests.counting import CountingTuple
from tests.nlp.quoting import quote_index_of, token


class TestNamedMentions:
    def test_the_name_starts_after_the_honorifics(self, nlp):
        doc = nlp("Tony Hale, the PCC for Kent, spoke. Mr Hale added more.")
        mentions = named_mentions(doc, doc._.officials, frozenset({"Mr"}))
        assert [(m.name, doc[m.text_start : m.end].text, doc[m.start : m.end].text) for m in mentions] == [
            ("Tony Hale", "Tony Hale", "Tony Hale"), ("Tony Hale", "Mr Hale", "Hale"),
        ]


class TestLastNamed:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Tony Hale, the PCC for Kent, spoke. He left.", "Tony Hale"),
            ("Tony Hale, the PCC for Kent, spoke. A spokesman said no. He left.", None),  # an unnamed speaker since
            ('Tony Hale, the PCC for Kent, spoke. "John Smith said so," he said. He left.', "Tony Hale"),  # in a quote
        ],
    )
    def test_official_last_named_outside_quotes(self, nlp, text, expected):
        idx = quote_index_of(nlp, text)
        assert last_named(idx, idx.text.rindex("He left")) == expected


class TestAttribution:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("Chief Constable Lynne Owen of Surrey Police said:", "Chief Constable Lynne Owen of Surrey Police said:",
             (True, "Lynne Owen")),
            ("Chief Constable Lynne Owen spoke. She added:", "She added:", (True, "Lynne Owen")),
            ("A spokeswoman for the council said:", "A spokeswoman for the council said:", (True, None)),
            ("Chief Constable Lynne Owen spoke first.", "Chief Constable Lynne Owen spoke first.", (False, None)),
            ("Chief Constable Lynne Owen, of Kent Police, on the merger:", "Chief Constable Lynne Owen, of Kent Police, "
             "on the merger:", (True, "Lynne Owen")),  # a colon alone
        ],
    )
    def test_words_next_to_a_quote(self, nlp, text, words, expected):
        idx = quote_index_of(nlp, text)
        start = idx.text.index(words)
        assert attribution(idx, start, start + len(words)) == expected


class TestSubjectSpeaker:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("Kent's chief constable, Jane Doe, said no.", "said", (True, "Jane Doe")),
            ("Jane Smith, mother of PC Jane Doe, said no.", "said", (True, None)),  # named inside the subject
            ("Tony Hale, the PCC for Kent, arrived. He said no.", "said", (True, "Tony Hale")),
            ("It was PC Jane Doe, who said no.", "said", (True, "Jane Doe")),
            ("Saying no, PC Jane Doe left.", "Saying", (False, None)),  # no subject
        ],
    )
    def test_subject_of_a_speech_verb(self, nlp, text, verb, expected):
        idx = quote_index_of(nlp, text)
        assert subject_speaker(idx, token(idx, verb)) == expected


class TestHeads:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [("The Commissioner for Kent Jane Doe said no.", True), ("The mother of PC Jane Doe said no.", False)],
    )
    def test_the_mention_is_the_subject_or_in_apposition(self, nlp, text, expected):
        idx = quote_index_of(nlp, text)
        (mention,) = idx.mentions
        subject = next(c for c in token(idx, "said").children if c.dep_ == "nsubj")
        assert heads(idx, mention, subject) is expected


class TestHostileInput:
    SURNAMES = ["Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Thomas", "Johnson", "Roberts"]

    def test_each_speech_verb_reads_only_the_mentions_near_it(self, nlp):
        text = " ".join(f"Chief Constable Alan {n} of Kent Police said the forces would merge." for n in self.SURNAMES * 3)
        idx = quote_index_of(nlp, text)
        object.__setattr__(idx, "mentions", CountingTuple(idx.mentions))
        verbs = [t for t in idx.doc if t.lemma_ == "say"]
        assert [subject_speaker(idx, verb)[1] for verb in verbs] == [f"Alan {n}" for n in self.SURNAMES * 3]
        assert [attribution(idx, verb.idx - 30, verb.idx + 4)[1] for verb in verbs][:2] == ["Alan Smith", "Alan Jones"]
        assert idx.mentions.reads <= 2 * len(verbs)  # was every mention for every verb: 30 x 30

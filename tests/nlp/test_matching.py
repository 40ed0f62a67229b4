"""LemmaMatcher: the matches of a spaCy Matcher over lemma patterns, with plain phrases in a PhraseMatcher."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.matching import LemmaMatcher, lemma_pattern, plain_lemmas


class TestPlainLemmas:
    @pytest.mark.parametrize(
        ("pattern", "expected"),
        [
            ([{"LEMMA": {"IN": ["work", "Work"]}}, {"LEMMA": "together"}], [["work", "Work"], ["together"]]),
            ([{"LEMMA": {"IN": ["a", "a"]}}], [["a"]]),
        ],
    )
    def test_lemma_only_patterns_are_plain(self, pattern, expected):
        assert plain_lemmas(pattern) == expected

    @pytest.mark.parametrize(
        "pattern",
        [
            [{"LEMMA": "share", "POS": "VERB"}],
            [{"LEMMA": "share"}, {"POS": "ADJ", "OP": "?"}],
            [{"LOWER": "joint"}],
            [{"LEMMA": {"NOT_IN": ["share"]}}],
            [],
        ],
    )
    def test_other_patterns_are_not(self, pattern):
        assert plain_lemmas(pattern) is None


class TestLemmaMatcher:
    TEXTS = [
        "The forces will work together and Work Together is the name of the programme.",
        "Kent and Essex agreed to share custody suites; sharing would save money.",
        "A business case for a joint control room is being drawn up by the three forces.",
        "Nothing in this sentence matches.",
    ]
    PATTERNS = {
        "TOGETHER": ["work together", "business case"],
        "SHARE": ["share", "joint control room"],
    }

    def matchers(self, nlp):
        lemma, plain = LemmaMatcher(nlp.vocab), Matcher(nlp.vocab)
        for label, phrases in self.PATTERNS.items():
            patterns = [lemma_pattern(nlp, p) for p in phrases]
            if label == "SHARE":  # a pattern with a part of speech stays a token pattern
                patterns.append([{"LEMMA": "save", "POS": "VERB"}, {"LOWER": "money"}])
            lemma.add(label, patterns)
            plain.add(label, patterns)
        return lemma, plain

    @pytest.mark.parametrize("text", TEXTS)
    def test_it_finds_what_the_matcher_finds(self, nlp, text):
        lemma, plain = self.matchers(nlp)
        doc = nlp(text)
        assert lemma(doc) == sorted(set(plain(doc)), key=lambda m: (m[1], m[2], m[0]))

    def test_plain_phrases_go_to_the_phrase_matcher(self, nlp):
        lemma, _ = self.matchers(nlp)
        assert len(lemma.phrases) == 2 and len(lemma.patterns) == 1

    def test_capitalised_lemmas_match(self, nlp):
        lemma, _ = self.matchers(nlp)
        doc = nlp(self.TEXTS[0])
        found = {doc[s:e].text for _, s, e in lemma(doc)}
        assert {"work together", "Work Together"} <= found

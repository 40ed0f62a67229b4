"""References to forces (pipeline.nlp.collaborations.references), on small parsed docs."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.collaborations.references import (
    COUNT,
    COUNTRY,
    FORCE,
    FORCES,
    SUBSET,
    THEM,
    Reference,
    after_with,
    count_of,
    read_reference,
    read_references,
    reference_patterns,
)
from tests.nlp.collaborations.helpers import span


def matches(nlp, cues, doc) -> list[tuple[str, int, int]]:
    matcher = Matcher(nlp.vocab)
    for label, patterns, greedy in reference_patterns(cues):
        matcher.add(label, patterns, greedy=greedy)
    return [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)]


class TestReferencePatterns:
    @pytest.mark.parametrize(
        ("text", "label", "words"),
        [
            ("The two forces will share custody.", COUNT, "two forces"),
            ("Both forces will share custody.", COUNT, "Both forces"),
            ("The 3 neighbouring forces will share custody.", COUNT, "3 neighbouring forces"),
            ("Its three neighbours agreed.", COUNT, "three neighbours"),
            ("The three chief constables agreed.", COUNT, "three chief constables"),
            ("The forces will share custody.", FORCES, "The forces"),
            ("The Welsh forces will share custody.", FORCES, "The Welsh forces"),
            ("Four of them share a unit.", SUBSET, "Four of them"),
            ("The force will share custody.", FORCE, "The force"),
        ],
    )
    def test_forms(self, nlp, cues, text, label, words):
        doc = nlp(text)
        found = [(lab, doc[s:e].text) for lab, s, e in matches(nlp, cues, doc)]
        assert (label, words) in found

    def test_no_reference(self, nlp, cues):
        assert matches(nlp, cues, nlp("Two officers met the chief of police.")) == []


class TestCountOf:
    @pytest.mark.parametrize(("word", "count"), [("both", 2), ("pair", 2), ("twelve", 12), ("14", 14), ("several", None)])
    def test_forms(self, cues, word, count):
        assert count_of(word, cues.numbers) == count


class TestAfterWith:
    @pytest.mark.parametrize(
        ("text", "reference", "expected"),
        [
            ("Kent Police shares custody with the three forces.", "the three forces", True),
            ("The three forces share custody.", "The three forces", False),
            ("Kent Police met the three forces.", "the three forces", False),
        ],
    )
    def test_forms(self, nlp, text, reference, expected):
        assert after_with(span(nlp(text), reference)) is expected


class TestReadReference:
    @pytest.mark.parametrize(
        ("text", "words", "label", "expected"),
        [
            ("The two forces agreed.", "two forces", COUNT, (2, False, False, False, False)),
            ("Its two neighbours agreed.", "two neighbours", COUNT, (2, False, True, False, False)),
            ("Kent shares custody with the three forces.", "three forces", COUNT, (3, False, False, True, False)),
            ("The forces agreed.", "The forces", FORCES, (None, False, False, False, False)),
            ("Four of them agreed.", "Four of them", SUBSET, (4, False, False, False, True)),
            ("The force agreed.", "The force", FORCE, (1, True, False, False, False)),
        ],
    )
    def test_forms(self, nlp, cues, text, words, label, expected):
        found = read_reference(span(nlp(text), words), label, cues.numbers, cues.neighbour_nouns)
        assert (found.count, found.singular, found.neighbours, found.after_with, found.subset) == expected

    @pytest.mark.parametrize(
        ("text", "words", "label"),
        [
            ("The force control room closed.", "The force", FORCE),
            ("One of them agreed.", "One of them", SUBSET),
            ("1 forces agreed.", "1 forces", COUNT),
        ],
    )
    def test_no_reference(self, nlp, cues, text, words, label):
        assert read_reference(span(nlp(text), words), label, cues.numbers, cues.neighbour_nouns) is None


class TestReadReferences:
    def test_in_text_order(self, nlp, cues):
        doc = nlp("The force said both forces and the two forces agreed.")
        found = read_references(doc, reversed(matches(nlp, cues, doc)), cues)
        assert [r.start for r in found] == sorted(r.start for r in found)
        assert [(r.count, r.singular) for r in found] == [(1, True), (2, False), (2, False)]

    def test_drops_what_is_no_reference(self, nlp, cues):
        doc = nlp("The force control room closed.")
        assert read_references(doc, matches(nlp, cues, doc), cues) == ()

    def test_is_a_reference(self, nlp, cues):
        doc = nlp("Both forces agreed.")
        assert read_references(doc, matches(nlp, cues, doc), cues) == (Reference(0, 2, 2),)


class TestCountryReferences:
    @pytest.mark.parametrize(
        ("text", "words", "country"),
        [
            ("Options include one force for all of Wales.", "one force for all of Wales", "Wales"),
            ("A single police force covering the whole of Wales moved closer.",
             "single police force covering the whole of Wales", "Wales"),
            ("A single Scottish force could cost jobs.", "single Scottish force", "Scotland"),
            ("Merging Scotland's police forces could cost jobs.", "Scotland's police forces", "Scotland"),
        ],
    )
    def test_forms(self, nlp, cues, text, words, country):
        doc = nlp(text)
        found = [r for r in read_references(doc, matches(nlp, cues, doc), cues) if r.country]
        assert [(doc[r.start : r.end].text, r.country, r.count) for r in found] == [(words, country, None)]

    def test_a_count_with_a_country_word(self, nlp, cues):
        doc = nlp("The four Welsh forces share a unit.")
        [found] = read_references(doc, matches(nlp, cues, doc), cues)
        assert (found.count, found.country) == (4, "Wales")

    def test_a_force_of_the_country_is_no_reference(self, nlp, cues):
        doc = nlp("South Wales Police and North Wales Police share a unit.")
        assert [(lab, s) for lab, s, _ in matches(nlp, cues, doc) if lab == COUNTRY] == []


class TestThem:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The government dropped its plan to merge them with Essex Police.", True),
            ("The minister told them about Essex Police.", False),  # no collaboration verb
        ],
    )
    def test_only_the_object_of_a_cue_verb(self, nlp, cues, text, expected):
        doc = nlp(text)
        found = [r for r in read_references(doc, matches(nlp, cues, doc), cues) if r.pronoun]
        assert bool(found) is expected
        assert all(doc[r.start].text == "them" for r in found)
        assert THEM in [lab for lab, _, _ in matches(nlp, cues, doc)]

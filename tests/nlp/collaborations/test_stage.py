"""The stage of a collaboration (pipeline.nlp.collaborations.stage)."""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.collaborations.stage import (
    AGREED,
    ENDED,
    EXISTING,
    EXPANDED,
    FUTURE,
    MERGER_PLAN,
    PROPOSAL,
    TENTATIVE,
    counts,
    merges_departments,
    negated,
    part_signals,
    stage_of,
    tense_signal,
    told_as_done,
)
from pipeline.nlp.matching import lemma_pattern
from tests.nlp.collaborations.helpers import span, token


def stage_matches(nlp, cues, doc) -> list[tuple[str, int, int]]:
    matcher = Matcher(nlp.vocab)
    for signal, phrases in cues.stage.cues.items():
        matcher.add(signal, [lemma_pattern(nlp, p) for p in phrases])
    return [(nlp.vocab.strings[m], s, e) for m, s, e in matcher(doc)]


def signals(nlp, cues, text: str, merger: bool = False) -> frozenset[str]:
    doc = nlp(text)
    return part_signals(doc[:], stage_matches(nlp, cues, doc), cues.stage, merger)


class TestCounts:
    @pytest.mark.parametrize(
        ("text", "cue", "signal", "expected"),
        [
            ("The alliance will end next April.", "end", ENDED, True),
            ("Savings are due by the end of the year.", "end", ENDED, False),  # a noun: no ending
            ("That alliance is not coming to an end.", "coming to an end", ENDED, False),  # negated
            ("Sussex refused to agree to a merger.", "agree", AGREED, False),  # under a negating verb
            ("West Mercia intends to leave the alliance.", "leave", ENDED, True),
            ("A merger of Herts and Beds, with Essex left to stand alone.", "left", ENDED, False),  # no object
            ("The forces have shared a unit since 2013.", "since", EXISTING, True),
            ("It is the first deal since commissioners were elected.", "since", EXISTING, False),  # no date
            ("The forces already share a dog unit.", "already", EXISTING, True),
            ("The force was already under strain.", "already", EXISTING, False),  # not on a sharing verb
        ],
    )
    def test_forms(self, nlp, cues, text, cue, signal, expected):
        doc = nlp(text)
        assert counts(span(doc, cue), signal, cues.stage) is expected


class TestNegated:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The forces will not merge.", "merge", True),
            ("Sussex refused to agree.", "agree", True),
            ("The forces agreed to merge.", "merge", False),
            ("The arrangement is not a first step towards a merger.", "step", True),  # a negated copula
        ],
    )
    def test_forms(self, nlp, cues, text, word, expected):
        doc = nlp(text)
        assert negated(doc[token(doc, word)], cues.stage.negators) is expected


class TestTenseSignal:
    @pytest.mark.parametrize(
        ("text", "verb", "signal"),
        [
            ("Kent and Essex will share a dog unit.", "share", FUTURE),
            ("Two forces are to combine their HR departments.", "combine", FUTURE),
            ("Kent and Essex could share a dog unit.", "share", TENTATIVE),
            ("Kent and Essex would have merged.", "merged", ENDED),  # it did not happen
            ("Kent and Essex share a dog unit.", "share", EXISTING),
            ("Kent and Essex have shared a dog unit for years.", "shared", EXISTING),
            ("The unit is run by Kent and Essex.", "run", EXISTING),
            ("Police Scotland took over from eight forces.", "took", EXISTING),
        ],
    )
    def test_forms(self, nlp, cues, text, verb, signal):
        doc = nlp(text)
        assert tense_signal(doc[token(doc, verb)], cues.stage) == signal


class TestPartSignals:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Kent and Essex abandoned their merger plan.", {ENDED}),
            ("Kent and Essex have signed an agreement.", {AGREED}),
            ("Kent and Essex have agreed to explore a merger.", {PROPOSAL}),  # study outweighs agreement
            ("Kent and Essex will extend their partnership.", {EXPANDED}),
            ("Kent and Essex already run a joint unit.", {EXISTING}),
        ],
    )
    def test_forms(self, nlp, cues, text, expected):
        assert signals(nlp, cues, text) >= expected
        assert not (signals(nlp, cues, text) & ({ENDED, AGREED, PROPOSAL, EXPANDED} - expected))

    @pytest.mark.parametrize(("text", "headline"), [
        ("Five forces merge forensic work\n\nThe chief constables met on Monday.", True),
        ("Kent and Essex share custody suites\n\nThe two forces share custody suites.", False),
    ])
    def test_a_headline_s_present_tells_news_not_a_state(self, nlp, cues, text, headline):
        doc = nlp(text)
        part = doc[: len(nlp.make_doc(text.split("\n")[0]))] if headline else doc[-7:]
        found = part_signals(part, stage_matches(nlp, cues, doc), cues.stage)
        assert (EXISTING in found) is not headline

    def test_a_hypothetical_expansion_is_none(self, nlp, cues):
        assert EXPANDED not in signals(nlp, cues, "A wider alliance built on those arrangements could save money.")

    def test_a_merger_with_a_plan_is_a_merger_plan(self, nlp, cues):
        assert MERGER_PLAN in signals(nlp, cues, "A merger of Kent and Essex would save money.", merger=True)
        assert MERGER_PLAN not in signals(nlp, cues, "A merger of Kent and Essex would save money.")


class TestStageOf:
    @pytest.mark.parametrize(
        ("parts", "stage"),
        [
            ([{EXISTING}, {ENDED}], "ended"),
            ([{EXISTING}, {MERGER_PLAN, PROPOSAL}], "proposed"),  # a merger of partners that already share
            ([{EXISTING}, {EXPANDED}], "expanded"),
            ([{EXISTING}, {AGREED}], "expanded"),  # a new agreement for one that operates
            ([{EXISTING}, {PROPOSAL}], "operating"),  # studying more for one that operates
            ([{AGREED}, {TENTATIVE}], "agreed"),
            ([{FUTURE}], "agreed"),
            ([{TENTATIVE}], "proposed"),
            ([set()], "operating"),
        ],
    )
    def test_forms(self, parts, stage):
        assert stage_of(frozenset(p) for p in parts) == stage

    def test_a_merger_with_no_signal_is_proposed(self):
        assert stage_of([frozenset()], merger=True) == "proposed"


class TestToldAsDone:
    @pytest.mark.parametrize(
        ("found", "expected"),
        [({EXISTING}, True), ({EXISTING, FUTURE}, False), ({EXISTING, PROPOSAL}, False), (set(), False)],
    )
    def test_forms(self, found, expected):
        assert told_as_done(frozenset(found)) is expected


class TestMergesDepartments:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Merging the police control rooms of Norfolk and Suffolk could put jobs at risk.", True),
            ("The merger of their HR teams is planned.", True),
            ("A merger of Dorset Police and Devon and Cornwall Police would save money.", False),
            ("Plans to fold the City of London Police into the Met are off.", False),
        ],
    )
    def test_forms(self, nlp, cues, text, expected):
        words = ("merge", "merger", "amalgamate", "amalgamation", "fold")
        assert merges_departments(nlp(text)[:], words, cues.function_nouns) is expected

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.functions.component import cue_pattern, nearest


def matches(nlp, phrase: str, text: str) -> list[str]:
    matcher = Matcher(nlp.vocab)
    matcher.add("cue", [cue_pattern(nlp, phrase)])
    doc = nlp(text)
    return [doc[s:e].text for _, s, e in matcher(doc)]


class TestCuePattern:
    @pytest.mark.parametrize(
        ("phrase", "text", "expected"),
        [
            ("business case", "Two business cases were approved.", ["business cases"]),
            ("look to ~VERB", "The forces will look to share dogs.", ["look to share"]),
            ("expect to share|pool", "Forces would be expected to pool IT.", ["expected to pool"]),
            ("later/ADV", "IT will follow later.", ["later"]),
            ("work/VERB on", "They are working on plans.", ["working on"]),
        ],
    )
    def test_matches(self, nlp, phrase, text, expected):
        assert matches(nlp, phrase, text) == expected

    @pytest.mark.parametrize(
        ("phrase", "text"),
        [
            ("look to ~VERB", "Forces look to their neighbours."),
            ("expect to share|pool", "The unit is expected to save £1m."),
            ("work/VERB on", "Joint work on custody began."),
        ],
    )
    def test_does_not_match(self, nlp, phrase, text):
        assert matches(nlp, phrase, text) == []


class TestNearest:
    def test_the_last_collaboration_described_before_the_function(self, nlp):
        doc = nlp("Dogs are shared.")
        assert nearest([{"start_char": 0}, {"start_char": 2}, {"start_char": 100}], doc[0:1]) == 1

    def test_first_when_none_before(self, nlp):
        doc = nlp("Dogs are shared.")
        assert nearest([{"start_char": 50}], doc[0:1]) == 0

    def test_none_without_a_collaboration(self, nlp):
        doc = nlp("Dogs are shared.")
        assert nearest([], doc[0:1]) is None


class TestFunctionFinder:
    def test_a_partner_article_names_no_collaboration(self, nlp):
        doc = nlp("Lincolnshire Police signed a contract with G4S. G4S will run the control room and custody.")
        assert {(f["function"], f["status"], f["collaboration"]) for f in doc._.functions} == {
            ("contact_management", "shared", None), ("custody", "shared", None),
        }

    def test_a_summary_its_arrangement_spells_out_elsewhere(self, nlp):
        doc = nlp("Cheshire Police and Northamptonshire Police have agreed to share back-office staff.\n\n"
                  "It will cover human resources, finance and procurement for both forces.")
        assert doc._.collaborations
        assert {f["function"] for f in doc._.functions} == {"hr", "finance", "procurement"}

    @pytest.mark.parametrize("partner", ["Trafford Council", "the local authority", "the ambulance service",
                                         "the fire brigade"])
    def test_a_public_partner_that_is_not_a_force(self, nlp, partner):
        doc = nlp(f"Greater Manchester Police and {partner} have opened a shared HR centre.")
        assert [(f["function"], f["status"]) for f in doc._.functions] == [("hr", "shared")]

    def test_a_function_the_arrangement_ends_is_only_excluded(self, nlp):
        doc = nlp("North Yorkshire Police, Cleveland Police and Durham Constabulary are to go back to running their "
                  "own police dog units, ending a shared arrangement.\n\nThe joint Dog Support Unit was created "
                  "under Evolve, the collaboration programme between the three forces.")
        assert {(f["function"], f["status"]) for f in doc._.functions} == {("dogs", "excluded")}

    def test_a_later_mention_keeps_the_status_of_the_first(self, nlp):
        doc = nlp("Avon and Somerset Police and Wiltshire Police have agreed to combine their forensic laboratories."
                  "\n\nThe shared forensic laboratories may move to Bristol.")
        assert {(f["function"], f["status"]) for f in doc._.functions} == {("forensics", "shared")}

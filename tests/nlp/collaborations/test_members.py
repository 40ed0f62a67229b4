"""Which forces of a sentence part are members of its collaboration (pipeline.nlp.collaborations.members).

Force mentions come from the forces stage (full force names), so the parses are the pipeline's own.
"""

from __future__ import annotations

import pytest
from spacy.matcher import Matcher

from pipeline.nlp.collaborations.members import (
    after_with,
    clause_conjunct,
    collaboration_subject,
    compared,
    cue_clauses,
    left_alone,
    list_head,
    non_members,
    outside_cue_clauses,
    places,
    speakers,
)
from pipeline.nlp.collaborations.mentions import Mention
from pipeline.nlp.matching import lemma_pattern
from tests.nlp.collaborations.helpers import token


def mentions_of(doc) -> list[Mention]:
    return [Mention(s.start, s.end, s.kb_id_) for s in doc.spans["forces"]]


def left_out(doc, starts: set[int]) -> set[str]:
    return {m.force for m in mentions_of(doc) if m.start in starts}


def cue(doc, word: str):
    return [doc[token(doc, word)]]


class TestCompared:
    def test_forces_after_than_are_no_members(self, nlp):
        doc = nlp("A single force would bring together Kent Police and Essex Police and would have more officers "
                  "than Merseyside Police and Greater Manchester Police have between them.")
        assert left_out(doc, compared(doc[:], mentions_of(doc))) == {"Merseyside Police", "Greater Manchester Police"}


class TestClauseConjunct:
    @pytest.mark.parametrize(
        ("text", "word", "verb"),
        [
            ("Kent Police could carry on alone, but that Sussex Police and Surrey Police should be combined.",
             "Sussex", "combined"),
            ("Kent Police could carry on alone, but that Sussex Police and Surrey Police should be combined.",
             "Kent", "carry"),
        ],
    )
    def test_the_coordinated_clause(self, nlp, text, word, verb):
        doc = nlp(text)
        assert clause_conjunct(doc[:], doc[token(doc, word)]).text == verb

    def test_none_outside_coordinated_clauses(self, nlp):
        doc = nlp("Kent Police and Essex Police share a dog unit.")
        assert clause_conjunct(doc[:], doc[token(doc, "Kent")]) is None


class TestOutsideCueClauses:
    @pytest.mark.parametrize(
        ("text", "word", "out"),
        [
            ("Mr Clarke said that Hampshire Constabulary, Kent Police and Thames Valley Police could carry on as they "
             "are, but that Sussex Police and Surrey Police should be combined into a single force.", "combined",
             {"Hampshire Constabulary", "Kent Police", "Thames Valley Police"}),
            ("Kent Police and Essex Police announced the plan yesterday and will share a dog unit.", "share", set()),
            ("Suffolk Constabulary would still take part in regional collaboration and keep its good relationship "
             "with Cambridgeshire Constabulary.", "collaboration", {"Cambridgeshire Constabulary"}),
        ],
    )
    def test_forms(self, nlp, text, word, out):
        doc = nlp(text)
        assert left_out(doc, outside_cue_clauses(doc[:], mentions_of(doc), cue(doc, word))) == out


class TestCueClauses:
    def test_each_group_in_its_own_clause_with_a_cue(self, nlp):
        doc = nlp("Bedfordshire Police and Hertfordshire Constabulary run a joint unit, and Gwent Police and "
                  "Dyfed-Powys Police have pooled their work.")
        clauses = cue_clauses(doc[:], mentions_of(doc), cue(doc, "joint") + cue(doc, "pooled"))
        beds, gwent = token(doc, "Bedfordshire"), token(doc, "Gwent")
        assert clauses[beds] is not None and clauses[gwent] is not None and clauses[beds] != clauses[gwent]


class TestSpeakers:
    def test_the_subject_of_a_speech_verb_is_no_member(self, nlp, cues):
        doc = nlp("Hertfordshire Constabulary, Bedfordshire Police and Essex Police said the best arrangement would "
                  "be a merger of Hertfordshire Constabulary and Bedfordshire Police.")
        out = speakers(doc[:], mentions_of(doc), cue(doc, "merger"), cues.speech_verbs)
        assert out == {m.start for m in mentions_of(doc)[:3]}

    @pytest.mark.parametrize(
        "text",
        [
            # 'they' may be the speakers
            "Officers in Cumbria Constabulary say they would prefer to join up with Lancashire Constabulary and "
            "Merseyside Police.",
            # the complement names one force: the speaker is the other side
            "Kent Police said it would merge with Essex Police.",
            # a passive subject is told, not speaking
            "Essex Police had been told to form a single force with Hertfordshire Constabulary and Bedfordshire Police.",
        ],
    )
    def test_speakers_that_may_be_members_stay(self, nlp, cues, text):
        doc = nlp(text)
        cues_at = [t for t in doc if t.lemma_ in {"join", "merge", "form"}]
        assert speakers(doc[:], mentions_of(doc), cues_at, cues.speech_verbs) == set()


class TestLeftAlone:
    @pytest.mark.parametrize(
        ("text", "phrase", "out"),
        [
            ("The best arrangement would be a merger of Hertfordshire Constabulary and Bedfordshire Police, with "
             "Essex Police left to stand alone.", "stand alone", {"Essex Police"}),
            ("Kent Police and Hampshire Constabulary could carry on as stand-alone forces.", "stand-alone",
             {"Kent Police", "Hampshire Constabulary"}),
        ],
    )
    def test_forms(self, nlp, text, phrase, out):
        doc = nlp(text)
        matcher = Matcher(nlp.vocab)
        matcher.add("ALONE", [lemma_pattern(nlp, phrase)])
        alone = [(s, e) for _, s, e in matcher(doc)]
        assert left_out(doc, left_alone(doc[:], mentions_of(doc), alone)) == out


class TestPlaces:
    @pytest.mark.parametrize(
        ("text", "out"),
        [
            ("People in Tayside Police and Fife Constabulary will get quicker access.", {"Tayside Police",
                                                                                        "Fife Constabulary"}),
            ("Officers from Tayside Police and Fife Constabulary will share a unit.", set()),
        ],
    )
    def test_forms(self, nlp, cues, text, out):
        doc = nlp(text)
        assert left_out(doc, places(doc[:], mentions_of(doc), cues.people)) == out


class TestListHead:
    def test_the_first_item(self, nlp):
        doc = nlp("Kent Police, Essex Police and Surrey Police share a unit.")
        assert list_head(doc[token(doc, "Surrey") + 1]).i == token(doc, "Kent") + 1

    def test_a_list_parsed_as_a_chain_of_name_modifiers(self, nlp):
        doc = nlp("Chief Constable Alan Smith of Kent Police said the alliance with Essex Police and Sussex Police "
                  "would save money.")
        head = list_head(doc[token(doc, "Essex") + 1])
        assert head.dep_ == "pobj" and head.head.lower_ == "with"


class TestAfterWith:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Tarian is the organised crime unit it shares with South Wales Police and Dyfed-Powys Police.", True),
            ("The programme would look at working with neighbouring forces, including Kent Police.", True),
            ("Kent Police shares a unit with Essex Police.", False),  # one side named before 'with'
        ],
    )
    def test_forms(self, nlp, text, expected):
        doc = nlp(text)
        assert after_with(doc[:], mentions_of(doc)) is expected

    def test_no_forces(self, nlp):
        doc = nlp("The unit works with partners.")
        assert after_with(doc[:], []) is False


class TestCollaborationSubject:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The programme would also look at working with Kent Police.", True),
            ("A programme would also look at working with Kent Police.", False),
            ("Sussex Police would also look at working with Kent Police.", False),
        ],
    )
    def test_forms(self, nlp, cues, text, expected):
        doc = nlp(text)
        assert collaboration_subject(doc[:], cues.name_nouns, cues.definite_determiners) is expected


class TestNonMembers:
    def test_the_rules_together(self, nlp, cues):
        doc = nlp("For people in Tayside Police, a single force would bring together Kent Police and Essex Police and "
                  "would have more officers than Merseyside Police has.")
        out = non_members(doc[:], mentions_of(doc), cue(doc, "bring"), [], cues.speech_verbs, cues.people)
        assert left_out(doc, out) == {"Tayside Police", "Merseyside Police"}

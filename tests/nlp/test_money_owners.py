"""Who owns a money figure by the grammar of its clause (pipeline/nlp/money_owners.py), on small parsed texts."""

from __future__ import annotations

import pytest

from pipeline.nlp.forces import force_mentions
from pipeline.nlp.lexicon import load_words
from pipeline.nlp.money import token_span
from pipeline.nlp.money_lexicon import load_money_lexicon
from pipeline.nlp.money_owners import (
    OwnerCues,
    follows_a_force,
    last_official,
    merged_force,
    national_owner,
    one_force,
    owner_of,
    personal_owner,
    speaker_of,
)

KENT, ESSEX = "Kent Police", "Essex Police"


@pytest.fixture(scope="module")
def cues() -> OwnerCues:
    return OwnerCues.from_lexicon(*load_money_lexicon())


def parse(nlp, text: str, written: str):
    doc = nlp(text)
    start = text.rindex(written)
    return doc, token_span(doc, start, start + len(written))


class TestOwnerOf:
    @pytest.mark.parametrize(
        ("text", "written", "owner"),
        [
            ("Beyond the £500,000 the committee intends to save, nothing is planned.", "£500,000", "committee"),
            ("The committee intends to save £500,000.", "£500,000", "committee"),  # through the complement
            ("Nearly £3m has been saved by the committee.", "£3m", "committee"),  # the agent of a passive
            ("Kent Police will spend £2m.", "£2m", "Police"),
        ],
    )
    def test_subject_or_agent(self, nlp, text, written, owner):
        _, span = parse(nlp, text, written)
        found = owner_of(span)
        assert (found.text if found is not None else None) == owner


class TestSpeakerOf:
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("Smarter buying could save around £100m, the watchdogs say, and more could follow.", "watchdogs"),
            ("The minister said the force would save £2m.", "minister"),
            ("The force will save £2m.", None),
        ],
    )
    def test_who_says_it(self, nlp, text, speaker):
        _, span = parse(nlp, text, "£" + text.split("£")[1].split()[0].rstrip(".,"))
        found = speaker_of(span, frozenset(load_words().speech_verbs))
        assert (found.text if found is not None else None) == speaker


class TestNationalOwner:
    @pytest.mark.parametrize(
        ("text", "written", "national"),
        [
            ("The Department of Home Affairs has been allocated £52.7m.", "£52.7m", True),  # given to it: its own
            ("The merged department is expected to save £1.5m.", "£1.5m", False),  # a force's department
            ("Police could save £1bn.", "£1bn", True),  # police in general
            ("The police could save £1bn.", "£1bn", False),
            ("Its government grant falls by £2.1m.", "£2.1m", False),  # owned by 'its'
            ("The government has made £175m available.", "£175m", False),  # given: its recipients'
            ("Ministers expect to save £20m.", "£20m", True),
        ],
    )
    def test_national_owners(self, nlp, cues, text, written, national):
        doc, span = parse(nlp, text, written)
        owner = owner_of(span)
        assert owner is not None and national_owner(owner, span, force_mentions(doc), cues) is national


class TestOneForce:
    @pytest.mark.parametrize(
        ("text", "one"),
        [("The force saved it.", True), ("His force saved it.", True), ("A single force saved it.", False),
         ("The new force saved it.", False), ("Forces saved it.", False)],
    )
    def test_definite_singular(self, nlp, cues, text, one):
        doc = nlp(text)
        assert one_force(next(t for t in doc if t.lemma_ == "force"), cues) is one


class TestFollowsAForce:
    @pytest.mark.parametrize(
        ("text", "follows"),
        [
            ("The force's budget has been set at £113m, the panel was told. Its grant falls.", True),
            ("Kent Police faces cuts. Its grant falls.", True),
            ("The unit leads the response to organised crime. Its budget is £9.6m.", False),
        ],
    )
    def test_the_subject_of_the_sentence_before(self, nlp, cues, text, follows):
        doc = nlp(text)
        last = list(doc.sents)[-1]
        assert follows_a_force(last, force_mentions(doc), cues) is follows


class TestPersonalOwner:
    @pytest.mark.parametrize(
        ("text", "word", "personal"),
        [("He offered it.", "He", True), ("His plans save it.", "plans", True), ("The plans save it.", "plans", False)],
    )
    def test_he_or_his(self, nlp, text, word, personal):
        doc = nlp(text)
        assert personal_owner(next(t for t in doc if t.text == word)) is personal


class TestLastOfficial:
    OFFICIALS = [{"name": "Roger Hirst", "force": ESSEX}, {"name": "Nick Hurd", "force": None}]

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Nick Hurd met Roger Hirst. Mr Hirst said so. He", "Roger Hirst"),
            ("Roger Hirst met Nick Hurd. He", "Nick Hurd"),
            ("Nick Hurd met Mr Smith. Mr Smith said so. He", None),  # someone not an official was named since
            ("Nobody was named. He", None),
        ],
    )
    def test_by_surname(self, text, name):
        found = last_official(self.OFFICIALS, text, len(text))
        assert (found["name"] if found else None) == name


class TestMergedForce:
    COLLABORATIONS = [{"forces": [KENT, ESSEX]}]

    @pytest.mark.parametrize(
        ("ranked", "merged"), [(["Police Scotland", KENT], "Police Scotland"), ([KENT, ESSEX], None), ([], None)]
    )
    def test_the_most_mentioned_force_outside_the_collaborations(self, ranked, merged):
        assert merged_force(ranked, self.COLLABORATIONS) == merged

    def test_none_without_a_collaboration(self):
        assert merged_force(["Police Scotland"], []) is None

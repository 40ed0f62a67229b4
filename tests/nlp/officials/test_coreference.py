"""A title and a name in different sentences (pipeline/nlp/officials/coreference.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.coreference import (
    Waiting,
    accounted_for,
    can_take_title,
    indefinite_count,
    lede_index,
    listed_after,
    main_clause,
    names_the_subject_before,
    opens_speech,
    stands_for_actor,
    still_waiting,
    title_span,
    unnamed_titles,
    waiting_title,
)
from pipeline.nlp.officials.index import Phrase
from pipeline.nlp.officials.roles import RANK_ANTECEDENT, Clue
from pipeline.nlp.sentences import content_sentences
from tests.nlp.officials.helpers import at, index_of, sentence, title


class TestTitleSpan:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("The chief constable of Humberside Police was suspended.", "chief constable",
             "The chief constable of Humberside Police"),
            ("Derbyshire's police and crime commissioner has said no.", "police and crime commissioner",
             "Derbyshire's police and crime commissioner"),
            ("The chief constable has said no.", "chief constable", "The chief constable"),
        ],
    )
    def test_the_words_that_belong_to_the_title(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        lo, hi = title_span(idx, title(idx, words), sentence(idx))
        assert idx.doc[lo:hi].text == expected


class TestUnnamedTitles:
    @pytest.mark.parametrize(
        ("text", "lede", "label", "force", "count"),
        [
            ("Kent will lose 200 officers, the chief constable has said.", False, "chief_constable", None, 0),
            ("Derbyshire's police and crime commissioner has rejected the plan.", False,
             "police_and_crime_commissioner", "Derbyshire Constabulary", 0),
            ("The chief constable of Humberside Police was suspended.", False, "chief_constable", "Humberside Police", 0),
            ("A former Gwent Police constable has been jailed.", True, "police_officer", None, 1),  # held to account
            ("Two former Essex Police detectives have been jailed.", True, "police_officer", None, 2),
            ("It was the best response to the Home Secretary's demand.", False, "politician", None, 0),  # an owner
            ("Options were sent by the Home Secretary to chief constables.", False, "politician", None, 0),
            ("The chief constables of Kent and Essex have agreed a plan.", False, "chief_constable", None, 2),  # one
            # for each area
        ],
    )
    def test_a_subject_title_that_names_no_one(self, nlp, text, lede, label, force, count):
        idx = index_of(nlp, text)
        [(_, found, found_count)] = unnamed_titles(idx, sentence(idx), frozenset(), lede)
        assert (found.rank, found.label, found.force, found_count) == (RANK_ANTECEDENT, label, force, count)

    @pytest.mark.parametrize(
        ("text", "lede"),
        [
            ("A former Gwent Police constable has been jailed.", False),  # indefinite outside the lede
            ("Every chief constable has been told.", True),
            ("The chief constables have been told.", True),  # more than one person
            ("He wrote to the chief constable.", True),  # not a subject
            ("An elected mayor could replace the commissioners.", False),
            ("A police officer was injured in a crash.", True),  # a victim, not held to account
            ("A man has been charged after a police officer was assaulted.", True),  # not the main clause
            ("Two police officers were injured in a crash.", True),
            ("The police officers have been jailed.", True),  # several, but how many?
        ],
    )
    def test_not_a_title_that_waits_for_a_name(self, nlp, text, lede):
        idx = index_of(nlp, text)
        assert unnamed_titles(idx, sentence(idx), frozenset(), lede) == []

    def test_not_a_title_that_named_someone(self, nlp):
        idx = index_of(nlp, "The chief constable said no.")
        assert unnamed_titles(idx, sentence(idx), frozenset({title(idx, "chief constable").start}), False) == []


class TestIndefiniteCount:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("A former constable has been jailed.", "constable", 1),
            ("Two former detectives have been jailed.", "detectives", 2),
            ("3 detectives have been jailed.", "detectives", 3),
            ("The detectives have been jailed.", "detectives", 0),
            ("The constable has been jailed.", "constable", 0),
        ],
    )
    def test_people_an_indefinite_title_stands_for(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        root = idx.doc[at(idx, word)]
        determiners = {c.lower_ for c in root.children if c.dep_ == "det"}
        assert indefinite_count(idx, root, determiners) == expected


class TestStandsForActor:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The chief constable said no.", "constable", True),
            ("It answered the chief constable's demand.", "constable", True),
            ("It was sent by the chief constable.", "constable", True),
            ("She wrote to the chief constable.", "constable", False),
            ("A police officer who hid the fact that a colleague had been seen driving while apparently drunk has been "
             "sent to prison for seven months.", "officer", True),  # the parser makes the noun the root
            ("The chief constable said no.", "said", False),
        ],
    )
    def test_title_that_names_the_actor(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert stands_for_actor(idx.doc[at(idx, word)]) is expected


class TestCanTakeTitle:
    @staticmethod
    def call(nlp, text: str, name: str, indefinite: bool = False) -> bool:
        idx = index_of(nlp, text)
        start = at(idx, name)
        end = start + len(idx.doc.char_span(idx.doc[start].idx, idx.doc[start].idx + len(name)))
        return can_take_title(idx, start, start, end, list(idx.doc.sents)[-1], indefinite)

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("George Hamilton told the board that cuts were coming.", "George Hamilton"),
            ("The panel approved Julia Mulligan's proposal.", "Julia Mulligan"),  # the possessor of the object
            ("In the letter, Simon Byrne said he was concerned.", "Simon Byrne"),
        ],
    )
    def test_a_name_that_stands_for_the_title(self, nlp, text, name):
        assert self.call(nlp, text, name) is True

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Jane Hart, a local resident, said no.", "Jane Hart"),  # a clue of its own
            ("Interim chief executive Lynn Brown said no.", "Lynn Brown"),  # a title that gave no role
            ("Sir Michael Bichard's report found failings.", "Michael Bichard"),  # owns the subject
            ("The report examined how Ian Huntley came to be employed.", "Ian Huntley"),  # not the main clause
            ("The minister met David Blunkett.", "David Blunkett"),  # an object
        ],
    )
    def test_a_name_that_does_not(self, nlp, text, name):
        assert self.call(nlp, text, name) is False

    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("Sharon Patterson, 49, was jailed for 18 months and Lee Pollard, 47, for two years.", "Lee Pollard"),
            ("John Smith, 34, and Jane Doe, 29, were sentenced at Leeds.", "Jane Doe"),
        ],
    )
    def test_a_name_joined_to_a_subject_after_an_indefinite_title(self, nlp, text, name):
        assert self.call(nlp, text, name, indefinite=True) is True
        assert self.call(nlp, text, name) is False

    def test_an_area_in_brackets_only_after_an_indefinite_title(self, nlp):
        text = "Stephen Mold (Northamptonshire) signed the deal."
        assert self.call(nlp, text, "Stephen Mold", indefinite=True) is True
        assert self.call(nlp, text, "Stephen Mold") is False

    def test_an_age_only_after_an_indefinite_title(self, nlp):
        assert self.call(nlp, "Paul Chadwick, 51, had pleaded guilty.", "Paul Chadwick", indefinite=True) is True
        assert self.call(nlp, "Sarah Jones, 64, said the rise was too high.", "Sarah Jones") is False


class TestListedAfter:
    @pytest.mark.parametrize(
        ("text", "first_end", "name", "expected"),
        [
            ("Willy Bach (Leicestershire), Paddy Tipping signed.", "Bach", "Paddy", True),
            ("Willy Bach and Paddy Tipping signed.", "Bach", "Paddy", True),
            ("Willy Bach (Leicestershire) and Paddy Tipping signed.", "Bach", "Paddy", True),
            ("Willy Bach met Paddy Tipping.", "Bach", "Paddy", False),  # a verb between
            ("Willy Bach (a peer), Paddy Tipping signed.", "Bach", "Paddy", False),  # no area in the brackets
        ],
    )
    def test_the_next_item_of_a_list_of_names(self, nlp, text, first_end, name, expected):
        idx = index_of(nlp, text)
        assert listed_after(idx, at(idx, first_end) + 1, at(idx, name)) is expected

    def test_no_name_before(self, nlp):
        idx = index_of(nlp, "Paddy Tipping signed.")
        assert listed_after(idx, -1, at(idx, "Paddy")) is False


class TestAccountedFor:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("A former Gwent Police constable has been jailed for 18 months.", "constable", True),
            ("A police officer was injured in a crash.", "officer", False),
            ("A new chief constable has been appointed.", "constable", True),
        ],
    )
    def test_subject_held_to_account_or_appointed(self, nlp, text, word, expected):
        idx = index_of(nlp, text)
        assert accounted_for(idx, idx.doc[at(idx, word)]) is expected


class TestMainClause:
    @pytest.mark.parametrize(
        ("text", "verb", "expected"),
        [
            ("Sharon Patterson was jailed and Lee Pollard was fined.", "fined", True),
            ("Sharon Patterson was jailed.", "jailed", True),
            ("The report examined how Ian Huntley came to be employed.", "came", False),
            ("David Carr was convicted of neglect, Police Scotland said.", "convicted", True),  # reported
            ("David Carr thought he was convicted of neglect.", "convicted", False),
        ],
    )
    def test_verb_of_the_main_clause(self, nlp, text, verb, expected):
        idx = index_of(nlp, text)
        assert main_clause(idx, idx.doc[at(idx, verb)]) is expected


class TestNamesTheSubjectBefore:
    @pytest.mark.parametrize(
        ("text", "words", "expected"),
        [
            ("The mayor argued that it would be cheaper.", "mayor", True),
            ("Later, the mayor argued that it would be cheaper.", "mayor", False),  # does not open the sentence
            ("Kent's chief constable argued that it would be cheaper.", "chief constable", False),  # not 'the'
            ("It was cheaper, as the mayor argued.", "mayor", False),
        ],
    )
    def test_definite_subject_opening_the_sentence(self, nlp, text, words, expected):
        idx = index_of(nlp, text)
        assert names_the_subject_before(idx, title(idx, words)) is expected


class TestOpensSpeech:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Angelique Foster said she was not convinced.", True),
            ("In Staffordshire, Matthew Ellis will oversee the fire service.", False),
            ("Angelique Foster rejected the plan.", False),
        ],
    )
    def test_speaker_opening_the_sentence(self, nlp, text, expected):
        idx = index_of(nlp, text)
        name = "Angelique" if "Angelique" in text else "Matthew"
        start = at(idx, name)
        assert opens_speech(idx, start, start + 2, sentence(idx)) is expected


def waiting(sentence: int, lede: bool = False, start: int = 0) -> Waiting:
    return Waiting(Phrase(start, start + 2, "chief_constable"), Clue(RANK_ANTECEDENT, "chief_constable"), sentence, lede)


class TestWaitingTitle:
    def test_the_nearest_title_of_the_two_sentences_before(self):
        near, far = waiting(3), waiting(2)
        assert waiting_title([far, near], 4, speaker=False) is near

    def test_the_ledes_title_only_for_a_speaker(self):
        lede = waiting(1, lede=True)
        assert waiting_title([lede], 7, speaker=True) is lede
        assert waiting_title([lede], 7, speaker=False) is None

    def test_not_a_title_of_the_same_or_a_later_sentence(self):
        assert waiting_title([waiting(4)], 4, speaker=True) is None


class TestStillWaiting:
    def test_titles_wait_two_sentences_and_the_ledes_for_the_article(self):
        lede, old, recent = waiting(0, lede=True), waiting(3), waiting(4)
        assert still_waiting([lede, old, recent], 5) == [lede, recent]


class TestLedeIndex:
    def test_first_full_sentence_after_the_headline(self, nlp):
        idx = index_of(nlp, "Forces to merge\n\nPublished: 2 July 2004\n\nKent Police and Essex Police will merge next year.")
        sentences = list(content_sentences(idx.doc))
        assert sentences[lede_index(idx.doc, sentences)].text.startswith("Kent Police")

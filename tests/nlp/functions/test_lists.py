from __future__ import annotations

import pytest

from pipeline.nlp.functions.lists import (
    arrangement,
    bullet,
    bullet_mark,
    colon_list,
    continues_list,
    covers,
    ends_with_colon,
    list_lead,
    listing,
    object_of,
    one_of,
    verb_phrase,
)
from tests.nlp.functions.helpers import candidate, candidates, token

ANNOUNCING = "Kent Police and Essex Police have agreed to share support services."


def continued(nlp, finder, lex, text: str, function: str):
    """The sentence ``function``'s sentence continues, given that the text's first sentence announces."""
    doc = nlp(text)
    span = candidate(doc, finder, function)
    sentences = list(doc.sents)
    previous = [s for s in sentences if s.end <= span.sent.start]
    count = len({c.label_ for c in candidates(doc, finder) if c.sent.start == span.sent.start})
    return continues_list(span, previous, {sentences[0].start}, count, lex), sentences[0]


class TestContinuesList:
    @pytest.mark.parametrize(
        ("text", "function"),
        [
            (f"{ANNOUNCING} It covers payroll and vehicles.", "payroll"),
            (f"{ANNOUNCING} Estates will also be included.", "Estates"),
            (f"{ANNOUNCING} Administration, finance and HR are among the areas being examined.", "finance"),
            (f"{ANNOUNCING} The first area is protective services: major investigations, intelligence and forensics.",
             "intelligence"),
            ("The forces will work together. They cover three pieces of work:\n- expanding the unit, which tackles "
             "serious and organised crime.", "serious and organised crime"),
            (f"{ANNOUNCING} A letter sets out the proposal. Police say it could save £500,000. The centre handles "
             "support work, including HR, finance and facilities management.", "finance"),  # three sentences on
        ],
    )
    def test_a_list_after_the_announcing_sentence(self, nlp, finder, lex, text, function):
        parent, first = continued(nlp, finder, lex, text, function)
        assert parent is not None
        assert parent == first or ends_with_colon(parent)  # the announcing sentence, or a list's lead

    @pytest.mark.parametrize(
        ("text", "function"),
        [
            (f"{ANNOUNCING} The new radios include maps for the control room and custody suites.", "custody suites"),
            (f"{ANNOUNCING} The chief said: \"Every pound we save on IT and the back office counts.\"", "IT"),
            (f"{ANNOUNCING} A man was held in a cell. Officers said custody and IT were busy.", "IT"),
            (f"{ANNOUNCING} The force published its figures.\nBusiest teams\n- custody and IT", "IT"),
        ],
    )
    def test_not_a_list_of_the_arrangement(self, nlp, finder, lex, text, function):
        parent, _ = continued(nlp, finder, lex, text, function)
        assert parent is None


class TestListLead:
    def test_the_sentence_before_the_bullets(self, nlp, lex):
        doc = nlp("They cover three pieces of work:\n- one thing;\n- another thing.")
        sentences = list(doc.sents)
        assert list_lead(sentences, lex) == sentences[0]


class TestEndsWithColon:
    @pytest.mark.parametrize(("text", "expected"), [("They cover three pieces of work:\n", True),
                                                    ("They cover work.", False)])
    def test_colon(self, nlp, text, expected):
        assert ends_with_colon(next(nlp(text).sents)) is expected


class TestBullet:
    @pytest.mark.parametrize(("text", "expected"), [("- expanding the unit", True), ("• expanding the unit", True),
                                                    ("Expanding the unit", False)])
    def test_bullet(self, nlp, lex, text, expected):
        assert bullet(next(nlp(text).sents), lex) is expected


class TestBulletMark:
    def test_a_mark_alone(self, nlp, lex):
        doc = nlp("-")
        assert bullet_mark(doc[:], lex)

    def test_words(self, nlp, lex):
        assert not bullet_mark(nlp("- the unit")[:], lex)


class TestListing:
    @pytest.mark.parametrize(
        ("text", "function", "count"),
        [
            ("Finance and HR are among the areas being examined.", "Finance", 2),
            ("It covers payroll and vehicles.", "payroll", 2),
            ("Estates will also be included.", "Estates", 1),
            ("That programme will concentrate on major crime.", "major crime", 1),
            ("Its remit takes in armed policing, the dog section and roads policing.", "roads policing", 3),
            ("The unit's responsibilities span forensics and major crime.", "forensics", 2),
            ("Its work spans roads policing and intelligence.", "intelligence", 2),
            ("It will handle custody and case files.", "custody", 2),
            ("Air support was one of a number of areas under review.", "Air support", 1),
            ("The new platform covers finance, human resources and payroll.", "human resources", 3),
        ],
    )
    def test_what_the_arrangement_covers(self, nlp, finder, lex, text, function, count):
        doc = nlp(text)
        assert listing(candidate(doc, finder, function), count, lex)

    @pytest.mark.parametrize(
        ("text", "function"),
        [("The weapons recovered include firearms.", "firearms"), ("She will cover custody.", "custody"),
         ("The system will cover the control room.", "control room"),
         ("Some of the decisions on firearms would have been taken elsewhere.", "firearms"),
         ("Officers said custody and IT were busy.", "custody"), ("Custody is a busy place.", "Custody"),
         ("A review found that many were too small to provide counter-terrorism and major crime.", "major crime"),
         ("Closer working was the only way to protect custody and forensics.", "forensics")],
    )
    def test_what_a_thing_or_a_person_covers(self, nlp, finder, lex, text, function):
        doc = nlp(text)
        assert not listing(candidate(doc, finder, function), 1, lex)

    @pytest.mark.parametrize("text", ["She will cover custody and firearms.", "Sarah Jones covers custody and firearms."])
    def test_two_functions_a_person_covers(self, nlp, finder, lex, text):
        assert not listing(candidate(nlp(text), finder, "custody"), 2, lex)


class TestCovers:
    @pytest.mark.parametrize(("text", "function"), [("It covers payroll.", "payroll"),
                                                    ("The agreement covers custody.", "custody"),
                                                    ("Custody will be included.", "Custody")])
    def test_the_arrangement_or_the_function_is_the_subject(self, nlp, finder, lex, text, function):
        doc = nlp(text)
        span = candidate(doc, finder, function)
        verb = next(t for t in doc if t.lemma_ in {"cover", "include"})
        assert covers(verb, span, lex)

    def test_a_thing_is_the_subject(self, nlp, finder, lex):
        doc = nlp("The radio system covers the control room.")
        assert not covers(token(doc, "covers"), candidate(doc, finder, "control room"), lex)


class TestColonList:
    def test_functions_after_a_colon(self, nlp, finder):
        doc = nlp("The first area is protective services: major investigations, intelligence and forensics.")
        assert colon_list(candidate(doc, finder, "intelligence"), 3)

    def test_a_quotation_after_a_colon(self, nlp, finder):
        doc = nlp('He said: "We will share custody and IT."')
        assert not colon_list(candidate(doc, finder, "IT"), 2)

    def test_one_function(self, nlp, finder):
        doc = nlp("The first area is clear: intelligence.")
        assert not colon_list(candidate(doc, finder, "intelligence"), 1)


class TestVerbPhrase:
    @pytest.mark.parametrize(("text", "word", "expected"), [("It covers payroll.", "covers", "cover"),
                                                            ("Its remit takes in payroll.", "takes", "take in"),
                                                            ("It takes payroll.", "takes", "take")])
    def test_verb_with_its_particle(self, nlp, text, word, expected):
        assert verb_phrase(token(nlp(text), word)) == expected


class TestArrangement:
    @pytest.mark.parametrize(("text", "word", "expected"), [("It covers payroll.", "It", True),
                                                            ("Its remit covers payroll.", "remit", True),
                                                            ("The programme covers payroll.", "programme", True),
                                                            ("He covers payroll.", "He", False),
                                                            ("His desk covers payroll.", "desk", False)])
    def test_a_subject_naming_the_arrangement(self, nlp, lex, text, word, expected):
        assert arrangement(token(nlp(text), word), lex) is expected


class TestOneOf:
    @pytest.mark.parametrize(("text", "function", "expected"), [
        ("Air support was one of a number of areas under review.", "Air support", True),
        ("Custody is part of the plan.", "Custody", True),
        ("Custody is one of the busiest places.", "Custody", False),
    ])
    def test_one_of_the_areas(self, nlp, finder, lex, text, function, expected):
        doc = nlp(text)
        verb = next(t for t in doc if t.lemma_ == "be")
        assert one_of(verb, candidate(doc, finder, function), lex) is expected


class TestObjectOf:
    @pytest.mark.parametrize(("text", "function", "verb", "expected"), [
        ("It will handle custody and case files.", "case files", "handle", True),
        ("It brings human resources into the shared service.", "human resources", "brings", True),
        ("That programme will concentrate on major crime.", "major crime", "concentrate", True),
        ("A review found that many were too small to provide forensics.", "forensics", "found", False),
        ("Closer working was the only way to protect custody.", "custody", "was", False),
    ])
    def test_the_verbs_object(self, nlp, finder, text, function, verb, expected):
        doc = nlp(text)
        assert object_of(candidate(doc, finder, function), token(doc, verb)) is expected

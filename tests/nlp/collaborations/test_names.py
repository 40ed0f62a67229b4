"""Collaboration names (pipeline.nlp.collaborations.names), on small parsed docs."""

from __future__ import annotations

import pytest
from spacy.matcher import PhraseMatcher

from pipeline.nlp.collaborations.names import (
    Name,
    apposition,
    find_names,
    headed_name,
    is_name_word,
    is_proper,
    name_after,
    name_before,
    one_force_owns,
    proper_start,
    quoted_before,
    without_overlaps,
)
from tests.nlp.collaborations.helpers import forces_at, token

PAIR = "Kent Police and Essex Police"


def phrases(nlp, doc, cues):
    """The matches of the named phrases ('strategic alliance'), as the component finds them."""
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("NAMED", [nlp.make_doc(p) for p in cues.named_phrases])
    return [(s, e) for _, s, e in matcher(doc)]


class TestFindNames:
    @pytest.mark.parametrize(
        ("rest", "names"),
        [
            ("run the East Midlands Special Operations Unit.", ["East Midlands Special Operations Unit"]),
            ("run the Evolve programme.", ["Evolve"]),
            ("set up TITAN, the regional organised crime unit.", ["TITAN"]),
            ('agreed a "twin-force" collaboration.', ["twin-force"]),
            ("signed a strategic alliance.", ["strategic alliance"]),
            ("run the Tri-Force specialist operations partnership.", ["Tri-Force"]),
            ("signed an all-Wales agreement.", []),
            ("will share custody.", []),
        ],
    )
    def test_forms(self, nlp, cues, rest, names):
        doc = nlp(f"{PAIR} {rest}")
        found = find_names(doc[:], phrases(nlp, doc, cues), forces_at(doc), cues)
        assert [n.text for n in found] == names
        assert all(doc.text[n.start_char : n.end_char].lower() == n.text.lower() for n in found)

    @pytest.mark.parametrize(
        "text",
        [
            "Officers from the force's Organised Crime Unit arrested them, with help from Kent Police and Essex Police.",
            "Officers from its Operation Galaxy team arrested them, with help from Kent Police and Essex Police.",
            "Kent Police and Essex Police ran Operation Avara.",
        ],
    )
    def test_a_unit_of_one_force_or_an_operation_is_not_a_name(self, nlp, cues, text):
        doc = nlp(text)
        assert find_names(doc[:], [], forces_at(doc), cues) == ()

    def test_a_name_in_commas_after_a_name_noun(self, nlp, cues):
        doc = nlp(f"{PAIR} are members of the counter-terrorism unit, WECTU, run by all four forces.")
        assert [n.text for n in find_names(doc[:], [], forces_at(doc), cues)] == ["WECTU"]

    def test_an_organisation_is_not_a_name(self, nlp, cues):
        doc = nlp(f"The Police Federation Service praised {PAIR}.")
        assert find_names(doc[:], [], forces_at(doc), cues) == ()

    def test_a_force_is_not_a_name(self, nlp, cues):
        doc = nlp("Essex Police Service and Kent Police will share custody.")
        assert find_names(doc[:], [], forces_at(doc), cues) == ()

    def test_only_names_inside_the_part(self, nlp, cues):
        doc = nlp(f"{PAIR} run the Evolve programme; Surrey Police runs the Atlas programme.")
        part = doc[: token(doc, ";")]
        assert [n.text for n in find_names(part, [], forces_at(doc), cues)] == ["Evolve"]


class TestHeadedName:
    @pytest.mark.parametrize(
        ("text", "head", "name"),
        [
            ("They run the Joint Serious Crime Directorate.", "Directorate", "Joint Serious Crime Directorate"),
            ("They run the Bedfordshire and Hertfordshire Major Crime Unit.", "Unit",
             "Bedfordshire and Hertfordshire Major Crime Unit"),
            ("They run a Unit.", "Unit", None),
            ("And Unit staff left.", "Unit", None),
        ],
    )
    def test_forms(self, nlp, cues, text, head, name):
        doc = nlp(text)
        found = headed_name(doc[:], doc[token(doc, head)], cues.name_joiners)
        assert (found.text if found else None) == name


class TestIsNameWord:
    @pytest.mark.parametrize(("text", "word", "expected"), [
        ("They run the Major Crime Unit.", "Major", True),
        ("They run the Major Crime Unit.", "the", False),
        ("They run the major crime Unit.", "crime", False),
        ("Beds and Herts Unit.", "and", True),
    ])
    def test_forms(self, nlp, cues, text, word, expected):
        doc = nlp(text)
        assert is_name_word(doc[token(doc, word)], cues.name_joiners) is expected


class TestNameBefore:
    @pytest.mark.parametrize(
        ("rest", "noun", "name"),
        [
            ("run the Evolve programme.", "programme", "Evolve"),
            ("run the Tri-Force specialist operations partnership.", "partnership", "Tri-Force"),
            ('agreed a "twin-force" collaboration.', "collaboration", "twin-force"),
            ("set up TITAN, the regional organised crime unit.", "unit", "TITAN"),
            ("signed an all-Wales agreement.", "agreement", None),
            ("run a regional unit.", "unit", None),
        ],
    )
    def test_forms(self, nlp, cues, rest, noun, name):
        doc = nlp(f"{PAIR} {rest}")
        found = name_before(doc[:], doc[token(doc, noun)], forces_at(doc), cues)
        assert (found.text if found else None) == name


class TestQuotedBefore:
    @pytest.mark.parametrize(
        ("text", "name"),
        [('They agreed a "twin-force" collaboration.', "twin-force"),
         ("They agreed a ‘tri-force’ collaboration.", "tri-force"),
         ('They agreed a "" collaboration.', None)],
    )
    def test_forms(self, nlp, cues, text, name):
        doc = nlp.make_doc(text)
        closing = [t.i for t in doc if t.text in cues.quote_marks][-1]
        found = quoted_before(doc[:], closing, cues.quote_marks)
        assert (found.text if found else None) == name


class TestApposition:
    @pytest.mark.parametrize(
        ("text", "name"),
        [("They set up TITAN, the regional organised crime unit.", "TITAN"),
         ("They set up the regional organised crime unit.", None),
         ("They set up, the regional organised crime unit.", None)],
    )
    def test_forms(self, nlp, text, name):
        doc = nlp(text)
        found = apposition(doc[:], doc[token(doc, "unit")], set())
        assert (found.text if found else None) == name


class TestProperStart:
    @pytest.mark.parametrize(
        ("text", "last", "first"),
        [("the Tri-Force team", "Force", "Tri"), ("the Evolve programme", "Evolve", "Evolve"),
         ("the new programme", "new", None)],
    )
    def test_forms(self, nlp, text, last, first):
        doc = nlp(text)
        i = token(doc, last)
        expected = token(doc, first) if first else i + 1
        assert proper_start(doc[:], i, set()) == expected

    def test_a_force_ends_the_run(self, nlp):
        doc = nlp("Kent Police Evolve programme")
        assert proper_start(doc[:], token(doc, "Evolve"), forces_at(doc)) == token(doc, "Evolve")


class TestIsProper:
    @pytest.mark.parametrize(("word", "expected"), [("Evolve", True), ("programme", False), ("the", False)])
    def test_forms(self, nlp, word, expected):
        doc = nlp("They run the Evolve programme.")
        assert is_proper(doc[token(doc, word)], set()) is expected

    def test_not_in_a_force_mention(self, nlp):
        doc = nlp("Kent Police will share custody.")
        assert is_proper(doc[0], forces_at(doc)) is False


class TestWithoutOverlaps:
    @pytest.mark.parametrize(
        ("names", "kept"),
        [
            ([Name(10, 20, "b"), Name(0, 5, "a")], [Name(0, 5, "a"), Name(10, 20, "b")]),
            ([Name(0, 5, "short"), Name(0, 9, "longer")], [Name(0, 9, "longer")]),
            ([Name(0, 9, "first"), Name(4, 12, "overlap")], [Name(0, 9, "first")]),
            ([], []),
        ],
    )
    def test_forms(self, names, kept):
        assert list(without_overlaps(names)) == kept


class TestNameAfter:
    @pytest.mark.parametrize(
        ("text", "name"),
        [
            ("the counter-terrorism unit, WECTU, run by all four forces", "WECTU"),
            ("the regional unit, Tarian, shares officers", "Tarian"),
            ("the unit, Detective Superintendent Jones said", None),  # a person: more than one word
            ("the unit, which Kent runs", None),
        ],
    )
    def test_forms(self, nlp, text, name):
        doc = nlp(text)
        found = name_after(doc[:], doc[token(doc, "unit")], set())
        assert (found.text if found else None) == name


class TestOneForceOwns:
    @pytest.mark.parametrize(
        ("text", "name", "expected"),
        [
            ("the force's Organised Crime Unit", "Organised Crime Unit", True),
            ("its Operation Galaxy team", "Operation Galaxy", True),
            ("Kent Police's Major Crime Unit", "Major Crime Unit", True),
            ("their Joint Firearms Unit", "Joint Firearms Unit", False),  # the partners' own
            ("the Joint Firearms Unit", "Joint Firearms Unit", False),
        ],
    )
    def test_forms(self, nlp, cues, text, name, expected):
        doc = nlp(text)
        start = text.index(name)
        assert one_force_owns(doc, Name(start, start + len(name), name), forces_at(doc), cues) is expected

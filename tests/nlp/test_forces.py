"""Rule functions of the forces stage, on small docs."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from pipeline.nlp.forces import person_list_places
from pipeline.nlp.lexicon import load_words

HEADS = frozenset({"commissioners", "forces"})
AREAS = ("Surrey", "Sussex", "Kent", "Avon and Somerset", "Dyfed-Powys", "Gwent")


def areas(doc) -> list[Span]:
    """Every area of AREAS in the doc, as a candidate span."""
    out = []
    for area in AREAS:
        start = doc.text.find(area)
        if start >= 0:
            out.append(doc.char_span(start, start + len(area), label="AREA", kb_id=area))
    return sorted(out, key=lambda s: s.start)


def listed(nlp, text: str) -> list[str]:
    doc = nlp(text)
    spans = areas(doc)
    places = person_list_places(doc, spans, HEADS, load_words())
    return [s.text for s in spans if s.start in places]


class TestPersonListPlaces:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The two commissioners - Jane Kerr from Surrey and Tim Bowles in Sussex - signed.", ["Surrey", "Sussex"]),
            ("The two commissioners, Jane Kerr in Surrey and Tim Bowles in Sussex, signed.", ["Surrey", "Sussex"]),
            ("The three commissioners: Lord Tim Bowles from Sussex, Ben-Luke Hart for Kent and Owen Ray "
             "from Avon and Somerset.", ["Sussex", "Kent", "Avon and Somerset"]),
            # a person with no place still counts as a list item
            ("The commissioners - Jane Kerr and Tim Bowles in Sussex - signed.", ["Sussex"]),
        ],
    )
    def test_places_of_listed_people(self, nlp, text, expected):
        assert listed(nlp, text) == expected

    @pytest.mark.parametrize(
        "text",
        [
            "Jane Kerr from Surrey and Tim Bowles in Sussex signed.",  # no plural title
            "The commissioners - Jane Kerr from Surrey - signed.",  # one person
            "The commissioners - Kerr from Surrey and Bowles in Sussex - signed.",  # single words are no names
            "The two forces - Dyfed-Powys and Gwent - agreed.",  # areas, not people
        ],
    )
    def test_no_list_of_people(self, nlp, text):
        assert listed(nlp, text) == []

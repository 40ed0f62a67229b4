"""Rule functions of the forces stage that read the words around an area name (``pipeline.nlp.force_areas``)."""

from __future__ import annotations

import pytest

from pipeline.nlp.force_areas import (
    candidate_lists,
    collaborates,
    cued_after,
    cued_before,
    is_heading,
    labelled_items,
    listed_after_forces,
    owns_a_person,
    person_list_places,
)
from tests.nlp.force_helpers import area, areas, cues

HEADS = frozenset({"commissioners", "forces"})


def listed(nlp, text: str) -> list[str]:
    doc = nlp(text)
    spans = areas(doc)
    places = person_list_places(doc, spans, HEADS, cues(nlp))
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


class TestCandidateLists:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Kent, Essex and Surrey agreed.", [["Kent", "Essex", "Surrey"]]),
            ("The Cumbria-Lancashire merger collapsed.", [["Cumbria", "Lancashire"]]),  # a hyphen joins a pair
            ("Kent agreed. Later Essex did too.", [["Kent"], ["Essex"]]),
        ],
    )
    def test_areas_joined_by_list_words_form_one_list(self, nlp, text, expected):
        doc = nlp(text)
        assert [[s.text for s in group] for group in candidate_lists(doc, areas(doc), cues(nlp))] == expected


class TestCuedAfter:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("Kent's chief constable spoke.", "Kent", True),
            ("Phil Abbiss, of the West Yorkshire federation, said so.", "West Yorkshire", True),
            ("Kent's beaches were busy.", "Kent", False),
        ],
    )
    def test_a_force_word_after_the_area(self, nlp, text, word, expected):
        doc = nlp(text)
        assert cued_after(doc, area(doc, word), cues(nlp)) is expected


class TestOwnsAPerson:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("They will join Essex's Roger Hirst, who became the first commissioner.", True),
            ("Essex's Roger Hirst welcomed the decision.", True),
            ("Essex's new headquarters opened.", False),  # no person
            ("Essex said Roger Hirst welcomed it.", False),  # no possessive
        ],
    )
    def test_the_areas_possessive_before_a_persons_name(self, nlp, text, expected):
        doc = nlp(text)
        assert owns_a_person(doc, area(doc, "Essex"), cues(nlp)) is expected


class TestCuedBefore:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The PCC for Kent welcomed it.", "Kent", True),
            ("The constabularies in Kent, Essex and Surrey agreed.", "Kent", True),
            ("Police will share services with colleagues in Bedfordshire and Hertfordshire.", "Bedfordshire", True),
            ("The authorities for Surrey and Sussex say a merger would not help.", "Surrey", True),
            ("She leads the programme on behalf of Sussex.", "Sussex", True),
            ("Officers and staff from Surrey and Kent transfer to the new unit.", "Surrey", True),
            ("Detectives from Essex joined the inquiry.", "Essex", True),
            ("Tourists in Kent spent more.", "Kent", False),
            ("The council for Kent met.", "Kent", False),
        ],
    )
    def test_a_role_and_preposition_or_a_phrase_before_the_area(self, nlp, text, word, expected):
        doc = nlp(text)
        assert cued_before(doc, area(doc, word), cues(nlp)) is expected


class TestListedAfterForces:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("The four Welsh forces - Dyfed-Powys, Gwent, North Wales and South Wales - agreed.", "Gwent", False),
            ("The forces that fund it: Avon and Somerset, Dorset and Wiltshire.", "Avon and Somerset", True),
            ("The plan covers seven forces: Kent, Essex and Surrey among them.", "Kent", True),
            ("Officers visited three places: Kent, Essex and Surrey.", "Kent", False),
            ("The forces met in London. Later: Kent won the match.", "Kent", False),
        ],
    )
    def test_a_list_after_a_dash_or_colon_that_follows_a_force_noun(self, nlp, text, word, expected):
        doc = nlp(text)
        assert listed_after_forces(doc, area(doc, word), cues(nlp)) is expected


class TestCollaborates:
    @pytest.mark.parametrize(
        ("text", "word", "expected"),
        [
            ("Kent and Essex will share a custody suite.", "Essex", True),
            ("Every pound we save by working with Surrey is kept.", "Surrey", True),
            ("Bedfordshire and Hertfordshire work alongside Cambs, Kent and Essex.", "Kent", True),
            ("Tourists visiting Kent spent more.", "Kent", False),
            ("He walked alongside Kent officers.", "Kent", False),
            ("Specialist units shared by Bedfordshire, Cambridgeshire and Hertfordshire made 3,000 arrests.",
             "Hertfordshire", True),
            ("The cottage was bought by Kent holidaymakers.", "Kent", False),
            ("The programme brings together Bedfordshire, Hertfordshire and Kent.", "Hertfordshire", True),
            ("The festival brings Kent visitors every summer.", "Kent", False),
        ],
    )
    def test_subject_or_partner_of_a_collaboration_verb(self, nlp, text, word, expected):
        doc = nlp(text)
        assert collaborates(area(doc, word), cues(nlp)) is expected


class TestLabelledItems:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Forecasts:\nKent: £61m cut from its budget\nEssex: £47.5m by 2019\n", ["Kent", "Essex"]),
            ("Among them:\n\n- Kent: £61m cut\n\n- West Yorkshire: £49m over four years\n", ["Kent", "West Yorkshire"]),
            ("Kent: a man was arrested in Margate on Friday.\n", []),  # one label alone: a dateline or furniture
            ("Police in Kent: £61m.\nAnd in Essex: £30m.\n", []),  # not at the start of a line
        ],
    )
    def test_two_lines_opened_by_an_area_and_a_colon(self, nlp, text, expected):
        doc = nlp(text)
        groups = candidate_lists(doc, areas(doc), cues(nlp))
        starts = labelled_items(doc, groups)
        assert [g[0].text for g in groups if g[0].start in starts] == expected


class TestIsHeading:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Round-up of alliances\n\nKent and Essex\n\nThe two forces run a joint directorate.", True),
            ("The forces in the region are:\n\n- Kent\n- Essex\n\nThey agreed.", True),
            ("The forces in the region are:\n\n• Kent and Essex;\n• Surrey.", True),
            ("Tourists flocked to\nKent.\n\nThey stayed a week.", False),  # a sentence broken across lines
            ("Kent and Essex agreed.", False),
        ],
    )
    def test_a_line_of_area_names_alone(self, nlp, text, expected):
        doc = nlp(text)
        group = next(g for g in candidate_lists(doc, areas(doc), cues(nlp)) if g[0].text == "Kent")
        assert is_heading(doc, group) is expected

"""Roles given through another person or a body (pipeline/nlp/officials/relations.py)."""

from __future__ import annotations

import pytest

from pipeline.nlp.officials.relations import affiliation, counterpart, deputy, last_post, owned_head
from pipeline.nlp.officials.roles import RANK_APPOSITIVE, RANK_RELATIVE
from tests.nlp.officials.helpers import at, index_of, sentence

PCC = ("police_and_crime_commissioner", "North Wales Police")
CHAIR = ("other", "Devon and Cornwall Police")


class TestLastPost:
    def test_the_post_of_the_official_named_last_before_the_token(self):
        posts = {3: PCC, 9: CHAIR, 20: ("politician", None)}
        assert last_post(posts, 12) == CHAIR
        assert last_post(posts, 2) is None


class TestCounterpart:
    @pytest.mark.parametrize(
        ("text", "name", "force"),
        [
            ("His Cheshire counterpart, John Dwyer, agreed.", "John", "Cheshire Constabulary"),
            ("The decision was announced by his Suffolk counterpart, Simon Ash.", "Simon", "Suffolk Constabulary"),
            ("Her counterpart, Jo Hale, agreed.", "Jo", None),  # no area: no force
            ("His counterpart for Avon and Somerset, Sue Mountstevens, signed.", "Sue",
             "Avon and Somerset Constabulary"),  # the area after 'counterpart'
        ],
    )
    def test_post_of_the_official_named_last_in_the_force_named(self, nlp, text, name, force):
        idx = index_of(nlp, text)
        found = counterpart(idx, at(idx, name), sentence(idx), {0: PCC})
        assert (found.rank, found.label, found.force, found.no_fallback) == (RANK_APPOSITIVE, PCC[0], force, True)

    @pytest.mark.parametrize(
        ("text", "posts"),
        [
            ("His Cheshire counterpart, John Dwyer, agreed.", {}),  # no one named before
            ("A counterpart, John Dwyer, agreed.", {0: PCC}),  # no owner
            ("His deputy, John Dwyer, agreed.", {0: PCC}),
            ("The meeting for Cheshire, John Dwyer, agreed.", {0: PCC}),  # an area after no counterpart
        ],
    )
    def test_no_counterpart(self, nlp, text, posts):
        idx = index_of(nlp, text)
        assert counterpart(idx, at(idx, "John"), sentence(idx), posts) is None


class TestDeputy:
    @pytest.mark.parametrize(
        ("text", "posts_at", "post", "expected"),
        [
            ("Mr Hale's deputy, Jo Dee, spoke.", "'s", PCC, "deputy_police_and_crime_commissioner"),
            ("Her deputy, Jo Dee, spoke.", None, ("chief_constable", "Kent Police"), "deputy_chief_constable"),
            ("Her deputy, Jo Dee, spoke.", None, CHAIR, None),  # no deputy role for a chair
            ("The deputy, Jo Dee, spoke.", None, PCC, None),  # owned by no one named
        ],
    )
    def test_deputy_of_the_official_named(self, nlp, text, posts_at, post, expected):
        idx = index_of(nlp, text)
        posts = {at(idx, posts_at) if posts_at else 0: post}
        found = deputy(idx, at(idx, "Jo"), sentence(idx), posts)
        assert (found and (found.label, found.force)) == ((expected, post[1]) if expected else None)


class TestOwnedHead:
    def test_head_of_the_body_the_official_named_last_holds_a_post_of(self, nlp):
        idx = index_of(nlp, "His vice-chairman, Brian Preston, said so.")
        found = owned_head(idx, at(idx, "Brian"), sentence(idx), {0: CHAIR})
        assert (found.label, found.force) == CHAIR

    @pytest.mark.parametrize(
        ("text", "post"),
        [
            ("His vice-chairman, Brian Preston, said so.", PCC),  # a PCC chairs no body
            ("Its vice-chairman, Brian Preston, said so.", CHAIR),  # owned by a body, not a person
            ("His colleague, Brian Preston, said so.", CHAIR),  # not a head
        ],
    )
    def test_no_post(self, nlp, text, post):
        idx = index_of(nlp, text)
        assert owned_head(idx, at(idx, "Brian"), sentence(idx), {0: post}) is None


class TestAffiliation:
    @pytest.mark.parametrize(
        ("text", "label", "force"),
        [
            ("Simon Roberts, of the Cheshire branch of the Police Federation, said so.", "federation_representative",
             "Cheshire Constabulary"),
            ("Phil Abbiss, of the West Yorkshire federation, said so.", "federation_representative",
             "West Yorkshire Police"),
            ("Karen Williams, of Unison, said so.", "federation_representative", None),
            ("Ann Hart, of the Humberside police and crime panel, said so.", "other", "Humberside Police"),
        ],
    )
    def test_member_of_the_body_named(self, nlp, text, label, force):
        idx = index_of(nlp, text)
        found = affiliation(idx, at(idx, "of"), at(idx, ", said"))
        assert (found.rank, found.label, found.force) == (RANK_RELATIVE, label, force)

    def test_a_joint_unit_ties_to_no_one_force(self, nlp):
        idx = index_of(nlp, "Chief Inspector Michael Hodder, of the joint unit, said so.")
        found = affiliation(idx, at(idx, "of"), at(idx, ", said"))
        assert (found.label, found.force, found.no_fallback) == (None, None, True)

    @pytest.mark.parametrize(
        ("text", "local"),
        [
            ("Jane Hale, of the Cheshire branch of Unison, said so.", True),
            ("Jane Hale, of Unison, said so.", False),  # no branch: maybe a national official
            ("Jane Hale, of the police authority, said so.", True),
            ("Jane Hale, of the Association of Chief Police Officers, said so.", False),
        ],
    )
    def test_member_of_a_body_of_one_force_may_take_the_articles_force(self, nlp, text, local):
        idx = index_of(nlp, text)
        assert affiliation(idx, at(idx, "of"), at(idx, ", said")).local is local

    @pytest.mark.parametrize(
        "text",
        [
            "Tom Reed, of Kent Police, said so.",  # a force is no body of members
            "Tom Reed, of the county council, said so.",
            "Tom Reed, chairman of the Police Federation, said so.",  # a head: read as a title
        ],
    )
    def test_no_membership(self, nlp, text):
        idx = index_of(nlp, text)
        assert affiliation(idx, at(idx, ",") + 1, at(idx, ", said")) is None

"""The officials stage component (pipeline/nlp/officials/component.py)."""

from __future__ import annotations

import pytest
from spacy.training import Example

from pipeline.nlp.forces import force_mentions
from pipeline.nlp.officials import COMPONENT, OfficialFinder
from pipeline.nlp.officials.index import Settings

TEXT = "The two commissioners - Jane Kerr from Surrey and Tim Bowles in Sussex - signed the deal."


class TestOfficialFinder:
    def test_settings_come_from_the_factory_config(self, nlp):
        config = nlp.config["components"][COMPONENT]
        assert (config["max_name_tokens"], config["max_owner_distance"]) == (4, 40)
        doc = nlp("Chief Constable Anna Maria Doe spoke.")
        assert [o["name"] for o in doc._.officials] == ["Anna Maria Doe"]
        short = OfficialFinder(nlp, "short", settings=Settings(max_name_tokens=2))
        assert short(doc)._.officials == []

    def test_reads_force_mentions_and_writes_none(self, nlp):
        doc = nlp(TEXT)
        before = [(s.start, s.end, s.kb_id_) for s in force_mentions(doc)]
        nlp.get_pipe(COMPONENT)(doc)
        assert [(s.start, s.end, s.kb_id_) for s in force_mentions(doc)] == before
        assert [o["force"] for o in doc._.officials] == ["Surrey Police", "Sussex Police"]

    def test_saved_lexicons_load_back(self, nlp, tmp_path):
        finder = nlp.get_pipe(COMPONENT)
        finder.to_disk(tmp_path)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["forces.json", "roles.json", "words.json"]
        loaded = OfficialFinder(nlp, "loaded").from_disk(tmp_path)
        assert loaded(nlp(TEXT))._.officials == nlp(TEXT)._.officials

    def test_scorer_compares_officials_by_offsets_name_role_and_force(self, nlp):
        predicted, reference = nlp(TEXT), nlp(TEXT)
        reference._.officials = [dict(o, force=None) for o in reference._.officials]
        assert nlp.get_pipe(COMPONENT).scorer([Example(predicted, reference)])["officials_f"] == 0.0
        assert nlp.get_pipe(COMPONENT).scorer([Example(predicted, nlp(TEXT))])["officials_f"] == 1.0


class TestLexiconTitles:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("The chairman of Gloucestershire Police Authority, Brigadier Michael Browne, said members needed time.",
             ("Michael Browne", "other")),  # a military rank is an honorific, not part of the name
            ("Pamela McCreedy, the PSNI's chief operating officer, told the board.", ("Pamela McCreedy", "police_staff")),
            ("The spending review by the then finance secretary Kate Forbes pencilled in flat cash.",
             ("Kate Forbes", "politician")),
            ("Jo Farrell, who took charge of Police Scotland in October, told the board the money was needed.",
             ("Jo Farrell", "chief_constable")),  # in charge of a force: its chief
            ("Iain Whyte, who convenes the Lothian and Borders board, said the forces faced cuts.", ("Iain Whyte", "other")),
            ("Bill Weightman, who chairs the MPA, warned that the pain was not over.", ("Bill Weightman", "other")),
            ("Steve Noonan, the IOPC's director of major investigations, said it was wrong.", ("Steve Noonan", "other")),
            ("Paul Horton, senior licensing officer at Nottinghamshire Police, welcomed the decision.",
             ("Paul Horton", "police_staff")),
        ],
    )
    def test_ranks_posts_and_ministers(self, nlp, text, expected):
        assert [(o["name"], o["role"]) for o in nlp(text)._.officials] == [expected]

    def test_a_number_word_is_no_name(self, nlp):
        assert nlp("The officers, known only as PC One and PC Two, exchanged messages.")._.officials == []
        assert nlp("The former officer, referred to as PC F, was dismissed.")._.officials == []  # a cipher

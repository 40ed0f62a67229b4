"""The composed pipeline: stage order checked by spaCy, and a saved pipeline that extracts the same."""

from __future__ import annotations

import spacy

from pipeline.nlp.compose import STAGES, shared_nlp
from pipeline.nlp.extract import extract

TEXT = (
    "Kent and Essex to share custody\n\n"
    "Kent Police and Essex Police will share custody suites and ICT under a deal expected to save £3.2m a year, "
    "Chief Constable Alan Pughsley of Kent Police said.\n\n"
    "Unison warned that up to 40 posts could go."
)


class TestAnalyzePipes:
    def test_no_problems(self):
        analysis = shared_nlp().analyze_pipes()
        assert analysis["problems"] == {name: [] for name in shared_nlp().pipe_names}

    def test_every_stage_declares_what_it_assigns(self):
        nlp = shared_nlp()
        for name in STAGES:
            assert nlp.get_pipe_meta(name).assigns, name


class TestSavedPipeline:
    def test_to_disk_then_load_extracts_the_same(self, tmp_path):
        nlp = shared_nlp()
        nlp.to_disk(tmp_path / "saved")
        loaded = spacy.load(tmp_path / "saved")
        assert loaded.pipe_names == nlp.pipe_names
        assert extract(loaded(TEXT)) == extract(nlp(TEXT))

"""Loading and validating the lexicons of models/."""

from __future__ import annotations

import json

import pytest

from pipeline.nlp.lexicon import Lexicon, LexiconError, load_lexicon, load_words


class Sample(Lexicon):
    cues: list[str]
    distance: int = 3


class TestLoadLexicon:
    def test_reads_and_keeps_undeclared_keys(self, tmp_path):
        (tmp_path / "s.json").write_text(json.dumps({"about": "x", "cues": ["a", "b"]}))
        lex = load_lexicon(Sample, "s.json", tmp_path)
        assert lex.cues == ["a", "b"] and lex.distance == 3 and lex.model_extra == {"about": "x"}

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            ({"about": "x"}, "key 'cues': field required"),
            ({"cues": "custody"}, "key 'cues': input should be a valid list"),
            ({"cues": ["a"], "distance": "far"}, "key 'distance'"),
        ],
    )
    def test_a_bad_key_is_named_with_the_file(self, tmp_path, content, message):
        path = tmp_path / "s.json"
        path.write_text(json.dumps(content))
        with pytest.raises(LexiconError) as caught:
            load_lexicon(Sample, "s.json", tmp_path)
        assert str(path) in str(caught.value) and message in str(caught.value)

    def test_missing_file_and_broken_json_are_named(self, tmp_path):
        with pytest.raises(LexiconError, match=r"s\.json: missing"):
            load_lexicon(Sample, "s.json", tmp_path)
        (tmp_path / "s.json").write_text("{not json")
        with pytest.raises(LexiconError, match=r"s\.json: not a readable JSON file"):
            load_lexicon(Sample, "s.json", tmp_path)


class TestLoadWords:
    def test_the_shipped_vocabulary_loads(self):
        assert load_words().model_extra.get("about")

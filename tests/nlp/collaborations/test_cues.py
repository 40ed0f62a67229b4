"""The stage's lexicon (pipeline.nlp.collaborations.cues): validated when loaded, errors name file and key."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.config import models_dir
from pipeline.nlp.collaborations.cues import CollaborationCues, CollaborationsFile, load_cues
from pipeline.nlp.lexicon import LexiconError, Words


def models_copy(tmp_path, file: str, drop: str | None = None, **values) -> str:
    """A copy of the two lexicon files in ``tmp_path``, ``file`` without the key ``drop`` or with ``values``."""
    for name in ("collaborations.json", "words.json"):
        shutil.copy(models_dir() / name, tmp_path / name)
    data = json.loads((tmp_path / file).read_text(encoding="utf-8"))
    data.pop(drop, None)
    data.update(values)
    (tmp_path / file).write_text(json.dumps(data), encoding="utf-8")
    return str(tmp_path)


class TestLoadCues:
    def test_the_shipped_cues(self):
        cues = load_cues()
        assert {"alliance", "merger", "share"} <= set(cues.cue_lemmas)
        assert dict(cues.type_words)["memorandum"] == "memorandum of understanding"
        assert cues.numbers["both"] == 2
        assert {",", "and", "the"} <= cues.list_joiners and '"' in cues.quote_marks

    @pytest.mark.parametrize(
        ("file", "drop", "values", "message"),
        [
            ("collaborations.json", "clause_breaks", {}, "key 'clause_breaks': field required"),
            ("collaborations.json", None, {"numbers": {"two": "a pair"}}, "key 'numbers.two'"),
            ("collaborations.json", None, {"type_words": [["merger"]]}, "key 'type_words.0.1': field required"),
            ("words.json", "list_joiners", {}, "key 'list_joiners': field required"),
            ("words.json", None, {"quote_marks": "'"}, "key 'quote_marks'"),
        ],
    )
    def test_a_bad_key_is_named_with_its_file(self, tmp_path, file, drop, values, message):
        folder = models_copy(tmp_path, file, drop, **values)
        with pytest.raises(LexiconError) as caught:
            load_cues(folder)
        assert str(tmp_path / file) in str(caught.value) and message in str(caught.value)


class TestCollaborationCuesFromLexicons:
    def test_phrases_become_word_tuples_and_lists_sets(self, tmp_path):
        folder = models_copy(tmp_path, "collaborations.json", except_phrases=["apart from", "bar"],
                             clause_breaks=[";", ";"])
        cues = load_cues(folder)
        assert cues.except_phrases == (("apart", "from"), ("bar",))
        assert cues.clause_breaks == frozenset({";"})

    def test_built_from_the_models(self):
        lex = CollaborationsFile.model_validate(json.loads((models_dir() / "collaborations.json").read_text()))
        words = Words.model_validate(json.loads((models_dir() / "words.json").read_text()))
        cues = CollaborationCues.from_lexicons(lex, words)
        assert cues.name_modifier_deps == frozenset(lex.name_modifier_deps)
        assert cues.quote_marks == frozenset(words.quote_marks)

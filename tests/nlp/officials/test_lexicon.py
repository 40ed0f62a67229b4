"""The officials and quotes stages' lexicon (pipeline/nlp/officials/lexicon.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.config import models_dir
from pipeline.nlp.lexicon import LexiconError
from pipeline.nlp.officials.lexicon import Roles, load_lexicon, read_lexicons


class TestRolesOf:
    def test_phrases_map_to_their_label(self):
        lex = load_lexicon()
        assert lex.titles["chief constable"] == "chief_constable"
        assert lex.abbreviations["PCC"] == "police_and_crime_commissioner"
        assert lex.organisations["police federation"] == "federation_representative"

    def test_lists_become_sets_and_shared_words_are_included(self):
        lex = Roles.of(*read_lexicons())
        assert isinstance(lex.honorifics, frozenset) and "Sir" in lex.honorifics
        assert lex.possessives == {"'s", "’s", "'", "’"}
        assert "commissioners" in lex.commissioner_words


class TestReadLexicons:
    @pytest.mark.parametrize(
        ("file", "key", "value", "message"),
        [
            ("roles.json", "speaker_pronouns", None, "key 'speaker_pronouns': field required"),
            ("roles.json", "honorifics", "Sir", "key 'honorifics': input should be a valid list"),
            ("words.json", "possessives", None, "key 'possessives': field required"),
        ],
    )
    def test_a_bad_key_is_named_with_its_file(self, tmp_path, file, key, value, message):
        for name in ("roles.json", "words.json"):
            shutil.copy(models_dir() / name, tmp_path / name)
        data = json.loads((tmp_path / file).read_text(encoding="utf-8"))
        if value is None:
            del data[key]
        else:
            data[key] = value
        (tmp_path / file).write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(LexiconError) as caught:
            read_lexicons(str(tmp_path))
        assert str(tmp_path / file) in str(caught.value) and message in str(caught.value)

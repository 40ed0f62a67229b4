from __future__ import annotations

import pytest

from pipeline.contract import FUNCTIONS
from pipeline.nlp.functions.lexicon import FunctionsFile, frozen_value, load_lexicon
from pipeline.nlp.lexicon import LexiconError, lexicon_path, read_json, validate


class TestLoadLexicon:
    def test_every_contract_label_has_phrases(self):
        lex = load_lexicon()
        assert set(lex.functions) == set(FUNCTIONS) and all(lex.functions.values())

    def test_lists_become_sets_and_tuples(self):
        lex = load_lexicon()
        assert isinstance(lex.heads, tuple) and isinstance(lex.list_verbs, frozenset)
        assert ("director", "of") in lex.title_before
        assert "each" in lex.scope_words and "exclude" in lex.exclude_verbs

    def test_a_label_outside_the_contract_is_refused(self):
        data = read_json(lexicon_path("functions.json"))
        data["headed"] = {"spying": ["spy"]}
        with pytest.raises(LexiconError, match="spying"):
            validate(FunctionsFile, data, "functions.json")


class TestConvert:
    @pytest.mark.parametrize(
        ("value", "kind", "expected"),
        [
            (["a", "b"], "frozenset[str]", frozenset({"a", "b"})),
            (["a"], "tuple[str, ...]", ("a",)),
            (["head of"], "tuple[tuple[str, ...], ...]", (("head", "of"),)),
            ({"k": ["a"]}, "dict[str, frozenset[str]]", {"k": frozenset({"a"})}),
            ({"k": [["police", "road"]]}, "dict[str, tuple[tuple[str, ...], ...]]", {"k": (("police", "road"),)}),
        ],
    )
    def test_as_the_field_type_says(self, value, kind, expected):
        assert frozen_value(value, kind) == expected

"""The money lexicon is validated when loaded (pipeline/nlp/money_lexicon.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.config import models_dir
from pipeline.nlp.lexicon import LexiconError
from pipeline.nlp.money_lexicon import load_money_lexicon


@pytest.fixture
def folder(tmp_path):
    for name in ("money.json", "words.json"):
        shutil.copy(models_dir() / name, tmp_path / name)
    return tmp_path


def edit(folder, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


class TestLoadMoneyLexicon:
    def test_the_shipped_lexicons_load(self):
        lexicon, words = load_money_lexicon()
        assert lexicon.kinds["savings"] and words.number_words["two"] == 2

    @pytest.mark.parametrize(
        ("name", "change", "message"),
        [
            ("money.json", lambda d: d.pop("collective"), "key 'collective': field required"),
            ("money.json", lambda d: d["periods"].pop("units"), "key 'periods.units': field required"),
            ("money.json", lambda d: d["kinds"].update(windfall=["lottery"]), "kinds not in the contract: ['windfall']"),
            ("money.json", lambda d: d["kind_priority"].remove("budget"), "key 'kind_priority'"),
            ("money.json", lambda d: d["periods"]["deadline_prepositions"].append("after"),
             "key 'periods.deadline_prepositions'"),
            ("money.json", lambda d: d.update(max_cue_distance="far"), "key 'max_cue_distance'"),
            ("words.json", lambda d: d.pop("months"), "key 'months': field required"),
            ("words.json", lambda d: d["number_words"].update(two="deux"), "key 'number_words.two'"),
        ],
    )
    def test_a_bad_key_is_named_with_the_file(self, folder, name, change, message):
        edit(folder, name, change)
        with pytest.raises(LexiconError) as caught:
            load_money_lexicon(str(folder))
        assert str(folder / name) in str(caught.value) and message in str(caught.value)

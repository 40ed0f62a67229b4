"""The job concerns lexicon is validated when loaded (pipeline/nlp/job_cues.py)."""

from __future__ import annotations

import json
import shutil

import pytest

from pipeline.config import models_dir
from pipeline.nlp.job_cues import PHRASE_LABELS, JobCues, JobsLexicon, load_cues
from pipeline.nlp.lexicon import LexiconError, load_lexicon, load_words


@pytest.fixture
def folder(tmp_path):
    for name in ("jobs.json", "words.json"):
        shutil.copy(models_dir() / name, tmp_path / name)
    return tmp_path


def edit(folder, name: str, change) -> None:
    path = folder / name
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


class TestLoadCues:
    def test_the_shipped_lexicons_load(self):
        cues = load_cues()
        assert {"job", "post", "redundancy"} <= cues.job_nouns
        assert cues.speech_verbs == frozenset(load_words().speech_verbs)  # the shared list, not a copy
        assert set(cues.phrases) == set(PHRASE_LABELS)

    @pytest.mark.parametrize(
        ("name", "change", "message"),
        [
            ("jobs.json", lambda d: d.pop("job_nouns"), "key 'job_nouns': field required"),
            ("jobs.json", lambda d: d.update(clause_links="conj"), "key 'clause_links'"),
            ("jobs.json", lambda d: d["union_roles"].append("shop_steward"), "roles not in the contract: ['shop_steward']"),
            ("words.json", lambda d: d.pop("speech_verbs"), "key 'speech_verbs': field required"),
        ],
    )
    def test_a_bad_key_is_named_with_the_file(self, folder, name, change, message):
        edit(folder, name, change)
        with pytest.raises(LexiconError) as caught:
            load_cues(str(folder))
        assert str(folder / name) in str(caught.value) and message in str(caught.value)


@pytest.fixture(scope="module")
def lexicons():
    return load_lexicon(JobsLexicon, "jobs.json"), load_words()


class TestJobCuesFromLexicons:
    def test_settings_are_kept(self, lexicons):
        cues = JobCues.from_lexicons(*lexicons, governor_hops=5, predicate_hops=1)
        assert (cues.governor_hops, cues.predicate_hops) == (5, 1)

    def test_words_that_govern_a_job_are_of_loss_or_keeping(self, lexicons):
        cues = JobCues.from_lexicons(*lexicons)
        assert cues.governing == cues.loss_words | cues.keep_words | cues.offer_words
        assert {"cut", "protect"} <= cues.governing

    @pytest.mark.parametrize(
        ("possible", "before"),
        [(["may", "up to"], (("up", "to"),)), (["may"], ()), (["as many as", "could"], (("as", "many", "as"),))],
    )
    def test_phrases_of_several_words_are_split(self, lexicons, possible, before):
        lex, words = lexicons
        cues = JobCues.from_lexicons(lex.model_copy(update={"possible": possible}), words)
        assert cues.possible_before == before
        assert cues.possible == frozenset(possible)


class TestJobCuesWords:
    @pytest.mark.parametrize(
        ("text", "token", "expected"), [("Kent Police axes 200 jobs", "axes", "axe"), ("Posts go.", "go", "go")]
    )
    def test_lemma_with_its_fixes(self, nlp, text, token, expected):
        assert load_cues().lemma(next(t for t in nlp(text) if t.text == token)) == expected

    @pytest.mark.parametrize(
        ("text", "token", "expected"),
        [
            ("PCSOs are to be phased out.", "phased", True),
            ("Numbers will come down.", "come", True),
            ("Numbers will come back.", "come", False),
            ("Posts will be cut.", "cut", False),  # a loss word, not a particle loss
        ],
    )
    def test_particle_loss(self, nlp, text, token, expected):
        assert load_cues().particle_loss(next(t for t in nlp(text) if t.text == token)) is expected

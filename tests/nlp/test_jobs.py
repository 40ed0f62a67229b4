"""The job concerns component (pipeline/nlp/jobs.py): settings from the config, the lexicons saved and read
back with the pipeline, the declared contract, the scorer, and how it puts the rules together."""

from __future__ import annotations

import json

import pytest
from spacy.training import Example

from pipeline.nlp.job_classifier import SETTINGS_FILE, WEIGHTS_FILE
from pipeline.nlp.job_cues import GOVERNOR_HOPS, load_cues
from pipeline.nlp.job_speakers import Speakers
from pipeline.nlp.jobs import COMPONENT, JobConcernFinder, sentence_concern, sentence_hits, with_losses
from pipeline.nlp.lexicon import LexiconError
from pipeline.nlp.sentences import content_sentences

IMPACT = "He said the impact on jobs would be known later."


def stances(doc) -> list[str]:
    return [j["stance"] for j in doc._.job_concerns]


class TestJobConcernFinder:
    def test_from_disk_reads_the_saved_lexicon(self, nlp, tmp_path):
        finder = JobConcernFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        assert {p.name for p in tmp_path.iterdir()} == {"jobs.json", "words.json", WEIGHTS_FILE, SETTINGS_FILE}
        saved = json.loads((tmp_path / "jobs.json").read_text(encoding="utf-8"))
        saved["job_nouns"].remove("post")
        (tmp_path / "jobs.json").write_text(json.dumps(saved), encoding="utf-8")
        text = "Eighty posts will go by March."
        assert stances(finder(nlp(text))) == ["confirmed"]
        assert stances(finder.from_disk(tmp_path)(nlp(text))) == []

    def test_the_saved_classifier_is_read_back(self, nlp, tmp_path):
        finder = JobConcernFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        settings = json.loads((tmp_path / SETTINGS_FILE).read_text(encoding="utf-8"))
        (tmp_path / SETTINGS_FILE).write_text(json.dumps({**settings, "add_threshold": 0.0}), encoding="utf-8")
        text = "The weather was fine. Officers left the parade early."
        assert stances(finder(nlp(text))) == []
        assert len(stances(finder.from_disk(tmp_path)(nlp(text)))) == 1  # every candidate with a word of change added

    def test_without_a_classifier_the_rules_decide(self, nlp, tmp_path):
        finder = JobConcernFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        (tmp_path / WEIGHTS_FILE).unlink()
        assert finder.from_disk(tmp_path).classifier is None
        assert stances(finder(nlp("Eighty posts will go by March."))) == ["confirmed"]

    def test_a_saved_stage_without_its_words_is_an_error(self, nlp, tmp_path):
        finder = JobConcernFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        (tmp_path / "words.json").unlink()
        with pytest.raises(LexiconError, match=r"lacks words\.json"):
            finder.from_disk(tmp_path)

    @pytest.mark.parametrize(("hops", "found"), [(1, []), (2, ["confirmed"]), (3, ["confirmed"])])
    def test_governor_hops_from_the_config(self, nlp, hops, found):
        finder = JobConcernFinder(nlp, COMPONENT, governor_hops=hops)
        finder.classifier = None  # the rules alone: the classifier may accept what they leave
        assert stances(finder(nlp(IMPACT))) == found

    def test_the_factory_takes_the_settings(self, nlp):
        assert nlp.get_pipe_config(COMPONENT)["governor_hops"] == GOVERNOR_HOPS
        assert nlp.get_pipe(COMPONENT).cues.governor_hops == GOVERNOR_HOPS

    def test_a_headline_is_its_own_item(self, nlp):
        doc = nlp("Forces to axe 30 posts in merger\n\nThirty posts will go when the two forces merge.")
        assert [j["text"][:6] for j in doc._.job_concerns] == ["Forces", "Thirty"]

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Officers were redeployed to the protest. Crowds gathered in the square.", []),
            ("Forty posts will go. All officers affected will be redeployed to other areas.", ["confirmed", "ruled_out"]),
        ],
    )
    def test_people_redeployed_only_beside_other_job_sentences(self, nlp, text, expected):
        assert stances(nlp(text)) == expected


class TestDeclared:
    def test_assigns_and_requires(self, nlp):
        meta = nlp.get_pipe_meta(COMPONENT)
        assert meta.assigns == ["doc._.job_concerns"]
        assert {"doc._.quotes", "doc._.officials", "token.tag"} <= set(meta.requires)


class TestScorer:
    def test_facts_compared_by_offsets_and_stance(self, nlp):
        text = "Eighty posts will go by March."
        predicted, reference = nlp(text), nlp(text)
        scorer = nlp.get_pipe(COMPONENT).scorer
        assert scorer([Example(predicted, reference)])["job_concerns_f"] == 1.0
        reference._.job_concerns = [{**reference._.job_concerns[0], "stance": "possible"}]
        assert scorer([Example(predicted, reference)])["job_concerns_f"] == 0.0


class TestJobPhrases:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Police Scotland presses on with 400 officer cuts.", ["confirmed"]),
            ("The staff cuts will go ahead.", ["confirmed"]),
            ("The officer training budget was cut.", []),  # a budget, not officers
            ("Further reductions in staffing will be needed.", ["confirmed"]),
            ("They will keep the question of staffing under review.", []),  # staffing is no job noun of its own
        ],
    )
    def test_a_people_noun_before_a_loss_noun(self, nlp, text, expected):
        assert stances(nlp(text)) == expected


class TestSentenceHits:
    def test_matches_by_sentence_and_label(self, nlp):
        doc = nlp("Jobs may go. It is unclear. Nothing else.")
        sentences = list(content_sentences(doc))
        matches = [("concern", 0, 1), ("uncertain", 6, 7), ("uncertain", 2, 5)]  # the last one spans two sentences
        assert [hits for _, hits in sentence_hits(sentences, matches)] == [
            {"concern": [(0, 1)]}, {"uncertain": [(6, 7)]}, {},
        ]


class TestSentenceConcern:
    def test_the_record(self, nlp):
        sent = next(nlp("Eighty posts will go by March.").sents)
        assert sentence_concern(sent, {}, Speakers([], []), load_cues()) == {
            "stance": "confirmed", "speaker": None, "start_char": 0, "end_char": 30,
            "text": "Eighty posts will go by March.",
        }

    def test_no_job_no_concern(self, nlp):
        sent = next(nlp("The force will recruit 300 officers.").sents)
        assert sentence_concern(sent, {}, Speakers([], []), load_cues()) is None

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Asked whether jobs would be lost, the chief constable said 30 posts might go.", "possible"),
            ("The panel asked whether jobs would be lost.", "uncertain"),
        ],
    )
    def test_the_answer_to_a_reported_question(self, nlp, text, expected):
        sent = next(nlp(text).sents)
        whether = next(t.i for t in sent if t.text == "whether")
        hits = {"uncertain": [(whether, whether + 1)]}
        assert sentence_concern(sent, hits, Speakers([], []), load_cues())["stance"] == expected


class TestWithLosses:
    @pytest.mark.parametrize(
        ("moved", "kept"),
        [([True], []), ([True, False], [0, 1]), ([False, True, True], [0, 1, 2]), ([False], [0]), ([], [])],
    )
    def test_people_moved_only_beside_another_job_sentence(self, moved, kept):
        found = [({"start_char": i}, flag) for i, flag in enumerate(moved)]
        assert [c["start_char"] for c in with_losses(found)] == kept

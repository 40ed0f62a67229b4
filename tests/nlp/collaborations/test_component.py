"""The collaborations component (pipeline.nlp.collaborations.component): settings from the config, the
lexicon saved and read back with the pipeline, the declared contract, the scorer."""

from __future__ import annotations

import json

import pytest
from spacy.training import Example

from pipeline.nlp.collaborations.component import COMPONENT, CollaborationFinder, body_start
from pipeline.nlp.collaborations.mentions import list_groups
from pipeline.nlp.lexicon import LexiconError
from tests.counting import CountingTuple

ALLIANCE = "Kent Police and Essex Police formed an alliance."


class TestCollaborationFinder:
    def test_from_disk_reads_the_saved_lexicon(self, nlp, tmp_path):
        finder = CollaborationFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        assert {p.name for p in tmp_path.iterdir()} == {"collaborations.json", "words.json", "forces.json"}
        saved = json.loads((tmp_path / "collaborations.json").read_text(encoding="utf-8"))
        saved["cue_lemmas"].remove("alliance")
        (tmp_path / "collaborations.json").write_text(json.dumps(saved), encoding="utf-8")
        assert len(finder(nlp(ALLIANCE))._.collaborations) == 1
        assert finder.from_disk(tmp_path)(nlp(ALLIANCE))._.collaborations == []

    def test_a_saved_stage_without_its_lexicon_is_an_error(self, nlp, tmp_path):
        finder = CollaborationFinder(nlp, COMPONENT)
        finder.to_disk(tmp_path)
        (tmp_path / "words.json").unlink()
        with pytest.raises(LexiconError, match=r"lacks words\.json"):
            finder.from_disk(tmp_path)

    @pytest.mark.parametrize(("forward", "found"), [(0, []), (1, []), (2, [{"Durham Constabulary", "Cleveland Police",
                                                                              "North Yorkshire Police"}])])
    def test_forward_sentences_from_the_config(self, nlp, forward, found):
        text = (
            "The three forces will share custody. A spokesman for Kent Police declined to comment. "
            "Durham Constabulary, Cleveland Police and North Yorkshire Police are the three."
        )
        finder = CollaborationFinder(nlp, COMPONENT, forward_sentences=forward)
        assert [set(c["forces"]) for c in finder(nlp(text))._.collaborations] == found

    def test_the_factory_takes_the_setting(self, nlp):
        assert nlp.get_pipe_config(COMPONENT)["forward_sentences"] == 3
        assert nlp.get_pipe(COMPONENT).forward_sentences == 3


    def test_the_article_force_comes_from_the_context(self, nlp):
        doc = nlp("Kent Police has a new chief. The force will share its dog unit with Essex Police.")
        finder = nlp.get_pipe(COMPONENT)
        assert [c["forces"] for c in doc._.collaborations] == [["Essex Police", "Kent Police"]]
        doc._.ranked_forces = ["Essex Police", "Kent Police"]  # 'the force' is then Essex Police, named with it
        assert finder(doc)._.collaborations == []


class TestDeclared:
    def test_assigns_and_requires(self, nlp):
        meta = nlp.get_pipe_meta(COMPONENT)
        assert meta.assigns == ["doc._.collaborations"]
        assert {"doc.spans", "doc._.ranked_forces", "doc._.headline_end"} <= set(meta.requires)


class TestScorer:
    def test_facts_compared_by_offsets_and_forces(self, nlp):
        predicted, reference = nlp(ALLIANCE), nlp(ALLIANCE)
        scorer = nlp.get_pipe(COMPONENT).scorer
        assert scorer([Example(predicted, reference)])["collaborations_f"] == 1.0
        reference._.collaborations = [{**reference._.collaborations[0], "forces": ["Kent Police", "Surrey Police"]}]
        assert scorer([Example(predicted, reference)])["collaborations_f"] == 0.0


class TestBodyStart:
    @pytest.mark.parametrize(("text", "first"), [("Kent and Essex merge\n\nThe two forces merged.", "\n\n"),
                                                 ("The two forces merged. Kent said so.", "The")])
    def test_first_token_after_the_headline(self, nlp, text, first):
        doc = nlp(text)
        assert doc[body_start(doc)].text == first


class TestHostileInput:
    def test_each_list_of_forces_is_read_a_few_times_not_once_per_part(self, nlp, monkeypatch):
        from pipeline.nlp.collaborations import component

        made = []

        def counting_groups(*args):
            made.append(CountingTuple(list_groups(*args)))
            return made[-1]

        monkeypatch.setattr(component, "list_groups", counting_groups)
        text = "\n\n".join(f"Kent Police and Essex Police will share unit {i}. The two forces agreed." for i in range(40))
        doc = nlp(text)
        assert [set(c["forces"]) for c in doc._.collaborations] == [{"Kent Police", "Essex Police"}]
        assert made[-1].reads <= 3 * len(made[-1])  # was every list for every sentence part: 80 x 40


class TestListedLines:
    def test_each_line_of_forces_after_an_announcement_is_a_collaboration(self, nlp):
        text = ("Nine forces are to be amalgamated into three, the Home Secretary said.\n\nThe groupings are:\n\n"
                "Humberside, North Yorkshire, South Yorkshire and West Yorkshire\n\nSurrey and Sussex\n\n"
                "Police authorities have until August to object.")
        found = [sorted(c["forces"]) for c in nlp(text)._.collaborations]
        assert found == [
            ["Humberside Police", "North Yorkshire Police", "South Yorkshire Police", "West Yorkshire Police"],
            ["Surrey Police", "Sussex Police"],
        ]

    def test_labelled_lines_two_sentences_after_the_cue(self, nlp):
        text = ("Thirty forces are to take part in a programme of joint projects. Each can receive £500,000.\n\n"
                "The schemes are:\n\nSurrey and Sussex: an integrated specialist operations command\n\n"
                "Cleveland and Durham: a joint firearms unit")
        found = [sorted(c["forces"]) for c in nlp(text)._.collaborations]
        assert found == [["Surrey Police", "Sussex Police"], ["Cleveland Police", "Durham Constabulary"]]

    def test_lines_of_forces_without_an_announcement_are_none(self, nlp):
        text = "Results by force:\n\nSurrey and Sussex\n\nKent and Essex\n\nMore arrests were made than last year."
        assert nlp(text)._.collaborations == []


class TestArrangementWith:
    def test_an_arrangement_with_a_force_is_a_cue(self, nlp):
        text = ("Gloucestershire Constabulary is to pass its mounted policing to West Midlands Police. Under the "
                "arrangement with West Midlands Police, the larger force will provide mounted support in Gloucestershire.")
        assert [sorted(c["forces"]) for c in nlp(text)._.collaborations] == [
            ["Gloucestershire Constabulary", "West Midlands Police"]
        ]

    def test_arrangements_alone_are_not(self, nlp):
        text = "Kent Police and Essex Police made arrangements for the royal visit."
        assert nlp(text)._.collaborations == []

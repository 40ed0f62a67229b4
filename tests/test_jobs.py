from __future__ import annotations

import pytest

from pipeline.contract import JOB_STANCES
from pipeline.nlp.job_clauses import clause_governors
from pipeline.nlp.job_cues import load_cues
from pipeline.nlp.job_speakers import speaker_of, speaker_role
from pipeline.nlp.jobs import COMPONENT


def concerns(nlp, text: str) -> list[tuple[str, str]]:
    return [(j["stance"], j["text"]) for j in nlp(text)._.job_concerns]


def stance(nlp, sentence: str) -> str | None:
    found = concerns(nlp, sentence)
    assert len(found) <= 1
    return found[0][0] if found else None


class TestLoadCues:
    def test_cue_lists(self):
        cues = load_cues()
        assert {"job", "post", "redundancy"} <= cues.job_nouns
        assert {"lose", "cut", "go"} <= cues.loss_words
        assert cues.phrases["uncertain"] and cues.phrases["concern"] and cues.phrases["ruled_out"]


class TestJobConcernFinder:
    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            # uncertain
            ("It remains unclear if the merger could lead to job losses in the coming years.", "uncertain"),
            ("It is too early to say whether any posts will go.", "uncertain"),
            ("The forces are not making any decisions around potential reductions in jobs.", "uncertain"),
            ("No decision has yet been taken on how many posts will be cut.", "uncertain"),
            ("Staff face an anxious wait to find out whether their jobs will survive.", "uncertain"),
            # ruled_out
            ("There will be no redundancies, the chief constable said.", "ruled_out"),
            ("Nobody will lose their job as a result of the merger.", "ruled_out"),
            ("The agreement does not involve any compulsory redundancies.", "ruled_out"),
            ("The merger will not lead to job losses, the commissioner said.", "ruled_out"),
            ("Police staff jobs will be protected, the commissioner promised.", "ruled_out"),
            ("Staff were told their jobs were safe.", "ruled_out"),
            # concern
            ('"Our concern is it will lead to further job reductions," the chairman said.', "concern"),
            ("Our members fear that more civilian jobs will be cut.", "concern"),
            ("Unison has warned that hundreds of police staff posts could follow.", "concern"),
            ('"I am worried about the job losses," she said.', "concern"),
            ("A spokesman for the Police Federation said the plan would cost officers their jobs.", "concern"),
            # possible
            ("Jobs may go as the departments merge.", "possible"),
            ("Up to 30 civilian posts are at risk.", "possible"),
            ("The plans could put 50 jobs at risk.", "possible"),
            ("The report warns that some specialist posts may be lost.", "possible"),
            ("Bosses have not ruled out redundancies.", "possible"),
            ("Eighty jobs are expected to go by 2020.", "possible"),
            ("The union said jobs would not be safe under the plan.", "possible"),
            # confirmed
            ("Eighty posts will go by March.", "confirmed"),
            ("Some jobs will inevitably be lost.", "confirmed"),
            ("The force has cut 200 posts since 2010.", "confirmed"),
            ("The restructure will see 40 police staff posts axed.", "confirmed"),
            ("The force announced a 10 per cent cut in staff.", "confirmed"),
            ("About 50 police community support officers were made redundant last year.", "confirmed"),
            ("The force will lose 300 officers over the next four years.", "confirmed"),
            ("The number of police officers has fallen by 20,000 since 2010.", "confirmed"),
        ],
    )
    def test_stance(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Twelve vacant posts will not be filled.", "confirmed"),
            ("Officers who retire will not be replaced.", "confirmed"),
            ("The 20 vacancies in the control room will be left unfilled.", "confirmed"),
            ("Thirty posts will be frozen.", "confirmed"),
            ("Most of the posts that will go are already vacant.", "confirmed"),
            ("Some of the detective posts may not be refilled.", "possible"),
        ],
    )
    def test_posts_left_empty_are_lost(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        "sentence",
        [
            "Vacant posts will be filled by the summer.",
            "Retiring officers will be replaced.",
            "The force has 40 vacancies.",
        ],
    )
    def test_posts_filled_are_not_lost(self, nlp, sentence):
        assert concerns(nlp, sentence) == []

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("The force will cut 40 analysts.", "confirmed"),
            ("The force said it would cut 12 investigators and six trainers.", "confirmed"),
            ("The review will axe 15 sergeants.", "confirmed"),
            ("If the merger goes ahead, 50 posts will go.", "possible"),
            ("If jobs are cut, residents will notice.", "possible"),
            ("If the force cuts more detectives, the public will suffer, the Federation chairman said.", "possible"),
        ],
    )
    def test_people_lost_and_conditional_losses(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        "sentence",
        [
            "The detectives were praised by the judge.",
            "The inspector lost his appeal.",
            "The force is recruiting more detectives.",
            "Two detectives were cut free from the wreckage.",
            "The inspector was replaced as head of the unit.",
        ],
    )
    def test_people_not_lost(self, nlp, sentence):
        assert concerns(nlp, sentence) == []

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("We cannot cut more sergeants without hurting the public.", "concern"),
            ('"You can\'t keep losing constables and expect crime to fall," the chairman said.', "concern"),
            ("No officer posts will be cut under the agreement.", "ruled_out"),
            ("The force will not lose any officers.", "ruled_out"),
            ("Police staff posts cannot be cut under the terms of the deal.", "ruled_out"),
            ("The force cannot afford to lose any more officers, the chairman said.", "concern"),
        ],
    )
    def test_cannot_is_a_protest_not_a_denial(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Asked whether jobs would be lost, the chief constable said 30 posts might go.", "possible"),
            ("Asked whether jobs would be lost, the chief constable said there would be no redundancies.", "ruled_out"),
            ("Questioned on whether staff would go, she said 30 posts would be cut.", "confirmed"),
            ("The panel asked whether jobs would be lost.", "uncertain"),
        ],
    )
    def test_a_reported_question_answered_in_the_sentence(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("It is too soon to say how many posts will go.", "uncertain"),
            ("He said it was far too soon to talk about redundancies.", "uncertain"),
            ("Talk of redundancies is premature, the commissioner said.", "uncertain"),
            ("The union warned that staff jobs could be moved to Leeds or cut altogether.", "concern"),
            ("The plan could see jobs moved to Leeds or lost.", "possible"),
        ],
    )
    def test_more_forms(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        "sentence",
        [
            "Staff will be consulted on the changes before any decision is taken.",
            "Staff face uncertainty while the review is carried out.",
            "Being a police officer is the best job in the world.",
            "Leading the unit is a job I relish.",
            "The public want to know that the job gets done.",
            "The move will create 30 new jobs.",
            "He has held the post of chief constable since 2015.",
            "Around 20 officers will transfer to the new unit.",
            "The force is recruiting 300 officers.",
            "Our officers go to work to protect the public.",
        ],
    )
    def test_not_a_job_concern(self, nlp, sentence):
        assert concerns(nlp, sentence) == []

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Sussex Police will shed more than a hundred people over the coming year.", "confirmed"),
            ("The cuts will leave the force with 73 fewer officers and 26 fewer members of staff.", "confirmed"),
            ("Sixty-two police officers will go from the force over the next year.", "confirmed"),
            ("The total will fall by 16 officers by 2016.", "confirmed"),
            ("The union said the job cuts would hurt morale.", "concern"),
            ("Kent Police axes 200 jobs", "confirmed"),
            ("About 30 posts will be lost through retirement.", "confirmed"),
            ("The force is cutting management to save money.", "confirmed"),
            ("Forty staff were made compulsorily redundant.", "confirmed"),
            ("Up to 60 PCSO posts are likely to be lost.", "possible"),
            ("Jobs at risk", "possible"),
            ("Police staff jobs under threat", "possible"),
            ("An unknown number of posts will be lost.", "confirmed"),
            ("Between 32 and 64 staff will no longer be needed.", "confirmed"),
            ("Around 40 posts will be removed from the two IT departments.", "confirmed"),
            ("The force has about 2,700 officers today and has already lost 400 over the past four years.", "confirmed"),
            ("All 99 police community support officers and 65 staff at risk", "possible"),
            ("Kent Police must find £35m as staff jobs face the axe", "confirmed"),
            ("Up to 500 civilian staff face losing their jobs over the next five months.", "possible"),
            ("The force could lose 800 officer posts if two threats to its funding both come to pass.", "possible"),
            ("Officers cannot be made redundant, so their numbers fall when leavers are not replaced.", "confirmed"),
            ("To close the gap we would have to bring officer numbers below 16,500.", "possible"),
        ],
    )
    def test_newspaper_wording(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        ("sentence", "expected"),
        [
            ("Unless funding improves, the force will lose 200 officers.", "possible"),
            ("The federation said 300 officers will be cut.", "concern"),
            ("About 175 jobs are at risk.", "possible"),
            ("Under the proposals, 68 back-office staff would lose their jobs.", "possible"),
            ("We don't see it costing jobs, he said.", "ruled_out"),
            ("No-one will lose their job.", "ruled_out"),
            ("The deal means 40 jobs saved.", "ruled_out"),
            ("Officer numbers will be maintained.", "ruled_out"),
            ("The force dropped its plan to cut 200 posts.", "ruled_out"),
            ("Nobody will be made redundant, but 40 posts will go through natural wastage.", "confirmed"),
        ],
    )
    def test_stance_order(self, nlp, sentence, expected):
        assert stance(nlp, sentence) == expected

    @pytest.mark.parametrize(
        "sentence",
        [
            "A freeze on recruitment will limit next year's intake.",
            "Staff face a pay freeze for the second year.",
            "The 40 vacancies will be filled by April.",
            "The constable was dismissed for gross misconduct.",
            "The officer lost his job after being convicted of fraud.",
            "The crash cost two officers their lives.",
            "Fewer officers were injured this year.",
            "Dozens of officers left the building after the alarm.",
            "The force will keep officers safe.",
            "Officers were redeployed to the protest.",
            "He highlighted his concerns about the precarious financial position of the service.",
            "One officer had done an outstanding job of bringing the footage together.",
            "The money saved will pay for 81 additional police officers and 16 new staff posts.",
            "About 85 per cent of the authority's spending goes on its workforce.",
            "A sergeant with two decades in the job was reduced to the rank of constable.",
            "Eighteen officers were removed for belonging to a discriminatory WhatsApp group.",
            "The campaign aims to cut the number of people killed and seriously injured on the roads.",
            "The force has 2,700 officers and lost £400 on the deal.",
            "Officers at risk of assault were given body cameras.",
        ],
    )
    def test_not_a_job_concern_either(self, nlp, sentence):
        assert concerns(nlp, sentence) == []

    def test_one_item_per_sentence_with_the_whole_sentence(self, nlp):
        text = (
            "The forces will share custody. Around 40 posts will be removed and 10 jobs will be cut. "
            "It is unclear whether more jobs will go."
        )
        doc = nlp(text)
        found = doc._.job_concerns
        assert [j["stance"] for j in found] == ["confirmed", "uncertain"]
        assert found[0]["text"] == "Around 40 posts will be removed and 10 jobs will be cut."
        assert all(text[j["start_char"] : j["end_char"]] == j["text"] for j in found)
        assert {j["stance"] for j in found} <= set(JOB_STANCES)

    def test_a_headline_restated_by_the_body_is_its_own_item(self, nlp):
        text = "Forces to axe 30 posts in merger\n\nThirty posts will go when the two forces merge their HR teams."
        assert [(s, t[:6]) for s, t in concerns(nlp, text)] == [("confirmed", "Forces"), ("confirmed", "Thirty")]

    def test_a_headline_alone_is_kept(self, nlp):
        text = "Forces to axe 30 posts in merger\n\nThe two forces will merge their HR teams."
        assert [t for _, t in concerns(nlp, text)] == ["Forces to axe 30 posts in merger"]

    def test_speaker_is_the_speaker_of_the_overlapping_quote(self, nlp):
        doc = nlp('"There will be no redundancies," the commissioner said.')
        doc._.quotes = [{"speaker": "Ann Lee", "start_char": 1, "end_char": 30, "text": "There will be no redundancies"}]
        doc = nlp.get_pipe(COMPONENT)(doc)
        assert [(j["stance"], j["speaker"]) for j in doc._.job_concerns] == [("ruled_out", "Ann Lee")]

    def test_no_quotes_no_speaker(self, nlp):
        doc = nlp("Eighty posts will go.")
        doc._.quotes = []
        doc._.officials = []
        doc = nlp.get_pipe(COMPONENT)(doc)
        assert doc._.job_concerns[0]["speaker"] is None

    def test_a_union_speaker_saying_jobs_would_go_is_a_concern(self, nlp):
        doc = nlp("Ann Lee said the plan would cost 40 jobs.")
        doc._.quotes = []
        doc._.officials = [{"name": "Ann Lee", "role": "federation_representative", "start_char": 0, "end_char": 7}]
        doc = nlp.get_pipe(COMPONENT)(doc)
        assert [(j["stance"], j["speaker"]) for j in doc._.job_concerns] == [("concern", "Ann Lee")]


class TestSpeakerOf:
    def test_the_quote_overlapping_most(self, nlp):
        sent = next(nlp("He said posts would go, and she agreed.").sents)
        quotes = [
            {"speaker": "A", "start_char": 0, "end_char": 5},
            {"speaker": "B", "start_char": 3, "end_char": 30},
        ]
        assert speaker_of(sent, quotes, [], frozenset({"say"})) == "B"

    def test_the_official_who_said_it(self, nlp):
        sent = next(nlp("Chief Constable Ann Lee said 40 posts would go.").sents)
        officials = [{"name": "Ann Lee", "start_char": 16, "end_char": 23}]
        assert speaker_of(sent, [], officials, frozenset({"say"})) == "Ann Lee"

    def test_nobody(self, nlp):
        sent = next(nlp("Forty posts will go.").sents)
        assert speaker_of(sent, [], [], frozenset({"say"})) is None


class TestSpeakerRole:
    def test_role_of_a_named_official(self):
        officials = [{"name": "Ann Lee", "role": "federation_representative"}]
        assert speaker_role("Ann Lee", officials) == "federation_representative"
        assert speaker_role(None, officials) is None
        assert speaker_role("Bob Day", officials) is None


class TestClauseGovernors:
    def test_up_to_the_verb_of_the_clause(self, nlp):
        doc = nlp("He said the impact on jobs would be known later.")
        jobs = next(t for t in doc if t.text == "jobs")
        cues = load_cues()
        assert [t.text for t in clause_governors(jobs, cues.clause_links, cues.governor_hops)] == ["on", "impact", "known"]


class TestHostileInput:
    SENTENCE = "The forces said it was too early to say whether any HR, payroll or purchasing posts would be affected."

    def test_a_run_of_symbols_before_the_sentence(self, nlp):
        from pipeline.nlp.jobs import COMPONENT, JobConcernFinder

        finder = JobConcernFinder(nlp, COMPONENT)
        finder.classifier = None  # the rules under test; the classifier reads the run as part of the sentence
        found = [(j["stance"], j["text"]) for j in finder(nlp("£ " * 150 + self.SENTENCE))._.job_concerns]
        assert [s for s, _ in found] == ["uncertain"]
        assert found[0][1].endswith("would be affected.")

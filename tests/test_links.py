"""Pairwise scoring of links across articles (pipeline/evaluation/links.py)."""

from __future__ import annotations

from pipeline.evaluation.links import link_details, link_score, pair_collaborations, score_links


class TestLinkScore:
    def test_pairs_of_different_articles_only(self):
        score = link_score([
            ("a", "evolve", "e1"), ("b", "evolve", "e1"),  # found
            ("c", "evolve", None),  # missed twice (with a and b)
            ("a", "tri-force", "t1"), ("d", "bch", "t1"),  # wrong
            ("d", "tri-force", "x"),  # missed (with a)
        ])
        assert (score.tp, score.fp, score.fn) == (1, 1, 3)
        assert score.not_extracted == 2  # c's two missed links: c was not extracted
        assert round(score.f1, 3) == round(2 * 0.5 * 0.25 / 0.75, 3)


class TestPairCollaborations:
    def test_same_forces_and_the_same_name_first(self):
        gold = [{"forces": ["Kent Police", "Essex Police"], "name": "Serious Crime Directorate"}]
        pred = [{"forces": ["Essex Police", "Kent Police"], "name": None},
                {"forces": ["Essex Police", "Kent Police"], "name": "Serious Crime Directorate"}]
        assert pair_collaborations(gold, pred) == [(gold[0], pred[1])]


class TestScoreLinks:
    def test_stage_accuracy_and_people(self):
        gold = {
            "1.txt": {"collaborations": [{"forces": ["A", "B"], "collaboration_id": "ab", "stage": "agreed"}],
                      "officials": [{"name": "Jane Doe", "person_id": "jane-doe"}]},
            "2.txt": {"collaborations": [{"forces": ["A", "B"], "collaboration_id": "ab", "stage": "ended"}],
                      "officials": [{"name": "Jane Doe", "person_id": "jane-doe"}]},
        }
        pred = {
            "1.txt": {"collaborations": [{"forces": ["A", "B"], "collaboration_id": "x", "stage": "agreed"}],
                      "officials": [{"name": "Jane Doe", "person_id": "p1"}]},
            "2.txt": {"collaborations": [{"forces": ["A", "B"], "collaboration_id": "x", "stage": "operating"}],
                      "officials": [{"name": "Jane Doe", "person_id": "p2"}]},
        }
        links = score_links(gold, pred)
        assert (links["collaborations"].tp, links["collaborations"].stage_accuracy) == (1, 0.5)
        assert (links["people"].tp, links["people"].fn) == (0, 1)


class TestPairCollaborationsOrder:
    def test_a_named_pair_comes_before_an_unnamed_gold_item(self):
        gold = [{"forces": ["A", "B"], "name": None}, {"forces": ["A", "B"], "name": "strategic alliance"}]
        pred = [{"forces": ["A", "B"], "name": "Strategic Alliance"}]
        assert pair_collaborations(gold, pred) == [(gold[0], None), (gold[1], pred[0])]

    def test_no_name_is_no_shared_name(self):
        gold = [{"forces": ["A", "B"], "name": "joint custody programme"}, {"forces": ["A", "B"], "name": None}]
        pred = [{"forces": ["A", "B"], "name": None}]
        assert pair_collaborations(gold, pred) == [(gold[0], pred[0]), (gold[1], None)]


class TestLinkDetails:
    def test_split_and_joined_entities(self):
        details = link_details([
            ("a", "evolve", "e1"), ("b", "evolve", "e2"), ("c", "evolve", None),
            ("a", "bch", "t1"), ("d", "tri-force", "t1"),
            ("a", "titan", "x"), ("b", "titan", "x"),  # found: not listed
        ])
        assert details == ["split evolve: a -> e1; b -> e2; c -> not extracted",
                           "joined t1: a = bch; d = tri-force"]

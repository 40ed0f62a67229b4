"""Linking across articles, scored pairwise: are two mentions in different articles the same
collaboration (the same person)?

Gold items are paired with predicted items of their article (collaborations by their set of
forces, a same name first; officials by name), then every pair of gold items from two different
articles is a link when they share a key (``collaboration_id``, ``person_id``), and a predicted
link when both are paired and their predicted keys are equal. Precision, recall and F1 count
these pairs; a gold item with no predicted partner can only lose recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from pipeline.contract import name_key
from pipeline.evaluation.counts import Counts


@dataclass
class LinkScore(Counts):
    stage_ok: int = 0
    stage_n: int = 0

    @property
    def stage_accuracy(self) -> float | None:
        return self.stage_ok / self.stage_n if self.stage_n else None

    def as_dict(self) -> dict:
        out = {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
               "tp": self.tp, "fp": self.fp, "fn": self.fn}
        if self.stage_accuracy is not None:
            out["stage_accuracy"] = round(self.stage_accuracy, 3)
        return out


def _forces(item: dict) -> frozenset[str]:
    return frozenset(" ".join(name_key(f).split()) for f in item.get("forces") or [])


def pair_collaborations(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold collaboration with the predicted one of the same forces (the same name first), or None."""
    free = list(range(len(pred)))
    out = []
    for g in gold:
        same = [i for i in free if _forces(pred[i]) == _forces(g)]
        named = [i for i in same if name_key(pred[i].get("name")) == name_key(g.get("name"))]
        hit = (named or same or [None])[0]
        if hit is not None:
            free.remove(hit)
        out.append((g, pred[hit] if hit is not None else None))
    return out


def pair_officials(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold official with the predicted official of the same name, or None."""
    by_name = {name_key(p.get("name")): p for p in pred}
    return [(g, by_name.get(name_key(g.get("name")))) for g in gold]


def link_score(items: list[tuple[str, str, str | None]]) -> LinkScore:
    """Pairwise links over (article, gold key, predicted key or None), pairs of different articles only."""
    score = LinkScore()
    for (art_a, gold_a, pred_a), (art_b, gold_b, pred_b) in combinations(items, 2):
        if art_a == art_b:
            continue
        same_gold = gold_a == gold_b
        same_pred = pred_a is not None and pred_a == pred_b
        score.tp += same_gold and same_pred
        score.fp += same_pred and not same_gold
        score.fn += same_gold and not same_pred
    return score


def score_links(gold_docs: dict[str, dict], predictions: dict[str, dict]) -> dict[str, LinkScore]:
    """Collaboration and person links over a gold set (items without a gold key are left out)."""
    collabs, people, stage_ok, stage_n = [], [], 0, 0
    for name in sorted(gold_docs):
        gold, pred = gold_docs[name], predictions.get(name) or {}
        for g, p in pair_collaborations(gold.get("collaborations") or [], pred.get("collaborations") or []):
            if g.get("collaboration_id"):
                collabs.append((name, g["collaboration_id"], p.get("collaboration_id") if p else None))
            if p is not None and g.get("stage"):
                stage_n += 1
                stage_ok += g["stage"] == p.get("stage")
        for g, p in pair_officials(gold.get("officials") or [], pred.get("officials") or []):
            if g.get("person_id"):
                people.append((name, g["person_id"], p.get("person_id") if p else None))
    collaborations = link_score(collabs)
    collaborations.stage_ok, collaborations.stage_n = stage_ok, stage_n
    return {"collaborations": collaborations, "people": link_score(people)}

"""Linking across articles, scored pairwise: are two mentions in different articles the same
collaboration (the same person)?

Gold items are paired with predicted items of their article (collaborations by their set of
forces, a same name first; officials by name), then every pair of gold items from two different
articles is a link when they share a key (``collaboration_id``, ``person_id``), and a predicted
link when both are paired and their predicted keys are equal. Precision, recall and F1 count
these pairs; a gold item with no predicted partner can only lose recall.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from pipeline.contract import name_key
from pipeline.evaluation.counts import Counts


@dataclass
class LinkScore(Counts):
    stage_ok: int = 0
    stage_n: int = 0
    not_extracted: int = 0  # of the links missed, those with an item no predicted item was paired with
    details: list[str] = field(default_factory=list)  # the links missed and the wrong ones, for --details

    @property
    def stage_accuracy(self) -> float | None:
        return self.stage_ok / self.stage_n if self.stage_n else None

    def as_dict(self) -> dict:
        out = {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
               "tp": self.tp, "fp": self.fp, "fn": self.fn, "fn_not_extracted": self.not_extracted}
        if self.stage_accuracy is not None:
            out["stage_accuracy"] = round(self.stage_accuracy, 3)
        return out


def _forces(item: dict) -> frozenset[str]:
    return frozenset(" ".join(name_key(f).split()) for f in item.get("forces") or [])


def pair_collaborations(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold collaboration with the predicted one of the same forces, or None: first the pairs that
    also share a name, then the rest in order (so an unnamed gold item does not take the predicted item
    a named one of the same forces is)."""
    free = list(range(len(pred)))
    hits: dict[int, int] = {}
    for named_only in (True, False):
        for gi, g in enumerate(gold):
            if gi in hits:
                continue
            same = [i for i in free if _forces(pred[i]) == _forces(g)]
            if named_only:
                same = [i for i in same if g.get("name") and name_key(pred[i].get("name")) == name_key(g.get("name"))]
            if same:
                hits[gi] = same[0]
                free.remove(same[0])
    return [(g, pred[hits[gi]] if gi in hits else None) for gi, g in enumerate(gold)]


def pair_officials(gold: list[dict], pred: list[dict]) -> list[tuple[dict, dict | None]]:
    """Each gold official with the predicted official of the same name, or None."""
    by_name = {name_key(p.get("name")): p for p in pred}
    return [(g, by_name.get(name_key(g.get("name")))) for g in gold]


Item = tuple[str, str, str | None]  # (article, gold key, predicted key or None when not extracted)


def link_details(items: list[Item]) -> list[str]:
    """Each gold entity of several articles that the prediction splits (with the predicted key of each
    article, 'not extracted' for an item no predicted item was paired with), and each predicted entity
    that joins several gold ones: the causes of the missed and the wrong links."""
    by_gold: dict[str, list[Item]] = defaultdict(list)
    by_pred: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        by_gold[item[1]].append(item)
        if item[2] is not None:
            by_pred[item[2]].append(item)
    out = []
    for key, group in sorted(by_gold.items()):
        if len({a for a, _, _ in group}) > 1 and (len({p for _, _, p in group}) > 1 or group[0][2] is None):
            shown = "; ".join(f"{a} -> {p or 'not extracted'}" for a, _, p in sorted(group))
            out.append(f"split {key}: {shown}")
    for key, group in sorted(by_pred.items()):
        if len({g for _, g, _ in group}) > 1 and len({a for a, _, _ in group}) > 1:
            shown = "; ".join(f"{a} = {g}" for a, g, _ in sorted(group))
            out.append(f"joined {key}: {shown}")
    return out


def link_score(items: list[Item]) -> LinkScore:
    """Pairwise links over (article, gold key, predicted key or None), pairs of different articles only."""
    score = LinkScore(details=link_details(items))
    for (art_a, gold_a, pred_a), (art_b, gold_b, pred_b) in combinations(items, 2):
        if art_a == art_b:
            continue
        same_gold = gold_a == gold_b
        same_pred = pred_a is not None and pred_a == pred_b
        score.tp += same_gold and same_pred
        score.fp += same_pred and not same_gold
        score.fn += same_gold and not same_pred
        score.not_extracted += same_gold and (pred_a is None or pred_b is None)
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

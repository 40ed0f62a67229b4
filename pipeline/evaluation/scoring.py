"""Scoring an export against gold annotations, with the matching rules of ``../shared/tools/score.py``.

Items are compared by keys, per article, as multisets:

- forces: the force name without the words police/constabulary/service/force/the/of;
- officials: (name without honorifics, role); attribute: the official's force;
- money: (amount, kind), a range counting as its two ends, a repeated figure once; also kind-blind amounts;
- functions: (function, excluded or not); attribute: the status (shared or proposed) of a function found in
  both, right when the prediction gives the function the same statuses as the gold (not scored by the shared
  scorer);
- job concerns: a predicted sentence matches a gold one when it contains the gold quote; attribute: stance;
- collaborations: the set of forces (two or more); attribute: the stage, where the gold gives one.

Beyond the shared scorer: money attribute accuracies (kind, hedged, period, forces) over the gold and predicted
figures paired on amount, since the (amount, kind) key says nothing about a figure's other attributes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.contract import EXPORT_FIELDS, name_key
from pipeline.contract import name_words as words
from pipeline.evaluation.counts import Counts
from pipeline.evaluation.links import LinkScore, score_links

FIELDS = EXPORT_FIELDS
FORCE_NOISE = {"police", "constabulary", "service", "force", "the", "of"}


def force_key(name: str | None) -> str | None:
    if not name:
        return None
    return " ".join(w for w in words(name) if w not in FORCE_NOISE)


def squash(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def keys(field_name: str, items: list) -> Counter:
    """The comparable key of each item of a field, as a multiset."""
    if field_name == "forces":
        return Counter({force_key(f if isinstance(f, str) else f.get("name")) for f in items})
    if field_name == "officials":
        return Counter({(name_key(o.get("name")), o.get("role")) for o in items})
    if field_name == "money":
        return Counter(
            {
                (round(float(m.get(end) or 0)), m.get("kind"))
                for m in items
                for end in ("amount", "amount_high")
                if end == "amount" or m.get(end) is not None
            }
        )
    if field_name == "functions":
        return Counter({(f.get("function"), "excluded" if f.get("status") == "excluded" else "in") for f in items})
    if field_name == "collaborations":
        return Counter(
            {frozenset(force_key(f) for f in c.get("forces") or []) for c in items if len(c.get("forces") or []) >= 2}
        )
    raise ValueError(field_name)


MONEY_ATTRIBUTES = ("kind", "hedged", "period", "forces")


def money_pairs(gold: list, pred: list) -> list[tuple[dict, dict]]:
    """Pairs of (gold, predicted) figures with the same amount, a predicted figure of the same kind first."""
    free = list(range(len(pred)))
    pairs = []
    for g in gold:
        same = [i for i in free if _amount(pred[i]) == _amount(g)]
        hit = next((i for i in same if pred[i].get("kind") == g.get("kind")), same[0] if same else None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, pred[hit]))
    return pairs


def money_attribute(item: dict, name: str) -> object:
    """An attribute in comparable form: forces as a set of force keys, period as trimmed lower text."""
    if name == "forces":
        return frozenset(force_key(f) for f in item.get("forces") or [])
    if name == "period":
        return squash(item.get("period") or "") or None
    if name == "hedged":
        return bool(item.get("hedged"))
    return item.get(name)


def _amount(item: dict) -> int:
    return round(float(item.get("amount") or 0))
def stages(items: list) -> dict[frozenset, str | None]:
    """The stage of each collaboration by its set of force keys (of two with the same forces, the later)."""
    return {frozenset(force_key(f) for f in c.get("forces") or []): c.get("stage") for c in items}


def match_jobs(gold: list, pred: list) -> list[tuple[dict, dict]]:
    """Pairs of (gold, predicted) job concerns: the predicted sentence contains the gold quote."""
    free = list(range(len(pred)))
    pairs = []
    for g in gold:
        quote = squash(g["quote"])
        hit = next((i for i in free if quote in squash(pred[i].get("text") or "")), None)
        if hit is not None:
            free.remove(hit)
            pairs.append((g, pred[hit]))
    return pairs


@dataclass
class FieldScore(Counts):
    """Counts for one field, summed over articles."""

    attr_ok: int = 0
    attr_n: int = 0

    def add(self, other: FieldScore) -> None:
        for name in ("tp", "fp", "fn", "attr_ok", "attr_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def attribute_accuracy(self) -> float | None:
        return self.attr_ok / self.attr_n if self.attr_n else None


@dataclass
class ArticleScore:
    article: str
    fields: dict[str, FieldScore] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)
    money_attributes: dict[str, FieldScore] = field(default_factory=dict)  # attr_ok / attr_n per attribute


def score_article(name: str, gold: dict, pred: dict) -> ArticleScore:
    out = ArticleScore(name)
    for field_name in FIELDS:
        g_items, p_items = gold.get(field_name) or [], pred.get(field_name) or []
        if field_name == "job_concerns":
            pairs = match_jobs(g_items, p_items)
            matched_gold = [id(g) for g, _ in pairs]
            matched_pred = [id(p) for _, p in pairs]
            out.fields[field_name] = FieldScore(
                tp=len(pairs), fp=len(p_items) - len(pairs), fn=len(g_items) - len(pairs),
                attr_ok=sum(g.get("stance") == p.get("stance") for g, p in pairs), attr_n=len(pairs),
            )
            out.missed[field_name] = [f"{g['quote']!r} ({g.get('stance')})" for g in g_items if id(g) not in matched_gold]
            out.spurious[field_name] = [
                f"{p.get('text')!r} ({p.get('stance')})" for p in p_items if id(p) not in matched_pred
            ]
            out.missed[field_name] += [
                f"stance of {g['quote']!r}: gold {g.get('stance')}, predicted {p.get('stance')}"
                for g, p in pairs
                if g.get("stance") != p.get("stance")
            ]
            continue
        g, p = keys(field_name, g_items), keys(field_name, p_items)
        tp = sum((g & p).values())
        score = FieldScore(tp=tp, fp=sum(p.values()) - tp, fn=sum(g.values()) - tp)
        out.missed[field_name] = sorted(map(_show, (g - p).elements()))
        out.spurious[field_name] = sorted(map(_show, (p - g).elements()))
        if field_name == "officials":
            gf = {(name_key(o.get("name")), o.get("role")): force_key(o.get("force")) for o in g_items}
            pf = {(name_key(o.get("name")), o.get("role")): force_key(o.get("force")) for o in p_items}
            both = set(gf) & set(pf)
            score.attr_ok, score.attr_n = sum(gf[k] == pf[k] for k in both), len(both)
            out.missed[field_name] += [f"force of {k[0]}: gold {gf[k]}, predicted {pf[k]}" for k in both if gf[k] != pf[k]]
        if field_name == "functions":
            gs, ps = statuses(g_items), statuses(p_items)
            both = set(gs) & set(ps)
            score.attr_ok, score.attr_n = sum(gs[k] == ps[k] for k in both), len(both)
            out.missed[field_name] += [
                f"status of {k}: gold {'/'.join(sorted(gs[k]))}, predicted {'/'.join(sorted(ps[k]))}"
                for k in sorted(both) if gs[k] != ps[k]
            ]
        if field_name == "collaborations":
            gs = {k: v for k, v in stages(g_items).items() if v}
            ps = stages(p_items)
            both = set(gs) & set(ps)
            score.attr_ok, score.attr_n = sum(gs[k] == ps[k] for k in both), len(both)
            out.missed[field_name] += [f"stage of {_show(k)}: gold {gs[k]}, predicted {ps[k]}" for k in both if gs[k] != ps[k]]
        if field_name == "money":
            ga = Counter(k[0] for k in g.elements())
            pa = Counter(k[0] for k in p.elements())
            out.fields["money_amounts"] = FieldScore(
                tp=sum((ga & pa).values()), fp=sum((pa - ga).values()), fn=sum((ga - pa).values())
            )
            out.money_attributes, wrong = money_attribute_scores(money_pairs(g_items, p_items))
            out.missed[field_name] += wrong
        out.fields[field_name] = score
    return out


def money_attribute_scores(pairs: list[tuple[dict, dict]]) -> tuple[dict[str, FieldScore], list[str]]:
    """Accuracy of each money attribute over the paired figures, and a line for each wrong one
    (a wrong kind already shows as a missed and a spurious key)."""
    scores = {name: FieldScore(attr_n=len(pairs)) for name in MONEY_ATTRIBUTES}
    wrong = []
    for g, p in pairs:
        for name in MONEY_ATTRIBUTES:
            gold, predicted = money_attribute(g, name), money_attribute(p, name)
            if gold == predicted:
                scores[name].attr_ok += 1
            elif name != "kind":
                wrong.append(f"{name} of {_amount(g)} ({g.get('kind')}): gold {_show(gold)}, predicted {_show(predicted)}")
    return scores, wrong


def statuses(items: list) -> dict[str, set[str]]:
    """The statuses each function is given, other than excluded (an excluded function is a key of its own)."""
    out: dict[str, set[str]] = {}
    for item in items:
        if item.get("status") != "excluded":
            out.setdefault(item.get("function"), set()).add(item.get("status"))
    return out


def _show(key: object) -> str:
    if isinstance(key, frozenset):
        return "{" + ", ".join(sorted(str(k) for k in key)) + "}"
    return str(key)


@dataclass
class Report:
    """Totals over a gold set: per-field scores, macro F1, per-article details."""

    totals: dict[str, FieldScore]
    articles: list[ArticleScore]
    missing_articles: list[str]
    money_attributes: dict[str, FieldScore] = field(default_factory=dict)  # over figures paired on amount
    links: dict[str, LinkScore] = field(default_factory=dict)  # same collaboration / person across articles

    @property
    def macro_f1(self) -> float:
        return sum(self.totals[f].f1 for f in FIELDS) / len(FIELDS)

    def as_dict(self) -> dict:
        fields = {}
        for name, s in self.totals.items():
            row = {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                   "tp": s.tp, "fp": s.fp, "fn": s.fn}
            if s.attribute_accuracy is not None:
                row["attribute_accuracy"] = round(s.attribute_accuracy, 3)
            fields[name] = row
        money = {name: round(s.attribute_accuracy, 3) for name, s in self.money_attributes.items()
                 if s.attribute_accuracy is not None}
        return {"articles": len(self.articles), "missing_articles": self.missing_articles, "fields": fields,
                "money_attributes": money, "links": {name: s.as_dict() for name, s in self.links.items()},
                "macro_f1": round(self.macro_f1, 3)}


def score(gold_docs: dict[str, dict], predictions: dict[str, dict]) -> Report:
    """Score predictions (by article file name) against gold documents (by article file name)."""
    totals = {name: FieldScore() for name in (*FIELDS[:3], "money_amounts", *FIELDS[3:])}
    money_attributes = {name: FieldScore() for name in MONEY_ATTRIBUTES}
    articles, missing = [], []
    for name in sorted(gold_docs):
        pred = predictions.get(name)
        if pred is None:
            missing.append(name)
        result = score_article(name, gold_docs[name], pred or {})
        for field_name, counts in result.fields.items():
            totals[field_name].add(counts)
        for name, counts in result.money_attributes.items():
            money_attributes[name].add(counts)
        articles.append(result)
    return Report(totals, articles, missing, money_attributes, score_links(gold_docs, predictions))

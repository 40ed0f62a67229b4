"""Scoring an export against gold annotations, with the matching rules of ``../shared/tools/score.py``.

Items are compared by keys, per article, as multisets:

- forces: the force name without the words police/constabulary/service/force/the/of;
- officials: (name without honorifics, role); attribute: the official's force;
- money: (amount, kind), a range counting as its two ends, a repeated figure once; also kind-blind amounts;
- functions: (function, excluded or not);
- job concerns: a predicted sentence matches a gold one when it contains the gold quote; attribute: stance;
- collaborations: the set of forces (two or more); attribute: the stage, where the gold gives one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from pipeline.contract import EXPORT_FIELDS, name_key
from pipeline.contract import name_words as words

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
class FieldScore:
    """Counts for one field, summed over articles."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attr_ok: int = 0
    attr_n: int = 0

    def add(self, other: FieldScore) -> None:
        for name in ("tp", "fp", "fn", "attr_ok", "attr_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attribute_accuracy(self) -> float | None:
        return self.attr_ok / self.attr_n if self.attr_n else None


@dataclass
class ArticleScore:
    article: str
    fields: dict[str, FieldScore] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)


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
        out.fields[field_name] = score
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
        return {"articles": len(self.articles), "missing_articles": self.missing_articles, "fields": fields,
                "macro_f1": round(self.macro_f1, 3)}


def score(gold_docs: dict[str, dict], predictions: dict[str, dict]) -> Report:
    """Score predictions (by article file name) against gold documents (by article file name)."""
    totals = {name: FieldScore() for name in (*FIELDS[:3], "money_amounts", *FIELDS[3:])}
    articles, missing = [], []
    for name in sorted(gold_docs):
        pred = predictions.get(name)
        if pred is None:
            missing.append(name)
        result = score_article(name, gold_docs[name], pred or {})
        for field_name, counts in result.fields.items():
            totals[field_name].add(counts)
        articles.append(result)
    return Report(totals, articles, missing)

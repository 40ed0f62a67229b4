"""Every gold file of the development corpus follows the contract."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from pipeline.contract import COLLABORATION_STAGES, FUNCTION_STATUSES, FUNCTIONS, JOB_STANCES, MONEY_KINDS, ROLES
from pipeline.gazetteer import load_gazetteer
from pipeline.ingest.reader import article_from_bytes
from tests.conftest import CORPUS

# corpus/ (dev), corpus/holdout, and every later batch corpus/roundN (each scored never-seen, then dev)
BATCHES = [CORPUS / "holdout", *sorted(CORPUS.glob("round*"))]
GOLD = sorted((CORPUS / "gold").glob("*.json")) + [p for b in BATCHES for p in sorted((b / "gold").glob("*.json"))]
DEV_GOLD = sorted((CORPUS / "gold").glob("*.json"))
CANONICAL = {f.name for f in load_gazetteer().forces}
KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")  # kebab-case entity keys: "evolve", "merger-cumbria-lancashire"



def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, (path.parent.parent / gold["article"]).read_text(encoding="utf-8")


def test_the_corpus_has_forty_annotated_articles():
    assert len(DEV_GOLD) >= 40
    assert {p.stem for p in DEV_GOLD} == {p.stem for p in CORPUS.glob("*.txt")}
    for batch in BATCHES:
        articles = {p.stem for p in batch.iterdir() if p.suffix in {".txt", ".html"}}
        assert {p.stem for p in (batch / "gold").glob("*.json")} == articles, batch


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
class TestGoldFile:
    def test_forces_are_canonical(self, path):
        gold, _ = load(path)
        named = set(gold["forces"])
        assert named <= CANONICAL, named - CANONICAL
        for item in gold["officials"]:
            assert item["force"] is None or item["force"] in CANONICAL
        for item in gold["money"]:
            assert set(item["forces"]) <= CANONICAL
        for item in gold["collaborations"]:
            assert set(item["forces"]) <= CANONICAL and len(item["forces"]) >= 2

    def test_labels_come_from_the_contract(self, path):
        gold, _ = load(path)
        assert all(o["role"] in ROLES and isinstance(o["acting"], bool) for o in gold["officials"])
        assert all(m["kind"] in MONEY_KINDS and isinstance(m["hedged"], bool) for m in gold["money"])
        assert all(f["function"] in FUNCTIONS and f["status"] in FUNCTION_STATUSES for f in gold["functions"])
        assert all(j["stance"] in JOB_STANCES for j in gold["job_concerns"])

    def test_money_amounts_are_whole_pounds_and_ranges_ordered(self, path):
        gold, _ = load(path)
        for item in gold["money"]:
            assert isinstance(item["amount"], int) and item["amount"] > 0
            if item.get("amount_high") is not None:
                assert item["amount_high"] > item["amount"]

    def test_job_quotes_are_exact_substrings(self, path):
        gold, text = load(path)
        for item in gold["job_concerns"]:
            assert item["quote"] in text, item["quote"]

    def test_the_article_carries_its_publication_date(self, path):
        """Every article has a date the reader reads (a dateline, a page's metadata), and it is the gold's."""
        gold, _ = load(path)
        article_path = path.parent.parent / gold["article"]
        article = article_from_bytes(str(article_path), article_path.read_bytes(), html=article_path.suffix == ".html")
        assert gold["published"] is not None
        assert article.published == date.fromisoformat(gold["published"])

    def test_collaborations_and_officials_have_their_entity_keys(self, path):
        gold, _ = load(path)
        for item in gold["collaborations"]:
            assert KEY.fullmatch(item["collaboration_id"]), item
            assert item["stage"] in COLLABORATION_STAGES, item
        for item in gold["officials"]:
            assert KEY.fullmatch(item["person_id"]), item

    def test_speakers_and_official_names_appear_in_the_text(self, path):
        gold, text = load(path)
        names = {o["name"] for o in gold["officials"]}
        for item in gold["job_concerns"]:
            assert item["speaker"] is None or item["speaker"] in names
        for name in names:
            assert name.split()[-1] in text, name


def test_every_label_is_used_at_least_twice():
    used: dict[str, list[str]] = {"role": [], "kind": [], "function": [], "status": [], "stance": []}
    for path in DEV_GOLD:
        gold, _ = load(path)
        used["role"] += [o["role"] for o in gold["officials"]]
        used["kind"] += [m["kind"] for m in gold["money"]]
        used["function"] += [f["function"] for f in gold["functions"]]
        used["status"] += [f["status"] for f in gold["functions"]]
        used["stance"] += [j["stance"] for j in gold["job_concerns"]]
    for key, labels in [("role", ROLES), ("kind", MONEY_KINDS), ("function", FUNCTIONS),
                        ("status", FUNCTION_STATUSES), ("stance", JOB_STANCES)]:
        rare = [label for label in labels if used[key].count(label) < 2]
        assert not rare, f"{key} labels used fewer than twice: {rare}"


def test_every_force_of_the_gazetteer_is_named():
    named = set()
    for path in DEV_GOLD:
        named |= set(load(path)[0]["forces"])
    assert CANONICAL - named == set()

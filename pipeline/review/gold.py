"""Reviewed articles as gold files in the shared contract's annotation format.

An analyst's corrected facts are the best labels the project gets; writing them as gold files (with
the article text beside each) lets ``forcewatch evaluate --gold DIR`` score the pipeline against them.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import Engine, select

from pipeline.publish.export import article_documents
from pipeline.storage.corrections import reviewed_shas
from pipeline.storage.schema import articles


def gold_document(doc: dict, article_file: str) -> dict:
    """One corrected export document in the gold format (facts without offsets), plus ``published``."""
    return {
        "article": article_file,
        "published": doc["article"]["published_at"],
        "forces": [f["name"] for f in doc["forces"]],
        "officials": [{"name": o.get("name"), "role": o.get("role"), "acting": bool(o.get("acting")),
                       "force": o.get("force")} for o in doc["officials"]],
        "money": [{"amount": m.get("amount"), "kind": m.get("kind"), "forces": m.get("forces", []),
                   "hedged": bool(m.get("hedged")), "period": m.get("period")} for m in doc["money"]],
        "functions": [{"function": f.get("function"), "status": f.get("status")} for f in doc["functions"]],
        "job_concerns": [{"quote": j.get("text"), "stance": j.get("stance"), "speaker": j.get("speaker")}
                         for j in doc["job_concerns"]],
        "collaborations": [{"forces": c.get("forces", []), "name": c.get("name")} for c in doc["collaborations"]],
    }


def export_gold(engine: Engine, folder: Path) -> list[Path]:
    """Write ``<name>.json`` and the article's stored text ``<name>.txt`` per reviewed article; returns the json paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with engine.connect() as conn:
        reviewed = reviewed_shas(conn)
        texts = dict(conn.execute(select(articles.c.sha256, articles.c.text).where(articles.c.sha256.in_(reviewed))).all())
        used: set[str] = set()
        for doc in article_documents(conn):
            sha = doc["article"]["sha256"]
            if sha not in reviewed:
                continue
            stem = Path(doc["article"]["source_path"]).stem or sha[:16]
            if stem in used:
                stem = f"{stem}_{sha[:8]}"
            used.add(stem)
            (folder / f"{stem}.txt").write_text(texts[sha], encoding="utf-8")
            path = folder / f"{stem}.json"
            path.write_text(json.dumps(gold_document(doc, f"{stem}.txt"), ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
            written.append(path)
    return written

"""``forcewatch evaluate``: run the pipeline on an annotated corpus and score it.

Gold files are JSON documents in the format of ``../shared/gold/*.json``, one per article,
naming the article file in ``"article"``. Given a folder, the gold files are its ``gold/``
subfolder when it has one (``corpus/`` -> ``corpus/gold/``), else the folder itself; article
files are looked up beside the gold files, in the folder above, and in ``../corpus``
(``shared/gold`` -> ``shared/corpus``). The articles are ingested into a throw-away SQLite
database, exported, and scored with the rules of the shared scorer (``pipeline/evaluation/scoring.py``).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from pipeline.evaluation.scoring import FIELDS, Report, score
from pipeline.ingest.runner import ingest
from pipeline.publish.export import article_documents
from pipeline.storage.database import open_database


class GoldError(Exception):
    """A gold folder or file that cannot be used; the message names it."""


def gold_files(folder: Path) -> list[Path]:
    """The gold JSON files of ``folder`` (see the module docstring)."""
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such folder")
    nested = folder / "gold"
    files = sorted(nested.glob("*.json")) if nested.is_dir() else []
    files = files or sorted(folder.glob("*.json"))
    if not files:
        raise GoldError(f"{folder}: no gold .json files (looked in {folder} and {nested})")
    return files


def load_gold(files: list[Path]) -> dict[str, dict]:
    docs = {}
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise GoldError(f"{path}: not a readable JSON gold file ({exc})") from None
        if not isinstance(doc, dict) or not isinstance(doc.get("article"), str):
            raise GoldError(f"{path}: a gold file is an object whose 'article' names the article file")
        docs[doc["article"]] = doc
    return docs


def locate_article(name: str, gold_dir: Path, corpus: Path | None = None) -> Path:
    candidates = [corpus] if corpus else [gold_dir, gold_dir.parent, gold_dir.parent / "corpus", gold_dir.parent.parent]
    for folder in candidates:
        if folder is not None and (folder / name).is_file():
            return folder / name
    raise GoldError(f"{name}: article named by a gold file not found in {', '.join(map(str, candidates))}")


def evaluate(gold: Path, corpus: Path | None = None, *, spacy_model: str | None = None, workers: int = 1) -> Report:
    """Ingest the gold articles into a throw-away database, export, and score."""
    files = gold_files(gold)
    gold_docs = load_gold(files)
    paths = [locate_article(name, files[0].parent, corpus) for name in gold_docs]
    with tempfile.TemporaryDirectory(prefix="forcewatch-eval-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'evaluate.db'}"
        ingest(paths, url, spacy_model=spacy_model, workers=workers)
        engine, _ = open_database(url)
        try:
            with engine.connect() as conn:
                predictions = {Path(d["article"]["source_path"]).name: d for d in article_documents(conn)}
        finally:
            engine.dispose()
    return score(gold_docs, predictions)


def format_report(report: Report, details: bool = False) -> str:
    """The table the shared scorer prints, optionally preceded by every miss and spurious item."""
    lines = []
    if details:
        for art in report.articles:
            for name in FIELDS:
                for item in art.missed.get(name, []):
                    lines.append(f"{art.article} {name}: missed {item}")
                for item in art.spurious.get(name, []):
                    lines.append(f"{art.article} {name}: spurious {item}")
        for name, s in report.links.items():
            lines.extend(f"links {name}: {line}" for line in s.details)
        lines.append("")
    lines.append(f"{'field':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}  attribute")
    for name, s in report.totals.items():
        attr = f"{s.attribute_accuracy:.3f}" if s.attribute_accuracy is not None else ""
        lines.append(f"{name:<16}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>5}{s.fp:>5}{s.fn:>5}  {attr}")
    paired = report.money_attributes.get("kind")
    if paired is not None and paired.attr_n:
        scores = report.money_attributes.items()
        accuracies = "  ".join(f"{name} {s.attribute_accuracy:.3f}" for name, s in scores if s.attribute_accuracy is not None)
        lines.append(f"money attributes over {paired.attr_n} figures paired on amount: {accuracies}")
    for name, s in report.links.items():
        stage = f", stage accuracy {s.stage_accuracy:.3f}" if s.stage_accuracy is not None else ""
        lines.append(f"same {name[:-1] if name.endswith('s') else name} across articles: P {s.precision:.3f} "
                     f"R {s.recall:.3f} F1 {s.f1:.3f} ({s.tp} links found, {s.fp} wrong, {s.fn} missed, "
                     f"{s.not_extracted} of them not extracted){stage}")
    if report.missing_articles:
        lines.append(f"articles missing from the export: {', '.join(report.missing_articles)}")
    lines.append(f"macro F1 {report.macro_f1:.3f} over {len(report.articles)} articles")
    return "\n".join(lines)

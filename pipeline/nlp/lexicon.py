"""Loading the NLP assets of ``models/``: JSON lexicons validated when loaded.

Each stage declares its lexicon as a pydantic model (the keys it reads, with their types); a file
that lacks a key or holds the wrong type fails at load time with a message naming the file and
the key, not later with a ``KeyError`` deep inside a rule. Keys a model does not declare (such as
``about``, the file's own description) are kept, so a lexicon saved by ``to_disk`` is the file as
it was.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.config import models_dir


class LexiconError(ValueError):
    """A file of ``models/`` that is missing, not JSON, or not what its stage expects."""


class Lexicon(BaseModel):
    """Base of every stage's lexicon model: undeclared keys are kept, values are immutable."""

    model_config = ConfigDict(extra="allow", frozen=True)


L = TypeVar("L", bound=Lexicon)


def lexicon_path(file: str, folder: str | Path | None = None) -> Path:
    return (Path(folder) if folder else models_dir()) / file


def read_json(path: Path) -> dict:
    """The JSON object in ``path``, or a LexiconError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: missing (the NLP assets live in models/; FORCEWATCH_MODELS points elsewhere)") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{path}: not a readable JSON file: {exc}") from exc
    if not isinstance(data, dict):
        raise LexiconError(f"{path}: expected a JSON object at the top level")
    return data


def validate(model: type[L], data: dict, source: str | Path) -> L:
    """``data`` as ``model``, or a LexiconError naming ``source`` and every bad key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"key '{'.'.join(str(p) for p in err['loc'])}': {err['msg'].lower()}" for err in exc.errors()
        )
        raise LexiconError(f"{source}: {problems}") from None


def load_lexicon(model: type[L], file: str, folder: str | Path | None = None) -> L:
    """Read ``file`` from ``folder`` (default: ``models/``) and validate it as ``model``."""
    path = lexicon_path(file, folder)
    return validate(model, read_json(path), path)


def dump(lexicon: Lexicon) -> dict:
    """The lexicon as the JSON object it was read from (declared and undeclared keys)."""
    return lexicon.model_dump(mode="json")


class Words(Lexicon):
    """``models/words.json``: the vocabulary several stages share, one list per concept.

    Stages add the concepts they share here (declared as fields, so a missing or mistyped key fails
    at load time); a stage-specific cue list stays in that stage's own lexicon.
    """

    list_joiners: list[str]  # tokens between the items of a list of names ('Kent, Surrey and the Met')
    quote_marks: list[str]  # every opening and closing quote mark, single and double
    possessives: list[str]  # forces, officials
    person_list_openers: list[str]  # forces, officials
    person_list_joiners: list[str]  # forces, officials
    person_place_prepositions: list[str]  # forces, officials
    number_words: dict[str, int]  # money (figures, periods, counts of forces)
    speech_verbs: list[str]  # money (speakers' forces), job concerns (speakers)
    months: list[str]  # money (period dates)
    month_abbreviations: list[str]  # money (period dates)


WORDS_FILE = "words.json"


def load_words(folder: str | Path | None = None) -> Words:
    """The shared vocabulary of ``models/words.json``."""
    return load_lexicon(Words, WORDS_FILE, folder)

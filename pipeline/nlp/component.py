"""What every forcewatch stage shares: a lexicon read from ``models/`` that travels with the pipeline,
and a scorer.

A stage is a thin spaCy component: its factory declares what it ``assigns`` and ``requires`` (so
``nlp.analyze_pipes()`` can check the order), takes its settings from the factory config, and its
``__call__`` finds candidates and sets annotations by calling pure rule functions. ``to_disk`` writes
the lexicon files into the saved pipeline and ``from_disk`` reads them back, so ``nlp.to_disk(path)``
then ``spacy.load(path)`` extracts exactly what the original pipeline did.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

import srsly
from spacy.language import Language
from spacy.scorer import PRFScore
from spacy.training import Example
from spacy.util import ensure_path, registry

from pipeline.nlp.extensions import facts
from pipeline.nlp.lexicon import Lexicon, LexiconError, dump, lexicon_path, read_json, validate


class Stage:
    """Base of the lexicon-driven stages. Subclasses name their files and models and build their matchers."""

    # file name in models/ -> the pydantic model that validates it
    lexicons: ClassVar[dict[str, type[Lexicon]]] = {}

    def __init__(self, nlp: Language, name: str, models_path: str | None = None) -> None:
        self.name = name
        self.nlp = nlp
        self.configure({file: self._read(lexicon_path(file, models_path)) for file in self.lexicons})

    def _read(self, path: Path) -> Lexicon:
        return validate(self.lexicons[path.name], read_json(path), path)

    def configure(self, lexicons: dict[str, Lexicon]) -> None:
        """Keep the lexicons and build what the rules need from them (matchers, sets)."""
        self.data = lexicons

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        for file, lexicon in self.data.items():
            srsly.write_json(path / file, dump(lexicon))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Stage:
        path = ensure_path(path)
        missing = [file for file in self.lexicons if not (path / file).is_file()]
        if missing:
            raise LexiconError(f"{path}: the saved stage {self.name!r} lacks {', '.join(missing)}")
        self.configure({file: self._read(path / file) for file in self.lexicons})
        return self


def fact_keys(items: list[dict], fields: tuple[str, ...]) -> set[tuple]:
    """The comparable keys of a stage's facts: evidence offsets plus the named attributes."""
    return {(i["start_char"], i["end_char"], *(_hashable(i.get(f)) for f in fields)) for i in items}


def _hashable(value: Any) -> Any:
    return tuple(sorted(value)) if isinstance(value, list) else value


def score_facts(examples: Iterable[Example], attr: str, fields: tuple[str, ...] = ()) -> dict[str, float | None]:
    """Precision, recall and F1 of the facts a stage left in ``doc._.<attr>``, against the reference docs.

    A fact counts as right when its evidence offsets and the named attributes (its label) agree.
    """
    score = PRFScore()
    for example in examples:
        gold = fact_keys(facts(example.reference, attr), fields)
        pred = fact_keys(facts(example.predicted, attr), fields)
        score.tp += len(gold & pred)
        score.fp += len(pred - gold)
        score.fn += len(gold - pred)
    return {f"{attr}_p": score.precision, f"{attr}_r": score.recall, f"{attr}_f": score.fscore}


@registry.scorers("forcewatch.facts_scorer.v1")
def make_facts_scorer(attr: str, fields: list[str]) -> Callable[..., dict[str, float | None]]:
    """A scorer for ``nlp.evaluate``: compares ``doc._.<attr>`` facts by offsets and ``fields``."""

    def scorer(examples: Iterable[Example], **_: Any) -> dict[str, float | None]:
        return score_facts(examples, attr, tuple(fields))

    return scorer

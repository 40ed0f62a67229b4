"""``forcewatch train``: fit the job classifier (``pipeline/nlp/job_classifier.py``) on the gold corpora.

The settings (how the classifier is combined with the rules, ``ClassifierSettings``) are chosen by
cross-validation that leaves whole gold folders out: for each folder, the classifier is trained on the others
and every setting is scored on it; the setting with the best mean of F1 and stance accuracy over the held-out
folders (their counts added up) wins, and the rules alone (never add, never drop, never restance) are one
of the settings, so the classifier is used only where it beats them. The final classifier is then trained on every folder.
"""

from __future__ import annotations

import os
import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

from spacy.language import Language
from spacy.training import Example as SpacyExample
from spacy.util import fix_random_seed, minibatch

from pipeline.config import PROJECT_ROOT
from pipeline.contract import JOB_STANCES
from pipeline.evaluation.evaluate import GoldError
from pipeline.evaluation.job_examples import Example, corpus_examples
from pipeline.nlp.job_classifier import JOB, ClassifierSettings, build_classifier, save_classifier, scores

SEED = 12
EPOCHS = 12
BATCH = 16


def train(examples: Sequence[Example], seed: int = SEED, epochs: int = EPOCHS) -> Language:
    """The classifier fitted on ``examples``: the same examples and seed give the same weights."""
    fix_random_seed(seed)
    nlp = build_classifier()
    job, stance = [], []
    for ex in examples:
        doc = nlp.make_doc(ex.features)
        job.append(SpacyExample.from_dict(doc, {"cats": {JOB: float(ex.gold_stance is not None)}}))
        if ex.gold_stance is not None:
            cats = {s: float(s == ex.gold_stance) for s in JOB_STANCES}
            stance.append(SpacyExample.from_dict(doc, {"cats": cats}))
    optimizer = nlp.initialize(lambda: job + stance)
    order = random.Random(seed)
    for _ in range(epochs):
        for data, exclude in ((job, ["stance"]), (stance, ["job"])):
            shuffled = list(data)
            order.shuffle(shuffled)
            for batch in minibatch(shuffled, BATCH):
                nlp.update(batch, sgd=optimizer, exclude=exclude)
    return nlp


NEVER = 1.01  # a threshold no score reaches: the rules decide alone
ADD_THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, NEVER)
DROP_THRESHOLDS = (0.0, 0.05, 0.1)
STANCE_THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, NEVER)
RULES_ONLY = (NEVER, 0.0, NEVER)


@dataclass(frozen=True)
class HeldOut:
    """The job concern counts of a held-out gold folder (the scorer's matching): true and false positives, gold
    concerns missed, and found ones with the right stance. Added up, the counts of several folders."""

    tp: int
    fp: int
    fn: int
    stance_ok: int

    @property
    def f1(self) -> float:
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp + self.fp + self.fn else 1.0

    @property
    def stance(self) -> float:
        return self.stance_ok / self.tp if self.tp else 0.0

    def __add__(self, other: HeldOut) -> HeldOut:
        return HeldOut(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn, self.stance_ok + other.stance_ok)


def held_out_score(
    examples: Sequence[Example], total: int, scored: Sequence[tuple[float, str, float]], setting: tuple[float, ...]
) -> HeldOut:
    """What the stage would score on ``examples`` (``total`` gold concerns) with ``setting`` (add, drop, stance
    thresholds), as ``job_candidates.decided`` and ``jobs.with_losses`` decide."""
    add, drop, replace = setting
    kept: list[tuple[Example, str | None]] = []
    for ex, (job, stance, confidence) in zip(examples, scored, strict=True):
        if ex.rule_stance is None:
            kept.append((ex, stance if ex.changes and job >= add else None))
        elif job < drop:
            kept.append((ex, None))
        else:
            kept.append((ex, stance if confidence >= replace else ex.rule_stance))
    jobs = {ex.article for ex, stance in kept if stance is not None and not ex.moved}
    chosen = [(ex, stance) for ex, stance in kept if stance is not None and (not ex.moved or ex.article in jobs)]
    right = [(ex, stance) for ex, stance in chosen if ex.gold_stance is not None]
    stance_ok = sum(ex.gold_stance == s for ex, s in right)
    return HeldOut(len(right), len(chosen) - len(right), total - len(right), stance_ok)


def cross_validate(
    corpora: dict[str, tuple[list[Example], int]], seed: int = SEED, epochs: int = EPOCHS
) -> dict[tuple[float, ...], dict[str, HeldOut]]:
    """Every setting's scores on each gold folder, with the classifier trained on the other folders."""
    table: dict[tuple[float, ...], dict[str, HeldOut]] = {}
    for held, (examples, total) in corpora.items():
        rest = [ex for name, (exs, _) in corpora.items() if name != held for ex in exs]
        nlp = train(rest, seed, epochs)
        scored = scores(nlp, [ex.features for ex in examples])
        for setting in product(ADD_THRESHOLDS, DROP_THRESHOLDS, STANCE_THRESHOLDS):
            table.setdefault(setting, {})[held] = held_out_score(examples, total, scored, setting)
    return table


def best_setting(table: dict[tuple[float, ...], dict[str, HeldOut]]) -> tuple[float, ...]:
    """The setting with the best mean of F1 and stance accuracy over the held-out folders' counts added up (so a
    folder weighs by its size); on a tie the one closest to the rules alone."""

    def merit(setting: tuple[float, ...]) -> tuple[float, float, float, float]:
        pooled = sum(table[setting].values(), HeldOut(0, 0, 0, 0))
        add, drop, replace = setting
        return round((pooled.f1 + pooled.stance) / 2, 4), add, -drop, replace

    return max(table, key=merit)


def gold_folders(corpus: Path, seeds: Path | None = None) -> list[Path]:
    """The default gold folders: ``corpus/`` itself, each folder in it with a ``gold/`` folder, and the shared
    seed articles' gold (``seeds``, ``../shared/gold``) when it is there: five real published articles, the
    nearest thing to unseen text the project has, so they train and are held out like any folder."""
    folders = [corpus, *sorted(p for p in corpus.iterdir() if (p / "gold").is_dir())]
    return [*folders, seeds] if seeds is not None and seeds.is_dir() else folders


def folder_name(folder: Path) -> str:
    """A gold folder's name in the settings file: relative to the project when inside it, so that training
    from any checkout writes the same file."""
    resolved = folder.resolve()
    if resolved.is_relative_to(PROJECT_ROOT):
        return resolved.relative_to(PROJECT_ROOT).as_posix()
    if resolved.is_relative_to(PROJECT_ROOT.parent):  # '../shared/gold'
        return Path(os.path.relpath(resolved, PROJECT_ROOT)).as_posix()
    return str(folder)


def train_models(
    folders: Sequence[Path], out: Path, seed: int = SEED, epochs: int = EPOCHS, spacy_model: str | None = None
) -> ClassifierSettings:
    """Cross-validate over ``folders`` (each left out in turn) to choose the settings, train on them all and
    write the classifier into ``out``; the settings returned hold the held-out scores."""
    if len(folders) < 2:
        raise GoldError("cross-validation leaves one gold folder out at a time: name at least two")
    corpora = {folder_name(folder): corpus_examples(folder, spacy_model) for folder in folders}
    table = cross_validate(corpora, seed, epochs)
    chosen = best_setting(table)
    held_out = {
        name: {
            "rules_f1": round(table[RULES_ONLY][name].f1, 3), "rules_stance": round(table[RULES_ONLY][name].stance, 3),
            "f1": round(table[chosen][name].f1, 3), "stance": round(table[chosen][name].stance, 3),
        }
        for name in corpora
    }
    add, drop, replace = chosen
    settings = ClassifierSettings(
        seed=seed, epochs=epochs, add_threshold=add, drop_threshold=drop, stance_threshold=replace, held_out=held_out
    )
    nlp = train([ex for examples, _ in corpora.values() for ex in examples], seed, epochs)
    save_classifier(nlp, settings, out)
    return settings

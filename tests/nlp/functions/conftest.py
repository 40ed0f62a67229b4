"""Fixtures of the functions rule tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from pipeline.nlp.functions import COMPONENT, FunctionFinder
from pipeline.nlp.functions.lexicon import FunctionLexicon


@pytest.fixture(scope="session")
def finder(nlp: Language) -> FunctionFinder:
    return nlp.get_pipe(COMPONENT)


@pytest.fixture(scope="session")
def lex(finder: FunctionFinder) -> FunctionLexicon:
    return finder.lexicon

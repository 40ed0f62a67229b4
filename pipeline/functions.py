"""Functions stage (placeholder: registered so the pipeline composes; extraction lands with its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401 - registers the Doc attributes

COMPONENT = "forcewatch_functions"


@Language.component(COMPONENT)
def extract_functions(doc: Doc) -> Doc:
    doc._.functions = []
    return doc

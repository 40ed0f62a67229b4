"""Collaborations stage (placeholder: registered so the pipeline composes; extraction lands with its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401 - registers the Doc attributes

COMPONENT = "forcewatch_collaborations"


@Language.component(COMPONENT)
def extract_collaborations(doc: Doc) -> Doc:
    doc._.collaborations = []
    return doc

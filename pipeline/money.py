"""Money stage (placeholder: registered so the pipeline composes; extraction lands with its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401 - registers the Doc attributes

COMPONENT = "forcewatch_money"


@Language.component(COMPONENT)
def extract_money(doc: Doc) -> Doc:
    doc._.money = []
    return doc

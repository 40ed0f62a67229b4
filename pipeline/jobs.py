"""Jobs stage (placeholder: registered so the pipeline composes; extraction lands with its issue)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.extensions  # noqa: F401 - registers the Doc attributes

COMPONENT = "forcewatch_jobs"


@Language.component(COMPONENT)
def extract_jobs(doc: Doc) -> Doc:
    doc._.job_concerns = []
    return doc

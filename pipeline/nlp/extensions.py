"""The ``Doc`` extension attributes the extraction stages write: one per fact type of the contract.

Each holds a list of the records of ``pipeline.contract.DOC_FACTS`` (plain dicts, so results
survive ``nlp.pipe`` with ``n_process > 1``). Every record carries ``start_char``, ``end_char``
and ``text``: the evidence span in the article text.

One attribute comes from outside the text: ``doc._.published``, the article's publication date
as an ISO string (None when unknown), set before the pipeline runs (``article_doc``; ingest sets
it from ``Article.published``). A string, not a date, so that it travels with the Doc through
``nlp.pipe(n_process=N)``; stages read it with ``publication_date``.
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.contract import DOC_FACTS

FACT_ATTRIBUTES = tuple(DOC_FACTS)

for _name in (*FACT_ATTRIBUTES, "published"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def facts(doc: Doc, name: str) -> list[dict]:
    """The facts a stage left on ``doc`` (an empty list when the stage did not run)."""
    return getattr(doc._, name) or []


def article_doc(nlp: Language, text: str, published: date | None) -> Doc:
    """The article's Doc, tokenized and dated, for ``nlp`` (or ``nlp.pipe``) to run its stages on."""
    doc = nlp.make_doc(text)
    doc._.published = published.isoformat() if published else None
    return doc


def publication_date(doc: Doc) -> date | None:
    """The article's publication date, where the reader found one."""
    return date.fromisoformat(doc._.published) if doc._.published else None

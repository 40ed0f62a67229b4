"""The ``Doc`` extension attributes the extraction stages write: one per fact type of the contract.

Each holds a list of the records of ``pipeline.contract.DOC_FACTS`` (plain dicts, so results
survive ``nlp.pipe`` with ``n_process > 1``). Every record carries ``start_char``, ``end_char``
and ``text``: the evidence span in the article text.
"""

from __future__ import annotations

from spacy.tokens import Doc

from pipeline.contract import DOC_FACTS

FACT_ATTRIBUTES = tuple(DOC_FACTS)

for _name in FACT_ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def facts(doc: Doc, name: str) -> list[dict]:
    """The facts a stage left on ``doc`` (an empty list when the stage did not run)."""
    return getattr(doc._, name) or []

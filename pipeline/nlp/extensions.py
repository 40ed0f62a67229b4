"""The ``Doc`` extension attributes the extraction stages write, one per contract field.

Each holds a list of plain dicts (msgpack-serialisable, so results survive ``nlp.pipe`` with
``n_process > 1``). Every dict carries ``start_char``, ``end_char`` and ``text``: the evidence
span in the article text. The other keys, per attribute:

- ``officials``: name, role, acting, force (canonical name or None) - one per mention;
- ``quotes``: speaker (an official's name or None) - the quoted words;
- ``collaborations``: name, type, forces (canonical names);
- ``functions``: function, status;
- ``money``: amount, amount_high, currency, kind, hedged, period, period_start, period_end, forces;
- ``job_concerns``: stance, speaker - the whole sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc

FACT_ATTRIBUTES = ("officials", "quotes", "collaborations", "functions", "money", "job_concerns")

for _name in FACT_ATTRIBUTES:
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


def facts(doc: Doc, name: str) -> list[dict]:
    """The facts a stage left on ``doc`` (an empty list when the stage did not run)."""
    return getattr(doc._, name) or []

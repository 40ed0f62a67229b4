"""Functions stage: the policing functions an arrangement shares, plans to share, or leaves out.

Recall first, then decide. ``candidates`` proposes every function name of the article (a lexicon of
every label of the contract: core terms, core terms that need a unit noun after them, words that
name a function only in a list of functions, verb forms, abbreviations; lists are expanded because
each item is matched). ``decide`` then keeps the candidates that belong to an arrangement the article
describes (``scope``: between forces, or with a partner that is not a force, such as a company, a
joint venture or the fire service; ``lists``: a list that continues the sentence announcing it) and
drops mentions in passing (``passing``); ``status`` reads whether each is shared, proposed or
excluded from the words that govern it; ``summary`` drops 'back office' where something more
specific says it.

Modules: ``component`` (the spaCy component), and the rules, pure functions: ``lexicon`` (the
lexicon, ``models/functions.json``), ``candidates``, ``decide``, ``scope``, ``lists``, ``passing``,
``status``, ``summary``.
Results: ``doc._.functions``, one dict per mention: function, status, collaboration (index into
``doc._.collaborations``, or None) and the function words as written.
"""

from pipeline.nlp.functions.component import COMPONENT, FunctionFinder, make_function_finder, nearest
from pipeline.nlp.functions.lexicon import load_lexicon
from pipeline.nlp.functions.status import governors

__all__ = ["COMPONENT", "FunctionFinder", "governors", "load_lexicon", "make_function_finder", "nearest"]

"""Functions stage: the policing functions an arrangement shares, plans to share, or leaves out.

Recall first, then decide. ``candidates`` proposes every function name of the article (a lexicon of
every label of the contract, core terms times unit nouns, verb forms, abbreviations; lists are
expanded because each item is matched). ``scope`` then keeps the candidates that belong to an
arrangement the article describes (between forces, or with a partner that is not a force: a company,
a joint venture, the fire service) and drops mentions in passing. ``status`` reads whether each is
shared, proposed or excluded from the words that govern it.

Modules: ``component`` (the spaCy component), and the rules, pure functions: ``lexicon`` (the
lexicon, ``models/functions.json``), ``candidates``, ``scope``, ``status``.
Results: ``doc._.functions``, one dict per mention: function, status, collaboration (index into
``doc._.collaborations``, or None) and the function words as written.
"""

from pipeline.nlp.functions.component import COMPONENT, FunctionFinder, make_function_finder, nearest
from pipeline.nlp.functions.lexicon import load_lexicon
from pipeline.nlp.functions.status import governors

__all__ = ["COMPONENT", "FunctionFinder", "governors", "load_lexicon", "make_function_finder", "nearest"]

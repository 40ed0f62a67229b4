"""Officials stage: a thin spaCy component (``component``) over rule modules of pure functions that
read one immutable per-document index (``index``): ``names`` (name runs, honorifics), ``titles``
(clues before a name), ``apposition`` (clues after it), ``roles`` (what a title says: label and
force), ``people`` (later references resolved to the first introduction). The lexicon is
``models/roles.json`` with the shared words of ``models/words.json`` (``lexicon``).
"""

from pipeline.nlp.officials.component import COMPONENT, OfficialFinder, make_official_finder
from pipeline.nlp.officials.lexicon import load_lexicon

__all__ = ["COMPONENT", "OfficialFinder", "load_lexicon", "make_official_finder"]

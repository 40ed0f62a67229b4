"""Cue phrases matched on their lemmas, fast.

The stages' cue lists are mostly plain phrases: each word a lemma, lower-case or capitalised
("work together", "business case"). spaCy's ``Matcher`` tries every pattern at every token (with
two hundred cue patterns it cost more than the parser); a ``PhraseMatcher`` on ``LEMMA`` looks a
phrase up in a trie at each token instead. ``LemmaMatcher`` puts each plain lemma pattern into a
PhraseMatcher (one pattern Doc per combination of the allowed spellings, so it matches exactly
what the token pattern did) and keeps every other pattern (parts of speech, optional tokens) in a
``Matcher``; its matches are those the one Matcher would have given, in the same (start, end) order.
"""

from __future__ import annotations

from itertools import product

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

MAX_SPELLINGS = 64  # a plain phrase with more combinations of spellings stays a token pattern


def lemma_pattern(nlp: Language, phrase: str) -> list[dict]:
    """Token patterns matching the words of ``phrase`` as lower-case or capitalised lemmas."""
    return [{"LEMMA": {"IN": [t.text, t.text.capitalize()]}} for t in nlp.make_doc(phrase)]


def plain_lemmas(pattern: list[dict]) -> list[list[str]] | None:
    """The allowed lemmas of each token of a pattern that only constrains lemmas (``{"LEMMA": "x"}`` or
    ``{"LEMMA": {"IN": [...]}}``, no operator); None for any other pattern."""
    allowed: list[list[str]] = []
    for token in pattern:
        if set(token) != {"LEMMA"}:
            return None
        value = token["LEMMA"]
        if isinstance(value, str):
            allowed.append([value])
        elif isinstance(value, dict) and set(value) == {"IN"}:
            allowed.append(list(dict.fromkeys(value["IN"])))
        else:
            return None
    return allowed or None


class LemmaMatcher:
    """A ``Matcher`` for lemma cue patterns whose plain phrases run in a ``PhraseMatcher`` (see the module)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.phrases = PhraseMatcher(vocab, attr="LEMMA")
        self.patterns = Matcher(vocab)

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        others: list[list[dict]] = []
        docs: list[Doc] = []
        for pattern in patterns:
            allowed = plain_lemmas(pattern)
            spellings = 1
            for options in allowed or []:
                spellings *= len(options)
            if allowed is None or spellings > MAX_SPELLINGS:
                others.append(pattern)
                continue
            docs += [Doc(self.vocab, words=list(words), lemmas=list(words)) for words in product(*allowed)]
        if docs:
            self.phrases.add(label, docs)
        if others:
            self.patterns.add(label, others)

    def __len__(self) -> int:
        return len(self.phrases) + len(self.patterns)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(match_id, start, end) of every match, once each, ordered by start and end."""
        found = set(self.phrases(doc)) if len(self.phrases) else set()
        if len(self.patterns):
            found.update(self.patterns(doc))
        return sorted(found, key=lambda m: (m[1], m[2], m[0]))

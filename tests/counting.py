"""Counting stand-ins for the hostile-input tests: the work a rule does, counted rather than timed."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class CountingTuple(tuple):
    """A tuple that counts how many items were read by iterating it."""

    reads = 0

    def __iter__(self):
        for item in super().__iter__():
            self.reads += 1
            yield item


class CountingDoc(Doc):
    """A Doc that counts how often its whole text is read (``Doc.text`` joins every token on each read)."""

    text_reads = 0

    @property
    def text(self) -> str:
        self.text_reads += 1
        return super().text


def counting_doc(nlp: Language, text: str, *, before: str) -> CountingDoc:
    """``text`` through the pipeline's components up to the one named ``before``, as a ``CountingDoc``."""
    made = nlp.make_doc(text)
    doc = CountingDoc(nlp.vocab, words=[t.text for t in made], spaces=[bool(t.whitespace_) for t in made])
    for name, proc in nlp.pipeline:
        if name == before:
            break
        doc = proc(doc)
    return doc

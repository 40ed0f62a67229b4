"""The Doc extension that carries the article's publication date into the stages."""

from __future__ import annotations

from datetime import date

from pipeline.nlp.extensions import article_doc, publication_date


class TestArticleDoc:
    def test_the_doc_carries_the_date_as_text(self, nlp):
        doc = article_doc(nlp, "Kent Police said so.", date(2012, 10, 25))
        assert doc._.published == "2012-10-25"
        assert doc.text == "Kent Police said so."

    def test_the_date_survives_the_pipeline_and_serialisation(self, nlp):
        doc = nlp(article_doc(nlp, "Kent Police said so.", date(2012, 10, 25)))
        restored = type(doc)(nlp.vocab).from_bytes(doc.to_bytes())
        assert publication_date(restored) == date(2012, 10, 25)


class TestPublicationDate:
    def test_unknown_date(self, nlp):
        assert publication_date(nlp("Kent Police said so.")) is None
        assert publication_date(article_doc(nlp, "Kent Police said so.", None)) is None

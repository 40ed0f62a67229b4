"""The parts of a page trafilatura can miss that are the article: the headline and image captions."""

from __future__ import annotations

import pytest

from pipeline.ingest import markup
from pipeline.ingest.reader import html_article

PAGE = (
    "<html><head><title>MoD police face job losses | UK news</title>"
    '<meta property="article:published_time" content="2011-12-16"></head><body>'
    "<ul class='nav'><li>UK</li><li>World</li></ul>"
    "<h1>MoD police face job losses</h1>"
    "<div class='byline'>By our Defence Correspondent</div>"
    "<figure><img src='a.jpg'><figcaption>Officers provide security at the Faslane base</figcaption></figure>"
    "<p>Up to 1,500 jobs are likely to go from the Ministry of Defence Police after deep budget cuts.</p>"
    "<p>The Defence Police Federation said it had received a letter from the minister on Thursday.</p>"
    "<p>The federation estimates that the force will be able to afford only about 2,000 staff.</p>"
    "<div class='wp-caption'><img src='b.jpg'><p class='wp-caption-text'>Eamon Keating of the federation</p></div>"
    "<div class='share'>Share this article</div>"
    "<div class='related'><h3>More on this story</h3><ul><li>Army to lose 20,000 posts</li></ul></div>"
    "</body></html>"
)


class TestPageHeadline:
    def test_the_h1_sharing_most_words_with_the_title(self):
        tree = markup.parse("<html><body><h1>Weather</h1><h1>MoD police face job losses</h1></body></html>")
        assert markup.page_headline(tree, "MoD police face job losses | UK news") == "MoD police face job losses"

    def test_no_h1(self):
        assert markup.page_headline(markup.parse("<html><body><p>Text.</p></body></html>"), "Title") is None


class TestPageCaptions:
    def test_figcaptions_and_caption_classes_in_page_order_once(self):
        assert markup.page_captions(markup.parse(PAGE)) == [
            "Officers provide security at the Faslane base", "Eamon Keating of the federation",
        ]


class TestWithHeadline:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Body.", "Head\n\nBody."),
            ("Head\n\nBody.", "Head\n\nBody."),
            ("Standfirst\n\nHead\n\nBody.", "Head\n\nStandfirst\n\nBody."),
        ],
    )
    def test_the_headline_is_the_first_line(self, text, expected):
        assert markup.with_headline(text, "Head") == expected


class TestHtmlArticle:
    def test_headline_first_captions_after_the_body_furniture_dropped(self):
        article = html_article("page.html", PAGE)
        lines = article.text.split("\n\n")
        assert lines[0] == "MoD police face job losses"
        assert lines[-2:] == ["Officers provide security at the Faslane base", "Eamon Keating of the federation"]
        assert "Up to 1,500 jobs are likely to go" in article.text
        for furniture in ("Defence Correspondent", "Share this", "More on this story", "Army to lose", "World"):
            assert furniture not in article.text
        assert str(article.published) == "2011-12-16"

"""Sources: pages, feeds and source lists, fetched for real from a server on 127.0.0.1."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pipeline.contract import Article
from pipeline.ingest import fetch as fetch_module
from pipeline.ingest.feeds import FeedError, looks_like_feed, parse_feed
from pipeline.ingest.fetch import FetchError, fetch
from pipeline.ingest.reader import ReadError, dateline
from pipeline.ingest.sources import articles, load_source_list
from tests.http_server import Site

PAGE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2016-02-10T09:00:00Z"></head>
<body><article><h1>{title}</h1><p>{body}</p>
<p>Kent Police and Essex Police said the joint unit would be reviewed next year.</p></article></body></html>"""


def rss(*items: tuple[str, str, str]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>{d}</pubDate></item>" for t, link, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>{entries}</channel></rss>'.encode()


@pytest.fixture
def site():
    with Site() as s:
        yield s


def split(results: list) -> tuple[list[Article], list[ReadError]]:
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, ReadError)]


class TestFetch:
    def test_page(self, site):
        url = site.page("/a", "<p>hello</p>")
        assert fetch(url).body == b"<p>hello</p>"

    def test_redirect_within_http_is_followed(self, site):
        site.page("/new", "<p>moved</p>")
        site.routes["/old"] = (301, {"Location": "/new"}, b"")
        assert fetch(site.url("/old")).url.endswith("/new")

    def test_redirect_to_another_scheme_is_refused(self, site):
        site.routes["/evil"] = (302, {"Location": "file:///etc/passwd"}, b"")
        with pytest.raises(FetchError, match="only http and https"):
            fetch(site.url("/evil"))

    @pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
    def test_other_schemes_are_refused(self, url):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url)

    def test_size_cap(self, site):
        site.routes["/big"] = (200, {"Content-Type": "text/html"}, b"x" * 5000)
        with pytest.raises(FetchError, match="too large"):
            fetch(site.url("/big"), max_bytes=1000)

    def test_timeout(self, site):
        site.page("/slow", "<p>late</p>")
        site.delays["/slow"] = 2.0
        with pytest.raises(FetchError, match="cannot be fetched"):
            fetch(site.url("/slow"), timeout=0.3)

    def test_missing_page(self, site):
        with pytest.raises(FetchError, match="HTTP 404"):
            fetch(site.url("/missing"))


class TestParseFeed:
    def test_rss_entries(self):
        entries = parse_feed("feed", rss(("One", "http://x/1", "Tue, 10 Feb 2015 09:00:00 GMT")))
        assert [(e.link, e.title, e.published) for e in entries] == [("http://x/1", "One", date(2015, 2, 10))]

    def test_atom(self):
        atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                b'<entry><title>A</title><link href="http://x/a"/><updated>2016-03-01T00:00:00Z</updated></entry></feed>')
        assert [e.link for e in parse_feed("feed", atom)] == ["http://x/a"]

    def test_entity_expansion_is_refused(self):
        bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
                b"<rss><channel><title>&lol2;</title></channel></rss>")
        with pytest.raises(FeedError, match="unsafe XML"):
            parse_feed("bomb.xml", bomb)

    def test_external_entity_is_refused(self):
        xxe = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
               b"<rss><channel><title>&x;</title></channel></rss>")
        with pytest.raises(FeedError, match="unsafe XML"):
            parse_feed("xxe.xml", xxe)

    @pytest.mark.parametrize("data", [b"this is not xml at all", b"<html><body>a page</body>"])
    def test_not_a_feed(self, data):
        with pytest.raises(FeedError, match="not"):
            parse_feed("feed.xml", data)

    def test_looks_like_feed(self):
        assert looks_like_feed(rss())
        assert not looks_like_feed(b"<!doctype html><html></html>", "text/html")


class TestArticles:
    def test_page_url(self, site):
        url = site.page("/story", PAGE.format(title="Forces join up", body="Two forces will share custody."))
        (article,) = articles([url])
        assert article.source == url
        assert article.title == "Forces join up"
        assert article.published == date(2016, 2, 10)
        assert "Kent Police and Essex Police" in article.text

    def test_feed_entries_are_followed_and_a_missing_page_fails_alone(self, site):
        one = site.page("/one", PAGE.format(title="One", body="First story text about collaboration."))
        gone = site.url("/gone")
        feed = rss(("One", one, "Tue, 10 Feb 2015 09:00:00 GMT"), ("Gone", gone, "Wed, 11 Feb 2015 09:00:00 GMT"))
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
        found, errors = split(list(articles([site.url("/feed.xml")])))
        assert [a.source for a in found] == [one]
        (error,) = errors
        assert error.source == gone and "HTTP 404" in str(error) and "/feed.xml" in str(error)

    def test_feed_link_to_a_local_file_is_refused(self, site, tmp_path: Path):
        secret = tmp_path / "secret.txt"
        secret.write_text("Kent Police secret")
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(("x", secret.as_uri(), "")))
        found, errors = split(list(articles([site.url("/feed.xml")])))
        assert found == []
        assert "only http and https" in str(errors[0])

    def test_feed_file_that_is_not_xml(self, tmp_path: Path):
        bad = tmp_path / "feed.xml"
        bad.write_text("definitely { not } xml")
        found, errors = split(list(articles([bad])))
        assert found == [] and "not a feed" in str(errors[0]) and "feed.xml" in str(errors[0])

    def test_html_that_is_all_script(self, tmp_path: Path):
        page = tmp_path / "script.html"
        page.write_text("<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>")
        found, errors = split(list(articles([page])))
        assert found == [] and "no main text" in str(errors[0])

    def test_huge_text_file_is_refused_and_named(self, tmp_path: Path):
        big = tmp_path / "huge.txt"
        big.write_text(("Kent Police and Essex Police share custody. " * 50 + "\n\n") * 9200)
        assert big.stat().st_size > 20_000_000
        found, errors = split(list(articles([big])))
        assert found == [] and "too large" in str(errors[0]) and "huge.txt" in str(errors[0])


class TestSourceList:
    def test_paths_are_relative_to_the_list(self, tmp_path: Path):
        (tmp_path / "sources.toml").write_text(
            '[[sources]]\npath = "press"\n[[sources]]\nfeed = "https://example.org/rss"\n'
            '[[sources]]\nurl = "https://example.org/a"\n'
        )
        assert load_source_list(tmp_path / "sources.toml") == [
            str(tmp_path / "press"), "https://example.org/rss", "https://example.org/a",
        ]

    @pytest.mark.parametrize(
        ("content", "problem"),
        [("[[sources]]\npath = 1\n", "exactly one of"), ("not = [toml", "not a valid TOML"), ("", "names no sources"),
         ('[[sources]]\npath = "a"\nfeed = "b"\n', "exactly one of")],
    )
    def test_bad_lists(self, tmp_path: Path, content, problem):
        (tmp_path / "s.toml").write_text(content)
        with pytest.raises(ReadError, match=problem):
            load_source_list(tmp_path / "s.toml")


class TestDateline:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("Published: 3 March 2015\n\nKent Police said...", date(2015, 3, 3)),
            ("Headline\n\nMonday 12 January 2015, 10:32 GMT\n\nText", date(2015, 1, 12)),
            ("Updated 4/5/2016\n\nText", date(2016, 5, 4)),
            ("Posted on March 3rd, 2015\n\nText", date(2015, 3, 3)),
        ],
    )
    def test_reads_uk_datelines(self, text, expected):
        assert dateline(text) == expected

    @pytest.mark.parametrize("text", ["The 3 forces met in 2015.", "100M pounds were saved\n\nin 2019/20"])
    def test_prose_is_not_a_dateline(self, text):
        assert dateline(text) is None


def test_module_defaults_apply(monkeypatch, site):
    monkeypatch.setattr(fetch_module, "DEFAULT_MAX_BYTES", 10)
    site.page("/p", "<p>more than ten bytes</p>")
    with pytest.raises(FetchError, match="too large"):
        fetch(site.url("/p"))


def test_one_article_under_two_urls_has_two_sources(site, sqlite_url):
    from sqlalchemy import select

    from pipeline.ingest.runner import ingest
    from pipeline.storage.database import open_database
    from pipeline.storage.schema import article_sources, articles

    html = PAGE.format(title="Joint unit", body="Two forces will share a unit.")
    first, second = site.page("/a", html), site.page("/mirror/a", html)
    summary = ingest([first, second], sqlite_url)
    assert (summary.new, summary.unchanged) == (1, 1)
    engine, _ = open_database(sqlite_url)
    with engine.connect() as conn:
        assert len(conn.execute(select(articles.c.id)).all()) == 1
        assert sorted(conn.execute(select(article_sources.c.uri)).scalars()) == [first, second]
    engine.dispose()

"""Sources: pages, feeds and source lists, fetched for real from a server on 127.0.0.1."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from pipeline.contract import Article
from pipeline.ingest import fetch as fetch_module
from pipeline.ingest.feeds import FeedError, looks_like_feed, parse_feed
from pipeline.ingest.fetch import FetchError, fetch
from pipeline.ingest.reader import ReadError, dateline, plain_date
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


@pytest.fixture
def connections(monkeypatch) -> list[tuple[str, int]]:
    """Every address a fetch connects to; only the tests' own 127.0.0.1 is really connected to."""
    import urllib3.util.connection

    real = urllib3.util.connection.create_connection
    tried: list[tuple[str, int]] = []

    def record(address, *args, **kwargs):
        tried.append(address)
        if address[0] != "127.0.0.1":
            raise OSError("no network in tests")
        return real(address, *args, **kwargs)

    monkeypatch.setattr(urllib3.util.connection, "create_connection", record)
    return tried


def split(results: list) -> tuple[list[Article], list[ReadError]]:
    return [r for r in results if isinstance(r, Article)], [r for r in results if isinstance(r, ReadError)]


class TestFetch:
    def test_page(self, site):
        url = site.page("/a", "<p>hello</p>")
        assert fetch(url, allow_private=True).body == b"<p>hello</p>"

    def test_redirect_within_http_is_followed(self, site):
        site.page("/new", "<p>moved</p>")
        site.routes["/old"] = (301, {"Location": "/new"}, b"")
        assert fetch(site.url("/old"), allow_private=True).url.endswith("/new")

    @pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
    @pytest.mark.parametrize("location", ["/news/", "{base}/news/"])
    def test_redirect_to_the_same_host_over_keep_alive(self, site, status, location):
        site.page("/news/", "<p>the news</p>")
        site.redirect("/news", location.format(base=site.base), status)
        response = fetch(site.url("/news"), allow_private=True)
        assert (response.url, response.body) == (site.url("/news/"), b"<p>the news</p>")
        assert fetch(site.url("/news"), allow_private=True).body == b"<p>the news</p>"  # the pooled connection is still usable

    def test_redirect_to_another_scheme_is_refused(self, site):
        site.routes["/evil"] = (302, {"Location": "file:///etc/passwd"}, b"")
        with pytest.raises(FetchError, match="only http and https"):
            fetch(site.url("/evil"), allow_private=True)

    @pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x"])
    def test_other_schemes_are_refused(self, url):
        with pytest.raises(FetchError, match="only http and https"):
            fetch(url)

    def test_size_cap(self, site):
        site.routes["/big"] = (200, {"Content-Type": "text/html"}, b"x" * 5000)
        with pytest.raises(FetchError, match="too large"):
            fetch(site.url("/big"), max_bytes=1000, allow_private=True)

    def test_timeout(self, site):
        site.page("/slow", "<p>late</p>")
        site.delays["/slow"] = 2.0
        with pytest.raises(FetchError, match="cannot be fetched"):
            fetch(site.url("/slow"), timeout=0.3, allow_private=True)

    @pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
    def test_timeout_is_a_deadline_for_a_trickling_server(self, site, headers_too):
        site.page("/drip", "<p>" + "one byte at a time " * 10 + "</p>")
        site.trickles["/drip"] = (0.05, headers_too)  # well under the timeout per byte, 10 s in all
        started = time.monotonic()
        with pytest.raises(FetchError, match="within 1 s"):
            fetch(site.url("/drip"), timeout=1.0, allow_private=True)
        assert time.monotonic() - started < 3.0

    def test_timeout_covers_every_redirect(self, site):
        site.page("/4", "<p>at last</p>")
        for hop in range(4):
            site.redirect(f"/{hop}", f"/{hop + 1}")
            site.delays[f"/{hop}"] = 0.4  # each request well within the timeout, not all four
        with pytest.raises(FetchError, match="within 1 s"):
            fetch(site.url("/0"), timeout=1.0, allow_private=True)

    def test_a_deadline_ends_with_its_fetch(self, site):
        site.page("/fast", "<p>fast</p>")
        site.page("/later", "<p>later</p>")
        site.delays["/later"] = 0.8  # past the first fetch's deadline, on the connection it used
        assert fetch(site.url("/fast"), timeout=0.5, allow_private=True).body == b"<p>fast</p>"
        assert fetch(site.url("/later"), timeout=10, allow_private=True).body == b"<p>later</p>"

    def test_a_local_server_is_refused_by_default(self, site):
        url = site.page("/secret", "<p>internal</p>")
        with pytest.raises(FetchError, match=r"refused: .*127\.0\.0\.1 is a loopback address"):
            fetch(url)
        assert site.requests == []
        assert fetch(url, allow_private=True).body == b"<p>internal</p>"

    @pytest.mark.parametrize(
        ("url", "kind"),
        [
            ("http://169.254.169.254/latest/meta-data/", "link-local"),
            ("http://10.0.0.7/admin", "private"),
            ("http://192.168.1.1/", "private"),
            ("https://172.16.0.1/", "private"),
            ("http://localhost:8080/", "loopback"),
            ("http://2130706433/", "loopback"),  # 127.0.0.1 written as one number
            ("http://[::1]/", "loopback"),
            ("http://[::ffff:10.0.0.1]/", "private"),
            ("http://[fe80::1]/", "link-local"),
            ("http://0.0.0.0/", "reserved"),
            ("http://100.64.0.1/", "reserved"),
            ("http://224.0.0.1/", "reserved"),
        ],
    )
    def test_internal_addresses_are_refused_before_connecting(self, connections, url, kind):
        with pytest.raises(FetchError, match=f"refused: .* is an? {kind} address"):
            fetch(url)
        assert connections == []

    def test_a_redirect_to_an_internal_address_is_refused(self, site, connections, monkeypatch):
        real = fetch_module.refused_reason
        monkeypatch.setattr(fetch_module, "refused_reason", lambda ip: None if ip == "127.0.0.1" else real(ip))
        monkeypatch.setattr(fetch_module, "_pools", {})  # pools made with the pretended-public loopback
        site.redirect("/story", "http://169.254.169.254/latest/meta-data/iam/")
        with pytest.raises(FetchError, match=r"169\.254\.169\.254 is a link-local address"):
            fetch(site.url("/story"))
        assert site.requests == ["/story"]
        assert {host for host, _ in connections} == {"127.0.0.1"}

    def test_the_checked_address_is_the_one_connected_to(self, site, connections, monkeypatch):
        """DNS rebinding: a second lookup of the name would give the internal address."""
        import socket

        real = socket.getaddrinfo
        answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])

        def rebinding(host, port, *args, **kwargs):
            if host == "rebind.example":
                host = next(answers)
            return real(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", rebinding)
        port = site.server.server_address[1]
        site.page("/secret", "<p>internal</p>")
        with pytest.raises(FetchError, match="cannot be fetched"):
            fetch(f"http://rebind.example:{port}/secret")
        assert connections == [("93.184.216.34", port)]
        assert site.requests == []

    def test_missing_page(self, site):
        with pytest.raises(FetchError, match="HTTP 404"):
            fetch(site.url("/missing"), allow_private=True)


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
        (article,) = articles([url], allow_private=True)
        assert article.source == url
        assert article.title == "Forces join up"
        assert article.published == date(2016, 2, 10)
        assert "Kent Police and Essex Police" in article.text

    def test_feed_entries_are_followed_and_a_missing_page_fails_alone(self, site):
        one = site.page("/one", PAGE.format(title="One", body="First story text about collaboration."))
        gone = site.url("/gone")
        feed = rss(("One", one, "Tue, 10 Feb 2015 09:00:00 GMT"), ("Gone", gone, "Wed, 11 Feb 2015 09:00:00 GMT"))
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed)
        found, errors = split(list(articles([site.url("/feed.xml")], allow_private=True)))
        assert [a.source for a in found] == [one]
        (error,) = errors
        assert error.source == gone and "HTTP 404" in str(error) and "/feed.xml" in str(error)

    def test_feed_link_to_a_local_file_is_refused(self, site, tmp_path: Path):
        secret = tmp_path / "secret.txt"
        secret.write_text("Kent Police secret")
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(("x", secret.as_uri(), "")))
        found, errors = split(list(articles([site.url("/feed.xml")], allow_private=True)))
        assert found == []
        assert "only http and https" in str(errors[0])

    def test_a_feed_entry_pointing_inside_is_refused(self, site, tmp_path: Path):
        site.page("/secret", PAGE.format(title="Internal", body="Kent Police internal memo."))
        feed = tmp_path / "feed.xml"
        feed.write_bytes(rss(("Secret", site.url("/secret"), "Mon, 01 Jun 2015 09:00:00 GMT")))
        found, errors = split(list(articles([feed])))
        assert found == [] and site.requests == []
        assert "127.0.0.1 is a loopback address" in str(errors[0]) and "feed.xml" in str(errors[0])

    def test_the_feed_date_wins_over_years_in_the_text(self, site):
        links = [
            site.page(f"/{i}", f"<html><head><title>Story {i}</title></head><body><article><p>The force was formed in "
                               f"{1995 + i} and its building opened on 12 March {2009 + i}.</p><p>Kent Police and "
                               "Essex Police said the joint unit would be reviewed in 2016.</p></article></body></html>")
            for i in range(3)
        ]
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                    rss(*((f"Story {i}", link, "Mon, 01 Jun 2015 09:00:00 GMT") for i, link in enumerate(links))))
        found, errors = split(list(articles([site.url("/feed.xml")], allow_private=True)))
        assert errors == []
        assert [a.published for a in found] == [date(2015, 6, 1)] * 3

    @pytest.mark.parametrize(
        ("content_type", "meta"),
        [("text/html; charset=iso-8859-1", ""), ("text/html; charset=windows-1252", ""),
         ("text/html", '<meta charset="iso-8859-1">'), ("text/html; charset=iso-8859-1", '<meta charset="utf-8">')],
    )
    def test_a_page_in_its_declared_charset(self, site, content_type, meta):
        html = (f"<html><head>{meta}<title>Caf\u00e9 talks</title></head><body><article><p>Kent Police and Essex "
                "Police will save \u00a35m a year, the caf\u00e9 owner said.</p></article></body></html>")
        site.routes["/latin"] = (200, {"Content-Type": content_type}, html.encode("latin-1"))
        (article,) = articles([site.url("/latin")], allow_private=True)
        assert "save \u00a35m a year, the caf\u00e9 owner" in article.text

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
        assert load_source_list(tmp_path / "sources.toml").inputs == [
            str(tmp_path / "press"), "https://example.org/rss", "https://example.org/a",
        ]

    @pytest.mark.parametrize(("content", "allowed"), [("", False), ("allow_private_addresses = true\n", True)])
    def test_private_addresses_allowed_by_a_key(self, tmp_path: Path, content, allowed):
        (tmp_path / "s.toml").write_text(content + '[[sources]]\nurl = "http://intranet.example/news"\n')
        assert load_source_list(tmp_path / "s.toml").allow_private_addresses is allowed

    @pytest.mark.parametrize(
        ("content", "problem"),
        [("[[sources]]\npath = 1\n", "exactly one of"), ("not = [toml", "not a valid TOML"), ("", "names no sources"),
         ('[[sources]]\npath = "a"\nfeed = "b"\n', "exactly one of"),
         ('allow_private_addresses = "yes"\n[[sources]]\npath = "a"\n', "allow_private_addresses must be true or false")],
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
            ("Police forces examine merger plan\n\n21 July 09 12:49 GMT\n\nText", date(2009, 7, 21)),
            ("Page last updated at 12:49 GMT, Tuesday, 21 July 2009\n\nText", date(2009, 7, 21)),
            ("19/10/2011 06:53 BST | Updated 18/12/2011 05:12 GMT\n\nText", date(2011, 10, 19)),
            ("date 2016-09-19\n\nText", date(2016, 9, 19)),
        ],
    )
    def test_reads_uk_datelines(self, text, expected):
        assert dateline(text) == expected

    @pytest.mark.parametrize(
        "text", ["The 3 forces met in 2015.", "100M pounds were saved\n\nin 2019/20", "3 March 15 officers were hurt"]
    )
    def test_prose_is_not_a_dateline(self, text):
        assert dateline(text) is None


class TestPlainDate:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("3 March 2015", date(2015, 3, 3)),
            ("3 Mar 2015", date(2015, 3, 3)),
            ("2015-03-03", date(2015, 3, 3)),
            ("4/5/2016", date(2016, 5, 4)),
            ("Tuesday, March 3rd, 2015", date(2015, 3, 3)),
            ("Monday 12 January 2015", date(2015, 1, 12)),
        ],
    )
    def test_reads_the_common_forms_without_dateparser(self, text, expected):
        assert plain_date(text) == expected

    @pytest.mark.parametrize("text", ["3 Sept 2015", "31 February 2015", "March 2015"])
    def test_leaves_the_rest_to_dateparser(self, text):
        assert plain_date(text) is None

    def test_an_uncommon_form_is_still_read_by_dateline(self):
        assert dateline("Published: 3 Sept 2015\n\nText") == date(2015, 9, 3)


def test_module_defaults_apply(monkeypatch, site):
    monkeypatch.setattr(fetch_module, "DEFAULT_MAX_BYTES", 10)
    site.page("/p", "<p>more than ten bytes</p>")
    with pytest.raises(FetchError, match="too large"):
        fetch(site.url("/p"), allow_private=True)


def test_one_article_under_two_urls_has_two_sources(site, sqlite_url):
    from sqlalchemy import select

    from pipeline.ingest.runner import ingest
    from pipeline.storage.database import open_database
    from pipeline.storage.schema import article_sources, articles

    html = PAGE.format(title="Joint unit", body="Two forces will share a unit.")
    first, second = site.page("/a", html), site.page("/mirror/a", html)
    summary = ingest([first, second], sqlite_url, allow_private_addresses=True)
    assert (summary.new, summary.unchanged) == (1, 1)
    engine, _ = open_database(sqlite_url)
    with engine.connect() as conn:
        assert len(conn.execute(select(articles.c.id)).all()) == 1
        assert sorted(conn.execute(select(article_sources.c.uri)).scalars()) == [first, second]
    engine.dispose()

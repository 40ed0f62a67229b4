"""Where articles come from: files and folders, web pages, RSS/Atom feeds, and source lists.

An input is a path (file or folder, recursively), an http(s) URL of a page or a feed, or a feed
file (``.xml``, ``.rss``, ``.atom``). A feed's entries are followed to their pages (http and
https links only). A source list (``sources.toml``) names the inputs a scheduled run visits::

    [[sources]]
    path = "press-releases/"          # relative to the list's folder
    [[sources]]
    feed = "https://www.example.police.uk/news/rss.xml"
    [[sources]]
    url = "https://www.example.police.uk/news/2015/06/alliance"

URLs are fetched only from public addresses unless the caller allows private ones
(``allow_private``: the CLI's ``--allow-private-addresses``, or ``allow_private_addresses = true``
at the top of a source list); see ``pipeline/ingest/fetch.py``.

Each yielded item is an ``Article`` (its ``source`` the absolute path or the URL) or a
``ReadError`` naming the input and the problem; one bad input never stops the others.
"""

from __future__ import annotations

import time
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.contract import Article
from pipeline.ingest.feeds import FeedError, looks_like_feed, parse_feed
from pipeline.ingest.fetch import FetchError, fetch, is_url
from pipeline.ingest.reader import FEED_SUFFIXES, ReadError, article_from_bytes, discover, looks_like_html, read_file


@dataclass(frozen=True)
class SourceList:
    inputs: list[str]
    allow_private_addresses: bool = False


def load_source_list(path: Path) -> SourceList:
    """The inputs a source list names, paths made absolute against the list's folder, and whether
    its URLs may point at private addresses (an intranet feed, a test server)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReadError(str(path), "source list not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReadError(str(path), f"not a valid TOML source list ({exc})") from None
    inputs = []
    for i, entry in enumerate(data.get("sources", []), 1):
        keys = [k for k in ("path", "feed", "url") if k in entry]
        if len(keys) != 1 or not isinstance(entry[keys[0]], str):
            raise ReadError(str(path), f"source {i}: give exactly one of path, feed or url (a string)")
        value = entry[keys[0]]
        if keys[0] == "path":
            value = str((path.parent / value).resolve()) if not Path(value).is_absolute() else value
        inputs.append(value)
    if not inputs:
        raise ReadError(str(path), "names no sources (add [[sources]] tables)")
    allow = data.get("allow_private_addresses", False)
    if not isinstance(allow, bool):
        raise ReadError(str(path), "allow_private_addresses must be true or false")
    return SourceList(inputs, allow)


def feed_articles(source: str, data: bytes, allow_private: bool = False) -> Iterator[Article | ReadError]:
    """Follow each entry of a feed to its page."""
    try:
        entries = parse_feed(source, data)
    except FeedError as exc:
        yield exc
        return
    for entry in entries:
        try:
            response = fetch(entry.link, allow_private=allow_private)
            yield article_from_bytes(
                entry.link, response.body, html=True, title=entry.title, published=entry.published,
                content_type=response.content_type,
            )
        except FetchError as exc:
            yield ReadError(exc.url, f"{exc.problem} (an entry of the feed {source})")
        except ReadError as exc:
            yield exc


def url_articles(url: str, allow_private: bool = False) -> Iterator[Article | ReadError]:
    try:
        response = fetch(url, allow_private=allow_private)
    except FetchError as exc:
        yield exc
        return
    if looks_like_feed(response.body, response.content_type):
        yield from feed_articles(url, response.body, allow_private)
        return
    try:
        html = "html" in response.content_type or looks_like_html(response.body)
        yield article_from_bytes(url, response.body, html=html, content_type=response.content_type)
    except ReadError as exc:
        yield exc


@dataclass(frozen=True)
class Unchanged:
    """A file not read again: its size and modification time are those recorded when its current article
    was stored (``articles(..., unchanged=...)``)."""

    source: str


UnchangedTest = Callable[[str, tuple[int, int]], bool]
RACY_SECONDS = 2  # a file modified less than this long before it is read gets no stamp


def file_articles(
    path: Path, allow_private: bool = False, unchanged: UnchangedTest | None = None
) -> Iterator[Article | ReadError | Unchanged]:
    if path.suffix.lower() in FEED_SUFFIXES and path.is_file():
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield ReadError(str(path), f"cannot be read ({exc.strerror or exc})")
            return
        yield from feed_articles(str(path.resolve()), data, allow_private)
        return
    source = str(path.resolve())
    try:
        info = path.stat()  # before reading: a file changed while it is read gets a new stamp next time
    except OSError:
        stamp = None  # read_file says what is wrong with it
    else:
        # a file modified in the last moments is not stamped: a second write within the file system's clock
        # tick could keep size and time ("racy git"); it is read again next run, and stamped then
        fresh = time.time_ns() - info.st_mtime_ns < RACY_SECONDS * 1_000_000_000
        stamp = None if fresh else (info.st_size, info.st_mtime_ns)
        if unchanged is not None and stamp is not None and unchanged(source, stamp):
            yield Unchanged(source)
            return
    try:
        article = read_file(path)
    except ReadError as exc:
        yield exc
        return
    yield Article(source, article.text, article.title, article.published, stamp)


def articles(
    inputs: Iterable[str | Path], *, allow_private: bool = False, unchanged: UnchangedTest | None = None
) -> Iterator[Article | ReadError | Unchanged]:
    """Every article the inputs lead to, in order; errors as items, never raised. A file for which
    ``unchanged(source, (size, mtime_ns))`` is true is not read: ``Unchanged`` stands for it."""
    for item in inputs:
        if isinstance(item, str) and is_url(item):
            yield from url_articles(item, allow_private)
            continue
        for found in discover([Path(item)]):
            if isinstance(found, ReadError):
                yield found
            else:
                yield from file_articles(found, allow_private, unchanged)

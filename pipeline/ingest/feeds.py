"""RSS and Atom feeds: parsed safely, entries turned into links to follow.

A feed is first parsed by defusedxml, which refuses entity expansion ("billion laughs") and
external entities; only a feed that passes is handed to feedparser for its entries.
"""

from __future__ import annotations

import calendar
import warnings
from dataclasses import dataclass
from datetime import UTC, date, datetime

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException

from pipeline.ingest.reader import ReadError


class FeedError(ReadError):
    """A feed that cannot be used; the message names it and the problem."""


@dataclass(frozen=True)
class FeedEntry:
    link: str
    title: str | None
    published: date | None


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    head = data[:2048].lstrip().lower()
    if any(t in content_type.lower() for t in ("rss", "atom", "/xml")):
        return True
    return (head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)) or head.startswith(
        (b"<rss", b"<feed")
    )


def parse_feed(source: str, data: bytes) -> list[FeedEntry]:
    """The entries of a feed, newest first as the feed lists them; raises FeedError."""
    try:
        SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise FeedError(source, f"refused: unsafe XML ({exc.__class__.__name__})") from None
    except SafeET.ParseError as exc:
        raise FeedError(source, f"not a feed: not well-formed XML ({exc})") from None
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        raise FeedError(source, "not an RSS or Atom feed")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        with warnings.catch_warnings():  # feedparser warns about its updated -> published fallback
            warnings.simplefilter("ignore", DeprecationWarning)
            stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        published = datetime.fromtimestamp(calendar.timegm(stamp), UTC).date() if stamp else None
        entries.append(FeedEntry(link=link, title=entry.get("title"), published=published))
    return entries

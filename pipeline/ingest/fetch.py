"""Fetching pages and feeds from the web, safely: they are written by strangers.

Only ``http`` and ``https`` URLs are fetched (a ``file://`` link in a feed must not read local
files into the database); redirects are followed by hand, at most ``MAX_REDIRECTS``, and one to
any other scheme is refused; every request has a timeout; a body larger than the size cap is
refused before it is read in full. urllib3 does the HTTP.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3

from pipeline.ingest.reader import ReadError

ALLOWED_SCHEMES = ("http", "https")
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = float(os.environ.get("FORCEWATCH_FETCH_TIMEOUT", "20"))
DEFAULT_MAX_BYTES = int(os.environ.get("FORCEWATCH_FETCH_MAX_BYTES", str(10 * 1024 * 1024)))
USER_AGENT = "forcewatch (+https://pypi.org/project/forcewatch/) news-ingest"


class FetchError(ReadError):
    """A URL that cannot be fetched; the message names the URL and the problem."""

    @property
    def url(self) -> str:
        return self.source


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    content_type: str
    body: bytes


def is_url(text: str) -> bool:
    return urlsplit(text).scheme.lower() in ALLOWED_SCHEMES and bool(urlsplit(text).netloc)


def check_scheme(url: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        raise FetchError(url, f"refused: only http and https are fetched, not {scheme or 'a relative link'}")


_pool: urllib3.PoolManager | None = None


def pool() -> urllib3.PoolManager:
    global _pool
    if _pool is None:
        _pool = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, retries=False)
    return _pool


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None) -> Response:
    """GET ``url`` within the limits above (module defaults unless given), or raise FetchError."""
    timeout = DEFAULT_TIMEOUT if timeout is None else timeout
    max_bytes = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_scheme(current)
        try:
            response = pool().request(
                "GET", current, redirect=False, preload_content=False,
                timeout=urllib3.Timeout(connect=timeout, read=timeout),
            )
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(current, f"cannot be fetched ({exc.__class__.__name__}: {exc})") from None
        try:
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(current, f"redirect ({response.status}) without a Location")
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise FetchError(current, f"HTTP {response.status}")
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(current, f"too large ({int(declared):,} bytes; the cap is {max_bytes:,})")
            body = bytearray()
            for chunk in response.stream(64 * 1024):
                body += chunk
                if len(body) > max_bytes:
                    raise FetchError(current, f"too large (over the cap of {max_bytes:,} bytes)")
            return Response(current, response.headers.get("Content-Type", ""), bytes(body))
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(current, f"failed while reading ({exc.__class__.__name__}: {exc})") from None
        finally:
            response.release_conn()
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")

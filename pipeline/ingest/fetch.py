"""Fetching pages and feeds from the web, safely: they are written by strangers.

- Only ``http`` and ``https`` URLs are fetched (a ``file://`` link in a feed must not read local
  files into the database); redirects are followed by hand, at most ``MAX_REDIRECTS``, and one to
  any other scheme is refused.
- Only public addresses are connected to, unless the caller allows the others: a link in a feed
  must not reach the cloud metadata service (169.254.169.254), an admin page on 127.0.0.1 or the
  office network. The host name is resolved, every address checked (``refused_reason``), and the
  socket connected to a checked address, so a second DNS answer cannot swap in an internal one
  (DNS rebinding). Every redirect is a new request, checked the same way.
- The timeout is a deadline for the whole fetch (connecting, headers, body and every redirect),
  not for each read: when it passes, the fetch's sockets are shut down, so a server that sends a
  byte a second cannot hold a run up.
- A body larger than the size cap is refused before it is read in full.

urllib3 does the HTTP; this module gives it connections that check where they connect and that
the deadline can cut off.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
import threading
import time
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import urllib3
import urllib3.util.connection
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError

from pipeline.ingest.reader import ReadError

ALLOWED_SCHEMES = ("http", "https")
REDIRECT_STATUSES = (301, 302, 303, 307, 308)
MAX_REDIRECTS = 5
DEFAULT_TIMEOUT = float(os.environ.get("FORCEWATCH_FETCH_TIMEOUT", "20"))
DEFAULT_MAX_BYTES = int(os.environ.get("FORCEWATCH_FETCH_MAX_BYTES", str(10 * 1024 * 1024)))
USER_AGENT = "forcewatch (+https://pypi.org/project/forcewatch/) news-ingest"
HOW_TO_ALLOW = "pass --allow-private-addresses, or set allow_private_addresses = true in the source list, to fetch it"


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


def refused_reason(address: str) -> str | None:
    """Why an IP address is not fetched without permission; None for a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # an IPv6 zone ("fe80::1%eth0") is no part of it
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_private and not (ip.is_unspecified or ip.is_reserved):
        return "a private address"
    if ip.is_multicast or not ip.is_global:
        return "a reserved address"
    return None


class AddressRefused(urllib3.exceptions.HTTPError):
    """A host that resolves to an address ``refused_reason`` refuses."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        shown = address if host.strip("[]") == address else f"{host} ({address})"
        super().__init__(f"{shown} is {reason}")


class Deadline:
    """The end of one fetch: when it passes, every socket the fetch has used is shut down."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.ends = time.monotonic() + seconds
        self.fired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(seconds, self._fire)
        self._timer.daemon = True
        self._timer.start()

    def remaining(self) -> float:
        return max(0.0, self.ends - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                _shut_down(sock)

    def cancel(self) -> None:
        self._timer.cancel()

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                _shut_down(sock)


def _shut_down(sock: socket.socket) -> None:
    """Make a blocked read on ``sock`` return at once (the thread reading it closes it)."""
    with contextlib.suppress(OSError):  # already closed, or a raw socket since wrapped in TLS
        socket.socket.shutdown(sock, socket.SHUT_RDWR)  # not SSLSocket.shutdown: it drops the TLS state first


_deadline: ContextVar[Deadline | None] = ContextVar("forcewatch_fetch_deadline", default=None)


class _Watched:
    """A urllib3 connection whose sockets the current fetch's deadline can cut off."""

    def _new_conn(self) -> socket.socket:
        sock = self._open_socket()
        deadline = _deadline.get()
        if deadline is not None:
            deadline.watch(sock)
        return sock

    def _open_socket(self) -> socket.socket:
        return super()._new_conn()

    def request(self, *args, **kwargs) -> None:
        deadline = _deadline.get()
        if deadline is not None and self.sock is not None:
            deadline.watch(self.sock)  # a reused connection, or one just wrapped in TLS
        super().request(*args, **kwargs)


class _PublicOnly(_Watched):
    """A urllib3 connection that connects only to public addresses, the very ones it checked."""

    def _open_socket(self) -> socket.socket:
        host, port = self.host, self.port
        try:
            found = socket.getaddrinfo(host, port, urllib3.util.connection.allowed_gai_family(), socket.SOCK_STREAM)
        except socket.gaierror as exc:
            raise NameResolutionError(host, self, exc) from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in found))
        for address in addresses:
            reason = refused_reason(address)
            if reason:
                raise AddressRefused(host, address, reason)
        failure: OSError | None = None
        for address in addresses:
            try:
                return urllib3.util.connection.create_connection(
                    (address, port), self.timeout, source_address=self.source_address, socket_options=self.socket_options
                )
            except OSError as exc:  # the next address, as urllib3 does
                failure = exc
        if isinstance(failure, TimeoutError):
            raise ConnectTimeoutError(self, f"connecting to {host} timed out") from failure
        raise NewConnectionError(self, f"cannot connect to {host}: {failure}") from failure


class _WatchedHTTPConnection(_Watched, HTTPConnection):
    pass


class _WatchedHTTPSConnection(_Watched, HTTPSConnection):
    pass


class _PublicHTTPConnection(_PublicOnly, HTTPConnection):
    pass


class _PublicHTTPSConnection(_PublicOnly, HTTPSConnection):
    pass


def _pool_class(base: type[HTTPConnectionPool], connection: type[HTTPConnection]) -> type[HTTPConnectionPool]:
    return type(f"{connection.__name__}Pool", (base,), {"ConnectionCls": connection})


_pools: dict[bool, urllib3.PoolManager] = {}


def pool(allow_private: bool = False) -> urllib3.PoolManager:
    """The pool for one address policy: a connection made under one is never reused under the other."""
    if allow_private not in _pools:
        http, https = (
            (_WatchedHTTPConnection, _WatchedHTTPSConnection) if allow_private
            else (_PublicHTTPConnection, _PublicHTTPSConnection)
        )
        manager = urllib3.PoolManager(headers={"User-Agent": USER_AGENT}, retries=False)
        manager.pool_classes_by_scheme = {
            "http": _pool_class(HTTPConnectionPool, http), "https": _pool_class(HTTPSConnectionPool, https),
        }
        _pools[allow_private] = manager
    return _pools[allow_private]


def fetch(url: str, *, timeout: float | None = None, max_bytes: int | None = None,
          allow_private: bool = False) -> Response:
    """GET ``url`` within the limits above (module defaults unless given), or raise FetchError.

    ``timeout`` is the deadline for all of it, redirects included. ``allow_private`` lets the
    fetch (and its redirects) reach loopback, private, link-local and reserved addresses.
    """
    deadline = Deadline(DEFAULT_TIMEOUT if timeout is None else timeout)
    token = _deadline.set(deadline)
    try:
        return _follow(url, pool(allow_private), DEFAULT_MAX_BYTES if max_bytes is None else max_bytes, deadline)
    finally:
        _deadline.reset(token)
        deadline.cancel()


def _follow(url: str, manager: urllib3.PoolManager, max_bytes: int, deadline: Deadline) -> Response:
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        check_scheme(current)
        response = _request(manager, current, deadline)
        complete = False
        try:
            if response.status in REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(current, f"redirect ({response.status}) without a Location")
                _read_body(response, current, max_bytes, deadline)  # read to the end: the connection is reused
                complete = True
                current = urljoin(current, location)
                continue
            if response.status != 200:
                raise FetchError(current, f"HTTP {response.status}")
            body = _read_body(response, current, max_bytes, deadline)
            complete = True
            return Response(current, response.headers.get("Content-Type", ""), body)
        finally:
            if not complete:
                response.close()  # a response left half-read must not go back to the pool
            response.release_conn()
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def _request(manager: urllib3.PoolManager, url: str, deadline: Deadline) -> urllib3.BaseHTTPResponse:
    left = deadline.remaining()
    if left <= 0:
        raise _too_slow(url, deadline)
    try:
        return manager.request("GET", url, redirect=False, preload_content=False,
                               timeout=urllib3.Timeout(connect=left, read=left))
    except AddressRefused as exc:
        raise FetchError(url, f"refused: {exc}; {HOW_TO_ALLOW}") from None
    except urllib3.exceptions.HTTPError as exc:
        if deadline.fired or isinstance(exc, urllib3.exceptions.TimeoutError):
            raise _too_slow(url, deadline) from None
        raise FetchError(url, f"cannot be fetched ({exc.__class__.__name__}: {exc})") from None


def _read_body(response: urllib3.BaseHTTPResponse, url: str, max_bytes: int, deadline: Deadline) -> bytes:
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchError(url, f"too large ({int(declared):,} bytes; the cap is {max_bytes:,})")
    body = bytearray()
    try:
        for chunk in response.stream(64 * 1024):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(url, f"too large (over the cap of {max_bytes:,} bytes)")
    except urllib3.exceptions.HTTPError as exc:
        if deadline.fired or isinstance(exc, urllib3.exceptions.TimeoutError):
            raise _too_slow(url, deadline) from None
        raise FetchError(url, f"failed while reading ({exc.__class__.__name__}: {exc})") from None
    if deadline.fired:  # a body without a length, cut off by the deadline, would look complete
        raise _too_slow(url, deadline)
    return bytes(body)


def _too_slow(url: str, deadline: Deadline) -> FetchError:
    return FetchError(url, f"cannot be fetched within {deadline.seconds:g} s "
                           "(FORCEWATCH_FETCH_TIMEOUT: connecting, headers, body and redirects together)")

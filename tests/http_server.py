"""A tiny HTTP/1.1 server on 127.0.0.1 for tests: routes map a path to (status, headers, body).

It speaks HTTP/1.1 with keep-alive, as real sites do, so a client that leaves a response unread
on a reused connection fails here as it would there.
"""

from __future__ import annotations

import contextlib
import threading
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Serve ``routes`` on an ephemeral loopback port; use as a context manager.

    ``delays`` holds a path's wait before answering; ``trickles`` a path's pause between bytes,
    from the status line on (``headers=True``) or from the body on.
    """

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.delays: dict[str, float] = {}
        self.trickles: dict[str, tuple[float, bool]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # the name http.server calls
                site.requests.append(self.path)
                time.sleep(site.delays.get(self.path, 0))
                status, headers, body = site.routes.get(self.path, (404, {}, b"not found"))
                pause, headers_too = site.trickles.get(self.path, (0.0, False))
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    if pause:
                        self.close_connection = True
                        self.trickle(status, headers, body, pause, headers_too)
                        return
                    self.send_response(status)
                    for key, value in headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)

            def trickle(self, status: int, headers: dict[str, str], body: bytes, pause: float, headers_too: bool) -> None:
                lines = [f"HTTP/1.1 {status} {HTTPStatus(status).phrase}", *(f"{k}: {v}" for k, v in headers.items()),
                         f"Content-Length: {len(body)}", "Connection: close", "", ""]
                head = "\r\n".join(lines).encode("latin-1")
                if not headers_too:
                    self.wfile.write(head)
                    head = b""
                data = head + body
                for i in range(len(data)):
                    self.wfile.write(data[i : i + 1])
                    self.wfile.flush()
                    time.sleep(pause)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def page(self, path: str, html: str) -> str:
        self.routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"}, html.encode("utf-8"))
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 301) -> str:
        """A redirect with a body, as real servers send ("Moved Permanently ...")."""
        body = f'<html><body>Moved Permanently to <a href="{location}">{location}</a></body></html>'.encode()
        self.routes[path] = (status, {"Location": location, "Content-Type": "text/html"}, body)
        return self.url(path)

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

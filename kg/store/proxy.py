"""An HTTP front for the oxigraph server that predeclares kg's prefixes.

The oxigraph server has no option for predeclared prefixes, so ``kg serve`` listens on the
user's port itself and forwards every request (query UI, ``/query``, ``/update``,
``/store``) to oxigraph on a private port, adding PREFIX lines for the prefixes ``kg query``
predeclares to the SPARQL text it carries: the README's queries work against the endpoint
as they do on the command line. It runs in the serving process, so it stops with it.
"""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .namespaces import with_prefixes

__all__ = ["PrefixProxy", "add_prefixes", "start_proxy"]

# Headers about one connection, not the message; Content-Length is recomputed.
_HOP = frozenset({"connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                  "te", "trailers", "transfer-encoding", "upgrade", "content-length", "host"})
# route -> (form or URL parameter, media type of a direct POST body) carrying SPARQL text
_SPARQL_ROUTES = {"/query": ("query", "application/sparql-query"),
                  "/update": ("update", "application/sparql-update")}


def _rewrite_form(text: str, name: str) -> str:
    pairs = urllib.parse.parse_qsl(text, keep_blank_values=True)
    pairs = [(k, with_prefixes(v) if k == name else v) for k, v in pairs]
    return urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)


def add_prefixes(path: str, content_type: str, body: bytes) -> tuple[str, bytes]:
    """The request's path and body with kg's prefixes added to the SPARQL they carry."""
    parts = urllib.parse.urlsplit(path)
    route = _SPARQL_ROUTES.get(parts.path.rstrip("/"))
    if route is None:
        return path, body
    name, media = route
    if parts.query:
        path = urllib.parse.urlunsplit(parts._replace(query=_rewrite_form(parts.query, name)))
    kind = content_type.split(";")[0].strip().lower()
    if body and kind == "application/x-www-form-urlencoded":
        body = _rewrite_form(body.decode("utf-8"), name).encode("utf-8")
    elif body and kind == media:
        body = with_prefixes(body.decode("utf-8")).encode("utf-8")
    return path, body


class _Forward(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: a remote build sends many small requests
    server: PrefixProxy

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass  # oxigraph keeps its own log; one line per request would flood the terminal

    def _forward(self) -> None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            self.send_error(411, "send the request with a Content-Length")
            return
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path, body = add_prefixes(self.path, self.headers.get("Content-Type", ""), body)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
        if body or self.command in ("POST", "PUT"):
            headers["Content-Length"] = str(len(body))
        backend = http.client.HTTPConnection(*self.server.backend)
        try:
            backend.request(self.command, path, body=body or None, headers=headers)
            response = backend.getresponse()
            data = response.read()
        except OSError as exc:
            self.send_error(502, f"the oxigraph server did not answer: {exc}")
            return
        finally:
            backend.close()
        self.send_response(response.status, response.reason)
        for key, value in response.getheaders():
            if key.lower() not in _HOP:
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_OPTIONS = _forward


class PrefixProxy(ThreadingHTTPServer):
    """The listening front: forwards to backend (host, port) on its own thread."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], backend: tuple[str, int]) -> None:
        self.backend = backend
        super().__init__(address, _Forward)

    def stop(self) -> None:
        """Stop serving and release the port."""
        self.shutdown()
        self.server_close()


def start_proxy(host: str, port: int, backend: tuple[str, int]) -> PrefixProxy:
    """Listen on host:port and forward to backend in a daemon thread; OSError if the port is taken."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    kind = type("PrefixProxy", (PrefixProxy,), {"address_family": family})
    proxy = kind((host, port), backend)
    threading.Thread(target=proxy.serve_forever, name=f"kg-serve-{port}", daemon=True).start()
    return proxy

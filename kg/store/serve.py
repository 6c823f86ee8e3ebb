"""Expose an on-disk store over the SPARQL 1.1 protocol with the `oxigraph` server.

``oxigraph serve-read-only`` (the default) or ``oxigraph serve`` (writable) runs as a
subprocess on a private port of 127.0.0.1, with ``--union-default-graph`` so that a query
without GRAPH sees every document, as ``kg query`` does. A front in this process
(kg.store.proxy) listens on the requested address and adds the prefixes ``kg query``
predeclares. Endpoints: ``/query`` (GET or POST), ``/update`` and ``/store`` when writable,
and a query UI at ``/``.

Locking (measured with oxigraph 0.5.13): a writable server takes the store's RocksDB lock,
so it cannot start while a writer (``kg build``, a ``KGStore``) has the store open, and
while it runs kg can only open the store read-only. A read-only server takes no lock and
starts next to a writer, but Oxigraph documents reading a store that another process is
writing as undefined behaviour, and it sees the store as it was when it started: stop
building (or restart the server) to serve fresh data.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from kg.errors import StoreError
from kg.store.proxy import PrefixProxy, start_proxy

__all__ = ["Server", "find_oxigraph", "serve", "start_server"]


def find_oxigraph() -> str:
    """Return the path of the `oxigraph` server executable (next to Python, else on PATH)."""
    here = Path(sys.executable).parent
    for name in ("oxigraph", "oxigraph.exe"):
        candidate = here / name
        if candidate.is_file():
            return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise StoreError("the oxigraph server is not installed; install it with: pip install 'oxigraph>=0.5,<0.6'")


@dataclass
class Server:
    """A running `oxigraph` server process serving one store, behind kg's prefix front."""

    process: subprocess.Popen[bytes]
    url: str
    location: Path
    read_only: bool
    log: Path | None = field(default=None, repr=False)
    front: PrefixProxy | None = field(default=None, repr=False)

    @property
    def pid(self) -> int:
        """The server's process id."""
        return self.process.pid

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 query endpoint."""
        return f"{self.url}/query"

    def running(self) -> bool:
        """Whether the server process is still alive."""
        return self.process.poll() is None

    def stop(self, timeout: float = 10.0) -> int:
        """Stop the server (SIGTERM, then SIGKILL after timeout); return its exit code."""
        if self.front is not None:
            front, self.front = self.front, None
            front.stop()
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.log is not None:
            self.log.unlink(missing_ok=True)
        return int(self.process.returncode)

    def wait(self) -> int:
        """Block until the server exits (Ctrl-C stops it); return its exit code."""
        try:
            return int(self.process.wait())
        except KeyboardInterrupt:
            return self.stop()

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _die_with_parent() -> Callable[[], None] | None:
    """A preexec function that makes the child get SIGTERM when its parent dies (Linux).

    Without it, `kill -9` of `kg serve` (or of a script that started a server) left the
    oxigraph process running on its port, orphaned. Elsewhere (and from a thread other than
    the main one) the server outlives a parent killed with SIGKILL; a plain stop still
    stops it."""
    # The signal follows the thread that started the child: only the main thread's (whose
    # end is the process's) is tied, so a server started from a worker thread is not
    # stopped when that thread finishes.
    if not sys.platform.startswith("linux") or threading.current_thread() is not threading.main_thread():
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    parent = os.getpid()

    def preexec() -> None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)

    return preexec


_PR_SET_PDEATHSIG = 1


def _check_store(path: Path, read_only: bool) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"cannot serve {path}: it is a file, not a store folder")
    if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
        raise StoreError(f"cannot serve {path}: the folder is not empty and is not an Oxigraph store")
    if read_only and not (path / "CURRENT").is_file():
        raise StoreError(f"cannot serve {path}: no store there (build one first with kg build)")


def _check_port(host: str, port: int) -> None:
    # Another server on the port would answer our readiness probe in place of ours.
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise StoreError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        try:
            probe.connect(address)
        except OSError:
            return  # nothing listening
    raise StoreError(f"cannot serve on {host}:{port}: the address is already in use")


def _ready(url: str) -> bool:
    query = urllib.parse.quote("ASK {}")
    try:
        with urllib.request.urlopen(f"{url}/query?query={query}", timeout=1) as response:
            response.read()
        return True
    except (OSError, urllib.error.URLError):
        return False


def _failure(log: Path) -> str:
    try:
        lines = [line.strip() for line in log.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()]
    except OSError:
        lines = []
    text = lines[-1] if lines else "no message"
    lowered = " ".join(lines).casefold()
    if "lock" in lowered:
        return "the store is open for writing elsewhere (close kg build / the KGStore, or serve read-only)"
    if "address" in lowered and ("in use" in lowered or "use" in lowered):
        return f"the address is already in use ({text})"
    return text


def _private_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = True,
    timeout: float = 30.0,
) -> Server:
    """Start `oxigraph serve[-read-only]` on the store and return once it answers queries."""
    location = Path(store_path)
    _check_store(location, read_only)
    exe = find_oxigraph()
    _check_port(host, port)
    server = _start_oxigraph(exe, location, read_only, timeout)
    try:
        server.front = start_proxy(host, port, ("127.0.0.1", int(server.url.rsplit(":", 1)[1])))
    except OSError as exc:
        server.stop()
        raise StoreError(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None
    shown = f"[{host}]" if ":" in host else host
    server.url = f"http://{shown}:{port}"
    return server


def _start_oxigraph(exe: str, location: Path, read_only: bool, timeout: float) -> Server:
    port = _private_port()
    command = [
        exe,
        "serve-read-only" if read_only else "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    # The server's output goes to a temporary log, read back to explain a failed start.
    handle, name = tempfile.mkstemp(prefix="kg-serve-", suffix=".log")
    os.close(handle)
    log = Path(name)
    with open(log, "wb") as sink:
        try:
            process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                       preexec_fn=_die_with_parent())
        except OSError as exc:
            log.unlink(missing_ok=True)
            raise StoreError(f"cannot start {exe}: {exc.strerror or exc}") from None
    url = f"http://127.0.0.1:{port}"
    server = Server(process=process, url=url, location=location, read_only=read_only, log=log)
    deadline = time.monotonic() + timeout
    while not _ready(url):
        if process.poll() is not None:
            message = _failure(log)
            log.unlink(missing_ok=True)
            raise StoreError(f"the oxigraph server stopped at start: {message}")
        if time.monotonic() > deadline:
            server.stop()
            raise StoreError(f"the oxigraph server did not answer on {url} within {timeout:.0f} s")
        time.sleep(0.05)
    time.sleep(0.05)
    if process.poll() is not None:  # lost a race for the private port to another server
        message = _failure(log)
        log.unlink(missing_ok=True)
        raise StoreError(f"the oxigraph server stopped at start: {message}")
    return server


def serve(
    store_path: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    read_only: bool = True,
) -> int:
    """Serve the store until interrupted (Ctrl-C or SIGTERM); return the server's exit code."""
    server = start_server(store_path, host=host, port=port, read_only=read_only)
    print(f"SPARQL endpoint {server.query_url} ({'read-only' if read_only else 'read-write'}); "
          f"query UI at {server.url}/ ; Ctrl-C to stop", flush=True)
    if read_only:
        # Oxigraph's read-only server sees the store as it was when it opened it.
        print("Serving a snapshot of the store as it is now: documents added later are not seen "
              "until kg serve is restarted. To add documents while serving, run kg serve --writable "
              f"and build into it with --store sparql+{server.url}", flush=True)
    previous = signal.getsignal(signal.SIGTERM)

    def _terminate(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread
        previous = None
    try:
        return server.wait()
    finally:
        server.stop()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)

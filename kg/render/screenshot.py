"""A picture of a graph page once its layout is finished, taken by headless Chromium.

`chromium --screenshot --virtual-time-budget=N` shoots after a fixed budget, which can
catch the page half laid out ("Laying out… 38%"). This drives the browser over the
DevTools protocol instead (on a pipe, standard library only: no Playwright needed for
`make demo`), waits until the page says its layout is done, then shoots.

    python -m kg.render.screenshot out/graph.html out/graph.png [--size 1400x900]
"""

from __future__ import annotations

import argparse
import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kg.errors import KGError

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
         "--remote-debugging-pipe"]
# Set by the page (app.js) once the layout is finished, labels placed and the view fitted.
READY = "document.documentElement.dataset.kgStable === 'true'"


class _Pipe:
    """DevTools protocol over --remote-debugging-pipe: JSON messages ended by NUL, commands
    on the browser's fd 3, replies and events on its fd 4."""

    def __init__(self, write_fd: int, read_fd: int) -> None:
        self.write_fd, self.read_fd = write_fd, read_fd
        self.buffer = b""
        self.next_id = 0

    def call(self, method: str, params: dict[str, Any] | None = None, *,
             session: str | None = None, timeout: float = 30.0) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.write_fd, data):]
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise KGError(f"chromium: {method}: {reply['error'].get('message')}")
                return reply.get("result", {})

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.read_fd], [], [], left)[0]:
                raise KGError("chromium did not answer in time")
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise KGError("chromium closed the DevTools pipe")
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(raw)


def _high(fd: int) -> int:
    """A copy of fd numbered 10 or more, so moving it to 3 or 4 in the child clobbers nothing."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
    os.close(fd)
    return copy


def screenshot(page: str | os.PathLike[str], out: str | os.PathLike[str], *,
               width: int = 1400, height: int = 900, timeout: float = 120.0,
               chromium: str = CHROMIUM) -> Path:
    """Open page (an HTML file) in headless Chromium, wait until its graph is laid out
    and write a PNG of it to out. Raises KGError when the page never gets there."""
    page_path = Path(page).resolve()
    if not page_path.is_file():
        raise KGError(f"{page}: no such file")
    if not Path(chromium).exists():
        raise KGError(f"{chromium} is missing: install Debian's chromium (apt-get install chromium)")
    cmd_r, cmd_w = (_high(fd) for fd in os.pipe())
    resp_r, resp_w = (_high(fd) for fd in os.pipe())

    def child_fds() -> None:
        os.dup2(cmd_r, 3)
        os.dup2(resp_w, 4)

    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    proc = subprocess.Popen(
        [chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
         "about:blank"],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        pass_fds=(3, 4), preexec_fn=child_fds)  # noqa: PLW1509 (single-threaded caller)
    os.close(cmd_r)
    os.close(resp_w)
    pipe = _Pipe(cmd_w, resp_r)
    try:
        target = pipe.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = pipe.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        pipe.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
                  session=session)
        pipe.call("Page.navigate", {"url": page_path.as_uri()}, session=session)
        deadline = time.monotonic() + timeout
        while True:
            state = pipe.call("Runtime.evaluate", {"expression": READY, "returnByValue": True},
                              session=session)
            if state.get("result", {}).get("value") is True:
                break
            if time.monotonic() > deadline:
                raise KGError(f"{page}: the graph was not laid out within {timeout:.0f} s")
            time.sleep(0.1)
        shot = pipe.call("Page.captureScreenshot", {"format": "png"}, session=session)
        target_path = Path(out)
        target_path.parent.mkdir(parents=True, exist_ok=True)
        target_path.write_bytes(base64.b64decode(shot["data"]))
        try:
            pipe.call("Browser.close", timeout=5)
        except KGError:
            pass
        return target_path
    finally:
        os.close(cmd_w)
        os.close(resp_r)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(profile, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="the graph page (HTML file)")
    parser.add_argument("out", help="the PNG to write")
    parser.add_argument("--size", default="1400x900", help="window size WIDTHxHEIGHT")
    parser.add_argument("--timeout", type=float, default=120.0)
    args = parser.parse_args(argv)
    try:
        width, height = (int(v) for v in args.size.lower().split("x"))
        path = screenshot(args.page, args.out, width=width, height=height, timeout=args.timeout)
    except (KGError, ValueError) as exc:
        print(f"screenshot: {exc}", file=sys.stderr)
        return 1
    print(f"Screenshot: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

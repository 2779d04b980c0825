"""The real app in a real browser: a demo store built by the CLI, `qantar serve` on a free
loopback port, and Debian's Chromium driven by Playwright (never a downloaded browser).

The store and server live for the module; each test gets a fresh browser context (no
cookies), and its page records console errors, uncaught exceptions and CSP violations.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "examples" / "manifest.csv"
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "correct horse battery"
REVIEWER = "ana"
START_TIMEOUT = 30.0

# CSP violations reach the console as errors too; this listener makes them explicit, whatever
# wording the browser uses. Init scripts are injected by the driver, so CSP does not block them.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


def qantar(*args: str, stdin: str | None = None, timeout: float = 120) -> str:
    """Run the real CLI (``python -m qantar``) from the repository root; its output."""
    done = subprocess.run(
        [sys.executable, "-m", "qantar", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, f"qantar {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout + done.stderr


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    url: str
    db: str

    def rebuild(self) -> str:
        """Re-extract every document into the running server's store (a new extractor)."""
        return qantar("build", "--force", "--manifest", str(MANIFEST), "--db", self.db)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`qantar serve` over a freshly built demo store, with reviewer ana."""
    import httpx

    folder = tmp_path_factory.mktemp("e2e")
    db = f"sqlite:///{folder / 'qantar.db'}"
    qantar("build", "--manifest", str(MANIFEST), "--db", db)
    qantar("user", "add", REVIEWER, "--password-stdin", "--db", db, stdin=PASSWORD + "\n")

    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (folder / "serve.log").open("w")
    env = {**os.environ, "QANTAR_SECRET": "e2e-secret-not-for-production"}
    process = subprocess.Popen(
        [sys.executable, "-m", "qantar", "serve", "--db", db, "--host", "127.0.0.1"]
        + ["--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"qantar serve exited ({process.returncode}):\n{_read(folder)}")
            try:
                if httpx.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                waited = f"qantar serve did not answer in {START_TIMEOUT:.0f} s"
                pytest.fail(f"{waited}:\n{_read(folder)}")
            time.sleep(0.2)
        yield Server(url, db)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _read(folder: Path) -> str:
    return (folder / "serve.log").read_text(errors="replace")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def errors() -> list[str]:
    """What went wrong in the page: console errors, uncaught exceptions, CSP violations."""
    return []


@pytest.fixture
def page(browser: Any, server: Server, errors: list[str]) -> Iterator[Any]:
    """A page in a fresh context (no cookies) whose relative URLs go to the server."""
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            errors.append(f"console: {message.text} at {page.url}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(f"exception: {error} at {page.url}"))
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS

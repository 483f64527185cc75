"""The running app and a headless Chromium to drive it (Playwright + Debian's /usr/bin/chromium).

Never `playwright install`: Playwright drives the system Chromium. Where there is none, the
browser tests skip, except in CI (CI=true), where they must run and so fail instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.driver import wait_for_run

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start_app(data_dir: Path | None = None) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = dict(os.environ)
    if data_dir:
        env["ALLIANCE_DATA_DIR"] = str(data_dir)
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true", "--browser.gatherUsageStats", "false"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the app did not start: {process.stderr.read().decode()[-2000:]}")


@pytest.fixture(scope="session")
def app_url():
    process, url = _start_app()
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def fresh_app_url():
    """An app server of its own that no page has been opened on yet."""
    process, url = _start_app()
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium at /usr/bin/chromium for the browser tests")
        pytest.skip("no Chromium here (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def open_page(page, app_url):
    """Open a page of the app by its URL path and query string, and wait for its run to finish."""
    def open_(path: str = "", query: str = ""):
        page.goto(f"{app_url}/{path}" + (f"?{query}" if query else ""))
        wait_for_run(page)
        return page
    return open_

"""Helpers for the browser tests: waiting for a Streamlit run, screenshots to look at."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def wait_for_run(page) -> None:
    """Wait until Streamlit's script run has finished and the page has settled."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_timeout(300)


SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under tests/browser/screenshots/ (not committed) to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

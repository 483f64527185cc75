"""Helpers for the browser tests: waiting for a Streamlit run, screenshots to look at."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


# The page's height, sampled until it holds still: charts and frames keep growing for a moment
# after the run ends, and a click aimed during that reflow lands on whatever moved under it.
_SETTLED = """() => new Promise(resolve => {
    const height = () => document.querySelector('[data-testid="stMain"]')?.scrollHeight ?? 0;
    let last = -1, still = 0;
    const timer = setInterval(() => {
        const now = height();
        still = now === last ? still + 1 : 0;
        last = now;
        if (still >= 3) { clearInterval(timer); resolve(true); }
    }, 150);
})"""


def wait_for_run(page) -> None:
    """Wait until Streamlit's script run has drawn something, finished, and the page's layout has settled."""
    page.wait_for_selector('[data-testid="stMain"] [data-testid="stElementContainer"]', timeout=60_000)
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=60_000)
    page.wait_for_function(_SETTLED, timeout=30_000)


SCREENSHOTS = ROOT / "tests" / "browser" / "screenshots"


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under tests/browser/screenshots/ (not committed) to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path

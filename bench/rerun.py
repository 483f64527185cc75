"""How much work a rerun of each page does, as a ratio to a minimal Streamlit page timed in the same run.

    python bench/rerun.py [--runs 15]

Each page is opened through app.py (as a reader would), then rerun `--runs` times; the median
rerun time is divided by the minimal page's median. The first run (reading and validating the data
into the cache) is reported on its own. Ratios, not seconds, because machines differ.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

from components.app import site  # noqa: E402
from components.app.store import DEFAULT_DATA_DIR  # noqa: E402
from components.data.validation import read_folder  # noqa: E402


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def rerun_times(app: AppTest, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        times.append(timed(app.run))
        if app.exception:
            raise RuntimeError(app.exception[0].message)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs

    read_ms = statistics.median(timed(lambda: read_folder(DEFAULT_DATA_DIR)) for _ in range(5)) * 1000
    minimal = AppTest.from_file(str(ROOT / "bench" / "minimal_page.py"), default_timeout=60)
    minimal.run()
    baseline = statistics.median(rerun_times(minimal, runs))

    print(f"read + validate all data (uncached): {read_ms:.0f} ms; minimal page rerun: {baseline * 1000:.1f} ms")
    print(f"{'page':<20} {'first run':>10} {'rerun':>9} {'ratio':>7}")
    for spec in site.PAGES:
        app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        app.switch_page(spec.path)
        first = timed(app.run)
        median = statistics.median(rerun_times(app, runs))
        print(f"{spec.title:<20} {first * 1000:>8.0f}ms {median * 1000:>7.1f}ms {median / baseline:>6.1f}x")


if __name__ == "__main__":
    main()

"""How long building the Network page's HTML takes for a large generated network, against the real one.

    python bench/network_build.py [--nodes 1000] [--edges 5000] [--repeat 5]

Prints the median time of each step (layout, HTML) for the real data and for a generated network of the given
size, and their ratio. A benchmark, not a test: nothing here asserts a time. The HTML of the large network is
written to bench/results/ so it can be opened in a browser to judge how it draws.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components import network  # noqa: E402
from components.app.store import DEFAULT_DATA_DIR  # noqa: E402
from components.data.contract import COMPANY_KINDS, LINK_STATUSES, LINK_TYPES  # noqa: E402
from components.data.validation import read_folder  # noqa: E402

RESULTS = ROOT / "bench" / "results"


def generated(nodes: int, edges: int, seed: int = 1999) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Companies and ties shaped like the contract: a few hubs, many small companies, ties since 1999."""
    rng = random.Random(seed)
    ids = [f"company-{i}" for i in range(nodes)]
    companies = pd.DataFrame({
        "id": ids, "name": [f"Company {i} <b>&amp;</b>" for i in range(nodes)], "country": "JP",
        "kind": [rng.choice(COMPANY_KINDS) for _ in ids], "color": "#0072B2",
        "source_url": "https://example.org", "source_status": "verified", "note": "",
    })
    # Preferential attachment: early companies gather most ties, as hubs do.
    weights = [1 / (i + 1) ** 0.8 for i in range(nodes)]
    # Every company has at least one tie; the rest go mostly to the hubs.
    pairs = {(company, rng.choices(ids[:i], weights=weights[:i])[0], rng.choice(LINK_TYPES))
             for i, company in enumerate(ids) if i}
    while len(pairs) < edges:
        source, target = rng.choices(ids, weights=weights, k=2)
        if source != target:
            pairs.add((source, target, rng.choice(LINK_TYPES)))
    rows = []
    for source, target, kind in pairs:
        start = pd.Timestamp("1999-01-01") + pd.Timedelta(days=rng.randrange(9000))
        ended = rng.random() < 0.2
        rows.append({
            "source": source, "target": target, "type": kind, "start": start,
            "end": start + pd.Timedelta(days=rng.randrange(30, 2000)) if ended else pd.NaT,
            "status": "ended" if ended else rng.choice([s for s in LINK_STATUSES if s != "ended"]),
            "weight": rng.randint(1, 5), "label": f"tie {len(rows)} href <i>x</i>",
            "source_url": "https://example.org", "source_status": "verified", "note": "",
        })
    links = pd.DataFrame(rows).astype({"weight": "Int64"})
    return companies, links


def timed(step, repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        begin = time.perf_counter()
        result = step()
        times.append(time.perf_counter() - begin)
    return statistics.median(times), result


def measure(companies: pd.DataFrame, links: pd.DataFrame, repeat: int) -> dict:
    layout_time, positions = timed(lambda: network.layout(links), repeat)
    drawn = len(network.tie_counts(links))
    html_time, page = timed(lambda: network.network_html(links, companies, title="Benchmark", positions=positions),
                            repeat)
    return {"nodes": drawn, "edges": len(links), "layout": layout_time, "html": html_time, "page": page}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=1000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    data = read_folder(DEFAULT_DATA_DIR)
    if data.problems_for("companies", "links"):
        sys.exit("data/ has problems in companies.csv or links.csv; fix them first")
    real = measure(data.frames["companies"], data.frames["links"], args.repeat)
    large = measure(*generated(args.nodes, args.edges), args.repeat)

    print(f"Layouts in Python stop at {network.LAYOUT_LIMIT} companies; above it the browser lays the network out.")
    print(f"{'':<22}{'nodes':>7}{'edges':>7}{'layout s':>10}{'HTML s':>9}{'HTML MB':>9}")
    for name, run in (("real network (all ties)", real), ("generated", large)):
        print(f"{name:<22}{run['nodes']:>7}{run['edges']:>7}{run['layout']:>10.3f}{run['html']:>9.3f}"
              f"{len(run['page']) / 1e6:>9.2f}")
    print(f"ratio generated / real: layout ×{large['layout'] / real['layout']:.1f}, "
          f"HTML ×{large['html'] / real['html']:.1f}")

    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"network-{large['nodes']}-{large['edges']}.html"
    path.write_text(large["page"], encoding="utf-8")
    print(f"large network written to {path.relative_to(ROOT)} (open it in a browser)")


if __name__ == "__main__":
    main()

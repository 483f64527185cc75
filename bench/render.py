"""How fast each page of the app is drawn in a real browser, as a ratio to a floor app timed in the same run.

    python bench/render.py [--rounds 3] [--scales 1,10,100] [--sessions 20] [--short]

It starts the app (`streamlit run app.py`, one server per data scale, the larger data written by
bench/generate.py) and the three floor apps of bench/floors/, and drives headless Chromium (Debian's
/usr/bin/chromium through Playwright). Each page is opened in a fresh browser context and timed from
navigation to **rendered**: the script run finished, no skeleton left, every Plotly chart's SVG drawn,
every iframe loaded, and a pyvis network drawn with its physics stopped (bench/probe.js keeps the time
in the page). Then one filter change per page is timed until the page is rendered again, and its server part
(rerun request to the run's last message, on the browser's network clock) told apart. Pages and floors
are interleaved in every round, after a warm-up round; min and median are reported, and the median as a
ratio to the floor of the page's kind (Overview: a st.write page; History, Plan, Partners, Data: one
Plotly chart; Network: one pyvis network), each filter change against the same widget on that floor.

Also: each page's server-side rerun (AppTest, as bench/rerun.py does) against its floor's, the server's
memory (VmRSS of the streamlit process) idle, after every page was visited and with 20 sessions open at
once, the browser's own account of each load (script, layout and style time, from the DevTools
Performance domain), and the network itself: its frame's time from beginning to load to its drawing settled,
against pyvis's default page on the floor (the page around it not counted).

Ratios, not seconds: the machine is shared and its speed varies, so what compares across runs is the page
against a floor measured in the same rounds. Results go to bench/results/render-YYYYMMDD-HHMM.json and .md,
and latest.md. `--short` (one round, the real data only, no warm-up, no concurrent sessions) is the CI
smoke run: it writes render-…-short.json/.md and leaves latest.md to full runs.

Third-party hosts are unreachable to the browser (--host-resolver-rules): a page is timed without the
internet, as it is drawn offline, whatever the machine's network.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.metadata
import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright  # noqa: E402
from playwright.sync_api import Error as PlaywrightError  # noqa: E402
from streamlit.testing.v1 import AppTest  # noqa: E402

from bench.generate import generate  # noqa: E402
from bench.rerun import rerun_times  # noqa: E402
from components.app import site  # noqa: E402
from components.app.store import DATA_DIR_VARIABLE  # noqa: E402

BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
FLOOR_DIR = BENCH / "floors"
PROBE = (BENCH / "probe.js").read_text(encoding="utf-8")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
]
VIEWPORT = {"width": 1400, "height": 1000}
QUIET_MS = 300  # a page counts as rendered once it has stayed so this long (see probe.settled)
# What the browser's DevTools Performance domain says the page's main thread spent its time on.
BROWSER_METRICS = {"ScriptDuration": "script", "LayoutDuration": "layout", "RecalcStyleDuration": "style",
                   "TaskDuration": "main_thread"}


# --- what is measured ------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """A filter change: one click on a widget (found by its key), timed until the page is rendered again: another
    option of a segmented control or a selectbox, a button pressed, or a multiselect's last value removed (its
    first option chosen when it has none).

    `widget` is the kind of widget, which is what a page's change is compared with on its floor.
    """

    widget: str  # "segmented", "selectbox", "multiselect", "button" or "tab"
    key: str


@dataclass(frozen=True)
class Floor:
    """A floor app: the least Streamlit can do for one kind of page, and the widgets its pages are changed with."""

    kind: str
    script: Path
    changes: tuple[Change, ...]


FLOORS = {floor.kind: floor for floor in (
    Floor("write", FLOOR_DIR / "write_page.py", (Change("segmented", "format"),)),
    Floor("plotly", FLOOR_DIR / "plotly_page.py",
          (Change("segmented", "mode"), Change("selectbox", "step"), Change("multiselect", "series"))),
    Floor("pyvis", FLOOR_DIR / "pyvis_page.py", (Change("button", "seed_1999"),)),
)}


@dataclass(frozen=True)
class AppPage:
    """A page of the app (by its URL path), the floor it is measured against, and its filter change."""

    url_path: str
    title: str
    script: str
    floor: str
    change: Change

    @property
    def address(self) -> str:
        """Where the page is served: the default page (site.navigation's first) at /, the others at their path."""
        return "" if self.url_path == site.PAGES[0].url_path else self.url_path

    @property
    def changes(self) -> tuple[Change, ...]:
        """Its filter change, then, on a page of several sections, a click on its second tab (timed on its own:
        a floor has no tabs)."""
        return (self.change, TAB_SWITCH) if self.url_path in site.SECTIONS else (self.change,)


# A click on a page's second tab: its section drawn for the first time (filters.tabs' widget).
TAB_SWITCH = Change("tab", "view_tab")
# Each page of components/app/site.py: its floor and its filter change (a page missing here is an error).
PAGE_PLANS = {
    "overview": ("write", Change("segmented", "image_format")),  # the sidebar's "Chart camera saves"
    "history": ("plotly", Change("segmented", "lanes")),
    "plan": ("plotly", Change("multiselect", "model_status")),
    "partners": ("plotly", Change("multiselect", "talk_status")),
    "data": ("plotly", Change("selectbox", "dataset")),
    "network": ("pyvis", Change("button", "preset_1999")),
}
APP_PAGES = tuple(AppPage(spec.url_path, spec.title, spec.path, *PAGE_PLANS[spec.url_path]) for spec in site.PAGES)


# --- servers ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """A `streamlit run` of one script on a free localhost port, and its memory."""

    def __init__(self, script: Path, env: dict[str, str] | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
             "--server.port", str(self.port), "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

    def wait_healthy(self, timeout: float = 120) -> Server:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.url} did not start: {self.process.stderr.read().decode()[-2000:]}")

    def memory_mib(self) -> dict[str, float]:
        """The server's resident memory now (VmRSS) and at its peak so far (VmHWM), in MiB."""
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines())
        return {name: round(int(fields[field].split()[0]) / 1024, 1) for name, field in
                (("rss", "VmRSS"), ("peak", "VmHWM"))}

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


# --- a stuck page --------------------------------------------------------------------------

def renderers() -> set[int]:
    """The browser's renderer processes: descendants of this process started as `chromium --type=renderer`."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):  # a process that ended meanwhile
            children.setdefault(int(stat.read_text().rsplit(")", 1)[1].split()[1]), []).append(int(stat.parent.name))
    found, todo = set(), [os.getpid()]
    while todo:
        for child in children.get(todo.pop(), []):
            todo.append(child)
            with contextlib.suppress(OSError):
                if b"--type=renderer" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.add(child)
    return found


class Watchdog:
    """Stops the renderers started during a visit that is still going `seconds` later.

    Playwright keeps its timeouts with timers inside the page, so a page whose main thread stays busy for
    minutes (a chart of 10,000 points) outlasts any timeout. Killing the page's renderer (a fresh context
    has its own) makes the waiting call fail at once, and the run goes on.
    """

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.fired = False

    def __enter__(self) -> Watchdog:
        self.before = renderers()
        self.timer = threading.Timer(self.seconds, self.fire)
        self.timer.daemon = True
        self.timer.start()
        return self

    def fire(self) -> None:
        self.fired = True
        for pid in renderers() - self.before:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def explain(self, error: Exception) -> str:
        if self.fired:
            return f"not rendered within {self.seconds:.0f} s (its renderer was stopped)"
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"

    def __exit__(self, *exc_info) -> None:
        self.timer.cancel()


# --- one visit -------------------------------------------------------------------------------

def wait_rendered(page: Page, timeout_s: float) -> dict:
    page.wait_for_function("quiet => window.__bench && window.__bench.settled(quiet)", arg=QUIET_MS,
                           timeout=timeout_s * 1000)
    return page.evaluate("window.__bench.times()")


def browser_metrics(cdp) -> dict[str, float]:
    """Milliseconds of main-thread work so far, by kind (DevTools Performance.getMetrics)."""
    metrics = {metric["name"]: metric["value"] for metric in cdp.send("Performance.getMetrics")["metrics"]}
    return {label: round(metrics[name] * 1000, 1) for name, label in BROWSER_METRICS.items()}


def in_view(page: Page, locator):
    """`locator` scrolled into view, and the scroll over: a popup opened during a scroll closes at once."""
    locator.scroll_into_view_if_needed()
    page.evaluate("new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return locator


def click_point(page: Page, locator) -> tuple[float, float]:
    """Where to click `locator`: the click itself is then one mouse event, not a search for the element."""
    box = in_view(page, locator).bounding_box()
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


class SocketClock:
    """When the page's websocket frames leave and arrive, on the browser's network clock (DevTools' Network
    domain): unlike the page's own message events, these are not held up while the page is busy drawing."""

    def __init__(self, cdp):
        self.sent: list[float] = []
        self.received: list[float] = []
        cdp.on("Network.webSocketFrameSent", lambda event: self.sent.append(event["timestamp"]))
        cdp.on("Network.webSocketFrameReceived", lambda event: self.received.append(event["timestamp"]))
        cdp.send("Network.enable")

    def reset(self) -> None:
        self.sent.clear()
        self.received.clear()

    def server_ms(self) -> float | None:
        """From the first frame sent since reset() (the widget's rerun request) to the last frame received (the
        run's last message): the server's run and its delivery."""
        if not self.sent or not self.received:
            return None
        return (max(self.received) - self.sent[0]) * 1000


def change_filter(page: Page, change: Change, timeout_s: float, clock: SocketClock) -> dict:
    """Make `change` and time it, from the click to the page rendered again (ms), and the server's part of it."""
    widget = page.locator(f".st-key-{change.key}")
    if change.widget == "segmented":  # the first option not chosen
        target = widget.locator('[role="radio"][aria-checked="false"]').first
    elif change.widget == "button":
        target = widget.get_by_role("button")
    elif change.widget == "tab":  # a list a change before left open hides the page from roles: closed, untimed
        page.keyboard.press("Escape")
        target = widget.get_by_role("tab").nth(1)
    elif change.widget == "multiselect" and widget.locator(".react-aria-ComboBox [data-tag]").count():
        target = widget.locator(".react-aria-ComboBox [data-tag] button").last  # remove the last value chosen
    elif change.widget in ("selectbox", "multiselect"):  # the first option not shown; the list is opened untimed
        in_view(page, widget.locator('.react-aria-ComboBox button[aria-haspopup="listbox"]')).click()
        options = page.get_by_role("listbox").get_by_role("option")
        options.first.wait_for()
        shown = widget.get_by_role("combobox").input_value()
        target = options.nth(next(index for index, label in enumerate(options.all_inner_texts()) if label != shown))
    else:
        raise ValueError(f"no way to change a {change.widget}")
    x, y = click_point(page, target)
    page.evaluate("window.__bench.arm()")
    clock.reset()
    page.mouse.click(x, y)
    return {"rendered": wait_rendered(page, timeout_s)["rendered"], "server": clock.server_ms()}


def visit(browser: Browser, url: str, changes: tuple[Change, ...], timeout_s: float) -> dict:
    """Open `url` in a fresh context: the load's times and browser work, then each change's time (ms)."""
    context: BrowserContext = browser.new_context(viewport=VIEWPORT)
    try:
        context.add_init_script(PROBE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")
        clock = SocketClock(cdp)
        page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
        result = wait_rendered(page, timeout_s) | {"browser": browser_metrics(cdp)}
        changed = {change.widget: change_filter(page, change, timeout_s, clock) for change in changes}
        result["changes"] = {widget: times["rendered"] for widget, times in changed.items()}
        result["change_servers"] = {widget: times["server"] for widget, times in changed.items()}
        return result
    finally:
        context.close()


# --- rounds ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Target:
    """Something visited each round: an app page or a floor, with the changes made on it."""

    name: str  # an app page's URL path, or "floor:<kind>"
    url: str
    changes: tuple[Change, ...]


def run_rounds(browser: Browser, targets: list[Target], rounds: int, warmup: bool, timeout_s: float) -> dict:
    """Every target once per round, interleaved and in a rotated order each round; a warm-up round first.

    A failed visit is recorded (a warm-up's too) and the run goes on; a page that did not render in time is
    not visited again at this data size.
    """
    visits: dict[str, list[dict]] = {target.name: [] for target in targets}
    given_up: set[str] = set()
    for number in range(-1 if warmup else 0, rounds):
        label = "warm-up" if number < 0 else number + 1
        shift = number % len(targets)
        for target in [target for target in targets[shift:] + targets[:shift] if target.name not in given_up]:
            with Watchdog(timeout_s) as watchdog:
                try:
                    result = visit(browser, target.url, target.changes, timeout_s)
                except PlaywrightError as error:
                    result = {"error": watchdog.explain(error)}
            if watchdog.fired:
                given_up.add(target.name)
            print(f"  round {label}: {target.name}: " + (result.get("error") or f"{result['rendered']:.0f} ms"),
                  flush=True)
            if number >= 0 or "error" in result:
                visits[target.name].append(result | {"round": label})
    return visits


def interleaved(app: Server, floors: dict[str, Server]) -> list[Target]:
    """The app's pages with each floor placed before the pages measured against it."""
    targets = []
    for kind, floor in FLOORS.items():
        targets.append(Target(f"floor:{kind}", floors[kind].url, floor.changes))
        targets += [Target(page.url_path, f"{app.url}/{page.address}", page.changes)
                    for page in APP_PAGES if page.floor == kind]
    return targets


def concurrent_sessions(browser: Browser, app: Server, pages: list[AppPage], count: int, timeout_s: float) -> dict:
    """`count` sessions opened at once (one context each, on `pages` in turn), until all are rendered."""
    result = {"sessions": count, "pages": [page.url_path for page in pages], "memory_before": app.memory_mib()}
    contexts = []
    with Watchdog(timeout_s) as watchdog:
        try:
            start = time.perf_counter()
            for number in range(count):
                contexts.append(browser.new_context(viewport=VIEWPORT))
                contexts[-1].add_init_script(PROBE)
                contexts[-1].new_page().goto(f"{app.url}/{pages[number % len(pages)].address}", wait_until="commit")
            slowest = max(wait_rendered(context.pages[0], timeout_s)["rendered"] for context in contexts)
            result |= {"slowest_rendered_ms": round(slowest), "all_rendered_s": round(time.perf_counter() - start, 1)}
        except PlaywrightError as error:
            result["error"] = watchdog.explain(error)
        result["memory_after"] = app.memory_mib()
        for context in contexts:
            context.close()
    return result


# --- server-side reruns ----------------------------------------------------------------------

def rerun_medians(runs: int, timeout_s: float) -> dict[str, float | str]:
    """Median rerun (ms) of each app page opened through app.py, and of each floor, under AppTest.

    A page that fails under AppTest gets its error instead, and the others are still timed.
    """
    medians = {}
    for name, script, page in ([(f"floor:{kind}", floor.script, None) for kind, floor in FLOORS.items()]
                               + [(page.url_path, ROOT / "app.py", page.script) for page in APP_PAGES]):
        app = AppTest.from_file(str(script), default_timeout=timeout_s)
        if page:
            app.switch_page(page)
        try:
            app.run()
            medians[name] = statistics.median(rerun_times(app, runs)) * 1000
        except RuntimeError as error:  # rerun_times raises the page's exception, AppTest its timeout
            medians[name] = f"{type(error).__name__}: {error}"
    return medians


# --- summary ---------------------------------------------------------------------------------

def stats(values: list[float]) -> dict | None:
    values = [value for value in values if value is not None]
    if not values:
        return None
    return {"min": round(min(values), 1), "median": round(statistics.median(values), 1), "n": len(values)}


def ratio(numerator: dict | None, denominator: dict | None) -> float | None:
    if not numerator or not denominator:
        return None
    return round(numerator["median"] / denominator["median"], 2)


def summarise(visits: dict[str, list[dict]]) -> dict:
    """Per target: min and median of each time, its failed visits, and its browser work (median ms)."""
    summary = {}
    for name, results in visits.items():
        good = [result for result in results if "error" not in result]
        widgets = {widget for result in good for widget in result["changes"]}
        summary[name] = {
            "rendered": stats([result["rendered"] for result in good]),
            "run_finished": stats([result["run_finished"] for result in good]),
            "first_chart": stats([result["first_chart"] for result in good]),
            "network_drawn": stats([result["network_drawn"] for result in good]),
            "changes": {widget: stats([result["changes"][widget] for result in good]) for widget in sorted(widgets)},
            "change_servers": {widget: stats([result["change_servers"][widget] for result in good])
                            for widget in sorted(widgets)},
            "browser": {label: statistics.median(result["browser"][label] for result in good)
                        for label in BROWSER_METRICS.values()} if good else None,
            "errors": [f"round {result['round']}: {result['error']}" for result in results if "error" in result],
        }
    return summary


def page_results(summary: dict, reruns: dict[str, float | str]) -> dict:
    """Each app page against its floor: the ratios of the load, the filter change and the rerun."""
    pages = {}
    for page in APP_PAGES:
        own, floor = summary[page.url_path], summary[f"floor:{page.floor}"]
        change, floor_change = own["changes"].get(page.change.widget), floor["changes"].get(page.change.widget)
        entry = {
            "title": page.title, "floor": page.floor, **own,
            "floor_rendered": floor["rendered"], "ratio": ratio(own["rendered"], floor["rendered"]),
            "change": {"widget": page.change.widget, "key": page.change.key, "page": change,
                       "floor": floor_change, "ratio": ratio(change, floor_change),
                       "server": own["change_servers"].get(page.change.widget),
                       "floor_server": floor["change_servers"].get(page.change.widget)},
            "floor_network_drawn": floor["network_drawn"],
            "network_ratio": ratio(own["network_drawn"], floor["network_drawn"]),
            "tab_switch": own["changes"].get(TAB_SWITCH.widget),
        }
        own_rerun, floor_rerun = reruns[page.url_path], reruns[f"floor:{page.floor}"]
        failed = [value for value in (own_rerun, floor_rerun) if isinstance(value, str)]
        entry["errors"] = own["errors"] + [f"rerun: {error}" for error in failed]
        entry["rerun"] = None if failed else {"ms": round(own_rerun, 1), "floor_ms": round(floor_rerun, 1),
                                              "ratio": round(own_rerun / floor_rerun, 1)}
        pages[page.url_path] = entry
    return pages


# --- the machine -----------------------------------------------------------------------------

def machine() -> dict:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor())
    meminfo = dict(line.split(":", 1) for line in Path("/proc/meminfo").read_text().splitlines())
    return {"nproc": len(os.sched_getaffinity(0)), "cpu": model,
            "memory_gib": round(int(meminfo["MemTotal"].split()[0]) / 1024**2, 1),
            "load_average": os.getloadavg()}


def versions() -> dict:
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout.strip()
    packages = ("streamlit", "plotly", "pandas", "pyvis", "playwright")
    return {"python": platform.python_version(), **{name: importlib.metadata.version(name) for name in packages},
            "chromium": chromium}


# --- the report ------------------------------------------------------------------------------

def ms(value: dict | None, key: str = "median") -> str:
    return "–" if not value else f"{value[key]:,.0f}"


def times(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}×"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(row) + " |"
                                                                            for row in rows]


def page_row(page: dict) -> list[str]:
    rerun = page["rerun"]
    return [page["title"], f"{ms(page['rendered'])} ({ms(page['rendered'], 'min')})",
            f"{ms(page['floor_rendered'])} ({page['floor']})", times(page["ratio"]), ms(page["first_chart"]),
            ms(page["run_finished"]), f"{ms(page['change']['page'])} ({page['change']['widget']})",
            times(page["change"]["ratio"]), ms(page.get("tab_switch")),
            f"{rerun['ms']:.0f} ({rerun['ratio']:.1f}×)" if rerun else "–"]


def change_row(page: dict) -> list[str]:
    change = page["change"]
    return [page["title"], change["widget"], ms(change["server"]), ms(change["page"]), ms(change["floor_server"]),
            ms(change["floor"])]


def network_row(page: dict) -> list[str]:
    return [page["title"], ms(page["network_drawn"]), ms(page["floor_network_drawn"]), times(page["network_ratio"])]


def memory_row(scale: str, run: dict) -> list[str]:
    memory, sessions = run["memory"], run.get("sessions")
    row = [f"{scale}×", f"{memory['idle']['rss']:.0f}", f"{memory['after_pages']['rss']:.0f}"]
    if not sessions:
        return row + ["–", f"{memory['after_pages']['peak']:.0f}", "–"]
    return row + [f"{sessions['memory_after']['rss']:.0f} ({sessions['sessions']} open)",
                  f"{sessions['memory_after']['peak']:.0f}", sessions.get("error") or f"{sessions['all_rendered_s']} s"]


def browser_row(name: str, entry: dict) -> list[str]:
    work, rendered, finished = entry["browser"], entry["rendered"], entry["run_finished"]
    cells = [f"{work[label]:,.0f}" for label in BROWSER_METRICS.values()] if work else ["–"] * len(BROWSER_METRICS)
    gap = f"{rendered['median'] - finished['median']:,.0f}" if rendered and finished else "–"
    return [entry.get("title", name), *cells, gap]


def markdown(result: dict) -> str:
    """The run as Markdown: the pages at the first scale, every scale's ratios, memory, the browser's work."""
    scales, options, machine_ = result["scales"], result["options"], result["machine"]
    first = next(iter(scales))
    lines = [
        f"# Page speed, {result['started']}{' (short run)' if options['short'] else ''}", "",
        f"`{result['command']}`. {machine_['nproc']} cores ({machine_['cpu']}), {machine_['memory_gib']} GiB; "
        f"load average {machine_['load_average'][0]:.2f} at the start, {result['load_average_end'][0]:.2f} at the "
        "end. " + ", ".join(f"{name} {version}" for name, version in result["versions"].items()) + ".", "",
        f"Times in ms from navigation: median of {options['rounds']} round(s), min in brackets. A ratio is the "
        "page's median over its floor's median in the same rounds. Filter change: from the click to the page "
        "rendered again, against the same widget on the floor. Tab switch: from a click on the page's second tab "
        "to that section rendered (no floor has tabs). Rerun: server-side (AppTest) median, and its ratio to the "
        "floor's.", "",
        f"## Pages at {first}× data", "",
        *table(["page", "rendered", "floor", "ratio", "first chart", "run finished", "filter change",
                "change ratio", "tab switch", "rerun ms (ratio)"],
               [page_row(page) for page in scales[first]["pages"].values()]),
    ]
    pages = scales[first]["pages"].values()
    lines += ["", f"## Filter changes at {first}× data: the server's part, then the page rendered", "",
              "Server: ms from the widget's rerun request leaving the browser to the run's last message arriving "
              "(the run and its delivery, on the browser's network clock). Rendered: ms from the click to the page "
              "rendered again. On the page, then on its floor with the same kind of widget.", "",
              *table(["page", "widget", "server", "rendered", "floor: server", "floor: rendered"],
                     [change_row(page) for page in pages])]
    if drawn := [page for page in pages if page["network_drawn"]]:
        lines += ["", f"## The network itself at {first}× data", "",
                  "Ms on the network frame's own clock, from the frame beginning to load to its drawing settled "
                  "(the page around it not counted): the app's network page against pyvis's default page.", "",
                  *table(["page", "network drawn", "floor's network drawn", "ratio"],
                         [network_row(page) for page in drawn])]
    if len(scales) > 1:
        rows = [[page["title"], *(f"{times(scales[scale]['pages'][name]['ratio'])}; "
                                  f"{times(scales[scale]['pages'][name]['change']['ratio'])}" for scale in scales),
                 *(ms(scales[scale]["pages"][name]["rendered"]) for scale in scales)]
                for name, page in scales[first]["pages"].items()]
        lines += ["", "## By data size: ratio to the floor (rendered; filter change), and rendered ms", "",
                  *table(["page", *(f"{scale}×" for scale in scales), *(f"ms at {scale}×" for scale in scales)],
                         rows)]
    lines += ["", "## Server memory (MiB, VmRSS of the streamlit process)", "",
              *table(["data", "idle", "after every page", "with concurrent sessions", "peak",
                      "sessions all rendered in"], [memory_row(scale, run) for scale, run in scales.items()])]
    entries = [*scales[first]["pages"].items(), *scales[first]["floors"].items()]
    lines += ["", f"## Where the browser's time goes at {first}× data (main thread, ms until rendered, median)", "",
              *table(["page", *BROWSER_METRICS.values(), "rendered − run finished"],
                     [browser_row(name, entry) for name, entry in entries])]
    errors = [f"{scale}× {name}: {error}" for scale, run in scales.items()
              for name, entry in [*run["pages"].items(), *run["floors"].items()] for error in entry["errors"]]
    if errors:
        lines += ["", "## Failed", "", *(f"- {error}" for error in errors)]
    return "\n".join(lines) + "\n"


# --- the run ---------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="measured rounds (default 3)")
    parser.add_argument("--scales", default="1,10,100", help="data sizes, times the real data (default 1,10,100)")
    parser.add_argument("--sessions", type=int, default=20, help="concurrent sessions opened at once (0: none)")
    parser.add_argument("--reruns", type=int, default=5, help="server-side reruns timed per page (default 5)")
    parser.add_argument("--timeout", type=float, default=300,
                        help="seconds a visit (load and filter changes) or a server-side run may take (default 300)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the results go (default bench/results)")
    parser.add_argument("--short", action="store_true",
                        help="CI smoke run: one round, real data only, no warm-up, no concurrent sessions, 3 reruns")
    args = parser.parse_args(argv)
    if args.short:
        args.rounds, args.scales, args.sessions, args.reruns = 1, "1", 0, 3
    args.scales = [int(scale) for scale in args.scales.split(",")]
    return args


def measure_in_browser(args: argparse.Namespace, data_dirs: dict[int, Path | None]) -> dict[str, dict]:
    """Per scale, with its own app server: every page's visits, the server's memory, the concurrent sessions."""
    runs = {}
    with sync_playwright() as playwright, contextlib.ExitStack() as stack:
        floors = {kind: Server(floor.script) for kind, floor in FLOORS.items()}
        for server in floors.values():
            stack.callback(server.stop)
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        stack.callback(browser.close)
        for server in floors.values():
            server.wait_healthy()
        for scale, data_dir in data_dirs.items():
            print(f"{scale}× data", flush=True)
            app = Server(ROOT / "app.py", {DATA_DIR_VARIABLE: str(data_dir)} if data_dir else None)
            try:
                idle = app.wait_healthy().memory_mib()
                visits = run_rounds(browser, interleaved(app, floors), args.rounds, not args.short, args.timeout)
                runs[str(scale)] = {"data_dir": str(data_dir or "data/"), "visits": visits,
                                    "memory": {"idle": idle, "after_pages": app.memory_mib()}}
                rendered = [page for page in APP_PAGES if any("error" not in visit for visit in visits[page.url_path])]
                if args.sessions and rendered:
                    runs[str(scale)]["sessions"] = concurrent_sessions(browser, app, rendered, args.sessions,
                                                                       args.timeout)
            finally:
                app.stop()
    return runs


def main(argv: list[str] | None = None) -> Path:
    args = parse_args(argv)
    started = datetime.now()
    result = {"started": started.isoformat(timespec="seconds"),
              "command": " ".join(["python bench/render.py", *(sys.argv[1:] if argv is None else argv)]),
              "options": {"rounds": args.rounds, "scales": args.scales, "sessions": args.sessions,
                          "reruns": args.reruns, "warmup": not args.short, "short": args.short},
              "machine": machine(), "versions": versions()}
    with tempfile.TemporaryDirectory(prefix="bench-data-") as generated:
        data_dirs = {scale: None if scale == 1 else Path(generated) / f"{scale}x" for scale in args.scales}
        for scale, data_dir in data_dirs.items():
            if data_dir:
                generate(scale, data_dir)
        result["scales"] = measure_in_browser(args, data_dirs)
        for scale, data_dir in data_dirs.items():
            print(f"{scale}× data: server-side reruns", flush=True)
            os.environ[DATA_DIR_VARIABLE] = str(data_dir or ROOT / "data")
            run = result["scales"][str(scale)]
            summary = summarise(run["visits"])
            run["pages"] = page_results(summary, rerun_medians(args.reruns, args.timeout))
            run["floors"] = {name: entry for name, entry in summary.items() if name.startswith("floor:")}
    result["load_average_end"] = os.getloadavg()
    return write(result, started, args)


def write(result: dict, started: datetime, args: argparse.Namespace) -> Path:
    """The JSON and Markdown files of the run; latest.md too, unless it was a short run."""
    args.out.mkdir(parents=True, exist_ok=True)
    stem = f"render-{started:%Y%m%d-%H%M}" + ("-short" if args.short else "")
    report = markdown(result)
    (args.out / f"{stem}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    (args.out / f"{stem}.md").write_text(report, encoding="utf-8")
    if not args.short:
        (args.out / "latest.md").write_text(report, encoding="utf-8")
    print(report)
    return args.out / f"{stem}.json"


if __name__ == "__main__":
    main()

"""Many readers at once: concurrent Streamlit sessions driven at the protocol level, against a server this starts.

    python bench/load.py [--sessions 50] [--rounds 3] [--short]

Why the protocol and not browsers: fifty headless browsers would cost the machine far more than the app and
drown its numbers. Each session here is one websocket speaking Streamlit's own messages, as the browser's
client does: a BackMsg `rerun_script` carrying the page's url path and query string goes out, ForwardMsgs
come back until `script_finished`. The server does the same work per rerun as for a browser (it runs the
page and serialises every element); the client only parses the replies, so all sessions fit in one process.

A session opens every page of `components.app.site.PAGES` with its first query string, then every page that
has a second one with that: the filters change. The app seeds a page's filters from the address only the
first time a run meets them, so a new query string takes effect when the reader comes back from another
page, as here, and not when the same page is rerun in place. `--rounds` repeats the tour.

Measured: for each rerun, the time from sending `rerun_script` to the final `script_finished` (Streamlit may
end a run early and start it again, e.g. on a session's first run under `st.navigation`); page errors (an
Exception element, an error alert, a compile error, a page the server did not find or did not run); the
server's resident memory (VmRSS) before the sessions, at its peak while they run and after they close; the
CPU seconds the server and this client used. Results go to bench/results/load-YYYYMMDD-HHMM.json and a
Markdown summary to stdout; the exit status is 1 when a page failed or a rerun did not finish in time.

Bounded: the server listens on 127.0.0.1 only and every request goes there; each session sends a fixed
number of reruns, each rerun and the whole load have a time limit, and the server is stopped at the end.
No XSRF token is needed: with XSRF protection on, Streamlit checks the token only to read an auth cookie
(streamlit/web/server/starlette/starlette_websocket.py); a session without one is an anonymous reader.
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import json
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

import streamlit
import websockets
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.app.site import PAGES  # noqa: E402

RESULTS = ROOT / "bench" / "results"

# Query strings per page url path, the first one opened first; each names filters by id, as a shared link does.
# A page missing here is still opened, with no query string, so a new page is never left out of the load.
QUERIES: dict[str, tuple[str, ...]] = {
    "history": ("categories=crisis&companies=renault", "categories=equity&categories=partnership&companies=nissan"),
    "plan": ("brand=nissan", "brand=renault&brand=dacia"),
    "partners": ("partner=honda", "partner=foxconn&partner=stellantis"),
    "network": ("as_of=2016-12-31&focus=mitsubishi", "as_of=2005-06-30&focus=renault"),
    "data": ("dataset=claims&q=Honda", "dataset=events&q=Ghosn"),
}

# A finished run ends a rerun; FINISHED_EARLY_FOR_RERUN means another run of the same request follows.
_FINAL = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR}


def address(spec) -> str:
    """The url path a reader opens a page at: Streamlit serves the default page (the first) at the root."""
    return "" if spec is PAGES[0] else spec.url_path


def tour() -> list[tuple[str, str]]:
    """One round of a session: (url path, query string) for every page, then the pages with a second query."""
    firsts = [(address(spec), QUERIES.get(spec.url_path, ("",))[0]) for spec in PAGES]
    seconds = [(address(spec), queries[1]) for spec in PAGES if len(queries := QUERIES.get(spec.url_path, ())) > 1]
    return firsts + seconds


@dataclass
class RunOutcome:
    """What the server sent for one rerun, read message by message (see `observe`)."""

    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    shown: str | None = None  # url path of the page the server ran, from its navigation message
    finished: bool = False

    def observe(self, msg: ForwardMsg) -> bool:
        """Take in one ForwardMsg; True once the rerun is over (its final script_finished)."""
        kind = msg.WhichOneof("type")
        if kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            if element.WhichOneof("type") == "exception":
                self.errors.append(f"exception {element.exception.type}: {element.exception.message}")
            elif element.WhichOneof("type") == "alert" and element.alert.format == Alert.ERROR:
                self.errors.append(f"error alert: {element.alert.body}")
            elif element.WhichOneof("type") == "alert" and element.alert.format == Alert.WARNING:
                self.warnings.append(element.alert.body)
        elif kind == "navigation":
            current = [page for page in msg.navigation.app_pages
                       if page.page_script_hash == msg.navigation.page_script_hash]
            if current:
                self.shown = "" if current[0].is_default else current[0].url_pathname
        elif kind == "page_not_found":
            self.errors.append("page not found")
        elif kind == "session_event" and msg.session_event.HasField("script_compilation_exception"):
            self.errors.append(f"compile error: {msg.session_event.script_compilation_exception.message}")
        elif kind == "script_finished" and msg.script_finished in _FINAL:
            if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                self.errors.append("script finished with a compile error")
            self.finished = True
        return self.finished


@dataclass
class Rerun:
    """One rerun as the JSON keeps it, so a slow or failing page can be traced to its session and query."""

    session: int
    round: int
    page: str
    query: str
    seconds: float | None  # None when it did not finish in time: slow, not a page error
    timeout: float
    errors: list[str]
    warnings: list[str]


def rerun_request(page: str, query: str) -> bytes:
    """The BackMsg a browser sends to open `page` (url path) with `query`: a fresh run, no widget values."""
    msg = BackMsg()
    msg.rerun_script.page_name = page
    msg.rerun_script.query_string = query
    return msg.SerializeToString()


async def rerun(ws, page: str, query: str, timeout: float) -> tuple[RunOutcome, float | None]:
    """Send one rerun and read until it is over; the seconds are None if it was not over within `timeout`."""
    outcome = RunOutcome()
    start = time.perf_counter()
    await ws.send(rerun_request(page, query))
    try:
        async with asyncio.timeout(timeout):
            while not outcome.observe(ForwardMsg.FromString(await ws.recv())):
                pass
    except TimeoutError:
        return outcome, None
    if outcome.shown != page:
        outcome.errors.append(f"the server ran page {outcome.shown!r}")
    return outcome, time.perf_counter() - start


async def session(index: int, port: int, rounds: int, deadline: float, rerun_timeout: float) -> list[Rerun]:
    """One reader: a websocket of its own, the tour `rounds` times; stops at the first rerun not finished in time."""
    done: list[Rerun] = []
    # proxy=None: straight to the loopback server even when the environment names a proxy.
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, proxy=None, ping_interval=None) as ws:
        for round_ in range(rounds):
            for page, query in tour():
                left = deadline - time.monotonic()
                if left <= 0:
                    return done
                timeout = min(rerun_timeout, left)
                outcome, seconds = await rerun(ws, page, query, timeout)
                done.append(Rerun(index, round_, page, query, seconds, timeout, outcome.errors, outcome.warnings))
                if seconds is None:
                    return done
    return done


class Server:
    """The app under `streamlit run`, on a free loopback port; `memory_kb` and `cpu_seconds` read its /proc."""

    def __init__(self) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.log = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port)],
            cwd=ROOT, stdout=self.log, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 60) -> None:
        """Poll the health endpoint until it answers, the process dies, or `timeout` passes."""
        no_proxy = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        until = time.monotonic() + timeout
        while time.monotonic() < until and self.process.poll() is None:
            try:
                with no_proxy.open(f"http://127.0.0.1:{self.port}/_stcore/health", timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"the app server did not start:\n{self.log_tail()}")

    def memory_kb(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise RuntimeError("no VmRSS for the server process")

    def cpu_seconds(self) -> float:
        """utime + stime of all the server's threads, fields 14 and 15 of /proc/<pid>/stat (after the name)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rpartition(")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def log_tail(self, lines: int = 40) -> str:
        self.log.seek(0)
        return "".join(self.log.readlines()[-lines:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


async def sample_peak(server: Server, stop: asyncio.Event, every: float = 0.1) -> int:
    """The highest VmRSS seen until `stop` is set, sampled every `every` seconds."""
    peak = server.memory_kb()
    while not stop.is_set():
        peak = max(peak, server.memory_kb())
        try:
            await asyncio.wait_for(stop.wait(), every)
        except TimeoutError:
            pass
    return max(peak, server.memory_kb())


async def drive(server: Server, sessions: int, rounds: int, time_limit: float,
                rerun_timeout: float) -> tuple[list[Rerun], list[str], int]:
    """All sessions at once, with the memory sampler beside them: (reruns, session failures, peak RSS kB)."""
    deadline = time.monotonic() + time_limit
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_peak(server, stop))
    outcomes = await asyncio.gather(
        *(session(index, server.port, rounds, deadline, rerun_timeout) for index in range(sessions)),
        return_exceptions=True)
    stop.set()
    reruns = [run for outcome in outcomes if isinstance(outcome, list) for run in outcome]
    failures = [f"session {index}: {outcome!r}" for index, outcome in enumerate(outcomes)
                if isinstance(outcome, BaseException)]
    return reruns, failures, await sampler


def percentile(values: list[float], share: float) -> float | None:
    """Nearest-rank percentile (share in 0–1): always one of the measured values, None when there are none."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)] if ordered else None


def spread(values: list[float]) -> dict[str, float | int | None]:
    return {"count": len(values), "p50": percentile(values, 0.5), "p95": percentile(values, 0.95),
            "max": max(values, default=None)}


def run(sessions: int, rounds: int, time_limit: float, rerun_timeout: float = 120,
        out_dir: Path = RESULTS) -> dict:
    """Start a server, load it, stop it; the results as a dict, also written as JSON to `out_dir`.

    A rerun slower than `rerun_timeout` (far past any reader's patience) or cut by `time_limit` is counted as
    unfinished, apart from page errors: it says the server is saturated, not that a page is broken.
    """
    started = datetime.now()
    server = Server()
    try:
        server.wait_ready()
        rss_start, cpu_start, client_cpu_start = server.memory_kb(), server.cpu_seconds(), time.process_time()
        wall_start = time.perf_counter()
        # In a thread of its own: the caller's thread may already run an event loop (Playwright's, in the tests).
        with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
            reruns, failures, rss_peak = pool.submit(
                asyncio.run, drive(server, sessions, rounds, time_limit, rerun_timeout)).result()
        wall = time.perf_counter() - wall_start
        cpu_load, client_cpu = server.cpu_seconds() - cpu_start, time.process_time() - client_cpu_start
        time.sleep(1)  # the server shuts closed sessions down on its own loop: let it, before "end" memory
        rss_end = server.memory_kb()
        log_tail = server.log_tail()
    finally:
        server.stop()

    planned = sessions * rounds * len(tour())
    errors = [{"session": r.session, "round": r.round, "page": r.page, "query": r.query, "message": message}
              for r in reruns for message in r.errors]
    errors += [{"session": None, "round": None, "page": None, "query": None, "message": failure}
               for failure in failures]
    timed = [r for r in reruns if r.seconds is not None]
    unfinished = [{"session": r.session, "round": r.round, "page": r.page, "query": r.query, "timeout_s": r.timeout}
                  for r in reruns if r.seconds is None]
    result = {
        "command": f"python bench/load.py --sessions {sessions} --rounds {rounds} --time-limit {time_limit:g}",
        "started": started.isoformat(timespec="seconds"),
        "streamlit": streamlit.__version__, "python": sys.version.split()[0], "cpus": os.cpu_count(),
        "sessions": sessions, "rounds": rounds, "planned_reruns": planned, "reruns": len(timed),
        "complete": len(timed) == planned and not failures,
        "errors": errors,
        "unfinished": unfinished,
        "warnings": sorted({w for r in reruns for w in r.warnings}),
        "rerun_s": spread([r.seconds for r in timed]),
        "by_page": {address(spec): spread([r.seconds for r in timed if r.page == address(spec)]) for spec in PAGES},
        "rss_mb": {"start": rss_start / 1024, "peak": rss_peak / 1024, "end": rss_end / 1024},
        "server_cpu_s": cpu_load, "client_cpu_s": client_cpu, "wall_s": wall,
        "server_log_tail": log_tail if errors else "",
        "runs": [asdict(r) for r in reruns],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"load-{started:%Y%m%d-%H%M}.json"
    path.write_text(json.dumps(result, indent=1))
    result["path"] = str(path)
    return result


def _s(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} s"


def markdown(result: dict) -> str:
    """The summary a note can quote: headline figures, then rerun times page by page, then what went wrong."""
    times, rss = result["rerun_s"], result["rss_mb"]
    lines = [
        "| Measure | Value |", "|---|---|",
        f"| Sessions × rounds | {result['sessions']} × {result['rounds']} (Streamlit {result['streamlit']}, "
        f"{result['cpus']} CPUs) |",
        f"| Pages opened (reruns measured) | {result['reruns']} of {result['planned_reruns']} |",
        f"| Page errors | {len(result['errors'])} |",
        f"| Reruns not finished in time (slow, cut off) | {len(result['unfinished'])} |",
        f"| Rerun p50 / p95 / max | {_s(times['p50'])} / {_s(times['p95'])} / {_s(times['max'])} |",
        f"| Server RSS start / peak / end | {rss['start']:.0f} / {rss['peak']:.0f} / {rss['end']:.0f} MB |",
        f"| Server CPU | {result['server_cpu_s']:.1f} s over {result['wall_s']:.1f} s wall |",
        f"| Load client CPU | {result['client_cpu_s']:.1f} s |",
        "", "| Page | Reruns | p50 | p95 | max |", "|---|---|---|---|---|",
    ]
    lines += [f"| /{page} | {s['count']} | {_s(s['p50'])} | {_s(s['p95'])} | {_s(s['max'])} |"
              for page, s in result["by_page"].items()]
    if result["errors"]:
        lines += ["", "Page errors (first 20):"]
        lines += [f"- /{e['page']}?{e['query']} (session {e['session']}, round {e['round']}): {e['message']}"
                  for e in result["errors"][:20]]
    if result["unfinished"]:
        lines += ["", "Not finished in time (first 20):"]
        lines += [f"- /{u['page']}?{u['query']} (session {u['session']}, round {u['round']}): "
                  f"no script_finished within {u['timeout_s']:.0f} s" for u in result["unfinished"][:20]]
    if result["warnings"]:
        lines += ["", "Warnings shown:", *(f"- {w}" for w in result["warnings"])]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--short", action="store_true", help="the CI check: 5 sessions, 1 round, at most 60 s")
    parser.add_argument("--time-limit", type=float, default=None,
                        help="seconds the sessions may run in all (default 60 with --short, else 1800)")
    args = parser.parse_args()
    sessions, rounds = (5, 1) if args.short else (args.sessions, args.rounds)
    time_limit = args.time_limit or (60 if args.short else 1800)
    result = run(sessions, rounds, time_limit)
    print(markdown(result))
    print(f"\nWritten to {result['path']}")
    return 0 if result["complete"] and not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())

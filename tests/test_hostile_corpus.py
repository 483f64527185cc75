"""Broken and hostile data, and hostile links, on every page: no exception, the problem named, and nothing from
the data or the link rendered as markup (links, images, HTML), on the page or in the chart specs.

Each data case is a small change to a copy of the real data, the way a careless editor or an attacker would
make it. Text cases put one payload into every text a reader sees (names, titles, summaries, labels, notes).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from components.app.site import PAGES
from components.builders import exports, timeline
from components.data.contract import DATASETS, PLAN_EVENT
from components.data.validation import read_folder
from tests import factories
from tests.conftest import VIEWS, run_page
from tests.reading import TABLE_TAGS, rendered
from tests.reading import html_table as read_table

PAGE_FILES = ["app.py" if spec is PAGES[0] else spec.path for spec in PAGES]
EVIL = "evil.example"


# --- the broken files: each makes a dataset unusable, and the pages say which ----------------------------------

def _rewrite(name: str, text: Callable[[str], str]) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / DATASETS[name].file_name
        path.write_text(text(path.read_text(encoding="utf-8")), encoding="utf-8")
    return change


def _cell(name: str, column: str, value: str, row: int = 0) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        factories.edit(folder / DATASETS[name].file_name,
                       lambda rows: [dict(r, **{column: value}) if i == row else r for i, r in enumerate(rows)])
    return change


def _encoded(name: str, encoding: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / DATASETS[name].file_name
        path.write_bytes(path.read_text(encoding="utf-8").replace("Renault", "Renault ø").encode(encoding, "replace"))
    return change


BROKEN: dict[str, tuple[str, Callable[[Path], None]]] = {
    "missing file": ("events.csv", lambda folder: (folder / "events.csv").unlink()),
    "empty file": ("talks.csv", _rewrite("talks", lambda text: "")),
    "renamed column": ("links.csv", _rewrite("links", lambda text: text.replace("source,", "from,", 1))),
    "wrong delimiter": ("companies.csv", _rewrite("companies", lambda text: text.replace(",", ";"))),
    "Latin-1": ("companies.csv", _encoded("companies", "latin-1")),
    "UTF-16": ("companies.csv", _encoded("companies", "utf-16")),
    "bad date": ("events.csv", _cell("events", "date", "2024-13-45")),
    "impossible date": ("events.csv", _cell("events", "date", "2023-02-29")),
    "end before start": ("events.csv", _cell("events", "end_date", "1900-01-01")),
    "percentage over 100": ("stakes.csv", _cell("stakes", "pct", "150")),
    "NaN": ("stakes.csv", _cell("stakes", "pct", "NaN")),
    "infinity": ("plan_targets.csv", _cell("plan_targets", "value", "inf")),
    "duplicate id": ("talks.csv", _cell("talks", "id", "honda-merger", row=2)),
    "unknown id": ("models.csv", _cell("models", "platform", "no-such-platform")),
    "formula in a date": ("links.csv", _cell("links", "start", "=TODAY()")),
    "row with too many fields": ("platforms.csv",
                                 _rewrite("platforms", lambda text: text + ",".join("abcdefghijkl") + "\n")),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_file_is_named_on_the_data_page_and_no_page_raises(case, data_copy, use_data_dir):
    file, change = BROKEN[case]
    change(data_copy)
    assert {problem.file for problem in read_folder(data_copy).problems} == {file}
    use_data_dir(data_copy)
    for page, view in VIEWS:
        app = run_page(page, view)
        assert not app.exception, (case, page, view, app.exception)
    problems = run_page("pages/data.py").dataframe[0].value
    assert set(problems["file"]) == {file}


# --- valid but thin or odd data: every page still renders ----------------------------------------------------

def _only_first(name: str) -> Callable[[Path], None]:
    return lambda folder: factories.edit(folder / DATASETS[name].file_name, lambda rows: rows[:1])


def _in_the_future(folder: Path) -> None:
    factories.edit(folder / "links.csv", lambda rows: [dict(r, start="2099-01-01", end="") for r in rows])


def _without_plan_event(folder: Path) -> None:
    factories.edit(folder / "events.csv", lambda rows: [r for r in rows if r["id"] != PLAN_EVENT.id])
    factories.edit(folder / "claims.csv", lambda rows: [dict(r, event="") if r["event"] == PLAN_EVENT.id else r
                                                        for r in rows])


def _one_event(folder: Path) -> None:
    _only_first("events")(folder)
    factories.edit(folder / "claims.csv", lambda rows: [dict(r, event="") for r in rows])


THIN: dict[str, Callable[[Path], None]] = {
    "one event": _one_event,
    "one talk": _only_first("talks"),
    "one link": _only_first("links"),
    "no talks (header only)": lambda folder: factories.edit(folder / "talks.csv", lambda rows: []),
    "every tie in the future": _in_the_future,
    "the plan's event missing": _without_plan_event,
    "a self-link": _cell("links", "target", "renault"),
    "an extra column": _rewrite("events", lambda text: "\n".join(
        line + (",extra" if i == 0 else ",x") for i, line in enumerate(text.splitlines()))),
    "a byte-order mark": lambda folder: (folder / "talks.csv").write_bytes(
        b"\xef\xbb\xbf" + (folder / "talks.csv").read_bytes()),
    "a very long text": _cell("events", "summary", "word " * 20_000),
}


@pytest.mark.parametrize("case", list(THIN))
def test_every_page_renders_on_thin_or_odd_valid_data(case, data_copy, use_data_dir):
    THIN[case](data_copy)
    assert read_folder(data_copy).problems == []
    use_data_dir(data_copy)
    for page, view in VIEWS:
        app = run_page(page, view)
        assert not app.exception, (case, page, view, app.exception)


# --- hostile text: it shows as the characters it holds ---------------------------------------------------------

PAYLOADS = {
    "script tag": f"<script>alert(1)</script> {EVIL}",
    "image with onerror": f"<img src=x onerror=alert(1)> {EVIL}",
    "javascript link": f"[click](javascript:alert(1)) {EVIL}",
    "data link": f"[click](data:text/html;base64,PHNjcmlwdD4=) {EVIL}",
    "markdown image and heading": f"# big ![i](https://{EVIL}/i.png) **bold** _em_",
    "html link": f'<a href="https://{EVIL}/p">click</a>',
    "bare addresses": f"see https://{EVIL}/p, www.{EVIL} and me@{EVIL}",
    "latex": f"$\\\\alpha$ and $$x^2$$ {EVIL}",
    "formula": f'=HYPERLINK("https://{EVIL}","click")',
    "CJK, right-to-left and emoji": f"日産 · ‏نيسان‎ · 🚗 {EVIL}",
}
TEXT_COLUMNS = {
    "companies": ["name", "note"], "events": ["title", "summary", "note"], "talks": ["summary", "nissan_offers"],
    "models": ["name", "note"], "platforms": ["name", "segment"], "links": ["label"],
    "claims": ["claim_en", "note"], "plan_targets": ["metric"],
}


def _hostile(folder: Path, payload: str) -> None:
    for name, columns in TEXT_COLUMNS.items():
        factories.edit(folder / DATASETS[name].file_name,
                       lambda rows, columns=columns: [dict(r, **{c: payload for c in columns}) for r in rows])


def _markdown_of(app) -> list[str]:
    """Every text the page hands to Markdown: elements and metric labels."""
    elements = [*app.markdown, *app.caption, *app.info, *app.warning, *app.error, *app.subheader, *app.title]
    return [element.value for element in elements] + [metric.label for metric in app.metric]


def assert_no_markup_from_data(app, where: str) -> None:
    # A static HTML table holds only its own tags and links to web addresses (test_text checks its escaping).
    for table in app.get("html"):
        _, tags, links = read_table(table.proto.body)
        assert {tag for tag, _ in tags} <= {*TABLE_TAGS, "a"}, (where, "markup in a table")
        assert all(link.startswith(("https://", "http://")) and EVIL not in link for link in links), (where, links)
    for markdown in _markdown_of(app):
        page, _ = rendered(markdown)
        assert not re.search(r"<(a|img|script)\b", page), (where, markdown[:200])
        assert not re.search(r"(?i)(https?:|www\.)", markdown.replace("\\", "")) or EVIL not in markdown, (
            where, "a bare address would be linked", markdown[:200])
    for chart in app.get("plotly_chart"):
        spec = json.dumps(json.loads(chart.proto.spec)["data"], ensure_ascii=False)
        assert not re.search(r"<(a|img|script)\b", spec), (where, "markup in a chart")


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_text_in_the_data_is_shown_as_text_on_every_page(payload, data_copy, use_data_dir):
    _hostile(data_copy, PAYLOADS[payload])
    assert read_folder(data_copy).problems == []
    use_data_dir(data_copy)
    for page, view in VIEWS:
        app = run_page(page, view)
        assert not app.exception, (payload, page, view, app.exception)
        assert_no_markup_from_data(app, f"{payload} on {page} {view}")


# --- hostile links: a link someone sends never puts markup on the page -----------------------------------------

URL_VALUES = {
    "markdown": f"[q](https://{EVIL}/q) ![i](https://{EVIL}/i.png) **BOLD**",
    "backtick breakout": f"x` [click here](https://{EVIL}/p) `",
    "html": f"<img src=x onerror=alert(1)><a href='https://{EVIL}'>x</a>",
    "percent-encoded": "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "very long": "x" * 5_000,
    "junk": "\x00\x01;;,,??&&==",
}
URL_KEYS = {
    "app.py": [], "pages/history.py": ["categories", "companies", "status", "dates", "lanes", "event", "search"],
    "pages/plan.py": ["brand", "platform", "model_status", "launch", "unknown_year", "model"],
    "pages/partners.py": ["partner", "domain", "region", "talk_status", "talk"],
    "pages/network.py": ["focus", "steps", "tie_types", "tie_status", "colour_by", "as_of"],
    "pages/data.py": ["dataset", "q", "claim"],
}


@pytest.mark.parametrize("value", list(URL_VALUES))
@pytest.mark.parametrize("page", PAGE_FILES)
def test_a_hostile_link_shows_no_markup_and_raises_nothing(page, value):
    keys = URL_KEYS[page] + ["unknown"] + (["view"] if page != "app.py" else [])
    app = run_page(page, {key: [URL_VALUES[value], URL_VALUES[value]] for key in keys})
    assert not app.exception, (page, value, app.exception)
    assert_no_markup_from_data(app, f"{value} link on {page}")


@pytest.mark.parametrize("payload", list(PAYLOADS))
def test_hostile_text_stays_text_in_a_downloaded_chart(payload):
    events = factories.frame("events", {"id": "a", "title": PAYLOADS[payload], "summary": PAYLOADS[payload],
                                        "companies": "renault"})
    credit = exports.Credit(title="Timeline", filters=PAYLOADS[payload], source="Alliance Explorer",
                            link="https://example.org/history", accessed=date(2026, 1, 1),
                            description=PAYLOADS[payload])
    page = exports.figure_html(timeline.timeline_figure(events, {"renault": PAYLOADS[payload]}), credit)
    assert not re.search(r"<(img|script)\b[^>]*(alert|onerror)|<a href=[\"']https://" + re.escape(EVIL), page)

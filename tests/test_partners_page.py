"""The Partners page, run as a reader opens it (AppTest): charts, filters bound to the address by id, and a talk's
card opened from the address (as a click on the timeline or a table row sets it)."""

from __future__ import annotations

import html
import json

import pytest

from tests import factories
from tests.conftest import run_page
from tests.reading import rendered, warnings

PAGE = "pages/partners.py"
TIMELINES, TABLE = {"view": "timelines"}, {"view": "table"}
HOSTILE = "[x](https://evil.example) <b>y</b>"


def spec(app, key: str) -> dict:
    """The Plotly figure drawn with `key` ("reciprocity_chart" in the grid's section, "timeline_chart" in the
    timelines')."""
    return json.loads(next(chart for chart in app.get("plotly_chart") if chart.proto.id.endswith(f"-{key}")).proto.spec)


def grid_rows(app) -> list[str]:
    return spec(app, "reciprocity_chart")["data"][0]["y"]


def timeline_talks(app) -> set[str]:
    return {talk for trace in spec(app, "timeline_chart")["data"] if trace["type"] == "bar" for talk in trace["y"]}


def card_title(app) -> str:
    return rendered(app.get_by_key("talk_card").subheader[0].value)[1].strip()


def download_labels(app) -> list[str]:
    return [button.label for button in app.download_button]


def touches(talks, domain: str):
    return talks[["domain", "nissan_domains", "partner_domains"]].apply(
        lambda row: any(domain in cell for cell in row), axis=1)


@pytest.fixture(scope="module")
def talks(real_data):
    return real_data.frames["talks"]


@pytest.fixture(scope="module")
def names(real_data):
    return real_data.frames["companies"].set_index("id")["name"]


@pytest.fixture(scope="module")
def default_app():
    """The page as first opened; no test changes it."""
    return run_page(PAGE)


@pytest.fixture(scope="module")
def timelines_app():
    """The page with its timelines section open, as a link opens it; no test changes it."""
    return run_page(PAGE, TIMELINES)


@pytest.fixture(scope="module")
def table_app():
    """The page with its table section open, as a link opens it; no test changes it."""
    return run_page(PAGE, TABLE)


def test_each_section_draws_the_grid_the_timeline_or_the_table(default_app, timelines_app, table_app, talks):
    for app in (default_app, timelines_app, table_app):
        assert not app.exception and not app.warning
    assert [tab.label for tab in default_app.tabs] == ["Who brings what", "Talk timelines", "Every talk"]
    assert len(default_app.get("plotly_chart")) == 1 and grid_rows(default_app)
    assert len(timelines_app.get("plotly_chart")) == 1 and timeline_talks(timelines_app) == set(talks["id"])
    assert not table_app.get("plotly_chart") and len(table_app.dataframe[0].value) == len(talks)
    metrics = {metric.label: metric.value for metric in default_app.metric}
    assert metrics["Talks shown"] == f"{len(talks)} of {len(talks)}"
    reciprocal = (talks["nissan_domains"].map(len) > 0) & (talks["partner_domains"].map(len) > 0)
    recorded = (talks["nissan_domains"].map(len) > 0) | (talks["partner_domains"].map(len) > 0)
    assert metrics["Reciprocal talks"] == f"{reciprocal.sum()} of {recorded.sum()}"


def test_the_honda_merger_is_drawn_as_a_terminated_talk_from_its_first_report(timelines_app, talks):
    merger = talks.set_index("id").loc["honda-merger"]
    assert merger["status"] == "terminated"
    bars = [trace for trace in spec(timelines_app, "timeline_chart")["data"]
            if trace["type"] == "bar" and "honda-merger" in trace["y"]]
    assert len(bars) == 1 and bars[0]["name"] == "Terminated"
    assert bars[0]["base"][bars[0]["y"].index("honda-merger")] == f"{merger['first_reported']:%Y-%m-%d}"


def test_the_status_filter_changes_what_is_drawn(talks, names):
    app = run_page(PAGE, TIMELINES)
    app.multiselect(key="talk_status").set_value(["terminated"]).run()
    assert not app.exception
    ended = talks[talks["status"] == "terminated"]
    assert timeline_talks(app) == set(ended["id"])
    grid = run_page(PAGE, {"talk_status": "terminated"})
    assert set(grid_rows(grid)) == {names[partner] for partner in ended["partner"]}
    assert app.metric[0].value == f"{len(ended)} of {len(talks)}"
    assert app.query_params["talk_status"] in ("terminated", ["terminated"])  # the address keeps it, by id


def test_the_domain_filter_picks_the_grids_columns_and_the_talks(talks):
    app = run_page(PAGE)
    app.multiselect(key="domain").set_value(["battery"]).run()
    assert spec(app, "reciprocity_chart")["data"][0]["x"] == ["Battery"]  # the grid's columns follow the filter
    assert timeline_talks(run_page(PAGE, TIMELINES | {"domain": "battery"})) == set(
        talks.loc[touches(talks, "battery"), "id"])


@pytest.mark.parametrize("key, value, keep", [
    ("partner", "honda", lambda talks: talks["partner"] == "honda"),
    ("domain", "software", lambda talks: touches(talks, "software")),
    ("region", "global", lambda talks: talks["region"] == "global"),
    ("talk_status", "terminated", lambda talks: talks["status"] == "terminated"),
])
def test_a_link_restores_a_filter_by_id(talks, key, value, keep):
    app = run_page(PAGE, TIMELINES | {key: value})
    assert not app.exception and not app.warning
    assert app.multiselect(key=key).value == [value]
    assert timeline_talks(app) == set(talks.loc[keep(talks), "id"])


def test_a_link_restores_several_filters_at_once(talks, names):
    app = run_page(PAGE, {"partner": ["honda", "wayve"], "region": "global"})
    assert app.multiselect(key="partner").value == ["honda", "wayve"]
    shown = talks[talks["partner"].isin(["honda", "wayve"]) & (talks["region"] == "global")]
    assert grid_rows(app) == sorted({names[p] for p in shown["partner"]})
    table = run_page(PAGE, TABLE | {"partner": ["honda", "wayve"], "region": "global"}).dataframe[0].value
    assert table["region"].eq("Global").all() and len(table) == len(shown)


@pytest.mark.parametrize("key, value", [
    ("partner", "Honda"), ("partner", "nobody"), ("domain", "Software"), ("region", "Global"),
    ("talk_status", "signed"), ("talk", "no-such-talk"),
])
def test_an_unusable_link_value_is_ignored_with_a_notice(key, value):
    app = run_page(PAGE, {key: value})
    assert not app.exception
    assert f"Ignored {key}={value} from the link" in warnings(app)


def test_a_talk_in_the_link_opens_its_card(talks, names):
    merger = talks.set_index("id").loc["honda-merger"]
    app = run_page(PAGE, {"talk": "honda-merger"})
    assert not app.exception and not app.warning
    assert app.selectbox(key="talk").value == "honda-merger"
    assert card_title(app) == f"{names['honda']} · Terminated"
    card = " ".join(rendered(markdown.value)[1] for markdown in app.get_by_key("talk_card").markdown)
    assert f"{names['honda']} brings" in card and "Nissan brings" in card
    assert app.get_by_key("talk_card").link_button[0].proto.url == merger["source_url"]


def test_picking_a_talk_puts_it_in_the_address():
    app = run_page(PAGE)
    app.selectbox(key="talk").set_value("honda-merger").run()
    assert app.query_params["talk"] in ("honda-merger", ["honda-merger"])
    assert card_title(app).endswith("Terminated")


def test_a_click_on_a_timeline_bar_opens_that_talks_card(timelines_app, talks, names):
    # AppTest cannot click Plotly: a click puts the point's customdata into the address (filters.open_from_chart),
    # so the test takes the id a drawn bar carries and opens the page with it.
    bar = next(trace for trace in spec(timelines_app, "timeline_chart")["data"] if trace["type"] == "bar")
    clicked = bar["customdata"][-1]
    app = run_page(PAGE, {"talk": clicked})
    assert app.selectbox(key="talk").value == clicked
    partner = talks.set_index("id").loc[clicked, "partner"]
    assert card_title(app).startswith(names[partner])


def test_a_click_on_a_table_row_opens_that_talks_card(table_app, talks, names):
    # A row click puts the row's id (the table's hidden id column) into the address (filters.open_from_table).
    table = table_app.dataframe[0].value
    clicked = table["id"].iloc[-1]
    app = run_page(PAGE, {"talk": clicked})
    assert app.selectbox(key="talk").value == clicked
    assert card_title(app).startswith(table["partner"].iloc[-1])


def test_a_hostile_talk_name_and_summary_stay_literal_text_in_its_card(data_copy, use_data_dir):
    factories.edit(data_copy / "companies.csv", lambda rows: [
        row | {"name": HOSTILE} if row["id"] == "honda" else row for row in rows])
    factories.edit(data_copy / "talks.csv", lambda rows: [
        row | {"summary": HOSTILE, "partner_offers": HOSTILE} if row["id"] == "honda-merger" else row
        for row in rows])
    use_data_dir(data_copy)
    app = run_page(PAGE, {"talk": "honda-merger"})
    assert not app.exception
    card = app.get_by_key("talk_card")
    for markdown in [card.subheader[0].value, card.caption[0].value, *(m.value for m in card.markdown)]:
        page, _ = rendered(markdown)
        assert "<a" not in page and "<b>" not in page and "https://" not in page, markdown
    assert card_title(app) == f"{HOSTILE} · Terminated"
    assert sum(HOSTILE in rendered(m.value)[1] for m in card.markdown) >= 2  # the partner's offer and the summary
    assert html.escape(HOSTILE) in grid_rows(app)  # the grid shows it as text too


def test_an_empty_selection_means_every_value_and_says_so(talks):
    app = run_page(PAGE, {"partner": "honda"})
    app.multiselect(key="partner").set_value([]).run()
    assert not app.exception
    assert {metric.label: metric.value for metric in app.metric}["Talks shown"] == f"{len(talks)} of {len(talks)}"
    assert app.multiselect(key="partner").placeholder == "All partners"
    assert "partner" not in app.query_params


def test_filters_that_match_nothing_say_how_to_widen_them_and_keep_the_downloads(talks):
    lacking = sorted(set(talks["status"]) - set(talks.loc[talks["partner"] == "honda", "status"]))[0]
    app = run_page(PAGE, {"partner": "honda", "talk_status": lacking})
    assert not app.exception
    assert "No talk matches these filters" in app.info[0].value
    assert not app.get("plotly_chart")
    assert f"All rows ({len(talks)}) as CSV" in download_labels(app)


def test_the_talks_and_each_chart_can_be_downloaded(talks):
    labels = download_labels(run_page(PAGE, TABLE | {"partner": "honda"}))
    assert f"Filtered rows ({(talks['partner'] == 'honda').sum()}) as CSV" in labels
    assert f"All rows ({len(talks)}) as CSV" in labels
    for view in ({}, TIMELINES):
        app = run_page(PAGE, view | {"partner": "honda"})
        assert download_labels(app).count("Chart as HTML") == len(app.get("plotly_chart")) == 1


def test_broken_talks_stop_the_page_with_a_clear_message(data_copy, use_data_dir):
    factories.edit(data_copy / "talks.csv", lambda rows: [row | {"status": "signed"} for row in rows])
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert "talks.csv" in rendered(app.error[0].value)[1]
    problems = app.dataframe[0].value
    assert set(problems["file"]) == {"talks.csv"} and set(problems["column"]) == {"status"}
    assert not app.get("plotly_chart")


def test_a_picked_talk_that_the_filters_hide_falls_back_to_the_latest_shown(talks):
    wayve = talks[talks["partner"] == "wayve"].sort_values("last_update")
    app = run_page(PAGE)
    app.selectbox(key="talk").set_value("honda-merger").run()
    app.multiselect(key="partner").set_value(["wayve"]).run()
    assert not app.exception
    assert app.selectbox(key="talk").value == wayve["id"].iloc[-1]
    assert card_title(app).startswith("Wayve")

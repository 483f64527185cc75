"""The Partners page, run as a reader opens it (AppTest): charts, filters, the URL and a talk's card."""

from __future__ import annotations

import json

from components.builders import partners
from tests.conftest import run_page

PAGE = "pages/partners.py"


def spec(app, index: int) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def grid_rows(app) -> list[str]:
    return spec(app, 0)["data"][0]["y"]


def timeline_talks(app) -> set[str]:
    return {talk for trace in spec(app, 1)["data"] if trace["type"] == "bar" for talk in trace["y"]}


def test_the_page_draws_the_grid_the_timeline_and_the_table(real_data):
    talks = real_data.frames["talks"]
    app = run_page(PAGE)
    assert not app.exception
    assert len(app.get("plotly_chart")) == 2
    assert timeline_talks(app) == set(talks["id"])
    assert len(app.dataframe[0].value) == len(talks)
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Reciprocal talks"] == partners.reciprocity_count(talks).text
    assert metrics["Talks shown"] == f"{len(talks)} of {len(talks)}"


def test_the_honda_merger_is_drawn_as_a_terminated_talk():
    app = run_page(PAGE)
    bars = [trace for trace in spec(app, 1)["data"] if trace["type"] == "bar" and "honda-merger" in trace["y"]]
    assert len(bars) == 1 and bars[0]["name"] == "Terminated"
    assert bars[0]["base"][bars[0]["y"].index("honda-merger")] == "2024-12-23"


def test_the_status_filter_changes_what_is_drawn(real_data):
    talks = real_data.frames["talks"]
    app = run_page(PAGE)
    app.multiselect(key="talk_status").set_value(["terminated"]).run()
    assert not app.exception
    assert timeline_talks(app) == set(talks.loc[talks["status"] == "terminated", "id"])
    assert grid_rows(app) == ["Honda"]
    assert app.metric[0].value == f"{(talks['status'] == 'terminated').sum()} of {len(talks)}"


def test_the_domain_filter_picks_the_grids_columns_and_the_talks(real_data):
    talks = real_data.frames["talks"]
    app = run_page(PAGE)
    app.multiselect(key="domain").set_value(["battery"]).run()
    assert spec(app, 0)["data"][0]["x"] == ["Battery"]  # the grid's columns follow the domain filter
    assert timeline_talks(app) == {t.id for t in talks.itertuples() if "battery" in partners.talk_domains(t)}


def test_url_parameters_restore_the_filters():
    app = run_page(PAGE, {"partner": ["Honda", "Wayve"], "region": "Global"})
    assert not app.exception
    assert app.multiselect(key="partner").value == ["honda", "wayve"]
    assert app.multiselect(key="region").value == ["global"]
    assert grid_rows(app) == ["Honda", "Wayve"]
    assert app.dataframe[0].value["region"].eq("Global").all()


def test_a_bogus_url_value_is_ignored_with_a_notice():
    app = run_page(PAGE, {"partner": "Nobody", "talk_status": "Signed"})
    assert not app.exception
    warnings = " ".join(warning.value for warning in app.warning)
    assert "partner=Nobody" in warnings and "talk_status=Signed" in warnings
    assert len(app.get("plotly_chart")) == 2


def test_an_empty_selection_says_so_and_how_to_widen_it():
    app = run_page(PAGE)
    app.multiselect(key="partner").set_value([]).run()
    assert not app.exception
    assert "No talk matches these filters" in app.info[0].value
    assert not app.get("plotly_chart")
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Filtered rows (0) as CSV" in labels  # the full set can still be downloaded


def test_picking_a_talk_shows_its_card_and_the_link_restores_it():
    app = run_page(PAGE)
    app.selectbox(key="talk").set_value("honda-merger").run()
    assert "Honda · Terminated" in [header.value for header in app.subheader]
    card_text = " ".join(markdown.value for markdown in app.markdown)
    assert "Honda brings" in card_text and "Nissan brings" in card_text

    label = app.selectbox(key="talk").options[app.selectbox(key="talk").index]
    reopened = run_page(PAGE, {"talk": label})
    assert reopened.selectbox(key="talk").value == "honda-merger"


def test_the_talks_can_be_downloaded(real_data):
    app = run_page(PAGE, {"partner": "Honda"})
    honda = (real_data.frames["talks"]["partner"] == "honda").sum()
    labels = [button.proto.label for button in app.get("download_button")]
    assert f"Filtered rows ({honda}) as CSV" in labels
    assert f"All rows ({len(real_data.frames['talks'])}) as CSV" in labels
    assert sum(label == "Chart as HTML" for label in labels) == 2


def test_broken_talks_stop_the_page_with_a_clear_message(data_copy, use_data_dir):
    (data_copy / "talks.csv").write_text("id,partner\nx,honda\n", encoding="utf-8")
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert "talks.csv" in app.error[0].value
    assert not app.get("plotly_chart")


def test_a_picked_talk_that_the_filters_hide_falls_back_to_the_latest_shown(real_data):
    talks = real_data.frames["talks"]
    wayve = talks[talks["partner"] == "wayve"].sort_values("last_update")
    app = run_page(PAGE)
    app.selectbox(key="talk").set_value("honda-merger").run()
    app.multiselect(key="partner").set_value(["wayve"]).run()
    assert not app.exception
    assert app.selectbox(key="talk").value == wayve["id"].iloc[-1]
    assert app.subheader[0].value.startswith("Wayve")

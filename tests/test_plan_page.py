"""The Plan page under AppTest: it runs on the real data, its filters change the charts, links restore them."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from components.builders import plan_progress
from tests.conftest import run_page

PAGE = "pages/plan.py"
TIMELINE, TREEMAP, TARGETS, EVENTS = range(4)


def spec(app, index: int) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def drawn_models(app) -> set[str]:
    """The model names drawn on the timeline (legend-only traces carry no text)."""
    return {name for trace in spec(app, TIMELINE)["data"] for name in trace.get("text") or ()}


@pytest.fixture(scope="module")
def models(real_data):
    return real_data.frames["models"]


@pytest.fixture(scope="module")
def default_app():
    return run_page(PAGE)


def test_page_runs_and_draws_its_four_charts(default_app, models):
    assert not default_app.exception
    assert not default_app.warning
    assert len(default_app.get("plotly_chart")) == 4
    assert drawn_models(default_app) == set(models["name"])


def test_models_without_a_launch_year_are_drawn_in_their_own_column(default_app, models):
    axis = spec(default_app, TIMELINE)["layout"]["xaxis"]["categoryarray"]
    assert models["launch_year"].isna().any()
    assert axis[-1] == "year not known"


def test_brand_filter_changes_the_charts(models):
    app = run_page(PAGE)
    app.multiselect(key="brand").set_value(["nissan"]).run()
    assert drawn_models(app) == set(models.loc[models["brand"] == "nissan", "name"])
    tiles = spec(app, TREEMAP)["data"][0]["ids"]
    assert all(tile.count("/") == 0 or "/nissan" in tile for tile in tiles)


def test_url_parameters_restore_the_filters(models):
    app = run_page(PAGE, query={"brand": ["Nissan", "Renault"], "model_status": "Planned"})
    assert app.multiselect(key="brand").value == ["nissan", "renault"]
    assert app.multiselect(key="model_status").value == ["planned"]
    expected = models[models["brand"].isin(["nissan", "renault"]) & (models["status"] == "planned")]
    assert drawn_models(app) == set(expected["name"])


def test_unknown_years_can_be_left_out_from_the_link(models):
    app = run_page(PAGE, query={"unknown_year": "false"})
    assert app.toggle(key="unknown_year").value is False
    assert drawn_models(app) == set(models.loc[models["launch_year"].notna(), "name"])
    assert "year not known" not in spec(app, TIMELINE)["layout"]["xaxis"]["categoryarray"]


def test_launch_year_range_from_the_link_narrows_the_known_years(models):
    first = int(models["launch_year"].min())
    app = run_page(PAGE, query={"launch": [str(first), str(first)], "unknown_year": "false"})
    assert app.slider(key="launch").value == (first, first)
    assert drawn_models(app) == set(models.loc[models["launch_year"] == first, "name"])


def test_bogus_link_values_are_ignored_with_a_notice():
    app = run_page(PAGE, query={"brand": "Tesla", "launch": ["1900", "3000"], "unknown_year": "maybe",
                                "platform": "CMF-XYZ"})
    assert not app.exception
    notices = " ".join(warning.value for warning in app.warning)
    for key in ("brand=Tesla", "launch=1900, 3000", "unknown_year=maybe", "platform=CMF-XYZ"):
        assert key in notices
    assert len(app.get("plotly_chart")) == 4


def test_filters_that_match_nothing_say_how_to_widen_them():
    app = run_page(PAGE, query={"model_status": ""})
    assert not app.exception
    assert any("No model matches these filters" in info.value for info in app.info)
    # The targets and the events are the whole plan's, whatever the filters.
    assert len(app.get("plotly_chart")) == 2


def test_targets_chart_measures_launched_models_and_says_when_the_data_cannot(default_app, real_data):
    targets = real_data.frames["plan_targets"]
    measured = targets["measure_launched_on"].ne("")
    traces = {trace.get("name"): trace for trace in spec(default_app, TARGETS)["data"]}
    assert len(traces["Achieved"]["y"]) == measured.sum() > 0
    assert len(traces[plan_progress.CANT_SAY]["y"]) == (~measured).sum()
    launched = (real_data.frames["models"]["status"] == "launched").sum()
    ev_models = targets.set_index("id").loc["ev-models", "value"]
    readings = next(trace for trace in spec(default_app, TARGETS)["data"] if trace.get("mode") == "text"
                    and trace.get("showlegend") is False)["text"]
    assert f"{launched} of {ev_models:g} launched" in readings[0]


def test_events_come_from_the_tagged_rows_of_the_data(default_app, real_data):
    events = real_data.frames["events"]
    tagged = events["tags"].str.split(";").map(lambda tags: "alliance-to-2030" in tags)
    rows = [label for trace in spec(default_app, EVENTS)["data"] for label in trace["y"]]
    assert sorted(int(label.split(".")[0]) for label in rows) == list(range(1, tagged.sum() + 1))
    table = default_app.dataframe[-1].value
    assert len(table) == tagged.sum()


def test_a_data_folder_without_tagged_events_or_known_years_still_shows_the_page(data_copy, use_data_dir):
    events = data_copy / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace("alliance-to-2030", "other-tag"), encoding="utf-8")
    models = pd.read_csv(data_copy / "models.csv", dtype=str, keep_default_na=False).assign(launch_year="")
    models.to_csv(data_copy / "models.csv", index=False)
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert any("No event in the data is tagged" in info.value for info in app.info)
    assert not app.slider  # no known year: no year range to choose
    assert drawn_models(app) == set(models["name"])

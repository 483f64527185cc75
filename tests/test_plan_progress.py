"""Targets against actuals: computed from the data, or said to be unknown, never shown as 0%."""

from __future__ import annotations

import pandas as pd

from components.builders import plan_progress
from components.data.contract import PLAN_TARGETS
from tests.test_plan import models, platforms

ALL_PLATFORMS = "cmf-ev;kei-ev;cmf-bev"


def targets(*rows):
    frame = pd.DataFrame(rows, columns=["id", "metric", "value", "unit", "target_year", "measure_launched_on"])
    return frame.astype({"value": "float64", "target_year": "Int64"}).assign(
        source_url="https://example.org", source_status="verified", note="")


TARGETS = targets(
    ("ev-models", "New EV models", 35, "models", 2030, ALL_PLATFORMS),
    ("cmf-ev-models", "Models on CMF-EV", 4, "models", 2030, "cmf-ev"),
    ("investment", "Investment", 23, "EUR bn", 2026, ""),
    ("battery-cost", "Battery cost", -50, "%", 2026, ""),
)


def progress(frame=TARGETS, model_frame=None):
    return plan_progress.progress_frame(frame, models() if model_frame is None else model_frame,
                                        platforms()).set_index("id")


def test_the_measure_column_is_an_optional_list_of_platforms_in_the_contract():
    column = PLAN_TARGETS.column("measure_launched_on")
    assert (column.kind, column.ref, column.required) == ("refs", "platforms", False)


def test_launched_models_on_the_platforms_are_counted_with_planned_ones_apart():
    row = progress().loc["ev-models"]
    assert (row["actual"], row["planned"]) == (5, 2)
    assert row["share"] == 5 / 35
    assert row["reading"] == "5 of 35 launched (14%); 2 more planned"
    assert "the five common platforms" in row["caveat"] and "lower bound" in row["caveat"]


def test_a_target_on_one_platform_counts_only_that_platform():
    row = progress().loc["cmf-ev-models"]
    assert (row["actual"], row["planned"], row["measured_on"]) == (3, 0, "CMF-EV")
    assert row["reading"] == "3 of 4 launched (75%)"
    assert "launched on CMF-EV" in row["caveat"]


def test_models_off_the_measured_platforms_are_not_counted():
    stray = models().assign(platform=lambda f: f["platform"].replace("kei-ev", "elsewhere"))
    assert progress(model_frame=stray).loc["ev-models", "actual"] == 4


def test_a_target_without_a_measure_says_so_instead_of_zero():
    row = progress().loc["investment"]
    assert pd.isna(row["actual"]) and pd.isna(row["share"])
    assert row["reading"] == plan_progress.CANT_SAY


def test_targets_without_the_measure_column_are_all_unknown():
    frame = progress(TARGETS.drop(columns="measure_launched_on"))
    assert frame["share"].isna().all()
    assert (frame["reading"] == plan_progress.CANT_SAY).all()


def test_a_real_zero_is_shown_as_zero():
    nothing_launched = models().assign(status="planned")
    row = progress(model_frame=nothing_launched).loc["ev-models"]
    assert (row["actual"], row["share"]) == (0, 0)
    assert row["reading"].startswith("0 of 35 launched (0%)")


def test_chart_draws_bars_only_for_measured_targets_and_words_for_the_rest():
    figure = plan_progress.progress_chart(progress().reset_index())
    achieved = next(trace for trace in figure.data if trace.name == "Achieved")
    assert list(achieved.x) == [round(5 / 35 * 100, 1), 75.0]
    unknown = next(trace for trace in figure.data if trace.name == plan_progress.CANT_SAY)
    assert all("can't say" in text for text in unknown.text)
    bar_rows = {label for trace in figure.data if trace.type == "bar" for label in trace.y}
    assert len(bar_rows) == 2 and not bar_rows & set(unknown.y)
    assert all(label.startswith(("Investment", "Battery cost")) for label in unknown.y)


def test_measured_targets_come_first_in_file_order():
    shuffled = targets(*[TARGETS.iloc[i, :6].tolist() for i in (2, 1, 3, 0)])
    assert list(progress(shuffled).index) == ["cmf-ev-models", "ev-models", "investment", "battery-cost"]


def test_chart_with_nothing_measurable_has_no_bars():
    figure = plan_progress.progress_chart(progress().reset_index().iloc[2:])
    assert all(len(trace.y or ()) == 0 for trace in figure.data if trace.type == "bar")


def test_long_metrics_are_wrapped_in_the_chart_labels():
    row = pd.Series({"metric": "Investment in electrification over five years (on top of €10bn already spent)",
                     "target": 23.0, "unit": "EUR bn", "target_year": 2026})
    label = plan_progress.target_label(row)
    assert label.count("<br>") >= 2 and label.endswith("<br><i>23 EUR bn by 2026</i>")


def test_summary_names_measured_and_unmeasured_targets():
    text = plan_progress.progress_summary(progress().reset_index())
    assert text.startswith("4 targets; the data measures 2 of them.")
    assert "New EV models (35 models): 5 of 35 launched (14%); 2 more planned." in text
    assert "The data can't say yet for: Investment (23 EUR bn); Battery cost (-50 %)." in text

"""Targets against actuals: computed from the data, or said to be unknown, never shown as 0%."""

from __future__ import annotations

import html

import pandas as pd

from components.builders import plan_progress
from components.data.validation import read_folder
from tests import factories

ALL_PLATFORMS = "cmf-ev;kei-ev;cmf-bev"


def platforms():
    return factories.frame("platforms", {"id": "cmf-ev", "name": "CMF-EV"}, {"id": "kei-ev", "name": "KEI-EV"},
                           {"id": "cmf-bev", "name": "CMF-BEV"})


def model_rows(**change):
    statuses = [("cmf-ev", "launched"), ("cmf-ev", "launched"), ("cmf-ev", "launched"), ("kei-ev", "launched"),
                ("cmf-bev", "launched"), ("cmf-bev", "planned"), ("cmf-bev", "planned"), ("cmf-ev", "cancelled")]
    return [{"id": f"m{i}", "platform": platform, "status": status} | change
            for i, (platform, status) in enumerate(statuses)]


def models(**change):
    return factories.frame("models", *model_rows(**change))


def target(id_, metric, value, unit, year, measure):
    return {"id": id_, "metric": metric, "value": value, "unit": unit, "target_year": year,
            "measure_launched_on": measure}


TARGETS = (
    target("ev-models", "New EV models", "35", "models", "2030", ALL_PLATFORMS),
    target("cmf-ev-models", "Models on CMF-EV", "4", "models", "2030", "cmf-ev"),
    target("investment", "Investment", "23", "EUR bn", "2026", ""),
    target("battery-cost", "Battery cost", "-50", "%", "2026", ""),
)


def progress(*rows, model_frame=None):
    return plan_progress.progress_frame(factories.frame("plan_targets", *(rows or TARGETS)),
                                        models() if model_frame is None else model_frame,
                                        platforms()).set_index("id")


def launched_on(platform_ids, frame=None):
    frame = models() if frame is None else frame
    return int((frame["platform"].isin(platform_ids) & (frame["status"] == "launched")).sum())


def test_launched_models_on_the_platforms_are_counted_with_planned_ones_apart():
    row = progress().loc["ev-models"]
    launched, planned = launched_on(ALL_PLATFORMS.split(";")), int((models()["status"] == "planned").sum())
    assert (row["actual"], row["planned"]) == (launched, planned)
    assert row["share"] == launched / 35
    assert row["reading"] == f"{launched} of 35 launched ({launched / 35:.0%}); {planned} more planned"
    assert "the five common platforms" in row["caveat"] and "lower bound" in row["caveat"]


def test_a_target_on_one_platform_counts_only_that_platform():
    row = progress().loc["cmf-ev-models"]
    launched = launched_on(["cmf-ev"])
    assert (row["actual"], row["planned"], row["measured_on"]) == (launched, 0, "CMF-EV")
    assert row["reading"] == f"{launched} of 4 launched ({launched / 4:.0%})"
    assert "launched on CMF-EV" in row["caveat"]


def test_models_off_the_measured_platforms_are_not_counted():
    moved = factories.frame("models", *[row | ({"platform": "elsewhere"} if row["platform"] == "kei-ev" else {})
                                         for row in model_rows()])
    assert progress(model_frame=moved).loc["ev-models", "actual"] == launched_on(ALL_PLATFORMS.split(";")) - 1


def test_a_target_the_data_cannot_measure_says_so_instead_of_zero():
    row = progress().loc["investment"]
    assert pd.isna(row["actual"]) and pd.isna(row["share"]) and pd.isna(row["planned"])
    assert row["reading"] == plan_progress.CANT_SAY


def test_targets_read_from_a_file_with_the_measure_column_left_blank_are_all_unknown(data_copy):
    factories.write(data_copy, "plan_targets", *[row | {"measure_launched_on": ""} for row in TARGETS])
    loaded = read_folder(data_copy)
    assert not loaded.problems_for("plan_targets"), loaded.problems_for("plan_targets")
    frame = plan_progress.progress_frame(loaded.frames["plan_targets"], loaded.frames["models"],
                                         loaded.frames["platforms"])
    assert frame["share"].isna().all()
    assert (frame["reading"] == plan_progress.CANT_SAY).all()


def test_a_real_zero_is_shown_as_zero():
    row = progress(model_frame=models(status="planned")).loc["ev-models"]
    assert (row["actual"], row["share"]) == (0, 0)
    assert row["reading"].startswith("0 of 35 launched (0%)")


def test_the_chart_draws_only_the_measured_targets_and_the_rest_are_listed():
    frame = progress().reset_index()
    figure = plan_progress.progress_chart(frame)
    achieved = next(trace for trace in figure.data if trace.name == "Achieved")
    assert list(achieved.x) == [round(launched_on(ALL_PLATFORMS.split(";")) / 35 * 100, 1),
                                round(launched_on(["cmf-ev"]) / 4 * 100, 1)]
    drawn = {label for trace in figure.data for label in trace.y}
    assert len(drawn) == 2 and not any(label.startswith(("Investment", "Battery cost")) for label in drawn)
    listed = plan_progress.unmeasured(frame)
    assert len(listed) == 2 and all(line.startswith(("Investment", "Battery cost")) for line in listed)


def test_measured_targets_come_first_each_group_in_file_order():
    shuffled = [TARGETS[i] for i in (2, 1, 3, 0)]
    assert list(progress(*shuffled).index) == ["cmf-ev-models", "ev-models", "investment", "battery-cost"]


def test_a_chart_with_nothing_measurable_has_no_bars():
    figure = plan_progress.progress_chart(progress(*TARGETS[2:]).reset_index())
    assert all(len(trace.y or ()) == 0 for trace in figure.data if trace.type == "bar")


def test_long_metrics_are_wrapped_in_the_chart_labels():
    metric = "Investment in electrification over five years (on top of €10bn already spent)"
    label = plan_progress.target_label(progress(target("i", metric, "23", "EUR bn", "2026", "")).iloc[0])
    assert label.count("<br>") >= 2 and label.endswith("<br><i>23 EUR bn by 2026</i>")
    assert label.split("<br><i>")[0].replace("<br>", " ") == metric


def test_a_metric_in_the_chart_stays_literal_text():
    hostile = "[x](https://evil.example) <b>y</b>"
    label = plan_progress.target_label(progress(target("i", hostile, "1", "<i>u</i>", "2026", "")).iloc[0])
    assert "<b>" not in label and "<i>u</i>" not in label
    assert html.unescape(label.split("<br><i>")[0].replace("<br>", " ")) == hostile


def test_the_summary_names_measured_and_unmeasured_targets():
    text = plan_progress.progress_summary(progress().reset_index())
    reading = progress().loc["ev-models", "reading"]
    assert text.startswith("4 targets; the data measures 2 of them.")
    assert f"New EV models (35 models): {reading}." in text
    assert "The data can't say yet for: Investment (23 EUR bn); Battery cost (-50 %)." in text

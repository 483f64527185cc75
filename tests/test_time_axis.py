"""What the History page's two time charts share: the padded date axis and the turning points marked on it."""

from __future__ import annotations

import pandas as pd

from components.builders import time_axis
from tests import factories

LOW, HIGH = pd.Timestamp("2000-01-01"), pd.Timestamp("2025-12-31")


def test_the_axis_is_padded_so_markers_at_its_ends_are_whole():
    low, high = time_axis.padded_range("2000-01-01", "2025-12-31")
    assert low < LOW and HIGH < high
    assert LOW - low == high - HIGH  # the same room on either side


def test_turning_points_are_the_named_events_present_in_the_data_with_their_year():
    events = factories.frame(
        "events",
        {"id": "alliance-signed", "date": "1999-03-27"},
        {"id": "ghosn-arrested", "date": "2018-11-19"},
        {"id": "an-ordinary-event", "date": "2005-06-01"},
    )
    marks = time_axis.turning_points(events)
    assert marks == {
        f"1999: {time_axis.TURNING_POINTS['alliance-signed']}": pd.Timestamp("1999-03-27"),
        f"2018: {time_axis.TURNING_POINTS['ghosn-arrested']}": pd.Timestamp("2018-11-19"),
    }


def test_an_event_drawn_in_several_lanes_is_still_one_turning_point():
    events = factories.frame("events", {"id": "alliance-signed", "date": "1999-03-27"})
    in_two_lanes = pd.concat([events, events], ignore_index=True)
    assert len(time_axis.turning_points(in_two_lanes)) == 1


def test_data_without_events_has_no_turning_points():
    assert time_axis.turning_points(factories.frame("events").head(0)) == {}


def test_only_the_turning_points_inside_the_range_are_drawn():
    marks = {"1999: signed": pd.Timestamp("1999-03-27"), "2023: rebalanced": pd.Timestamp("2023-11-08")}
    lines, labels = time_axis.mark_layout(marks, LOW, HIGH)
    assert [label["text"] for label in labels] == ["2023: rebalanced"]
    assert [line["x0"] for line in lines] == [pd.Timestamp("2023-11-08")]


def test_close_turning_points_are_labelled_on_different_levels():
    days = ["2023-01-01", "2023-02-01", "2023-03-01", "2023-04-01"]
    marks = {f"mark {i}": pd.Timestamp(day) for i, day in enumerate(days)}
    _, labels = time_axis.mark_layout(marks, LOW, HIGH)
    assert len({label["yshift"] for label in labels}) == len(days)


def test_a_label_leans_away_from_the_nearer_edge_of_the_chart():
    marks = {"early": pd.Timestamp("2001-01-01"), "late": pd.Timestamp("2025-01-01")}
    _, labels = time_axis.mark_layout(marks, LOW, HIGH)
    assert {label["text"]: label["xanchor"] for label in labels} == {"early": "left", "late": "right"}


def test_a_turning_point_label_from_the_data_is_html_escaped():
    _, labels = time_axis.mark_layout({"2001: <b>R&D</b>": pd.Timestamp("2001-01-01")}, LOW, HIGH)
    assert labels[0]["text"] == "2001: &lt;b&gt;R&amp;D&lt;/b&gt;"

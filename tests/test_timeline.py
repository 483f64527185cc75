"""The History timeline's pure parts: filtering, the lane figure, the summary, the selection and the card."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders import timeline
from components.data.contract import EVENTS
from components.data.vocabulary import CATEGORY_COLORS, STATUS_SYMBOLS

NAMES = {"renault": "Renault", "nissan": "Nissan", "honda": "Honda"}


def make_events(*rows: dict) -> pd.DataFrame:
    """Events typed as the validator types them: dates datetime64, value float, blanks "" for text."""
    defaults = {"date_precision": "day", "end_date": None, "category": "alliance", "companies": "renault;nissan",
                "summary": "What happened.", "value": None, "unit": "", "tags": "",
                "source_url": "https://www.example.org/a", "source_status": "verified", "note": ""}
    frame = pd.DataFrame([{**defaults, "title": row["id"], **row} for row in rows])[list(EVENTS.column_names)]
    return frame.assign(date=pd.to_datetime(frame["date"]), end_date=pd.to_datetime(frame["end_date"]),
                        value=frame["value"].astype("float64"))


@pytest.fixture
def events() -> pd.DataFrame:
    return make_events(
        {"id": "signed", "date": "1999-03-27", "title": "Alliance signed", "summary": "Signed in Tokyo."},
        {"id": "stake", "date": "2002-03-01", "date_precision": "month", "category": "equity",
         "companies": "nissan;renault", "value": 15, "unit": "%", "source_status": "press_report"},
        {"id": "avtovaz", "date": "2008-01-01", "date_precision": "year", "category": "equity",
         "companies": "renault", "source_status": "unverified"},
        {"id": "merger", "date": "2024-12-23", "end_date": "2025-02-13", "category": "partnership",
         "companies": "honda;nissan", "title": "Merger MoU", "summary": "A memorandum to MERGE."},
        {"id": "instant", "date": "2025-03-31", "end_date": "2025-03-31", "category": "crisis",
         "companies": "nissan", "source_status": "conflicting"},
    )


def event_traces(figure, meta="event"):
    return [trace for trace in figure.data if trace.meta == meta]


# --- filtering ------------------------------------------------------------------------------

def test_date_range_keeps_periods_that_overlap_it(events):
    shown = timeline.filter_events(events, timeline.EventFilter(start=pd.Timestamp("2025-01-01"),
                                                                end=pd.Timestamp("2025-12-31")))
    assert list(shown["id"]) == ["merger", "instant"]  # the merger MoU began in 2024 and ran into 2025


def test_each_filter_narrows_the_events(events):
    def ids(**wanted):
        return list(timeline.filter_events(events, timeline.EventFilter(**wanted))["id"])

    assert ids(categories=("equity",)) == ["stake", "avtovaz"]
    assert ids(companies=("honda",)) == ["merger"]
    assert ids(companies=("honda", "renault")) == ["signed", "stake", "avtovaz", "merger"]
    assert ids(statuses=("press_report", "conflicting")) == ["stake", "instant"]
    assert ids(text="merge") == ["merger"]  # the summary is searched, ignoring case
    assert ids(text="tokyo") == ["signed"]
    assert ids(categories=()) == []  # nothing chosen means nothing shown
    assert ids() == list(events["id"])


def test_text_search_is_literal_not_a_pattern(events):
    assert timeline.filter_events(events, timeline.EventFilter(text="(")).empty


def test_empty_message_says_how_to_widen():
    message = timeline.empty_message(timeline.EventFilter(categories=(), text="zzz"))
    assert message.startswith("No events match")
    assert "clear the search" in message and "pick at least one of the categories" in message
    assert "widen the date range" in message


# --- lanes and the figure -------------------------------------------------------------------

def test_one_marker_per_event_coloured_by_category_shaped_by_status(events):
    figure = timeline.timeline_figure(events, NAMES)
    traces = {trace.name: trace for trace in event_traces(figure)}
    assert sorted(traces) == ["Alliance", "Crisis", "Equity", "Partnership"]
    assert sum(len(trace.x) for trace in traces.values()) == len(events)
    equity = traces["Equity"]
    assert equity.marker.color == CATEGORY_COLORS["equity"]
    assert list(equity.marker.symbol) == [STATUS_SYMBOLS["press_report"], STATUS_SYMBOLS["unverified"]]
    assert [row[0] for row in equity.customdata] == ["stake", "avtovaz"]  # the selection maps back through it


def test_periods_are_bars_and_zero_length_events_stay_visible(events):
    figure = timeline.timeline_figure(events, NAMES)
    bars = event_traces(figure, "period")
    assert [bar.name for bar in bars] == ["Partnership"]
    merger = bars[0]
    assert pd.Timestamp(merger.base[0]) == pd.Timestamp("2024-12-23")
    assert merger.x[0] == pytest.approx(pd.Timedelta(days=52).total_seconds() * 1000)
    crisis = next(trace for trace in event_traces(figure) if trace.name == "Crisis")
    assert [row[0] for row in crisis.customdata] == ["instant"]  # a period of no length is drawn as a marker


def test_hover_shows_the_date_at_its_precision(events):
    figure = timeline.timeline_figure(events, NAMES)
    when = {row[0]: row[1] for trace in event_traces(figure) for row in trace.customdata}
    assert when == {"signed": "27 March 1999", "stake": "March 2002", "avtovaz": "2008",
                    "merger": "23 December 2024 – 13 February 2025", "instant": "31 March 2025"}
    hosts = {row[4] for trace in event_traces(figure) for row in trace.customdata}
    assert hosts == {"example.org"}


def test_company_lanes_repeat_an_event_in_each_of_its_companies(events):
    figure = timeline.timeline_figure(events, NAMES, lanes="company")
    assert sum(len(trace.x) for trace in event_traces(figure)) == 8  # 2 + 2 + 1 + 2 + 1 company-events
    assert list(figure.layout.yaxis.ticktext) == ["Nissan", "Renault", "Honda"]  # busiest lane first
    only = timeline.timeline_figure(events, NAMES, lanes="company", companies=("honda",))
    assert list(only.layout.yaxis.ticktext) == ["Honda"]


def test_events_close_in_time_get_their_own_row():
    close = make_events({"id": "a", "date": "2025-01-01"}, {"id": "b", "date": "2025-01-10"},
                        {"id": "c", "date": "2010-01-01"})
    items = timeline.lane_items(close, "category", NAMES)
    rows = timeline.pack_rows(items, pd.Timedelta(days=90))
    assert dict(zip(items["id"], rows, strict=True)) == {"a": 0, "b": 1, "c": 0}


def test_turning_points_are_marked_only_within_the_range(events):
    marks = {"1999: signed": pd.Timestamp("1999-03-27"), "2023: rebalanced": pd.Timestamp("2023-11-08")}
    figure = timeline.timeline_figure(events, NAMES, marks=marks,
                                      x_range=(pd.Timestamp("2000-01-01"), pd.Timestamp("2025-12-31")))
    assert [note.text for note in figure.layout.annotations] == ["2023: rebalanced"]
    assert len(figure.layout.shapes) - sum(1 for s in figure.layout.shapes if s.type == "rect") == 1


def test_turning_points_come_from_the_events_in_the_data(events):
    renamed = events.assign(id=events["id"].replace({"signed": "alliance-signed"}))
    assert timeline.turning_points(renamed) == {"1999: alliance signed": pd.Timestamp("1999-03-27")}


def test_data_text_in_hover_is_html_escaped():
    tricky = make_events({"id": "x", "date": "2020-01-01", "title": "<b>bold</b> & co"})
    figure = timeline.timeline_figure(tricky, NAMES)
    assert event_traces(figure)[0].customdata[0][2] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"


# --- text, table, selection, card -----------------------------------------------------------

def test_summary_counts_by_category_period_and_status(events):
    text = timeline.summary(events, total=5)
    assert text.startswith("The timeline shows all 5 events, from 1999 to 2025.")
    assert "By category: 1 alliance, 2 equity, 1 partnership, 1 crisis." in text
    assert "By period: 3 in 1999–2008, 2 in 2024–2025." in text
    assert "1 of them span a period" in text
    assert "2 verified, 1 with conflicting sources, 1 press reports, 1 unverified" in text
    assert timeline.summary(events.head(2), total=5).startswith("The timeline shows 2 of the 5 events")
    assert timeline.summary(events.head(0), total=5) == "No events are shown (the data holds 5)."


def test_table_lists_events_by_date_with_names(events):
    table = timeline.table_frame(events.iloc[::-1], NAMES)
    assert list(table["id"]) == list(events["id"])
    assert table.loc[1, "when"] == "March 2002"
    assert table.loc[3, "companies"] == "Honda, Nissan"
    assert table.loc[1, "status"] == "Press report"


def test_selection_maps_points_back_to_event_ids():
    selection = {"selection": {"points": [{"customdata": ["merger", "x"]}, {"customdata": ["merger"]},
                                          {"customdata": ["stake"]}, {"x": 1}]}}
    assert timeline.selected_ids(selection) == ["merger", "stake"]
    assert timeline.selected_ids(None) == []


def test_the_latest_click_wins():
    before = {"chart": ("a",), "table": ()}
    assert timeline.changed_selection({"chart": ("a",), "table": (3,)}, before) == "table"
    assert timeline.changed_selection({"chart": ("b",), "table": ()}, before) == "chart"
    assert timeline.changed_selection({"chart": ("a",), "table": ()}, before) is None
    assert timeline.changed_selection({"chart": (), "table": ()}, before) is None  # a cleared selection


def test_card_escapes_data_text_and_shows_the_figure(events):
    event = events.set_index("id").loc["stake"].copy()
    event["summary"] = "A [link](https://evil.example) *and* # heading"
    card = timeline.card_markdown(event, NAMES)
    assert "**March 2002** · Equity" in card
    assert "\\[link\\]\\(https\\://evil\\.example\\)" in card
    assert "**Figure:** 15 %" in card
    assert "**Companies:** Nissan, Renault" in card
    assert "**Source status:** Press report" in card


def test_every_lane_row_is_inside_the_plot(events):
    figure = timeline.timeline_figure(events, NAMES, lanes="company")
    low, high = figure.layout.yaxis.range
    ys = [y for trace in event_traces(figure) for y in trace.y]
    assert low < min(ys) - 0.3 and max(ys) + 0.3 < high  # a marker's half-height fits


def test_a_single_lane_keeps_its_row_size(events):
    """The legend sets a minimum height; the y range grows with it, so one lane is not stretched tall."""
    figure = timeline.timeline_figure(events.head(1), NAMES)
    low, high = figure.layout.yaxis.range
    plot_height = figure.layout.height - 140
    assert plot_height / (high - low) == pytest.approx(timeline.ROW_HEIGHT, rel=0.05)
    assert low == pytest.approx(-high)  # centred on the lane


def test_card_writes_large_figures_in_full(events):
    event = events.set_index("id").loc["stake"].copy()
    event["value"], event["unit"] = 3348687.0, "vehicles"
    assert "**Figure:** 3,348,687 vehicles" in timeline.card_markdown(event, NAMES)

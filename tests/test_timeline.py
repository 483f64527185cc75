"""The History timeline's pure parts: filtering, the lane figure, its summary, the table and the card."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders import timeline
from components.data.vocabulary import CATEGORY, SOURCE_STATUS
from tests import factories

NAMES = {"renault": "Renault", "nissan": "Nissan", "honda": "Honda"}


@pytest.fixture
def events() -> pd.DataFrame:
    return factories.frame(
        "events",
        {"id": "signed", "date": "1999-03-27", "title": "Alliance signed", "summary": "Signed in Tokyo.",
         "category": "alliance", "companies": "renault;nissan", "source_url": "https://www.example.org/a"},
        {"id": "stake", "date": "2002-03-01", "date_precision": "month", "category": "equity",
         "companies": "nissan;renault", "value": "15", "unit": "%", "source_status": "press_report"},
        {"id": "avtovaz", "date": "2008-01-01", "date_precision": "year", "category": "equity",
         "companies": "renault", "source_status": "unverified"},
        {"id": "merger", "date": "2024-12-23", "end_date": "2025-02-13", "category": "partnership",
         "companies": "honda;nissan", "title": "Merger MoU", "summary": "A memorandum to MERGE."},
        {"id": "instant", "date": "2025-03-31", "end_date": "2025-03-31", "category": "crisis",
         "companies": "nissan", "source_status": "conflicting"},
    )


def event_traces(figure, meta="event"):
    return [trace for trace in figure.data if trace.meta == meta]


def drawn_ids(figure) -> list[str]:
    return [row[0] for trace in event_traces(figure) for row in trace.customdata]


def ids(events, **wanted) -> list[str]:
    return list(timeline.filter_events(events, timeline.EventFilter(**wanted))["id"])


# --- filtering ------------------------------------------------------------------------------

def test_a_date_range_keeps_periods_that_overlap_it(events):
    shown = ids(events, start=pd.Timestamp("2025-01-01"), end=pd.Timestamp("2025-12-31"))
    assert shown == ["merger", "instant"]  # the merger MoU began in 2024 and ran into 2025


def test_each_filter_narrows_the_events(events):
    assert ids(events, categories=("equity",)) == ["stake", "avtovaz"]
    assert ids(events, companies=("honda",)) == ["merger"]
    assert ids(events, companies=("honda", "renault")) == ["signed", "stake", "avtovaz", "merger"]
    assert ids(events, statuses=("press_report", "conflicting")) == ["stake", "instant"]


def test_no_restriction_keeps_every_event_and_an_empty_choice_keeps_none(events):
    assert ids(events) == list(events["id"])
    assert ids(events, categories=()) == []
    assert ids(events, statuses=()) == []


def test_the_search_reads_titles_and_summaries_ignoring_case(events):
    assert ids(events, text="merge") == ["merger"]
    assert ids(events, text="tokyo") == ["signed"]


def test_the_search_is_literal_text_not_a_pattern(events):
    assert ids(events, text="(") == []
    with_a_dot = events[(events["title"] + events["summary"]).str.contains(".", regex=False)]
    assert ids(events, text=".") == list(with_a_dot["id"])  # not "any character"
    assert len(with_a_dot) < len(events)


def test_the_empty_message_says_which_filters_to_widen():
    message = timeline.empty_message(timeline.EventFilter(categories=(), companies=("honda",), text="zzz"))
    assert message.startswith("No events match")
    assert "clear the search" in message
    assert "pick at least one of the categories" in message
    assert "add companies" in message
    assert "widen the date range" in message


# --- lanes and the figure -------------------------------------------------------------------

def test_each_event_has_one_marker_coloured_by_category_and_shaped_by_status(events):
    figure = timeline.timeline_figure(events, NAMES)
    assert sorted(drawn_ids(figure)) == sorted(events["id"])
    for trace in event_traces(figure):
        shown = events.set_index("id").loc[[row[0] for row in trace.customdata]]
        assert {trace.marker.color} == set(shown["category"].map(CATEGORY.color))
        assert list(trace.marker.symbol) == list(shown["source_status"].map(SOURCE_STATUS.symbol))


def test_the_legend_names_each_category_shown_and_every_status(events):
    figure = timeline.timeline_figure(events.head(1), NAMES)
    legend = [trace.name for trace in figure.data if trace.meta == "legend"]
    assert legend == [CATEGORY.label("alliance"), *(SOURCE_STATUS.label(s) for s in SOURCE_STATUS)]


def test_periods_are_bars_from_their_start_to_their_end(events):
    bars = event_traces(timeline.timeline_figure(events, NAMES), "period")
    assert [[row[0] for row in bar.customdata] for bar in bars] == [["merger"]]
    merger = bars[0]
    assert pd.Timestamp(merger.base[0]) == pd.Timestamp("2024-12-23")
    assert merger.x[0] == pytest.approx((pd.Timestamp("2025-02-13") - pd.Timestamp("2024-12-23")).total_seconds()
                                        * 1000)


def test_a_period_of_no_length_is_drawn_as_a_marker_only(events):
    figure = timeline.timeline_figure(events, NAMES)
    in_bars = {row[0] for bar in event_traces(figure, "period") for row in bar.customdata}
    assert "instant" in drawn_ids(figure) and "instant" not in in_bars


def test_a_period_is_hatched_unless_verified():
    periods = factories.frame(
        "events",
        {"id": "sure", "date": "2020-01-01", "end_date": "2021-01-01", "source_status": "verified"},
        {"id": "unsure", "date": "2020-01-01", "end_date": "2021-01-01", "source_status": "press_report"},
    )
    bar = event_traces(timeline.timeline_figure(periods, NAMES), "period")[0]
    hatching = dict(zip([row[0] for row in bar.customdata], bar.marker.pattern.shape, strict=True))
    assert hatching["sure"] == "" and hatching["unsure"] != ""


def test_the_hover_gives_the_date_at_its_precision_and_the_source_site(events):
    figure = timeline.timeline_figure(events, NAMES)
    rows = {row[0]: row for trace in event_traces(figure) for row in trace.customdata}
    assert {event_id: row[1] for event_id, row in rows.items()} == {
        "signed": "27 March 1999", "stake": "March 2002", "avtovaz": "2008",
        "merger": "23 December 2024 – 13 February 2025", "instant": "31 March 2025"}
    assert rows["signed"][4] == "example.org"  # www. is dropped
    assert rows["merger"][6] == "Honda, Nissan"


def test_data_text_in_the_hover_is_html_escaped():
    tricky = factories.frame("events", {"id": "x", "title": "<b>bold</b> & co"})
    figure = timeline.timeline_figure(tricky, NAMES)
    assert event_traces(figure)[0].customdata[0][2] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"


def test_company_lanes_repeat_an_event_in_each_of_its_companies(events):
    figure = timeline.timeline_figure(events, NAMES, lanes="company")
    assert len(drawn_ids(figure)) == sum(len(companies) for companies in events["companies"])
    assert drawn_ids(figure).count("merger") == 2


def test_company_lanes_put_the_busiest_company_first(events):
    figure = timeline.timeline_figure(events, NAMES, lanes="company")
    counts = events["companies"].explode().value_counts()
    assert list(figure.layout.yaxis.ticktext) == [NAMES[company] for company in counts.index]


def test_more_companies_than_lanes_share_the_last_lane_each_event_once():
    lanes = timeline.MAX_LANES
    rows = [{"id": f"e{n}", "date": f"2020-01-{n % 28 + 1:02d}", "companies": f"c{n};c{n + 1}"}
            for n in range(lanes + 5)]  # a chain of events, each between two companies: lanes + 6 companies
    figure = timeline.timeline_figure(factories.frame("events", *rows), {}, lanes="company")
    labels = list(figure.layout.yaxis.ticktext)
    assert len(labels) == lanes and labels[-1] == f"{lanes + 6 - (lanes - 1)} other companies"
    shared = timeline.lane_items(factories.frame("events", *rows), "company", {})
    last = shared[shared["lane_order"] == lanes - 1]
    assert last["id"].is_unique  # an event of two companies in the shared lane is drawn once there


def test_company_lanes_show_only_the_companies_asked_for(events):
    only = timeline.timeline_figure(events, NAMES, lanes="company", companies=("honda",))
    assert list(only.layout.yaxis.ticktext) == ["Honda"]
    assert drawn_ids(only) == ["merger"]


def test_an_unknown_company_id_is_named_by_its_id(events):
    figure = timeline.timeline_figure(events, {}, lanes="company")
    assert set(figure.layout.yaxis.ticktext) == set(events["companies"].explode())


def test_events_close_in_time_get_their_own_row():
    close = factories.frame("events", {"id": "a", "date": "2025-01-01"}, {"id": "b", "date": "2025-01-10"},
                            {"id": "c", "date": "2010-01-01"})
    items = timeline.lane_items(close, "category", NAMES)
    rows = timeline.pack_rows(items, pd.Timedelta(days=90))
    assert dict(zip(items["id"], rows, strict=True)) == {"a": 0, "b": 1, "c": 0}


def test_markers_in_one_lane_never_share_a_position():
    crowded = factories.frame("events", *({"id": f"e{i}", "date": "2020-01-01"} for i in range(4)))
    figure = timeline.timeline_figure(crowded, NAMES)
    points = [(x, y) for trace in event_traces(figure) for x, y in zip(trace.x, trace.y, strict=True)]
    assert len(set(points)) == len(crowded)


def test_turning_points_are_marked_only_within_the_range(events):
    marks = {"1999: signed": pd.Timestamp("1999-03-27"), "2023: rebalanced": pd.Timestamp("2023-11-08")}
    figure = timeline.timeline_figure(events, NAMES, marks=marks,
                                      x_range=(pd.Timestamp("2000-01-01"), pd.Timestamp("2025-12-31")))
    assert [note.text for note in figure.layout.annotations] == ["2023: rebalanced"]
    assert [shape.x0 for shape in figure.layout.shapes if shape.type == "line"] == [pd.Timestamp("2023-11-08")]


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


def test_a_single_event_is_drawn_on_a_readable_time_span():
    one = factories.frame("events", {"id": "only", "date": "2020-05-01"})
    figure = timeline.timeline_figure(one, NAMES)
    low, high = (pd.Timestamp(day) for day in figure.layout.xaxis.range)
    assert drawn_ids(figure) == ["only"]
    assert low < pd.Timestamp("2020-05-01") < high


# --- text, table, card ----------------------------------------------------------------------

def test_the_summary_counts_by_category_period_and_status(events):
    text = timeline.summary(events, total=len(events))
    assert text.startswith(f"The timeline shows all {len(events)} events, from 1999 to 2025.")
    assert "By category: 1 alliance, 2 equity, 1 partnership, 1 crisis." in text  # in the contract's order
    assert "By period: 3 in 1999–2008, 2 in 2024–2025." in text  # eras labelled by the years they hold
    assert "1 of them span a period" in text  # the zero-length one does not
    assert "2 verified, 1 with conflicting sources, 1 press reports, 1 unverified" in text


def test_the_summary_says_when_only_some_events_are_shown(events):
    assert timeline.summary(events.head(2), total=len(events)).startswith(
        f"The timeline shows 2 of the {len(events)} events")
    assert timeline.summary(events.head(0), total=len(events)) == f"No events are shown (the data holds {len(events)})."


def test_the_table_lists_events_by_date_with_names_and_labels(events):
    table = timeline.table_frame(events.iloc[::-1], NAMES).set_index("id")
    assert list(table.index) == list(events.sort_values("date")["id"])
    assert table.loc["stake", "when"] == "March 2002"
    assert table.loc["merger", "companies"] == "Honda, Nissan"
    assert table.loc["stake", "status"] == SOURCE_STATUS.label("press_report")
    assert table.loc["stake", "category"] == CATEGORY.label("equity")


def test_an_empty_table_keeps_its_columns(events):
    assert list(timeline.table_frame(events.head(0), NAMES).columns) == list(
        timeline.table_frame(events, NAMES).columns)


def test_the_card_escapes_data_text_and_shows_the_figure(events):
    event = events.set_index("id").loc["stake"].copy()
    event["summary"] = "A [link](https://evil.example) *and* # heading"
    card = timeline.card_markdown(event, NAMES)
    assert f"**March 2002** · {CATEGORY.label('equity')}" in card
    assert "[link](" not in card and "\\[link\\]\\(" in card
    assert "**Figure:** 15 %" in card
    assert "**Companies:** Nissan, Renault" in card
    assert f"**Source status:** {SOURCE_STATUS.label('press_report')}" in card


def test_the_card_writes_large_figures_in_full(events):
    event = events.set_index("id").loc["stake"].copy()
    event["value"], event["unit"] = 3348687.0, "vehicles"
    assert "**Figure:** 3,348,687 vehicles" in timeline.card_markdown(event, NAMES)


def test_the_card_shows_tags_and_a_note_only_when_the_event_has_them():
    plain, tagged = factories.frame(
        "events", {"id": "plain"}, {"id": "tagged", "tags": "alliance-to-2030;ev", "note": "Another date: May."},
    ).set_index("id").loc[["plain", "tagged"]].iterrows()
    assert "**Tags:**" not in timeline.card_markdown(plain[1], NAMES)
    assert "**Note:**" not in timeline.card_markdown(plain[1], NAMES)
    card = timeline.card_markdown(tagged[1], NAMES)
    assert "**Tags:** alliance\\-to\\-2030, ev" in card
    assert "**Note:** Another date: May\\." in card.replace("\\:", ":")


def test_a_timeline_past_its_marker_limit_draws_the_most_recent_events():
    events = factories.frame("events", *[{"id": f"e{day:02d}", "date": f"2020-01-{day:02d}"} for day in range(1, 21)])
    drawn = timeline.most_recent(events, limit=5)
    assert list(drawn["id"]) == ["e16", "e17", "e18", "e19", "e20"]
    assert timeline.most_recent(events, limit=50) is events

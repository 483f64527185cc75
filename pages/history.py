"""History: the alliance 1999–2025 as an interactive timeline, and its cross-shareholdings over time."""

from itertools import chain

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.app import store, widgets
from components.builders import stakes_chart, timeline
from components.builders.text import escape_markdown, source_host
from components.data.contract import EVENT_CATEGORIES, SOURCE_STATUSES
from components.data.vocabulary import STATUS_LABELS

EVENT_PARAM = "event"  # the event whose card is open, kept in the URL so a copied link reopens it
SEEN_KEY = "history_seen_selections"


# A click on the chart reruns the page with the same filters, so each view's figures are built once.
# They are cached as dicts: a Figure's JSON key order changes when it is unpickled, and a chart whose
# spec changes between runs loses its selection.
@st.cache_data(show_spinner=False, max_entries=32)
def timeline_figure(*args, **kwargs) -> dict:
    return timeline.timeline_figure(*args, **kwargs).to_dict()


@st.cache_data(show_spinner=False, max_entries=32)
def stakes_figure(*args, **kwargs) -> dict:
    return stakes_chart.stakes_figure(*args, **kwargs).to_dict()


st.title("History")
st.markdown(
    "How the alliance was built, strained and rebalanced: every dated event in the data on one time axis, "
    "and the cross-shareholdings that held it together. Hover a marker for its date and source; click one, "
    "or a row of the table, to open its card."
)

data = store.require("events", "stakes", "companies")
events, stakes, companies = data["events"], data["stakes"], data["companies"]
names = dict(zip(companies["id"], companies["name"], strict=True))
colors = dict(zip(companies["id"], companies["color"], strict=True))
involved = sorted(set(chain.from_iterable(timeline.company_ids(events))), key=lambda c: names.get(c, c))
first_day, last_day = events["date"].min().date(), events["end_date"].fillna(events["date"]).max().date()

with st.sidebar:
    st.subheader("Filters")
    start, end = widgets.date_range("Dates", first_day, last_day, key="dates",
                               help="Events that overlap this range; the stakes chart shows the same range.")
    categories = widgets.multiselect("Categories", EVENT_CATEGORIES, key="categories")
    chosen = widgets.multiselect("Companies", involved, key="companies", format_func=lambda c: names.get(c, c),
                            default=(), placeholder="Any company",
                            help="Events involving any of these companies; empty means any company.")
    statuses = widgets.multiselect("Source status", SOURCE_STATUSES, key="status", format_func=STATUS_LABELS.get)
    text = widgets.text_search("Search titles and summaries", key="search", placeholder="e.g. Ghosn, Ampere, Honda")

wanted = timeline.EventFilter(
    start=pd.Timestamp(start), end=pd.Timestamp(end), categories=tuple(categories),
    companies=tuple(chosen) or None, statuses=tuple(statuses), text=text,
)
shown = timeline.filter_events(events, wanted)
marks = timeline.turning_points(events)

st.header("Timeline")
lanes = widgets.segmented("Lanes", list(timeline.LANE_MODES), key="lanes", format_func=timeline.LANE_MODES.get)
chart_state = None
if shown.empty:
    st.info(timeline.empty_message(wanted), icon=":material/filter_alt_off:")
else:
    figure = go.Figure(timeline_figure(
        shown, names, lanes=lanes, companies=wanted.companies, x_range=(wanted.start, wanted.end), marks=marks,
        title=f"Alliance events, {start.year}–{end.year} ({len(shown)} of {len(events)})",
    ))
    chart_state = widgets.chart(figure, title="Alliance timeline", alt=timeline.summary(shown, len(events)),
                           key="timeline", on_select="rerun", selection_mode="points")

card_slot = st.container()

st.subheader(f"{len(shown)} of {len(events)} events")
table = timeline.table_frame(shown, names)
table_state = st.dataframe(
    table, hide_index=True, width="stretch", key="history_table", on_select="rerun", selection_mode="single-row",
    placeholder="",
    column_order=["when", "title", "category", "companies", "value", "unit", "status", "source_url"],
    column_config={"when": st.column_config.TextColumn("date"), "source_url": widgets.source_column(),
                   "value": st.column_config.NumberColumn(format="localized")},
)
widgets.table_downloads(shown, events, name="Alliance events", key="events")

# The card shows the latest event clicked, on the chart or in the table, else the one named in the URL.
chart_pick = tuple(timeline.selected_ids(chart_state))
table_rows = tuple(row for row in table_state["selection"]["rows"] if row < len(table))
source = timeline.changed_selection({"chart": chart_pick, "table": table_rows}, st.session_state.get(SEEN_KEY, {}))
st.session_state[SEEN_KEY] = {"chart": chart_pick, "table": table_rows}
if source:
    st.query_params[EVENT_PARAM] = chart_pick[0] if source == "chart" else table["id"].iloc[table_rows[0]]
picked = st.query_params.get(EVENT_PARAM)
by_id = events.set_index("id")
with card_slot:
    if picked and picked not in by_id.index:
        st.warning(f"Ignored `{EVENT_PARAM}={escape_markdown(picked)}` from the link: no event has that id.",
                   icon=":material/link_off:")
    elif picked:
        event = by_id.loc[picked]
        with st.container(border=True, key="event_card"):
            st.subheader(escape_markdown(event["title"]))
            st.markdown(timeline.card_markdown(event, names))
            left, right = st.columns([3, 1])
            left.link_button(f"Source: {source_host(event['source_url'])}", event["source_url"],
                             icon=":material/open_in_new:")
            right.button("Close", key="close_card", icon=":material/close:",
                         on_click=lambda: st.query_params.pop(EVENT_PARAM, None))
    else:
        st.caption("Click a marker on the timeline or a row of the table to see the event's card here.")

st.header("Cross-shareholdings")
holdings = widgets.segmented("Stakes shown", list(stakes_chart.HOLDINGS), key="holdings",
                        format_func=stakes_chart.HOLDINGS.get)
held = stakes_chart.select_stakes(stakes, holdings, wanted.companies)
points = stakes_chart.steps(held, wanted.start, wanted.end)
if points.empty:
    st.info("No stake is held in this date range among the companies chosen. Widen the dates, show all "
            "holdings, or clear the company filter.", icon=":material/filter_alt_off:")
else:
    widgets.chart(
        go.Figure(stakes_figure(points, names, colors, x_range=(wanted.start, wanted.end), marks=marks,
                                title=f"Cross-shareholdings, {start.year}–{end.year}")),
        title="Cross-shareholdings", alt=stakes_chart.summary(points, names), key="stakes_chart",
    )
with st.expander("Stakes data"):
    rows = held[(held["date"] >= wanted.start) & (held["date"] <= wanted.end)]
    st.dataframe(rows, hide_index=True, width="stretch", placeholder="",
                 column_config={"source_url": widgets.source_column(), "date": st.column_config.DateColumn()})
    widgets.table_downloads(rows, stakes, name="Cross-shareholdings", key="stakes")

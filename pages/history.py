"""History: the alliance 1999–2025 as an interactive timeline, and its cross-shareholdings over time."""

from itertools import chain

import pandas as pd
import streamlit as st

from components.app import cached, filters, outputs, store
from components.builders import stakes_chart, time_axis, timeline
from components.builders.text import escape_markdown, source_host
from components.data.contract import EVENT_CATEGORIES, SOURCE_STATUSES
from components.data.vocabulary import CATEGORY, SOURCE_STATUS

EVENT = "event"  # the event whose card is open, kept in the address so a copied link reopens it

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
involved = sorted(set(chain.from_iterable(events["companies"])), key=lambda c: names.get(c, c))
first_day, last_day = events["date"].min().date(), events["end_date"].fillna(events["date"]).max().date()

with st.sidebar:
    st.subheader("Filters")
    start, end = filters.date_range("Dates", first_day, last_day, key="dates",
                                    help="Events that overlap this range; the stakes chart shows the same range.")
    categories = filters.multiselect("Categories", EVENT_CATEGORIES, key="categories", format_func=CATEGORY.label)
    chosen = filters.multiselect("Companies", involved, key="companies", format_func=lambda c: names.get(c, c),
                                 help="Events involving any of these companies.")
    statuses = filters.multiselect("Source statuses", SOURCE_STATUSES, key="status", format_func=SOURCE_STATUS.label)
    text = filters.text_search("Search titles and summaries", key="search", placeholder="e.g. Ghosn, Ampere, Honda")

wanted = timeline.EventFilter(
    start=pd.Timestamp(start), end=pd.Timestamp(end), categories=tuple(categories),
    companies=None if len(chosen) == len(involved) else tuple(chosen), statuses=tuple(statuses), text=text,
)
shown = timeline.filter_events(events, wanted)
marks = time_axis.turning_points(events)

st.header("Timeline")
lanes = filters.segmented("Lanes", list(timeline.LANE_MODES), key="lanes", format_func=timeline.LANE_MODES.get)
if shown.empty:
    st.info(timeline.empty_message(wanted), icon=":material/filter_alt_off:")
else:
    figure = cached.figure(
        timeline.timeline_figure, shown, names, lanes=lanes, companies=wanted.companies,
        x_range=(wanted.start, wanted.end), marks=marks,
        title=f"Alliance events, {start.year}–{end.year} ({len(shown)} of {len(events)})",
    )
    outputs.chart(figure, title="Alliance timeline", alt=timeline.summary(shown, len(events)), key="timeline",
                  on_select=filters.open_from_chart(EVENT, "timeline"), selection_mode="points")

by_id = events.set_index("id")
picked = filters.selectbox("Event card", [None, *events.sort_values("date")["id"]], key=EVENT,
                           placeholder="No card open: pick one, or click a marker or a row",
                           format_func=lambda i: "(no card)" if i is None else by_id.loc[i, "title"],
                           help="Clicking a marker or a table row opens its card too.")
if picked:
    event = by_id.loc[picked]
    with st.container(border=True, key="event_card"):
        st.subheader(escape_markdown(event["title"]))
        st.markdown(timeline.card_markdown(event, names))
        left, right = st.columns([3, 1])
        left.link_button(f"Source: {source_host(event['source_url'])}", event["source_url"],
                         icon=":material/open_in_new:")
        right.button("Close", key="close_card", icon=":material/close:", on_click=filters.select, args=(EVENT, None))

st.subheader(f"{len(shown)} of {len(events)} events")
table = timeline.table_frame(shown, names)
st.dataframe(
    table, hide_index=True, width="stretch", key="history_table", selection_mode="single-row", placeholder="",
    on_select=filters.open_from_table(EVENT, "history_table", table["id"].tolist()),
    column_order=["when", "title", "category", "companies", "value", "unit", "status", "source_url"],
    column_config={"when": st.column_config.TextColumn("date"), "source_url": outputs.source_column(),
                   "value": st.column_config.NumberColumn(format="localized")},
)
outputs.table_downloads(table.drop(columns="date"), timeline.table_frame(events, names).drop(columns="date"),
                        name="Alliance events", key="events")

st.header("Cross-shareholdings")
holdings = filters.segmented("Stakes shown", list(stakes_chart.HOLDINGS), key="holdings",
                             format_func=stakes_chart.HOLDINGS.get)
held = stakes_chart.select_stakes(stakes, holdings, wanted.companies)
points = stakes_chart.steps(held, wanted.start, wanted.end)
if points.empty:
    st.info("No stake is held in this date range among the companies chosen. Widen the dates, show all "
            "holdings, or clear the company filter.", icon=":material/filter_alt_off:")
else:
    outputs.chart(
        cached.figure(stakes_chart.stakes_figure, points, names, colors, x_range=(wanted.start, wanted.end),
                      marks=marks, title=f"Cross-shareholdings, {start.year}–{end.year}"),
        title="Cross-shareholdings", alt=stakes_chart.summary(points, names), key="stakes_chart",
    )
with st.expander("Stakes data"):
    rows = stakes_chart.table(held[(held["date"] >= wanted.start) & (held["date"] <= wanted.end)], names)
    st.dataframe(rows, hide_index=True, width="stretch", placeholder="",
                 column_config={"source_url": outputs.source_column(), "date": st.column_config.DateColumn()})
    outputs.table_downloads(rows, stakes_chart.table(stakes, names), name="Cross-shareholdings", key="stakes")

"""History: the alliance 1999–2025 as an interactive timeline, and its cross-shareholdings over time."""

from itertools import chain

import pandas as pd
import streamlit as st

from components.app import cached, filters, language, outputs, site, store
from components.builders import stakes_chart, time_axis, timeline
from components.builders.text import escape_markdown, source_host
from components.data.contract import EVENT_CATEGORIES, SOURCE_STATUSES
from components.data.vocabulary import CATEGORY, SOURCE_STATUS

EVENT = "event"  # the event whose card is open, kept in the address so a copied link reopens it

_ = language.messages()
lang = _.lang

st.title(_("History"))
st.markdown(_(
    "How the alliance was built, strained and rebalanced: every dated event in the data on one time axis, "
    "and the cross-shareholdings that held it together. Hover a marker for its date and source; click one, "
    "or a row of the table, to open its card."
))

data = store.require("events", "stakes", "companies")
events, stakes, companies = data["events"], data["stakes"], data["companies"]
# Series, which the cached charts hash at once (a dict of thousands of companies takes tens of ms each run), and a
# dict for the filters, which look names up one at a time.
names, colors = companies.set_index("id")["name"], companies.set_index("id")["color"]
name_of = names.to_dict()
involved = sorted(set(chain.from_iterable(events["companies"])), key=lambda c: name_of.get(c, c))
first_day, last_day = events["date"].min().date(), events["end_date"].fillna(events["date"]).max().date()

with st.sidebar:
    st.subheader(_("Filters"))
    start, end = filters.date_range(_("Dates"), first_day, last_day, key="dates",
                                    help=_("Events that overlap this range; the stakes chart shows the same range."))
    categories = filters.multiselect(_("Categories"), EVENT_CATEGORIES, key="categories",
                                     format_func=lambda c: CATEGORY.label(c, lang))
    chosen = filters.multiselect(_("Companies"), involved, key="companies", format_func=lambda c: name_of.get(c, c),
                                 help=_("Events involving any of these companies."))
    statuses = filters.multiselect(_("Source statuses"), SOURCE_STATUSES, key="status",
                                   format_func=lambda s: SOURCE_STATUS.label(s, lang))
    text = filters.text_search(_("Search titles and summaries"), key="search",
                               placeholder=_("e.g. Ghosn, Ampere, Honda"))

# A filter with every value chosen (or none, which means the same) restricts nothing: no hint to widen it.
wanted = timeline.EventFilter(
    start=pd.Timestamp(start), end=pd.Timestamp(end),
    categories=None if len(categories) == len(EVENT_CATEGORIES) else tuple(categories),
    companies=None if len(chosen) == len(involved) else tuple(chosen),
    statuses=None if len(statuses) == len(SOURCE_STATUSES) else tuple(statuses), text=text,
)
shown = timeline.filter_events(events, wanted)
marks = time_axis.turning_points(events, lang=lang)

@st.fragment  # a click on a marker, a row, the card or the lanes reruns this tab only
def events_on_a_timeline() -> None:
    """The events shown on one time axis, the card of the one clicked, and the table of them all."""
    lanes = filters.segmented(_("Lanes"), list(timeline.LANE_MODES), key="lanes",
                              format_func=lambda mode: _(timeline.LANE_MODES[mode]))
    drawn = timeline.most_recent(shown)
    if shown.empty:
        st.info(timeline.empty_message(wanted, lang=lang), icon=":material/filter_alt_off:")
    else:
        if len(drawn) < len(shown):
            st.info(_("The timeline draws the {drawn} most recent of the {count} events shown: narrow the dates or the "
                      "filters to draw the others. The table below lists them all.", drawn=_.number(len(drawn)),
                      count=_.number(len(shown))), icon=":material/compress:")
        figure = cached.figure(
            timeline.timeline_figure, drawn, names, lanes=lanes, companies=wanted.companies,
            x_range=(wanted.start, wanted.end), marks=marks, lang=lang,
            title=_("Alliance events, {start}–{end} ({count} of {total})", start=str(start.year), end=str(end.year),
                    count=_.number(len(drawn)), total=_.number(len(events))),
        )
        outputs.chart(figure, title=_("Alliance timeline"), alt=timeline.summary(drawn, len(events), lang=lang),
                      key="timeline", on_select=filters.open_from_chart(EVENT, "timeline"), selection_mode="points")

    by_id = events.set_index("id")
    by_date = events.sort_values("date")
    picked = filters.card_picker(_("Event card"), dict(zip(by_date["id"], by_date["title"], strict=True)), key=EVENT,
                                 placeholder=_("No card open: pick one, or click a marker or a row"),
                                 help=_("Clicking a marker or a table row opens its card too."),
                                 # A timeline that draws only some events lists those (at scale, thousands fewer).
                                 listed=drawn.sort_values("date")["id"] if len(drawn) < len(shown) else None)
    if picked:
        event = by_id.loc[picked]
        with st.container(border=True, key="event_card"):
            st.subheader(escape_markdown(event["title"]))
            st.markdown(timeline.card_markdown(event, names, lang=lang))
            left, right = st.columns([3, 1])
            left.link_button(_("Source: {site}", site=source_host(event["source_url"])), event["source_url"],
                             icon=":material/open_in_new:")
            right.button(_("Close"), key="close_card", icon=":material/close:", on_click=filters.select,
                         args=(EVENT, None))

    st.subheader(_("{count} of {total} events", count=_.number(len(shown)), total=_.number(len(events))))
    if listing := outputs.on_demand(_("The events as a table (click a row to open its card)"), key="events_listing"):
        table = timeline.table_frame(shown, names, lang=lang)
        listing.dataframe(
            table, hide_index=True, width="stretch", key="history_table", selection_mode="single-row",
            placeholder="", on_select=filters.open_from_table(EVENT, "history_table", table["id"].tolist()),
            # The headers are those timeline.table_frame writes, in the reader's language; id columns stay as is.
            column_order=[_("when"), _("title"), _("category"), _("companies"), _("value"), _("unit"), _("status"),
                          "source_url"],
            column_config={_("when"): st.column_config.TextColumn(_("date")), "source_url": outputs.source_column(),
                           _("value"): st.column_config.NumberColumn(format="localized")},
        )
    outputs.table_downloads(shown, events, name=_("Alliance events"), key="events",
                            table=lambda rows: timeline.table_frame(rows, names, lang=lang).drop(columns="date"))


def cross_shareholdings() -> None:
    """The stakes held over the same dates, as step lines and as a table."""
    holdings = filters.segmented(_("Stakes shown"), list(stakes_chart.HOLDINGS), key="holdings",
                                 format_func=lambda shown_holdings: _(stakes_chart.HOLDINGS[shown_holdings]))
    held = stakes_chart.select_stakes(stakes, holdings, wanted.companies)
    points = stakes_chart.steps(held, wanted.start, wanted.end)
    if points.empty:
        st.info(_("No stake is held in this date range among the companies chosen. Widen the dates, show all "
                  "holdings, or clear the company filter."), icon=":material/filter_alt_off:")
    else:
        outputs.chart(
            cached.figure(stakes_chart.stakes_figure, points, names, colors, x_range=(wanted.start, wanted.end),
                          marks=marks, lang=lang,
                          title=_("Cross-shareholdings, {start}–{end}", start=str(start.year), end=str(end.year))),
            title=_("Cross-shareholdings"), alt=stakes_chart.summary(points, names, lang=lang), key="stakes_chart",
        )
    in_range = held[(held["date"] >= wanted.start) & (held["date"] <= wanted.end)]
    if listing := outputs.on_demand(_("Stakes data"), key="stakes_listing"):
        listing.dataframe(stakes_chart.table(in_range, names, lang=lang), hide_index=True, width="stretch",
                          placeholder="", column_config={"source_url": outputs.source_column(),
                                                         _("date"): st.column_config.DateColumn()})
    outputs.table_downloads(in_range, stakes, name=_("Cross-shareholdings"), key="stakes",
                            table=lambda rows: stakes_chart.table(rows, names, lang=lang))


view, section = filters.tabs(site.SECTIONS["history"])
with section:
    {"timeline": events_on_a_timeline, "stakes": cross_shareholdings}[view]()

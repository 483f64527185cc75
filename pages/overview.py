"""Overview: what the app is, the alliance in headline figures computed from the data, and where to go next."""

from datetime import date

import pandas as pd
import streamlit as st

from components.app import outputs, site, store
from components.builders import stakes_chart, story
from components.builders.text import escape_markdown, format_date
from components.data.contract import ANCHORS

st.title("Alliance Explorer")
st.markdown(
    "A sourced, interactive account of the **Renault–Nissan–Mitsubishi Alliance**: built in 1999 on "
    "cross-shareholdings, rebalanced in 2023, and now giving way to Nissan's search for reciprocal, "
    "modular partnerships (\u201cAlliance 2.0\u201d). Every figure below is computed from the data, and every "
    "row of the data cites a public source."
)

data = store.require("companies", "events", "stakes", "plan_targets", "platforms", "talks")
today = pd.Timestamp(date.today())
names = data["companies"].set_index("id")["name"]
st.caption(f"Data as of {format_date(min(store.data_as_of(data), today))}, the date of the latest event it "
           "records.")
store.say_missing(story.missing_anchors(data, ANCHORS))

figures = story.headline(data, today)
for column, figure in zip(st.columns(len(figures), border=True), figures, strict=True):
    column.metric(escape_markdown(figure.label), figure.value)
    column.caption(escape_markdown(figure.detail))

st.subheader("Cross-shareholdings today")
shown = stakes_chart.table(story.cross_holdings(data["stakes"], today), names)
st.dataframe(shown, hide_index=True, width="stretch",
             column_order=["holder", "target", "stake %", "basis", "date", "how sure", "source_url"],
             column_config={"stake %": st.column_config.NumberColumn(format="%.2f"),
                            "date": st.column_config.DateColumn("since"), "source_url": outputs.source_column()})
outputs.table_downloads(shown, stakes_chart.table(data["stakes"], names), name="Cross-shareholdings today",
                        key="holdings")

st.subheader("The story, 1999 to \u201cAlliance 2.0\u201d")
st.markdown(story.NARRATIVE)

st.subheader("Explore")
for spec in site.PAGES[1:]:
    left, right = st.columns([1, 3], vertical_alignment="center")
    left.page_link(spec.path, label=spec.title, icon=spec.icon)
    right.caption(spec.blurb)

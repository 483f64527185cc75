"""Overview: what the app is, the alliance in headline figures computed from the data, and where to go next."""

from datetime import date

import pandas as pd
import streamlit as st

from components.app import site, store, widgets
from components.builders import story
from components.builders.text import format_date

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
headline = story.headline(data, today)

figures = (
    ("Alliance age", f"{headline.age_years} years", f"since {format_date(headline.start)}"),
    (f"{names['renault']} in {names['nissan']}", headline.renault_in_nissan, headline.renault_in_nissan_detail),
    ("Alliance to 2030", headline.investment, headline.plan_detail),
    ("Partner talks under way", headline.live_talks, headline.talks_detail),
)
for column, (label, value, detail) in zip(st.columns(4, border=True), figures):
    column.metric(label, value)
    column.caption(detail)

st.subheader("Cross-shareholdings today")
holdings = story.cross_holdings(data["stakes"], today)
st.dataframe(
    holdings.assign(holder=holdings["holder"].map(names), target=holdings["target"].map(names))[
        ["holder", "target", "pct", "basis", "date", "source_status", "source_url"]],
    hide_index=True, width="stretch",
    column_config={"pct": st.column_config.NumberColumn("stake %", format="%.2f"),
                   "date": st.column_config.DateColumn("since"), "source_status": "status",
                   "source_url": widgets.source_column()},
)
widgets.table_downloads(holdings, data["stakes"], name="Cross-shareholdings today", key="holdings")

st.subheader("The story, 1999 to \u201cAlliance 2.0\u201d")
st.markdown(story.NARRATIVE)

st.subheader("Explore")
for spec in site.PAGES[1:]:
    left, right = st.columns([1, 3], vertical_alignment="center")
    left.page_link(spec.path, label=spec.title, icon=spec.icon)
    right.caption(spec.blurb)

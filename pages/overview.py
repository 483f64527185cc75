"""Overview: what the app is, the alliance in headline figures computed from the data, and where to go next."""

from datetime import date

import pandas as pd
import streamlit as st

from components.app import language, outputs, site, store
from components.builders import stakes_chart, story
from components.builders.text import escape_markdown, html_table
from components.data.contract import ANCHORS

_ = language.messages()
lang = _.lang

st.title(_("Alliance Explorer"))
st.markdown(_(
    "A sourced, interactive account of the **Renault–Nissan–Mitsubishi Alliance**: built in 1999 on "
    "cross-shareholdings, rebalanced in 2023, and now giving way to Nissan's search for reciprocal, "
    "modular partnerships (\u201cAlliance 2.0\u201d). Every figure below is computed from the data, and every "
    "row of the data cites a public source."
))

data = store.require("companies", "events", "stakes", "plan_targets", "platforms", "talks")
today = pd.Timestamp(date.today())
names = data["companies"].set_index("id")["name"]
st.caption(_("Data as of {date}, the date of the latest event it records.",
             date=_.date(min(store.data_as_of(data), today))))
store.say_missing(story.missing_anchors(data, ANCHORS))

figures = story.headline(data, today, lang=lang)
for column, figure in zip(st.columns(len(figures), border=True), figures, strict=True):
    column.metric(escape_markdown(figure.label), figure.value)
    column.caption(escape_markdown(figure.detail))

st.subheader(_("Cross-shareholdings today"))
# A line between the heading and the table also keeps the table's toolbar, which sits above it, off the heading.
st.caption(_("Each holder's latest recorded stake in each partner, with the date it took effect and its source."))
held = story.cross_holdings(data["stakes"], today)
shown = stakes_chart.table(held, names, lang=lang)
# A static table of a few rows, as HTML: it draws at once, where st.table or a grid loads its own script first. The
# headers are those stakes_chart.table writes, in the reader's language.
st.html(html_table(
    shown[[_("holder"), _("target"), _("stake %"), _("basis"), _("date"), _("how sure"), "source_url"]]
    .rename(columns={_("date"): _("since"), "source_url": _("Source")}),
    formats={_("stake %"): lambda pct: f"{pct:.2f}", _("since"): _.date}, links=(_("Source"),),
    numbers=(_("stake %"),), label=_("Cross-shareholdings today"),
))
outputs.table_downloads(held, data["stakes"], name=_("Cross-shareholdings today"), key="holdings",
                        table=lambda rows: stakes_chart.table(rows, names, lang=lang))

st.subheader(_("The story, 1999 to \u201cAlliance 2.0\u201d"))
st.markdown("\n\n".join(_(paragraph) for paragraph in story.NARRATIVE))

st.subheader(_("Explore"))
for spec in site.PAGES[1:]:
    left, right = st.columns([1, 3], vertical_alignment="center")
    left.page_link(spec.path, label=_(spec.title), icon=spec.icon)
    right.caption(_(spec.blurb))

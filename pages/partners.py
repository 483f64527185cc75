"""Partners: Nissan's talks of 2024–2025, who brings what to each (the reciprocity test), and their timelines."""

import streamlit as st

from components.app import cached, filters, outputs, store
from components.builders import partners, story
from components.data.vocabulary import REGION, TALK_DOMAIN, TALK_STATUS

TALK = "talk"  # the talk whose card is open, kept in the address

st.title("Partners")
st.markdown(
    "From one alliance built on cross-shareholdings to a web of narrower partnerships: Nissan's talks of "
    "2024–2025, what each side brings, and how far each has got. The test of a good partner in this "
    "\u201cAlliance 2.0\u201d is reciprocity, \u201cthey have what we want, we have what they want\u201d: here a "
    "talk passes it when **each side brings at least one domain**."
)

data = store.require("talks", "companies")
talks, names = data["talks"], data["companies"].set_index("id")["name"]
offered = partners.choices(talks, names)

with st.sidebar:
    st.subheader("Filters")
    chosen_partners = filters.multiselect("Partners", offered.partners, key="partner",
                                          format_func=lambda p: names.get(p, p))
    chosen_domains = filters.multiselect("Domains", offered.domains, key="domain", format_func=TALK_DOMAIN.label,
                                         help="Talks touching at least one of these domains; the grid's columns.")
    chosen_regions = filters.multiselect("Regions", offered.regions, key="region", format_func=REGION.label)
    chosen_statuses = filters.multiselect("Statuses", offered.statuses, key="talk_status",
                                          format_func=TALK_STATUS.label)

shown = partners.ordered(partners.filter_talks(
    talks, partners=chosen_partners, domains=chosen_domains, regions=chosen_regions, statuses=chosen_statuses,
), names)
if shown.empty:
    st.info(f"No talk matches these filters (0 of {len(talks)}). Widen them in the sidebar: add values, or "
            "clear a filter to match all its values.",
            icon=":material/filter_alt_off:")
    outputs.table_downloads(partners.table(shown, names), partners.table(talks, names), name="Partner talks",
                            key="talks_downloads")
    st.stop()

reciprocity = partners.reciprocity_count(shown)
first, second, third, fourth = st.columns(4, border=True)
first.metric("Talks shown", f"{len(shown)} of {len(talks)}")
second.metric("Partners", shown["partner"].nunique())
third.metric("Reciprocal talks", reciprocity.text,
             help="Talks where each side brings at least one domain, out of the talks whose contributions are "
                  f"recorded ({reciprocity.total - reciprocity.recorded} of those shown record none).")
fourth.metric("Under way", len(story.live_talks(shown)), help="Rumoured, being explored or under a memorandum.")

st.header("Who brings what")
domains = [domain for domain in TALK_DOMAIN if domain in chosen_domains]
st.caption("Each partner's talks pooled: a cell says whether Nissan's side brings that domain, the partner does, "
           "or both do. Hover a cell for the talks behind it.")
outputs.chart(cached.figure(partners.reciprocity_grid, shown, domains, names),
              title="Who brings what to Nissan's partner talks",
              alt=partners.reciprocity_summary(shown, domains, names), key="reciprocity_chart")

st.header("Talk timelines")
st.caption("One row per talk, from its first report to its latest update, coloured and marked by status. "
           "Click a bar or marker to see the talk below.")
outputs.chart(cached.figure(partners.timeline, shown, names), title="Nissan's partner talks through time",
              alt=partners.timeline_summary(shown, names), key="timeline_chart",
              on_select=filters.open_from_chart(TALK, "timeline_chart"), selection_mode="points")

st.header("A talk in detail")
by_update = shown.sort_values("last_update", ascending=False, kind="stable")
talk_names = dict(zip(by_update["id"], partners.talk_names(by_update, names), strict=True))
chosen = filters.selectbox("Talk", list(talk_names), key=TALK, format_func=talk_names.get,
                           help="The latest first. Clicking a chart bar or a table row picks it too.")
detail = partners.card(shown[shown["id"] == chosen].iloc[0], names)
with st.container(border=True, key="talk_card"):
    st.subheader(detail.title)
    st.caption(detail.facts)
    nissan_side, partner_side = st.columns(2)
    nissan_side.markdown(detail.nissan)
    partner_side.markdown(detail.partner)
    st.markdown(detail.summary)
    st.link_button(f"Source ({detail.source_status.lower()})", detail.source_url, icon=":material/open_in_new:")

st.header("Every talk")
table = partners.table(shown, names)
st.dataframe(
    table, hide_index=True, width="stretch", height=min(38 + 35 * len(table), 600), key="talks_table",
    selection_mode="single-row", on_select=filters.open_from_table(TALK, "talks_table", table["id"].tolist()),
    column_order=[column for column in table.columns if column != "id"],
    column_config={"first reported": st.column_config.DateColumn(), "last update": st.column_config.DateColumn(),
                   "source_url": outputs.source_column()},
)
outputs.table_downloads(table, partners.table(talks, names), name="Partner talks", key="talks_downloads")

"""Partners: Nissan's talks of 2024–2025, who brings what to each (the reciprocity test), and their timelines."""

import streamlit as st

from components.app import cached, filters, language, outputs, site, store
from components.builders import partners, story
from components.data.vocabulary import REGION, TALK_DOMAIN, TALK_STATUS

TALK = "talk"  # the talk whose card is open, kept in the address

_ = language.messages()
lang = _.lang

st.title(_("Partners"))
st.markdown(_(
    "From one alliance built on cross-shareholdings to a web of narrower partnerships: Nissan's talks of "
    "2024–2025, what each side brings, and how far each has got. The test of a good partner in this "
    "\u201cAlliance 2.0\u201d is reciprocity, \u201cthey have what we want, we have what they want\u201d: here a "
    "talk passes it when **each side brings at least one domain**."
))

data = store.require("talks", "companies")
talks, names = data["talks"], data["companies"].set_index("id")["name"]
offered = partners.choices(talks, names)

with st.sidebar:
    st.subheader(_("Filters"))
    chosen_partners = filters.multiselect(_("Partners"), offered.partners, key="partner",
                                          format_func=lambda p: names.get(p, p))
    chosen_domains = filters.multiselect(_("Domains"), offered.domains, key="domain",
                                         format_func=lambda domain: TALK_DOMAIN.label(domain, lang),
                                         help=_("Talks touching at least one of these domains; the grid's columns."))
    chosen_regions = filters.multiselect(_("Regions"), offered.regions, key="region",
                                         format_func=lambda region: REGION.label(region, lang))
    chosen_statuses = filters.multiselect(_("Statuses"), offered.statuses, key="talk_status",
                                          format_func=lambda status: TALK_STATUS.label(status, lang))

shown = partners.ordered(partners.filter_talks(
    talks, partners=chosen_partners, domains=chosen_domains, regions=chosen_regions, statuses=chosen_statuses,
), names)
if shown.empty:
    st.info(_("No talk matches these filters (0 of {total}). Widen them in the sidebar: add values, or clear a "
              "filter to match all its values.", total=len(talks)),
            icon=":material/filter_alt_off:")
    outputs.table_downloads(shown, talks, name=_("Partner talks"), key="talks_downloads",
                            table=lambda rows: partners.table(rows, names, lang=lang))
    st.stop()

reciprocity = partners.reciprocity_count(shown)
first, second, third, fourth = st.columns(4, border=True)
first.metric(_("Talks shown"), _("{count} of {total}", count=len(shown), total=len(talks)))
second.metric(_("Partners"), shown["partner"].nunique())
third.metric(_("Reciprocal talks"), reciprocity.text(lang),
             help=_("Talks where each side brings at least one domain, out of the talks whose contributions are "
                    "recorded ({silent} of those shown record none).",
                    silent=reciprocity.total - reciprocity.recorded))
fourth.metric(_("Under way"), len(story.live_talks(shown)), help=_("Rumoured, being explored or under a memorandum."))


def who_brings_what() -> None:
    """Each partner's talks pooled: who brings which domain."""
    domains = [domain for domain in TALK_DOMAIN if domain in chosen_domains]
    st.caption(_("Each partner's talks pooled: a cell says whether Nissan's side brings that domain, the partner does, "
                 "or both do. Hover a cell for the talks behind it."))
    drawn = partners.most_recent_partners(shown)
    if len(drawn) < len(shown):
        st.info(_("The grid draws the {drawn} partners whose talks were updated most recently, of the {count} shown: "
                  "narrow the filters to draw others. The “Every talk” tab lists every talk.",
                  drawn=_.number(drawn["partner"].nunique()), count=_.number(shown["partner"].nunique())),
                icon=":material/compress:")
    outputs.chart(cached.figure(partners.reciprocity_grid, drawn, domains, names, lang=lang),
                  title=_("Who brings what to Nissan's partner talks"),
                  alt=partners.reciprocity_summary(drawn, domains, names, lang=lang), key="reciprocity_chart")


def talk_timelines() -> None:
    """One row per talk, from its first report to its latest update."""
    st.caption(_("One row per talk, from its first report to its latest update, coloured and marked by status. "
                 "Click a bar or marker to see the talk below."))
    drawn = partners.most_recent(shown, names)
    if len(drawn) < len(shown):
        st.info(_("The timeline draws the {drawn} talks updated most recently, of the {count} shown: narrow the "
                  "filters to draw others. The “Every talk” tab lists them all.", drawn=_.number(len(drawn)),
                  count=_.number(len(shown))), icon=":material/compress:")
    outputs.chart(cached.figure(partners.timeline, drawn, names, lang=lang),
                  title=_("Nissan's partner talks through time"),
                  alt=partners.timeline_summary(drawn, names, lang=lang), key="timeline_chart",
                  on_select=filters.open_from_chart(TALK, "timeline_chart"), selection_mode="points")


def every_talk() -> None:
    """The talks shown as a table; a row clicked opens its card."""
    table = partners.table(shown, names, lang=lang)
    st.dataframe(
        table, hide_index=True, width="stretch", height=min(38 + 35 * len(table), 600), key="talks_table",
        selection_mode="single-row", on_select=filters.open_from_table(TALK, "talks_table", table["id"].tolist()),
        column_order=[column for column in table.columns if column != "id"],
        column_config={_("first reported"): st.column_config.DateColumn(),
                       _("last update"): st.column_config.DateColumn(),
                       "source_url": outputs.source_column(_("Source"))},
    )
    outputs.table_downloads(shown, talks, name=_("Partner talks"), key="talks_downloads",
                            table=lambda rows: partners.table(rows, names, lang=lang))


view, section = filters.tabs(site.SECTIONS["partners"])
with section:
    {"grid": who_brings_what, "timelines": talk_timelines, "table": every_talk}[view]()

st.header(_("A talk in detail"))
by_update = shown.sort_values("last_update", ascending=False, kind="stable")
talk_names = dict(zip(by_update["id"], partners.talk_names(by_update, names, lang=lang), strict=True))
chosen = filters.selectbox(_("Talk"), list(talk_names), key=TALK, format_func=talk_names.get,
                           help=_("The latest first. Clicking a chart bar or a table row picks it too."))
detail = partners.card(shown[shown["id"] == chosen].iloc[0], names, lang=lang)
with st.container(border=True, key="talk_card"):
    st.subheader(detail.title)
    st.caption(detail.facts)
    nissan_side, partner_side = st.columns(2)
    nissan_side.markdown(detail.nissan)
    partner_side.markdown(detail.partner)
    st.markdown(detail.summary)
    st.link_button(_("Source ({how_sure})", how_sure=detail.source_status.lower()), detail.source_url,
                   icon=":material/open_in_new:")

"""Network: the ties between companies on any date since 1999, a company's neighbourhood, and the network's metrics."""

import pandas as pd
import streamlit as st

from components.app import cached, filters, language, outputs, site, store
from components.builders import exports, network, network_metrics
from components.builders.text import escape_markdown
from components.data.contract import HUB, LINK_STATUSES, LINK_TYPES
from components.data.vocabulary import LINK_STATUS, LINK_TYPE

AS_OF, FOCUS = "as_of", "focus"

_ = language.messages()
lang = _.lang

st.title(_("Network"))
st.markdown(_(
    "In 1999 the alliance was one axis: Renault and Nissan, tied by shares. By 2025 Nissan stood in a web of "
    "narrower, reciprocal ties. Move the date to watch one turn into the other; hover a dot or a line for "
    "details, drag to move, scroll to zoom."
))

data = store.require("companies", "links")
companies, links = data["companies"], data["links"]
names = companies.set_index("id")["name"]
first_day, last_day = network.date_span(links)

with st.sidebar:
    st.subheader(_("Filters"))
    by_name = names.sort_values(key=lambda column: column.str.lower()).index
    whole = _("Whole network")
    focus = filters.selectbox(_("Focus on a company"), [None, *by_name], key=FOCUS,
                              format_func=lambda company: whole if company is None else names[company],
                              placeholder=whole,
                              help=_("Show only this company's neighbourhood, and its card."))
    steps = 1
    if focus:
        steps = filters.segmented(_("Reach"), [1, 2], key="steps",
                                  format_func=lambda n: _.ngettext("{count} step", "{count} steps", n),
                                  help=_("1 step: its direct partners. 2 steps: their partners too."))
    types = filters.multiselect(_("Tie types"), list(LINK_TYPES), key="tie_types",
                                format_func=lambda kind: LINK_TYPE.label(kind, lang))
    statuses = filters.multiselect(_("Tie statuses"), list(LINK_STATUSES), key="tie_status",
                                   format_func=lambda status: LINK_STATUS.label(status, lang),
                                   help=_("Where each tie stands today."))
    color_by = filters.segmented(_("Colour companies by"), list(network.COLOR_BY), key="colour_by",
                                 format_func={"company": _("Company"), "kind": _("Kind")}.get)

as_of = filters.date_point(_("As of"), first_day, last_day, last_day, key=AS_OF,
                           help=_("Only the ties in force on this date are drawn."))
# The story's turning points as one-click dates, where the data reaches them and there is a date to move.
presets = [preset for preset in network.PRESETS if first_day <= preset.day] if first_day < last_day else []
for column, preset in zip(st.columns(len(presets)) if presets else [], presets, strict=True):
    day = min(preset.day, last_day)
    column.button(_(preset.label), help=_(preset.help), on_click=filters.select, args=(AS_OF, day), width="stretch",
                  type="primary" if day == as_of else "secondary", key=f"preset_{preset.day.year}")

as_of = pd.Timestamp(as_of)
shown = network.view(links, as_of, types=types, statuses=statuses, focus=focus, steps=steps)
description = network.describe(shown, companies, as_of, lang=lang)
when = _.date(as_of)
if focus:
    title = _("Alliance Explorer network around {company}, {date}", company=names[focus], date=when)
else:
    title = _("Alliance Explorer network, {date}", date=when)


def the_network() -> None:
    """The ties on the date chosen, drawn, and as a table."""
    if focus:
        with st.container(border=True, key="company_card"):
            company = companies.set_index("id").loc[focus]
            st.markdown(network.company_card(company, links, as_of, lang=lang))
            st.link_button(_("Source"), company["source_url"], icon=":material/open_in_new:")

    if shown.empty:
        if focus:
            nothing = _("No ties around {company} on {date} with these filters. Move the date, pick another company, "
                        "or tick more tie types and statuses in the sidebar.", company=escape_markdown(names[focus]),
                        date=when)
        else:
            nothing = _("No ties on {date} with these filters. Move the date, pick another company, or tick more tie "
                        "types and statuses in the sidebar.", date=when)
        st.info(nothing, icon=":material/search_off:")
    else:
        st.caption(_.ngettext(
            "**{count} tie shown** between {companies} companies. Dashed lines are talks, not agreements.",
            "**{count} ties shown** between {companies} companies. Dashed lines are talks, not agreements.",
            len(shown), companies=shown[["source", "target"]].stack().nunique()))
        drawn, drawing = network.busiest(shown), description
        if len(drawn) < len(shown):
            drawing = network.describe(drawn, companies, as_of, lang=lang)
            st.info(_("The drawing shows the {drawn} ties of the companies with the most ties, of the {count} shown: "
                      "focus on a company, or narrow the tie types, to draw others. The table lists them all.",
                      drawn=_.number(len(drawn)), count=_.number(len(shown))), icon=":material/compress:")
        credit = outputs.credit_for(title, drawing)
        # One layout of every tie ever, so a company keeps its place as the date moves; a network too big for that
        # is laid out as drawn.
        positions = cached.network_layout(links) or cached.network_layout(drawn)
        page = cached.network_page(drawn, companies, title=title, caption=drawing,
                                   credit=f"{credit.filters_line} · {credit.source_line}", positions=positions,
                                   color_by=color_by, focus=focus, dark=st.context.theme.type == "dark", lang=lang)
        st.iframe(page, height="content", alt=_("Network of ties. {description}", description=drawing))
        st.download_button(
            _("Network as HTML (works offline)"), data=lambda: page, file_name=f"{exports.file_stem(title)}.html",
            mime="text/html", on_click="ignore", icon=":material/download:", key="network_html",
        )

    if listing := outputs.on_demand(_("The ties shown, as a table"), key="ties_listing"):
        listing.dataframe(network.ties_table(shown, companies, lang=lang), hide_index=True, width="stretch",
                          column_config={"source_url": outputs.source_column(_("Source")),
                                         "source_status": _("how sure")})
    outputs.table_downloads(shown, links, name=_("Network ties"), key="ties",
                            table=lambda rows: network.ties_table(rows, companies, lang=lang))


def hub_to_web() -> None:
    """The network's metrics year by year, with the tie types and statuses chosen."""
    hub_name = names.get(HUB.id, HUB.id)
    measured = network.of_kinds(links, types, statuses)
    metrics = network_metrics.metrics_over_time(measured, network_metrics.year_ends(first_day.year, last_day), HUB.id)
    st.markdown(_(
        "Each year as of 31 December (the last year: the data's last date), with the tie types and statuses chosen "
        "in the sidebar (the focus and the date above don't apply): how many partners {hub} has, how many of the ties "
        "are equity (stakes and joint ventures), and the network's **degree centralisation**, 1 when every tie runs "
        "through one company, 0 when ties are spread evenly. The dotted line marks the date shown above.",
        hub=escape_markdown(hub_name),
    ))
    hub_color = companies.set_index("id")["color"].get(HUB.id, LINK_TYPE.color("equity"))
    figure = cached.figure(network_metrics.metrics_figure, metrics, hub_name=hub_name, hub_color=hub_color,
                           as_of=as_of, lang=lang)
    outputs.chart(figure, title=_("Network metrics over time"),
                  alt=network_metrics.summary(metrics, hub_name, lang=lang), key="metrics")
    with st.expander(_("The metrics as a table")):
        # Headers in the reader's language on screen; the CSV keeps the columns' names.
        st.dataframe(metrics, hide_index=True, width="stretch",
                     column_config={"date": st.column_config.DateColumn(_("as of")),
                                    "ties": st.column_config.NumberColumn(_("ties")),
                                    "companies": st.column_config.NumberColumn(_("companies")),
                                    "hub_partners": st.column_config.NumberColumn(_("hub_partners")),
                                    "equity_ties": st.column_config.NumberColumn(_("equity_ties")),
                                    "other_ties": st.column_config.NumberColumn(_("other_ties")),
                                    "equity_share": st.column_config.NumberColumn(_("equity share"), format="percent"),
                                    "centralisation": st.column_config.NumberColumn(_("centralisation"),
                                                                                    format="%.3f")})
        metrics_name = _("Network metrics")
        st.download_button(_("Metrics as CSV"), data=lambda: exports.csv_bytes(metrics), mime="text/csv",
                           file_name=exports.file_stem(metrics_name) + ".csv", on_click="ignore",
                           icon=":material/download:", key="metrics_csv")


view, section = filters.tabs(site.SECTIONS["network"])
with section:
    {"ties": the_network, "metrics": hub_to_web}[view]()

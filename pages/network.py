"""Network: the ties between companies on any date since 1999, a company's neighbourhood, and the network's metrics."""

import pandas as pd
import streamlit as st

from components.app import cached, filters, outputs, store
from components.builders import exports, network, network_metrics
from components.builders.text import escape_markdown, format_date
from components.data.contract import HUB, LINK_STATUSES, LINK_TYPES
from components.data.vocabulary import LINK_STATUS, LINK_TYPE

AS_OF, FOCUS = "as_of", "focus"

st.title("Network")
st.markdown(
    "In 1999 the alliance was one axis: Renault and Nissan, tied by shares. By 2025 Nissan stood in a web of "
    "narrower, reciprocal ties. Move the date to watch one turn into the other; hover a dot or a line for "
    "details, drag to move, scroll to zoom."
)

data = store.require("companies", "links")
companies, links = data["companies"], data["links"]
names = companies.set_index("id")["name"]
first_day, last_day = network.date_span(links)

with st.sidebar:
    st.subheader("Filters")
    by_name = names.sort_values(key=lambda column: column.str.lower()).index
    focus = filters.selectbox("Focus on a company", [None, *by_name], key=FOCUS,
                              format_func=lambda company: "Whole network" if company is None else names[company],
                              placeholder="Whole network",
                              help="Show only this company's neighbourhood, and its card.")
    steps = 1
    if focus:
        steps = filters.segmented("Reach", [1, 2], key="steps", format_func=lambda n: f"{n} step" + "s" * (n > 1),
                                  help="1 step: its direct partners. 2 steps: their partners too.")
    types = filters.multiselect("Tie types", list(LINK_TYPES), key="tie_types", format_func=LINK_TYPE.label)
    statuses = filters.multiselect("Tie statuses", list(LINK_STATUSES), key="tie_status",
                                   format_func=LINK_STATUS.label, help="Where each tie stands today.")
    color_by = filters.segmented("Colour companies by", list(network.COLOR_BY), key="colour_by",
                                 format_func={"company": "Company", "kind": "Kind"}.get)

as_of = filters.date_point("As of", first_day, last_day, last_day, key=AS_OF,
                           help="Only the ties in force on this date are drawn.")
# The story's turning points as one-click dates, where the data reaches them and there is a date to move.
presets = [preset for preset in network.PRESETS if first_day <= preset.day] if first_day < last_day else []
for column, preset in zip(st.columns(len(presets)) if presets else [], presets, strict=True):
    day = min(preset.day, last_day)
    column.button(preset.label, help=preset.help, on_click=filters.select, args=(AS_OF, day), width="stretch",
                  type="primary" if day == as_of else "secondary", key=f"preset_{preset.day.year}")

as_of = pd.Timestamp(as_of)
shown = network.view(links, as_of, types=types, statuses=statuses, focus=focus, steps=steps)
description = network.describe(shown, companies, as_of)
where = f" around {names[focus]}" if focus else ""
title = f"Alliance Explorer network{where}, {format_date(as_of)}"

if focus:
    with st.container(border=True, key="company_card"):
        company = companies.set_index("id").loc[focus]
        st.markdown(network.company_card(company, links, as_of))
        st.link_button("Source", company["source_url"], icon=":material/open_in_new:")

if shown.empty:
    st.info(f"No ties{escape_markdown(where)} on {format_date(as_of)} with these filters. Move the date, pick "
            "another company, or tick more tie types and statuses in the sidebar.", icon=":material/search_off:")
else:
    ties = "tie" if len(shown) == 1 else "ties"
    st.caption(f"**{len(shown)} {ties} shown** between {shown[['source', 'target']].stack().nunique()} companies. "
               "Dashed lines are talks, not agreements.")
    page = cached.network_page(shown, companies, title=title, caption=description,
                               positions=cached.network_layout(links), color_by=color_by, focus=focus,
                               dark=st.context.theme.type == "dark")
    st.iframe(page, height="content", alt=f"Network of ties. {description}")
    st.download_button(
        "Network as HTML (works offline)", data=lambda: page, file_name=f"{exports.file_stem(title)}.html",
        mime="text/html", on_click="ignore", icon=":material/download:", key="network_html",
    )

st.subheader("The ties shown")
table = network.ties_table(shown, companies)
st.dataframe(table, hide_index=True, width="stretch",
             column_config={"source_url": outputs.source_column(), "source_status": "how sure"})
outputs.table_downloads(table, network.ties_table(links, companies), name="Network ties", key="ties")

st.header("From hub to web, in numbers")
hub_name = names.get(HUB.id, HUB.id)
measured = network.of_kinds(links, types, statuses)
metrics = network_metrics.metrics_over_time(measured, network_metrics.year_ends(first_day.year, last_day), HUB.id)
st.markdown(
    f"Each year as of 31 December (the last year: the data's last date), with the tie types and statuses chosen "
    f"in the sidebar (the focus and the date above don't apply): how many partners {escape_markdown(hub_name)} "
    "has, how many of the ties are equity (stakes and joint ventures), and the network's **degree "
    "centralisation**, 1 when every tie runs through one company, 0 when ties are spread evenly. The dotted line "
    "marks the date shown above."
)
hub_color = companies.set_index("id")["color"].get(HUB.id, LINK_TYPE.color("equity"))
figure = cached.figure(network_metrics.metrics_figure, metrics, hub_name=hub_name, hub_color=hub_color, as_of=as_of)
outputs.chart(figure, title="Network metrics over time", alt=network_metrics.summary(metrics, hub_name),
              key="metrics")
with st.expander("The metrics as a table"):
    st.dataframe(metrics, hide_index=True, width="stretch",
                 column_config={"date": st.column_config.DateColumn("as of"),
                                "equity_share": st.column_config.NumberColumn("equity share", format="percent"),
                                "centralisation": st.column_config.NumberColumn(format="%.3f")})
    st.download_button("Metrics as CSV", data=lambda: exports.csv_bytes(metrics), mime="text/csv",
                       file_name=f"{exports.file_stem('Network metrics')}.csv", on_click="ignore",
                       icon=":material/download:", key="metrics_csv")

"""The network's own numbers through time: the "hub to web" claim, measured.

For each year, on its last day (today for the current year): how many partners the hub (Nissan) has, what
share of the ties are equity ties, and the degree centralisation of the whole network (Freeman: 1 for a star
around one company, 0 when every company has as many partners as the next). Pure: frames in, frame or figure out.
"""

from __future__ import annotations

import math
from datetime import date

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from components.builders.network import active_on, graph
from components.builders.text import plotly_text
from components.data.vocabulary import GREY, LINK_TYPE, PURPLE
from components.i18n import ENGLISH, translator

# Stakes and joint ventures both tie companies through shares; every other type is a contract or a talk.
EQUITY_TYPES = ("equity", "joint_venture")
OTHER_COLOR = GREY
CENTRALISATION_COLOR = PURPLE


def degree_centralisation(network: nx.Graph) -> float:
    """Freeman degree centralisation: Σ(max degree − degree) / ((n − 1)(n − 2)); NaN under three companies."""
    n = network.number_of_nodes()
    if n < 3:
        return math.nan
    degrees = [degree for _, degree in network.degree()]
    top = max(degrees)
    return sum(top - degree for degree in degrees) / ((n - 1) * (n - 2))


def year_ends(first_year: int, today: date) -> list[pd.Timestamp]:
    """31 December of each year from `first_year`, the current year ending today."""
    days = [pd.Timestamp(year, 12, 31) for year in range(first_year, today.year)]
    return days + [pd.Timestamp(today)]


def metrics_over_time(links: pd.DataFrame, days: list[pd.Timestamp], hub: str) -> pd.DataFrame:
    """One row per day: ties and companies in force, the hub's partners, equity ties and centralisation."""
    rows = []
    for day in days:
        shown = active_on(links, day)
        network = graph(shown)
        equity = int(shown["type"].isin(EQUITY_TYPES).sum())
        rows.append({
            "date": day,
            "ties": len(shown),
            "companies": network.number_of_nodes(),
            "hub_partners": network.degree(hub) if hub in network else 0,
            "equity_ties": equity,
            "other_ties": len(shown) - equity,
            "equity_share": equity / len(shown) if len(shown) else math.nan,
            "centralisation": degree_centralisation(network),
        })
    return pd.DataFrame(rows)


def year_position(day: pd.Timestamp) -> float:
    """Where a day sits on the metrics' time axis, whose whole numbers are year ends: 31 Dec 2016 → 2016.0."""
    day = pd.Timestamp(day)
    return day.year - 1 + day.day_of_year / (366 if day.is_leap_year else 365)


def metrics_figure(metrics: pd.DataFrame, *, hub_name: str, hub_color: str,
                   as_of: pd.Timestamp | None = None, lang: str = ENGLISH) -> go.Figure:
    """Three stacked panels sharing the time axis: hub partners, equity vs other ties, centralisation."""
    _ = translator(lang)
    partners = _("{hub}'s partners", hub=plotly_text(hub_name))
    figure = make_subplots(
        rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.09,
        subplot_titles=(partners, _("Equity vs other ties (% of ties in force)"),
                        _("Degree centralisation (1 = a single hub, 0 = an even web)")),
    )
    x = metrics["date"].map(year_position)
    when = metrics["date"].map(_.short_date)
    figure.add_trace(go.Scatter(
        x=x, y=metrics["hub_partners"], name=partners, mode="lines+markers",
        customdata=when,
        line={"color": hub_color, "shape": "hv"}, hovertemplate=_("%{customdata}: %{y} partners") + "<extra></extra>",
    ), row=1, col=1)
    total = metrics["ties"].where(metrics["ties"] > 0)
    for column, name, hover, color in (
        ("equity_ties", _("Equity ties (stakes, joint ventures)"),
         _("%{customdata[0]}: %{y:.0f}% (equity ties: %{customdata[1]})"), LINK_TYPE.color("equity")),
        ("other_ties", _("Other ties (contracts, talks)"),
         _("%{customdata[0]}: %{y:.0f}% (other ties: %{customdata[1]})"), OTHER_COLOR),
    ):
        figure.add_trace(go.Bar(
            x=x, y=100 * metrics[column] / total, name=name, marker_color=color,
            customdata=list(zip(when, metrics[column], strict=True)),
            hovertemplate=hover + "<extra></extra>",
        ), row=2, col=1)
    figure.add_trace(go.Scatter(
        x=x, y=metrics["centralisation"], name=_("Degree centralisation"), mode="lines+markers", customdata=when,
        line={"color": CENTRALISATION_COLOR}, hovertemplate="%{customdata}: %{y:.2f}<extra></extra>",
    ), row=3, col=1)
    figure.update_layout(barmode="stack", height=620, margin={"t": 40, "b": 20},
                         legend={"orientation": "h", "yanchor": "bottom", "y": -0.12, "traceorder": "normal"})
    figure.update_xaxes(tickformat="d", dtick=5 if len(metrics) > 12 else 1)
    figure.update_yaxes(rangemode="tozero", row=1, col=1)
    figure.update_yaxes(range=[0, 100], ticksuffix="%", row=2, col=1)
    figure.update_yaxes(range=[0, 1.02], row=3, col=1)
    if as_of is not None:
        figure.add_vline(x=year_position(as_of), line_dash="dot", line_color="#888888", row="all", col=1)
    return figure


def summary(metrics: pd.DataFrame, hub_name: str, *, lang: str = ENGLISH) -> str:
    """A text description of the metrics: where each series starts, peaks and ends (plain text)."""
    _ = translator(lang)
    known = metrics[metrics["ties"] > 0]
    if known.empty:
        return _("No ties are in force in these years, so there is nothing to measure.")
    first, last = known.iloc[0], known.iloc[-1]
    peak = known.loc[known["hub_partners"].idxmax()]
    facts = {
        "first_year": first["date"].year, "last_year": last["date"].year, "hub": hub_name,
        "first_partners": first["hub_partners"], "last_partners": last["hub_partners"],
        "most_partners": peak["hub_partners"], "peak_year": peak["date"].year,
        # Whole percent, as "{:.0%}" wrote them.
        "first_equity": _.percent(round(100 * first["equity_share"])),
        "last_equity": _.percent(round(100 * last["equity_share"])),
    }
    central = known.dropna(subset=["centralisation"])
    if not len(central):
        return _("From {first_year} to {last_year}, {hub}'s partners went from {first_partners} to {last_partners} "
                 "(most: {most_partners} in {peak_year}); equity ties went from {first_equity} to {last_equity} of "
                 "all ties.", **facts)
    return _("From {first_year} to {last_year}, {hub}'s partners went from {first_partners} to {last_partners} "
             "(most: {most_partners} in {peak_year}); equity ties went from {first_equity} to {last_equity} of all "
             "ties; degree centralisation went from {first_centralisation} ({centralisation_year}) to "
             "{last_centralisation}.", **facts,
             first_centralisation=_.number(central.iloc[0]["centralisation"], digits=2),
             centralisation_year=central.iloc[0]["date"].year,
             last_centralisation=_.number(central.iloc[-1]["centralisation"], digits=2))

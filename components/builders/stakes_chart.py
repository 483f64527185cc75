"""The cross-shareholdings chart of the History page: each holder→target stake as a step line over time.

Pure functions, no Streamlit. One stakes.csv row is one change of a stake; the chart holds each
value until the next change, so a stake bought before the shown range enters it at its then
value and the last value runs on to the range's end.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import plotly.graph_objects as go

from components.builders import story
from components.builders.text import format_date, plotly_text, source_host
from components.builders.time_axis import mark_layout, padded_range
from components.data.vocabulary import SOURCE_STATUS, STAKE_BASIS

HOLDINGS = {"alliance": "Between the partners", "all": "All holdings"}
SERIES = ["holder", "target", "basis"]


def select_stakes(stakes: pd.DataFrame, holdings: str = "alliance",
                  companies: Sequence[str] | None = None) -> pd.DataFrame:
    """The stakes to draw: between the three partners only, or all; touching `companies` if given."""
    keep = pd.Series(True, index=stakes.index)
    if holdings == "alliance":
        keep &= stakes["holder"].isin(story.ALLIANCE_PARTNERS) & stakes["target"].isin(story.ALLIANCE_PARTNERS)
    if companies is not None:
        keep &= stakes["holder"].isin(companies) | stakes["target"].isin(companies)
    return stakes[keep]


def steps(stakes: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """The points of each step line between `start` and `end`.

    `real` marks a row of stakes.csv; the other points carry the stake in force into the range at
    `start` and on to `end`. `since` is the date of the row in force at each point. A stake that
    is zero throughout the range is left out.
    """
    parts = []
    dated = stakes.assign(since=stakes["date"])
    for _, rows in dated.sort_values("date", kind="stable").groupby(SERIES, sort=False):
        before, inside = rows[rows["date"] < start], rows[(rows["date"] >= start) & (rows["date"] <= end)]
        carried = before.tail(1).assign(date=start, real=False)
        if inside.empty and (carried.empty or carried["pct"].iloc[0] == 0):
            continue
        shown = pd.concat([carried, inside.assign(real=True)])
        last = shown.tail(1)
        if last["pct"].iloc[0] > 0 and last["date"].iloc[0] < end:
            shown = pd.concat([shown, last.assign(date=end, real=False)])
        parts.append(shown)
    if not parts:
        return dated.head(0).assign(real=pd.Series(dtype=bool))
    return pd.concat(parts, ignore_index=True)


def series_label(holder: str, target: str, basis: str, names: dict[str, str]) -> str:
    return f"{names.get(holder, holder)} → {names.get(target, target)} ({STAKE_BASIS.label(basis)})"


HOVER = ("<b>%{customdata[0]}</b><br>%{y:.4~g}% since %{customdata[1]}"
         "<br>Source: %{customdata[2]} (%{customdata[3]})<extra></extra>")


def stakes_figure(points: pd.DataFrame, names: dict[str, str], colors: dict[str, str], *,
                  x_range: tuple[pd.Timestamp, pd.Timestamp], marks: dict[str, pd.Timestamp] | None = None,
                  title: str = "") -> go.Figure:
    """One step line per holder→target stake and basis: coloured by holder, dashed by basis.

    Markers stand on the rows of stakes.csv (their shape says how sure the row is); between them
    the line holds the stake in force. The turning points (`marks`) are dotted lines, so the 2023
    rebalancing (direct stake down, trust stake and voting rights up) lines up with its date.
    """
    figure = go.Figure()
    for (holder, target, basis), line in points.groupby(SERIES, sort=False):
        label = series_label(holder, target, basis, names)
        figure.add_scatter(
            x=line["date"], y=line["pct"], mode="lines+markers", name=plotly_text(label), line_shape="hv",
            line={"color": colors.get(holder, "#888888"), "dash": STAKE_BASIS[basis].dash, "width": 2.5},
            marker={"size": [10 if real else 0 for real in line["real"]],
                    "symbol": line["source_status"].map(SOURCE_STATUS.symbol).tolist(),
                    "color": colors.get(holder, "#888888"), "line": {"width": 2}},
            customdata=[[plotly_text(label), plotly_text(format_date(row["since"], row["date_precision"])),
                         plotly_text(source_host(row["source_url"])), SOURCE_STATUS.label(row["source_status"])]
                        for _, row in line.iterrows()],
            hovertemplate=HOVER,
        )
    lines, labels = mark_layout(marks or {}, *x_range)
    figure.update_layout(
        title={"text": title}, height=480, hovermode="closest", margin={"l": 10, "r": 10, "t": 100, "b": 10},
        legend={"title": {"text": "Holder → target (basis)", "side": "top"}, "orientation": "h", "x": 0, "y": -0.08,
                "yanchor": "top"},
        xaxis={"type": "date", "range": padded_range(*x_range)},
        yaxis={"title": {"text": "share of the target's capital"}, "ticksuffix": "%", "rangemode": "tozero"},
        shapes=lines, annotations=labels,
    )
    return figure


def summary(points: pd.DataFrame, names: dict[str, str]) -> str:
    """The text alternative of the stakes chart: each stake's first and last value in the range."""
    if points.empty:
        return "No cross-shareholding is in force in this date range among the companies chosen."
    parts = []
    for (holder, target, basis), line in points.groupby(SERIES, sort=False):
        label = series_label(holder, target, basis, names)
        first, last = line.iloc[0], line.iloc[-1]
        changes = int(line["real"].sum())
        if first["pct"] == last["pct"] and changes <= 1:
            parts.append(f"{label} {last['pct']:.4g}% from {first['date'].year}")
        else:
            parts.append(f"{label} from {first['pct']:.4g}% in {first['date'].year} to {last['pct']:.4g}% "
                         f"in {last['since'].year}")
    return (f"{len(parts)} stake{'s' if len(parts) > 1 else ''} from {points['date'].min().year} to "
            f"{points['date'].max().year}: " + "; ".join(parts) + ".")


def table(stakes: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """The stakes rows as a reader reads them: company names and labels for codes."""
    return pd.DataFrame({
        "date": stakes["date"], "holder": stakes["holder"].map(lambda c: names.get(c, c)),
        "target": stakes["target"].map(lambda c: names.get(c, c)), "stake %": stakes["pct"],
        "basis": stakes["basis"].map(STAKE_BASIS.label),
        "how sure": stakes["source_status"].map(SOURCE_STATUS.label), "note": stakes["note"],
        "source_url": stakes["source_url"],
    }).reset_index(drop=True)

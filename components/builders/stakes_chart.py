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
from components.i18n import ENGLISH, N_, translator

HOLDINGS = {"alliance": N_("Between the partners"), "all": N_("All holdings")}
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


def series_label(holder: str, target: str, basis: str, names: pd.Series, *, lang: str = ENGLISH) -> str:
    _ = translator(lang)
    return _("{holder} → {target} ({basis})", holder=names.get(holder, holder), target=names.get(target, target),
             basis=STAKE_BASIS.label(basis, lang))


def hover_template(lang: str = ENGLISH) -> str:
    """The hover of a point: the stake, its value since the row in force, and where its source is."""
    _ = translator(lang)
    since, source = _("%{y:.4~g}% since %{customdata[1]}"), _("Source: %{customdata[2]} (%{customdata[3]})")
    return f"<b>%{{customdata[0]}}</b><br>{since}<br>{source}<extra></extra>"


def stakes_figure(points: pd.DataFrame, names: pd.Series, colors: pd.Series, *,
                  x_range: tuple[pd.Timestamp, pd.Timestamp], marks: dict[str, pd.Timestamp] | None = None,
                  title: str = "", lang: str = ENGLISH) -> go.Figure:
    """One step line per holder→target stake and basis: coloured by holder, dashed by basis.

    Markers stand on the rows of stakes.csv (their shape says how sure the row is); between them
    the line holds the stake in force. The turning points (`marks`) are dotted lines, so the 2023
    rebalancing (direct stake down, trust stake and voting rights up) lines up with its date.
    """
    _ = translator(lang)
    hover = hover_template(lang)
    figure = go.Figure()
    for (holder, target, basis), line in points.groupby(SERIES, sort=False):
        label = series_label(holder, target, basis, names, lang=lang)
        figure.add_scatter(
            x=line["date"], y=line["pct"], mode="lines+markers", name=plotly_text(label), line_shape="hv",
            line={"color": colors.get(holder, "#888888"), "dash": STAKE_BASIS[basis].dash, "width": 2.5},
            marker={"size": [10 if real else 0 for real in line["real"]],
                    "symbol": line["source_status"].map(SOURCE_STATUS.symbol).tolist(),
                    "color": colors.get(holder, "#888888"), "line": {"width": 2}},
            customdata=[[plotly_text(label), plotly_text(format_date(row["since"], row["date_precision"], lang)),
                         plotly_text(source_host(row["source_url"])), SOURCE_STATUS.label(row["source_status"], lang)]
                        for _index, row in line.iterrows()],
            hovertemplate=hover,
        )
    lines, labels = mark_layout(marks or {}, *x_range)
    figure.update_layout(
        title={"text": title}, height=480, hovermode="closest", margin={"l": 10, "r": 10, "t": 100, "b": 10},
        legend={"title": {"text": _("Holder → target (basis)"), "side": "top"}, "orientation": "h", "x": 0,
                "y": -0.08, "yanchor": "top"},
        xaxis={"type": "date", "range": padded_range(*x_range)},
        yaxis={"title": {"text": _("share of the target's capital")}, "ticksuffix": "%", "rangemode": "tozero"},
        shapes=lines, annotations=labels,
    )
    return figure


def summary(points: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> str:
    """The text alternative of the stakes chart: each stake's first and last value in the range."""
    _ = translator(lang)
    if points.empty:
        return _("No cross-shareholding is in force in this date range among the companies chosen.")

    def pct(value: float) -> str:  # to four significant digits, as the hover shows it
        return _.percent(float(f"{value:.4g}"))

    parts = []
    for (holder, target, basis), line in points.groupby(SERIES, sort=False):
        label = series_label(holder, target, basis, names, lang=lang)
        first, last = line.iloc[0], line.iloc[-1]
        changes = int(line["real"].sum())
        if first["pct"] == last["pct"] and changes <= 1:
            parts.append(_("{stake} {pct} from {year}", stake=label, pct=pct(last["pct"]),
                           year=str(first["date"].year)))
        else:
            parts.append(_("{stake} from {first} in {first_year} to {last} in {last_year}", stake=label,
                           first=pct(first["pct"]), first_year=str(first["date"].year), last=pct(last["pct"]),
                           last_year=str(last["since"].year)))
    return _.ngettext("{count} stake from {first} to {last}: {stakes}.",
                      "{count} stakes from {first} to {last}: {stakes}.", len(parts),
                      first=str(points["date"].min().year), last=str(points["date"].max().year),
                      stakes="; ".join(parts))


def table(stakes: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The stakes rows as a reader reads them: company names and labels for codes (the page refers to a
    column by the same translated header)."""
    _ = translator(lang)
    return pd.DataFrame({
        _("date"): stakes["date"], _("holder"): stakes["holder"].map(lambda c: names.get(c, c)),
        _("target"): stakes["target"].map(lambda c: names.get(c, c)), _("stake %"): stakes["pct"],
        _("basis"): stakes["basis"].map(lambda value: STAKE_BASIS.label(value, lang)),
        _("how sure"): stakes["source_status"].map(lambda value: SOURCE_STATUS.label(value, lang)),
        _("note"): stakes["note"], "source_url": stakes["source_url"],
    }).reset_index(drop=True)

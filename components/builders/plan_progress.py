"""Alliance to 2030's targets set against what the data shows so far.

Which target can be measured is said by the optional `measure_launched_on` column of
plan_targets.csv: the platforms whose launched models count towards it. Every actual is computed
here from models.csv; a target without that column filled reads "the data can't say yet" and is
never drawn as 0%.
"""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import plotly_text
from components.data.vocabulary import GREEN, GREY, SKY_BLUE, SOURCE_STATUS

CANT_SAY = "The data can't say yet"
CANT_SAY_WHY = "None of the datasets records this yet."
ACHIEVED_COLOR = GREEN
PIPELINE_COLOR = SKY_BLUE
TRACK_COLOR = GREY

PROGRESS_COLUMNS = ["id", "metric", "target", "unit", "target_year", "measured_on", "actual", "planned",
                    "share", "reading", "caveat", "source_status", "source_url"]


def measured_platforms(target: pd.Series) -> list[str]:
    """The platform ids a target is measured on; empty when the data can't measure it."""
    return list(target["measure_launched_on"])


def launched_count(models: pd.DataFrame, platform_ids: list[str]) -> tuple[int, int]:
    """(models launched, models still planned) on the given platforms."""
    on = models[models["platform"].isin(platform_ids)]
    return int((on["status"] == "launched").sum()), int((on["status"] == "planned").sum())


def _caveat(platform_ids: list[str], platforms: pd.DataFrame) -> str:
    names = platforms.set_index("id")["name"]
    where = ("the five common platforms" if set(platform_ids) >= set(platforms["id"])
             else ", ".join(names.get(pid, pid) for pid in platform_ids))
    return (f"Counts the models that models.csv lists as launched on {where}, including any already on sale "
            "when the plan was announced. Models the data does not list (EVs built off these platforms, "
            "or not recorded yet) are not counted, so read it as a lower bound.")


def progress_frame(targets: pd.DataFrame, models: pd.DataFrame, platforms: pd.DataFrame) -> pd.DataFrame:
    """One row per target: the target, what the data shows against it, and how to read that.

    Measured targets come first (each group in file order). `actual`, `planned` and `share` are <NA>
    where the data can't say, never 0.
    """
    names = platforms.set_index("id")["name"]
    rows = []
    for _, target in targets.iterrows():
        value, on = target["value"], measured_platforms(target)
        if on:
            actual, planned = launched_count(models, on)
            share = actual / value if value else pd.NA
            reading = f"{actual} of {value:g} launched" + ("" if share is pd.NA else f" ({share:.0%})")
            reading += f"; {planned} more planned" if planned else ""
            caveat = _caveat(on, platforms)
        else:
            actual = planned = share = pd.NA
            reading, caveat = CANT_SAY, CANT_SAY_WHY
        rows.append((target["id"], target["metric"], value, target["unit"], target["target_year"],
                     ", ".join(names.get(pid, pid) for pid in on), actual, planned, share, reading, caveat,
                     target["source_status"], target["source_url"]))
    frame = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    frame = frame.sort_values("share", key=lambda share: share.isna(), kind="stable", ignore_index=True)
    return frame.astype({"actual": "Int64", "planned": "Int64", "share": "Float64", "target_year": "Int64"})


def target_label(row: pd.Series) -> str:
    """The metric (wrapped so long ones don't squeeze the bars) over the target itself."""
    year = f" by {row['target_year']}" if not pd.isna(row["target_year"]) else ""
    metric = "<br>".join(plotly_text(line) for line in textwrap.wrap(row["metric"], 38))
    return f"{metric}<br><i>{row['target']:g} {plotly_text(row['unit'])}{year}</i>"


def progress_chart(progress: pd.DataFrame) -> go.Figure:
    """A bullet chart in % of each target: the track is the target, the dark bar what is achieved,
    the hatched extension what is planned. Targets the data can't measure get words, not a bar."""
    labels = pd.Series([target_label(row) for _, row in progress.iterrows()], index=progress.index, dtype=object)
    measured = progress["share"].notna().to_numpy(dtype=bool)
    share = (progress["share"].astype("float64") * 100).round(1)
    planned = (progress["planned"].astype("float64") / progress["target"] * 100).round(1)
    measured_labels = labels[measured].tolist()
    figure = go.Figure()
    figure.add_bar(y=measured_labels, x=[100] * len(measured_labels), orientation="h", width=0.7,
                   name="Target (100%)", marker={"color": TRACK_COLOR, "opacity": 0.25}, hoverinfo="skip")
    figure.add_bar(y=measured_labels, x=share[measured], orientation="h", width=0.35, name="Achieved",
                   marker_color=ACHIEVED_COLOR, hovertemplate="%{x}% of the target<extra>achieved</extra>")
    figure.add_bar(y=measured_labels, x=planned[measured], base=share[measured], orientation="h", width=0.35,
                   name="Planned, not yet achieved",
                   marker={"color": PIPELINE_COLOR, "pattern": {"shape": "/", "solidity": 0.4}},
                   hovertemplate="+%{x}% of the target planned<extra>planned</extra>")
    reached = share[measured] + planned[measured].fillna(0)
    figure.add_scatter(y=measured_labels, x=reached, mode="text", text=progress.loc[measured, "reading"],
                       textposition="middle right", cliponaxis=False, showlegend=False, hoverinfo="skip")
    unmeasured_labels = labels[~measured].tolist()
    figure.add_scatter(y=unmeasured_labels, x=[0] * len(unmeasured_labels), mode="text",
                       text=[f"<i>{CANT_SAY.lower()}</i>"] * len(unmeasured_labels), textposition="middle right",
                       name=CANT_SAY, hoverinfo="skip", showlegend=False)
    top = max(110.0, float(reached.max()) + 10 if measured.any() else 110.0)
    figure.update_xaxes(range=[0, top], ticksuffix="%", title="share of the target reached")
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=labels.tolist()[::-1], title=None)
    figure.add_vline(x=100, line_dash="dot", line_color=TRACK_COLOR)
    figure.update_layout(barmode="overlay", height=max(260, 58 * len(progress) + 90),
                         legend={"orientation": "h", "y": 1.0, "yanchor": "bottom"}, margin={"t": 40, "r": 40})
    return figure


def progress_summary(progress: pd.DataFrame) -> str:
    if progress.empty:
        return "No plan target in the data."
    measured = progress[progress["share"].notna()]
    unmeasured = progress[progress["share"].isna()]
    parts = [f"{len(progress)} targets; the data measures {len(measured)} of them."]
    parts += [f"{row['metric']} ({row['target']:g} {row['unit']}): {row['reading']}." for _, row in measured.iterrows()]
    if len(unmeasured):
        parts.append(f"{CANT_SAY} for: " + "; ".join(
            f"{row['metric']} ({row['target']:g} {row['unit']})" for _, row in unmeasured.iterrows()) + ".")
    return " ".join(parts)


def table(progress: pd.DataFrame) -> pd.DataFrame:
    """The targets as the page's table shows them."""
    return pd.DataFrame({
        "metric": progress["metric"], "target": progress["target"], "unit": progress["unit"],
        "by": progress["target_year"], "the data shows": progress["reading"], "caveat": progress["caveat"],
        "how sure": progress["source_status"].map(SOURCE_STATUS.label), "source_url": progress["source_url"],
    })

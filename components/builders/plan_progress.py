"""Alliance to 2030's targets set against what the data shows so far.

Which target can be measured is said by the optional `measure_launched_on` column of
plan_targets.csv: the platforms whose launched models count towards it. Every actual is computed
here from models.csv; a target without that column filled reads "the data can't say yet" and is
never drawn as 0%.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import plotly_text, wrap
from components.data.vocabulary import GREEN, GREY, SKY_BLUE, SOURCE_STATUS
from components.i18n import ENGLISH, N_, translator

CANT_SAY = N_("The data can't say yet")
CANT_SAY_WHY = N_("None of the datasets records this yet.")
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


def _caveat(platform_ids: list[str], platforms: pd.DataFrame, lang: str) -> str:
    _ = translator(lang)
    names = platforms.set_index("id")["name"]
    where = (_("the five common platforms") if set(platform_ids) >= set(platforms["id"])
             else _.join(names.get(pid, pid) for pid in platform_ids))
    return _("Counts the models that models.csv lists as launched on {platforms}, including any already on sale "
             "when the plan was announced. Models the data does not list (EVs built off these platforms, "
             "or not recorded yet) are not counted, so read it as a lower bound.", platforms=where)


def _reading(actual: int, value: float, share, planned: int, lang: str) -> str:
    """What the data shows against a measured target: 12 of 35 launched (34%); 3 more planned."""
    _ = translator(lang)
    if share is pd.NA:
        reading = _("{actual} of {target} launched", actual=actual, target=_.number(value))
    else:
        reading = _("{actual} of {target} launched ({share})", actual=actual, target=_.number(value),
                    share=_.percent(round(share * 100)))
    return _("{reading}; {count} more planned", reading=reading, count=planned) if planned else reading


def progress_frame(targets: pd.DataFrame, models: pd.DataFrame, platforms: pd.DataFrame, *,
                   lang: str = ENGLISH) -> pd.DataFrame:
    """One row per target: the target, what the data shows against it, and how to read that (in `lang`).

    Measured targets come first (each group in file order). `actual`, `planned` and `share` are <NA>
    where the data can't say, never 0.
    """
    _ = translator(lang)
    names = platforms.set_index("id")["name"]
    rows = []
    for _row, target in targets.iterrows():
        value, on = target["value"], measured_platforms(target)
        if on:
            actual, planned = launched_count(models, on)
            share = actual / value if value else pd.NA
            reading = _reading(actual, value, share, planned, lang)
            caveat = _caveat(on, platforms, lang)
        else:
            actual = planned = share = pd.NA
            reading, caveat = _(CANT_SAY), _(CANT_SAY_WHY)
        rows.append((target["id"], target["metric"], value, target["unit"], target["target_year"],
                     _.join(names.get(pid, pid) for pid in on), actual, planned, share, reading, caveat,
                     target["source_status"], target["source_url"]))
    frame = pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
    frame = frame.sort_values("share", key=lambda share: share.isna(), kind="stable", ignore_index=True)
    return frame.astype({"actual": "Int64", "planned": "Int64", "share": "Float64", "target_year": "Int64"})


def target_label(row: pd.Series, *, lang: str = ENGLISH) -> str:
    """The metric (wrapped so long ones don't squeeze the bars) over the target itself."""
    _ = translator(lang)
    metric = "<br>".join(plotly_text(line) for line in wrap(row["metric"], 38))
    target, unit = _.number(row["target"]), plotly_text(row["unit"])
    goal = (_("{target} {unit}", target=target, unit=unit) if pd.isna(row["target_year"])
            else _("{target} {unit} by {year}", target=target, unit=unit, year=row["target_year"]))
    return f"{metric}<br><i>{goal}</i>"


def progress_chart(progress: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """A bullet chart in % of each target the data can measure: the track is the target, the dark bar what is
    achieved, the hatched extension what is planned. The targets it can't measure are not drawn (no empty rows
    and never a 0% bar): `unmeasured` lists them beside the chart."""
    _ = translator(lang)
    measured = progress[progress["share"].notna()]
    labels = [target_label(row, lang=lang) for _row, row in measured.iterrows()]
    share = (measured["share"].astype("float64") * 100).round(1)
    planned = (measured["planned"].astype("float64") / measured["target"] * 100).round(1)
    figure = go.Figure()
    figure.add_bar(y=labels, x=[100] * len(labels), orientation="h", width=0.7,
                   name=_("Target (100%)"), marker={"color": TRACK_COLOR, "opacity": 0.25}, hoverinfo="skip")
    figure.add_bar(y=labels, x=share, orientation="h", width=0.35, name=_("Achieved"),
                   marker_color=ACHIEVED_COLOR,
                   hovertemplate=_("%{x}% of the target") + "<extra>" + _("achieved") + "</extra>")
    figure.add_bar(y=labels, x=planned, base=share, orientation="h", width=0.35,
                   name=_("Planned, not yet achieved"),
                   marker={"color": PIPELINE_COLOR, "pattern": {"shape": "/", "solidity": 0.4}},
                   hovertemplate=_("+%{x}% of the target planned") + "<extra>" + _("planned") + "</extra>")
    reached = share + planned.fillna(0)
    figure.add_scatter(y=labels, x=reached, mode="text", text=[plotly_text(text) for text in measured["reading"]],
                       textposition="middle right", cliponaxis=False, showlegend=False, hoverinfo="skip")
    top = max(110.0, float(reached.max()) + 10 if len(measured) else 110.0)
    figure.update_xaxes(range=[0, top], ticksuffix="%", title=_("share of the target reached"))
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=labels[::-1], title=None)
    figure.add_vline(x=100, line_dash="dot", line_color=TRACK_COLOR)
    # Room for the title and credit lines above, and the axis title and legend below, whatever the count of bars.
    figure.update_layout(barmode="overlay", height=70 * max(len(measured), 1) + 260,
                         legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom"},
                         margin={"t": 40, "r": 40, "b": 110})
    return figure


def unmeasured(progress: pd.DataFrame, *, lang: str = ENGLISH) -> list[str]:
    """The targets the data can't measure yet, one line each: "Battery cost (-50 %) by 2028"."""
    _ = translator(lang)
    lines = []
    for _row, row in progress[progress["share"].isna()].iterrows():
        target = _("{target} {unit}", target=_.number(row["target"]), unit=row["unit"])
        goal = target if pd.isna(row["target_year"]) else _("{target} by {year}", target=target,
                                                            year=row["target_year"])
        lines.append(_("{metric} ({goal})", metric=row["metric"], goal=goal))
    return lines


def progress_summary(progress: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    _ = translator(lang)
    if progress.empty:
        return _("No plan target in the data.")
    measured = progress[progress["share"].notna()]
    unmeasured = progress[progress["share"].isna()]
    parts = [_("{count} targets; the data measures {measured} of them.", count=len(progress),
               measured=len(measured))]
    parts += [_("{metric} ({target} {unit}): {reading}.", metric=row["metric"], target=_.number(row["target"]),
                unit=row["unit"], reading=row["reading"]) for _row, row in measured.iterrows()]
    if len(unmeasured):
        targets = [_("{metric} ({target} {unit})", metric=row["metric"], target=_.number(row["target"]),
                     unit=row["unit"]) for _row, row in unmeasured.iterrows()]
        parts.append(_("The data can't say yet for: {targets}.", targets="; ".join(targets)))
    return " ".join(parts)


def table(progress: pd.DataFrame, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The targets as the page's table shows them (`progress` from progress_frame in the same language)."""
    _ = translator(lang)
    return pd.DataFrame({
        _("metric"): progress["metric"], _("target"): progress["target"], _("unit"): progress["unit"],
        _("by"): progress["target_year"], _("the data shows"): progress["reading"], _("caveat"): progress["caveat"],
        _("how sure"): progress["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        "source_url": progress["source_url"],
    })

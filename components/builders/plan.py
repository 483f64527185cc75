"""The Plan page's models and platforms: filtering, the figures, and their text alternatives.

Pure functions of typed frames (see components/data/validation.py); nothing here imports Streamlit.
Models whose launch year is not known are kept and shown as such, never dropped silently.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.builders import story
from components.builders.text import escape_markdown, format_date, plotly_text, shorten, wrap
from components.data.contract import MODEL_STATUSES
from components.data.vocabulary import CATEGORY, GREY, MODEL_STATUS, SOURCE_STATUS
from components.i18n import ENGLISH, N_, translator

UNKNOWN_YEAR = N_("year not known")
CARDS_PER_ROW = 5  # the plan's five platforms side by side on a desktop; more wrap to a row below
MAX_PLATFORM_CARDS = 10  # more (data at scale) would be a wall of cards: the table lists every platform
# The model charts give each platform a band 100 px tall: past this many platforms (500 at 100 times the data made a
# chart 50,000 px tall, which took the browser 16 s to draw) they draw the first ones, and the page says so.
MAX_CHART_PLATFORMS = 10

NEUTRAL = GREY


# --- shaping and filtering ------------------------------------------------------------------

def platform_label(platform: pd.Series) -> str:
    """CMF-EV → AmpR Medium, or just the name when it was never renamed."""
    later = platform["later_name"]
    return f"{platform['name']} → {later}" if later else platform["name"]


def model_view(models: pd.DataFrame, platforms: pd.DataFrame, companies: pd.DataFrame, *,
               lang: str = ENGLISH) -> pd.DataFrame:
    """Models with their brand's and platform's display names and colour, and a launch-year label (in `lang`).

    Rows come in platform order (as in platforms.csv), then year (unknown last), status, name.
    """
    unknown_year = translator(lang)(UNKNOWN_YEAR)
    brands = companies.set_index("id")
    order = {pid: i for i, pid in enumerate(platforms["id"])}
    view = models.assign(
        brand_name=models["brand"].map(brands["name"]),
        brand_color=models["brand"].map(brands["color"]),
        platform_name=models["platform"].map(platforms.set_index("id")["name"]),
        year_label=models["launch_year"].map(lambda y: unknown_year if pd.isna(y) else str(int(y))),
        _platform_order=models["platform"].map(order),
        _status_order=models["status"].map(MODEL_STATUSES.index),
    )
    return (view.sort_values(["_platform_order", "launch_year", "_status_order", "name"], na_position="last",
                             kind="stable")
            .drop(columns=["_platform_order", "_status_order"]).reset_index(drop=True))


def filter_models(view: pd.DataFrame, *, brands, platforms, statuses, years: tuple[int, int] | None,
                  unknown_year: bool) -> pd.DataFrame:
    """The models of the chosen brands, platforms and statuses launched within `years`.

    `years` is None when no model has a known year; models without one are kept if `unknown_year`.
    """
    keep = view["brand"].isin(brands) & view["platform"].isin(platforms) & view["status"].isin(statuses)
    year = view["launch_year"]
    in_range = year.between(*years).fillna(False).astype(bool) if years else pd.Series(False, index=view.index)
    keep &= in_range | (year.isna() & unknown_year)
    return view[keep].reset_index(drop=True)


def year_bounds(models: pd.DataFrame) -> tuple[int, int] | None:
    """The first and last known launch year, or None when no year is known."""
    years = models["launch_year"].dropna()
    return (int(years.min()), int(years.max())) if len(years) else None


def year_axis(view: pd.DataFrame, *, lang: str = ENGLISH) -> list[str]:
    """Every year from the first to the last shown (gaps kept, so distances read true), then "year not known"
    (in `lang`, as model_view labels those models)."""
    bounds = year_bounds(view)
    axis = [str(year) for year in range(bounds[0], bounds[1] + 1)] if bounds else []
    return axis + ([translator(lang)(UNKNOWN_YEAR)] if view["launch_year"].isna().any() else [])


def status_counts(view: pd.DataFrame) -> dict[str, int]:
    counts = view["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in MODEL_STATUSES}


def plan_events(events: pd.DataFrame) -> pd.DataFrame:
    """The events that shaped Alliance to 2030 (tagged alliance-to-2030), oldest first."""
    return story.tagged(events, story.PLAN_TAG)


# --- text for the cards ---------------------------------------------------------------------

def platform_card(platform: pd.Series, lead_name: str, on_platform: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    """A platform's facts and its models (those shown) as Markdown, every data text escaped."""
    _ = translator(lang)
    lines = [f"#### {escape_markdown(platform['name'])}"]
    if platform["later_name"]:
        lines.append(_("now **{name}**", name=escape_markdown(platform["later_name"])))
    lines.append(f"{escape_markdown(platform['segment'])}  \n"
                 + _("Lead: **{company}**", company=escape_markdown(lead_name)))
    if platform["builder"]:
        lines.append(f":small[{escape_markdown(platform['builder'])}]")
    if platform["source_status"] != "verified":
        note = _("{how_sure}: see the note in the platforms table.",
                 how_sure=SOURCE_STATUS.label(platform["source_status"], lang))
        lines.append(f":small[:material/help: {note}]")
    if on_platform.empty:
        none_shown = _("No model shown with these filters.")
        lines.append(f":small[{none_shown}]")
    else:
        lines.append("  \n".join(
            f"{MODEL_STATUS[model.status].glyph} {escape_markdown(model.name)} "
            f":small[{escape_markdown(model.brand_name)} · {model.year_label}]"
            for model in on_platform.itertuples()))
    return "\n\n".join(lines)


def model_card(model: pd.Series, *, lang: str = ENGLISH) -> str:
    """One model's details as Markdown: what, where, when, how sure (`year_label` as model_view gave it)."""
    _ = translator(lang)
    lines = [
        f"**{escape_markdown(model['name'])}** · {escape_markdown(model['brand_name'])} · "
        f"{escape_markdown(model['platform_name'])}",
        f"{MODEL_STATUS[model['status']].glyph} "
        + _("{status} · launch year: {year} · source: {how_sure}", status=MODEL_STATUS.label(model["status"], lang),
            year=model["year_label"], how_sure=SOURCE_STATUS.label(model["source_status"], lang).lower()),
    ]
    if model["note"]:
        lines.append(f":small[{escape_markdown(model['note'])}]")
    return "\n\n".join(lines)


# --- figures --------------------------------------------------------------------------------

def models_timeline(view: pd.DataFrame, platforms: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """One marker per model: launch year across, platform down, brand by colour, status by shape.

    Models sharing a platform and year are spread vertically within the platform's band. Each
    marker carries the model id as customdata, so a click can look the model up.
    """
    _ = translator(lang)
    rows = platforms.reset_index(drop=True)
    band = {pid: -i for i, pid in enumerate(rows["id"])}
    placed = view.assign(_cell=view.groupby(["platform", "year_label"]).cumcount(),
                         _size=view.groupby(["platform", "year_label"])["id"].transform("size"))
    spread = 0.7 / placed["_size"].clip(lower=1)
    placed = placed.assign(_y=placed["platform"].map(band) + (placed["_cell"] - (placed["_size"] - 1) / 2) * spread)

    figure = go.Figure()
    for _brand, group in placed.groupby("brand", sort=False):
        color, brand_name = group["brand_color"].iloc[0], group["brand_name"].iloc[0]
        figure.add_scatter(
            x=group["year_label"], y=group["_y"], mode="markers+text", name=plotly_text(brand_name),
            legendgroup="brand", legendgrouptitle_text=_("Brand (colour)"),
            text=group["name"].map(plotly_text), textposition="middle right", textfont_size=11, cliponaxis=False,
            marker={"color": color, "size": 13, "symbol": group["status"].map(MODEL_STATUS.symbol).tolist(),
                    "line": {"width": 2.5, "color": color}},
            customdata=pd.DataFrame({
                "id": group["id"], "status": group["status"].map(lambda status: MODEL_STATUS.label(status, lang)),
                "platform": group["platform_name"].map(plotly_text), "year": group["year_label"],
                "brand": plotly_text(brand_name)}).to_numpy(),
            hovertemplate="<b>%{text}</b><br>%{customdata[2]} · %{customdata[3]} · %{customdata[1]}"
                          "<extra>%{customdata[4]}</extra>",
        )
    for status in MODEL_STATUSES:  # legend entries for the shapes only
        figure.add_scatter(x=[None], y=[None], mode="markers", name=MODEL_STATUS.label(status, lang),
                           legendgroup="status", legendgrouptitle_text=_("Status (shape)"), hoverinfo="skip",
                           marker={"symbol": MODEL_STATUS.symbol(status), "color": NEUTRAL, "size": 12,
                                   "line": {"width": 2.5, "color": NEUTRAL}})
    years = year_axis(view, lang=lang)
    # The last column's names are written to the right of their markers: leave them room.
    figure.update_xaxes(type="category", categoryorder="array", categoryarray=years, title=_("launch year"),
                        range=[-0.5, len(years) - 0.5 + 0.6])
    figure.update_yaxes(tickvals=list(band.values()),
                        ticktext=[plotly_text(platform_label(p)) for _row, p in rows.iterrows()],
                        range=[-len(rows) + 0.5, 0.5], zeroline=False, showgrid=False, title=None)
    figure.update_layout(height=max(340, 100 * len(rows) + 120), margin={"t": 20, "r": 20},
                         legend={"groupclick": "toggleitem", "orientation": "h", "y": -0.2},
                         clickmode="event+select")
    return figure


def models_timeline_summary(view: pd.DataFrame, platforms: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    _ = translator(lang)
    if view.empty:
        return _("No model matches the filters.")
    counts = status_counts(view)
    statuses = _.join(_("{count} {status}", count=n, status=MODEL_STATUS.label(status, lang).lower())
                      for status, n in counts.items() if n)
    bounds = year_bounds(view)
    years = (_("launch years {first}–{last}", first=bounds[0], last=bounds[1]) if bounds
             else _("no launch year known"))
    unknown = int(view["launch_year"].isna().sum())
    if unknown:
        years = _("{years}, {count} with the year not known", years=years, count=unknown)
    per_platform = view.groupby("platform_name", sort=False).size()
    platform_text = "; ".join(_("{platform}: {count}", platform=name, count=n) for name, n in per_platform.items())
    per_brand = view.groupby("brand_name", sort=False).size().sort_values(ascending=False, kind="stable")
    brand_text = _.join(_("{brand} {count}", brand=name, count=n) for name, n in per_brand.items())
    return _("{count} models on {shown} of {total} platforms ({statuses}); {years}. Per platform: {per_platform}. "
             "Per brand: {per_brand}.", count=len(view), shown=view["platform"].nunique(), total=len(platforms),
             statuses=statuses, years=years, per_platform=platform_text, per_brand=brand_text)


def models_hierarchy(view: pd.DataFrame, platforms: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """Treemap platform → brand → model; brand colour, planned models hatched, cancelled cross-hatched."""
    _ = translator(lang)
    names = {pid: plotly_text(platform_label(p)) for pid, p in platforms.set_index("id").iterrows()}
    ids, labels, parents, colors, patterns, hovers = [], [], [], [], [], []
    for platform, on_platform in view.groupby("platform", sort=False):
        ids.append(platform)
        labels.append(names.get(platform, platform))
        parents.append("")
        colors.append(NEUTRAL)
        patterns.append("")
        hovers.append(_("{count} models", count=len(on_platform)))
        for brand, of_brand in on_platform.groupby("brand", sort=False):
            ids.append(f"{platform}/{brand}")
            labels.append(plotly_text(of_brand["brand_name"].iloc[0]))
            parents.append(platform)
            colors.append(of_brand["brand_color"].iloc[0])
            patterns.append("")
            hovers.append(_("{count} models", count=len(of_brand)))
            for model in of_brand.itertuples():
                ids.append(f"{platform}/{brand}/{model.id}")
                labels.append(plotly_text(model.name))
                parents.append(f"{platform}/{brand}")
                colors.append(model.brand_color)
                patterns.append(MODEL_STATUS[model.status].pattern)
                hovers.append(f"{MODEL_STATUS.label(model.status, lang)} · {model.year_label}")
    figure = go.Figure(go.Treemap(
        ids=ids, labels=labels, parents=parents, branchvalues="remainder", customdata=hovers,
        marker={"colors": colors, "pattern": {"shape": patterns, "fillmode": "overlay", "solidity": 0.2}},
        sort=False,
        hovertemplate="<b>%{label}</b><br>%{customdata}<extra></extra>", textinfo="label",
        root_color="rgba(0,0,0,0)", tiling={"pad": 2},
    ))
    figure.update_layout(height=460, margin={"t": 10, "l": 5, "r": 5, "b": 5})
    return figure


def models_hierarchy_summary(view: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    _ = translator(lang)
    if view.empty:
        return _("No model matches the filters.")
    parts = []
    for _platform, on_platform in view.groupby("platform", sort=False):
        brands = on_platform.groupby("brand_name", sort=False)["name"].apply(_.join)
        by_brand = [_("{brand} ({models})", brand=brand, models=models) for brand, models in brands.items()]
        parts.append(_("{platform}: {brands}", platform=on_platform["platform_name"].iloc[0],
                       brands="; ".join(by_brand)))
    return _("Platform → brand → model, each model one tile (hatched if planned, cross-hatched if cancelled). "
             "{platforms}.", platforms=". ".join(parts))


def events_timeline(events: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """The events that reshaped the plan, one titled row each, oldest at the top, on a date axis.

    Colour is the category, as on History; the marker's shape is how sure the row is.
    `events` as returned by plan_events: its index numbers the events in date order.
    """
    _ = translator(lang)
    # At most two short lines a label, so the chart keeps its plot area on a phone (the hover has the whole title).
    labels = ["<br>".join(plotly_text(line) for line in wrap(f"{i + 1}. {shorten(title, 60)}", 32))
              for i, title in events["title"].items()]
    events = events.assign(_label=labels, _title=events["title"].map(plotly_text),
                           _status=events["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
                           _when=[_.date(row["date"], row["date_precision"]) for _row, row in events.iterrows()])
    categories = list(dict.fromkeys(events["category"]))
    figure = go.Figure()
    for category in categories:
        group = events[events["category"] == category]
        figure.add_scatter(
            x=group["date"], y=group["_label"], mode="markers", name=CATEGORY.label(category, lang),
            marker={"color": CATEGORY.color(category), "size": 13,
                    "line": {"width": 2, "color": CATEGORY.color(category)},
                    "symbol": group["source_status"].map(SOURCE_STATUS.symbol).tolist()},
            customdata=group[["_title", "_status", "_when"]].to_numpy(),
            hovertemplate=_("%{customdata[2]}<br>%{customdata[0]}<br>source: %{customdata[1]}")
                          + "<extra>" + CATEGORY.label(category, lang) + "</extra>",
        )
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=labels[::-1], title=None)
    figure.update_xaxes(title=None, showgrid=True)
    figure.update_layout(height=120 + 34 * len(events), margin={"t": 20},
                         legend={"title": _("Category"), "orientation": "h", "y": 1.02, "yanchor": "bottom"})
    return figure


def events_summary(events: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    _ = translator(lang)
    if events.empty:
        return _("No event in the data is tagged as part of the plan.")
    per_category = events["category"].value_counts()
    first, last = events.iloc[0], events.iloc[-1]
    categories = _.join(_("{count} {category}", count=n, category=CATEGORY.label(c, lang).lower())
                        for c, n in per_category.items())
    listed = " ".join(_("{number}. {month}: {title}.", number=i + 1, month=_.month(row["date"]), title=row["title"])
                      for i, row in events.iterrows())
    return _("{count} events from {first} to {last} ({categories}). {events}", count=len(events),
             first=_.date(first["date"], "month"), last=_.date(last["date"], "month"), categories=categories,
             events=listed)


# --- tables ---------------------------------------------------------------------------------

def platform_table(platforms: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The platforms as readers read them: the lead's name, how sure spelled out."""
    _ = translator(lang)
    return pd.DataFrame({
        _("platform"): platforms["name"], _("now"): platforms["later_name"],
        _("lead"): platforms["lead"].map(lambda c: names.get(c, c)), _("builder"): platforms["builder"],
        _("segment"): platforms["segment"], _("announced"): platforms["announced"],
        _("how sure"): platforms["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        _("note"): platforms["note"], "source_url": platforms["source_url"],
    }).reset_index(drop=True)


def model_table(view: pd.DataFrame, *, lang: str = ENGLISH) -> pd.DataFrame:
    """Models (from model_view) as the page's table shows them."""
    _ = translator(lang)
    return pd.DataFrame({
        _("model"): view["name"], _("brand"): view["brand_name"], _("platform"): view["platform_name"],
        _("launch year"): view["year_label"],
        _("status"): view["status"].map(lambda status: MODEL_STATUS.label(status, lang)),
        _("how sure"): view["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        _("note"): view["note"], "source_url": view["source_url"],
    }).reset_index(drop=True)


def events_table(events: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The plan's events (from plan_events) as the page's table shows them, numbered as on the chart."""
    _ = translator(lang)
    return pd.DataFrame({
        _("number"): events.index + 1,
        _("when"): [format_date(row["date"], row["date_precision"], lang) for _row, row in events.iterrows()],
        _("category"): events["category"].map(lambda category: CATEGORY.label(category, lang)),
        _("title"): events["title"], _("summary"): events["summary"],
        _("companies"): events["companies"].map(lambda ids: _.join(names.get(i, i) for i in ids)),
        _("how sure"): events["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        "source_url": events["source_url"],
    })

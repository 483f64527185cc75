"""The History timeline: filtering events, the lane chart, its text summary and the event card.

Pure functions, no Streamlit: a filtered DataFrame goes in, a go.Figure or a string comes out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import escape_markdown, plotly_text, rows_containing, source_host
from components.builders.time_axis import mark_layout, padded_range
from components.data.contract import EVENT_CATEGORIES, SOURCE_STATUSES
from components.data.vocabulary import CATEGORY, SOURCE_STATUS
from components.i18n import ENGLISH, N_, translator

LANE_MODES = {"category": N_("Category"), "company": N_("Company")}
SEARCHED_COLUMNS = ["title", "summary"]
# The eras of the story (see story.NARRATIVE), by the year each begins: the summary counts events per era.
ERA_STARTS = (1999, 2016, 2018, 2024)
# A lane's marker needs this share of the shown time span to itself before the next one shares its row.
ROW_GAP = 0.012
ROW_HEIGHT = 26
MIN_HEIGHT = 460  # room for the legend (the key of categories and statuses) when few lanes are shown
# How the summary counts rows of each source status: "77 verified, 6 press reports".
STATUS_COUNTED = {"verified": N_("{count} verified"), "conflicting": N_("{count} with conflicting sources"),
                  "press_report": N_("{count} press reports"), "unverified": N_("{count} unverified")}
# What to widen when no event matches, for a filter that has none of its values chosen, or only some.
WIDEN = {"categories": (N_("pick at least one of the categories"), N_("add categories")),
         "companies": (N_("pick at least one of the companies"), N_("add companies")),
         "statuses": (N_("pick at least one of the source statuses"), N_("add source statuses"))}


# --- filtering ------------------------------------------------------------------------------

# Past this many markers a timeline is no longer read marker by marker (and costs the browser seconds to draw):
# the chart then draws the most recent events, and the page says so.
MAX_MARKERS = 1000
# A lane per company reads up to about this many; beyond, the companies with the fewest events share one lane.
MAX_LANES = 40
OTHERS = "_others"  # the shared lane's id (no company id starts with "_")
MAX_ROWS_PER_LANE = 20


def most_recent(events: pd.DataFrame, limit: int = MAX_MARKERS) -> pd.DataFrame:
    """The `limit` most recent events (by date), in the order they came."""
    if len(events) <= limit:
        return events
    return events.loc[events.sort_values(["date", "id"], ascending=[False, True], kind="stable").index[:limit]
                      .sort_values()]

@dataclass(frozen=True)
class EventFilter:
    """What the reader asked for. None means "no restriction"; an empty tuple means "none of them"."""

    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    categories: tuple[str, ...] | None = None
    companies: tuple[str, ...] | None = None
    statuses: tuple[str, ...] | None = None
    text: str = ""


def filter_events(events: pd.DataFrame, wanted: EventFilter) -> pd.DataFrame:
    """The events that match every part of `wanted`.

    An event is in a date range when any part of it is: a period that began before the range
    and ends inside it is kept.
    """
    keep = pd.Series(True, index=events.index)
    last_day = events["end_date"].fillna(events["date"])
    if wanted.start is not None:
        keep &= last_day >= wanted.start
    if wanted.end is not None:
        keep &= events["date"] <= wanted.end
    if wanted.categories is not None:
        keep &= events["category"].isin(wanted.categories)
    if wanted.statuses is not None:
        keep &= events["source_status"].isin(wanted.statuses)
    if wanted.companies is not None:
        chosen = set(wanted.companies)
        keep &= events["companies"].map(lambda ids: not chosen.isdisjoint(ids))
    return rows_containing(events[keep], wanted.text, SEARCHED_COLUMNS)


def empty_message(wanted: EventFilter, *, lang: str = ENGLISH) -> str:
    """What to say when no event matches, and which filters to widen."""
    _ = translator(lang)
    hints = []
    if wanted.text:
        hints.append(_("clear the search"))
    for name, chosen in (("categories", wanted.categories), ("companies", wanted.companies),
                         ("statuses", wanted.statuses)):
        if chosen is not None:
            none_chosen, some_chosen = WIDEN[name]
            hints.append(_(some_chosen if chosen else none_chosen))
    hints.append(_("widen the date range"))
    return _("No events match these filters. To see more, {hints} in the sidebar.", hints=_.join(hints))


# --- what each event shows ------------------------------------------------------------------

def when_text(row, *, lang: str = ENGLISH) -> str:
    """The date (or period) at the precision it is known to: March 2002, 1 April 2023 – 31 March 2025."""
    _ = translator(lang)
    start = _.date(row["date"], row["date_precision"])
    if pd.isna(row["end_date"]) or row["end_date"] == row["date"]:
        return start
    return _("{start} – {end}", start=start, end=_.date(row["end_date"], "day"))


def company_names(events: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.Series:
    join = translator(lang).join
    return events["companies"].map(lambda ids: join(names.get(i, i) for i in ids))


def table_frame(events: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The events as the table under the chart shows them (the id stays, for the selection; `date` too, for
    sorting: the page shows neither)."""
    _ = translator(lang)
    shown = events.sort_values("date", kind="stable")
    return pd.DataFrame({
        "id": shown["id"],
        _("when"): shown.apply(when_text, axis=1, lang=lang) if len(shown) else pd.Series(dtype=str),
        _("title"): shown["title"],
        _("category"): shown["category"].map(lambda value: CATEGORY.label(value, lang)),
        _("companies"): company_names(shown, names, lang=lang),
        _("value"): shown["value"],
        _("unit"): shown["unit"],
        _("status"): shown["source_status"].map(lambda value: SOURCE_STATUS.label(value, lang)),
        "source_url": shown["source_url"],
        "date": shown["date"],
    }).reset_index(drop=True)


# --- lanes ----------------------------------------------------------------------------------

def lane_items(events: pd.DataFrame, lanes: str, names: pd.Series,
               companies: Sequence[str] | None = None, *, lang: str = ENGLISH) -> pd.DataFrame:
    """One row per event and lane it is drawn in, with the lane's label.

    By category each event has one lane; by company it has one per company involved (only
    the `companies` asked for, when given), so a Renault–Nissan deal shows in both lanes.
    """
    items = events.assign(last_day=events["end_date"].fillna(events["date"]))
    if lanes == "category":
        items = items.assign(lane=items["category"])
        order = [c for c in EVENT_CATEGORIES if c in set(items["lane"])]
    else:
        items = items.assign(lane=items["companies"].map(list)).explode("lane")
        if companies is not None:
            items = items[items["lane"].isin(companies)]
        counts = items.groupby("lane")["id"].count()
        first = items.groupby("lane")["date"].min()
        order = sorted(counts.index, key=lambda c: (-counts[c], first[c], c))
    labels = {lane: (CATEGORY.label(lane, lang) if lanes == "category" else names.get(lane, lane)) for lane in order}
    if len(order) > MAX_LANES:  # the companies with the fewest events share the last lane, each event once
        others = set(order[MAX_LANES - 1:])
        items = items.assign(lane=items["lane"].where(~items["lane"].isin(others), OTHERS))
        items = items.drop_duplicates(["id", "lane"])
        order = [*order[:MAX_LANES - 1], OTHERS]
        labels[OTHERS] = translator(lang)("{count} other companies", count=len(others))
    positions = {lane: index for index, lane in enumerate(order)}
    return items.assign(lane_label=items["lane"].map(labels), lane_order=items["lane"].map(positions))


def pack_rows(items: pd.DataFrame, gap: pd.Timedelta) -> pd.Series:
    """The sub-row of each item in its lane, so that items close in time do not hide each other.

    Greedy interval packing: each item takes the first row whose last item ended `gap` before it began. A lane
    has at most MAX_ROWS_PER_LANE rows: past them (a crowded period at scale) an item takes the row that frees
    first, and may overlap its neighbour there, rather than make the chart as tall as its events are many.
    """
    rows = pd.Series(0, index=items.index, dtype=int)
    for _, lane in items.sort_values(["lane_order", "date"], kind="stable").groupby("lane_order", sort=False):
        row_ends: list[pd.Timestamp] = []
        for index, item in lane.iterrows():
            end = max(item["last_day"], item["date"] + gap)
            free = next((r for r, last in enumerate(row_ends) if last < item["date"]), None)
            if free is None and len(row_ends) == MAX_ROWS_PER_LANE:
                free = min(range(len(row_ends)), key=row_ends.__getitem__)
            if free is None:
                row_ends.append(end)
                free = len(row_ends) - 1
            else:
                row_ends[free] = end
            rows[index] = free
    return rows


def place(items: pd.DataFrame, span: pd.Timedelta) -> tuple[pd.DataFrame, list[tuple[str, float, float]]]:
    """Each item's y position (lanes top to bottom), and each lane's (label, top, bottom)."""
    if items.empty:
        return items.assign(row=0, y=0.0), []
    items = items.assign(row=pack_rows(items, span * ROW_GAP))
    heights = items.groupby("lane_order")["row"].max() + 1
    tops = heights.cumsum() - heights
    lanes = []
    for order, top in tops.items():
        label = items.loc[items["lane_order"] == order, "lane_label"].iloc[0]
        lanes.append((label, -top + 0.5, -(top + heights[order]) + 0.5))
    y = -(items["lane_order"].map(tops) + items["row"])
    return items.assign(y=y.astype(float)), lanes


# --- the figure -----------------------------------------------------------------------------

def _hover_data(items: pd.DataFrame, names: pd.Series, lang: str) -> list[list[str]]:
    """customdata per point: the id first (the selection maps back to the event through it)."""
    join = translator(lang).join
    return [
        [event_id, plotly_text(when), plotly_text(title), CATEGORY.label(category, lang),
         plotly_text(source_host(url)), SOURCE_STATUS.label(status, lang),
         plotly_text(join(names.get(i, i) for i in companies))]
        for event_id, when, title, category, url, status, companies in zip(
            items["id"], items.apply(when_text, axis=1, lang=lang), items["title"], items["category"],
            items["source_url"], items["source_status"], items["companies"], strict=True)
    ]


def hover_template(lang: str = ENGLISH) -> str:
    """The hover of an event: its title, date, category and companies, then where its source is."""
    _ = translator(lang)
    source = _("Source: %{customdata[4]} (%{customdata[5]})")
    return ("<b>%{customdata[2]}</b><br>%{customdata[1]} · %{customdata[3]}<br>%{customdata[6]}<br>"
            f"{source}<extra></extra>")


def is_period(events: pd.DataFrame) -> pd.Series:
    """Events drawn as bars: those with an end date after their start (a zero-length one is a point)."""
    return events["end_date"].notna() & (events["end_date"] > events["date"])


def timeline_figure(events: pd.DataFrame, names: pd.Series, *, lanes: str = "category",
                    companies: Sequence[str] | None = None, x_range: tuple | None = None,
                    marks: dict[str, pd.Timestamp] | None = None, title: str = "", lang: str = ENGLISH) -> go.Figure:
    """Events on a time axis, in lanes, coloured by category; periods as bars, points as markers.

    The marker's shape says how sure the row is (filled: verified; hollow or crossed: less sure);
    a period's bar is hatched unless verified. Time zooms by dragging; lanes stay fixed.
    `marks` (label → date) are drawn as dotted lines: the turning points of the story.
    Each trace's `meta` names what it draws ("period", "event", "legend"), so tests and readers of the
    spec can find them.
    """
    _ = translator(lang)
    hover = hover_template(lang)
    figure = go.Figure()
    items = lane_items(events, lanes, names, companies, lang=lang)
    low, high = x_range or (items["date"].min(), items["last_day"].max())
    items, lane_bands = place(items, max(pd.Timestamp(high) - pd.Timestamp(low), pd.Timedelta(days=365)))

    for category in EVENT_CATEGORIES:
        of_category = items[items["category"] == category]
        if of_category.empty:
            continue
        color, label = CATEGORY.color(category), CATEGORY.label(category, lang)
        figure.add_scatter(  # the legend is a key (filters are in the sidebar): each category shown, each status
            x=[None], y=[None], mode="markers", name=label, legendgroup="category",
            legendgrouptitle_text=_("Category"), marker={"color": color, "symbol": "square", "size": 11}, meta="legend",
        )
        periods = of_category[is_period(of_category)]
        if len(periods):
            figure.add_bar(
                base=periods["date"], x=(periods["end_date"] - periods["date"]).dt.total_seconds() * 1000,
                y=periods["y"], orientation="h", width=0.5, name=label, showlegend=False,
                meta="period", customdata=_hover_data(periods, names, lang), hovertemplate=hover,
                marker={"color": color, "opacity": 0.55, "line": {"color": color, "width": 1.5},
                        "pattern": {"shape": ["" if s == "verified" else "/" for s in periods["source_status"]]}},
            )
        figure.add_scatter(  # every event has a marker where it begins, periods too: one thing to click
            x=of_category["date"], y=of_category["y"], mode="markers", name=label,
            showlegend=False, meta="event", customdata=_hover_data(of_category, names, lang), hovertemplate=hover,
            marker={"color": color, "size": 12, "line": {"color": color, "width": 2},
                    "symbol": of_category["source_status"].map(SOURCE_STATUS.symbol).tolist()},
        )
    for status in SOURCE_STATUSES:
        figure.add_scatter(
            x=[None], y=[None], mode="markers", name=SOURCE_STATUS.label(status, lang), legendgroup="status",
            legendgrouptitle_text=_("How sure"), meta="legend",
            marker={"color": "#888888", "symbol": SOURCE_STATUS.symbol(status), "size": 11, "line": {"width": 2}},
        )

    _decorate(figure, lane_bands, low, high, title, marks or {})
    return figure


def _decorate(figure: go.Figure, lane_bands, low, high, title: str, marks: dict[str, pd.Timestamp]) -> None:
    bottom_edge = min((bottom for _, _, bottom in lane_bands), default=-0.5)
    rows = 0.5 - bottom_edge  # the rows of all lanes, one y unit each
    height = int(max(MIN_HEIGHT, 170 + ROW_HEIGHT * rows))
    # When the legend sets the height, pad the y range so a row keeps its size and the lanes stay centred.
    y_pad = max(0.0, (height - 140) / ROW_HEIGHT - (rows + 0.7)) / 2
    # Alternate lanes are shaded, in a grey that reads on light and dark themes alike. Shapes are
    # passed as one list: add_hrect/add_vline cost tens of milliseconds each.
    bands = [{"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": bottom, "y1": top,
              "fillcolor": "rgba(128,128,128,0.09)", "line": {"width": 0}, "layer": "below"}
             for i, (_, top, bottom) in enumerate(lane_bands) if i % 2 == 0]
    lines, labels = mark_layout(marks, low, high)
    figure.update_layout(
        title={"text": title},
        height=height,
        margin={"l": 10, "r": 10, "t": 100, "b": 10},
        barmode="overlay",
        hovermode="closest",
        clickmode="event+select",
        # Below the chart, not beside it: on a phone a legend at the side takes half the width.
        legend={"itemclick": False, "itemdoubleclick": False, "tracegroupgap": 10, "orientation": "h",
                "x": 0, "y": -0.06, "yanchor": "top"},
        xaxis={"type": "date", "range": padded_range(low, high), "showgrid": True},
        yaxis={"tickvals": [(top + bottom) / 2 for _, top, bottom in lane_bands],
               "ticktext": [plotly_text(label) for label, _, _ in lane_bands], "showgrid": False, "zeroline": False,
               "range": [bottom_edge - 0.1 - y_pad, 0.6 + y_pad], "fixedrange": True},
        shapes=bands + lines,
        annotations=labels,
    )


# --- text -----------------------------------------------------------------------------------

def era_labels(years: pd.Series) -> pd.Series:
    """Each year's era, labelled by the years of the data it covers, e.g. "2018–2023"."""
    starts = pd.Series([max((s for s in ERA_STARTS if s <= year), default=ERA_STARTS[0]) for year in years],
                       index=years.index)
    spans = years.groupby(starts).agg(["min", "max"])
    labels = {start: f"{low}" if low == high else f"{low}–{high}"
              for start, low, high in zip(spans.index, spans["min"], spans["max"], strict=True)}
    return starts.map(labels)


def summary(events: pd.DataFrame, total: int, *, lang: str = ENGLISH) -> str:
    """The text alternative of the timeline: what it shows, counted by category, era and status."""
    _ = translator(lang)
    if events.empty:
        return _("No events are shown (the data holds {total}).", total=_.number(total))
    years = events["date"].dt.year
    first, last = str(events["date"].min().year), str(events["end_date"].fillna(events["date"]).max().year)
    by_category = events["category"].value_counts()
    # A category counted mid-sentence, in lower case: "2 equity".
    categories = [_("{count} {category}", count=_.number(by_category[c]), category=CATEGORY.label(c, lang).lower())
                  for c in EVENT_CATEGORIES if c in by_category]
    eras = era_labels(years).value_counts(sort=False)
    in_eras = [_("{count} in {era}", count=_.number(eras[era]), era=era) for era in sorted(eras.index)]
    by_status = events["source_status"].value_counts()
    statuses = [_(STATUS_COUNTED[s], count=_.number(by_status[s])) for s in SOURCE_STATUSES if s in by_status]
    busiest = years.value_counts().sort_index()
    peak = busiest.idxmax()
    periods = int(is_period(events).sum())
    if len(events) < total:
        shown = _("The timeline shows {count} of the {total} events, from {first} to {last}.",
                  count=_.number(len(events)), total=_.number(total), first=first, last=last)
    elif total == 1:
        shown = _("The timeline shows the one event, from {first} to {last}.", first=first, last=last)
    else:
        shown = _("The timeline shows all {total} events, from {first} to {last}.", total=_.number(total),
                  first=first, last=last)
    return " ".join([
        shown,
        _("By category: {counts}.", counts=_.join(categories)),
        _("By period: {counts}.", counts=_.join(in_eras)),
        _("The busiest year is {year} ({count} events).", year=str(peak), count=_.number(busiest[peak])),
        _("{count} of them span a period rather than a single date.", count=_.number(periods)),
        _("Sources: {counts}.", counts=_.join(statuses)),
    ])


def card_markdown(event: pd.Series, names: pd.Series, *, lang: str = ENGLISH) -> str:
    """An event's card: date at its precision, category, summary, figure, companies and status."""
    _ = translator(lang)
    companies = _.join(names.get(i, i) for i in event["companies"])
    figure = ""
    if pd.notna(event["value"]):
        figure = "\n\n" + _("**Figure:** {value} {unit}", value=_.number(event["value"]),
                            unit=escape_markdown(event["unit"])).rstrip()
    tags = _.join(event["tags"])
    status = SOURCE_STATUS.label(event["source_status"], lang)
    return (
        f"**{escape_markdown(when_text(event, lang=lang))}** · "
        f"{escape_markdown(CATEGORY.label(event['category'], lang))}\n\n"
        f"{escape_markdown(event['summary'])}{figure}\n\n"
        + _("**Companies:** {companies}", companies=escape_markdown(companies))
        + ("  \n" + _("**Tags:** {tags}", tags=escape_markdown(tags)) if tags else "")
        + "  \n" + _("**Source status:** {status}", status=escape_markdown(status))
        + ("  \n" + _("**Note:** {note}", note=escape_markdown(event["note"])) if event["note"] else "")
    )

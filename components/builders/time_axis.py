"""What the History page's two time charts share: the padded date axis and the turning points marked on it."""

from __future__ import annotations

import pandas as pd

from components.builders.text import plotly_text
from components.i18n import ENGLISH, N_, translator

# The turning points the charts mark (those in the data): event id → a short label; the year comes from the data.
TURNING_POINTS = {
    "alliance-signed": N_("alliance"),
    "nissan-mitsubishi-completed": N_("Mitsubishi"),
    "ghosn-arrested": N_("Ghosn arrest"),
    "new-alliance-in-force": N_("rebalanced"),
    "honda-nissan-merger-ended": N_("Honda off"),
}
# Room either side of the shown dates, so markers at the ends are not cut in half: at least this much, and a
# share of the span, so that a phone-wide chart (fewer pixels a year) still has a marker's width to spare.
PADDING = pd.Timedelta(days=120)
PADDING_SHARE = 0.05


def padded_range(low, high) -> list[pd.Timestamp]:
    low, high = pd.Timestamp(low), pd.Timestamp(high)
    pad = max(PADDING, (high - low) * PADDING_SHARE)
    return [low - pad, high + pad]


def turning_points(events: pd.DataFrame, *, lang: str = ENGLISH) -> dict[str, pd.Timestamp]:
    """The turning points present in `events`: label → date."""
    _ = translator(lang)
    present = events.drop_duplicates("id").set_index("id")["date"] if len(events) else pd.Series(dtype=object)
    return {_("{year}: {label}", year=str(present[event_id].year), label=_(label)): present[event_id]
            for event_id, label in TURNING_POINTS.items() if event_id in present}


def mark_layout(marks: dict[str, pd.Timestamp], low, high) -> tuple[list[dict], list[dict]]:
    """The turning points within [low, high]: dotted lines, and labels on four levels so close ones stay legible,
    on a phone and in Chinese (wider labels) too: only the first and the fifth share a level, at opposite ends."""
    low, high = pd.Timestamp(low), pd.Timestamp(high)
    inside = [(label, day) for label, day in marks.items() if low <= day <= high]
    middle = low + (high - low) / 2
    lines = [{"type": "line", "xref": "x", "x0": day, "x1": day, "yref": "paper", "y0": 0, "y1": 1,
              "line": {"dash": "dot", "width": 1, "color": "rgba(128,128,128,0.8)"}} for _, day in inside]
    labels = [{"x": day, "y": 1, "yref": "paper", "yanchor": "bottom", "yshift": 2 + 15 * (i % 4),
               "xanchor": "left" if day < middle else "right", "text": plotly_text(label), "showarrow": False,
               "font": {"size": 11}, "hovertext": plotly_text(label)} for i, (label, day) in enumerate(inside)]
    return lines, labels

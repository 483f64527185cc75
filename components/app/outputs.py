"""What every page shows the same way: charts with their text description and downloads, tables and their
CSV downloads, and the sidebar's shared part. (The inputs bound to the address are in filters.py.)"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.builders import exports
from components.builders.text import SOURCE_HOST, escape_markdown
from components.data.contract import DATASETS

IMAGE_FORMAT_KEY = "image_format"


def sidebar_chrome() -> None:
    """What every page shows in the sidebar, under the navigation."""
    with st.sidebar:
        st.segmented_control(
            "Chart camera saves", ["png", "svg"], default="png", required=True, key=IMAGE_FORMAT_KEY,
            format_func=str.upper, persist_state="session",
            help="The format of the camera button in each chart's toolbar (scale 2).",
        )
        st.caption("Every filter is kept in the page's address: copy it to share exactly this view.")


# --- charts and tables ----------------------------------------------------------------------

def chart(figure: go.Figure, *, title: str, alt: str, key: str, on_select: str | Callable = "ignore",
          selection_mode: str | Sequence[str] = ("points",)):
    """Draw a Plotly figure with its text alternative and an interactive-HTML download.

    The toolbar's camera saves PNG or SVG (the sidebar choice) at scale 2, named after `title`.
    Returns the selection state when `on_select="rerun"`.
    """
    config = exports.image_config(title, st.session_state.get(IMAGE_FORMAT_KEY, "png"))
    state = st.plotly_chart(figure, key=key, config=config, alt=alt, on_select=on_select,
                            selection_mode=selection_mode)
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.caption(f"**Text description.** {escape_markdown(alt)}")
    right.download_button(
        "Chart as HTML", data=lambda: exports.figure_html(figure, title),
        file_name=f"{exports.file_stem(title)}.html", mime="text/html", on_click="ignore",
        key=f"{key}_html", icon=":material/download:", help="An interactive copy of this chart that works offline.",
    )
    return state


def table_downloads(filtered: pd.DataFrame, full: pd.DataFrame, *, name: str, key: str) -> None:
    """Two CSV downloads: the rows shown, and the whole dataset (both spreadsheet-safe)."""
    stem = exports.file_stem(name)
    left, right = st.columns(2)
    left.download_button(
        f"Filtered rows ({len(filtered)}) as CSV", data=lambda: exports.csv_bytes(filtered),
        file_name=f"{stem}-filtered.csv", mime="text/csv", on_click="ignore", key=f"{key}_filtered",
        icon=":material/download:",
    )
    right.download_button(
        f"All rows ({len(full)}) as CSV", data=lambda: exports.csv_bytes(full),
        file_name=f"{stem}.csv", mime="text/csv", on_click="ignore", key=f"{key}_full",
        icon=":material/download:",
    )


def source_column(label: str = "Source") -> st.column_config.LinkColumn:
    return st.column_config.LinkColumn(label, display_text=SOURCE_HOST.pattern)


def column_config(dataset: str) -> dict:
    """st.dataframe settings for a contract dataset: dates shown as dates, sources as links."""
    config = {column.name: st.column_config.DateColumn(column.name) for column in DATASETS[dataset].columns
              if column.kind == "date"}
    config["source_url"] = source_column()
    return config

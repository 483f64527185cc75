"""The few Streamlit building blocks every page shares: charts, tables, downloads and URL-bound filters.

Each filter is bound to the URL (`bind="query-params"`), so a copied link reopens the same view.
Streamlit drops a URL value it cannot use; these wrappers first read the raw value and say
what was ignored, so a reader of a broken link knows why the view differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

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


# --- URL-bound filters ----------------------------------------------------------------------

def _raw(key: str) -> list[str]:
    return st.query_params.get_all(key)


def _ignored(key: str, raw: list[str], why: str) -> None:
    shown = ", ".join(raw)
    st.warning(f"Ignored `{key}={shown}` from the link: {why}.", icon=":material/link_off:")


def _check_choices(key: str, options: Sequence, format_func: Callable, *, single: bool = False) -> None:
    """Say which of the URL's values for `key` are not among the options (Streamlit drops them)."""
    labels = {format_func(option) for option in options}
    raw = _raw(key)[-1:] if single else _raw(key)
    unknown = [value for value in raw if value and value not in labels]
    if unknown:
        _ignored(key, unknown, "not among the choices")


def multiselect(label: str, options: Sequence, *, key: str, format_func: Callable = str,
                help: str | None = None, default: Sequence | None = None, placeholder: str | None = None) -> list:
    """All options selected by default (or `default`); an empty selection means "none".

    A long list (dozens of companies) reads better empty by default, with a placeholder saying
    that empty means "any": pass `default=()` and say so in `placeholder`.
    """
    _check_choices(key, options, format_func)
    return st.multiselect(label, options, default=list(options if default is None else default), key=key,
                          format_func=format_func, help=help, placeholder=placeholder, bind="query-params")


def selectbox(label: str, options: Sequence, *, key: str, format_func: Callable = str,
              help: str | None = None):
    _check_choices(key, options, format_func, single=True)
    return st.selectbox(label, options, key=key, format_func=format_func, help=help, bind="query-params")


def segmented(label: str, options: Sequence, *, key: str, format_func: Callable = str,
              help: str | None = None):
    """One of a few options as a button row; the first is the default, and one is always chosen."""
    _check_choices(key, options, format_func, single=True)
    return st.segmented_control(label, options, default=options[0], required=True, key=key,
                                format_func=format_func, help=help, bind="query-params")


def text_search(label: str, *, key: str, placeholder: str = "", help: str | None = None) -> str:
    return st.text_input(label, key=key, placeholder=placeholder, help=help, bind="query-params").strip()


def year_range(label: str, low: int, high: int, *, key: str, help: str | None = None) -> tuple[int, int]:
    raw = _raw(key)
    if raw and not _valid_range(raw, low, high, int):
        _ignored(key, raw, f"not two years between {low} and {high}")
    return st.slider(label, low, high, (low, high), key=key, help=help, bind="query-params")


def date_range(label: str, low: date, high: date, *, key: str, help: str | None = None) -> tuple[date, date]:
    raw = _raw(key)
    if raw and not _valid_range(raw, low, high, _url_date):
        _ignored(key, raw, f"not two dates (YYYY-MM-DD) between {low} and {high}")
    return st.slider(label, low, high, (low, high), key=key, help=help, format="YYYY-MM-DD", bind="query-params")


def date_point(label: str, low: date, high: date, default: date, *, key: str, help: str | None = None) -> date:
    raw = _raw(key)
    if raw and not _valid_range(raw[-1:], low, high, _url_date):
        _ignored(key, raw, f"not a date (YYYY-MM-DD) between {low} and {high}")
    return st.slider(label, low, high, default, key=key, help=help, format="YYYY-MM-DD", bind="query-params")


def toggle(label: str, *, key: str, value: bool = False, help: str | None = None) -> bool:
    raw = _raw(key)
    if raw and raw[-1].lower() not in ("true", "false"):
        _ignored(key, raw, "not true or false")
    return st.toggle(label, value=value, key=key, help=help, bind="query-params")


def _url_date(value: str) -> date:
    """A date from the URL: YYYY-MM-DD as a person writes it, or microseconds since 1970 (UTC) as Streamlit
    writes a bound date slider's value when the reader moves it."""
    if value.isdigit():
        try:
            return (datetime(1970, 1, 1) + timedelta(microseconds=int(value))).date()
        except OverflowError as error:
            raise ValueError(value) from error
    return date.fromisoformat(value)


def _valid_range(raw: list[str], low, high, parse) -> bool:
    try:
        values = [parse(value) for value in raw]
    except ValueError:
        return False
    return 1 <= len(values) <= 2 and all(low <= value <= high for value in values)

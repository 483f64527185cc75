"""What is kept between reruns, in one place: built figures, tables worked out from whole datasets, and the
network's layout and page.

A click on a chart, or a filter elsewhere on the page, reruns the page; a figure whose inputs did not change
then comes from the cache instead of being built again. Figures are cached as their JSON-ready dicts and
revived without plotly's validation, which they passed when they were built: reviving a validated figure
costs about 2 ms where validating it again costs about 100 ms for the History timeline.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.builders import network

_BUILDERS: dict[str, Callable[..., go.Figure]] = {}


@st.cache_data(show_spinner=False, max_entries=128)
def _spec(builder: str, args: tuple, kwargs: tuple) -> dict:
    return _BUILDERS[builder](*args, **dict(kwargs)).to_dict()


def revive(spec: dict) -> go.Figure:
    """A figure from the dict of a figure that was validated when it was built."""
    return go.Figure(spec, _validate=False)


def _named(build: Callable) -> str:
    name = f"{build.__module__}.{build.__qualname__}"
    _BUILDERS.setdefault(name, build)
    return name


def figure(build: Callable[..., go.Figure], *args, **kwargs) -> go.Figure:
    """`build(*args, **kwargs)`, built once for each distinct input."""
    return revive(_spec(_named(build), args, tuple(sorted(kwargs.items()))))


@st.cache_data(show_spinner=False, max_entries=16)
def _frame(builder: str, args: tuple, kwargs: tuple) -> pd.DataFrame:
    return _BUILDERS[builder](*args, **dict(kwargs))


def frame(build: Callable[..., pd.DataFrame], *args, **kwargs) -> pd.DataFrame:
    """`build(*args, **kwargs)`, a table worked out from whole datasets, once for each distinct input (Plan's
    targets against the data: at 100 times the data, 1,200 targets each counted over 1,400 models took 0.9 s)."""
    return _frame(_named(build), args, tuple(sorted(kwargs.items())))


@st.cache_data(show_spinner=False, max_entries=4)
def network_layout(links: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Where each company of `links` sits (network.layout), laid out once for each set of ties."""
    return network.layout(links)


def network_page(shown: pd.DataFrame, companies: pd.DataFrame, *, positions: dict[str, tuple[float, float]],
                 **options) -> str:
    """The network's standalone HTML page (network.network_html: pyvis and its template cost tens of milliseconds to
    fill), kept for the companies and places of the ties drawn only: those are all the page uses, and hashing
    thousands of them on every run, as the whole data at scale would need, costs tens of milliseconds."""
    drawn = set(shown["source"]) | set(shown["target"])
    return _network_page(shown, companies[companies["id"].isin(drawn)],
                         positions={company: place for company, place in positions.items() if company in drawn},
                         **options)


@st.cache_data(show_spinner=False, max_entries=16)
def _network_page(shown: pd.DataFrame, companies: pd.DataFrame, *, title: str, caption: str, credit: str,
                  positions: dict[str, tuple[float, float]], color_by: str, focus: str | None, dark: bool,
                  lang: str) -> str:
    return network.network_html(shown, companies, title=title, caption=caption, credit=credit, positions=positions,
                                color_by=color_by, focus=focus, dark=dark, lang=lang)

"""The builders whose results are kept between reruns, in one place, with explicit signatures.

A click on a chart reruns its page with the same filters; these figures and the network's layout then
come from the cache. Figures are cached as dicts: a Figure's JSON key order changes when it is unpickled,
and a chart whose spec changes between runs loses the reader's selection.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.builders import network, stakes_chart, timeline


@st.cache_data(show_spinner=False, max_entries=32)
def _timeline_spec(events: pd.DataFrame, names: dict[str, str], lanes: str, companies: tuple[str, ...] | None,
                   x_range: tuple, marks: dict[str, pd.Timestamp], title: str) -> dict:
    return timeline.timeline_figure(events, names, lanes=lanes, companies=companies, x_range=x_range, marks=marks,
                                    title=title).to_dict()


def timeline_figure(events: pd.DataFrame, names: dict[str, str], *, lanes: str, companies: tuple[str, ...] | None,
                    x_range: tuple, marks: dict[str, pd.Timestamp], title: str) -> go.Figure:
    return go.Figure(_timeline_spec(events, names, lanes, companies, x_range, marks, title))


@st.cache_data(show_spinner=False, max_entries=32)
def _stakes_spec(points: pd.DataFrame, names: dict[str, str], colors: dict[str, str], x_range: tuple,
                 marks: dict[str, pd.Timestamp], title: str) -> dict:
    return stakes_chart.stakes_figure(points, names, colors, x_range=x_range, marks=marks, title=title).to_dict()


def stakes_figure(points: pd.DataFrame, names: dict[str, str], colors: dict[str, str], *, x_range: tuple,
                  marks: dict[str, pd.Timestamp], title: str) -> go.Figure:
    return go.Figure(_stakes_spec(points, names, colors, x_range, marks, title))


@st.cache_data(show_spinner=False, max_entries=4)
def network_layout(links: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Where each company sits: one layout of every tie ever, so a company keeps its place as the date moves."""
    return network.layout(links)

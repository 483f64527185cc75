"""Floor for chart pages (History, Plan, Partners, Data): one small Plotly chart drawn with st.plotly_chart.

Its three widgets are the kinds the app's chart pages are filtered with (a segmented control, a selectbox,
a multiselect), so that render.py can time each page's filter change against the same interaction here.
"""

import plotly.graph_objects as go
import streamlit as st

SERIES = ("alpha", "beta", "gamma", "delta")
YEARS = list(range(2015, 2026))

st.set_page_config(page_title="Plotly floor", layout="wide")
st.title("Plotly floor")
mode = st.segmented_control("Draw", ["lines", "markers"], default="lines", required=True, key="mode")
step = st.selectbox("Step", [1, 2, 3], key="step")
shown = st.multiselect("Series", SERIES, default=list(SERIES), key="series")

figure = go.Figure([
    go.Scatter(x=YEARS, y=[(year - 2014) * step * (index + 1) for year in YEARS], mode=mode, name=name)
    for index, name in enumerate(SERIES) if name in shown
])
figure.update_layout(title="A small chart", height=360, margin={"t": 40, "b": 30})
st.plotly_chart(figure, key="chart")

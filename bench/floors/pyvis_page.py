"""Floor for the Network page: one small pyvis network (~30 nodes) drawn the default pyvis way.

Network(...).generate_html() shown with st.iframe, pyvis's default options (physics on) except
cdn_resources="in_line", since a page that loads vis-network from a CDN draws nothing offline. The
buttons switch between networks, as the Network page's date presets do, so that a filter change has a
floor too.
"""

import random

import streamlit as st
from pyvis.network import Network

NODES = 30
SEEDS = (1999, 2016, 2023)


def network_html(seed: int) -> str:
    """A connected random network: a spanning tree plus a few extra ties."""
    rng = random.Random(seed)
    network = Network(height="500px", width="100%", cdn_resources="in_line")
    for node in range(NODES):
        network.add_node(node, label=f"Company {node}")
    for node in range(1, NODES):
        network.add_edge(node, rng.randrange(node))
    for _ in range(NODES // 3):
        network.add_edge(*rng.sample(range(NODES), 2))
    return network.generate_html()


st.set_page_config(page_title="Pyvis floor", layout="wide")
st.title("Pyvis floor")
if "seed" not in st.session_state:
    st.session_state.seed = SEEDS[-1]
for column, seed in zip(st.columns(len(SEEDS)), SEEDS, strict=True):
    column.button(str(seed), key=f"seed_{seed}", width="stretch", on_click=st.session_state.update,
                  kwargs={"seed": seed}, type="primary" if seed == st.session_state.seed else "secondary")
st.iframe(network_html(st.session_state.seed), height=560)

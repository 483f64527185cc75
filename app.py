"""Alliance Explorer: the entry point. It builds the navigation and the shared sidebar, nothing else."""

import streamlit as st

from components import site, ui

st.set_page_config(page_title="Alliance Explorer", page_icon="🚗", layout="wide")
page = st.navigation(site.navigation())
ui.sidebar_chrome()
page.run()

"""Alliance Explorer: the entry point. It builds the navigation and the shared sidebar, nothing else."""

import streamlit as st

from components.app import site, widgets

st.set_page_config(page_title="Alliance Explorer", page_icon="🚗", layout="wide")
page = st.navigation(site.navigation())
widgets.sidebar_chrome()
page.run()

"""Alliance Explorer: the entry point. It builds the navigation and the shared sidebar, nothing else."""

import streamlit as st

from components.app import filters, outputs, site, store

st.set_page_config(page_title="Alliance Explorer", page_icon="🚗", layout="wide")
page = st.navigation(site.navigation())
filters.new_run()
outputs.sidebar_chrome(page.title)
store.own_data_banner()
with site.last_resort_guard():
    page.run()

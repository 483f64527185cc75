"""Alliance Explorer: the entry point. It builds the navigation and the shared sidebar, nothing else."""

import streamlit as st

from components.app import filters, language, outputs, site, store

_ = language.messages()
st.set_page_config(page_title=_("Alliance Explorer"), page_icon="🚗", layout="wide")
page = st.navigation(site.navigation(_.lang))
filters.new_run()
language.switch()
outputs.sidebar_chrome(page.title)
store.own_data_banner()
with site.last_resort_guard():
    page.run()

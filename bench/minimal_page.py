"""The yardstick: the smallest useful Streamlit page. Every page's rerun is measured against it."""

import streamlit as st

st.title("Minimal page")
st.write("Nothing to compute.")

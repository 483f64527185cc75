"""Floor for pages of text and tables (Overview): a minimal st.write page, with one segmented control.

render.py times the app's pages against this page in the same run; the control is there so that a filter
change has a floor too (a click on a segmented control, as on the app's sidebar "Chart camera saves").
"""

import streamlit as st

st.set_page_config(page_title="Write floor", layout="wide")
st.title("Write floor")
choice = st.segmented_control("Format", ["png", "svg"], default="png", required=True, key="format")
st.write(f"Nothing to compute; the format chosen is {choice}.")

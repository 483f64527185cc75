"""Data and sources: the dictionary, every dataset as a searchable table, sources and their status, downloads."""

import streamlit as st

from components.app import store, widgets
from components.builders import catalog, exports
from components.data.contract import DATASETS

st.title("Data and sources")
result = store.load()
st.markdown(
    f"Eight CSV files from the data folder `{result.data_dir}`. Every row cites one public source and says "
    "how sure it is: **verified**, **conflicting** (sources differ: see the note), **press report** (one "
    "outlet's report) or **unverified** (shown as such). Point the app at another folder with the "
    "`ALLIANCE_DATA_DIR` environment variable."
)
if result.problems:
    st.error(f"{len(result.problems)} problem(s) in this data folder; the datasets concerned are left out "
             "below, and the pages that need them say so.", icon=":material/error:")
    st.dataframe(store.problems_frame(result.problems), hide_index=True, width="stretch")

frames = result.frames

st.header("Browse a dataset")
with st.sidebar:
    st.subheader("Filters")
    file_name = widgets.selectbox("Dataset", [dataset.file_name for dataset in DATASETS.values()], key="dataset")
    query = widgets.text_search("Search the rows", key="q", placeholder="e.g. Ghosn, AmpR, Honda")
name = file_name.removesuffix(".csv")
dataset = DATASETS[name]
st.caption(f"**{dataset.title}.** {dataset.description}")
if name in frames:
    full = frames[name]
    shown = catalog.search(full, query)
    st.write(f"{len(shown)} of {len(full)} rows" + (f" contain “{query}”" if query else ""))
    st.dataframe(shown, hide_index=True, width="stretch", column_config=widgets.column_config(name))
    widgets.table_downloads(shown, full, name=dataset.title, key=f"table_{name}")
else:
    st.warning(f"{dataset.file_name} has problems (listed above), so it can't be shown.")
with st.expander(f"Data dictionary: {dataset.file_name}", expanded=not query):
    st.dataframe(catalog.dictionary_frame(dataset), hide_index=True, width="stretch")

if frames:
    st.header("How sure the rows are")
    counts = catalog.status_counts(frames)
    widgets.chart(catalog.status_chart(counts), title="Source status by dataset",
             alt=catalog.status_summary(counts), key="status_chart")

    st.header("Sources")
    sources = catalog.sources_frame(frames)
    st.caption(f"{len(sources)} distinct public addresses are cited.")
    st.dataframe(sources, hide_index=True, width="stretch",
                 column_config={"source_url": st.column_config.LinkColumn("Source")})
    widgets.table_downloads(catalog.search(sources, query), sources, name="Sources", key="sources")

st.header("Known errors in press coverage")
if "events" in frames:
    plan = catalog.plan_misdating(frames["events"])
    st.markdown(plan.text)
    st.link_button("Source for the correct date", plan.source_url, icon=":material/open_in_new:")

st.header("Download everything")
st.write("Each file as CSV (cells that a spreadsheet would run as a formula are neutralised), or all in one zip.")
if frames:
    files = {DATASETS[n].file_name: lambda n=n: exports.csv_bytes(frames[n]) for n in frames}
    st.download_button(
        f"All {len(frames)} datasets (zip)",
        data=lambda: exports.zip_bytes({file: make() for file, make in files.items()}),
        file_name="alliance-explorer-data.zip", mime="application/zip", on_click="ignore",
        icon=":material/folder_zip:", type="primary", key="zip_all",
    )
    columns = st.columns(4)
    for i, (file, make) in enumerate(files.items()):
        columns[i % 4].download_button(file, data=make, file_name=file, mime="text/csv", on_click="ignore",
                                       icon=":material/download:", key=f"file_{file}")
st.download_button("Data dictionary (Markdown)", data=catalog.dictionary_markdown(), file_name="DICTIONARY.md",
                   mime="text/markdown", on_click="ignore", icon=":material/description:", key="dictionary")

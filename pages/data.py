"""Data and sources: the dictionary, every dataset as a searchable table, the fact check, sources, downloads."""

import streamlit as st

from components.app import cached, filters, outputs, store
from components.builders import catalog, exports, fact_check, story
from components.builders.text import escape_markdown, rows_containing
from components.data import uploads
from components.data.contract import ANCHORS, DATASETS

CLAIM = "claim"  # the fact-check claim whose card is open, kept in the address
UPLOAD, UPLOAD_NOTES = "upload", "upload_notes"


def take_upload() -> None:
    """Read the files just uploaded and, for this session only, show every page with them."""
    files = st.session_state[UPLOAD] or []
    limit = st.get_option("server.maxUploadSize") * 1_000_000
    upload = uploads.read_upload([(file.name, file.getvalue()) for file in files], limit)
    st.session_state[UPLOAD_NOTES] = upload.notes
    if upload.files:
        store.use_own_data(upload)

st.title("Data and sources")
result = store.load()
frames = result.frames
st.markdown(
    f"{len(DATASETS)} CSV files. Every row cites one public source and says how sure it is: **verified** (the "
    "page states the claim, its date and its figure), **conflicting** (sources differ: see the note), **press "
    "report** (one outlet's report) or **unverified** (shown as such)."
)
if result.problems:
    st.error(f"{len(result.problems)} problem(s) in the data; the datasets concerned are left out below, and the "
             "pages that need them say so.", icon=":material/error:")
    st.dataframe(store.problems_frame(result.problems), hide_index=True, width="stretch")
store.say_missing(story.missing_anchors(frames, ANCHORS))
changes = store.changelog()
if changes:
    with st.expander("What changed in the data (changelog)"):
        st.markdown(changes.split("\n", 1)[1])

st.header("Browse a dataset")
left, right = st.columns([1, 2])
with left:
    name = filters.selectbox("Dataset", list(DATASETS), key="dataset",
                             format_func=lambda n: f"{DATASETS[n].title} ({DATASETS[n].file_name})")
with right:
    query = filters.text_search("Search the rows", key="q", placeholder="e.g. Ghosn, AmpR, Honda")
dataset = DATASETS[name]
st.caption(f"**{escape_markdown(dataset.title)}.** {escape_markdown(dataset.description)}")
if name in frames:
    full = frames[name]
    shown = rows_containing(full, query)
    st.write(f"{len(shown)} of {len(full)} rows" + (f" contain “{escape_markdown(query)}”" if query else ""))
    st.dataframe(shown, hide_index=True, width="stretch", column_config=outputs.column_config(name))
    outputs.table_downloads(shown, full, name=dataset.title, key=f"table_{name}")
else:
    st.warning(f"{dataset.file_name} has problems (listed above), so it can't be shown.")
with st.expander(f"Data dictionary: {dataset.file_name}", expanded=not query):
    st.dataframe(catalog.dictionary_frame(dataset), hide_index=True, width="stretch")

st.header("Fact check of the article this story follows")
claims = store.optional("claims")
if claims is None or claims.empty:
    st.info("The fact check is not available: claims.csv has problems (listed above) or no rows.")
else:
    st.markdown(
        "The story this app tells follows a Chinese-language press article of late 2025 on Nissan's search for "
        "partners. Each of its factual claims, checked against public reporting. Claims that no public page "
        "confirms stay here as **not found**; they are not used anywhere else in the app."
    )
    outputs.chart(cached.figure(fact_check.verdict_chart, claims), title="Fact check: claims by verdict",
                  alt=fact_check.summary(claims), key="verdict_chart")
    by_id = claims.set_index("id")
    claim_table = fact_check.table(claims)
    st.dataframe(claim_table, hide_index=True, width="stretch", key="claims_table", selection_mode="single-row",
                 on_select=filters.open_from_table(CLAIM, "claims_table", claim_table["id"].tolist()),
                 column_order=[c for c in claim_table.columns if c != "id"],
                 column_config={"source_url": outputs.source_column()})
    picked = filters.selectbox("Claim card", [None, *claims["id"]], key=CLAIM,
                               placeholder="No card open: pick one, or click a row of the table",
                               format_func=lambda c: "(no card)" if c is None else by_id.loc[c, "claim_en"],
                               help="Clicking a row of the table opens its card too.")
    if picked:
        with st.container(border=True, key="claim_card"):
            st.markdown(fact_check.card_markdown(by_id.loc[picked]))
            st.link_button("Source", by_id.loc[picked, "source_url"], icon=":material/open_in_new:")
    outputs.table_downloads(claim_table, claim_table, name="Fact check", key="claims_downloads")

if frames:
    st.header("How sure the rows are")
    counts = catalog.status_counts(frames)
    outputs.chart(cached.figure(catalog.status_chart, counts), title="Source status by dataset",
                  alt=catalog.status_summary(counts), key="status_chart")

    st.header("Sources")
    sources = catalog.sources_frame(frames)
    st.caption(f"{len(sources)} distinct public addresses are cited.")
    st.dataframe(sources, hide_index=True, width="stretch",
                 column_config={"source_url": st.column_config.LinkColumn("Source")})
    outputs.table_downloads(rows_containing(sources, query), sources, name="Sources", key="sources")

st.header("Use your own data")
st.markdown(
    "Explore your own version of the data: upload CSV files named like the datasets above (or one zip of them, "
    "such as the zip below). Each replaces its dataset **for this session only**: nothing is stored, no other "
    "reader sees it, and every page then shows it, checked the same way, until you return to the published data. "
    f"Up to {st.get_option('server.maxUploadSize')} MB a file."
)
st.file_uploader("CSV files or one zip", type=["csv", "zip"], accept_multiple_files=True, key=UPLOAD,
                 on_change=take_upload, help="The data dictionary above says what each file must hold.")
for note in st.session_state.get(UPLOAD_NOTES, []):
    st.warning(escape_markdown(note), icon=":material/info:")

st.header("Download everything")
st.write("Each file as CSV (cells that a spreadsheet would run as a formula are neutralised), or all in one zip: "
         "the data this page shows, ready to upload again.")
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

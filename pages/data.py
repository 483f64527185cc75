"""Data and sources: the dictionary, every dataset as a searchable table, the fact check, sources, downloads."""

import streamlit as st

from components.app import cached, filters, language, outputs, site, store
from components.builders import catalog, exports, fact_check, story
from components.builders.text import escape_markdown, rows_containing
from components.data import uploads
from components.data.contract import ANCHORS, DATASETS, STORY_DATASETS

CLAIM = "claim"  # the fact-check claim whose card is open, kept in the address
UPLOAD, UPLOAD_NOTES = "upload", "upload_notes"


def take_upload() -> None:
    """Read the files just uploaded and, for this session only, show every page with them."""
    files = st.session_state[UPLOAD] or []
    limit = st.get_option("server.maxUploadSize") * 1_000_000
    upload = uploads.read_upload([(file.name, file.getvalue()) for file in files], limit, language.current())
    st.session_state[UPLOAD_NOTES] = upload.notes
    if upload.files:
        store.use_own_data(upload)

_ = language.messages()
lang = _.lang

st.title(_("Data and sources"))
result = store.load()
frames = result.frames  # the files as published (or uploaded): what "Download everything" gives
readable = store.frames()  # the same, their texts in the reader's language: what this page browses
st.markdown(_(
    "{count} CSV files, and their texts' Chinese translations. Every row cites one public source and says how sure "
    "it is: **verified** (the page states the claim, its date and its figure), **conflicting** (sources differ: see "
    "the note), **press report** (one outlet's report) or **unverified** (shown as such).",
    count=len(STORY_DATASETS),
))
if result.problems:
    st.error(_("{count} problem(s) in the data; the datasets concerned are left out below, and the pages that need "
               "them say so.", count=len(result.problems)), icon=":material/error:")
    st.dataframe(store.problems_frame(result.problems, lang), hide_index=True, width="stretch")
store.say_missing(story.missing_anchors(frames, ANCHORS))
changes = store.changelog(lang)
if changes:
    with st.expander(_("What changed in the data (changelog)")):
        st.markdown(changes.split("\n", 1)[1])


@st.fragment  # choosing a dataset or searching reruns this tab only
def browse_a_dataset() -> None:
    """One dataset as a searchable table, with its data dictionary."""
    left, right = st.columns([1, 2])
    with left:
        name = filters.selectbox(_("Dataset"), list(DATASETS), key="dataset",
                                 format_func=lambda n: _("{title} ({file})", title=_(DATASETS[n].title),
                                                         file=DATASETS[n].file_name))
    with right:
        query = filters.text_search(_("Search the rows"), key="q", placeholder=_("e.g. Ghosn, AmpR, Honda"))
    dataset = DATASETS[name]
    st.caption(_("**{title}.** {description}", title=escape_markdown(_(dataset.title)),
                 description=escape_markdown(_(dataset.description))))
    if name in readable:
        full = readable[name]
        shown = rows_containing(full, query)
        if query:
            st.write(_("{shown} of {total} rows contain “{query}”", shown=len(shown), total=len(full),
                       query=escape_markdown(query)))
        else:
            st.write(_("{shown} of {total} rows", shown=len(shown), total=len(full)))
        st.dataframe(shown, hide_index=True, width="stretch", column_config=outputs.column_config(name))
        outputs.table_downloads(shown, full, name=_(dataset.title), key=f"table_{name}")
    else:
        st.warning(_("{file} has problems (listed above), so it can't be shown.", file=dataset.file_name))
    with st.expander(_("Data dictionary: {file}", file=dataset.file_name), expanded=not query):
        st.dataframe(catalog.dictionary_frame(dataset, lang=lang), hide_index=True, width="stretch")


@st.fragment  # a click on a row, or the card picker, reruns this tab only
def fact_check_of_the_article() -> None:
    """The press article's factual claims, each checked against public reporting."""
    claims = store.optional("claims")
    if claims is None or claims.empty:
        st.info(_("The fact check is not available: claims.csv has problems (listed above) or no rows."))
    else:
        st.markdown(_(
            "The story this app tells follows a Chinese-language press article of late 2025 on Nissan's search for "
            "partners. Each of its factual claims, checked against public reporting. Claims that no public page "
            "confirms stay here as **not found**; they are not used anywhere else in the app."
        ))
        outputs.chart(cached.figure(fact_check.verdict_chart, claims, lang=lang),
                      title=_("Fact check: claims by verdict"), alt=fact_check.summary(claims, lang=lang),
                      key="verdict_chart")
        by_id = claims.set_index("id")
        claim_table = fact_check.table(claims, lang=lang)
        st.dataframe(claim_table, hide_index=True, width="stretch", key="claims_table", selection_mode="single-row",
                     on_select=filters.open_from_table(CLAIM, "claims_table", claim_table["id"].tolist()),
                     column_order=[c for c in claim_table.columns if c != "id"],
                     column_config={"source_url": outputs.source_column(_("Source"))})
        picked = filters.card_picker(_("Claim card"), by_id["claim_en"].to_dict(), key=CLAIM,
                                     placeholder=_("No card open: pick one, or click a row of the table"),
                                     help=_("Clicking a row of the table opens its card too."))
        if picked:
            with st.container(border=True, key="claim_card"):
                st.markdown(fact_check.card_markdown(by_id.loc[picked], lang=lang))
                st.link_button(_("Source"), by_id.loc[picked, "source_url"], icon=":material/open_in_new:")
        outputs.table_downloads(claim_table, claim_table, name=_("Fact check"), key="claims_downloads")


def sources_and_how_sure() -> None:
    """How sure the rows of each dataset are, and every public address cited."""
    if not frames:
        st.info(_("No dataset can be read (the problems are listed above), so there are no sources to show."))
        return
    st.subheader(_("How sure the rows are"))
    counts = catalog.status_counts(frames)
    outputs.chart(cached.figure(catalog.status_chart, counts, lang=lang), title=_("Source status by dataset"),
                  alt=catalog.status_summary(counts, lang=lang), key="status_chart")

    st.subheader(_("Sources"))
    sources = catalog.sources_frame(frames, lang=lang)
    st.caption(_("{count} distinct public addresses are cited.", count=len(sources)))
    st.dataframe(sources, hide_index=True, width="stretch",
                 column_config={"source_url": st.column_config.LinkColumn(_("Source"))})
    outputs.table_downloads(sources, sources, name=_("Sources"), key="sources")


def your_own_data() -> None:
    """The reader's own CSV files, for this session only."""
    st.markdown(_(
        "Explore your own version of the data: upload CSV files named like the datasets (or one zip of them, such "
        "as the zip under “Download everything”). Each replaces its dataset **for this session only**: nothing is "
        "stored, no other reader sees it, and every page then shows it, checked the same way, until you return to "
        "the published data. Up to {size} MB a file.", size=st.get_option("server.maxUploadSize"),
    ))
    st.file_uploader(_("CSV files or one zip"), type=["csv", "zip"], accept_multiple_files=True, key=UPLOAD,
                     on_change=take_upload,
                     help=_("The data dictionary, under “Browse a dataset”, says what each file must hold."))
    for note in st.session_state.get(UPLOAD_NOTES, []):
        st.warning(escape_markdown(note), icon=":material/info:")


def download_everything() -> None:
    """Every dataset as CSV, all of them as one zip, and the data dictionary."""
    st.write(_("Each file as CSV (cells that a spreadsheet would run as a formula are neutralised), or all in one zip: "
               "the data this page shows, ready to upload again."))
    if frames:
        files = {DATASETS[n].file_name: lambda n=n: exports.csv_bytes(frames[n]) for n in frames}
        st.download_button(
            _("All {count} datasets (zip)", count=len(frames)),
            data=lambda: exports.zip_bytes({file: make() for file, make in files.items()}),
            file_name="alliance-explorer-data.zip", mime="application/zip", on_click="ignore",
            icon=":material/folder_zip:", type="primary", key="zip_all",
        )
        columns = st.columns(4)
        for i, (file, make) in enumerate(files.items()):
            columns[i % 4].download_button(file, data=make, file_name=file, mime="text/csv", on_click="ignore",
                                           icon=":material/download:", key=f"file_{file}")
    st.download_button(_("Data dictionary (Markdown)"), data=catalog.dictionary_markdown(lang=lang),
                       file_name="DICTIONARY.md", mime="text/markdown", on_click="ignore",
                       icon=":material/description:", key="dictionary")


view, section = filters.tabs(site.SECTIONS["data"], cards={CLAIM: "fact_check"})
with section:
    {"browse": browse_a_dataset, "fact_check": fact_check_of_the_article, "sources": sources_and_how_sure,
     "upload": your_own_data, "downloads": download_everything}[view]()

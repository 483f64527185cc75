"""What every page shows the same way: charts with their text description and downloads, tables and their
CSV downloads, and the sidebar's shared part. (The inputs bound to the address are in filters.py.)"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from datetime import date

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from components.app import filters, language, site, store
from components.builders import exports
from components.builders.text import SOURCE_HOST, escape_markdown
from components.data.contract import DATASETS

IMAGE_FORMAT_KEY = "image_format"
SHARE_KEY = "share_view"  # the sidebar's "Share, embed, cite" popover: open or not


def sidebar_chrome(page_title: str) -> None:
    """What every page shows in the sidebar, under the navigation: share, embed and cite this view; reset it;
    the camera's format."""
    _ = language.messages()
    with st.sidebar:
        share_view(page_title)
        st.button(_("Reset the view"), on_click=filters.reset, icon=":material/restart_alt:", width="stretch",
                  help=_("Every filter back to where the page opens, and any card closed."))
        st.segmented_control(
            _("Chart camera saves"), ["png", "svg"], default="png", required=True, key=IMAGE_FORMAT_KEY,
            format_func=str.upper, persist_state="session",
            help=_("The format of the camera button in each chart's toolbar (scale 2)."),
        )
        st.caption(_("Every filter is kept in the page's address: copy it to share exactly this view."))


def share_view(page_title: str) -> None:
    """Copy the link to this exact view, embed it, or cite it.

    The popover is filled when it is opened (a rerun of its own): the link is then the view's as it is at that
    moment, even after a click that reran only part of the page, and a page's first load draws no code blocks.
    """
    _ = language.messages()
    share = st.popover(_("Share, embed, cite"), icon=":material/share:", width="stretch", key=SHARE_KEY,
                       on_change="rerun")
    if not share.open:
        return
    link = site.view_url()
    embed = link + ("&" if "?" in link else "?") + "embed=true"
    apa, bibtex = exports.citation(page_title, link, store.data_version(), date.today(), _.lang)
    with share:
        st.caption(_("The link to exactly this view (filters and open card included):"))
        st.code(link, language=None, wrap_lines=True)
        st.caption(_("Embed this view in a web page:"))
        frame_title = html.escape(_("Alliance Explorer: {page}", page=page_title))
        st.code(f'<iframe src="{html.escape(embed)}" width="100%" height="900" style="border:0" '
                f'title="{frame_title}"></iframe>', language="html", wrap_lines=True)
        st.caption(_("Cite this view (APA):"))
        st.code(apa, language=None, wrap_lines=True)
        st.caption(_("BibTeX:"))
        st.code(bibtex, language="latex", wrap_lines=True)


# --- charts and tables ----------------------------------------------------------------------

def credit_for(title: str, description: str = "") -> exports.Credit:
    """What a download of this view says of itself: its title, the filters, the source, the link and the date."""
    return exports.Credit(title=title, filters=filters.describe(), source=store.source_line(), link=site.view_url(),
                          accessed=date.today(), description=description, lang=language.current())


def chart(figure: go.Figure, *, title: str, alt: str, key: str, on_select: str | Callable = "ignore",
          selection_mode: str | Sequence[str] = ("points",)):
    """Draw a Plotly figure with its text alternative and an interactive-HTML download.

    The chart carries its title, the filters applied, its source, the link to this view and the date, so the
    toolbar's camera (PNG or SVG, the sidebar choice, at scale 2, named after `title`) saves a chart that
    stands on its own; the HTML download adds the text description.
    Returns the selection state when `on_select="rerun"`.
    """
    _ = language.messages()
    credit = credit_for(title, alt)
    config = exports.image_config(title, st.session_state.get(IMAGE_FORMAT_KEY, "png"), _.lang)
    state = st.plotly_chart(exports.publication(figure, credit), key=key, config=config, alt=alt,
                            on_select=on_select, selection_mode=selection_mode)
    left, right = st.columns([3, 1], vertical_alignment="center")
    left.caption(_("**Text description.** {description}", description=escape_markdown(alt)))
    right.download_button(
        _("Chart as HTML"), data=lambda: exports.figure_html(figure, credit),
        file_name=f"{exports.file_stem(title)}.html", mime="text/html", on_click="ignore",
        key=f"{key}_html", icon=":material/download:", help=_("An interactive copy of this chart that works offline."),
    )
    return state


def on_demand(label: str, *, key: str):
    """A folded expander whose content runs only once the reader opens it: returns it while open, else None.

    For what a page's first view can do without (a table beside the chart that shows the same rows): the page
    appears without it, and it is drawn on the click that opens it.
    """
    expander = st.expander(label, key=key, on_change="rerun")
    return expander if expander.open else None


def table_downloads(filtered: pd.DataFrame, full: pd.DataFrame, *, name: str, key: str,
                    table: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> None:
    """Two CSV downloads (spreadsheet-safe): the rows shown, and the whole dataset.

    `table` writes rows as the page shows them, one line a row (labels in the reader's language); it runs only
    when a reader downloads, so a page doesn't write out tables nobody asked for.
    """
    _ = language.messages()
    stem = exports.file_stem(name)
    written = table or (lambda rows: rows)
    left, right = st.columns(2)
    left.download_button(
        _("Filtered rows ({count}) as CSV", count=_.number(len(filtered))),
        data=lambda: exports.csv_bytes(written(filtered)),
        file_name=f"{stem}-filtered.csv", mime="text/csv", on_click="ignore", key=f"{key}_filtered",
        icon=":material/download:",
    )
    right.download_button(
        _("All rows ({count}) as CSV", count=_.number(len(full))), data=lambda: exports.csv_bytes(written(full)),
        file_name=f"{stem}.csv", mime="text/csv", on_click="ignore", key=f"{key}_full",
        icon=":material/download:",
    )


def source_column(label: str | None = None) -> st.column_config.LinkColumn:
    """A source address shown as its site (example.com), headed "Source" in the reader's language."""
    _ = language.messages()
    return st.column_config.LinkColumn(label or _("Source"), display_text=SOURCE_HOST.pattern)


def column_config(dataset: str) -> dict:
    """st.dataframe settings for a contract dataset: dates shown as dates, sources as links; colour codes, which
    only charts use, are left out of the screen (the downloads keep them)."""
    columns = DATASETS[dataset].columns
    config = {column.name: st.column_config.DateColumn(column.name) for column in columns if column.kind == "date"}
    config |= {column.name: None for column in columns if column.kind == "color"}
    config["source_url"] = source_column()
    return config

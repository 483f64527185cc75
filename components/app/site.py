"""The app's pages, listed once: app.py builds the navigation from this and Overview links to it."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

from components.app import language
from components.i18n import N_, translator

log = logging.getLogger("alliance_explorer")


@dataclass(frozen=True)
class PageSpec:
    path: str
    title: str
    icon: str
    section: str
    blurb: str
    url_path: str


PAGES = (
    PageSpec("pages/overview.py", N_("Overview"), ":material/home:", N_("Alliance Explorer"),
             N_("What the app is, the alliance in headline figures, and where to go next."), "overview"),
    PageSpec("pages/history.py", N_("History"), ":material/timeline:", N_("Explore"),
             N_("The alliance 1999–2025 on a timeline, and its cross-shareholdings over time."), "history"),
    PageSpec("pages/plan.py", N_("Plan"), ":material/ev_station:", N_("Explore"),
             N_("Alliance to 2030: the five EV platforms, their models, and its targets against what happened."),
             "plan"),
    PageSpec("pages/partners.py", N_("Partners"), ":material/handshake:", N_("Explore"),
             N_("Nissan's 2024–2025 talks: who brings what to each, which are reciprocal, and how far each got."),
             "partners"),
    PageSpec("pages/network.py", N_("Network"), ":material/hub:", N_("Explore"),
             N_("The ties between companies on any date since 1999: from one hub to a web, with its metrics."),
             "network"),
    PageSpec("pages/data.py", N_("Data and sources"), ":material/table_view:", N_("Reference"),
             N_("Every dataset, its dictionary, its sources and how sure each row is; downloads."), "data"),
)

# Each page's sections, one tab each (id: label), in the order shown; the first is where the page opens. Only the
# open section is drawn (filters.tabs), and its id is kept in the address (`view=stakes`).
SECTIONS = {
    "history": {"timeline": N_("Timeline"), "stakes": N_("Cross-shareholdings")},
    "plan": {"platforms": N_("The five platforms"), "models": N_("Models"),
             "targets": N_("Targets against what happened"), "changes": N_("How the plan changed")},
    "partners": {"grid": N_("Who brings what"), "timelines": N_("Talk timelines"), "table": N_("Every talk")},
    "network": {"ties": N_("The network"), "metrics": N_("From hub to web, in numbers")},
    "data": {"browse": N_("Browse a dataset"), "fact_check": N_("Fact check"), "sources": N_("Sources"),
             "upload": N_("Use your own data"), "downloads": N_("Download everything")},
}


def navigation(lang: str) -> dict[str, list[st.Page]]:
    """The pages by section, titled in `lang` (their addresses stay the same in every language)."""
    _ = translator(lang)
    sections: dict[str, list[st.Page]] = {}
    for spec in PAGES:
        page = st.Page(spec.path, title=_(spec.title), icon=spec.icon, url_path=spec.url_path,
                       default=spec is PAGES[0])
        sections.setdefault(_(spec.section), []).append(page)
    return sections


@contextmanager
def last_resort_guard() -> Iterator[None]:
    """Whatever a page raises, a reader sees a plain message; the details go to the server's log.

    Streamlit's own controls (st.stop, st.rerun) are not Exceptions and pass through untouched.
    """
    try:
        yield
    except Exception:
        log.exception("a page failed")
        _ = language.messages()
        st.error(_("Something went wrong on this page. The rest of the app keeps working: try another page, or "
                   "reset the filters by opening the page from the menu."), icon=":material/error:")


def view_url() -> str:
    """The address of the view the reader sees: this page with its filters and open card."""
    query = urlencode({key: st.query_params.get_all(key) for key in st.query_params}, doseq=True)
    return (st.context.url or "") + (f"?{query}" if query else "")

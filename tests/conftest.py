"""Shared fixtures: the real data folder, copies of it to break, and pages run under AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.app.site import PAGES, SECTIONS
from components.app.store import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR
from components.data.validation import LoadResult, read_folder

ROOT = Path(__file__).resolve().parent.parent
# Every view a link can open, as (script, query): each page, and each section of a page with tabs (`view=…`). The
# first page runs through app.py, as a reader reaches it (it links to the others, which needs the navigation).
VIEWS = [("app.py" if spec is PAGES[0] else spec.path, {"view": view} if view else {})
         for spec in PAGES for view in SECTIONS.get(spec.url_path, [None])]
VIEW_NAMES = [f"{script}?view={query['view']}" if query else script for script, query in VIEWS]


@pytest.fixture(scope="session")
def real_data() -> LoadResult:
    return read_folder(DEFAULT_DATA_DIR)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the real data folder, for tests that break one file."""
    folder = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    return folder


@pytest.fixture
def use_data_dir(monkeypatch):
    """Point the app at another data folder, as a user does with ALLIANCE_DATA_DIR."""
    def use(folder: Path) -> None:
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    return use


def run_page(page: str, query: dict[str, str | list[str]] | None = None, timeout: float = 30,
             session: dict | None = None) -> AppTest:
    """Run one page (e.g. "pages/history.py") as a reader opening it, with URL parameters and, if given, what
    the reader's session already holds."""
    app = AppTest.from_file(str(ROOT / page), default_timeout=timeout)
    for key, value in (query or {}).items():
        app.query_params[key] = value
    for key, value in (session or {}).items():
        app.session_state[key] = value
    return app.run()

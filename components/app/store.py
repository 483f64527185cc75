"""Where the data comes from in the running app: the folder, the cache, and a page's guard."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType

import pandas as pd
import streamlit as st

from components.app import filters, language
from components.builders.text import escape_markdown
from components.data import translations
from components.data.contract import DATASETS, Anchor
from components.data.uploads import Upload
from components.data.validation import LoadResult, read_files, read_folder
from components.i18n import ENGLISH, translator

DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
DATA_DIR_VARIABLE = "ALLIANCE_DATA_DIR"


def data_dir() -> Path:
    """The data folder: $ALLIANCE_DATA_DIR when set, else data/ beside app.py."""
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DEFAULT_DATA_DIR).expanduser().resolve()


def _stamp(folder: Path) -> tuple:
    """Size and modification time of every file: a cheap key so an edited file is read again."""
    stamp = []
    for dataset in DATASETS.values():
        path = folder / dataset.file_name
        stat = path.stat() if path.is_file() else None
        stamp.append((dataset.file_name, stat and stat.st_mtime_ns, stat and stat.st_size))
    return tuple(stamp)


# The published data is read once and shared by every session (st.cache_resource), not copied for each run as
# st.cache_data would: at 100 times the data a copy is 40 MiB and 50 ms a run, and a session keeps the copy
# that its tables and downloads point at. So nothing may change these frames; a test runs every view and
# checks that the data is still as read.
@st.cache_resource(show_spinner=False, max_entries=4)
def _read(folder: str, stamp: tuple) -> LoadResult:
    return read_folder(Path(folder))


@st.cache_resource(show_spinner=False, max_entries=8)
def _localized(folder: str, stamp: tuple, lang: str) -> Mapping[str, pd.DataFrame]:
    return MappingProxyType(translations.localized(_read(folder, stamp).frames, lang))


OWN_DATA = "own_data"  # this session's uploaded data: a LoadResult held in its session state, nowhere else
_OWN_LOCALIZED = "own_data_localized"  # its frames in each language asked for


def published() -> LoadResult:
    folder = data_dir()
    return _read(str(folder), _stamp(folder))


def load() -> LoadResult:
    """The data this reader's pages show: their own upload for this session, else the published data."""
    return st.session_state.get(OWN_DATA) or published()


def frames() -> Mapping[str, pd.DataFrame]:
    """The datasets as this reader reads them: their texts in the reader's language where translated."""
    lang = language.current()
    if OWN_DATA in st.session_state:
        cache = st.session_state.setdefault(_OWN_LOCALIZED, {})
        if lang not in cache:
            cache[lang] = translations.localized(st.session_state[OWN_DATA].frames, lang)
        return cache[lang]
    return published_frames(lang)


def published_frames(lang: str) -> Mapping[str, pd.DataFrame]:
    """The published datasets, their texts in `lang` where translated: the frames every session shares."""
    folder = data_dir()
    return _localized(str(folder), _stamp(folder), lang)


def use_own_data(upload: Upload) -> LoadResult:
    """Replace, for this session only, the published datasets that `upload` holds, and check them all again."""
    folder = data_dir()
    files = {dataset.file_name: (folder / dataset.file_name).read_bytes() for dataset in DATASETS.values()
             if (folder / dataset.file_name).is_file()}
    result = read_files({**files, **upload.files})
    st.session_state[OWN_DATA] = result
    st.session_state.pop(_OWN_LOCALIZED, None)
    filters.reset()  # choices made among the old data's values would hide the new data's
    return result


def use_published_data() -> None:
    st.session_state.pop(OWN_DATA, None)
    st.session_state.pop(_OWN_LOCALIZED, None)
    filters.reset()


def own_data_banner() -> None:
    """On every page while a reader views their own upload: say so, with a way back."""
    if OWN_DATA not in st.session_state:
        return
    _ = language.messages()
    with st.container(border=True, key="own_data_banner"):
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.warning(_("You are viewing your own data, for this session only: nobody else sees it, and it is gone "
                       "when you return to the published data or close the page."), icon=":material/upload_file:")
        right.button(_("Return to the published data"), on_click=use_published_data, icon=":material/undo:",
                     key="return_to_published")


def problems_frame(problems, lang: str = "en") -> pd.DataFrame:
    """The problems as a table, headed and worded in the reader's language (file, column and value as found)."""
    _ = translator(lang)
    return pd.DataFrame(
        [(p.file, p.line, p.column, p.value, _(p.message, **dict(p.params))) for p in problems],
        columns=[_("file"), _("line"), _("column"), _("value"), _("problem")],
    ).astype({_("line"): "Int64"})


def require(*names: str) -> dict[str, pd.DataFrame]:
    """The datasets a page needs. If any is broken or has no rows, say what is wrong and stop the page.

    Other pages, whose data is fine, keep working.
    """
    _ = language.messages()
    result = load()
    problems = result.problems_for(*names)
    if problems:
        files = escape_markdown(_.join(sorted({p.file for p in problems})))
        why = _.ngettext("This page can't be shown: {count} problem in {files}. It is listed below with its file, "
                         "line and column.",
                         "This page can't be shown: {count} problems in {files}. Each is listed below with its file, "
                         "line and column.", len(problems), files=files)
        st.error(why, icon=":material/error:")
        st.dataframe(problems_frame(problems, _.lang), hide_index=True, width="stretch")
        st.stop()
    empty = [DATASETS[name].file_name for name in names if result.frames[name].empty]
    if empty:
        st.info(_("This page has nothing to show: {files} has no rows.", files=escape_markdown(_.join(empty))),
                icon=":material/info:")
        st.stop()
    shown = frames()
    return {name: shown[name] for name in names}


def say_missing(anchors: list[Anchor]) -> None:
    """A notice for the rows the story names that the data lacks: what the page leaves out because of them."""
    _ = language.messages()
    for anchor in anchors:
        st.info(_("{file} has no row with id {id}, so this page leaves out {what}.",
                  file=escape_markdown(DATASETS[anchor.dataset].file_name), id=escape_markdown(anchor.id),
                  what=escape_markdown(_(anchor.used_for))), icon=":material/info:")


def optional(name: str) -> pd.DataFrame | None:
    """A dataset the page can do without: None when it is broken (the Data page lists its problems)."""
    return None if load().problems_for(name) else frames()[name]


def changelog(lang: str = ENGLISH) -> str | None:
    """The data folder's changelog (Markdown the project writes) in `lang` (CHANGELOG.zh.md), else in English
    (CHANGELOG.md), if it has one."""
    for path in (data_dir() / f"CHANGELOG.{lang}.md", data_dir() / "CHANGELOG.md"):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return None


def data_as_of(frames: dict[str, pd.DataFrame]) -> pd.Timestamp | None:
    """The date of the latest event the data records (the end of a period counts), if it has events."""
    events = frames.get("events")
    if events is None or events.empty:
        return None
    return events["end_date"].fillna(events["date"]).max()


def source_line() -> str:
    """Where the data shown comes from, as a downloaded chart or a citation names it."""
    _ = language.messages()
    as_of = data_as_of(load().frames)
    if as_of is None:
        line = _("Alliance Explorer (CC BY 4.0)")
    else:
        line = _("Alliance Explorer, data as of {date} (CC BY 4.0)", date=_.date(as_of))
    return _("the reader's own data, in {source}", source=line) if OWN_DATA in st.session_state else line


def data_version() -> str:
    """The release of the data shown: the date of the latest entry of its changelog ("own data" for an upload)."""
    if OWN_DATA in st.session_state:
        _ = language.messages()
        return _("own data")
    found = re.search(r"^## (\d{4}-\d{2}-\d{2})", changelog() or "", re.M)
    return found.group(1) if found else "unreleased"

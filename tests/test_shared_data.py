"""The published data is read once and shared by every session, so no page may change it."""

from __future__ import annotations

import pandas as pd

from components.app import store
from components.i18n import LANGUAGES
from tests.conftest import VIEWS, run_page


def test_every_view_in_every_language_leaves_the_data_every_session_shares_as_it_was_read():
    shared = {lang: store.published_frames(lang) for lang in LANGUAGES}
    before = {lang: {name: frame.copy(deep=True) for name, frame in frames.items()} for lang, frames in shared.items()}
    for lang in LANGUAGES:
        for page, view in VIEWS:
            assert not run_page(page, query=view | {"lang": lang}).exception
    for lang, frames in shared.items():
        assert store.published_frames(lang) is frames  # still the same objects, not read again
        assert frames.keys() == before[lang].keys()
        for name, frame in frames.items():
            pd.testing.assert_frame_equal(frame, before[lang][name], obj=f"{lang} {name}")

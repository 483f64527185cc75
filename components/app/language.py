"""The reader's language in the running app: kept in the address (`lang=zh`) and across page switches.

English opens unless the link says otherwise, so a link opens the same way for everyone; a reader whose
browser prefers Chinese is offered the Chinese version, not switched to it.
"""

from __future__ import annotations

import streamlit as st

from components.i18n import CHINESE, ENGLISH, LANGUAGE_NAMES, LANGUAGES, Translator, translator

KEY = "lang"
_CHOSEN = "_lang_chosen"  # the language this session last chose: what a page switch (which drops the address) keeps


def current() -> str:
    """The language of this run: the address's `lang`, else this session's last choice, else English."""
    asked = st.query_params.get(KEY)
    if asked in LANGUAGES:
        st.session_state[_CHOSEN] = asked
    elif asked is not None:  # `lang=fr` or a typo: the default, and the address says so again
        st.query_params.pop(KEY)
    chosen = st.session_state.get(_CHOSEN, ENGLISH)
    if chosen != ENGLISH and st.query_params.get(KEY) != chosen:
        st.query_params[KEY] = chosen  # back into the address after a page switch, so a copied link keeps it
    return chosen


def messages() -> Translator:
    """The translator of this run's language: `_ = language.messages()`."""
    return translator(current())


def _choose(lang: str) -> None:
    st.session_state[_CHOSEN] = lang
    if lang == ENGLISH:
        st.query_params.pop(KEY, None)
    else:
        st.query_params[KEY] = lang


def switch() -> None:
    """English / 中文, at the top of every page (the sidebar is folded away on a phone). Each language's names
    are in that language, so a reader finds their own whatever the page is in."""
    lang = current()
    # One key per language shown: the control is created afresh when the language changes, showing it chosen.
    key = f"language_switch_{lang}"
    with st.container(horizontal=True, horizontal_alignment="right", key="language_switch"):
        if lang == ENGLISH and (st.context.locale or "").lower().startswith("zh"):
            st.button("中文版", on_click=_choose, args=(CHINESE,), type="tertiary", key="chinese_hint",
                      help="切换到简体中文界面")
        st.segmented_control("Language · 语言", LANGUAGES, default=lang, required=True, format_func=LANGUAGE_NAMES.get,
                             label_visibility="collapsed", key=key,
                             on_change=lambda: _choose(st.session_state[key]))

"""Inputs whose values live in the page's address, by id, so a copied link reopens the same view.

Streamlit's own `bind="query-params"` writes an option's *label* into the address (format_func's text),
so a link would change with the wording, and break once labels are translated. Here the address holds
ids (and dates as YYYY-MM-DD): each input is seeded from the address the first time a page run meets it,
and writes its value back when the reader changes it. A value the address holds that the app can't use is
dropped from the address with a notice, so a reader of a broken link knows why the view differs.

Cards use the same machinery: the open card is a selection bound to the address (`event=…`, `talk=…`),
set by a picker, a click on a chart or a click on a table row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import streamlit as st

from components.app import language
from components.builders.text import escape_markdown
from components.i18n import N_

NOT_A_CHOICE = N_("not among the choices")
_BINDINGS = "_url_bindings"
_SEEN = "_url_seen"  # the inputs this run of a page has met, in order: what describe() reports
VIEW = "view"  # the open section of a page with tabs


@dataclass(frozen=True)
class _Binding:
    default: Any
    to_url: Callable[[Any], list[str]]
    label: str = ""
    shown: Callable[[Any], str] = str  # the value as a reader reads it, for describe()


def _bindings() -> dict[str, _Binding]:
    return st.session_state.setdefault(_BINDINGS, {})


def _write_url(key: str) -> None:
    """The input's value into the address; none when it is the default, to keep links short."""
    binding, value = _bindings()[key], st.session_state[key]
    if value == binding.default:
        st.query_params.pop(key, None)
    else:
        st.query_params[key] = binding.to_url(value)


def _seed(key: str, default, parse: Callable[[list[str]], tuple[Any, str | None]], to_url, *, label: str = "",
          shown: Callable[[Any], str] = str) -> None:
    """Put the address's value for `key` (or the default) into the input's state, the first time a run meets it.

    `parse` turns the address's raw values into (value, why some were ignored or None): the notice then names
    the raw values the input did not take. `label` and `shown` let the view describe itself
    ("Categories: Crisis, Plan").
    """
    _bindings()[key] = _Binding(default, to_url, label, shown)
    seen = st.session_state.setdefault(_SEEN, [])
    if key not in seen:
        seen.append(key)
    if key in st.session_state:
        return
    raw = st.query_params.get_all(key)
    value = default
    if raw:
        value, why = parse(raw)
        if why:
            _ignored(key, [text for text in raw if not isinstance(value, list) or text not in value], why)
    st.session_state[key] = value
    if raw:
        _write_url(key)


def _ignored(key: str, raw: list[str], why: str) -> None:
    """Say which of the address's values was not used, as text (the values are the reader's, not ours)."""
    _ = language.messages()
    shown = ", ".join(raw)
    if len(shown) > 80:
        shown = shown[:79] + "…"
    st.warning(_("Ignored {parameter} from the link: {why}.", parameter=escape_markdown(f"{key}={shown}"),
                 why=escape_markdown(_(why))), icon=":material/link_off:")


def select(key: str, value) -> None:
    """Set a bound input from code (a preset button, a click on a chart): its state and the address."""
    st.session_state[key] = value
    _write_url(key)


def new_run() -> None:
    """Start a page run afresh: the filters met so far belong to the page before it."""
    st.session_state[_SEEN] = []


def describe() -> str:
    """The filters of this page run that differ from where the page opens, as a reader reads them:
    "Categories: Crisis, Plan · Dates: 2010-01-01 – 2020-01-01"."""
    bindings = _bindings()
    parts = [f"{bindings[key].label}: {bindings[key].shown(st.session_state[key])}"
             for key in st.session_state.get(_SEEN, [])
             if key in st.session_state and st.session_state[key] != bindings[key].default and bindings[key].label]
    return " · ".join(parts)


def reset() -> None:
    """Every bound input back to its default, and the address cleared of them: "reset the view"."""
    for key in _bindings():
        st.session_state.pop(key, None)
        st.query_params.pop(key, None)


def _on_change(key: str) -> dict:
    return {"on_change": _write_url, "args": (key,)}


# --- the inputs -------------------------------------------------------------------------------------

def multiselect(label: str, options: Sequence[str], *, key: str, format_func: Callable = str,
                help: str | None = None) -> list[str]:
    """Options chosen by id. On every page an empty choice means all of them (it says so), and it is where a
    page opens: returns the options chosen, or all of them when none is."""
    options = list(options)
    default: list[str] = []

    def parse(raw: list[str]):
        known = [value for value in dict.fromkeys(raw) if value in options]
        unknown = [value for value in raw if value and value not in options]
        if unknown and not known:  # nothing usable: the view the page opens with, not an empty one
            return default, NOT_A_CHOICE
        return known, NOT_A_CHOICE if unknown else None

    _seed(key, default, parse, list, label=label, shown=lambda values: ", ".join(map(format_func, values)))
    if not set(st.session_state[key]) <= set(options):  # the options changed under a kept choice
        select(key, [value for value in st.session_state[key] if value in options])
    _ = language.messages()
    placeholder = _("All {things}", things=label.lower())
    chosen = st.multiselect(label, options, key=key, format_func=format_func, help=help,
                            placeholder=placeholder, **_on_change(key))
    return chosen or options


def _one_of(options: Sequence, default):
    by_text = {("" if option is None else str(option)): option for option in options}

    def parse(raw: list[str]):
        if raw[-1] in by_text:
            return by_text[raw[-1]], None
        return default, NOT_A_CHOICE
    return parse


def _option_text(value) -> list[str]:
    return [] if value is None else [str(value)]


def selectbox(label: str, options: Sequence, *, key: str, format_func: Callable = str, help: str | None = None,
              default=None, placeholder: str | None = None, listed: Sequence | None = None):
    """One option by id (None, if among the options, is written as no parameter at all, and shows `placeholder`).

    `listed`, where given, is what the list offers of `options` (with the default first and the choice always
    in it): thousands of options take the browser half a second to load, where a link or a click may still
    choose any of them.
    """
    default = options[0] if default is None and options else default
    _seed(key, default, _one_of(options, default), _option_text, label=label, shown=format_func)
    if st.session_state[key] not in options:  # the options changed under a kept choice
        select(key, default)
    if listed is not None:
        chosen = st.session_state[key]
        options = list(dict.fromkeys([default, *listed, chosen]))
    return st.selectbox(label, options, key=key, format_func=format_func, help=help, placeholder=placeholder,
                        **_on_change(key))


def card_picker(label: str, titles: Mapping[str, str], *, key: str, placeholder: str, help: str,
                listed: Sequence[str] | None = None):
    """Which card is open, by id, or None (no card, and no parameter): `titles` names each card, in the order
    offered. The names are looked up once per option, and at scale there are thousands."""
    _ = language.messages()
    no_card = _("(no card)")
    return selectbox(label, [None, *titles], key=key, help=help, placeholder=placeholder, listed=listed,
                     format_func=lambda card: no_card if card is None else titles[card])


def segmented(label: str, options: Sequence, *, key: str, format_func: Callable = str, help: str | None = None):
    """One of a few options as a button row; the first is the default, and one is always chosen."""
    _seed(key, options[0], _one_of(options, options[0]), _option_text, label=label, shown=format_func)
    if st.session_state[key] not in options:  # the options changed under a kept choice
        select(key, options[0])
    return st.segmented_control(label, options, required=True, key=key, format_func=format_func, help=help,
                                **_on_change(key))


def tabs(sections: dict[str, str], *, cards: dict[str, str] | None = None) -> tuple[str, Any]:
    """A page's sections as tabs, the open one by id in the address (`view=stakes`); the first is the default.

    `sections` maps each section's id to its (untranslated) tab label. Returns the open section's id and its tab:
    only that section's content runs and is sent, so a page draws what its reader looks at and the rest when they
    ask for it. `cards` maps a card's key to the section that shows it: a link that opens a card (`model=…`) but
    names no section opens the card's section.

    Streamlit's own tab state holds the tab's label, which changes with the language, so it is set from the id
    on every run and read back into the id when the reader switches tabs.
    """
    _ = language.messages()
    options = list(sections)
    opened = [section for card, section in (cards or {}).items() if st.query_params.get(card)]
    if opened and VIEW not in st.session_state and VIEW not in st.query_params:
        st.query_params[VIEW] = opened[0]
    _seed(VIEW, options[0], _one_of(options, options[0]), _option_text)
    if st.session_state[VIEW] not in options:  # the sections changed under a kept choice
        select(VIEW, options[0])
    labels = {section: _(label) for section, label in sections.items()}
    by_label = {label: section for section, label in labels.items()}
    shown = f"{VIEW}_tab"
    st.session_state[shown] = labels[st.session_state[VIEW]]
    containers = st.tabs(list(labels.values()), key=shown,
                         on_change=lambda: select(VIEW, by_label[st.session_state[shown]]))
    return st.session_state[VIEW], containers[options.index(st.session_state[VIEW])]


def text_search(label: str, *, key: str, placeholder: str = "", help: str | None = None) -> str:
    _seed(key, "", lambda raw: (raw[-1][:200], None), lambda value: [value], label=label,
          shown=lambda text: f"“{text}”")
    return st.text_input(label, key=key, placeholder=placeholder, help=help, max_chars=200,
                         **_on_change(key)).strip()


def toggle(label: str, *, key: str, value: bool = False, help: str | None = None) -> bool:
    def parse(raw: list[str]):
        text = raw[-1].lower()
        return (text == "true", None) if text in ("true", "false") else (value, N_("not true or false"))
    _ = language.messages()
    _seed(key, value, parse, lambda on: [str(on).lower()], label=label, shown=lambda on: _("yes") if on else _("no"))
    return st.toggle(label, key=key, help=help, **_on_change(key))


def url_date(value: str) -> date:
    """A date from the address: YYYY-MM-DD as a person writes it, or microseconds since 1970 (UTC) as older
    links of this app carry it."""
    if value.isdigit():
        try:
            return (datetime(1970, 1, 1) + timedelta(microseconds=int(value))).date()
        except OverflowError as error:
            raise ValueError(value) from error
    return date.fromisoformat(value)


def _range_parser(low, high, parse, default, what: str):
    def parse_range(raw: list[str]):
        try:
            values = [parse(value) for value in raw]
        except ValueError:
            return default, what
        if not (1 <= len(values) <= 2 and all(low <= value <= high for value in values)):
            return default, what
        return (values[0], values[-1]) if isinstance(default, tuple) else values[-1], None
    return parse_range


def year_range(label: str, low: int, high: int, *, key: str, help: str | None = None) -> tuple[int, int]:
    """Two years; with only one year in the data there is nothing to choose, so no slider."""
    if low >= high:
        return low, high
    default = (low, high)
    _ = language.messages()
    why = _("not two years between {low} and {high}", low=low, high=high)
    _seed(key, default, _range_parser(low, high, int, default, why),
          lambda years: [str(year) for year in years], label=label, shown=lambda years: "–".join(map(str, years)))
    return st.slider(label, low, high, key=key, help=help, **_on_change(key))


def date_range(label: str, low: date, high: date, *, key: str, help: str | None = None) -> tuple[date, date]:
    """Two dates; with a single day in the data there is nothing to choose, so no slider."""
    if low >= high:
        return low, high
    default = (low, high)
    _ = language.messages()
    why = _("not two dates (YYYY-MM-DD) between {low} and {high}", low=low, high=high)
    _seed(key, default, _range_parser(low, high, url_date, default, why),
          lambda days: [day.isoformat() for day in days], label=label,
          shown=lambda days: " – ".join(day.isoformat() for day in days))
    return st.slider(label, low, high, key=key, help=help, format="YYYY-MM-DD", **_on_change(key))


def date_point(label: str, low: date, high: date, default: date, *, key: str, help: str | None = None) -> date:
    if low >= high:
        return low
    _ = language.messages()
    why = _("not a date (YYYY-MM-DD) between {low} and {high}", low=low, high=high)
    _seed(key, default, _range_parser(low, high, url_date, default, why),
          lambda day: [day.isoformat()], label=label, shown=date.isoformat)
    return st.slider(label, low, high, key=key, help=help, format="YYYY-MM-DD", **_on_change(key))


# --- cards: the item clicked on a chart or a table ---------------------------------------------------

def open_from_chart(key: str, chart_key: str) -> Callable[[], None]:
    """An on_select callback: the clicked point's id (its customdata, or customdata[0]) opens its card."""
    def pick() -> None:
        points = st.session_state[chart_key]["selection"]["points"]
        ids = [point["customdata"] if isinstance(point.get("customdata"), str) else point["customdata"][0]
               for point in points if point.get("customdata") is not None]
        if ids:
            select(key, ids[0])
    return pick


def open_from_table(key: str, table_key: str, row_ids: Sequence[str]) -> Callable[[], None]:
    """An on_select callback: the chosen row's id opens its card."""
    def pick() -> None:
        rows = [row for row in st.session_state[table_key]["selection"]["rows"] if row < len(row_ids)]
        if rows:
            select(key, row_ids[rows[0]])
    return pick

"""Putting text from the data or from a link into Markdown and into Plotly safely.

st.markdown never renders raw HTML here, but Markdown itself would still turn a CSV cell or a URL
parameter into a link, an image or a heading, and GitHub-flavoured Markdown links bare addresses
(https://…, www.…, a@b.c) *after* escapes are undone. Every such text goes through `escape_markdown`:
each Markdown character is escaped, and an invisible word joiner breaks each bare-address pattern,
so the text renders as the characters it holds. Plotly renders a few HTML tags in its text
(<a href>, <b>, <br>): data text for a chart goes through `plotly_text`.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pandas as pd

from components.i18n import ENGLISH, translator

# The site of a source address, as tables and hovers show it: www.example.com/a/b → example.com
SOURCE_HOST = re.compile(r"^https?://(?:www\.)?([^/]+)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:=^])")
# What GFM turns into a link without any markup: a scheme, "www." and an e-mail's "@".
_AUTOLINK = re.compile(r"(?i)(?<=https)(?=:)|(?<=http)(?=:)|(?<=www)(?=\.)|(?<=@)")
WORD_JOINER = "\u2060"


def escape_markdown(text: object) -> str:
    """Text that Markdown shows as the characters it holds: no link, image, heading, emphasis or formula."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _AUTOLINK.sub(WORD_JOINER, str(text)))


def plotly_text(text: object) -> str:
    """Text that Plotly shows as the characters it holds (its labels understand a few HTML tags)."""
    return html.escape(str(text), quote=False)


def format_date(value, precision: str = "day", lang: str = ENGLISH) -> str:
    """A date shown at the precision it is known to: 27 March 1999, March 2002, 2008 (1999年3月27日…)."""
    return translator(lang).date(value, precision)


def _columns(text: str) -> int:
    """How wide text is on screen, in Latin letters: a Chinese character takes about two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


_PIECES = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+\s*|\s+")


def wrap(text: str, columns: int) -> list[str]:
    """Lines of at most `columns` (Latin letters wide), broken between words, or between any two Chinese
    characters; a word longer than a line (a long address) is broken where it must be. Linear in the text."""
    lines, line, width = [], "", 0

    def new_line() -> None:
        nonlocal line, width
        if line.strip():
            lines.append(line.rstrip())
        line, width = "", 0

    for piece in _PIECES.findall(str(text)):
        if width + _columns(piece.rstrip()) > columns:
            new_line()
            piece = piece.lstrip()
        if _columns(piece.rstrip()) > columns:  # a word that fills a line on its own: cut it
            for char in piece:
                if width + _columns(char) > columns:
                    new_line()
                line, width = line + char, width + _columns(char)
            continue
        line, width = line + piece, width + _columns(piece)
    new_line()
    return lines


def shorten(text: str, columns: int) -> str:
    """The text cut to `columns` (Latin letters wide), with an ellipsis where it was cut."""
    text = str(text)
    if _columns(text) <= columns:
        return text
    kept, width = "", 0
    for char in text:
        if width + _columns(char) > columns - 1:
            break
        kept, width = kept + char, width + _columns(char)
    return kept.rstrip() + "…"


def source_host(url: str) -> str:
    match = SOURCE_HOST.match(url)
    return match.group(1) if match else url


def source_link(url: str) -> str:
    """A source address as a Markdown link named by its site; anything but an http(s) address stays text."""
    if not SOURCE_HOST.match(url):
        return escape_markdown(url)
    # An address in angle brackets may hold parentheses and spaces; only < > and line breaks must go.
    target = url.replace("<", "%3C").replace(">", "%3E").replace("\n", "").replace("\r", "")
    return f"[{escape_markdown(source_host(url))}](<{target}>)"


def markdown_cells(frame: pd.DataFrame, formats: dict | None = None, links: tuple[str, ...] = ()) -> pd.DataFrame:
    """A small table as st.table shows it, which reads every cell and header as Markdown: each cell as the
    characters it holds (after `formats[column]`, a function of the value, where given), and each column of
    `links` as links named by their site. Empty cells stay empty."""
    formats = formats or {}

    def cell(column: str, value) -> str:
        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return ""
        if column in links:
            return source_link(str(value))
        return escape_markdown(formats[column](value) if column in formats else value)
    return pd.DataFrame({escape_markdown(column): [cell(column, value) for value in frame[column]]
                         for column in frame.columns})


def rows_containing(frame: pd.DataFrame, text: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows where any of `columns` (default: every column) contains `text`, ignoring case (lists by their items)."""
    if not text:
        return frame
    haystack = frame[columns or list(frame.columns)].map(
        lambda cell: "; ".join(map(str, cell)) if isinstance(cell, tuple) else str(cell))
    hit = haystack.apply(lambda column: column.str.contains(text, case=False, regex=False)).any(axis=1)
    return frame[hit]

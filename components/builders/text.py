"""Putting text from the data or from a link into Markdown, into Plotly and into a small HTML table safely.

st.markdown never renders raw HTML here, but Markdown itself would still turn a CSV cell or a URL
parameter into a link, an image or a heading, and GitHub-flavoured Markdown links bare addresses
(https://…, www.…, a@b.c) *after* escapes are undone. Every such text goes through `escape_markdown`:
each Markdown character is escaped, and an invisible word joiner breaks each bare-address pattern,
so the text renders as the characters it holds. Plotly renders a few HTML tags in its text
(<a href>, <b>, <br>): data text for a chart goes through `plotly_text`. A small static table is drawn as HTML
(`html_table`), every cell escaped.
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


def html_table(frame: pd.DataFrame, *, formats: dict | None = None, links: tuple[str, ...] = (),
               numbers: tuple[str, ...] = (), label: str = "") -> str:
    """A small static table as HTML for st.html: every header and cell escaped, so it shows the characters it
    holds (after `formats[column]`, a function of the value, where given); each column of `links` as links named
    by their site, opened in a new tab (anything but an http(s) address stays text); `numbers` aligned right.
    It scrolls sideways within its own box on a narrow screen. Empty cells stay empty.

    Drawn as HTML, not st.table: st.table loads Streamlit's Arrow table code (about 1 MB of script) before it
    draws, which made Overview about 150 ms slower to appear."""
    formats = formats or {}

    def cell(column: str, value) -> str:
        if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
            return ""
        text = str(formats[column](value) if column in formats else value)
        if column in links and SOURCE_HOST.match(text):
            return (f'<a href="{html.escape(text)}" target="_blank" rel="noopener noreferrer">'
                    f"{html.escape(source_host(text))}</a>")
        return html.escape(text)

    def align(column: str) -> str:
        return ' style="text-align: right"' if column in numbers else ""
    head = "".join(f'<th scope="col"{align(column)}>{html.escape(str(column))}</th>' for column in frame.columns)
    rows = "".join("<tr>" + "".join(f"<td{align(column)}>{cell(column, value)}</td>"
                                    for column, value in zip(frame.columns, row, strict=True)) + "</tr>"
                   for row in frame.itertuples(index=False))
    return (f'{_TABLE_STYLE}<div class="static-table"><table aria-label="{html.escape(label)}">'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>")


# Lines in a grey that reads on the light and the dark theme; text and links in the theme's own text colour. A
# Chinese word is not broken between its characters (a narrow screen scrolls the table instead).
_TABLE_STYLE = """<style>
.static-table { overflow-x: auto; }
.static-table table { border-collapse: collapse; font-size: 0.875rem; line-height: 1.5; }
.static-table th, .static-table td { padding: 0.375rem 0.75rem; text-align: left; vertical-align: top;
  border-bottom: 1px solid rgba(128, 128, 128, 0.25); word-break: keep-all; }
.static-table th { font-weight: 600; border-bottom-color: rgba(128, 128, 128, 0.5); }
.static-table a { color: inherit; text-decoration: underline; text-underline-offset: 2px; }
</style>"""


def rows_containing(frame: pd.DataFrame, text: str, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows where any of `columns` (default: every column) contains `text`, ignoring case (lists by their items)."""
    if not text:
        return frame
    haystack = frame[columns or list(frame.columns)].map(
        lambda cell: "; ".join(map(str, cell)) if isinstance(cell, tuple) else str(cell))
    hit = haystack.apply(lambda column: column.str.contains(text, case=False, regex=False)).any(axis=1)
    return frame[hit]

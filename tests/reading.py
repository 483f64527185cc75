"""Reading a page as a reader does: Markdown escapes undone, rendered Markdown's visible text, an HTML table's cells."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pandas as pd
from markdown_it import MarkdownIt

from components.builders.text import WORD_JOINER


def as_read(text: str) -> str:
    """Markdown source as a reader reads it: backslash escapes and invisible word joiners gone."""
    return re.sub(r"\\(.)", r"\1", text).replace(WORD_JOINER, "")


def warnings(app) -> str:
    return " ".join(as_read(warning.value) for warning in app.warning)


def infos(app) -> str:
    return " ".join(as_read(info.value) for info in app.info)


def visible_text(page: str) -> str:
    """What a reader sees of rendered HTML: tags dropped, entities decoded, invisible joiners removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", page)).replace(WORD_JOINER, "")


def rendered(markdown: str) -> tuple[str, str]:
    """Markdown rendered (raw HTML allowed, so an unescaped tag would show) and the text a reader sees of it."""
    page = MarkdownIt("commonmark").render(markdown)
    return page, visible_text(page)


# The tags a static table is drawn with (components.builders.text.html_table), links aside.
TABLE_TAGS = frozenset({"style", "div", "table", "thead", "tbody", "tr", "th", "td"})


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self._cell: list[str] | None = None
        self._style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []
        elif tag == "a":
            self.links.append(dict(attrs).get("href", ""))
        self._style = tag == "style"

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.rows[-1].append("".join(self._cell))
            self._cell = None
        self._style = False

    def handle_data(self, data):
        if self._cell is not None and not self._style:
            self._cell.append(data)


def html_table(body: str) -> tuple[pd.DataFrame, list[tuple[str, dict]], list[str]]:
    """An HTML table as a reader reads it: its cells' text under its headers; and every tag (with its attributes)
    and link address in it, to check what markup it holds."""
    reader = _TableReader()
    reader.feed(body)
    header, *rows = reader.rows
    return pd.DataFrame(rows, columns=header), reader.tags, reader.links

"""Reading a page as a reader does: Markdown escapes undone, rendered Markdown's visible text."""

from __future__ import annotations

import html
import re

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

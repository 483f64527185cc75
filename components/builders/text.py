"""Putting data text into Markdown safely.

st.markdown never renders raw HTML here, but Markdown itself would still turn a CSV cell into a
link, an image or a heading. Every piece of data text shown through Markdown goes through
`escape_markdown`, so it renders as the characters it holds.
"""

from __future__ import annotations

import re

# The site of a source address, as tables and hovers show it: www.example.com/a/b → example.com
SOURCE_HOST = re.compile(r"^https?://(?:www\.)?([^/]+)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def escape_markdown(text: object) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def format_date(value, precision: str = "day") -> str:
    """A date shown at the precision it is known to: 27 March 1999, March 2002, 2008."""
    if precision == "year":
        return f"{value.year}"
    if precision == "month":
        return value.strftime("%B %Y")
    return f"{value.day} {value.strftime('%B %Y')}"


def source_host(url: str) -> str:
    match = SOURCE_HOST.match(url)
    return match.group(1) if match else url

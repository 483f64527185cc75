"""Small tables for st.table, which reads every cell as Markdown: each cell shows the characters it holds, and a
source column links to its address, named by its site."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders.text import markdown_cells
from tests.reading import rendered

HOSTILE = ["[x](https://evil.example)", "<img src=x onerror=alert(1)>", "# big **bold** $x$", "see www.evil.example",
           "| a | b |", "=HYPERLINK(\"https://evil.example\")"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_static_tables_cells_and_headers_show_the_characters_they_hold(text):
    cells = markdown_cells(pd.DataFrame({text: [text]}))
    for markdown in (cells.columns[0], cells.iloc[0, 0]):
        page, shown = rendered(markdown)
        assert "<a" not in page and "<img" not in page and "<h1" not in page and "<strong" not in page
        assert shown.strip() == text


def test_a_source_column_links_to_its_address_named_by_its_site():
    url = "https://www.example.com/news/a_(b)?q=1&r=<2>"
    page, shown = rendered(markdown_cells(pd.DataFrame({"source": [url]}), links=("source",)).iloc[0, 0])
    assert shown.strip() == "example.com"
    assert 'href="https://www.example.com/news/a_(b)?q=1&amp;r=%3C2%3E"' in page


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,<b>x</b>", "www.evil.example"])
def test_a_source_that_is_not_a_web_address_stays_text(address):
    page, shown = rendered(markdown_cells(pd.DataFrame({"source": [address]}), links=("source",)).iloc[0, 0])
    assert "<a" not in page and "<b>" not in page
    assert shown.strip() == address


def test_formats_apply_before_escaping_and_empty_cells_stay_empty():
    frame = pd.DataFrame({"stake %": [27.0, None], "note": ["a*b", None]})
    cells = markdown_cells(frame, formats={"stake %": lambda pct: f"{pct:.2f}"})
    assert cells["stake %"].tolist() == ["27\\.00", ""]
    assert rendered(cells["note"].iloc[0])[1].strip() == "a*b" and cells["note"].iloc[1] == ""

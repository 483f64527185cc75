"""Small static tables drawn as HTML: each cell and header shows the characters it holds, and a source column links
to its address, named by its site."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders.text import html_table
from tests.reading import TABLE_TAGS
from tests.reading import html_table as read_table

HOSTILE = ["[x](https://evil.example)", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
           "# big **bold** $x$", "see www.evil.example", "| a | b |", "=HYPERLINK(\"https://evil.example\")",
           "a & b < c > d \" ' e"]


@pytest.mark.parametrize("text", HOSTILE)
def test_a_static_tables_cells_and_headers_show_the_characters_they_hold(text):
    shown, tags, links = read_table(html_table(pd.DataFrame({text: [text]})))
    assert list(shown.columns) == [text] and shown.iloc[0, 0] == text
    assert {tag for tag, _ in tags} <= TABLE_TAGS and links == []


def test_a_source_column_links_to_its_address_named_by_its_site_in_a_new_tab():
    url = "https://www.example.com/news/a_(b)?q=1&r=<2>\"x"
    shown, tags, links = read_table(html_table(pd.DataFrame({"source": [url]}), links=("source",)))
    assert shown.iloc[0, 0] == "example.com" and links == [url]
    [link] = [attributes for tag, attributes in tags if tag == "a"]
    assert link["target"] == "_blank" and "noopener" in link["rel"]


@pytest.mark.parametrize("address", ["javascript:alert(1)", "data:text/html,<b>x</b>", "www.evil.example"])
def test_a_source_that_is_not_a_web_address_stays_text(address):
    shown, tags, links = read_table(html_table(pd.DataFrame({"source": [address]}), links=("source",)))
    assert shown.iloc[0, 0] == address and links == [] and {tag for tag, _ in tags} <= TABLE_TAGS


def test_formats_apply_before_escaping_empty_cells_stay_empty_and_numbers_align_right():
    frame = pd.DataFrame({"stake %": [27.0, None], "note": ["a<b", None]})
    page = html_table(frame, formats={"stake %": lambda pct: f"{pct:.2f}"}, numbers=("stake %",))
    shown, tags, _ = read_table(page)
    assert shown["stake %"].tolist() == ["27.00", ""] and shown["note"].tolist() == ["a<b", ""]
    right = [attributes.get("style", "") for tag, attributes in tags if tag in ("th", "td")]
    assert right == ["text-align: right", "", "text-align: right", "", "text-align: right", ""]

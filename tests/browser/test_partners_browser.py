"""The Partners page in a real browser: the charts are drawn, a click opens a talk, the CSV downloads."""

from __future__ import annotations

import csv
import io

from playwright.sync_api import expect

from components.data.vocabulary import TALK_STATUS
from tests.browser.driver import screenshot, wait_for_run


def rgb(hex_colour: str) -> str:
    """A #rrggbb colour as the browser writes it in a style: rgb(r, g, b)."""
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


def test_the_grid_and_the_timeline_are_drawn(open_page):
    page = open_page("partners")
    grid = page.locator(".st-key-reciprocity_chart .js-plotly-plot")
    grid.locator(".heatmaplayer image, .hm image").first.wait_for()
    assert grid.locator("text.textpoint, .heatmaplayer text").filter(has_text="⇄").count() >= 1
    screenshot(page, "partners")
    page = open_page("partners", "view=timelines")
    timeline = page.locator(".st-key-timeline_chart .js-plotly-plot")
    expect(timeline).to_have_count(1)
    timeline.locator(".barlayer .point").first.wait_for()
    assert timeline.locator(".barlayer .point").count() >= 10
    # Each ended talk's end marker carries its last month; its status is in the legend.
    assert timeline.locator(".scatterlayer .textpoint").filter(has_text="Feb 2025").count() >= 1
    assert timeline.locator(".legend").filter(has_text="Terminated").count() == 1


def test_clicking_a_bar_shows_that_talks_card(open_page):
    page = open_page("partners", "view=timelines&partner=honda")
    merger = page.get_by_role("heading", name=f"Honda · {TALK_STATUS.label('terminated')}")
    assert merger.count() == 0  # the card starts on Honda's latest talk, not the merger
    terminated = rgb(TALK_STATUS.color("terminated"))
    bar = page.locator(f'.js-plotly-plot .barlayer .point path[style*="{terminated}"]').first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)  # Plotly picks the point it hovers, then clicks it
    page.mouse.click(x, y)
    wait_for_run(page)
    merger.wait_for()
    assert "talk=honda-merger" in page.url  # the picked talk's id is in the link too


def test_the_filtered_talks_download_as_csv(open_page):
    page = open_page("partners", "view=table&partner=honda")
    with page.expect_download() as download:
        page.get_by_role("button", name="Filtered rows").click()
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and {row["partner"] for row in rows} == {"Honda"}  # as on screen; the id column stays
    assert all(row["id"] for row in rows)
    assert download.value.suggested_filename == "alliance-explorer-partner-talks-filtered.csv"

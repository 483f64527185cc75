"""The History page in a real browser: charts drawn, a click opens a card, the toolbar PNG, shared links."""

from __future__ import annotations

from components.app.store import DEFAULT_DATA_DIR
from components.data.validation import read_folder
from components.data.vocabulary import CATEGORY
from tests.browser.driver import screenshot, wait_for_run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def chart(page, key: str):
    """The Plotly chart drawn with `key`, once drawn (Plotly's script loads after the run ends)."""
    plot = page.locator(f".st-key-{key} .js-plotly-plot")
    plot.locator(".scatterlayer .trace .points path, .scatterlayer .trace .js-line").first.wait_for()
    return plot


def test_timeline_and_stakes_chart_are_drawn(open_page):
    page = open_page("history")
    events = len(read_folder(DEFAULT_DATA_DIR).frames["events"])
    assert chart(page, "timeline").locator(".scatterlayer .trace .points path").count() == events  # one per event
    assert screenshot(page, "history").stat().st_size > 50_000
    page = open_page("history", "view=stakes")
    assert chart(page, "stakes_chart").locator(".scatterlayer .trace .js-line").count() >= 3  # the step lines


def test_clicking_a_marker_opens_its_card_and_puts_it_in_the_url(open_page):
    page = open_page("history", "categories=crisis")
    point = chart(page, "timeline").locator(".scatterlayer .trace .points path").first
    point.hover(force=True)  # Plotly's drag layer lies over the markers and takes the mouse events
    page.locator(".js-plotly-plot .hoverlayer .hovertext").first.wait_for()  # the chart is live
    point.click(force=True)
    card = page.locator(".st-key-event_card")
    card.wait_for()
    wait_for_run(page)
    assert f"· {CATEGORY.label('crisis')}" in card.inner_text()
    assert "event=" in page.url
    assert card.locator('[data-testid="stLinkButton"] a').get_attribute("href").startswith("http")
    screenshot(page, "history-card")
    # The click reran the timeline's section only; the share popover, filled when opened, still has the whole view.
    assert not page.locator('[data-testid="stCode"]').count()  # nothing drawn in it until it is opened
    page.get_by_role("button", name="Share, embed, cite").click()
    link = page.locator('[data-testid="stPopoverBody"] [data-testid="stCode"]').first
    link.wait_for()
    assert "event=" in link.inner_text() and "categories=crisis" in link.inner_text()


def test_toolbar_downloads_a_png(open_page):
    page = open_page("history")
    plot = chart(page, "timeline")
    plot.hover()
    with page.expect_download() as download:
        plot.locator('[data-title="Download plot as a PNG"]').click()
    assert download.value.suggested_filename == "alliance-explorer-alliance-timeline.png"
    with open(download.value.path(), "rb") as file:
        assert file.read(8) == PNG_MAGIC


def test_a_copied_link_reopens_the_same_filters(open_page, page):
    open_page("history", "categories=equity&categories=plan")
    search = page.locator(".st-key-search input")
    search.fill("Nissan")
    search.press("Enter")
    wait_for_run(page)
    copied = page.url
    assert "search=Nissan" in copied and "categories=equity" in copied

    page.goto("about:blank")
    page.goto(copied)
    wait_for_run(page)
    assert page.locator(".st-key-search input").input_value() == "Nissan"
    chips = page.locator(".st-key-categories .react-aria-ComboBox [data-tag]")
    assert sorted(chip.get_attribute("aria-label") for chip in chips.all()) == [CATEGORY.label("equity"),
                                                                                  CATEGORY.label("plan")]
    total = len(read_folder(DEFAULT_DATA_DIR).frames["events"])
    assert page.get_by_text(f" of {total} events").first.is_visible()

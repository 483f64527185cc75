"""The Plan page in Chromium: its charts are drawn, a click on a model shows its details, a chart downloads."""

from __future__ import annotations

from tests.browser.driver import screenshot, wait_for_run

CHARTS = ".js-plotly-plot"


def test_plan_charts_are_drawn_each_in_its_section(open_page):
    page = open_page("plan", "view=models")
    page.wait_for_function(f"document.querySelectorAll('{CHARTS}').length == 2")
    timeline, treemap = (page.locator(CHARTS).nth(i) for i in range(2))
    assert timeline.locator(".scatterlayer path.point").count() >= 5
    assert treemap.locator("g.slice").count() >= 5
    screenshot(page, "plan-models")
    page = open_page("plan", "view=targets")
    assert page.locator(CHARTS).locator(".barlayer path").count() >= 1
    assert page.locator(".st-key-targets_cant_say li").count() >= 1
    page = open_page("plan", "view=changes")
    assert page.locator(CHARTS).locator(".scatterlayer path.point").count() >= 1


def test_clicking_a_model_shows_its_details_and_source(open_page):
    page = open_page("plan", "view=models&brand=nissan&platform=kei-ev")
    timeline = page.locator(CHARTS).first
    timeline.locator(".scatterlayer path.point").first.click(force=True)
    wait_for_run(page)
    card = page.locator(".st-key-model_card")
    card.wait_for()
    assert "Nissan Sakura · Nissan · KEI-EV" in card.inner_text()
    assert "model=nissan-sakura" in page.url
    source = page.get_by_role("link", name="Source")
    assert source.first.get_attribute("href").startswith("http")


def test_a_chart_downloads_as_interactive_html(open_page):
    page = open_page("plan", "view=models")
    with page.expect_download() as download:
        page.get_by_role("button", name="Chart as HTML").first.click()
    assert download.value.suggested_filename == "alliance-explorer-alliance-to-2030-models-by-launch-year.html"
    assert "plotly" in open(download.value.path(), encoding="utf-8").read(200_000).lower()

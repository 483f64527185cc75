"""Overview and Data pages in a real browser: links, URL state, downloads, a drawn chart."""

from __future__ import annotations

import csv
import io
import zipfile

from playwright.sync_api import expect

from components.data.contract import DATASETS
from tests.browser.driver import screenshot, wait_for_run


def dataset_picker(page):
    return page.get_by_test_id("stSelectbox").filter(has_text="Dataset").locator("input")


def test_overview_links_open_the_other_pages(open_page):
    page = open_page("")
    expect(page.get_by_role("heading", name="Alliance Explorer")).to_be_visible()
    page.locator('[data-testid="stMain"] [data-testid="stPageLink"]').filter(has_text="Data and sources").click()
    wait_for_run(page)
    expect(page.get_by_role("heading", name="Data and sources")).to_be_visible()
    assert page.url.endswith("/data")
    screenshot(page, "data")


def test_the_cross_holdings_table_links_each_source_in_a_new_tab_and_scrolls_in_its_box_on_a_phone(open_page):
    page = open_page("")
    table = page.get_by_role("table", name="Cross-shareholdings today")
    links = table.get_by_role("link")
    assert links.count() >= 1
    for index in range(links.count()):  # kept by the page's HTML sanitizer: a source never replaces the app
        assert links.nth(index).get_attribute("target") == "_blank"
        assert links.nth(index).get_attribute("href").startswith(("https://", "http://"))
    page.set_viewport_size({"width": 390, "height": 844})
    box = table.locator("xpath=..")
    expect(box).to_have_css("overflow-x", "auto")
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")  # wider than a phone: it scrolls
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # and the page does not


def test_a_copied_data_link_reopens_the_same_dataset_and_search(open_page):
    page = open_page("data", "dataset=talks&q=Honda")
    assert dataset_picker(page).input_value() == "Partner talks (talks.csv)"
    assert page.get_by_label("Search the rows").input_value() == "Honda"
    assert page.get_by_text("rows contain “Honda”").is_visible()


def test_the_zip_download_holds_every_dataset(open_page):
    page = open_page("data", "view=downloads")
    with page.expect_download() as download:
        page.get_by_role("button", name=f"All {len(DATASETS)} datasets (zip)").click()
    archive = zipfile.ZipFile(download.value.path())
    assert sorted(archive.namelist()) == sorted(dataset.file_name for dataset in DATASETS.values())
    events = list(csv.DictReader(io.StringIO(archive.read("events.csv").decode("utf-8-sig"))))
    assert len(events) > 50 and all(row["source_url"].startswith("http") for row in events)


def test_the_status_chart_is_drawn(open_page):
    page = open_page("data", "view=sources")
    chart = page.locator(".st-key-status_chart .js-plotly-plot")
    chart.scroll_into_view_if_needed()
    expect(chart.locator("g.trace.bars")).to_have_count(4)
    assert chart.locator("g.point path").count() >= 8  # one bar per dataset and status present


def test_a_deep_link_opened_first_on_a_fresh_server_gets_the_full_app(page, fresh_app_url):
    # Streamlit runs a page alone (legacy pages/ mode) until app.py's navigation has run once.
    page.goto(f"{fresh_app_url}/data?dataset=links")
    wait_for_run(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("Chart camera saves")).to_be_visible()
    expect(sidebar.get_by_text("Explore", exact=True)).to_be_visible()
    expect(dataset_picker(page)).to_have_value("Network links (links.csv)")

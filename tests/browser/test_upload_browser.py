"""A reader's own data in a real browser: uploaded on the Data page, shown on every page of their session only,
gone when they return to the published data."""

from __future__ import annotations

from playwright.sync_api import expect

from components.app.store import DEFAULT_DATA_DIR
from components.data.validation import read_folder
from tests.browser.driver import wait_for_run

BANNER = ".st-key-own_data_banner"


def upload_one_talk(page, tmp_path):
    lines = (DEFAULT_DATA_DIR / "talks.csv").read_text(encoding="utf-8").splitlines()
    mine = tmp_path / "talks.csv"
    mine.write_text("\n".join(lines[:2]) + "\n", encoding="utf-8")
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(mine))
    expect(page.locator(BANNER)).to_be_visible()
    wait_for_run(page)


def open_partners(page):
    """Partners, reached as a reader moves within their session: through the menu (a reload starts a new one)."""
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", name="Partners", exact=True)).to_be_visible()
    wait_for_run(page)
    return page.get_by_test_id("stMetric").filter(has_text="Talks shown").get_by_test_id("stMetricValue")


def test_uploaded_data_shows_on_every_page_of_that_session_only(open_page, browser, app_url, tmp_path):
    page = open_page("data", "view=upload")
    upload_one_talk(page, tmp_path)
    expect(open_partners(page)).to_have_text("1 of 1")
    expect(page.locator(BANNER)).to_be_visible()

    other = browser.new_context().new_page()  # another reader, at the same time
    other.goto(f"{app_url}/data")
    wait_for_run(other)
    total = len(read_folder(DEFAULT_DATA_DIR).frames["talks"])
    expect(open_partners(other)).to_have_text(f"{total} of {total}")
    assert other.locator(BANNER).count() == 0
    other.context.close()


def test_returning_to_the_published_data_forgets_the_upload(open_page, tmp_path):
    page = open_page("data", "view=upload")
    upload_one_talk(page, tmp_path)
    talks_shown = open_partners(page)
    expect(talks_shown).to_have_text("1 of 1")
    page.get_by_role("button", name="Return to the published data").click()  # the banner is on every page
    expect(page.locator(BANNER)).to_have_count(0)
    total = len(read_folder(DEFAULT_DATA_DIR).frames["talks"])
    expect(talks_shown).to_have_text(f"{total} of {total}")

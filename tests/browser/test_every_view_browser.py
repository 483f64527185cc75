"""Every page and every section of it as readers see it: on a desktop and on a phone, in light and dark, in English
and in Chinese; its tabs kept in the link; and every chart's download, opened on its own, with its title, source
and axis labels inside the frame.

Each view is screenshotted to tests/browser/screenshots/ (not committed), to be looked at.
"""

from __future__ import annotations

import re

import pytest

from components.app.site import PAGES, SECTIONS
from tests.browser.driver import screenshot, wait_for_run

WIDTHS = {"desktop": (1440, 900), "phone": (390, 844)}
PATHS = ["" if spec is PAGES[0] else spec.url_path for spec in PAGES]  # the first page is served at the root
# Every section a link opens, as (path, query); a page without tabs is one section.
SECTION_LINKS = [(path, f"view={view}" if view else "")
                 for path, spec in zip(PATHS, PAGES) for view in SECTIONS.get(spec.url_path, [None])]
SECTION_NAMES = [f"{path or 'overview'}-{query[5:] or 'default'}" for path, query in SECTION_LINKS]
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
FILE_NAME = re.compile(r"\b[\w-]+\.(?:csv|md|zip|json)\b")  # the data's files keep their names in every language


@pytest.fixture
def view(browser, app_url):
    """Open a page at a width and colour scheme, wait for its run, and return the page."""
    contexts = []

    def open_(path: str, width: str, scheme: str = "light", query: str = ""):
        w, h = WIDTHS[width]
        context = browser.new_context(viewport={"width": w, "height": h}, color_scheme=scheme,
                                      accept_downloads=True)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(f"{app_url}/{path}" + (f"?{query}" if query else ""))
        wait_for_run(page)
        return page

    yield open_
    for context in contexts:
        context.close()


def charts_drawn(page) -> None:
    """Every Plotly chart on the page has drawn its plot area."""
    page.wait_for_function("""() => [...document.querySelectorAll('.js-plotly-plot')].every(chart =>
        chart.querySelector('.main-svg .cartesianlayer, .main-svg .treemaplayer, .main-svg .pielayer'))""")


def fits_its_screen(page, width: str, scheme: str) -> None:
    charts_drawn(page)
    assert not page.locator('[data-testid="stException"], [role="dialog"]').count()  # no error, no "page not found"
    # No sideways scrolling of the page itself (a wide table scrolls inside its own frame).
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS[width][0]
    background = page.evaluate("getComputedStyle(document.querySelector('.stApp')).backgroundColor")
    assert (background == "rgb(255, 255, 255)") == (scheme == "light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("path", PATHS)
def test_every_page_fits_its_screen_in_either_theme(view, path, width, scheme):
    page = view(path, width, scheme)
    fits_its_screen(page, width, scheme)
    screenshot(page, f"{path or 'overview'}-{width}-{scheme}")


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize(("path", "query"), SECTION_LINKS, ids=SECTION_NAMES)
def test_every_section_fits_its_screen(view, path, query, width):
    page = view(path, width, query=query)
    fits_its_screen(page, width, "light")
    screenshot(page, f"{path or 'overview'}-{query[5:] or 'default'}-{width}")


@pytest.mark.parametrize(("path", "query"), SECTION_LINKS, ids=SECTION_NAMES)
def test_every_section_reads_in_chinese_on_a_phone(view, path, query):
    page = view(path, "phone", query="&".join(filter(None, [query, "lang=zh"])))
    charts_drawn(page)
    assert not page.locator('[data-testid="stException"]').count()
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"][0]
    text = FILE_NAME.sub(" ", page.locator('[data-testid="stMain"]').inner_text())
    cjk, latin = len(CJK.findall(text)), sum(map(len, LATIN_WORD.findall(text)))
    assert cjk > latin, f"{cjk} Chinese characters, {latin} Latin letters"
    # Chinese is drawn in a Simplified-Chinese face, not the Japanese one Chromium would fall back to.
    family = page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    assert family.index("CJK SC") < family.index("sans-serif"), family
    screenshot(page, f"{path or 'overview'}-{query[5:] or 'default'}-phone-zh")


def test_a_tab_clicked_opens_its_section_and_is_kept_in_the_link_by_id_in_either_language(view):
    page = view("history", "phone")
    assert page.locator(".js-plotly-plot").count() == 1  # the timeline only: the stakes wait for their tab
    page.get_by_role("tab", name="Cross-shareholdings").click()
    wait_for_run(page)
    charts_drawn(page)
    assert "view=stakes" in page.url
    assert page.locator(".st-key-stakes_chart .js-plotly-plot").count() == 1
    assert not page.locator(".st-key-timeline .js-plotly-plot").count()
    page.locator(".st-key-language_switch").get_by_text("中文").click()
    wait_for_run(page)
    assert "view=stakes" in page.url and "lang=zh" in page.url
    assert page.get_by_role("tab", selected=True).inner_text() == "交叉持股"
    page.get_by_role("tab").first.click()
    wait_for_run(page)
    assert "view=" not in page.url  # the first section is where the page opens: the link stays short
    assert page.locator(".st-key-timeline .js-plotly-plot").count() == 1


def test_the_language_is_kept_in_the_link_and_across_pages(view):
    page = view("history", "desktop")
    page.locator(".st-key-language_switch").get_by_text("中文").click()
    wait_for_run(page)
    assert "lang=zh" in page.url
    assert page.get_by_role("heading", name=re.compile("历史")).first.is_visible()
    page.get_by_role("link", name=re.compile("网络")).first.click()
    wait_for_run(page)
    assert "lang=zh" in page.url and "/network" in page.url


def test_the_language_switch_is_on_the_page_on_a_phone(view):
    page = view("", "phone")
    switch = page.locator(".st-key-language_switch")
    assert switch.is_visible() and switch.get_by_text("中文").is_visible()


def test_chinese_charts_speak_chinese_in_their_toolbar_and_dates(view):
    page = view("partners", "desktop", query="lang=zh")
    charts_drawn(page)
    chart = page.locator(".js-plotly-plot").last
    chart.hover()
    titles = chart.locator(".modebar-btn").evaluate_all("buttons => buttons.map(b => b.getAttribute('data-title'))")
    assert any(title and CJK.search(title) for title in titles), titles
    ticks = chart.locator(".xtick text").evaluate_all("ticks => ticks.map(tick => tick.textContent)")
    assert ticks and all(CJK.search(tick) or tick.strip().isdigit() for tick in ticks), ticks


def _download_each_chart(page, folder) -> list:
    """Every "Chart as HTML" download of the page, saved under its own name in `folder`; their paths."""
    paths = []
    buttons = page.locator('[data-testid="stDownloadButton"] button', has_text=re.compile("Chart as HTML|图表")) \
        .filter(visible=True)  # a chart folded away in an expander is not the reader's view
    buttons.first.wait_for()  # the buttons come in after the charts they sit under
    for index in range(buttons.count()):
        with page.expect_download() as download:
            buttons.nth(index).click()
        path = folder / download.value.suggested_filename
        download.value.save_as(path)
        paths.append(path)
    return paths


# The sections that draw a Plotly chart (the network is drawn by pyvis, and tested on its own).
CHART_SECTIONS = [("history", "view=timeline"), ("history", "view=stakes"), ("plan", "view=models"),
                  ("plan", "view=targets"), ("plan", "view=changes"), ("partners", "view=grid"),
                  ("partners", "view=timelines"), ("network", "view=metrics"), ("data", "view=fact_check"),
                  ("data", "view=sources")]


@pytest.mark.parametrize("lang", ["", "lang=zh"])
@pytest.mark.parametrize(("path", "section"), CHART_SECTIONS, ids=[f"{p}-{s[5:]}" for p, s in CHART_SECTIONS])
def test_every_downloaded_chart_carries_its_title_source_and_axes_inside_the_frame(view, browser, path, section,
                                                                                   lang, tmp_path):
    page = view(path, "desktop", query="&".join(filter(None, [section, lang])))
    charts_drawn(page)
    files = _download_each_chart(page, tmp_path)
    assert files
    for width in WIDTHS.values():
        context = browser.new_context(viewport={"width": width[0], "height": width[1]}, offline=True)
        reader = context.new_page()
        for file in files:
            reader.goto(file.as_uri())
            reader.wait_for_selector(".js-plotly-plot .main-svg")
            frame = reader.locator(".js-plotly-plot .main-svg").first.bounding_box()
            title = reader.locator(".js-plotly-plot .gtitle").first
            source = reader.locator(".js-plotly-plot .gtitle-subtitle, .js-plotly-plot .gsubtitle").first
            assert title.text_content().strip(), file
            assert "Alliance Explorer" in source.text_content(), file
            labels = [title, source, *reader.locator(".js-plotly-plot .xtick text, .js-plotly-plot .ytick text")
                      .all()]
            for label in labels:
                box = label.bounding_box()
                if box is None:  # a tick hidden by Plotly itself
                    continue
                assert frame["x"] - 1 <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1, (
                    file, label.text_content())
                assert frame["y"] - 1 <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1, (
                    file, label.text_content())
            assert reader.locator(".modebar-btn[data-title*='Cloud'], .modebar-btn[data-attr='sendDataToCloud']") \
                .count() == 0
        context.close()

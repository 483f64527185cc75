"""The Network page in a real browser: the canvas is drawn and then holds still, moving the date changes the ties
drawn, and a hostile company name runs nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from components.app.store import DEFAULT_DATA_DIR
from tests import factories
from tests.browser.conftest import _start_app
from tests.browser.driver import screenshot, wait_for_run

HOSTILE = '<img src=x onerror=alert(1)> [link](javascript:alert(2)) href="https://evil.example"'
NEXT_FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

SETTLED = "typeof network !== 'undefined' && network.physics.physicsEnabled === false"


def network_frame(page):
    """The frame holding the network, once its layout has stabilised and physics has stopped."""
    page.locator('[data-testid="stMain"] iframe').first.wait_for()
    frame = next(frame for frame in page.frames if frame.url == "about:srcdoc")
    frame.wait_for_function(SETTLED, timeout=30_000)
    return frame


def drawn_pixels(frame) -> int:
    return frame.evaluate("""() => {
        const canvas = document.querySelector('#mynetwork canvas');
        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        let drawn = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) drawn++;
        return drawn;
    }""")


def test_the_network_canvas_is_drawn_and_stops_moving(open_page):
    page = open_page("network")
    frame = network_frame(page)
    assert drawn_pixels(frame) > 5_000
    positions = frame.evaluate("JSON.stringify(network.getPositions())")
    frame.evaluate(NEXT_FRAMES)
    assert frame.evaluate("JSON.stringify(network.getPositions())") == positions  # no drift
    screenshot(page, "network")


@pytest.mark.parametrize("width", [1400, 390])
def test_every_label_is_readable_at_the_default_zoom(browser, app_url, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{app_url}/network")
    wait_for_run(page)
    frame = network_frame(page)
    smallest_on_screen = frame.evaluate(
        "network.getScale() * Math.min(...Object.values(network.body.nodes).map(node => node.options.font.size))")
    assert smallest_on_screen >= 11 - 0.01
    screenshot(page, f"network-labels-{width}")
    context.close()


def test_a_focused_company_is_centred_and_highlighted(open_page):
    page = open_page("network", "focus=honda&steps=2")
    frame = network_frame(page)
    assert frame.evaluate("network.getSelectedNodes()") == ["honda"]
    point = frame.evaluate("network.canvasToDOM(network.getPositions(['honda']).honda)")
    box = frame.evaluate("[document.getElementById('mynetwork').clientWidth, "
                         "document.getElementById('mynetwork').clientHeight]")
    assert abs(point["x"] - box[0] / 2) < box[0] * 0.05 and abs(point["y"] - box[1] / 2) < box[1] * 0.05


def test_moving_the_date_changes_the_number_of_ties_drawn(open_page):
    page = open_page("network", "as_of=1999-12-31")
    early = network_frame(page).evaluate("network.body.data.edges.length")
    assert page.get_by_text(f"{early} tie{'s' * (early != 1)} shown").is_visible()
    page.get_by_role("button", name="2025 · Alliance 2.0").click()
    wait_for_run(page)
    late = network_frame(page).evaluate("network.body.data.edges.length")
    assert late > early
    assert page.get_by_text(f"{late} ties shown").is_visible()
    # The address now holds the new date: reopening it shows the same network, with no notice.
    page.goto(page.url)
    wait_for_run(page)
    assert network_frame(page).evaluate("network.body.data.edges.length") == late
    assert page.get_by_test_id("stAlert").count() == 0


def test_the_downloaded_network_draws_offline(open_page, browser, tmp_path):
    page = open_page("network", "as_of=2016-12-31")
    with page.expect_download() as download:
        page.get_by_role("button", name="Network as HTML (works offline)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    offline = browser.new_context()
    requested = []
    offline.route("http*://**", lambda route: (requested.append(route.request.url), route.abort()))
    copy = offline.new_page()
    copy.goto(path.as_uri())
    copy.wait_for_function(SETTLED, timeout=30_000)
    assert drawn_pixels(copy.main_frame) > 5_000
    assert copy.title() == "Alliance Explorer network, 31 December 2016"
    assert "Alliance Explorer" in copy.locator(".credit").inner_text()  # its source, link and date
    with copy.expect_download() as image:
        copy.get_by_role("button", name="Save as PNG").click()
    assert image.value.suggested_filename == "alliance-explorer-network-31-december-2016.png"
    png = Path(image.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    assert requested == []
    offline.close()


@pytest.fixture(scope="module")
def hostile_app_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, folder)
    factories.edit(folder / "companies.csv", lambda rows: rows + factories.rows(
        "companies", {"id": "hostile", "name": HOSTILE, "country": "FR", "source_url": "https://example.com/h"}))
    factories.edit(folder / "links.csv", lambda rows: rows + factories.rows(
        "links", {"source": "hostile", "target": "nissan", "start": "2001-01-01", "label": HOSTILE}))
    process, url = _start_app(folder)
    yield url
    process.terminate()
    process.wait(timeout=10)


def test_a_hostile_company_name_runs_nothing_and_shows_as_text(page, hostile_app_url):
    problems = []
    page.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.goto(f"{hostile_app_url}/network?focus=hostile")
    wait_for_run(page)
    frame = network_frame(page)
    # Hover the hostile company's dot: its tooltip holds the name as characters.
    point = frame.evaluate("network.canvasToDOM(network.getPositions(['hostile']).hostile)")
    canvas = frame.locator("#mynetwork canvas")
    canvas.hover(position={"x": point["x"] - 4, "y": point["y"] - 4})
    canvas.hover(position={"x": point["x"], "y": point["y"]})
    tooltip = frame.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert tooltip.inner_text().replace("\u2060", "").startswith(HOSTILE)  # a word joiner keeps "href" inert
    assert frame.evaluate("document.querySelectorAll('img, #mynetwork script').length") == 0
    assert problems == []
    assert page.get_by_test_id("stAlert").count() == 0  # the focus came back from the link
    injected = '[data-testid="stMain"] a[href^="javascript"], [data-testid="stMain"] img[src="x"]'
    assert page.locator(injected).count() == 0
    screenshot(page, "network-hostile")

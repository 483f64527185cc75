"""The Network page, run as a reader opens it (AppTest): the date, presets, filters and focus change the network
drawn, and a copied link restores them."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from bench.generate import generate
from components.app import cached
from components.builders import network
from components.data.contract import DATASETS, LINK_STATUSES, LINK_TYPES
from tests import factories
from tests.conftest import run_page
from tests.reading import as_read, warnings

PAGE = "pages/network.py"
METRICS = {"view": "metrics"}
LISTED = {"ties_listing": True}  # the ties table's expander opened, as a reader opens it
HOSTILE = "<img src=x onerror=alert(1)>"


def network_html(app) -> str:
    return app.get("iframe")[0].proto.srcdoc


def ties_shown(app) -> int:
    caption = next(caption.value for caption in app.caption if " shown**" in caption.value)
    return int(re.search(r"\*\*(\d+) ties? shown\*\*", caption).group(1))


def edges_in(html: str) -> int:
    return html.split("edges = new vis.DataSet(", 1)[1].split(");\n", 1)[0].count('"from"')


def last_day(real_data) -> date:
    return network.date_span(real_data.frames["links"])[1]


def test_the_network_page_opens_on_the_datas_last_date(real_data):
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    links = real_data.frames["links"]
    assert app.slider(key="as_of").value == last_day(real_data)
    in_force = network.active_on(links, last_day(real_data))
    assert edges_in(network_html(app)) == ties_shown(app) == len(app.dataframe[0].value) == len(in_force)
    assert not app.get("plotly_chart")  # the metrics are drawn in their own section, when it is opened


def test_the_ties_table_is_drawn_once_its_expander_is_opened():
    folded = run_page(PAGE)
    assert not folded.exception and not folded.dataframe
    assert any(button.proto.label.startswith("Filtered rows") for button in folded.get("download_button"))
    assert edges_in(network_html(folded)) == len(run_page(PAGE, session=LISTED).dataframe[0].value)


def test_moving_the_date_changes_the_network(real_data):
    app = run_page(PAGE, session=LISTED)
    latest = network_html(app)
    app.slider(key="as_of").set_value(date(2000, 6, 1)).run()
    in_force = network.active_on(real_data.frames["links"], date(2000, 6, 1))
    assert network_html(app) != latest
    assert edges_in(network_html(app)) == ties_shown(app) == len(in_force)
    names = real_data.frames["companies"].set_index("id")["name"]
    assert set(app.dataframe[0].value["from"]) | set(app.dataframe[0].value["to"]) == {
        names[company] for company in set(in_force["source"]) | set(in_force["target"])}


def test_a_preset_moves_the_date():
    app = run_page(PAGE, session=LISTED)
    app.button(key="preset_2016").click().run()
    assert app.slider(key="as_of").value == date(2016, 12, 31)
    ties = app.dataframe[0].value
    assert (ties["start"] <= "2016-12-31").all()
    assert ((ties["to"] == "Mitsubishi Motors") | (ties["from"] == "Mitsubishi Motors")).any()


def test_the_type_and_status_filters_change_the_network():
    app = run_page(PAGE, session=LISTED)
    every = network_html(app)
    app.multiselect(key="tie_types").set_value(["equity"]).run()
    assert network_html(app) != every
    assert set(app.dataframe[0].value["type"]) == {"Equity stake"}
    app.multiselect(key="tie_status").set_value(["in_talks"]).run()
    assert not app.get("iframe")  # no equity tie is in talks
    assert "No ties" in app.info[0].value


def test_a_focus_shows_the_companys_neighbourhood_and_two_steps_reach_further():
    app = run_page(PAGE, session=LISTED)
    app.selectbox(key="focus").set_value("wayve").run()
    one = app.dataframe[0].value
    assert set(one["from"]) | set(one["to"]) == {"Wayve", "Nissan"}
    app.button_group[0].set_value(2).run()
    two = app.dataframe[0].value
    assert len(two) > len(one) and "Renault" in set(two["from"]) | set(two["to"])


def card(app) -> str | None:
    """The company card's text, if one is open (it is the one markdown that counts ties "in the data")."""
    return next((as_read(markdown.value) for markdown in app.markdown if "in the data" in markdown.value), None)


def test_the_focused_companys_card_shows(real_data):
    app = run_page(PAGE, session=LISTED, query={"focus": "mitsubishi"})
    assert not app.exception
    name = real_data.frames["companies"].set_index("id").loc["mitsubishi", "name"]
    ever = network.tie_counts(real_data.frames["links"])["mitsubishi"]
    assert card(app).startswith(f"**{name}**") and f"{ever} ties in the data" in card(app)
    assert card(run_page(PAGE, session=LISTED)) is None  # no card without a focus


def test_colouring_by_kind_changes_the_network():
    app = run_page(PAGE, session=LISTED)
    by_company = network_html(app)
    app.button_group[0].set_value("kind").run()
    # The legend gains the kinds (its entries end in </span>; tooltips name kinds either way).
    assert network_html(app) != by_company and "Automaker</span>" in network_html(app)
    assert "Automaker</span>" not in by_company


def test_url_parameters_by_id_restore_the_view():
    app = run_page(PAGE, session=LISTED, query={"as_of": "2016-12-31", "focus": "mitsubishi", "steps": "2",
                          "tie_types": ["equity", "joint_venture"], "tie_status": ["active", "ended"],
                          "colour_by": "kind"})
    assert not app.exception and not app.warning, warnings(app)
    assert app.slider(key="as_of").value == date(2016, 12, 31)
    assert app.selectbox(key="focus").value == "mitsubishi"
    assert app.multiselect(key="tie_types").value == ["equity", "joint_venture"]
    assert app.multiselect(key="tie_status").value == ["active", "ended"]
    assert [group.value for group in app.button_group] == [2, "kind"]
    ties = app.dataframe[0].value
    assert set(ties["type"]) <= {"Equity stake", "Joint venture"} and (ties["start"] <= "2016-12-31").all()


def test_an_old_link_with_a_company_name_is_ignored_with_a_notice():
    app = run_page(PAGE, session=LISTED, query={"focus": "Mitsubishi Motors"})
    assert not app.exception
    assert "focus=Mitsubishi Motors" in warnings(app)
    assert app.selectbox(key="focus").value is None


def test_a_date_as_streamlit_writes_it_in_the_url_is_restored_without_a_notice():
    # Moving a bound date slider writes microseconds since 1970 into the address.
    micros = int((datetime(2016, 12, 31) - datetime(1970, 1, 1)).total_seconds()) * 1_000_000
    app = run_page(PAGE, session=LISTED, query={"as_of": str(micros)})
    assert not app.exception and not app.warning, warnings(app)
    assert app.slider(key="as_of").value == date(2016, 12, 31)


def test_a_bogus_url_value_is_ignored_with_a_notice(real_data):
    app = run_page(PAGE, session=LISTED, query={"as_of": "1850-01-01", "focus": "nobody", "tie_types": "nonsense"})
    assert not app.exception
    for shown in ("as_of=1850-01-01", "focus=nobody", "tie_types=nonsense"):
        assert shown in warnings(app)
    assert app.slider(key="as_of").value == last_day(real_data)


def test_the_network_its_ties_and_its_metrics_can_be_downloaded():
    labels = [button.proto.label for button in run_page(PAGE, session=LISTED).get("download_button")]
    assert "Network as HTML (works offline)" in labels
    assert any(label.startswith("Filtered rows") for label in labels)
    labels = [button.proto.label for button in run_page(PAGE, METRICS).get("download_button")]
    assert "Chart as HTML" in labels and "Metrics as CSV" in labels


def test_the_metrics_chart_marks_the_date_and_follows_the_type_filter():
    app = run_page(PAGE, METRICS | {"as_of": "2016-12-31"})
    assert not app.get("iframe")  # the network itself is not drawn under its metrics
    every = app.get("plotly_chart")[0].proto.spec
    assert '"x0":2016.0' in every.replace(" ", "")
    app.multiselect(key="tie_types").set_value(["technology", "supply"]).run()
    assert app.get("plotly_chart")[0].proto.spec != every


# --- other data folders ---------------------------------------------------------------------------

def folder_with(folder: Path, companies: list[dict], links: list[dict]) -> Path:
    folder.mkdir(exist_ok=True)
    factories.write(folder, "companies", *companies)
    factories.write(folder, "links", *links)
    return folder


THREE = [{"id": "renault", "name": "Renault"}, {"id": "nissan", "name": "Nissan"}, {"id": "honda", "name": "Honda"}]


def test_links_all_starting_late_keep_only_the_presets_from_then_on(tmp_path, use_data_dir):
    use_data_dir(folder_with(tmp_path / "late", THREE, [
        {"source": "renault", "target": "nissan", "type": "equity", "start": "2020-03-01"},
        {"source": "honda", "target": "nissan", "type": "talks", "start": "2024-12-23", "status": "in_talks"},
    ]))
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    assert app.slider(key="as_of").value == date(2024, 12, 23)
    kept = {button.proto.label for button in app.button}
    assert kept == {preset.label for preset in network.PRESETS if preset.day >= date(2020, 3, 1)}
    assert ties_shown(app) == 2


def test_links_that_all_start_on_one_day_draw_without_a_slider(tmp_path, use_data_dir):
    use_data_dir(folder_with(tmp_path / "one-day", THREE, [
        {"source": "renault", "target": "nissan", "type": "equity", "start": "2021-05-04"},
        {"source": "honda", "target": "nissan", "start": "2021-05-04"},
    ]))
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    assert not app.slider  # one day: nothing to choose
    assert ties_shown(app) == 2 and edges_in(network_html(app)) == 2


def test_no_preset_date_is_offered_when_the_data_spans_one_day(tmp_path, use_data_dir):
    use_data_dir(folder_with(tmp_path / "one-day", THREE, [
        {"source": "renault", "target": "nissan", "type": "equity", "start": "2021-05-04"},
    ]))
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    assert not [button for button in app.button if button.key.startswith("preset_")]
    assert ties_shown(app) == 1


def test_a_hostile_company_name_is_shown_as_text(data_copy, use_data_dir):
    for name, row in (
        ("companies", {"id": "hostile", "name": HOSTILE, "kind": "other", "source_status": "unverified"}),
        ("links", {"source": "hostile", "target": "nissan", "type": "talks", "status": "in_talks",
                   "start": "2020-01-01", "label": "<script>alert(2)</script> href"}),
    ):
        added = factories.rows(name, row)
        factories.edit(data_copy / DATASETS[name].file_name, lambda rows, added=added: [*rows, *added])
    use_data_dir(data_copy)
    app = run_page(PAGE, session=LISTED, query={"focus": "hostile"})
    assert not app.exception and not app.warning, warnings(app)
    html = network_html(app)
    assert "<img src=x" not in html and "<script>alert(2)" not in html and "popup.innerHTML" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # the name itself, as JSON text
    assert HOSTILE in set(app.dataframe[0].value["from"])


def test_a_network_too_big_to_draw_draws_its_busiest_ties_and_says_so(real_data, tmp_path, use_data_dir):
    in_force = len(network.active_on(real_data.frames["links"], last_day(real_data)))
    generate(network.MAX_DRAWN_TIES // in_force + 1, tmp_path)  # copies of the data: more ties than are drawn
    use_data_dir(tmp_path)
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    shown = len(app.dataframe[0].value)
    assert shown > network.MAX_DRAWN_TIES
    assert edges_in(network_html(app)) == network.MAX_DRAWN_TIES
    notice = " ".join(info.value for info in app.info)
    assert f"shows the {network.MAX_DRAWN_TIES} ties of the companies with the most ties, of the {shown:,} shown" in (
        notice.replace("\\", ""))


def test_the_network_page_kept_for_the_ties_drawn_is_the_page_drawn_from_every_company(real_data):
    links, companies = real_data.frames["links"], real_data.frames["companies"]
    shown = network.view(links, pd.Timestamp(last_day(real_data)), types=list(LINK_TYPES), statuses=list(LINK_STATUSES))
    positions = network.layout(links)
    assert len(shown) and set(companies["id"]) - set(shown["source"]) - set(shown["target"])  # some are left out
    for color_by in network.COLOR_BY:
        options = {"title": "t", "caption": "c", "credit": "x", "color_by": color_by, "focus": None, "dark": False,
                   "lang": "en"}
        assert (cached.network_page(shown, companies, positions=positions, **options)
                == network.network_html(shown, companies, positions=positions, **options))

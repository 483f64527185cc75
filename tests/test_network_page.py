"""The Network page, run as a reader opens it (AppTest): the date, presets, filters and focus change the network
drawn, and a copied link restores them."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

from tests.conftest import run_page

PAGE = "pages/network.py"
HOSTILE = "<img src=x onerror=alert(1)>"


def network_html(app) -> str:
    return app.get("iframe")[0].proto.srcdoc


def ties_shown(app) -> int:
    caption = next(caption.value for caption in app.caption if " shown**" in caption.value)
    return int(re.search(r"\*\*(\d+) ties? shown\*\*", caption).group(1))


def edges_in(html: str) -> int:
    return html.split("edges = new vis.DataSet(", 1)[1].split(");\n", 1)[0].count('"from"')


def test_the_network_page_draws_todays_network():
    app = run_page(PAGE)
    assert not app.exception
    assert app.slider(key="as_of").value == date.today()
    html = network_html(app)
    assert edges_in(html) == ties_shown(app) > 20
    assert len(app.dataframe[0].value) == ties_shown(app)
    assert len(app.get("plotly_chart")) == 1


def test_moving_the_date_changes_the_network():
    app = run_page(PAGE)
    today_html, today_ties = network_html(app), ties_shown(app)
    app.slider(key="as_of").set_value(date(2000, 6, 1)).run()
    assert network_html(app) != today_html
    assert edges_in(network_html(app)) == ties_shown(app) < today_ties
    assert set(app.dataframe[0].value["from"]) | set(app.dataframe[0].value["to"]) == {"Renault", "Nissan"}


def test_a_preset_moves_the_date():
    app = run_page(PAGE)
    app.button(key="preset_2016").click().run()
    assert app.slider(key="as_of").value == date(2016, 12, 31)
    ties = app.dataframe[0].value
    assert (ties["start"] <= "2016-12-31").all()
    assert ((ties["to"] == "Mitsubishi Motors") | (ties["from"] == "Mitsubishi Motors")).any()


def test_the_type_and_status_filters_change_the_network():
    app = run_page(PAGE)
    every = network_html(app)
    app.multiselect(key="tie_types").set_value(["equity"]).run()
    assert network_html(app) != every
    assert set(app.dataframe[0].value["type"]) == {"Equity stake"}
    app.multiselect(key="tie_status").set_value(["in_talks"]).run()
    assert not app.get("iframe")  # no equity tie is in talks
    assert "No ties" in app.info[0].value


def test_a_focus_shows_the_companys_neighbourhood_and_two_steps_reach_further():
    app = run_page(PAGE)
    app.selectbox(key="focus").set_value("wayve").run()
    one = app.dataframe[0].value
    assert set(one["from"]) | set(one["to"]) == {"Wayve", "Nissan"}
    app.button_group[0].set_value(2).run()
    two = app.dataframe[0].value
    assert len(two) > len(one) and "Renault" in set(two["from"]) | set(two["to"])


def test_colouring_by_kind_changes_the_network():
    app = run_page(PAGE)
    by_company = network_html(app)
    app.button_group[0].set_value("kind").run()
    # The legend gains the kinds (its entries end in </span>; tooltips name kinds either way).
    assert network_html(app) != by_company and "Automaker</span>" in network_html(app)
    assert "Automaker</span>" not in by_company


def test_url_parameters_restore_the_view():
    app = run_page(PAGE, {"as_of": "2016-12-31", "focus": "Mitsubishi Motors", "steps": "2 steps",
                          "tie_types": ["Equity stake", "Joint venture"], "tie_status": ["Active", "Ended"],
                          "colour_by": "Kind"})
    assert not app.exception and not app.warning
    assert app.slider(key="as_of").value == date(2016, 12, 31)
    assert app.selectbox(key="focus").value == "mitsubishi"
    assert app.multiselect(key="tie_types").value == ["equity", "joint_venture"]
    assert app.multiselect(key="tie_status").value == ["active", "ended"]
    assert [group.value for group in app.button_group] == [2, "kind"]
    ties = app.dataframe[0].value
    assert set(ties["type"]) <= {"Equity stake", "Joint venture"} and (ties["start"] <= "2016-12-31").all()


def test_a_date_as_streamlit_writes_it_in_the_url_is_restored_without_a_notice():
    # Moving a bound date slider writes microseconds since 1970 into the address: 2025-12-31 here.
    app = run_page(PAGE, {"as_of": "1767139200000000"})
    assert not app.exception and not app.warning
    assert app.slider(key="as_of").value == date(2025, 12, 31)


def test_a_bogus_url_value_is_ignored_with_a_notice():
    app = run_page(PAGE, {"as_of": "1850-01-01", "focus": "Nobody", "tie_types": "nonsense"})
    assert not app.exception
    warnings = " ".join(warning.value for warning in app.warning)
    assert "as_of=1850-01-01" in warnings and "focus=Nobody" in warnings and "tie_types=nonsense" in warnings
    assert app.slider(key="as_of").value == date.today()


def test_the_network_and_its_ties_can_be_downloaded():
    app = run_page(PAGE)
    labels = [button.proto.label for button in app.get("download_button")]
    assert "Network as HTML (works offline)" in labels
    assert any(label.startswith("Filtered rows") for label in labels) and "Chart as HTML" in labels


def test_the_metrics_chart_marks_the_date_and_follows_the_type_filter():
    app = run_page(PAGE, {"as_of": "2016-12-31"})
    every = app.get("plotly_chart")[0].proto.spec
    assert '"x0":2016.0' in every.replace(" ", "")
    app.multiselect(key="tie_types").set_value(["technology", "supply"]).run()
    assert app.get("plotly_chart")[0].proto.spec != every


def add_hostile_company(folder: Path) -> None:
    """A company whose name is markup, tied to Nissan by a link whose label is a script."""
    with (folder / "companies.csv").open("a", encoding="utf-8", newline="") as file:
        csv.writer(file).writerow(["hostile", HOSTILE, "JP", "other", "#999999", "https://example.org/hostile",
                                   "unverified", "A test row."])
    with (folder / "links.csv").open("a", encoding="utf-8", newline="") as file:
        csv.writer(file).writerow(["hostile", "nissan", "talks", "2020-01-01", "", "in_talks", "1",
                                   "<script>alert(2)</script> href", "https://example.org/hostile", "unverified", ""])


def test_a_hostile_company_name_is_shown_as_text(data_copy, use_data_dir):
    add_hostile_company(data_copy)
    use_data_dir(data_copy)
    app = run_page(PAGE, {"focus": HOSTILE})
    assert not app.exception and not app.warning
    html = network_html(app)
    assert "<img src=x" not in html and "<script>alert(2)" not in html and "popup.innerHTML" not in html
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in html  # the name itself, as JSON text
    assert HOSTILE in set(app.dataframe[0].value["from"])

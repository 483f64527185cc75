"""The History page under AppTest: it runs, its filters change what is drawn, the URL restores them,
a broken link is survived with a notice, and a selected event opens its card."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from tests.conftest import run_page

PAGE = "pages/history.py"


def figure(app, index: int = 0) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def values(array) -> list:
    """A spec array as a list: Plotly writes numeric arrays as base64 ("bdata") with a dtype."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def drawn_ids(app) -> set[str]:
    """The ids of the events the timeline draws, read from the figure spec."""
    return {row[0] for trace in figure(app)["data"] if trace.get("meta") == "event" for row in trace["customdata"]}


def table(app):
    return app.dataframe[0].value


def card(app) -> str:
    """The text of the subheaders and Markdown, with the escaping of data text undone."""
    text = " ".join(sub.value for sub in app.subheader) + " " + " ".join(md.value for md in app.markdown)
    return text.replace("\\", "")


@pytest.fixture(scope="module")
def opened(real_data):
    return run_page(PAGE)


def test_page_draws_every_event_and_the_stakes(opened, real_data):
    events = real_data.frames["events"]
    assert not opened.exception
    assert drawn_ids(opened) == set(events["id"])
    assert len(table(opened)) == len(events)
    stakes = figure(opened, 1)
    assert {trace["line"]["shape"] for trace in stakes["data"]} == {"hv"}
    assert any("Renault → Nissan (in trust)" == trace["name"] for trace in stakes["data"])
    assert any("The timeline shows all" in caption.value for caption in opened.caption)


def test_category_filter_changes_chart_and_table(opened, real_data):
    events = real_data.frames["events"]
    opened.multiselect(key="categories").set_value(["equity"]).run()
    equity = set(events.loc[events["category"] == "equity", "id"])
    assert drawn_ids(opened) == equity
    assert set(table(opened)["category"]) == {"equity"}
    assert len(table(opened)) == len(equity)
    labels = [button.proto.label for button in opened.get("download_button")]
    assert f"Filtered rows ({len(equity)}) as CSV" in labels and f"All rows ({len(events)}) as CSV" in labels
    opened.multiselect(key="categories").set_value(list(events["category"].unique())).run()


@pytest.mark.parametrize(("query", "check"), [
    ({"categories": "crisis"}, lambda e: e["category"] == "crisis"),
    ({"companies": "Honda"}, lambda e: e["companies"].str.split(";").map(lambda ids: "honda" in ids)),
    ({"status": "Press report"}, lambda e: e["source_status"] == "press_report"),
    ({"search": "ghosn"}, lambda e: (e["title"] + " " + e["summary"]).str.lower().str.contains("ghosn")),
    ({"dates": ["2024-01-01", "2024-12-31"]},
     lambda e: (e["date"] <= "2024-12-31") & (e["end_date"].fillna(e["date"]) >= "2024-01-01")),
])
def test_url_parameters_restore_each_filter(real_data, query, check):
    events = real_data.frames["events"]
    app = run_page(PAGE, query=query)
    assert not app.exception and not app.warning
    expected = set(events.loc[check(events), "id"])
    assert 0 < len(expected) < len(events)
    assert drawn_ids(app) == expected
    assert set(table(app)["id"]) == expected


def test_url_restores_the_widgets_themselves():
    app = run_page(PAGE, query={"categories": ["equity", "plan"], "search": "Renault", "lanes": "Company"})
    assert app.multiselect(key="categories").value == ["equity", "plan"]
    assert app.text_input(key="search").value == "Renault"
    assert "Nissan" in figure(app)["layout"]["yaxis"]["ticktext"]  # lanes by company


def test_dates_filter_is_shared_by_the_stakes_chart():
    app = run_page(PAGE, query={"dates": ["2010-01-01", "2020-12-31"]})
    stakes = figure(app, 1)
    assert stakes["layout"]["xaxis"]["range"][0].startswith("2009")  # the range less a little padding
    renault_nissan = next(t for t in stakes["data"] if t["name"] == "Renault → Nissan (direct)")
    assert values(renault_nissan["y"]) == [44.4, 44.4]  # carried in at the start, run on to the end


def test_all_holdings_shows_more_stakes():
    partners = run_page(PAGE)
    everything = run_page(PAGE, query={"holdings": "All holdings"})
    assert len(figure(everything, 1)["data"]) > len(figure(partners, 1)["data"])
    assert everything.segmented_control(key="holdings").value == "all"


def test_bogus_url_values_are_ignored_with_a_notice():
    app = run_page(PAGE, query={"categories": "nonsense", "dates": "yesterday", "lanes": "sideways",
                                "status": "rumour", "event": "no-such-event", "holdings": "x"})
    assert not app.exception
    warnings = " ".join(w.value for w in app.warning)
    for key in ("categories", "dates", "lanes", "status", "event", "holdings"):
        assert f"`{key}=" in warnings
    assert app.get("plotly_chart")  # the page still draws, with the defaults


def test_no_match_says_so_and_how_to_widen():
    app = run_page(PAGE, query={"search": "zzzz-no-such-text"})
    assert not app.exception
    message = app.info[0].value
    assert message.startswith("No events match") and "clear the search" in message
    assert len(table(app)) == 0


def test_selecting_a_table_row_opens_its_card():
    app = run_page(PAGE)
    first = table(app).iloc[2]
    app.session_state["history_table"] = {"selection": {"rows": [2], "columns": [], "cells": []}}
    app.run()
    assert first["title"] in card(app)
    assert app.query_params["event"] == first["id"]  # so a copied link reopens the card


def test_selecting_a_chart_point_opens_its_card(real_data):
    event = real_data.frames["events"].set_index("id").loc["ghosn-arrested"]
    app = run_page(PAGE)
    app.session_state["timeline"] = {"selection": {
        "points": [{"curve_number": 1, "point_index": 0, "customdata": ["ghosn-arrested"]}],
        "point_indices": [0], "box": [], "lasso": []}}
    app.run()
    assert "Carlos Ghosn arrested in Tokyo" in card(app)
    assert "18 November 2018" not in card(app) and "19 November 2018" in card(app)
    assert app.get("link_button")[0].proto.url == event["source_url"]


def test_the_latest_selection_wins():
    app = run_page(PAGE)
    app.session_state["timeline"] = {"selection": {"points": [{"customdata": ["ghosn-arrested"]}],
                                                   "point_indices": [0], "box": [], "lasso": []}}
    app.run()
    app.session_state["history_table"] = {"selection": {"rows": [0], "columns": [], "cells": []}}
    app.run()
    assert app.query_params["event"] == table(app).iloc[0]["id"]


def test_event_in_the_url_reopens_its_card_and_close_clears_it():
    app = run_page(PAGE, query={"event": "alliance-signed"})
    assert "Renault–Nissan alliance signed in Tokyo" in card(app)
    app.button(key="close_card").click().run()
    assert "event" not in app.query_params
    assert "alliance signed in Tokyo" not in " ".join(sub.value for sub in app.subheader)

"""The History page under AppTest: it runs, its filters (bound to the address by id) change what is drawn,
a broken link is survived with a notice, and a clicked event opens its card."""

from __future__ import annotations

import base64
import json

import numpy as np
import pandas as pd
import pytest
from streamlit.proto.WidgetStates_pb2 import WidgetState

from bench.generate import generate
from components.builders import stakes_chart, story, timeline
from components.data.validation import read_folder
from tests import factories
from tests.conftest import run_page
from tests.reading import as_read, warnings

PAGE = "pages/history.py"
STAKES = {"view": "stakes"}
LISTED = {"events_listing": True}  # the events table's expander opened, as a reader opens it


# --- reading the page -------------------------------------------------------------------------

def charts(app) -> dict[str, dict]:
    """The page's Plotly figures by key ("timeline", "stakes_chart")."""
    return {chart.proto.id.rsplit("-", 1)[-1]: json.loads(chart.proto.spec) for chart in app.get("plotly_chart")}


def figure(app, key: str = "timeline") -> dict:
    return charts(app)[key]


def values(array) -> list:
    """A spec array as a list: Plotly writes numeric arrays as base64 ("bdata") with a dtype."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)


def drawn_ids(app) -> set[str]:
    """The ids of the events the timeline draws, read from the figure spec."""
    return {row[0] for trace in figure(app)["data"] if trace.get("meta") == "event" for row in trace["customdata"]}


def table(app) -> pd.DataFrame:
    return app.dataframe(key="history_table").value


def card_title(app) -> str | None:
    """The open card's title: the first subheader, when it is not a section's."""
    first = app.subheader[0].value
    return None if first.endswith(" events") else as_read(first)


def click(app, key: str, selection: dict):
    """What the browser sends when a reader clicks a chart point or a table row: the selection as the
    element's widget state, so the page's on_select callback runs as it does in the app."""
    states = app._tree.get_widget_states()
    element = next(node for node in [*app.get("plotly_chart"), *app.dataframe] if node.proto.id.endswith(f"-{key}"))
    states.widgets.append(WidgetState(id=element.proto.id, string_value=json.dumps({"selection": selection})))
    return app._run(states)


def click_point(app, event_id: str):
    return click(app, "timeline", {"points": [{"customdata": [event_id, "hover text"]}], "point_indices": [0],
                                   "box": [], "lasso": []})


def click_row(app, row: int):
    return click(app, "history_table", {"rows": [row], "columns": [], "cells": []})


@pytest.fixture(scope="module")
def opened():
    """The page as a reader first opens it. No test changes it."""
    return run_page(PAGE, session=LISTED)


@pytest.fixture(scope="module")
def stakes_opened():
    """The page with its cross-shareholdings section open, as a link opens it. No test changes it."""
    return run_page(PAGE, STAKES)


@pytest.fixture
def events(real_data) -> pd.DataFrame:
    return real_data.frames["events"]


# --- the page as opened -------------------------------------------------------------------------

def test_the_page_draws_every_event_in_the_chart_and_the_table(opened, events):
    assert not opened.exception
    assert drawn_ids(opened) == set(events["id"])
    assert set(table(opened)["id"]) == set(events["id"])
    assert opened.subheader[0].value == f"{len(events)} of {len(events)} events"


def test_the_events_table_is_drawn_once_its_expander_is_opened(events):
    folded = run_page(PAGE)
    assert not folded.dataframe and not folded.exception
    labels = [button.proto.label for button in folded.get("download_button")]
    assert f"Filtered rows ({len(events)}) as CSV" in labels  # the downloads don't wait for the table
    assert len(table(run_page(PAGE, session=LISTED))) == len(events)


def test_the_stakes_table_is_drawn_once_its_expander_is_opened(real_data):
    folded = run_page(PAGE, STAKES)
    assert not folded.dataframe
    assert f"All rows ({len(real_data.frames['stakes'])}) as CSV" in [
        button.proto.label for button in folded.get("download_button")]
    opened_table = run_page(PAGE, STAKES, session={"stakes_listing": True}).dataframe[0].value
    assert len(opened_table) and set(opened_table["source_url"]) <= set(real_data.frames["stakes"]["source_url"])


def test_the_chart_has_a_text_description_counting_every_event(opened, events):
    captions = " ".join(caption.value for caption in opened.caption)
    assert f"The timeline shows all {len(events)} events" in as_read(captions)


def test_the_page_opens_on_the_timeline_and_draws_the_stakes_only_in_their_own_section(opened, stakes_opened):
    assert [tab.label for tab in opened.tabs] == ["Timeline", "Cross-shareholdings"]
    assert set(charts(opened)) == {"timeline"}
    assert set(charts(stakes_opened)) == {"stakes_chart"}
    assert not stakes_opened.exception and not stakes_opened.warning


def test_the_stakes_chart_draws_the_partners_stakes_as_step_lines(stakes_opened, real_data):
    stakes, names = real_data.frames["stakes"], dict(real_data.frames["companies"][["id", "name"]].values)
    lines = figure(stakes_opened, "stakes_chart")["data"]
    assert {line["line"]["shape"] for line in lines} == {"hv"}
    partners = stakes_chart.select_stakes(stakes, "alliance")
    expected = {stakes_chart.series_label(*series, names)
                for series in partners[stakes_chart.SERIES].drop_duplicates().itertuples(index=False)}
    assert {line["name"] for line in lines} <= expected
    assert stakes_chart.series_label("renault", "nissan", "trust", names) in {line["name"] for line in lines}


def test_the_download_buttons_count_the_rows(opened, events):
    labels = [button.proto.label for button in opened.get("download_button")]
    assert f"Filtered rows ({len(events)}) as CSV" in labels and f"All rows ({len(events)}) as CSV" in labels


def test_no_card_is_open_until_an_event_is_chosen(opened):
    assert card_title(opened) is None
    assert "event" not in opened.query_params


# --- filters ------------------------------------------------------------------------------------

def test_choosing_a_category_narrows_the_chart_the_table_and_the_downloads(events):
    app = run_page(PAGE, session=LISTED)
    app.multiselect(key="categories").set_value(["equity"]).run()
    equity = set(events.loc[events["category"] == "equity", "id"])
    assert drawn_ids(app) == equity
    assert set(table(app)["id"]) == equity
    labels = [button.proto.label for button in app.get("download_button")]
    assert f"Filtered rows ({len(equity)}) as CSV" in labels and f"All rows ({len(events)}) as CSV" in labels
    assert app.query_params["categories"] == "equity"  # so a copied link keeps the filter


def overlaps(events: pd.DataFrame, start: str, end: str) -> pd.Series:
    return (events["date"] <= pd.Timestamp(end)) & (events["end_date"].fillna(events["date"]) >= pd.Timestamp(start))


@pytest.mark.parametrize(("query", "check"), [
    ({"categories": "crisis"}, lambda e: e["category"] == "crisis"),
    ({"companies": "renault"}, lambda e: e["companies"].map(lambda ids: "renault" in ids)),
    ({"status": "press_report"}, lambda e: e["source_status"] == "press_report"),
    ({"search": "ghosn"}, lambda e: (e["title"] + " " + e["summary"]).str.lower().str.contains("ghosn")),
    ({"dates": ["2010-01-01", "2020-01-01"]}, lambda e: overlaps(e, "2010-01-01", "2020-01-01")),
], ids=["categories", "companies", "status", "search", "dates"])
def test_a_filter_in_the_link_by_id_is_restored(events, query, check):
    app = run_page(PAGE, session=LISTED, query=query)
    assert not app.exception and not app.warning
    expected = set(events.loc[check(events), "id"])
    assert 0 < len(expected) < len(events)
    assert drawn_ids(app) == expected
    assert set(table(app)["id"]) == expected
    assert app.subheader[0].value == f"{len(expected)} of {len(events)} events"


def test_the_link_restores_the_inputs_themselves():
    app = run_page(PAGE, session=LISTED, query={"categories": ["equity", "plan"], "companies": "renault",
                                                "status": "verified", "search": "Renault",
                                                "dates": ["2010-01-01", "2020-01-01"]})
    assert not app.exception and not app.warning
    assert app.multiselect(key="categories").value == ["equity", "plan"]
    assert app.multiselect(key="companies").value == ["renault"]
    assert app.multiselect(key="status").value == ["verified"]
    assert app.text_input(key="search").value == "Renault"
    assert app.slider(key="dates").value == (pd.Timestamp("2010-01-01").date(), pd.Timestamp("2020-01-01").date())


def test_lanes_by_company_in_the_link_draw_a_lane_per_company(events, real_data):
    names = dict(real_data.frames["companies"][["id", "name"]].values)
    app = run_page(PAGE, session=LISTED, query={"lanes": "company"})
    assert not app.exception and not app.warning
    assert app.segmented_control(key="lanes").value == "company"
    involved = {names.get(company, company) for companies in events["companies"] for company in companies}
    assert set(figure(app)["layout"]["yaxis"]["ticktext"]) == involved


def test_the_date_range_is_shared_by_the_stakes_chart(real_data):
    start, end = pd.Timestamp("2010-01-01"), pd.Timestamp("2020-01-01")
    app = run_page(PAGE, session=LISTED, query=STAKES | {"dates": [start.date().isoformat(), end.date().isoformat()]})
    stakes = figure(app, "stakes_chart")
    low, high = (pd.Timestamp(day) for day in stakes["layout"]["xaxis"]["range"])
    assert low < start < low + pd.Timedelta(days=366) and high - pd.Timedelta(days=366) < end < high
    names = dict(real_data.frames["companies"][["id", "name"]].values)
    direct = next(line for line in stakes["data"]
                  if line["name"] == stakes_chart.series_label("renault", "nissan", "direct", names))
    in_force = story.stakes_as_of(real_data.frames["stakes"], start).query(
        "holder == 'renault' and target == 'nissan' and basis == 'direct'")["pct"].iloc[0]
    assert values(direct["y"])[0] == in_force  # carried into the range at its value then


def test_all_holdings_in_the_link_show_stakes_outside_the_alliance(stakes_opened):
    everything = run_page(PAGE, session=LISTED, query=STAKES | {"holdings": "all"})
    assert not everything.warning
    assert everything.segmented_control(key="holdings").value == "all"
    assert len(figure(everything, "stakes_chart")["data"]) > len(figure(stakes_opened, "stakes_chart")["data"])


def test_an_unusable_holdings_value_in_the_link_is_ignored_with_a_notice():
    app = run_page(PAGE, session=LISTED, query=STAKES | {"holdings": "x"})
    assert "Ignored holdings=x from the link" in warnings(app)
    assert "holdings" not in app.query_params
    assert app.segmented_control(key="holdings").value == "alliance"


def test_no_match_says_so_and_how_to_widen():
    app = run_page(PAGE, session=LISTED, query={"search": "zzzz-no-such-text"})
    assert not app.exception
    message = app.info[0].value
    assert message.startswith("No events match") and "clear the search" in message
    # Filters left open restrict nothing, so the message does not ask to widen them.
    assert "add categories" not in message and "add source statuses" not in message
    assert len(table(app)) == 0


# --- a broken link ------------------------------------------------------------------------------

@pytest.mark.parametrize(("key", "value"), [
    ("categories", "nonsense"), ("companies", "no-such-company"), ("status", "rumour"), ("lanes", "sideways"),
    ("dates", "yesterday"), ("view", "sideways"), ("event", "no-such-event"),
])
def test_an_unusable_value_in_the_link_is_ignored_with_a_notice(events, key, value):
    app = run_page(PAGE, session=LISTED, query={key: value})
    assert not app.exception
    assert f"Ignored {key}={value} from the link" in warnings(app)
    assert key not in app.query_params  # dropped, so a copied link is clean
    assert "timeline" in charts(app), (
        f"{key}={value} is said to be ignored, yet the page applied it: a multiselect whose link values are all "
        "unknown gets an empty choice instead of its default (components/app/filters.py, multiselect's parse)")
    assert drawn_ids(app) == set(events["id"])  # the page still draws, with the defaults


def test_an_old_link_with_labels_instead_of_ids_is_named(events):
    app = run_page(PAGE, session=LISTED, query={"companies": "Honda", "status": "Press report"})
    assert not app.exception
    assert "Ignored companies=Honda" in warnings(app) and "Ignored status=Press report" in warnings(app)


def test_the_usable_values_of_a_link_are_kept_beside_an_ignored_one(events):
    app = run_page(PAGE, session=LISTED, query={"categories": ["crisis", "nonsense"]})
    assert "Ignored categories=nonsense" in warnings(app)
    assert drawn_ids(app) == set(events.loc[events["category"] == "crisis", "id"])


# --- the card -----------------------------------------------------------------------------------

def test_an_event_in_the_link_opens_its_card(events):
    event = events.set_index("id").loc["alliance-signed"]
    app = run_page(PAGE, session=LISTED, query={"event": "alliance-signed"})
    assert not app.exception
    assert card_title(app) == event["title"]
    card = as_read(" ".join(markdown.value for markdown in app.markdown))
    assert timeline.when_text(event) in card
    assert app.get("link_button")[0].proto.url == event["source_url"]


def test_closing_the_card_removes_it_from_the_link():
    app = run_page(PAGE, session=LISTED, query={"event": "alliance-signed"})
    app.button(key="close_card").click().run()
    assert "event" not in app.query_params
    assert card_title(app) is None


def test_choosing_an_event_in_the_picker_opens_its_card(events):
    app = run_page(PAGE, session=LISTED)
    app.selectbox(key="event").select("ghosn-arrested").run()
    assert card_title(app) == events.set_index("id").loc["ghosn-arrested", "title"]
    assert app.query_params["event"] == "ghosn-arrested"


def test_clicking_a_table_row_opens_its_card():
    app = run_page(PAGE, session=LISTED)
    row = table(app).iloc[2]
    click_row(app, 2)
    assert not app.exception
    assert card_title(app) == row["title"]
    assert app.query_params["event"] == row["id"]  # so a copied link reopens the card


def test_clicking_a_chart_point_opens_its_card_with_the_date_at_its_precision(events):
    event = events.set_index("id").loc["ghosn-arrested"]
    app = click_point(run_page(PAGE, session=LISTED), "ghosn-arrested")
    assert not app.exception
    assert card_title(app) == event["title"]
    assert timeline.when_text(event) in as_read(" ".join(markdown.value for markdown in app.markdown))
    assert app.query_params["event"] == "ghosn-arrested"


def test_the_latest_click_wins():
    app = click_point(run_page(PAGE, session=LISTED), "ghosn-arrested")
    first_row = table(app).iloc[0]
    click_row(app, 0)
    assert app.query_params["event"] == first_row["id"]
    assert card_title(app) == first_row["title"]


def test_clicking_a_filtered_table_row_opens_the_event_shown_in_that_row(events):
    app = run_page(PAGE, session=LISTED, query={"categories": "crisis"})
    row = table(app).iloc[1]
    click_row(app, 1)
    assert app.query_params["event"] == row["id"]
    assert events.set_index("id").loc[row["id"], "category"] == "crisis"


# --- other data ---------------------------------------------------------------------------------

def test_a_data_folder_with_a_single_event_draws_it(data_copy, use_data_dir):
    factories.write(data_copy, "events", {"id": "only", "date": "2020-05-01", "title": "The only event",
                                          "companies": "renault;nissan"})
    factories.edit(data_copy / "claims.csv", lambda rows: [dict(row, event="") for row in rows])
    use_data_dir(data_copy)
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    assert not app.error
    assert drawn_ids(app) == {"only"}
    assert app.subheader[0].value == "1 of 1 events"


def test_a_broken_events_file_is_reported_and_the_page_stops(data_copy, use_data_dir):
    factories.edit(data_copy / "events.csv", lambda rows: [dict(rows[0], date="not-a-date"), *rows[1:]])
    use_data_dir(data_copy)
    app = run_page(PAGE, session=LISTED)
    assert not app.exception
    assert "events.csv" in as_read(app.error[0].value)
    assert not app.get("plotly_chart")


def test_a_timeline_drawing_some_events_lists_those_in_its_card_picker_and_a_link_opens_any(tmp_path, use_data_dir):
    generate(10, tmp_path)  # more events than the timeline draws
    use_data_dir(tmp_path)
    events = read_folder(tmp_path).frames["events"]
    assert len(events) > timeline.MAX_MARKERS
    oldest = events.sort_values("date")["id"].iloc[0]  # not among the most recent, which the timeline draws
    app = run_page(PAGE, query={"event": oldest}, timeout=60)
    picker = app.selectbox(key="event")
    assert picker.value == oldest and app.get_by_key("event_card")
    assert len(picker.options) == 1 + timeline.MAX_MARKERS + 1  # no card, the events drawn, and the one open

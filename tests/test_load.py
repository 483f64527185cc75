"""The load test (bench/load.py): its short mode end to end against a real server, and how it reads messages.

The short mode is what CI runs, so it must stay green on a healthy app: every page opened, none failing.
The message reading is tested on hand-made ForwardMsgs, because a page error the reader misses would make
every load run look clean.
"""

from __future__ import annotations

from pathlib import Path

from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load
from components.app.site import PAGES

ADDRESSES = {load.address(spec) for spec in PAGES}


def test_the_short_load_opens_every_page_in_every_session_without_a_page_error(tmp_path):
    sessions = 5
    result = load.run(sessions=sessions, rounds=1, time_limit=60, out_dir=tmp_path)

    assert result["errors"] == []
    assert result["warnings"] == []  # a query string naming an unknown id would be ignored with a warning
    assert result["complete"]
    assert result["reruns"] == sessions * len(load.tour())
    assert set(result["by_page"]) == ADDRESSES
    assert all(result["by_page"][page]["count"] >= sessions for page in ADDRESSES)
    assert 0 < result["rss_mb"]["start"] <= result["rss_mb"]["peak"]
    assert Path(result["path"]).parent == tmp_path and Path(result["path"]).exists()


def test_a_round_opens_every_page_and_changes_the_filters_of_those_with_a_second_query():
    visits = load.tour()
    assert {page for page, _ in visits} == ADDRESSES
    for page in ADDRESSES:
        queries = [query for visited, query in visits if visited == page]
        assert len(queries) == len(set(queries))


def finished(status) -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = status
    return msg


def element(kind: str, **fields) -> ForwardMsg:
    msg = ForwardMsg()
    target = getattr(msg.delta.new_element, kind)
    target.MergeFrom(type(target)(**fields))
    return msg


def navigation(current: str) -> ForwardMsg:
    """What the server sends on each run: the app's pages (the default one's url path is its own) and the current."""
    msg = ForwardMsg()
    msg.navigation.app_pages.add(page_script_hash="hash-overview", url_pathname="overview", is_default=True)
    msg.navigation.app_pages.add(page_script_hash="hash-history", url_pathname="history")
    msg.navigation.page_script_hash = f"hash-{current or 'overview'}"
    return msg


def test_a_rerun_is_over_at_its_final_script_finished_not_at_one_ended_early_for_a_rerun():
    outcome = load.RunOutcome()
    assert not outcome.observe(finished(ForwardMsg.FINISHED_EARLY_FOR_RERUN))
    assert outcome.observe(finished(ForwardMsg.FINISHED_SUCCESSFULLY))
    assert outcome.errors == []


def test_exceptions_error_alerts_missing_pages_and_compile_errors_are_page_errors_and_warnings_are_not():
    outcome = load.RunOutcome()
    not_found = ForwardMsg()
    not_found.page_not_found.page_name = ""
    for msg in (element("exception", type="ValueError", message="redacted"),
                element("alert", format=Alert.ERROR, body="Something went wrong"),
                element("alert", format=Alert.WARNING, body="Ignored x=y from the link"), not_found,
                element("alert", format=Alert.INFO, body="No ties")):
        assert not outcome.observe(msg)
    assert outcome.observe(finished(ForwardMsg.FINISHED_WITH_COMPILE_ERROR))
    assert outcome.errors == ["exception ValueError: redacted", "error alert: Something went wrong", "page not found",
                              "script finished with a compile error"]
    assert outcome.warnings == ["Ignored x=y from the link"]


def test_the_page_shown_is_read_from_the_navigation_message_with_the_default_page_at_the_root():
    for current in ("", "history"):
        outcome = load.RunOutcome()
        outcome.observe(navigation(current))
        assert outcome.shown == current


def test_a_rerun_request_carries_the_url_path_and_query_string_as_the_browser_sends_them():
    msg = BackMsg.FromString(load.rerun_request("data", "dataset=claims&q=Honda"))
    assert msg.WhichOneof("type") == "rerun_script"
    assert (msg.rerun_script.page_name, msg.rerun_script.query_string) == ("data", "dataset=claims&q=Honda")
    assert not msg.rerun_script.widget_states.widgets


def test_percentiles_are_nearest_rank_so_each_is_a_measured_time():
    times = [0.4, 0.1, 0.3, 0.2]
    assert (load.percentile(times, 0.5), load.percentile(times, 0.95)) == (0.2, 0.4)
    assert load.percentile([], 0.5) is None

"""The Overview page, run as a reader opens it (AppTest)."""

from __future__ import annotations

from tests.conftest import run_page


def test_overview_shows_headline_figures_from_the_data():
    app = run_page("app.py")
    assert not app.exception
    metrics = {metric.label: metric.value for metric in app.metric}
    assert metrics["Alliance to 2030"] == "€23bn"
    assert metrics["Alliance age"].endswith("years")
    assert metrics["Renault in Nissan"].endswith("%")
    captions = " ".join(caption.value for caption in app.caption)
    assert "announced 27 January 2022" in captions


def test_overview_lists_todays_cross_holdings():
    app = run_page("app.py")
    holdings = app.dataframe[0].value
    assert {"holder", "target", "pct"} <= set(holdings.columns)
    assert ((holdings["holder"] == "Renault") & (holdings["target"] == "Nissan")).any()
    labels = [button.proto.label for button in app.get("download_button")]
    assert f"Filtered rows ({len(holdings)}) as CSV" in labels


def test_overview_stops_with_a_clear_message_when_its_data_is_broken(data_copy, use_data_dir):
    (data_copy / "events.csv").write_text("id,date\nx,not-a-date\n", encoding="utf-8")
    use_data_dir(data_copy)
    app = run_page("app.py")
    assert not app.exception
    assert "events.csv" in app.error[0].value
    problems = app.dataframe[0].value
    assert set(problems["file"]) == {"events.csv"}
    assert not app.metric


def test_the_whole_app_opens_on_the_overview():
    app = run_page("app.py")
    assert not app.exception
    assert app.title[0].value == "Alliance Explorer"

"""The Data and sources page, run as a reader opens it (AppTest)."""

from __future__ import annotations

from tests.conftest import run_page


def table(app):
    return app.dataframe[0].value


def test_data_page_opens_on_the_first_dataset_with_its_dictionary():
    app = run_page("pages/data.py")
    assert not app.exception
    assert app.selectbox(key="dataset").value == "companies.csv"
    assert "Data dictionary: companies.csv" in [expander.label for expander in app.expander]


def test_choosing_a_dataset_and_searching_filter_the_table():
    app = run_page("pages/data.py")
    app.selectbox(key="dataset").set_value("events.csv").run()
    every = len(table(app))
    app.text_input(key="q").input("Ghosn").run()
    found = table(app)
    assert 0 < len(found) < every
    assert found.apply(lambda row: row.astype(str).str.contains("Ghosn", case=False).any(), axis=1).all()


def test_url_parameters_restore_the_view():
    app = run_page("pages/data.py", {"dataset": "talks.csv", "q": "Honda"})
    assert app.selectbox(key="dataset").value == "talks.csv"
    assert app.text_input(key="q").value == "Honda"
    assert table(app)["partner"].eq("honda").any()


def test_a_bogus_url_value_is_ignored_with_a_notice():
    app = run_page("pages/data.py", {"dataset": "nonsense"})
    assert not app.exception
    assert any("dataset=nonsense" in warning.value for warning in app.warning)
    assert app.selectbox(key="dataset").value == "companies.csv"


def test_every_dataset_and_the_zip_can_be_downloaded():
    app = run_page("pages/data.py")
    labels = [button.proto.label for button in app.get("download_button")]
    assert "All 8 datasets (zip)" in labels
    assert {"events.csv", "links.csv", "talks.csv"} <= set(labels)
    assert any(label.startswith("Filtered rows") for label in labels)


def test_the_known_misdating_is_explained():
    app = run_page("pages/data.py")
    text = " ".join(markdown.value for markdown in app.markdown)
    assert "July 2025" in text and "27 January 2022" in text


def test_a_broken_folder_is_reported_and_the_rest_still_shows(data_copy, use_data_dir):
    (data_copy / "links.csv").write_bytes(b"\xff\xfe broken")
    use_data_dir(data_copy)
    app = run_page("pages/data.py")
    assert not app.exception
    assert "1 problem(s)" in app.error[0].value
    assert app.dataframe[0].value["file"].tolist() == ["links.csv"]
    assert len(app.dataframe[1].value) > 10  # companies.csv still browsable

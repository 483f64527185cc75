"""The Data and sources page, run as a reader opens it (AppTest)."""

from __future__ import annotations

import re

from components.app import site
from components.app.store import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR
from components.builders import fact_check
from components.data.contract import DATASETS
from tests.conftest import run_page

PAGE = "pages/data.py"
SECTIONS = list(site.SECTIONS["data"])


def table(app):
    return app.dataframe[0].value


def as_read(markdown: str) -> str:
    """Markdown as the reader sees it: escapes and invisible word joiners gone."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")


def claims_table(app):
    return next(frame.value for frame in app.dataframe if "verdict" in frame.value.columns)


def everything_shown(app) -> str:
    """Every element of the page, as the protocol buffers sent to the browser (tables included)."""
    texts = []

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            texts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)
    walk(app._tree)
    return "\n".join(texts)


def test_the_data_page_opens_on_the_first_dataset_with_its_dictionary(real_data):
    app = run_page(PAGE)
    assert not app.exception
    first = next(iter(DATASETS))
    assert app.selectbox(key="dataset").value == first
    assert f"Data dictionary: {DATASETS[first].file_name}" in [expander.label for expander in app.expander]
    assert len(table(app)) == len(real_data.frames[first])


def test_choosing_a_dataset_and_searching_filter_the_table(real_data):
    app = run_page(PAGE)
    app.selectbox(key="dataset").set_value("events").run()
    assert len(table(app)) == len(real_data.frames["events"])
    app.text_input(key="q").input("Ghosn").run()
    found = table(app)
    assert 0 < len(found) < len(real_data.frames["events"])
    assert found.apply(lambda row: row.astype(str).str.contains("Ghosn", case=False).any(), axis=1).all()


def test_url_parameters_by_id_restore_the_view():
    app = run_page(PAGE, {"dataset": "talks", "q": "Honda"})
    assert not app.exception and not app.warning
    assert app.selectbox(key="dataset").value == "talks"
    assert app.text_input(key="q").value == "Honda"
    assert table(app)["partner"].eq("honda").any()


def test_a_bogus_url_value_is_ignored_with_a_notice():
    app = run_page(PAGE, {"dataset": "nonsense"})
    assert not app.exception
    assert any("dataset=nonsense" in as_read(warning.value) for warning in app.warning)
    assert app.selectbox(key="dataset").value == next(iter(DATASETS))


def test_every_dataset_and_the_zip_can_be_downloaded(real_data):
    labels = [button.proto.label for button in run_page(PAGE, {"view": "downloads"}).get("download_button")]
    assert f"All {len(real_data.frames)} datasets (zip)" in labels
    assert {DATASETS[name].file_name for name in real_data.frames} <= set(labels)
    labels = [button.proto.label for button in run_page(PAGE).get("download_button")]
    assert any(label.startswith("Filtered rows") for label in labels)


def test_each_section_opens_from_the_link_with_only_its_own_content():
    tables = {view: len(run_page(PAGE, {"view": view}).dataframe) for view in SECTIONS}
    charts = {view: len(run_page(PAGE, {"view": view}).get("plotly_chart")) for view in SECTIONS}
    assert charts == {"browse": 0, "fact_check": 1, "sources": 1, "upload": 0, "downloads": 0}
    assert tables == {"browse": 2, "fact_check": 1, "sources": 1, "upload": 0, "downloads": 0}


def test_the_fact_check_lists_every_claim(real_data):
    app = run_page(PAGE, {"view": "fact_check"})
    claims = real_data.frames["claims"]
    shown = claims_table(app)
    assert len(shown) == len(claims)
    assert shown["claim"].tolist() == claims["claim_en"].tolist()
    captions = " ".join(as_read(caption.value) for caption in app.caption)
    assert fact_check.summary(claims) in captions


def test_the_plans_misdating_is_in_the_fact_check(real_data):
    claim = fact_check.plan_misdating(real_data.frames["claims"])
    app = run_page(PAGE, {"claim": claim["id"]})
    row = claims_table(app).set_index("claim").loc[claim["claim_en"]]
    assert row["verdict"] == "Misdated" and row["what the reporting says"] == claim["note"]


def test_a_claim_in_the_link_opens_its_card(real_data):
    claim = real_data.frames["claims"].iloc[-1]
    app = run_page(PAGE, {"claim": claim["id"]})
    assert not app.exception and not app.warning
    assert app.selectbox(key="claim").value == claim["id"]
    card = " ".join(as_read(markdown.value) for markdown in app.markdown)
    assert claim["claim_en"] in card and claim["claim_zh"] in card
    assert not any(claim["claim_zh"] in as_read(markdown.value)
                   for markdown in run_page(PAGE, {"view": "fact_check"}).markdown)


def test_an_unknown_claim_in_the_link_is_ignored_with_a_notice():
    app = run_page(PAGE, {"claim": "no-such-claim"})
    assert not app.exception
    assert any("claim=no-such-claim" in as_read(warning.value) for warning in app.warning)
    assert app.selectbox(key="claim").value is None


def test_no_section_of_the_page_shows_a_server_path(data_copy, use_data_dir):
    for app in (*(run_page(PAGE, {"view": view}) for view in SECTIONS), run_page(PAGE, {"dataset": "links", "q": "a"})):
        shown = everything_shown(app)
        assert str(DEFAULT_DATA_DIR) not in shown and DATA_DIR_VARIABLE not in shown
    (data_copy / "links.csv").write_bytes(b"\xff\xfe broken")
    (data_copy / "talks.csv").unlink()
    use_data_dir(data_copy)
    for view in SECTIONS:
        shown = everything_shown(run_page(PAGE, {"view": view}))
        assert str(data_copy) not in shown and DATA_DIR_VARIABLE not in shown


def test_a_broken_folder_is_reported_and_the_rest_still_shows(data_copy, use_data_dir, real_data):
    (data_copy / "links.csv").write_bytes(b"\xff\xfe broken")
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert "1 problem(s)" in app.error[0].value
    assert app.dataframe[0].value["file"].tolist() == ["links.csv"]
    first = next(iter(DATASETS))
    assert len(app.dataframe[1].value) == len(real_data.frames[first])  # still browsable


def test_a_data_folder_that_is_a_file_is_reported_without_its_path(tmp_path, use_data_dir):
    not_a_folder = tmp_path / "data.csv"
    not_a_folder.write_text("id\n", encoding="utf-8")
    use_data_dir(not_a_folder)
    app = run_page(PAGE)
    assert not app.exception
    problems = app.dataframe[0].value
    assert set(problems["file"]) == {dataset.file_name for dataset in DATASETS.values()}
    assert problems["problem"].str.contains("is a file, not a folder").all()
    assert str(tmp_path) not in everything_shown(app)

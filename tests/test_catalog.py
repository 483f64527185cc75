"""What the Data page computes: the dictionary (kept in step with data/DICTIONARY.md), sources, statuses, search."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.builders import catalog
from components.builders.text import rows_containing
from components.data.contract import ANCHORS, DATASETS, SOURCE_STATUSES
from components.data.vocabulary import SOURCE_STATUS
from tests import factories

ROOT = Path(__file__).resolve().parent.parent


def test_the_data_dictionary_file_is_generated_from_the_contract():
    assert (ROOT / "data" / "DICTIONARY.md").read_text(encoding="utf-8") == catalog.dictionary_markdown(), (
        "data/DICTIONARY.md is stale: run `python -m components.builders.catalog > data/DICTIONARY.md`"
    )


def test_the_dictionary_lists_every_column_with_its_type_and_allowed_values():
    for dataset in DATASETS.values():
        frame = catalog.dictionary_frame(dataset).set_index("column")
        assert frame.index.tolist() == list(dataset.column_names)
        for column in dataset.columns:
            assert frame.loc[column.name, "allowed values"] == ", ".join(column.allowed)
            assert frame.loc[column.name, "required"] == ("yes" if column.required else "no")
    talks = catalog.dictionary_frame(DATASETS["talks"]).set_index("column")
    assert talks.loc["partner", "type"] == "ref → companies.id"


def test_the_dictionary_markdown_has_a_section_per_file_and_lists_the_rows_the_story_names():
    text = catalog.dictionary_markdown()
    for dataset in DATASETS.values():
        assert f"## {dataset.file_name}: {dataset.title}" in text
    for anchor in ANCHORS:
        assert f"| {DATASETS[anchor.dataset].file_name} | `{anchor.id}` |" in text


def test_a_pipe_in_a_description_does_not_break_the_markdown_table():
    lines = [line for line in catalog.dictionary_markdown().splitlines() if line.startswith("| `")]
    assert all(line.replace("\\|", "").count("|") == 6 for line in lines)


def frames() -> dict[str, pd.DataFrame]:
    return {
        "events": factories.frame("events",
                                  {"source_url": "https://a.example/1", "source_status": "verified"},
                                  {"source_url": "https://b.example/2", "source_status": "press_report"},
                                  {"source_url": "https://a.example/1", "source_status": "verified"}),
        "links": factories.frame("links", {"source_url": "https://a.example/1", "source_status": "unverified"}),
    }


def test_status_counts_have_every_status_in_contract_order():
    counts = catalog.status_counts(frames())
    assert counts.columns.tolist() == ["dataset", *SOURCE_STATUSES]
    assert counts.set_index("dataset").loc["events"].to_dict() == {
        "verified": 2, "conflicting": 0, "press_report": 1, "unverified": 0}


def test_status_counts_of_the_real_data_add_up_to_its_rows(real_data):
    counts = catalog.status_counts(real_data.frames).set_index("dataset")
    cited = {name: frame for name, frame in real_data.frames.items() if "source_status" in frame}
    assert counts.sum(axis=1).to_dict() == {name: len(frame) for name, frame in cited.items()}


def test_a_dataset_that_cites_no_source_is_left_out_of_the_counts_and_sources():
    with_translations = {**frames(), "translations": factories.frame("translations", {})}
    assert catalog.status_counts(with_translations)["dataset"].tolist() == ["events", "links"]
    assert catalog.sources_frame(with_translations).equals(catalog.sources_frame(frames()))


def test_the_status_summary_reads_the_counts():
    summary = catalog.status_summary(catalog.status_counts(frames()))
    assert summary.startswith(
        "4 rows across 2 datasets: 2 verified, 0 conflicting sources, 1 press report, 1 unverified")
    assert "links (100%)" in summary


def test_the_status_chart_stacks_one_bar_per_status_in_its_colour():
    figure = catalog.status_chart(catalog.status_counts(frames()))
    assert [trace.name for trace in figure.data] == [SOURCE_STATUS.label(s) for s in SOURCE_STATUSES]
    assert [trace.marker.color for trace in figure.data] == [SOURCE_STATUS.color(s) for s in SOURCE_STATUSES]
    assert figure.layout.barmode == "stack"
    events = next(i for i, name in enumerate(figure.data[0].y) if name == "events")
    assert [trace.x[events] for trace in figure.data] == [2, 0, 1, 0]


def test_sources_count_the_rows_that_cite_them():
    sources = catalog.sources_frame(frames())
    first = sources.iloc[0]
    assert (first["source_url"], first["rows"], first["datasets"], first["statuses"]) == (
        "https://a.example/1", 3, "events, links", "verified, unverified")
    assert sources["rows"].sum() == sum(len(frame) for frame in frames().values())


def test_search_ignores_case_and_regex_characters():
    frame = pd.DataFrame({"title": ["Ghosn arrested", "Ampere (EV unit)"], "n": [1, 2]})
    assert rows_containing(frame, "GHOSN")["n"].tolist() == [1]
    assert rows_containing(frame, "(EV")["n"].tolist() == [2]
    assert len(rows_containing(frame, "")) == 2


def test_search_finds_an_item_of_a_list_cell():
    events = factories.frame("events", {"id": "a", "companies": "renault;nissan"}, {"id": "b", "companies": "honda"})
    assert rows_containing(events, "NISSAN")["id"].tolist() == ["a"]
    assert rows_containing(events, "renault; nissan")["id"].tolist() == ["a"]


def test_the_dictionary_can_be_written_in_chinese_with_the_same_tables():
    english, chinese = catalog.dictionary_markdown(), catalog.dictionary_markdown(lang="zh")
    def names(text: str) -> list[str]:
        return [line.split(" | ")[0] for line in text.splitlines() if line.startswith("| `")]
    assert names(chinese) == names(english)  # every column and anchor, in the same order
    links = catalog.dictionary_frame(DATASETS["links"], lang="zh")
    assert links.iloc[:, 0].tolist() == list(DATASETS["links"].column_names)  # names stay the files' own


def test_the_status_chart_and_summary_can_be_written_in_chinese():
    counts = catalog.status_counts(frames())
    figure = catalog.status_chart(counts, lang="zh")
    assert [trace.name for trace in figure.data] == [SOURCE_STATUS.label(s, "zh") for s in SOURCE_STATUSES]
    assert "links" in catalog.status_summary(counts, lang="zh")
    assert catalog.sources_frame(frames(), lang="zh")["source_url"].iloc[0] == "https://a.example/1"

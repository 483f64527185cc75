"""What the Data page computes: the dictionary (kept in step with data/DICTIONARY.md), sources, statuses."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.builders import catalog
from components.data.contract import DATASETS

ROOT = Path(__file__).resolve().parent.parent


def test_data_dictionary_file_is_generated_from_the_contract():
    assert (ROOT / "data" / "DICTIONARY.md").read_text(encoding="utf-8") == catalog.dictionary_markdown(), (
        "data/DICTIONARY.md is stale: run `python -m components.builders.catalog > data/DICTIONARY.md`"
    )


def test_dictionary_lists_every_column_with_its_allowed_values():
    frame = catalog.dictionary_frame(DATASETS["talks"])
    assert frame["column"].tolist() == list(DATASETS["talks"].column_names)
    status = frame.set_index("column").loc["status"]
    assert status["allowed values"] == "rumoured, exploring, mou, agreement, terminated"
    assert frame.set_index("column").loc["partner", "type"] == "ref → companies.id"


def frames():
    return {
        "events": pd.DataFrame({"source_url": ["https://a.example/1", "https://b.example/2", "https://a.example/1"],
                                "source_status": ["verified", "press_report", "verified"]}),
        "links": pd.DataFrame({"source_url": ["https://a.example/1"], "source_status": ["unverified"]}),
    }


def test_status_counts_have_every_status_in_contract_order():
    counts = catalog.status_counts(frames())
    assert counts.columns.tolist() == ["dataset", "verified", "conflicting", "press_report", "unverified"]
    assert counts.set_index("dataset").loc["events"].tolist() == [2, 0, 1, 0]


def test_status_summary_reads_the_counts():
    summary = catalog.status_summary(catalog.status_counts(frames()))
    assert summary.startswith(
        "4 rows across 2 datasets: 2 verified, 0 conflicting sources, 1 press report, 1 unverified")
    assert "links (100%)" in summary


def test_status_chart_has_one_stacked_trace_per_status():
    figure = catalog.status_chart(catalog.status_counts(frames()))
    assert [trace.name for trace in figure.data] == ["Verified", "Conflicting sources", "Press report", "Unverified"]
    assert figure.layout.barmode == "stack"


def test_sources_count_the_rows_that_cite_them():
    sources = catalog.sources_frame(frames())
    first = sources.iloc[0]
    assert (first["source_url"], first["rows"], first["datasets"], first["statuses"]) == (
        "https://a.example/1", 3, "events, links", "verified, unverified")


def test_search_ignores_case_and_regex_characters():
    frame = pd.DataFrame({"title": ["Ghosn arrested", "Ampere (EV unit)"], "n": [1, 2]})
    assert catalog.search(frame, "GHOSN")["n"].tolist() == [1]
    assert catalog.search(frame, "(EV")["n"].tolist() == [2]
    assert len(catalog.search(frame, "")) == 2


def test_the_misdating_note_takes_its_date_and_source_from_the_data(real_data):
    correction = catalog.plan_misdating(real_data.frames["events"])
    assert "July 2025" in correction.text and "27 January 2022" in correction.text
    assert correction.source_url.startswith("https://")

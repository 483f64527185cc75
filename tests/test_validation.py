"""The loader and validator: the real data passes, and each kind of bad input is named precisely."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from components.data.contract import DATASETS, LIST_KINDS, PLAN_EVENT, SOURCE_STATUSES, STORY_DATASETS
from components.data.validation import read_folder
from tests import factories


def only(problems, file):
    return [p for p in problems if p.file == file]


def test_real_data_passes_every_check(real_data):
    assert real_data.problems == []
    assert set(real_data.frames) == set(DATASETS)


def test_real_data_is_typed(real_data):
    events = real_data.frames["events"]
    assert pd.api.types.is_datetime64_any_dtype(events["date"])
    assert pd.api.types.is_float_dtype(real_data.frames["stakes"]["pct"])
    assert str(real_data.frames["links"]["weight"].dtype) == "Int64"


def test_every_row_of_every_story_file_cites_a_source(real_data):
    for name in (dataset.name for dataset in STORY_DATASETS):
        frame = real_data.frames[name]
        assert frame["source_url"].str.match(r"^https?://\S+$").all(), name
        assert frame["source_status"].isin(SOURCE_STATUSES).all(), name


def test_events_cover_the_alliance_from_1999_to_late_2025(real_data):
    events = real_data.frames["events"]
    assert events["date"].min() == pd.Timestamp("1999-03-27")
    assert events["date"].max() >= pd.Timestamp("2025-09-01")


def test_the_plan_is_dated_27_january_2022_not_july_2025(real_data):
    events = real_data.frames["events"].set_index("id")
    assert events.loc[PLAN_EVENT.id, "date"] == pd.Timestamp("2022-01-27")


def test_a_missing_file_is_named(data_copy):
    (data_copy / "talks.csv").unlink()
    result = read_folder(data_copy)
    [problem] = result.problems
    assert (problem.file, problem.line) == ("talks.csv", None)
    assert "missing" in problem.text
    assert "talks" not in result.frames and "events" in result.frames


def test_an_empty_file_is_named(data_copy):
    (data_copy / "links.csv").write_text("")
    [problem] = read_folder(data_copy).problems
    assert problem.file == "links.csv" and "empty" in problem.text


def test_a_file_that_is_not_utf8_names_its_line(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b",", "é,".encode("latin-1"), 1)
    path.write_bytes(b"\n".join(lines))
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line) == ("events.csv", 4)
    assert "UTF-8" in problem.text


def test_a_missing_column_is_named(data_copy):
    path = data_copy / "stakes.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="pct")
    frame.to_csv(path, index=False)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column) == ("stakes.csv", 1, "pct")
    assert "missing" in problem.text


def test_a_bad_date_names_file_line_column_and_value(data_copy):
    def change(rows):
        rows[4]["date"] = "2019-02-30"
    factories.edit(data_copy / "events.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("events.csv", 6, "date", "2019-02-30")
    assert "real date" in problem.text


def test_an_unknown_company_id_is_named(data_copy):
    def change(rows):
        rows[0]["target"] = "tesla"
    factories.edit(data_copy / "links.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("links.csv", 2, "target", "tesla")
    assert "companies.csv" in problem.text


def test_an_unknown_platform_id_in_models_is_named(data_copy):
    def change(rows):
        rows[1]["platform"] = "cmf-x"
    factories.edit(data_copy / "models.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.column, problem.value, problem.line) == ("platform", "cmf-x", 3)


def test_a_duplicate_id_is_named(data_copy):
    def change(rows):
        rows[2]["id"] = rows[1]["id"]
    factories.edit(data_copy / "platforms.csv", change)
    problems = only(read_folder(data_copy).problems, "platforms.csv")
    assert {(p.column, p.line) for p in problems} >= {("id", 4)}
    assert all("more than once" in p.text for p in problems)


def test_every_problem_is_collected_not_just_the_first(data_copy):
    def change(rows):
        rows[0]["pct"] = "140"
        rows[1]["basis"] = "options"
        rows[2]["source_url"] = "www.example.org"
        rows[3]["holder"] = ""
    factories.edit(data_copy / "stakes.csv", change)
    problems = only(read_folder(data_copy).problems, "stakes.csv")
    by_column = {p.column: p for p in problems}
    assert set(by_column) == {"pct", "basis", "source_url", "holder"}
    assert "between 0 and 100" in by_column["pct"].text
    assert "one of: direct" in by_column["basis"].text
    assert "http" in by_column["source_url"].text
    assert "required" in by_column["holder"].text
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_a_row_with_too_many_fields_is_named(data_copy):
    path = data_copy / "companies.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line) == ("companies.csv", 3)
    assert "fields" in problem.text


def test_a_date_must_match_its_precision(data_copy):
    def change(rows):
        rows[0]["date_precision"] = "month"
        rows[0]["date"] = "1999-03-27"
    factories.edit(data_copy / "events.csv", change)
    [problem] = read_folder(data_copy).problems
    assert problem.column == "date" and "first day of the month" in problem.text


def test_a_period_cannot_end_before_it_starts(data_copy):
    def change(rows):
        rows[0]["end"] = "1990-01-01"
    factories.edit(data_copy / "links.csv", change)
    [problem] = read_folder(data_copy).problems
    assert problem.column == "end" and "before start" in problem.text


def test_a_broken_companies_file_makes_its_dependants_unusable(data_copy):
    (data_copy / "companies.csv").write_text("")
    result = read_folder(data_copy)
    assert result.problems_for("events")
    assert not result.problems_for("plan_targets")
    assert "plan_targets" in result.frames


@pytest.mark.parametrize("name", list(DATASETS))
def test_every_file_has_the_contract_header_in_order(name):
    path = Path(__file__).resolve().parent.parent / "data" / DATASETS[name].file_name
    header = path.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert tuple(header[: len(DATASETS[name].columns)]) == DATASETS[name].column_names


# --- the folder itself ------------------------------------------------------------------------

def test_a_data_folder_path_that_is_a_file_is_named_as_a_file(tmp_path):
    path = tmp_path / "data.csv"
    path.write_text("id\n", encoding="utf-8")
    result = read_folder(path)
    assert {p.file for p in result.problems} == {dataset.file_name for dataset in DATASETS.values()}
    assert all("is a file, not a folder" in p.text for p in result.problems)
    assert result.frames == {}


def test_a_data_folder_that_does_not_exist_is_named_as_missing(tmp_path):
    result = read_folder(tmp_path / "nowhere")
    assert len(result.problems) == len(DATASETS)
    assert all("does not exist" in p.text and "file, not" not in p.text for p in result.problems)


def test_no_problem_names_the_servers_path(tmp_path):
    """Problems are shown on the Data page: they name files, never where the folder lives."""
    (tmp_path / "data").mkdir()
    factories.write(tmp_path / "data", "companies", {"id": "x", "country": "France"})
    problems = read_folder(tmp_path / "data").problems + read_folder(tmp_path / "nowhere").problems
    assert problems and not any(str(tmp_path) in str(p) for p in problems)


# --- how cells are typed ------------------------------------------------------------------------

def test_list_columns_are_read_as_tuples(data_copy):
    def change(rows):
        rows[0]["companies"], rows[0]["tags"] = "renault;nissan", ""
    factories.edit(data_copy / "events.csv", change)
    events = read_folder(data_copy).frames["events"]
    assert events.loc[0, "companies"] == ("renault", "nissan")
    assert events.loc[0, "tags"] == ()


def test_every_list_cell_of_the_real_data_is_a_tuple_of_its_items(real_data):
    for name, dataset in DATASETS.items():
        for column in dataset.columns:
            if column.kind in LIST_KINDS:
                cells = real_data.frames[name][column.name]
                assert cells.map(lambda cell: isinstance(cell, tuple) and "" not in cell).all(), (name, column.name)


def test_a_blank_text_cell_is_read_as_empty_text(real_data):
    notes = real_data.frames["companies"]["note"]
    assert notes.map(lambda cell: isinstance(cell, str)).all()


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN", "Infinity"])
def test_a_number_that_is_not_finite_is_refused(data_copy, value):
    def change(rows):
        rows[0]["pct"] = value
    factories.edit(data_copy / "stakes.csv", change)
    result = read_folder(data_copy)
    [problem] = result.problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("stakes.csv", 2, "pct", value)
    assert "number" in problem.text
    assert "stakes" not in result.frames


def test_an_integer_with_a_fraction_is_refused(data_copy):
    def change(rows):
        rows[0]["weight"] = "2.5"
    factories.edit(data_copy / "links.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.column, problem.value) == ("weight", "2.5") and "whole number" in problem.text


def test_a_claims_event_must_be_an_events_id(data_copy, real_data):
    def change(rows):
        rows[0]["event"] = "no-such-event"
    factories.edit(data_copy / "claims.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column, problem.value) == (
        "claims.csv", 2, "event", "no-such-event")
    assert "events.csv" in problem.text


def test_a_claim_without_an_event_is_fine(data_copy, real_data):
    def change(rows):
        rows[0]["event"] = ""
    factories.edit(data_copy / "claims.csv", change)
    result = read_folder(data_copy)
    assert result.problems == [] and len(result.frames["claims"]) == len(real_data.frames["claims"])


def test_an_unknown_company_in_a_list_is_named(data_copy):
    def change(rows):
        rows[0]["companies"] = "renault;tesla"
    factories.edit(data_copy / "events.csv", change)
    [problem] = read_folder(data_copy).problems
    assert (problem.column, problem.value, problem.line) == ("companies", "renault;tesla", 2)
    assert "companies.csv" in problem.text


def test_a_broken_events_file_makes_the_claims_unusable_but_not_the_talks(data_copy):
    (data_copy / "events.csv").write_text("")
    result = read_folder(data_copy)
    assert result.problems_for("claims") and not result.problems_for("talks")

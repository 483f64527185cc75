"""The loader and validator: the real data passes, and each kind of bad input is named precisely."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from components.data.contract import DATASETS, SOURCE_STATUSES
from components.data.validation import read_folder


def rewrite(path: Path, edit) -> None:
    """Apply `edit` to the rows (list of dicts) of a CSV and write it back."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    rows = edit(rows) or rows
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


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


def test_every_row_of_every_file_cites_a_source(real_data):
    for name, frame in real_data.frames.items():
        assert frame["source_url"].str.match(r"^https?://\S+$").all(), name
        assert frame["source_status"].isin(SOURCE_STATUSES).all(), name


def test_events_cover_the_alliance_from_1999_to_late_2025(real_data):
    events = real_data.frames["events"]
    assert len(events) > 50
    assert events["date"].min() == pd.Timestamp("1999-03-27")
    assert events["date"].max() >= pd.Timestamp("2025-09-01")


def test_the_plan_is_dated_27_january_2022_not_july_2025(real_data):
    events = real_data.frames["events"]
    plan = events[events["tags"].str.contains("alliance-to-2030") & (events["category"] == "plan")]
    assert plan["date"].min() == pd.Timestamp("2022-01-27")


def test_a_missing_file_is_named(data_copy):
    (data_copy / "talks.csv").unlink()
    result = read_folder(data_copy)
    [problem] = result.problems
    assert (problem.file, problem.line) == ("talks.csv", None)
    assert "missing" in problem.message
    assert "talks" not in result.frames and "events" in result.frames


def test_an_empty_file_is_named(data_copy):
    (data_copy / "links.csv").write_text("")
    [problem] = read_folder(data_copy).problems
    assert problem.file == "links.csv" and "empty" in problem.message


def test_a_file_that_is_not_utf8_names_its_line(data_copy):
    path = data_copy / "events.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b",", "é,".encode("latin-1"), 1)
    path.write_bytes(b"\n".join(lines))
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line) == ("events.csv", 4)
    assert "UTF-8" in problem.message


def test_a_missing_column_is_named(data_copy):
    path = data_copy / "stakes.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False).drop(columns="pct")
    frame.to_csv(path, index=False)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column) == ("stakes.csv", 1, "pct")
    assert "missing" in problem.message


def test_a_bad_date_names_file_line_column_and_value(data_copy):
    def edit(rows):
        rows[4]["date"] = "2019-02-30"
    rewrite(data_copy / "events.csv", edit)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("events.csv", 6, "date", "2019-02-30")
    assert "real date" in problem.message


def test_an_unknown_company_id_is_named(data_copy):
    def edit(rows):
        rows[0]["target"] = "tesla"
    rewrite(data_copy / "links.csv", edit)
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line, problem.column, problem.value) == ("links.csv", 2, "target", "tesla")
    assert "companies.csv" in problem.message


def test_an_unknown_platform_id_in_models_is_named(data_copy):
    def edit(rows):
        rows[1]["platform"] = "cmf-x"
    rewrite(data_copy / "models.csv", edit)
    [problem] = read_folder(data_copy).problems
    assert (problem.column, problem.value, problem.line) == ("platform", "cmf-x", 3)


def test_a_duplicate_id_is_named(data_copy):
    def edit(rows):
        rows[2]["id"] = rows[1]["id"]
    rewrite(data_copy / "platforms.csv", edit)
    problems = only(read_folder(data_copy).problems, "platforms.csv")
    assert {(p.column, p.line) for p in problems} >= {("id", 4)}
    assert all("more than once" in p.message for p in problems)


def test_every_problem_is_collected_not_just_the_first(data_copy):
    def edit(rows):
        rows[0]["pct"] = "140"
        rows[1]["basis"] = "options"
        rows[2]["source_url"] = "www.example.org"
        rows[3]["holder"] = ""
    rewrite(data_copy / "stakes.csv", edit)
    problems = only(read_folder(data_copy).problems, "stakes.csv")
    by_column = {p.column: p for p in problems}
    assert set(by_column) == {"pct", "basis", "source_url", "holder"}
    assert "between 0 and 100" in by_column["pct"].message
    assert "one of: direct" in by_column["basis"].message
    assert "http" in by_column["source_url"].message
    assert "required" in by_column["holder"].message
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_a_row_with_too_many_fields_is_named(data_copy):
    path = data_copy / "companies.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] += ",extra"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [problem] = read_folder(data_copy).problems
    assert (problem.file, problem.line) == ("companies.csv", 3)
    assert "fields" in problem.message


def test_a_date_must_match_its_precision(data_copy):
    def edit(rows):
        rows[0]["date_precision"] = "month"
        rows[0]["date"] = "1999-03-27"
    rewrite(data_copy / "events.csv", edit)
    [problem] = read_folder(data_copy).problems
    assert problem.column == "date" and "first day of the month" in problem.message


def test_a_period_cannot_end_before_it_starts(data_copy):
    def edit(rows):
        rows[0]["end"] = "1990-01-01"
    rewrite(data_copy / "links.csv", edit)
    [problem] = read_folder(data_copy).problems
    assert problem.column == "end" and "before start" in problem.message


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

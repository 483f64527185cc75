"""Read a data folder and check it against the contract, collecting every problem.

Each problem names the file, the line of the CSV (the header is line 1), the column, the value
and what is wrong, so a user who points the app at their own folder can fix it without
reading code. Nothing here imports Streamlit.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from components.data.contract import DATASETS, Column, Dataset, dependencies

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
URL = re.compile(r"^https?://[^\s;,]+$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # line in the CSV file, the header being line 1; None for the whole file
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column {self.column}" if self.column else ""
        shown = f" (value {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.message}{shown}"


@dataclass
class LoadResult:
    """The typed frames of the datasets that passed, and the problems of those that did not."""

    data_dir: Path
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problems_for(self, *names: str) -> list[Problem]:
        """The problems that make any of `names` unusable: their own and their dependencies'."""
        wanted = set(names)
        for name in names:
            wanted.update(dependencies(name))
        files = {DATASETS[name].file_name for name in wanted}
        return [problem for problem in self.problems if problem.file in files]

    @property
    def ok(self) -> bool:
        return not self.problems


# --- reading ---------------------------------------------------------------------------

def _read_rows(path: Path, dataset: Dataset) -> tuple[pd.DataFrame | None, list[int], list[Problem]]:
    """The file's rows as strings, each row's line number, and any problem reading it."""
    name = dataset.file_name
    if not path.is_file():
        return None, [], [Problem(name, None, None, None, f"file is missing from {path.parent}")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [], [Problem(name, line, None, None, f"is not UTF-8 text (byte {error.start}); save it as UTF-8")]
    if not text.strip():
        return None, [], [Problem(name, None, None, None, "file is empty: it needs a header row")]

    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip() for cell in next(reader)]
    problems = [
        Problem(name, 1, column, None, "required column is missing from the header")
        for column in dataset.column_names if column not in header
    ]
    if problems:
        return None, [], problems

    rows, lines = [], []
    line = reader.line_num
    for record in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in record):
            continue
        if len(record) != len(header):
            problems.append(Problem(name, start, None, None,
                                    f"has {len(record)} fields where the header has {len(header)}"))
            continue
        rows.append(record)
        lines.append(start)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    return frame, lines, problems


# --- per-column checks -----------------------------------------------------------------

def _is_date(value: str) -> bool:
    if not ISO_DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_number(value: str) -> bool:
    try:
        float(value)
    except ValueError:
        return False
    return value.strip().lower() not in ("nan", "inf", "-inf", "infinity")


def _is_integer(value: str) -> bool:
    return re.fullmatch(r"-?\d+", value) is not None


def _in_range(column: Column, value: str) -> bool:
    number = float(value)
    return (column.minimum is None or number >= column.minimum) and (column.maximum is None or number <= column.maximum)


def _range_text(column: Column) -> str:
    low = "" if column.minimum is None else f"{column.minimum:g}"
    high = "" if column.maximum is None else f"{column.maximum:g}"
    if low and high:
        return f"must be between {low} and {high}"
    return f"must be at least {low}" if low else f"must be at most {high}"


def _value_checks(column: Column) -> list[tuple[callable, str]]:
    """(predicate on one non-blank value, what is wrong when it fails) for a column's kind."""
    allowed = ", ".join(column.allowed)
    checks = {
        "id": [(SLUG.match, "must be a slug of lowercase letters, digits and hyphens")],
        "ref": [(SLUG.match, "must be an id (a slug)")],
        "refs": [(lambda v: all(SLUG.match(part) for part in v.split(";")), "must be `;`-separated ids")],
        "date": [(_is_date, "must be a real date written YYYY-MM-DD")],
        "number": [(_is_number, "must be a number")],
        "integer": [(_is_integer, "must be a whole number")],
        "year": [(lambda v: re.fullmatch(r"\d{4}", v) is not None, "must be a four-digit year")],
        "enum": [(lambda v: v in column.allowed, f"must be one of: {allowed}")],
        "enum_list": [(lambda v: all(part in column.allowed for part in v.split(";")),
                       f"must be `;`-separated values from: {allowed}")],
        "country": [(COUNTRY.match, "must be an ISO 3166 alpha-2 code such as JP or FR")],
        "color": [(COLOR.match, "must be a colour written #rrggbb")],
        "url": [(URL.match, "must be one http:// or https:// address")],
        "text": [],
    }[column.kind]
    if column.minimum is not None or column.maximum is not None:
        kind_ok = checks[0][0]
        checks.append((lambda v: not kind_ok(v) or _in_range(column, v), _range_text(column)))
    return checks


def _schema(dataset: Dataset) -> pa.DataFrameSchema:
    columns = {}
    for column in dataset.columns:
        checks = []
        if column.required:
            checks.append(pa.Check(lambda v: v.strip() != "", element_wise=True, error="is required but blank"))
        for predicate, message in _value_checks(column):
            checks.append(pa.Check(lambda v, p=predicate: v == "" or bool(p(v)), element_wise=True, error=message))
        columns[column.name] = pa.Column(str, checks=checks, unique=column.kind == "id", nullable=False)
    return pa.DataFrameSchema(columns, strict=False)


def _column_problems(dataset: Dataset, frame: pd.DataFrame, lines: list[int]) -> list[Problem]:
    try:
        _schema(dataset).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        problems = []
        for case in cases.itertuples(index=False):
            index = case.index
            line = lines[int(index)] if index is not None and not pd.isna(index) else None
            message = "appears more than once; ids must be unique" if "unique" in str(case.check) else str(case.check)
            problems.append(Problem(dataset.file_name, line, case.column, str(case.failure_case), message))
        return problems
    return []


# --- checks across rows and files ------------------------------------------------------

def _date_problems(dataset: Dataset, frame: pd.DataFrame, lines: list[int]) -> list[Problem]:
    problems = []
    if "date_precision" in frame.columns:
        for i, (value, precision) in enumerate(zip(frame["date"], frame["date_precision"])):
            if not _is_date(value):
                continue
            first_day = {"month": "-01", "year": "-01-01"}.get(precision, "")
            if not value.endswith(first_day):
                problems.append(Problem(dataset.file_name, lines[i], "date", value,
                                        f"with date_precision {precision} the date must be the first day of the "
                                        f"{precision}"))
    for first, second in dataset.date_order:
        for i, (start, end) in enumerate(zip(frame[first], frame[second])):
            if _is_date(start) and _is_date(end) and end < start:
                problems.append(Problem(dataset.file_name, lines[i], second, end, f"comes before {first} ({start})"))
    return problems


def _reference_problems(dataset: Dataset, frame: pd.DataFrame, lines: list[int],
                        ids: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for column in dataset.columns:
        if column.kind not in ("ref", "refs") or column.ref not in ids:
            continue
        known = ids[column.ref]
        for i, value in enumerate(frame[column.name]):
            for part in filter(None, value.split(";")):
                if SLUG.match(part) and part not in known:
                    problems.append(Problem(dataset.file_name, lines[i], column.name, part,
                                            f"is not an id in {column.ref}.csv"))
    return problems


# --- typing ----------------------------------------------------------------------------

def _typed(dataset: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
    typed = frame.copy()
    for column in dataset.columns:
        values = typed[column.name].replace("", None)
        if column.kind == "date":
            typed[column.name] = pd.to_datetime(values, format="%Y-%m-%d")
        elif column.kind == "number":
            typed[column.name] = pd.to_numeric(values).astype("float64")
        elif column.kind in ("integer", "year"):
            typed[column.name] = pd.to_numeric(values).astype("Int64")
    return typed


def read_folder(data_dir: Path) -> LoadResult:
    """Read and check every dataset of the contract in `data_dir`."""
    result = LoadResult(Path(data_dir))
    raw: dict[str, tuple[pd.DataFrame, list[int]]] = {}
    for name, dataset in DATASETS.items():
        frame, lines, problems = _read_rows(result.data_dir / dataset.file_name, dataset)
        if frame is not None:
            problems += _column_problems(dataset, frame, lines) + _date_problems(dataset, frame, lines)
            raw[name] = (frame, lines)
        result.problems += problems

    # References are checked only against clean datasets: a dependant of a broken file is unusable
    # anyway (LoadResult.problems_for), and checking it would bury the real problem under echoes.
    broken = {problem.file for problem in result.problems}
    ids = {
        name: set(frame["id"]) for name, (frame, _) in raw.items()
        if "id" in DATASETS[name].column_names and DATASETS[name].file_name not in broken
    }
    for name, (frame, lines) in raw.items():
        result.problems += _reference_problems(DATASETS[name], frame, lines, ids)

    broken = {problem.file for problem in result.problems}
    for name, (frame, _) in raw.items():
        if DATASETS[name].file_name not in broken:
            result.frames[name] = _typed(DATASETS[name], frame)
    result.problems.sort(key=lambda p: (list(DATASETS).index(p.file.removesuffix(".csv")), p.line or 0))
    return result

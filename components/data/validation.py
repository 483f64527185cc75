"""Read a data folder and check it against the contract, collecting every problem.

Each problem names the file, the line of the CSV (the header is line 1), the column, the value
and what is wrong, so a user who points the app at their own folder can fix it without
reading code. Nothing here imports Streamlit.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from components.data.contract import DATASETS, FORMULA_START, LIST_KINDS, Column, Dataset, dependencies
from components.i18n import N_

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SLUGS = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:;[a-z0-9]+(?:-[a-z0-9]+)*)*$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$")
INTEGER = re.compile(r"^-?\d+$")
YEAR = re.compile(r"^\d{4}$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")
URL = re.compile(r"^https?://[^\s;,]+$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None  # line in the CSV file, the header being line 1; None for the whole file
    column: str | None
    value: str | None
    message: str  # an English message id with `{placeholders}`, filled from params: translatable as it is
    params: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The message in English, its placeholders filled."""
        return self.message.format(**dict(self.params))

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column {self.column}" if self.column else ""
        shown = f" (value {self.value!r})" if self.value not in (None, "") else ""
        return f"{where}: {self.text}{shown}"


@dataclass
class LoadResult:
    """The typed frames of the datasets that passed, and the problems of those that did not."""

    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def problems_for(self, *names: str) -> list[Problem]:
        """The problems that make any of `names` unusable: their own and their dependencies'."""
        wanted = set(names)
        for name in names:
            wanted.update(dependencies(name))
        files = {DATASETS[name].file_name for name in wanted}
        return [problem for problem in self.problems if problem.file in files]


# --- reading ---------------------------------------------------------------------------

def _unneutralised(cell: str) -> str:
    """A cell as written before a spreadsheet-safe export put an apostrophe before its formula character."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] and cell[1:2] in FORMULA_START else cell


def _read_rows(raw: bytes | None, dataset: Dataset) -> tuple[pd.DataFrame | None, list[int], list[Problem]]:
    """The file's rows as strings, each row's line number, and any problem reading it."""
    name = dataset.file_name
    if raw is None:
        return None, [], [Problem(name, None, None, None, N_("file is missing from the data folder"))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [], [Problem(name, line, None, None, N_("is not UTF-8 text (byte {byte}); save it as UTF-8"),
                                    (("byte", str(error.start)),))]
    if not text.strip():
        return None, [], [Problem(name, None, None, None, N_("file is empty: it needs a header row"))]

    reader = csv.reader(io.StringIO(text, newline=""))
    header = [cell.strip() for cell in next(reader)]
    problems = [
        Problem(name, 1, column, None, N_("required column is missing from the header"))
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
            problems.append(Problem(name, start, None, None, N_("has {fields} fields where the header has {header}"),
                                    (("fields", str(len(record))), ("header", str(len(header))))))
            continue
        rows.append([_unneutralised(cell) for cell in record])
        lines.append(start)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    return frame, lines, problems


# --- the checks, as pandera schemas built from the contract ----------------------------------

# What a cell of each kind must look like, as text. A kind not listed (text) takes any text.
_PATTERNS = {
    "id": (SLUG, N_("must be a slug of lowercase letters, digits and hyphens")),
    "ref": (SLUG, N_("must be an id (a slug)")),
    "refs": (SLUGS, N_("must be `;`-separated ids")),
    "tags": (SLUGS, N_("must be `;`-separated tags (slugs)")),
    "date": (ISO_DATE, N_("must be a real date written YYYY-MM-DD")),
    "number": (NUMBER, N_("must be a number")),
    "integer": (INTEGER, N_("must be a whole number")),
    "year": (YEAR, N_("must be a four-digit year")),
    "country": (COUNTRY, N_("must be an ISO 3166 alpha-2 code such as JP or FR")),
    "color": (COLOR, N_("must be a colour written #rrggbb")),
    "url": (URL, N_("must be one http:// or https:// address")),
}
# How a kind is typed once its text is right: pandera coerces to these.
_DTYPES = {"date": "datetime64[ns]", "number": "float64", "integer": "Int64", "year": "Int64"}
REQUIRED = N_("is required but blank")
NOT_UNIQUE = N_("appears more than once; ids must be unique")
UNREADABLE = N_("has a value that can't be read")


def _params(column: Column) -> tuple[tuple[str, str], ...]:
    """What a column's messages name: its allowed values, the file its ids refer to, its range."""
    return (("values", ", ".join(column.allowed)), ("file", f"{column.ref}.csv"),
            ("low", "" if column.minimum is None else f"{column.minimum:g}"),
            ("high", "" if column.maximum is None else f"{column.maximum:g}"))


def _range_text(column: Column) -> str:
    if column.minimum is not None and column.maximum is not None:
        return N_("must be between {low} and {high}")
    return N_("must be at least {low}") if column.minimum is not None else N_("must be at most {high}")


def _text_checks(column: Column, ids: dict[str, set[str]]) -> list[pa.Check]:
    """The checks on a column's text: its shape, its allowed values, the ids it refers to."""
    if column.kind == "enum":
        return [pa.Check.isin(column.allowed, error=N_("must be one of: {values}"))]
    if column.kind == "enum_list":
        one = "|".join(re.escape(value) for value in column.allowed)
        return [pa.Check.str_matches(rf"^(?:{one})(?:;(?:{one}))*$",
                                     error=N_("must be `;`-separated values from: {values}"))]
    checks = []
    if column.kind in _PATTERNS:
        pattern, message = _PATTERNS[column.kind]
        checks.append(pa.Check.str_matches(pattern.pattern, error=message))
    known = ids.get(column.ref)
    if column.kind == "ref" and known is not None:
        checks.append(pa.Check.isin(known, error=N_("is not an id in {file}")))
    elif column.kind == "refs" and known is not None:
        # pandera has no "every item of a list is in…" check: the one element-wise check of this module.
        checks.append(pa.Check(lambda cell: set(cell.split(";")) <= known, element_wise=True,
                               error=N_("names an id that is not in {file}")))
    return checks


def _text_schema(dataset: Dataset, ids: dict[str, set[str]]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema({
        column.name: pa.Column(str, _text_checks(column, ids), nullable=not column.required,
                               unique=column.kind == "id", report_duplicates="exclude_first")
        for column in dataset.columns
    })


def _first_day_of_precision(frame: pd.DataFrame) -> pd.Series:
    """True where the date is the first day of its month or year, as its precision says it must be."""
    day, precision = frame["date"], frame["date_precision"]
    wrong = ((precision == "month") & (day.dt.day != 1)) | (
        (precision == "year") & ((day.dt.day != 1) | (day.dt.month != 1)))
    return ~wrong.fillna(False)


def _in_order(first: str, second: str):
    return lambda frame: (frame[second].isna() | frame[first].isna() | (frame[second] >= frame[first])).fillna(True)


def _typed_schema(dataset: Dataset) -> pa.DataFrameSchema:
    """Types, ranges and the rules across columns of one row, on text that passed _text_schema."""
    columns = {}
    for column in dataset.columns:
        if column.kind not in _DTYPES:
            continue
        checks = []
        if column.minimum is not None or column.maximum is not None:
            checks.append(pa.Check.in_range(-math.inf if column.minimum is None else column.minimum,
                                            math.inf if column.maximum is None else column.maximum,
                                            error=_range_text(column)))
        columns[column.name] = pa.Column(_DTYPES[column.kind], checks, coerce=True, nullable=True)
    checks = [pa.Check(_in_order(first, second), error=f"{second}|{first}")
              for first, second in dataset.date_order]
    if "date_precision" in dataset.column_names:
        checks.append(pa.Check(_first_day_of_precision,
                               error="date|date_precision"))
    return pa.DataFrameSchema(columns, checks=checks)


def _problems(errors: pa.errors.SchemaErrors, dataset: Dataset, frame: pd.DataFrame,
              lines: list[int]) -> list[Problem]:
    """pandera's failure cases as problems: one per row and column, with the CSV line and the value as written."""
    problems = {}
    for case in errors.failure_cases.itertuples(index=False):
        if case.index is None or pd.isna(case.index):
            continue
        row, check = int(case.index), str(case.check)
        if case.schema_context == "DataFrameSchema":  # a rule across columns: "column|the other column"
            column, other = check.split("|", 1)
            if case.column != column:
                continue
            if other == "date_precision":
                message = N_("with date_precision {precision} the date must be the first day of the {precision}")
                params = (("precision", str(frame.at[row, "date_precision"])),)
            else:
                message = N_("comes before {first} ({value})")
                params = (("first", other), ("value", str(frame.at[row, other])))
        else:
            column = case.column
            message = {"not_nullable": REQUIRED, "field_uniqueness": NOT_UNIQUE}.get(check, check)
            params = _params(next(c for c in dataset.columns if c.name == column))
            if check.startswith(("coerce_dtype", "dtype(")):
                message = _PATTERNS["date"][1] if _kind(dataset, column) == "date" else UNREADABLE
        value = frame.at[row, column]
        problems.setdefault((row, column), Problem(dataset.file_name, lines[row], column,
                                                   "" if pd.isna(value) else str(value), message, params))
    return list(problems.values())


def _kind(dataset: Dataset, name: str) -> str:
    return next(column.kind for column in dataset.columns if column.name == name)


def validate_frame(dataset: Dataset, frame: pd.DataFrame, lines: list[int],
                   ids: dict[str, set[str]]) -> tuple[pd.DataFrame | None, list[Problem]]:
    """The dataset typed, or None and its problems. Text first; the cells that pass are then typed.

    `frame` holds the CSV's cells as text ("" for blank), `lines` each row's line in the file, `ids` the ids
    of the datasets its references are checked against (a dataset missing from it is not checked).
    """
    text = frame[list(dataset.column_names)].replace("", pd.NA)
    problems = []
    try:
        _text_schema(dataset, ids).validate(text, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems = _problems(errors, dataset, text, lines)
    # Cells whose text is wrong are blanked before typing, so each wrong cell is named once.
    bad = {(lines.index(p.line), p.column) for p in problems}
    clean = text.copy()
    for row, column in bad:
        clean.at[row, column] = pd.NA
    try:
        typed = _typed_schema(dataset).validate(clean, lazy=True)
    except pa.errors.SchemaErrors as errors:
        problems += _problems(errors, dataset, text, lines)
        return None, problems
    if problems:
        return None, problems
    for column in dataset.columns:
        if column.kind in LIST_KINDS:
            typed[column.name] = typed[column.name].map(lambda cell: tuple(cell.split(";")) if isinstance(cell, str)
                                                        else ())
        elif column.kind not in _DTYPES:
            typed[column.name] = typed[column.name].fillna("").astype(str)
    return typed, []


def _in_dependency_order() -> list[str]:
    """The datasets, each after those it refers to, so references are checked against checked ids."""
    done: list[str] = []
    while len(done) < len(DATASETS):
        done += [name for name in DATASETS if name not in done and set(dependencies(name)) <= set(done)]
    return done


def read_folder(data_dir: Path) -> LoadResult:
    """Read and check every dataset of the contract in the folder `data_dir`."""
    data_dir = Path(data_dir)
    if not data_dir.is_dir():
        # The path itself is not named: problems are shown to readers, who need not see where the folder lives.
        message = (N_("can't be read: the data folder is a file, not a folder") if data_dir.exists()
                   else N_("can't be read: the data folder does not exist"))
        return LoadResult(problems=[Problem(dataset.file_name, None, None, None, message)
                                    for dataset in DATASETS.values()])
    return read_files({dataset.file_name: (data_dir / dataset.file_name).read_bytes()
                       for dataset in DATASETS.values() if (data_dir / dataset.file_name).is_file()})


def read_files(files: Mapping[str, bytes]) -> LoadResult:
    """Read and check every dataset of the contract from its file's bytes (by file name, e.g. "events.csv")."""
    result = LoadResult()
    ids: dict[str, set[str]] = {}
    for name in _in_dependency_order():
        dataset = DATASETS[name]
        frame, lines, problems = _read_rows(files.get(dataset.file_name), dataset)
        if frame is not None and not problems:
            # References are checked only against clean datasets: a dependant of a broken file is unusable
            # anyway (LoadResult.problems_for), and checking it would bury the real problem under echoes.
            typed, problems = validate_frame(dataset, frame, lines, ids)
            if typed is not None:
                result.frames[name] = typed
                if "id" in dataset.column_names:
                    ids[name] = set(typed["id"])
        result.problems += problems
    order = list(DATASETS)
    result.problems.sort(key=lambda p: (order.index(p.file.removesuffix(".csv")), p.line or 0))
    return result

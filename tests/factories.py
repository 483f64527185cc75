"""Rows for tests, built from the contract: give the cells a test is about, the rest are valid defaults.

`frame("events", {"id": "a", "date": "2020-05-01"})` is typed exactly as the app reads a CSV (dates as
timestamps, `;`-lists as tuples), so builders are tested on what they really receive.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from components.data.contract import DATASETS, Column
from components.data.validation import validate_frame


def _default(column: Column, index: int) -> str:
    if not column.required:
        return ""
    if column.allowed:
        return column.allowed[0]
    if column.minimum is not None:
        return f"{column.minimum:g}"
    return {
        "id": f"row-{index}", "ref": "ref", "refs": "ref", "date": "2020-01-01", "year": "2020", "number": "1",
        "integer": "1", "country": "JP", "color": "#0072B2", "url": f"https://example.com/{index}", "tags": "",
    }.get(column.kind, f"text {index}")


def rows(name: str, *given: dict) -> list[dict[str, str]]:
    """Complete rows of dataset `name` as CSV text: the given cells, valid defaults for the others."""
    columns = DATASETS[name].columns
    return [{column.name: str(row.get(column.name, _default(column, i))) for column in columns}
            for i, row in enumerate(given)]


def frame(name: str, *given: dict) -> pd.DataFrame:
    """A typed frame of dataset `name`, as the app reads it (references are not checked)."""
    dataset = DATASETS[name]
    text = pd.DataFrame(rows(name, *given), columns=list(dataset.column_names), dtype=str)
    typed, problems = validate_frame(dataset, text, list(range(2, len(text) + 2)), {})
    assert typed is not None, [str(problem) for problem in problems]
    return typed


def write(folder: Path, name: str, *given: dict) -> Path:
    """Write dataset `name` into `folder` as the app reads it from disk."""
    path = folder / DATASETS[name].file_name
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(DATASETS[name].column_names))
        writer.writeheader()
        writer.writerows(rows(name, *given))
    return path


def edit(path: Path, change) -> None:
    """Apply `change` to the rows (list of dicts) of a CSV file and write it back."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, old = reader.fieldnames, list(reader)
    new = change(old)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(old if new is None else new)

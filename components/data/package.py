"""The data as a Frictionless Data Package: data/datapackage.json, generated from the contract.

    python -m components.data.package > data/datapackage.json

One Table Schema per file (types, required and unique columns, allowed values, patterns, ranges) and a
foreign key for every column that holds one id of another file. Columns holding several `;`-separated
ids are described, not keyed: Table Schema's foreign keys take one value per cell. A test keeps the file
in step with the contract, and `frictionless validate data/datapackage.json` checks the data against it.
"""

from __future__ import annotations

import json

from components.data.contract import DATASETS, Column, Dataset
from components.data.validation import COLOR, COUNTRY, SLUG, SLUGS, URL

NAME = "alliance-explorer"
TITLE = "Alliance Explorer: the Renault–Nissan–Mitsubishi Alliance, sourced"
DATA_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0"}
_TYPES = {"date": "date", "year": "year", "number": "number", "integer": "integer"}
_PATTERNS = {"id": SLUG, "ref": SLUG, "refs": SLUGS, "tags": SLUGS, "country": COUNTRY, "color": COLOR, "url": URL}


def _field(column: Column) -> dict:
    field = {"name": column.name, "type": _TYPES.get(column.kind, "string"), "description": column.description}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.kind == "id":
        constraints["unique"] = True
    if column.kind == "enum":
        constraints["enum"] = list(column.allowed)
    if column.kind == "enum_list":
        one = "|".join(column.allowed)
        constraints["pattern"] = f"(?:{one})(?:;(?:{one}))*"
    if column.kind in _PATTERNS:
        # Table Schema patterns match the whole value: no ^ and $ anchors.
        constraints["pattern"] = _PATTERNS[column.kind].pattern.removeprefix("^").removesuffix("$")
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if column.maximum is not None:
        constraints["maximum"] = column.maximum
    if constraints:
        field["constraints"] = constraints
    return field


def _resource(dataset: Dataset) -> dict:
    schema = {"fields": [_field(column) for column in dataset.columns], "missingValues": [""]}
    if "id" in dataset.column_names:
        schema["primaryKey"] = ["id"]
    keys = [{"fields": [column.name], "reference": {"resource": column.ref, "fields": ["id"]}}
            for column in dataset.columns if column.kind == "ref"]
    if keys:
        schema["foreignKeys"] = keys
    return {"name": dataset.name, "path": dataset.file_name, "title": dataset.title,
            "description": dataset.description, "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
            "schema": schema}


def descriptor() -> dict:
    return {
        "name": NAME, "title": TITLE,
        "description": "Sourced datasets on the Renault–Nissan–Mitsubishi Alliance from 1999, the Alliance to 2030 "
                       "plan and Nissan's 2024–2025 partner talks. Every row cites a public source and says how "
                       "sure it is (see DICTIONARY.md, AUDIT.md and CHANGELOG.md beside this file).",
        "licenses": [DATA_LICENCE],
        "resources": [_resource(dataset) for dataset in DATASETS.values()],
    }


def package_json() -> str:
    return json.dumps(descriptor(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    print(package_json(), end="")

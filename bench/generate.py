"""Write a valid data folder N times the size of the real one, to see how the app scales with its data.

    python bench/generate.py --scale 10 --out /tmp/data-10x

Every dataset of the contract is replicated: copy 1 is the real rows as they are, copy k (k = 2…N) is the
same rows with every id suffixed `-xk` and every reference (kind `ref` or `refs` in components/data/contract.py)
remapped to the same copy, so copy k is a self-contained twin of the real data. Which columns are ids and
references comes from the contract, so a dataset or column added there is replicated without a change
here. Dates, numbers and texts are kept as they are: every copy is as valid as the real data, and the
pages see N times the companies, events, ties… with the real data's shape.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.data.contract import DATASETS, Dataset  # noqa: E402

REAL_DATA = ROOT / "data"  # the app's default folder (components/app/store.py)
REFERENCE_KINDS = ("id", "ref", "refs")


def read_rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """A CSV file's header and rows, every cell kept as the exact text in the file."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def suffixed(value: str, kind: str, suffix: str) -> str:
    """An id, a reference or a `;`-separated list of references, pointing into the copy named by `suffix`."""
    if kind == "refs":
        return ";".join(part + suffix for part in value.split(";") if part)
    return value + suffix if value else value


def translated_row(row: dict[str, str], suffix: str) -> str:
    """A translation's row key (components.data.contract.row_keys) pointing into the copy named by `suffix`: the
    id suffixed, or for a stake (`holder>target|basis|date`) both companies."""
    if row["dataset"] != "stakes":
        return row["key"] + suffix
    holder, rest = row["key"].split(">", 1)
    target, rest = rest.split("|", 1)
    return f"{holder}{suffix}>{target}{suffix}|{rest}"


def copy_rows(dataset: Dataset, rows: list[dict[str, str]], copy: int) -> list[dict[str, str]]:
    """The rows of copy number `copy` (1 is the real data itself)."""
    if copy == 1:
        return rows
    suffix = f"-x{copy}"
    renamed = [column for column in dataset.columns if column.kind in REFERENCE_KINDS]
    copied = [row | {column.name: suffixed(row[column.name], column.kind, suffix) for column in renamed}
              for row in rows]
    if dataset.name == "translations":  # its rows name rows of the other datasets by key, not by a ref column
        copied = [row | {"key": translated_row(row, suffix)} for row in copied]
    return copied


def generate(scale: int, out: Path, source: Path = REAL_DATA) -> dict[str, int]:
    """Write every dataset of `source` replicated `scale` times into `out`; return the rows written per file."""
    if scale < 1:
        raise ValueError(f"the scale must be at least 1, not {scale}")
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for dataset in DATASETS.values():
        header, rows = read_rows(source / dataset.file_name)
        with (out / dataset.file_name).open("w", encoding="utf-8", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=header, lineterminator="\n")
            writer.writeheader()
            for copy in range(1, scale + 1):
                writer.writerows(copy_rows(dataset, rows, copy))
        written[dataset.file_name] = len(rows) * scale
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10, help="how many times the real data (default 10)")
    parser.add_argument("--out", type=Path, required=True, help="the folder to write (created if missing)")
    parser.add_argument("--source", type=Path, default=REAL_DATA, help="the real data folder")
    args = parser.parse_args()
    written = generate(args.scale, args.out, args.source)
    print(f"{args.scale}x data in {args.out}: " + ", ".join(f"{name} {rows}" for name, rows in written.items()))


if __name__ == "__main__":
    main()

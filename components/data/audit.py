"""The audit of the data against public sources: data/audit.csv, one line per row, and the report made from it.

    python -m components.data.audit > data/AUDIT.md

Each line says what checking the row against public reporting found (confirmed, corrected, re-sourced,
downgraded, removed, added) and the page that confirms the row as it stands. A test keeps AUDIT.md in step.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from components.data.contract import DATASETS

AUDIT_FILE = Path(__file__).resolve().parents[2] / "data" / "audit.csv"
OUTCOMES = ("confirmed", "corrected", "re-sourced", "downgraded", "removed", "added")


def read(path: Path = AUDIT_FILE) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def outcome_counts(audit: pd.DataFrame) -> pd.DataFrame:
    """Lines per dataset and outcome, every outcome a column, in the order of OUTCOMES."""
    counts = pd.crosstab(audit["dataset"], audit["outcome"]).reindex(columns=list(OUTCOMES), fill_value=0)
    return counts.reindex([name for name in DATASETS if name in counts.index])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report(audit: pd.DataFrame) -> str:
    """AUDIT.md: the counts, then every row's outcome and evidence, dataset by dataset."""
    counts = outcome_counts(audit)
    lines = ["# Audit of the data against public sources", "",
             "Generated from `data/audit.csv` (`python -m components.data.audit > data/AUDIT.md`). Every row of",
             "every dataset was checked against public reporting: a row is **verified** only when the page it",
             "cites states its claim, its date and its figure. Each line below says what the check found and",
             "which page confirms the row as it now stands.", "",
             "| dataset | " + " | ".join(OUTCOMES) + " | lines |", "|---|" + "---|" * (len(OUTCOMES) + 1)]
    for name, row in counts.iterrows():
        lines.append(f"| {name} | " + " | ".join(str(row[o]) for o in OUTCOMES) + f" | {row.sum()} |")
    totals = counts.sum()
    lines.append("| **all** | " + " | ".join(f"**{totals[o]}**" for o in OUTCOMES) + f" | **{totals.sum()}** |")
    for name in counts.index:
        lines += ["", f"## {DATASETS[name].file_name}", "", "| row | outcome | evidence | what was found |",
                  "|---|---|---|---|"]
        for entry in audit[audit["dataset"] == name].itertuples(index=False):
            lines.append(f"| `{_cell(entry.row)}` | {entry.outcome} | {entry.source_url or '—'} | "
                         f"{_cell(entry.note)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(report(read()), end="")

"""What the Data page shows about the datasets: the dictionary, the sources, how sure the rows are.

The dictionary is rendered from the contract, and data/DICTIONARY.md is generated from it too
(`python -m components.builders.catalog > data/DICTIONARY.md`; a test keeps the file in step).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.data.contract import ANCHORS, DATASETS, SOURCE_STATUSES, Dataset
from components.data.vocabulary import SOURCE_STATUS


def dictionary_frame(dataset: Dataset) -> pd.DataFrame:
    return pd.DataFrame(
        [
            (column.name, column.type_label, "yes" if column.required else "no",
             ", ".join(column.allowed), column.description)
            for column in dataset.columns
        ],
        columns=["column", "type", "required", "allowed values", "description"],
    )


def dictionary_markdown() -> str:
    lines = [
        "# Data dictionary",
        "",
        "Generated from `components/data/contract.py` (`python -m components.builders.catalog > data/DICTIONARY.md`).",
        "Every file is UTF-8 CSV with one header row; dates are `YYYY-MM-DD`; `;` separates several",
        "values in one cell. Every row cites one public source (`source_url`) and says how sure it is",
        f"(`source_status`: {', '.join(SOURCE_STATUSES)}).",
    ]
    for dataset in DATASETS.values():
        lines += ["", f"## {dataset.file_name}: {dataset.title}", "", dataset.description, "",
                  "| column | type | required | allowed values | description |", "|---|---|---|---|---|"]
        for row in dictionary_frame(dataset).itertuples(index=False):
            cells = [str(cell).replace("|", "\\|") for cell in row]
            lines.append("| " + " | ".join(f"`{cells[0]}`" if i == 0 else c for i, c in enumerate(cells)) + " |")
    lines += ["", "## Rows the story names", "",
              "A folder without them still loads; the pages that use them say what is missing.", "",
              "| file | id | used for |", "|---|---|---|"]
    lines += [f"| {DATASETS[a.dataset].file_name} | `{a.id}` | {a.used_for} |" for a in ANCHORS]
    return "\n".join(lines) + "\n"


def status_counts(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows per dataset and source status (every status present as a column, in contract order)."""
    counts = pd.DataFrame(
        {name: frame["source_status"].value_counts() for name, frame in frames.items()}
    ).T.reindex(columns=list(SOURCE_STATUSES)).fillna(0).astype(int)
    counts.index.name = "dataset"
    return counts.reset_index()


def status_chart(counts: pd.DataFrame) -> go.Figure:
    """Horizontal stacked bars: rows per dataset, split by source status."""
    figure = go.Figure()
    for status in SOURCE_STATUSES:
        figure.add_bar(
            y=counts["dataset"], x=counts[status], name=SOURCE_STATUS.label(status), orientation="h",
            marker_color=SOURCE_STATUS.color(status),
            hovertemplate="%{y}: %{x} rows " + SOURCE_STATUS.label(status).lower() + "<extra></extra>",
        )
    figure.update_layout(barmode="stack", xaxis_title="rows", yaxis={"autorange": "reversed"},
                         legend={"orientation": "h", "y": -0.2, "traceorder": "normal"}, height=340, margin={"t": 20})
    return figure


def status_summary(counts: pd.DataFrame) -> str:
    """The text alternative of the status chart."""
    totals = counts[list(SOURCE_STATUSES)].sum()
    parts = ", ".join(f"{totals[s]} {SOURCE_STATUS.label(s).lower()}" for s in SOURCE_STATUSES)
    weakest = counts.assign(share=lambda f: 1 - f["verified"] / f[list(SOURCE_STATUSES)].sum(axis=1))
    weakest = weakest.sort_values("share", ascending=False).iloc[0]
    return (f"{int(totals.sum())} rows across {len(counts)} datasets: {parts}. The dataset with the largest "
            f"share of rows not verified is {weakest['dataset']} ({weakest['share']:.0%}).")


def sources_frame(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each cited address, how many rows cite it, in which datasets, and with which statuses."""
    cited = pd.concat(
        [frame[["source_url", "source_status"]].assign(dataset=name) for name, frame in frames.items()],
        ignore_index=True,
    )
    return (
        cited.groupby("source_url")
        .agg(rows=("dataset", "size"),
             datasets=("dataset", lambda s: ", ".join(dict.fromkeys(s))),
             statuses=("source_status", lambda s: ", ".join(sorted(set(s), key=SOURCE_STATUSES.index))))
        .reset_index()
        .sort_values(["rows", "source_url"], ascending=[False, True], ignore_index=True)
    )


if __name__ == "__main__":
    print(dictionary_markdown(), end="")

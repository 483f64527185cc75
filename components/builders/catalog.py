"""What the Data page shows about the datasets: the dictionary, the sources, how sure the rows are.

The dictionary is rendered from the contract, and data/DICTIONARY.md is generated from it too
(`python -m components.builders.catalog > data/DICTIONARY.md`; a test keeps the file in step).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.data.contract import ANCHORS, DATASETS, SOURCE_STATUSES, Dataset
from components.data.vocabulary import SOURCE_STATUS
from components.i18n import ENGLISH, N_, translator


def dictionary_frame(dataset: Dataset, *, lang: str = ENGLISH) -> pd.DataFrame:
    """One row per column of `dataset`: its name, type, whether it is required, its allowed values and meaning.

    Names, types and allowed values are the contract's ids, as the files hold them; the rest is in `lang`."""
    _ = translator(lang)
    return pd.DataFrame(
        [
            (column.name, column.type_label, _("yes") if column.required else _("no"),
             ", ".join(column.allowed), _(column.description))
            for column in dataset.columns
        ],
        columns=[_("column"), _("type"), _("required"), _("allowed values"), _("description")],
    )


def _table_row(cells) -> str:
    return "| " + " | ".join(cells) + " |"


def dictionary_markdown(*, lang: str = ENGLISH) -> str:
    """The data dictionary as one Markdown file (in English, it is data/DICTIONARY.md)."""
    _ = translator(lang)
    # One message per paragraph; the English keeps the line breaks of data/DICTIONARY.md.
    lines = [
        "# " + _("Data dictionary"),
        "",
        _("Generated from `components/data/contract.py` "
          "(`python -m components.builders.catalog > data/DICTIONARY.md`).\n"
          "Every file is UTF-8 CSV with one header row; dates are `YYYY-MM-DD`; `;` separates several\n"
          "values in one cell. Every row cites one public source (`source_url`) and says how sure it is\n"
          "(`source_status`: {statuses}).", statuses=", ".join(SOURCE_STATUSES)),
    ]
    for dataset in DATASETS.values():
        frame = dictionary_frame(dataset, lang=lang)
        lines += ["", "## " + _("{file}: {title}", file=dataset.file_name, title=_(dataset.title)), "",
                  _(dataset.description), "", _table_row(frame.columns), "|---|---|---|---|---|"]
        for row in frame.itertuples(index=False):
            cells = [str(cell).replace("|", "\\|") for cell in row]
            lines.append(_table_row(f"`{cells[0]}`" if i == 0 else c for i, c in enumerate(cells)))
    lines += ["", "## " + _("Rows the story names"), "",
              _("A folder without them still loads; the pages that use them say what is missing."), "",
              _table_row([_("file"), "id", _("used for")]), "|---|---|---|"]
    # Anchor.used_for is English text of the contract: translated here, where it is shown.
    lines += [_table_row([DATASETS[a.dataset].file_name, f"`{a.id}`", _(a.used_for)]) for a in ANCHORS]
    return "\n".join(lines) + "\n"


def _cited(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The datasets whose rows cite a source (not the translations, which only restate other rows)."""
    return {name: frame for name, frame in frames.items() if {"source_url", "source_status"} <= set(frame.columns)}


def status_counts(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Rows per dataset that cites sources, and source status (every status a column, in contract order)."""
    counts = pd.DataFrame(
        {name: frame["source_status"].value_counts() for name, frame in _cited(frames).items()},
        index=list(SOURCE_STATUSES),
    ).T.reindex(columns=list(SOURCE_STATUSES)).fillna(0).astype(int)
    counts.index.name = "dataset"
    return counts.reset_index()


def status_chart(counts: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """Horizontal stacked bars: rows per dataset, split by source status."""
    _ = translator(lang)
    figure = go.Figure()
    for status in SOURCE_STATUSES:
        label = SOURCE_STATUS.label(status, lang)
        figure.add_bar(
            y=counts["dataset"], x=counts[status], name=label, orientation="h",
            marker_color=SOURCE_STATUS.color(status), meta=label.lower(),
            # %{meta} is the status, lower case: "events: 12 rows verified".
            hovertemplate=_("%{y}: %{x} rows %{meta}") + "<extra></extra>",
        )
    figure.update_layout(barmode="stack", xaxis_title=_("rows"), yaxis={"autorange": "reversed"},
                         legend={"orientation": "h", "y": -0.2, "traceorder": "normal"}, height=340, margin={"t": 20})
    return figure


def status_summary(counts: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    """The text alternative of the status chart."""
    _ = translator(lang)
    totals = counts[list(SOURCE_STATUSES)].sum()
    parts = _.join(_("{count} {status}", count=totals[s], status=SOURCE_STATUS.label(s, lang).lower())
                   for s in SOURCE_STATUSES)
    weakest = counts.assign(share=lambda f: 1 - f["verified"] / f[list(SOURCE_STATUSES)].sum(axis=1))
    weakest = weakest.sort_values("share", ascending=False).iloc[0]
    return _("{rows} rows across {datasets} datasets: {statuses}. The dataset with the largest share of rows not "
             "verified is {dataset} ({share}).", rows=int(totals.sum()), datasets=len(counts), statuses=parts,
             dataset=weakest["dataset"], share=_.percent(round(100 * weakest["share"])))


# The headers of the sources table (source_url keeps its id: the page labels it).
SOURCES_HEADERS = {"rows": N_("rows"), "datasets": N_("datasets"), "statuses": N_("statuses")}


def sources_frame(frames: dict[str, pd.DataFrame], *, lang: str = ENGLISH) -> pd.DataFrame:
    """Each cited address, how many rows cite it, in which datasets, and with which statuses."""
    _ = translator(lang)
    cited = pd.concat(
        [frame[["source_url", "source_status"]].assign(dataset=name) for name, frame in _cited(frames).items()],
        ignore_index=True,
    )
    return (
        cited.groupby("source_url")
        .agg(rows=("dataset", "size"),
             datasets=("dataset", lambda s: ", ".join(dict.fromkeys(s))),
             statuses=("source_status", lambda s: ", ".join(sorted(set(s), key=SOURCE_STATUSES.index))))
        .reset_index()
        .sort_values(["rows", "source_url"], ascending=[False, True], ignore_index=True)
        .rename(columns={column: _(header) for column, header in SOURCES_HEADERS.items()})
    )


if __name__ == "__main__":
    print(dictionary_markdown(), end="")

"""Files a user downloads: spreadsheet-safe CSV, a zip of every dataset, self-contained chart HTML."""

from __future__ import annotations

import html
import io
import re
import zipfile

import pandas as pd
import plotly.graph_objects as go

from components.data.contract import FORMULA_START


def neutralise(text: str) -> str:
    """Prefix a formula-like cell with an apostrophe so a spreadsheet shows it as text."""
    return "'" + text if text.startswith(FORMULA_START) else text


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot run as formulas, written as the data files write them.

    Only text is touched: a numeric column keeps its negative numbers (-65 is a number, not a
    formula); whole numbers stay whole (643, not 643.0); dates are ISO text; lists are `;`-separated.
    """
    safe = frame.copy()
    for name in safe.columns:
        column = safe[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            safe[name] = column.dt.strftime("%Y-%m-%d").fillna("")
        elif pd.api.types.is_float_dtype(column):
            known = column.dropna()
            if len(known) and (known == known.round()).all() and known.abs().max() < 2**53:
                safe[name] = column.astype("Int64")
        elif not pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
            safe[name] = column.map(lambda value: ";".join(value) if isinstance(value, tuple) else value).map(
                lambda value: neutralise(value) if isinstance(value, str) else value)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that a spreadsheet opens safely: formula cells neutralised, UTF-8 with a BOM so accents survive."""
    # CRLF line ends (RFC 4180): a cell holding a bare carriage return is then quoted and stays one cell.
    return spreadsheet_safe(frame).to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def zip_bytes(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def figure_html(figure: go.Figure, title: str) -> str:
    """An interactive chart as one HTML file that works offline (plotly.js inlined, no CDN)."""
    page = figure.to_html(full_html=True, include_plotlyjs=True, config=image_config(title))
    return page.replace("<head>", f"<head><title>{html.escape(title)}</title>", 1)


def file_stem(title: str) -> str:
    """A file name from a chart or table title: alliance-explorer-cross-shareholdings (never the prefix twice)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-").removeprefix("alliance-explorer-")
    return f"alliance-explorer-{slug}"


def image_config(title: str, image_format: str = "png") -> dict:
    """Plotly config: the toolbar's camera saves a PNG or SVG at scale 2 under a meaningful name."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,  # no "share to Plotly's cloud": a downloaded chart works offline
        "toImageButtonOptions": {"format": image_format, "filename": file_stem(title), "scale": 2},
    }


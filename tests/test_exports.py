"""Downloads: CSV that is safe in a spreadsheet, the zip of everything, offline chart HTML."""

from __future__ import annotations

import io
import re
import zipfile

import pandas as pd
import plotly.graph_objects as go

from components.builders import exports


def test_formula_cells_are_neutralised():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "plain", "\tTAB"]})
    safe = exports.spreadsheet_safe(frame)["text"].tolist()
    assert safe == ["'=HYPERLINK(\"x\")", "'+1", "'-2+3", "'@SUM(A1)", "plain", "'\tTAB"]


def test_numbers_keep_their_sign_and_dates_are_iso():
    frame = pd.DataFrame({"value": [-65.0, 23.0], "date": pd.to_datetime(["2022-01-27", None])})
    safe = exports.spreadsheet_safe(frame)
    assert safe["value"].tolist() == [-65.0, 23.0]
    assert safe["date"].tolist() == ["2022-01-27", ""]


def test_csv_bytes_are_utf8_with_a_bom_so_accents_survive():
    data = exports.csv_bytes(pd.DataFrame({"name": ["Mégane", "=cmd"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["name"].tolist() == ["Mégane", "'=cmd"]


def test_zip_holds_every_file():
    archive = zipfile.ZipFile(io.BytesIO(exports.zip_bytes({"a.csv": b"x\n1\n", "b.csv": b"y\n2\n"})))
    assert archive.namelist() == ["a.csv", "b.csv"]
    assert archive.read("b.csv") == b"y\n2\n"


def test_chart_html_works_offline_and_carries_its_title():
    page = exports.figure_html(go.Figure(go.Scatter(x=[1], y=[2])), "Stakes <over> time")
    assert "<title>Stakes &lt;over&gt; time</title>" in page
    assert not re.search(r"<script[^>]+src=[\"']https?:", page)
    assert "Plotly.newPlot" in page or "Plotly.react" in page


def test_image_config_names_the_file_and_doubles_the_scale():
    config = exports.image_config("Cross-shareholdings, 1999–2025", "svg")
    assert config["toImageButtonOptions"] == {
        "format": "svg", "filename": "alliance-explorer-cross-shareholdings-1999-2025", "scale": 2,
    }

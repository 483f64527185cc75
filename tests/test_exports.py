"""Downloads: CSV that is safe in a spreadsheet, the zip of everything, offline chart HTML."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.builders import exports
from components.data.validation import read_folder
from tests import factories


def csv_rows(frame: pd.DataFrame) -> list[dict[str, str]]:
    """The downloaded CSV as a spreadsheet reads its cells: text, exactly as written."""
    text = exports.csv_bytes(frame).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_formula_cells_are_neutralised():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "plain", "\tTAB"]})
    assert [row["text"] for row in csv_rows(frame)] == [
        "'=HYPERLINK(\"x\")", "'+1", "'-2+3", "'@SUM(A1)", "plain", "'\tTAB"]


def test_a_cell_with_a_line_break_stays_one_cell():
    frame = pd.DataFrame({"text": ["\rCR", "a\rb", "c\nd", "e\r\nf"], "n": [1, 2, 3, 4]})
    rows = csv_rows(frame)
    assert [row["n"] for row in rows] == ["1", "2", "3", "4"], (
        "a cell holding a bare carriage return is written unquoted, so it splits its row: "
        "components/builders/exports.py csv_bytes should quote it (e.g. to_csv(lineterminator='\\r\\n'))")
    assert [row["text"] for row in rows] == ["'\rCR", "a\rb", "c\nd", "e\r\nf"]


def test_a_formula_inside_a_list_is_neutralised_after_joining():
    frame = pd.DataFrame({"tags": [("=cmd", "b"), ("a", "=cmd")]})
    assert [row["tags"] for row in csv_rows(frame)] == ["'=cmd;b", "a;=cmd"]


def test_whole_numbers_stay_integers():
    events = factories.frame("events", {"value": "643"}, {"value": "-65"}, {"value": ""})
    assert [row["value"] for row in csv_rows(events)] == ["643", "-65", ""]


def test_numbers_with_a_fraction_keep_it_and_keep_their_sign():
    stakes = factories.frame("stakes", {"pct": "43.7"}, {"pct": "0"})
    assert [row["pct"] for row in csv_rows(stakes)] == ["43.7", "0.0"]
    frame = pd.DataFrame({"value": [-65.5, 23.0]})
    assert [row["value"] for row in csv_rows(frame)] == ["-65.5", "23.0"]


def test_integer_columns_and_years_are_written_whole():
    models = factories.frame("models", {"launch_year": "2026"}, {"launch_year": ""})
    assert [row["launch_year"] for row in csv_rows(models)] == ["2026", ""]


def test_dates_are_iso_and_a_missing_date_is_blank():
    events = factories.frame("events", {"date": "2022-01-27", "end_date": ""})
    [row] = csv_rows(events)
    assert (row["date"], row["end_date"]) == ("2022-01-27", "")


def test_lists_are_written_semicolon_separated_as_in_the_data_files():
    events = factories.frame("events", {"companies": "renault;nissan;mitsubishi", "tags": ""})
    [row] = csv_rows(events)
    assert (row["companies"], row["tags"]) == ("renault;nissan;mitsubishi", "")


def test_a_downloaded_dataset_reads_back_as_the_same_data(tmp_path):
    events = factories.frame("events", {"id": "a", "companies": "renault;nissan", "value": "643", "tags": "x;y"})
    path = factories.write(tmp_path, "companies", {"id": "renault"}, {"id": "nissan"})
    (tmp_path / "events.csv").write_bytes(exports.csv_bytes(events))
    read = read_folder(path.parent).frames["events"]
    pd.testing.assert_frame_equal(read, events)


def test_csv_bytes_are_utf8_with_a_bom_so_accents_survive():
    data = exports.csv_bytes(pd.DataFrame({"name": ["Mégane", "日産"]}))
    assert data.startswith(b"\xef\xbb\xbf")
    assert [row["name"] for row in csv_rows(pd.DataFrame({"name": ["Mégane", "日産"]}))] == ["Mégane", "日産"]


def test_zip_holds_every_file():
    archive = zipfile.ZipFile(io.BytesIO(exports.zip_bytes({"a.csv": b"x\n1\n", "b.csv": b"y\n2\n"})))
    assert archive.namelist() == ["a.csv", "b.csv"]
    assert archive.read("b.csv") == b"y\n2\n"


CREDIT = exports.Credit(title="Stakes <over> time", filters="Companies: Renault", source="Alliance Explorer",
                        link="https://example.org/history?companies=renault", accessed=date(2026, 1, 2),
                        description="Two lines, one rising.")


def test_chart_html_works_offline_and_carries_its_title_filters_description_source_link_and_date():
    page = exports.figure_html(go.Figure(go.Scatter(x=[1], y=[2])), CREDIT)
    assert "<title>Stakes &lt;over&gt; time</title>" in page
    for shown in ("Companies: Renault", "Two lines, one rising.", "Source: Alliance Explorer",
                  'href="https://example.org/history?companies=renault"', "2 January 2026"):
        assert shown in page, shown
    assert not re.search(r"<script[^>]+src=[\"']?(?:https?:)?//", page)
    assert "Plotly.newPlot" in page or "Plotly.react" in page


def test_a_published_chart_carries_its_credit_inside_the_figure_for_its_png_and_svg():
    figure = exports.publication(go.Figure(go.Scatter(x=[1], y=[2])), CREDIT)
    assert figure.layout.title.text == "<b>Stakes &lt;over&gt; time</b>"
    subtitle = figure.layout.title.subtitle.text
    assert "Companies: Renault" in subtitle and "example.org/history" in subtitle and "2 January 2026" in subtitle


def test_a_chart_offers_no_cloud_button():
    assert exports.image_config("x")["showSendToCloud"] is False


def test_citation_names_the_view_its_data_version_and_the_access_date():
    apa, bibtex = exports.citation("History", "https://example.org/history?x=1", "2026-11-26", date(2026, 12, 1))
    assert "data version 2026-11-26" in apa and "Retrieved 1 December 2026, from https://example.org/history" in apa
    assert "version = {2026-11-26}" in bibtex and "Accessed 2026-12-01" in bibtex


def test_image_config_names_the_file_and_doubles_the_scale():
    config = exports.image_config("Cross-shareholdings, 1999–2025", "svg")
    assert config["toImageButtonOptions"] == {
        "format": "svg", "filename": "alliance-explorer-cross-shareholdings-1999-2025", "scale": 2,
    }

"""Files a user downloads: spreadsheet-safe CSV, a zip of every dataset, self-contained chart HTML."""

from __future__ import annotations

import html
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import plotly_text, wrap
from components.data.contract import FORMULA_START
from components.i18n import ENGLISH, FONTS, HTML_LANG, plotly_config, translator


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


@dataclass(frozen=True)
class Credit:
    """What a chart says of itself once it leaves the app, as Our World in Data's charts do."""

    title: str
    filters: str  # the filters applied, as a reader reads them; "" for the whole data
    source: str  # e.g. "Alliance Explorer, data as of 10 December 2025 (CC BY 4.0)"
    link: str  # the address of this exact view
    accessed: date
    description: str = ""
    lang: str = ENGLISH  # the language every text above is in, and the chart's own interface

    @property
    def source_line(self) -> str:
        _ = translator(self.lang)
        return _("Source: {source} · {link} · {date}", source=self.source, link=self.link,
                 date=_.date(pd.Timestamp(self.accessed)))

    @property
    def filters_line(self) -> str:
        _ = translator(self.lang)
        return self.filters or _("All the data")


def publication(figure: go.Figure, credit: Credit) -> go.Figure:
    """A copy of `figure` that carries its title, filters, source, link and date inside it, so a PNG or SVG
    saved from its toolbar stands on its own. The chart's own title, if it has one, is kept as the headline."""
    published = go.Figure(figure.to_dict(), _validate=False)  # a copy; `figure` was validated when built
    headline = published.layout.title.text or plotly_text(credit.title)
    # Short lines, so a phone-wide chart shows them whole (a long link is broken across lines).
    lines = [part for line in (credit.filters_line, credit.source_line) for part in wrap(line, 62)]
    subtitle = "<br>".join(plotly_text(line) for line in lines)
    # The title block gets room of its own above the chart's top margin, which keeps what the chart draws there
    # (labels of marked dates, ticks); the figure grows by as much, so the plot keeps its size.
    top = published.layout.margin.t if published.layout.margin.t is not None else 80
    block = 36 + 14 * len(lines)
    title = {"text": f"<b>{headline}</b>", "x": 0.01, "xanchor": "left", "xref": "container", "y": 1,
             "yanchor": "top", "yref": "container", "pad": {"t": 8},
             "font": {"size": 16}, "subtitle": {"text": subtitle, "font": {"size": 11}}}
    published.update_layout(title=title, margin={"t": top + block})
    if published.layout.height is not None:
        published.update_layout(height=published.layout.height + block)
    # Axis labels push the margins rather than run off the frame, at any width (a phone's included).
    published.update_xaxes(automargin=True)
    published.update_yaxes(automargin=True)
    if credit.lang in FONTS:
        published.update_layout(font_family=FONTS[credit.lang])
    return published


def figure_html(figure: go.Figure, credit: Credit) -> str:
    """An interactive chart as one HTML file that works offline (plotly.js inlined, no CDN), with its title,
    filters, text description, source, link and date written in the page, and in the chart for its own PNG."""
    _ = translator(credit.lang)
    chart = publication(figure, credit).to_html(full_html=False, include_plotlyjs=True,
                                                config=image_config(credit.title, lang=credit.lang),
                                                default_width="100%")
    text = {name: html.escape(value) for name, value in (
        ("title", credit.title), ("filters", credit.filters_line), ("description", credit.description),
        ("source", credit.source_line), ("link", credit.link), ("described", _("Text description.")),
        ("in_the_app", _("This view in the app:")))}
    fonts = FONTS.get(credit.lang, "system-ui, sans-serif")
    return f"""<!DOCTYPE html>
<html lang="{HTML_LANG[credit.lang]}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text["title"]}</title>
<style>body {{ font: 15px/1.45 {fonts}; margin: 16px; color: #262730; }}
h1 {{ font-size: 20px; margin: 0 0 4px; }} p {{ margin: 4px 0; }} .muted {{ color: #5f6270; font-size: 13px; }}</style>
</head><body>
<h1>{text["title"]}</h1>
<p class="muted">{text["filters"]}</p>
{chart}
<p><strong>{text["described"]}</strong> {text["description"]}</p>
<p class="muted">{text["source"]}</p>
<p class="muted">{text["in_the_app"]} <a href="{text["link"]}">{text["link"]}</a></p>
</body></html>
"""


def citation(page: str, link: str, version: str, accessed: date, lang: str = ENGLISH) -> tuple[str, str]:
    """How to cite a view of the app: APA-style text, and BibTeX (with the data's version and the access date)."""
    _ = translator(lang)
    apa = _("Alliance Explorer. ({year}). {page}: the Renault–Nissan–Mitsubishi Alliance, sourced [Data set and "
            "interactive app, data version {version}]. Retrieved {date}, from {link}", year=accessed.year, page=page,
            version=version, date=_.date(pd.Timestamp(accessed)), link=link)
    key = re.sub(r"[^a-z0-9]+", "-", page.lower()).strip("-")
    bibtex = (f"@misc{{alliance-explorer-{key}-{accessed:%Y%m%d},\n"
              f"  title = {{{{Alliance Explorer}}: {page}}},\n"
              f"  author = {{{{Alliance Explorer authors}}}},\n"
              f"  year = {{{accessed.year}}},\n"
              f"  version = {{{version}}},\n"
              f"  howpublished = {{\\url{{{link}}}}},\n"
              f"  note = {{Data under CC BY 4.0. Accessed {accessed.isoformat()}}}\n}}")
    return apa, bibtex


def file_stem(title: str) -> str:
    """A file name from a chart or table title: alliance-explorer-cross-shareholdings, alliance-explorer-交叉持股
    (letters of any script kept, never the prefix twice)."""
    slug = re.sub(r"[\W_]+", "-", title.lower()).strip("-").removeprefix("alliance-explorer")
    return "-".join(part for part in ("alliance-explorer", slug.strip("-")) if part)


def image_config(title: str, image_format: str = "png", lang: str = ENGLISH) -> dict:
    """Plotly config: the toolbar's camera saves a PNG or SVG at scale 2 under a meaningful name, and the
    toolbar and date axes speak the reader's language."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,  # no "share to Plotly's cloud": a downloaded chart works offline
        "toImageButtonOptions": {"format": image_format, "filename": file_stem(title), "scale": 2},
        **plotly_config(lang),
    }


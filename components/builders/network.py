"""The network of ties between companies: which ties hold on a date, a company's neighbourhood, and the
pyvis page that draws them.

Everything here is pure (DataFrames in, DataFrames or an HTML string out), so it is tested without Streamlit.
The HTML works offline: pyvis inlines vis-network, and the Bootstrap links its template still carries are
stripped (nothing in the page uses Bootstrap). Every label and tooltip is CSV text and stays text: node
labels are drawn on a canvas, tooltips are set with innerText by vis-network 9.1, and pyvis's alternative
innerHTML popup (switched on by any node title containing "href") is never switched on.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import networkx as nx
import pandas as pd
from pyvis.network import Network

from components.builders.exports import file_stem
from components.builders.text import escape_markdown
from components.data.contract import COMPANY_KINDS, LINK_TYPES
from components.data.vocabulary import COMPANY_KIND, GREY, LINK_STATUS, LINK_TYPE, SOURCE_STATUS
from components.i18n import ENGLISH, FONTS, HTML_LANG, N_, Translator, translator

COLOR_BY = ("company", "kind")



@dataclass(frozen=True)
class Preset:
    label: str
    day: date
    help: str


# Views of the story's turning points: each shows the network on the last day of that year.
# Label and help are message ids: a page shows them as `_(preset.label)`, `_(preset.help)`.
PRESETS = (
    Preset(N_("1999"), date(1999, 12, 31), N_("The alliance in its first year: one axis built on shares.")),
    Preset(N_("2016 · Alliance 1.0"), date(2016, 12, 31), N_("The alliance at its widest, Mitsubishi included.")),
    Preset(N_("2023 · rebalancing"), date(2023, 12, 31), N_("The year the cross-holdings were cut to 15% each.")),
    Preset(N_("2025 · Alliance 2.0"), date(2025, 12, 31), N_("Nissan's reciprocal, modular partnerships.")),
)


# --- which ties are shown ----------------------------------------------------------------

def active_on(links: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The ties in force on `as_of`: begun on or before it, and not ended before it (blank end = ongoing)."""
    as_of = pd.Timestamp(as_of)
    holds = (links["start"] <= as_of) & (links["end"].isna() | (links["end"] >= as_of))
    return links[holds]


def date_span(links: pd.DataFrame) -> tuple[date, date]:
    """The first and last date the ties record (a start or an end): the range a reader can look at."""
    days = pd.concat([links["start"], links["end"].dropna()])
    return days.min().date(), days.max().date()


def company_card(company: pd.Series, links: pd.DataFrame, as_of: pd.Timestamp, *, lang: str = ENGLISH) -> str:
    """A company's card as Markdown (data text escaped): what it is, its ties on the date and in all."""
    _ = translator(lang)
    ties_now = active_on(links, as_of)
    now = int(((ties_now["source"] == company.name) | (ties_now["target"] == company.name)).sum())
    ever = int(((links["source"] == company.name) | (links["target"] == company.name)).sum())
    lines = [f"**{escape_markdown(company['name'])}** · "
             f"{escape_markdown(COMPANY_KIND.label(company['kind'], lang))} · {escape_markdown(company['country'])}",
             _("{ties_now} on {date}, {ties_ever} in the data · source: {status}",
               ties_now=_ties(_, now), date=_.date(pd.Timestamp(as_of)), ties_ever=_ties(_, ever),
               status=SOURCE_STATUS.label(company["source_status"], lang).lower())]
    if company["note"]:
        lines.append(escape_markdown(company["note"]))
    return "\n\n".join(lines)


def of_kinds(links: pd.DataFrame, types: Sequence[str], statuses: Sequence[str]) -> pd.DataFrame:
    """The ties of the chosen types and statuses (an empty choice keeps none)."""
    return links[links["type"].isin(types) & links["status"].isin(statuses)]


def graph(links: pd.DataFrame) -> nx.Graph:
    """Who is tied to whom (several ties between two companies make one edge)."""
    return nx.from_pandas_edgelist(links, "source", "target")


def ego(links: pd.DataFrame, focus: str, steps: int) -> pd.DataFrame:
    """The ties among `focus` and the companies at most `steps` ties away from it."""
    network = graph(links)
    if focus not in network:
        return links.iloc[0:0]
    near = set(nx.ego_graph(network, focus, radius=steps))
    return links[links["source"].isin(near) & links["target"].isin(near)]


def view(links: pd.DataFrame, as_of: pd.Timestamp, *, types: Sequence[str], statuses: Sequence[str],
         focus: str | None = None, steps: int = 1) -> pd.DataFrame:
    """The ties a reader asked for: in force on `as_of`, of those types and statuses, around `focus` if any."""
    shown = of_kinds(active_on(links, as_of), types, statuses)
    return ego(shown, focus, steps) if focus else shown


def tie_counts(links: pd.DataFrame) -> pd.Series:
    """How many ties each company has among `links` (each tie counted), most first."""
    ends = pd.concat([links["source"], links["target"]], ignore_index=True)
    return ends.value_counts()


# Above this many ties a drawing takes seconds to settle and reads as a blur: the busiest are drawn (busiest()).
MAX_DRAWN_TIES = 250


def busiest(shown: pd.DataFrame, limit: int = MAX_DRAWN_TIES) -> pd.DataFrame:
    """At most `limit` ties: those whose two companies have the most ties between them, so that a network too
    big to draw keeps its hubs (a tie's rank: its companies' tie counts added; ties in order of the data)."""
    if len(shown) <= limit:
        return shown
    counts = tie_counts(shown)
    rank = shown["source"].map(counts) + shown["target"].map(counts)
    return shown.loc[rank.sort_values(ascending=False, kind="stable").index[:limit]].sort_index()


# Above this many companies the layout in Python takes seconds; vis-network then lays the network out itself.
LAYOUT_LIMIT = 300
LAYOUT_RANDOM_STATE = 1999  # the spring layout starts from the same random state, so it is the same every time


def layout(links: pd.DataFrame) -> dict[str, tuple[float, float]]:
    """Where each company of `links` sits, the same every time for the same ties.

    Empty for a network of more than LAYOUT_LIMIT companies (the browser's physics places them instead).
    """
    network = graph(links)
    if not network or len(network) > LAYOUT_LIMIT:
        return {}
    scale = 120 * math.sqrt(len(network))
    positions = nx.spring_layout(network, seed=LAYOUT_RANDOM_STATE, scale=scale)  # networkx's keyword
    return {node: (float(x), float(y)) for node, (x, y) in positions.items()}


# --- words -------------------------------------------------------------------------------

def _ties(_: Translator, count: int) -> str:
    return _.ngettext("{count} tie", "{count} ties", count)


def _dates(row, _: Translator) -> str:
    end = _("ongoing") if pd.isna(row.end) else _.date(row.end)
    return f"{_.date(row.start)} → {end}"


# The headers of the ties table (source_url and source_status keep their ids: the page labels them).
TIES_HEADERS = {"source": N_("from"), "target": N_("to"), "type": N_("type"), "start": N_("start"),
                "end": N_("end"), "status": N_("status"), "weight": N_("weight"), "label": N_("label"),
                "note": N_("note")}


def ties_table(links: pd.DataFrame, companies: pd.DataFrame, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The ties as a reader reads them: company names and type labels, dates as YYYY-MM-DD and a blank end for a
    tie in force, then the row's own columns."""
    _ = translator(lang)
    names = companies.set_index("id")["name"]
    table = links.assign(
        source=links["source"].map(names), target=links["target"].map(names),
        start=links["start"].dt.strftime("%Y-%m-%d"), end=links["end"].dt.strftime("%Y-%m-%d").fillna(""),
        type=links["type"].map(lambda kind: LINK_TYPE.label(kind, lang)),
        status=links["status"].map(lambda status: LINK_STATUS.label(status, lang)),
        source_status=links["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
    )
    return table.rename(columns={column: _(header) for column, header in TIES_HEADERS.items()}).reset_index(drop=True)


def describe(shown: pd.DataFrame, companies: pd.DataFrame, as_of: pd.Timestamp, top: int = 3, *,
             lang: str = ENGLISH) -> str:
    """A text description of the network drawn, computed from its ties (plain text, not Markdown)."""
    _ = translator(lang)
    when = _.date(pd.Timestamp(as_of))
    if shown.empty:
        return _("No ties are shown on {date}.", date=when)
    names = companies.set_index("id")["name"]
    counts = tie_counts(shown)
    leaders = _.join(_("{company} ({count})", company=names.get(company, company), count=count)
                     for company, count in counts.head(top).items())
    kinds = shown["type"].value_counts()
    by_type = _.join(_("{type} {count}", type=LINK_TYPE.label(kind, lang).lower(), count=count)
                     for kind, count in kinds.items())
    return _("On {date}, {ties} link {companies}. Most ties: {leaders}. By type: {by_type}.", date=when,
             ties=_ties(_, len(shown)), companies=_.ngettext("{count} company", "{count} companies", len(counts)),
             leaders=leaders, by_type=by_type)


# --- the pyvis page ------------------------------------------------------------------------

_HREF = re.compile(r"(hre)(f)", re.IGNORECASE)


def plain_text(text: object) -> str:
    """Tooltip text that pyvis cannot turn into HTML.

    vis-network sets a string tooltip with innerText, so the characters show as they are. pyvis, though,
    swaps in a popup that uses innerHTML as soon as a title contains "href"; a word joiner (invisible)
    inside the word keeps that from ever happening.
    """
    return _HREF.sub("\\1\u2060\\2", str(text))


def _node_title(company, ties: int, _: Translator) -> str:
    return plain_text(f"{company.name}\n{COMPANY_KIND.label(company.kind, _.lang)} · {company.country}\n"
                      + _.ngettext("{count} tie shown", "{count} ties shown", ties))


def _edge_title(row, names: pd.Series, _: Translator) -> str:
    lines = [
        f"{names.get(row.source, row.source)} – {names.get(row.target, row.target)}",
        _("{type} · {status} · strength {weight}/5", type=LINK_TYPE.label(row.type, _.lang),
          status=LINK_STATUS.label(row.status, _.lang).lower(), weight=row.weight),
        row.label,
        _dates(row, _),
        _("Source: {status}", status=SOURCE_STATUS.label(row.source_status, _.lang).lower()),
    ]
    return plain_text("\n".join(line for line in lines if line))


def _dashes(row) -> list[int] | bool:
    """Ties that are only talked about are dashed: the two kinds of talks, and any tie still in talks."""
    dashes = LINK_TYPE[row.type].dash or LINK_STATUS[row.status].dash
    return list(dashes) if dashes else False


def _parallel_shape(index: int) -> dict:
    """The first tie between two companies is straight; the next ones bend alternately to either side."""
    if index == 0:
        return {"smooth": False}
    side = "curvedCW" if index % 2 else "curvedCCW"
    return {"smooth": {"enabled": True, "type": side, "roundness": 0.15 * ((index + 1) // 2)}}


def _ink(dark: bool) -> str:
    """Text colour of Streamlit's dark or light theme."""
    return "#fafafa" if dark else "#31333f"


def _options(nodes: int, edges: int, dark: bool) -> dict:
    large = nodes > 200 or edges > 1000
    ink, halo = _ink(dark), ("#0e1117" if dark else "#ffffff")
    return {
        "nodes": {
            "shape": "dot", "borderWidth": 1,
            "font": {"color": ink, "strokeWidth": 3, "strokeColor": halo, "face": "sans-serif"},
            # Dot and label grow with the number of ties. In a large network, labels too small to read at
            # the current zoom are not drawn (zoom in to see them); in a small one every label shows.
            "scaling": {"min": 8, "max": 36,
                        "label": {"enabled": True, "min": 18, "max": 30, "drawThreshold": 9 if large else 3,
                                  "maxVisible": 30}},
        },
        "edges": {"selectionWidth": 2, "hoverWidth": 1.5},
        "physics": {
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "centralGravity": 0.25, "springLength": 150,
                          "springConstant": 0.03, "damping": 0.5, "avoidOverlap": 0.3},
            # Bounded, then turned off (see _after_settling): the drawing settles and stays still.
            "stabilization": {"enabled": True, "iterations": 150 if large else 400, "updateInterval": 25, "fit": True},
            "minVelocity": 1,
        },
        "layout": {"randomSeed": 1999, "improvedLayout": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


def build(shown: pd.DataFrame, companies: pd.DataFrame, *, positions: dict[str, tuple[float, float]] | None = None,
          color_by: str = "company", focus: str | None = None, dark: bool = False, height: int = 620,
          lang: str = ENGLISH) -> Network:
    """The pyvis network of the ties shown: dots sized by ties, coloured by company or kind, the focus ringed;
    lines coloured by type."""
    _ = translator(lang)
    # Directed only so that pyvis keeps every tie between two companies (its undirected mode drops the second
    # one, in a check that grows with the square of the ties); arrows are switched off.
    network = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line", bgcolor="transparent")
    counts = tie_counts(shown)
    kept = companies[companies["id"].isin(counts.index)]
    ink = _ink(dark)
    for company in kept.itertuples(index=False):
        color = company.color if color_by == "company" else COMPANY_KIND.color(company.kind)
        place = (positions or {}).get(company.id)
        ring = {"borderWidth": 4, "color": {"background": color, "border": ink}} if company.id == focus else {
            "color": {"background": color, "border": "#6b6b6b"}}
        network.add_node(company.id, label=company.name, title=_node_title(company, int(counts[company.id]), _),
                         value=int(counts[company.id]), **ring, **({"x": place[0], "y": place[1]} if place else {}))
    names = companies.set_index("id")["name"]
    seen: dict[frozenset, int] = {}
    for row in shown.itertuples(index=False):
        pair = frozenset((row.source, row.target))
        index = seen[pair] = seen.get(pair, -1) + 1
        network.add_edge(row.source, row.target, title=_edge_title(row, names, _), color=LINK_TYPE.color(row.type),
                         width=1.2 * float(row.weight), dashes=_dashes(row),
                         arrows={"to": {"enabled": False}}, **_parallel_shape(index))
    network.options = _options(len(kept), len(shown), dark)
    return network


# --- turning pyvis's page into one offline file --------------------------------------------

# <link …href="http…"> and <script …src="http…"></script>, protocol-relative "//…" included.
_REMOTE_ASSET = re.compile(
    r"""<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?//[^>]*>"""
    r"""|<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?//[^>]*>\s*</script\s*>""",
    re.IGNORECASE,
)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>", re.IGNORECASE)
# pyvis's template keeps old asset tags in an HTML comment; the inlined libraries and the data (JSON with
# "<" escaped) contain no "<!--", so every comment can go.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_HTML_TAG = re.compile(r"<html\s*>", re.IGNORECASE)  # pyvis's template opens with a bare <html>
_NEW_NETWORK = "network = new vis.Network(container, data, options);"
# Physics only lays the drawing out: once stabilised it stops, so nothing drifts while a reader looks.
# The smallest label, in pixels on screen, that a reader can read; and its size in the drawing's own units on a
# narrow (phone) screen, where fitting the whole network would otherwise shrink every label to a few pixels.
READABLE_LABEL_PX = 11
NARROW_SCREEN_PX, NARROW_LABEL_MIN = 600, 30


# Run just before the network is drawn: bigger labels on a narrow screen.
_BEFORE_DRAWING = (f"if (container.clientWidth < {NARROW_SCREEN_PX}) {{ options.nodes.scaling.label.min = "
                   f"{NARROW_LABEL_MIN}; options.nodes.scaling.label.max = {NARROW_LABEL_MIN + 12}; }}")


def _after_settling(focus: str | None) -> str:
    """Script run once the drawing has settled: physics off (it stays still); the focused company selected (its
    ties highlighted) and centred; and a zoom at which the smallest label is readable, the whole network fitting
    when it can."""
    focus_json = json.dumps(focus).replace("<", "\\u003c")
    return f"""network.once("stabilizationIterationsDone", function () {{
  network.setOptions({{physics: false}});
  var focus = {focus_json};
  var readable = {READABLE_LABEL_PX} / options.nodes.scaling.label.min;
  if (focus !== null && network.body.nodes[focus]) {{
    network.selectNodes([focus]);
    network.focus(focus, {{scale: Math.max(network.getScale(), readable)}});
  }} else if (network.getScale() < readable) {{
    network.moveTo({{scale: readable}});
  }}
}});"""


def strip_remote_assets(page: str) -> str:
    """The page without any stylesheet or script fetched from another server."""
    return _REMOTE_ASSET.sub("", page)


def _style(dark: bool) -> str:
    ink, muted = _ink(dark), ("#a3a8b8" if dark else "#6b6f7b")
    return f"""<style>
  html, body {{ margin: 0; padding: 0; background: transparent; color: {ink};
               font: 14px/1.4 "Source Sans Pro", "Source Sans 3", sans-serif; }}
  .card {{ width: 100%; }}
  #mynetwork {{ float: none; border: 0; box-sizing: border-box; }}
  .legend {{ display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 2px 2px 4px; color: {muted}; }}
  .legend span {{ white-space: nowrap; }}
  .legend strong {{ color: {ink}; font-weight: 600; }}
  .legend svg {{ vertical-align: middle; margin-right: 4px; }}
  .caption {{ margin: 0 2px 4px; }}
  div.vis-tooltip {{ white-space: pre-line; font-family: inherit; }}
  .credit {{ color: {muted}; font-size: 12px; }}
  .save-png {{ font: inherit; font-size: 13px; color: {ink}; background: transparent; border: 1px solid {muted};
              border-radius: 6px; padding: 2px 10px; margin: 0 2px 6px; cursor: pointer; }}
</style>"""


def _line_swatch(color: str, dashes: Sequence[int] = ()) -> str:
    dash = f' stroke-dasharray="{" ".join(str(n // 2) for n in dashes)}"' if dashes else ""
    return (f'<svg width="30" height="10" aria-hidden="true"><line x1="0" y1="5" x2="30" y2="5" '
            f'stroke="{color}" stroke-width="3"{dash}/></svg>')


def _dot_swatch(color: str) -> str:
    return (f'<svg width="12" height="12" aria-hidden="true"><circle cx="6" cy="6" r="5" fill="{color}" '
            f'stroke="#6b6b6b"/></svg>')


def _text(text: str) -> str:
    """Our own words in an HTML text node (a translation may hold "<" or "&")."""
    return html.escape(text, quote=False)


def legend_html(shown: pd.DataFrame, companies: pd.DataFrame, color_by: str, *, lang: str = ENGLISH) -> str:
    """What the colours and lines mean, for the types and kinds actually drawn."""
    _ = translator(lang)
    ties = [f"<span>{_line_swatch(LINK_TYPE.color(kind), LINK_TYPE[kind].dash)}"
            f"{html.escape(LINK_TYPE.label(kind, lang))}</span>" for kind in LINK_TYPES if kind in set(shown["type"])]
    solid_types = [kind for kind in LINK_TYPES if not LINK_TYPE[kind].dash]
    if ((shown["status"] == "in_talks") & shown["type"].isin(solid_types)).any():
        in_talks = _("Other dashed line: a tie still in talks")
        ties.append(f"<span>{_line_swatch(GREY, LINK_STATUS['in_talks'].dash)}{_text(in_talks)}</span>")
    thicker = _("Thicker: stronger (1 loose – 5 controlling stake)")
    ties.append(f"<span>{_text(thicker)}</span>")
    bigger = _("Bigger dot: more ties")
    dots = [f"<span>{_text(bigger)}</span>"]
    if color_by == "kind":
        drawn = set(companies.loc[companies["id"].isin(tie_counts(shown).index), "kind"])
        dots += [f"<span>{_dot_swatch(COMPANY_KIND.color(kind))}{html.escape(COMPANY_KIND.label(kind, lang))}</span>"
                 for kind in COMPANY_KINDS if kind in drawn]
    else:
        own = _("Dot colour: each company's own colour")
        dots.append(f"<span>{_text(own)}</span>")
    lines_label, ties_heading = _("Legend of the lines"), _("Ties")
    dots_label, dots_heading = _("Legend of the dots"), _("Companies")
    return (f'<div class="legend" aria-label="{html.escape(lines_label)}">'
            f'<strong>{_text(ties_heading)}</strong>{"".join(ties)}</div>'
            f'<div class="legend" aria-label="{html.escape(dots_label)}">'
            f'<strong>{_text(dots_heading)}</strong>{"".join(dots)}</div>')


def _png_button(title: str, credit: str, dark: bool, lang: str) -> str:
    """A button that saves the drawing as a PNG that stands on its own: the title above, the credit (filters,
    source, link, date) below, drawn from the network's canvas in the browser."""
    _ = translator(lang)
    words = {"title": title, "credit": credit, "file": file_stem(title), "ink": _ink(dark),
             "paper": "#0e1117" if dark else "#ffffff", "font": FONTS.get(lang, "sans-serif")}
    data = json.dumps(words).replace("<", "\\u003c")
    label = _("Save as PNG")
    return (f'<button type="button" class="save-png" onclick="savePng()">{_text(label)}</button>'
            f"<script>var pngWords = {data};{_SAVE_PNG}</script>")


# Title, canvas and credit onto one canvas, at the screen's pixel ratio; the credit wrapped to the width.
_SAVE_PNG = """
function savePng() {
  var drawing = document.querySelector('#mynetwork canvas');
  var ratio = drawing.width / drawing.clientWidth, pad = 16 * ratio, w = drawing.width + 2 * pad;
  var probe = document.createElement('canvas').getContext('2d');
  probe.font = (12 * ratio) + 'px ' + pngWords.font;
  var lines = [], line = '';
  pngWords.credit.split(' ').forEach(function (word) {
    var next = line ? line + ' ' + word : word;
    if (probe.measureText(next).width > w - 2 * pad && line) { lines.push(line); line = word; } else { line = next; }
  });
  if (line) lines.push(line);
  var head = 40 * ratio, foot = (lines.length * 16 + 12) * ratio;
  var out = document.createElement('canvas');
  out.width = w; out.height = drawing.height + head + foot;
  var ink = out.getContext('2d');
  ink.fillStyle = pngWords.paper; ink.fillRect(0, 0, out.width, out.height);
  ink.fillStyle = pngWords.ink; ink.font = 'bold ' + (18 * ratio) + 'px ' + pngWords.font;
  ink.fillText(pngWords.title, pad, 26 * ratio);
  ink.drawImage(drawing, pad, head);
  ink.font = (12 * ratio) + 'px ' + pngWords.font;
  lines.forEach(function (text, i) { ink.fillText(text, pad, drawing.height + head + (16 * i + 18) * ratio); });
  var link = document.createElement('a');
  link.download = pngWords.file + '.png'; link.href = out.toDataURL('image/png');
  document.body.appendChild(link); link.click(); link.remove();
}
"""


def network_html(shown: pd.DataFrame, companies: pd.DataFrame, *, title: str, caption: str = "", credit: str = "",
                 positions: dict[str, tuple[float, float]] | None = None, color_by: str = "company",
                 focus: str | None = None, dark: bool = False, height: int = 620, lang: str = ENGLISH) -> str:
    """A standalone HTML page of the network: no CDN, data text kept as text, physics that stops.

    `title` and `caption` come already in the reader's language; `lang` sets the page's own words and its
    HTML language (which also picks the CJK font's glyph forms)."""
    network = build(shown, companies, positions=positions, color_by=color_by, focus=focus, dark=dark, height=height,
                    lang=lang)
    page = strip_remote_assets(network.generate_html())
    page = _HTML_TAG.sub(f'<html lang="{HTML_LANG.get(lang, HTML_LANG[ENGLISH])}">', page, count=1)
    page = _COMMENT.sub("", _EMPTY_HEADING.sub("", page))
    head = f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{html.escape(title)}</title>'
    page = page.replace("<head>", "<head>" + head, 1).replace("</head>", _style(dark) + "</head>", 1)
    intro = f'<p class="caption">{html.escape(caption)}</p>' if caption else ""
    page = page.replace("<body>", "<body>" + intro + legend_html(shown, companies, color_by, lang=lang), 1)
    outro = f'<p class="caption credit">{html.escape(credit)}</p>' if credit else ""
    page = page.replace("</body>", outro + _png_button(title, credit, dark, lang) + "</body>", 1)
    if _NEW_NETWORK not in page:
        raise RuntimeError("pyvis's template changed: the network can no longer be told to stop its physics")
    return page.replace(_NEW_NETWORK, _BEFORE_DRAWING + "\n" + _NEW_NETWORK + "\n" + _after_settling(focus), 1)

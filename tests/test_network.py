"""The network's pure parts: which ties hold on a date, a company's neighbourhood, and the offline, escaped HTML."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pandas as pd
import pytest

from components.builders import network
from components.data.contract import LINK_STATUSES, LINK_TYPES
from components.data.vocabulary import COMPANY_KIND, LINK_STATUS, LINK_TYPE
from tests import factories

HOSTILE = "<img src=x onerror=alert(1)>"


def tie(source: str, target: str, kind: str = "technology", start: str = "2020-01-01", end: str = "",
        status: str = "active", **cells) -> dict:
    """One row of links.csv, as text."""
    return {"source": source, "target": target, "type": kind, "start": start, "end": end, "status": status, **cells}


def links(*ties: dict):
    return factories.frame("links", *ties)


COMPANIES = factories.frame(
    "companies",
    {"id": "renault", "name": "Renault"}, {"id": "nissan", "name": "Nissan"},
    {"id": "mitsubishi", "name": "Mitsubishi Motors"}, {"id": "honda", "name": "Honda"},
    {"id": "wayve", "name": "Wayve", "kind": "technology"},
)
LINKS = links(
    tie("renault", "nissan", "equity", "1999-03-27", "2023-11-08", "ended"),     # ended before 2025
    tie("renault", "nissan", "equity", "2023-11-08"),                            # open-ended
    tie("nissan", "mitsubishi", "equity", "2016-10-20"),
    tie("honda", "nissan", "merger_talks", "2024-12-23", "2025-02-13", "terminated"),
    tie("wayve", "nissan", "technology", "2025-04-10"),                          # starts after 1 Jan 2025
    tie("mitsubishi", "honda", "technology", "2024-08-01"),
)
EVERY = {"types": list(LINK_TYPES), "statuses": list(LINK_STATUSES)}


def day(text: str) -> pd.Timestamp:
    return pd.Timestamp(text)


def ends(frame: pd.DataFrame) -> set[str]:
    return set(frame["source"]) | set(frame["target"])


# --- the as-of filter ----------------------------------------------------------------------

def test_a_tie_that_ended_before_the_date_is_not_shown():
    shown = network.active_on(LINKS, day("2025-01-01"))
    assert not (shown["start"] == day("1999-03-27")).any()


def test_a_tie_that_starts_after_the_date_is_not_shown():
    assert "wayve" not in ends(network.active_on(LINKS, day("2025-01-01")))
    assert "wayve" in ends(network.active_on(LINKS, day("2025-04-10")))


def test_an_open_ended_tie_holds_on_any_later_date():
    for when in ("2023-11-08", "2025-01-01", "2040-01-01"):
        shown = network.active_on(LINKS, day(when))
        assert ((shown["source"] == "renault") & shown["end"].isna()).any(), when


def test_a_tie_holds_on_its_first_and_last_day():
    assert len(network.active_on(LINKS, day("2025-02-13")).query("type == 'merger_talks'")) == 1
    assert len(network.active_on(LINKS, day("2025-02-14")).query("type == 'merger_talks'")) == 0
    # The old stake ends on the day the new one starts: on that day both are in force.
    assert len(network.active_on(LINKS, day("2023-11-08")).query("source == 'renault'")) == 2


def test_the_date_span_runs_from_the_first_start_to_the_last_start_or_end():
    assert network.date_span(LINKS) == (day("1999-03-27").date(), day("2025-04-10").date())
    ended_last = links(tie("a", "b", start="2020-01-01", end="2024-06-30", status="ended"))
    assert network.date_span(ended_last) == (day("2020-01-01").date(), day("2024-06-30").date())


def test_types_and_statuses_filter_and_an_empty_choice_keeps_none():
    equity = network.of_kinds(LINKS, ["equity"], list(LINK_STATUSES))
    assert set(equity["type"]) == {"equity"} and len(equity) == (LINKS["type"] == "equity").sum()
    assert set(network.of_kinds(LINKS, list(LINK_TYPES), ["terminated"])["type"]) == {"merger_talks"}
    assert network.of_kinds(LINKS, [], list(LINK_STATUSES)).empty


# --- the ego network -----------------------------------------------------------------------

PATH = links(*[tie(a, b) for a, b in (("a", "b"), ("b", "c"), ("c", "d"), ("x", "y"))])


def test_the_ego_network_one_step_away_is_the_company_and_its_partners():
    assert ends(network.ego(PATH, "b", 1)) == {"a", "b", "c"}
    assert len(network.ego(PATH, "b", 1)) == 2


def test_the_ego_network_two_steps_away_adds_partners_of_partners():
    assert ends(network.ego(PATH, "a", 2)) == {"a", "b", "c"}
    assert ends(network.ego(PATH, "b", 2)) == {"a", "b", "c", "d"}


def test_the_ego_network_keeps_ties_among_the_partners_themselves():
    triangle = links(tie("n", "m", "equity"), tie("n", "h", "talks", status="in_talks"), tie("m", "h"))
    assert len(network.ego(triangle, "n", 1)) == 3


def test_a_company_without_ties_has_an_empty_ego_network():
    assert network.ego(PATH, "nobody", 2).empty


def test_the_view_applies_date_filters_and_focus_together():
    shown = network.view(LINKS, day("2025-01-01"), **EVERY, focus="honda", steps=1)
    assert ends(shown) == {"honda", "nissan", "mitsubishi"}
    assert network.view(LINKS, day("2025-01-01"), types=["technology"], statuses=list(LINK_STATUSES),
                        focus="wayve", steps=2).empty


def test_tie_counts_count_every_tie_of_a_company():
    counts = network.tie_counts(network.active_on(LINKS, day("2025-01-01")))
    assert counts["nissan"] == 3 and counts["honda"] == 2 and counts.index[0] == "nissan"


def test_the_layout_places_every_company_and_is_the_same_each_time():
    first, second = network.layout(LINKS), network.layout(LINKS)
    assert set(first) == ends(LINKS)
    assert first == second


def test_a_network_too_large_to_lay_out_in_python_is_left_to_the_browser():
    star = links(*[tie("hub", f"c{i}") for i in range(network.LAYOUT_LIMIT + 1)])
    assert network.layout(star) == {}


# --- words -----------------------------------------------------------------------------------

def test_the_description_counts_ties_and_names_the_most_connected():
    text = network.describe(network.active_on(LINKS, day("2025-01-01")), COMPANIES, day("2025-01-01"))
    assert text.startswith("On 1 January 2025, 4 ties link 4 companies.")
    assert "Most ties: Nissan (3)" in text
    assert network.describe(LINKS.iloc[0:0], COMPANIES, day("2025-01-01")) == "No ties are shown on 1 January 2025."


def test_the_ties_table_names_companies_and_types():
    table = network.ties_table(LINKS.head(1), COMPANIES)
    assert table.loc[0, ["from", "to", "type", "status"]].tolist() == ["Renault", "Nissan", "Equity stake", "Ended"]


def test_a_company_card_counts_its_ties_on_the_date_and_in_all():
    nissan = COMPANIES.set_index("id").loc["nissan"]
    card = network.company_card(nissan, LINKS, day("2025-01-01"))
    on_the_day = network.tie_counts(network.active_on(LINKS, day("2025-01-01")))["nissan"]
    assert f"{on_the_day} ties on 1 January 2025, {network.tie_counts(LINKS)['nissan']} ties in the data" in card
    assert card.startswith("**Nissan** · Automaker · JP")


def test_a_company_card_escapes_the_name_and_note():
    company = factories.frame("companies", {"id": "x", "name": "[click](https://evil.example)",
                                            "note": "# heading"}).set_index("id").loc["x"]
    card = network.company_card(company, LINKS, day("2025-01-01"))
    assert "[click](" not in card and "\n\n# heading" not in card
    assert "0 ties on 1 January 2025, 0 ties in the data" in card


# --- the HTML ------------------------------------------------------------------------------

class Scripts(HTMLParser):
    """Every script src and link href of a page, and the text of each inline script."""

    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            if attrs.get("src"):
                self.external.append(attrs["src"])
            else:
                self._in_script = True
                self.inline.append("")
        if tag == "link" and attrs.get("href"):
            self.external.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline[-1] += data


def scripts(page: str) -> Scripts:
    parsed = Scripts()
    parsed.feed(page)
    return parsed


def build(shown=None, names=COMPANIES, **options) -> str:
    shown = network.active_on(LINKS, day("2025-01-01")) if shown is None else shown
    return network.network_html(shown, names, title="Test network", **options)


def data_sets(page: str) -> tuple[list[dict], list[dict]]:
    """The nodes and edges handed to vis-network, decoded as the browser decodes them."""
    nodes = re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", page).group(1)
    edges = re.search(r"edges = new vis\.DataSet\((.*?)\);\n", page).group(1)
    return json.loads(nodes), json.loads(edges)


def test_the_page_loads_no_script_or_stylesheet_from_another_server():
    page = build()
    assert scripts(page).external == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page, re.IGNORECASE)
    assert "bootstrap" not in page.lower()


def test_the_vis_network_library_itself_is_inlined_before_the_network_is_drawn():
    inline = scripts(build()).inline
    library = next(i for i, text in enumerate(inline) if text.lstrip().startswith("/**\n * vis-network"))
    drawing = next(i for i, text in enumerate(inline) if "new vis.Network(" in text)
    assert library < drawing


def test_remote_asset_tags_of_every_spelling_are_stripped():
    page = ('<link rel="stylesheet" href="https://cdn.example/x.css"><link href=//cdn.example/y.css rel=stylesheet>'
            '<script src="http://cdn.example/x.js" crossorigin="anonymous"></script>\n<script\n src="https://a/b.js"\n>'
            '</script><script>var kept = 1;</script><link rel="icon" href="data:,">')
    assert network.strip_remote_assets(page) == '\n<script>var kept = 1;</script><link rel="icon" href="data:,">'


def test_physics_stops_once_the_layout_has_stabilised():
    page = build()
    assert 'network.once("stabilizationIterationsDone"' in page
    assert "network.setOptions({physics: false})" in page
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page).group(1))
    assert options["physics"]["stabilization"]["enabled"] is True


def test_a_hostile_company_name_stays_text():
    names = factories.frame("companies", {"id": "renault", "name": HOSTILE}, {"id": "nissan", "name": "Nissan"})
    shown = links(tie("renault", "nissan", "equity", label="</script><script>alert(2)</script>"))
    page = build(shown, names, caption=f"About {HOSTILE}")
    assert "<img src=x" not in page and "<script>alert(2)" not in page
    assert "About &lt;img src=x onerror=alert(1)&gt;" in page
    nodes, edges = data_sets(page)
    hostile = next(node for node in nodes if node["id"] == "renault")
    assert hostile["label"] == HOSTILE  # drawn on the canvas as these very characters
    assert hostile["title"].startswith(HOSTILE + "\n")  # vis-network sets it with innerText
    assert "</script><script>alert(2)</script>" in edges[0]["title"]


def test_href_in_a_title_never_switches_pyvis_to_its_html_popup():
    names = factories.frame("companies", {"id": "renault", "name": '<a href="javascript:alert(1)">x</a>'},
                            {"id": "nissan", "name": "HREF"})
    page = build(links(tie("renault", "nissan", "equity")), names)
    assert "popup.innerHTML" not in page
    nodes, _ = data_sets(page)
    assert all("href" not in node["title"].lower() for node in nodes)
    assert nodes[0]["title"].replace("\u2060", "").startswith('<a href="javascript:alert(1)">x</a>')


def test_a_title_with_a_hostile_name_is_escaped_in_the_head():
    page = network.network_html(LINKS.head(1), COMPANIES, title=f"Network {HOSTILE}")
    assert "<title>Network &lt;img src=x onerror=alert(1)&gt;</title>" in page


def test_every_tie_between_two_companies_is_drawn_and_parallel_ones_bend():
    shown = links(tie("renault", "nissan", "equity"), tie("nissan", "renault", "equity"),
                  tie("renault", "nissan", "platform_sharing"))
    _, edges = data_sets(build(shown))
    assert len(edges) == len(shown)
    assert [edge["smooth"] if edge["smooth"] is False else edge["smooth"]["type"] for edge in edges] == [
        False, "curvedCW", "curvedCCW"]
    assert all(edge["arrows"] == {"to": {"enabled": False}} for edge in edges)


def test_lines_are_coloured_by_type_sized_by_weight_and_talks_are_dashed():
    shown = links(tie("honda", "nissan", "merger_talks", status="terminated", weight="1"),
                  tie("nissan", "mitsubishi", "supply", status="in_talks", weight="2"),
                  tie("renault", "nissan", "equity", weight="5"))
    _, edges = data_sets(build(shown))
    merger, supply, equity = edges
    assert merger["color"] == LINK_TYPE.color("merger_talks") and merger["dashes"] == list(
        LINK_TYPE["merger_talks"].dash)
    assert supply["dashes"] == list(LINK_STATUS["in_talks"].dash)  # a tie still in talks is dashed whatever its type
    assert equity["color"] == LINK_TYPE.color("equity") != merger["color"]
    assert equity["dashes"] is False
    assert equity["width"] > supply["width"] > merger["width"]


def test_dots_are_sized_by_ties_and_coloured_by_company_or_kind():
    names = COMPANIES.assign(color=["#111111", "#222222", "#333333", "#444444", "#555555"])
    shown = network.active_on(LINKS, day("2025-01-01"))
    by_company, _ = data_sets(build(shown, names=names))
    by_kind, _ = data_sets(build(shown, names=names, color_by="kind"))
    nissan = next(node for node in by_company if node["id"] == "nissan")
    assert nissan["color"]["background"] == "#222222"
    assert {node["id"]: node["value"] for node in by_company} == network.tie_counts(shown).to_dict()
    kinds = names.set_index("id")["kind"]
    assert all(node["color"]["background"] == COMPANY_KIND.color(kinds[node["id"]]) for node in by_kind)


def test_the_company_in_focus_is_ringed():
    nodes, _ = data_sets(build(focus="honda"))
    rings = {node["id"]: node.get("borderWidth", 1) for node in nodes}
    assert rings.pop("honda") > max(rings.values())


def test_only_the_companies_with_a_tie_shown_are_drawn():
    nodes, _ = data_sets(build())
    assert {node["id"] for node in nodes} == ends(network.active_on(LINKS, day("2025-01-01")))


def test_the_legend_explains_the_types_and_kinds_drawn():
    page = build(color_by="kind")
    ties, dots = re.findall(r'<div class="legend".*?</div>', page, re.S)
    assert "Equity stake" in ties and "Merger talks" in ties and "Technology" in ties
    assert "Platform sharing" not in ties  # not drawn on that date
    assert "Automaker" in dots and "Technology" not in dots  # Wayve, the one technology company, starts later


def test_the_legend_names_a_solid_type_still_in_talks_as_dashed():
    page = build(links(tie("nissan", "honda", "supply", status="in_talks")))
    assert "a tie still in talks" in re.findall(r'<div class="legend".*?</div>', page, re.S)[0]
    assert "a tie still in talks" not in build(links(tie("nissan", "honda", "talks", status="in_talks")))


def test_a_large_network_is_drawn_with_lighter_settings():
    options = network._options(1000, 5000, dark=False)
    assert options["interaction"]["hideEdgesOnDrag"] is True
    assert options["physics"]["stabilization"]["iterations"] < network._options(30, 40, dark=False)[
        "physics"]["stabilization"]["iterations"]


@pytest.mark.parametrize("dark", [False, True])
def test_labels_are_drawn_in_the_themes_ink(dark):
    options = json.loads(re.search(r"var options = (\{.*?\});\n", build(dark=dark)).group(1))
    assert options["nodes"]["font"]["color"] == network._ink(dark)


# --- the reader's language -------------------------------------------------------------------

def test_the_page_says_which_language_it_is_written_in():
    assert build().lstrip().startswith('<html lang="en">')
    assert build(lang="zh").lstrip().startswith('<html lang="zh-Hans">')


def test_the_words_in_chinese_keep_the_data_and_the_structure():
    shown = network.active_on(LINKS, day("2025-01-01"))
    nissan = COMPANIES.set_index("id").loc["nissan"]
    assert re.search(r"Nissan\s*[（(]3[)）]", network.describe(shown, COMPANIES, day("2025-01-01"), lang="zh"))
    assert "2025年1月1日" in network.company_card(nissan, LINKS, day("2025-01-01"), lang="zh")
    table = network.ties_table(shown, COMPANIES, lang="zh")
    assert len(table.columns) == len(network.ties_table(shown, COMPANIES).columns)
    assert {"id", "source_url", "source_status"} <= set(table.columns)  # the ids the page refers to
    nodes, edges = data_sets(build(lang="zh"))
    assert len(nodes) == len(ends(shown)) and len(edges) == len(shown)


def test_a_network_too_big_to_draw_keeps_the_ties_of_its_busiest_companies():
    hub = [{"id": f"hub-{n}", "source": "nissan", "target": f"c{n}"} for n in range(6)]
    pair = [{"id": "pair", "source": "x", "target": "y"}]
    shown = factories.frame("links", *hub, *pair)
    assert network.busiest(shown, 10) is shown  # small enough: every tie
    kept = network.busiest(shown, 4)
    assert len(kept) == 4 and set(kept["source"]) == {"nissan"}  # the hub's ties, not the lone pair
    assert list(kept.index) == sorted(kept.index)  # in the data's order

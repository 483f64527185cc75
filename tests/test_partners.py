"""What the Partners page computes: filters, who brings what, reciprocity, timelines, the card and their text."""

from __future__ import annotations

import html

import pandas as pd
import pytest

from components.builders import partners
from components.data.vocabulary import TALK_STATUS
from tests import factories
from tests.reading import rendered

NAMES = pd.Series({"nissan": "Nissan", "honda": "Honda", "wayve": "Wayve", "foxtron": "Foxtron",
                   "mitsubishi": "Mitsubishi Motors", "ford": "Ford"})
HOSTILE = "[x](https://evil.example) <b>y</b>"


def talk(id_, partner, **cells):
    return {"id": id_, "partner": partner, "counterpart": "nissan", "domain": "platform", "region": "global",
            "status": "exploring", "first_reported": "2025-01-01", "last_update": "2025-02-01"} | cells


ROWS = (
    talk("honda-tech", "honda", domain="software;battery", status="mou", first_reported="2024-03-15",
         last_update="2025-02-13", nissan_domains="battery", partner_domains="software"),
    talk("honda-merger", "honda", domain="equity", status="terminated", first_reported="2024-12-23",
         last_update="2025-02-13", nissan_domains="equity", partner_domains="equity"),
    talk("honda-pickups", "honda", domain="manufacturing", region="north_america", status="rumoured",
         first_reported="2025-07-11", last_update="2025-07-11", nissan_domains="manufacturing"),
    talk("wayve-propilot", "wayve", domain="driver_assistance", status="agreement",
         first_reported="2025-04-10", last_update="2025-12-10", nissan_domains="driver_assistance",
         partner_domains="software;driver_assistance"),
    talk("foxtron-ev", "foxtron", counterpart="mitsubishi", domain="vehicle_supply", region="oceania",
         status="agreement", first_reported="2025-05-07", last_update="2025-05-07",
         nissan_domains="market_access", partner_domains="vehicle_supply"),
    talk("ford-talks", "ford", domain="platform", status="rumoured", first_reported="2025-10-07",
         last_update="2025-10-07"),
)


@pytest.fixture
def talks():
    return factories.frame("talks", *ROWS)


def everything(talks, **only):
    offered = partners.choices(talks, NAMES)
    chosen = {"partners": offered.partners, "domains": offered.domains, "regions": offered.regions,
              "statuses": offered.statuses}
    return partners.filter_talks(talks, **(chosen | only))


# --- filtering ---------------------------------------------------------------------------------

def test_the_filters_offer_the_values_present_in_contract_order(talks):
    offered = partners.choices(talks, NAMES)
    assert offered.partners == ["ford", "foxtron", "honda", "wayve"]  # by name
    # market_access is only ever brought (nissan_domains), never a talk's subject: it is offered all the same.
    assert offered.domains == ["platform", "driver_assistance", "manufacturing", "battery", "software", "equity",
                               "vehicle_supply", "market_access"]
    assert offered.regions == ["global", "north_america", "oceania"]
    assert offered.statuses == ["rumoured", "mou", "agreement", "terminated"]


def test_every_filter_narrows_the_talks(talks):
    assert len(everything(talks)) == len(talks)
    assert everything(talks, partners=["honda"])["id"].tolist() == ["honda-tech", "honda-merger", "honda-pickups"]
    assert everything(talks, regions=["oceania"])["id"].tolist() == ["foxtron-ev"]
    assert everything(talks, statuses=["rumoured"])["id"].tolist() == ["honda-pickups", "ford-talks"]
    assert everything(talks, partners=[]).empty


def test_a_domain_matches_what_a_talk_is_about_or_what_either_side_brings(talks):
    assert everything(talks, domains=["battery"])["id"].tolist() == ["honda-tech"]
    assert everything(talks, domains=["market_access"])["id"].tolist() == ["foxtron-ev"]
    assert everything(talks, domains=["software"])["id"].tolist() == ["honda-tech", "wayve-propilot"]


def test_talks_are_ordered_by_partner_name_then_first_report(talks):
    assert partners.ordered(talks, NAMES)["id"].tolist() == [
        "ford-talks", "foxtron-ev", "honda-tech", "honda-merger", "honda-pickups", "wayve-propilot"]


# --- reciprocity -------------------------------------------------------------------------------

def test_a_talk_is_reciprocal_when_each_side_brings_a_domain(talks):
    kinds = partners.talk_reciprocity(talks).set_axis(talks["id"])
    assert kinds["honda-merger"] == "reciprocal"
    assert kinds["honda-pickups"] == "nissan_only"
    assert kinds["ford-talks"] == "not_recorded"
    assert partners.reciprocity_of((), ("software",)) == "partner_only"
    count = partners.reciprocity_count(talks)
    assert (count.reciprocal, count.recorded, count.total) == (4, 5, 6)
    assert count.text() == "4 of 5"


def test_who_brings_a_domain_pools_a_partners_talks(talks):
    cells = partners.who_brings(talks, ["battery", "software", "equity", "manufacturing"]).set_index(
        ["partner", "domain"])
    assert cells.loc[("honda", "battery"), "side"] == "nissan"
    assert cells.loc[("honda", "software"), "side"] == "partner"
    assert cells.loc[("honda", "equity"), "side"] == "both"
    assert cells.loc[("honda", "manufacturing"), "talks"] == ["honda-pickups"]
    assert ("honda", "platform") not in cells.index  # only the domains asked for
    wayve = partners.who_brings(talks, ["driver_assistance"]).set_index("partner")
    assert wayve.loc["wayve", "side"] == "both"


def test_the_grid_colours_and_labels_every_cell(talks):
    domains = ["driver_assistance", "battery", "software", "equity", "market_access"]
    figure = partners.reciprocity_grid(talks, domains, NAMES)
    grid = figure.data[0]
    assert list(grid.x) == ["Driver assistance", "Battery", "Software", "Equity", "Market access"]
    assert list(grid.y) == ["Ford", "Foxtron ↔ Mitsubishi Motors", "Honda", "Wayve"]
    honda = list(grid.y).index("Honda")
    assert list(grid.text[honda]) == ["", "→", "←", "⇄", ""]  # Nissan's side brings it, the partner, both
    assert list(grid.z[honda]) == [None, 0, 1, 2, None]  # codes of nissan, partner, both; gaps stay empty
    foxtron = list(grid.y).index("Foxtron ↔ Mitsubishi Motors")
    assert grid.text[foxtron][-1] == "→"  # Mitsubishi sat on Nissan's side: the row's label says so
    # Each side's cells and its legend entry share one colour of the scale, and the three differ.
    legend = {trace.name: trace.marker.color for trace in figure.data[1:]}
    assert list(legend) == ["→ Nissan's side", "← The partner", "⇄ Both (reciprocal in that domain)"]
    assert len(set(legend.values())) == 3
    scale = dict((round(edge * 3), colour) for edge, colour in grid.colorscale[::2])
    assert [scale[code] for code in (0, 1, 2)] == list(legend.values())


def test_the_grid_summary_gives_the_reciprocity_number_and_each_side(talks):
    text = partners.reciprocity_summary(talks, ["battery", "software", "equity", "market_access"], NAMES)
    assert f"{partners.reciprocity_count(talks).text()} talks" in text
    assert "Nissan's side brings it: Battery (Honda); Market access (Foxtron ↔ Mitsubishi Motors)." in text
    assert "Both sides bring it: Equity (Honda)." in text
    assert text.endswith("Nothing recorded in these domains for: Ford.")


def test_names_in_the_grid_stay_literal_text(talks):
    names = NAMES.copy()
    names["wayve"] = HOSTILE
    row = next(y for y in partners.reciprocity_grid(talks, ["software"], names).data[0].y if "evil" in y)
    assert "<b>" not in row and html.unescape(row) == HOSTILE


# --- timelines ---------------------------------------------------------------------------------

def bar_of(figure, talk_id):
    for trace in figure.data:
        if trace.type == "bar" and talk_id in trace.y:
            i = list(trace.y).index(talk_id)
            return trace, trace.base[i], trace.x[i]
    raise AssertionError(f"no bar for {talk_id}")


def test_each_talk_is_its_own_row_grouped_by_partner_named_once(talks):
    figure = partners.timeline(talks, NAMES)
    assert list(figure.layout.yaxis.categoryarray) == partners.ordered(talks, NAMES)["id"].tolist()
    ticks = list(figure.layout.yaxis.ticktext)
    assert ticks[2] == "Honda · Software, Battery" and ticks[3] == "Equity"  # the partner named on its first row
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert sorted(talk_id for bar in bars for talk_id in bar.y) == sorted(talks["id"])


def test_a_talks_bar_runs_from_its_first_report_to_its_latest_update_in_its_status_colour(talks):
    figure = partners.timeline(talks, NAMES)
    merger = talks.set_index("id").loc["honda-merger"]
    trace, base, width = bar_of(figure, "honda-merger")
    assert trace.name == TALK_STATUS.label("terminated")
    assert base == f"{merger['first_reported']:%Y-%m-%d}"
    assert width == (merger["last_update"] - merger["first_reported"]).total_seconds() * 1000
    end = next(t for t in figure.data if t.type == "scatter" and t.name == trace.name)
    assert end.marker.color == trace.marker.color  # the end marker carries the status by shape as well
    assert list(end.text) == ["Feb 2025"] and end.name == TALK_STATUS.label("terminated")


def test_each_status_has_its_own_end_marker_shape(talks):
    figure = partners.timeline(talks, NAMES)
    shapes = {t.name: t.marker.symbol for t in figure.data if t.type == "scatter"}
    assert len(shapes) == talks["status"].nunique() == len(set(shapes.values()))


def test_a_same_day_talk_still_gets_a_visible_bar_and_marker(talks):
    figure = partners.timeline(talks, NAMES)
    _, base, width = bar_of(figure, "ford-talks")
    span = talks["last_update"].max() - talks["first_reported"].min()
    assert base == "2025-10-07"
    assert width > 0 and width == pytest.approx((span * partners.MIN_BAR_SHARE).total_seconds() * 1000)
    assert any(t.type == "scatter" and "ford-talks" in t.y for t in figure.data)


def test_a_click_on_a_bar_or_marker_names_the_talk_drawn_there(talks):
    figure = partners.timeline(talks, NAMES)
    by_id = talks.set_index("id")
    for trace in figure.data:
        for i, clicked in enumerate(trace.customdata):
            when = by_id.loc[clicked, "first_reported" if trace.type == "bar" else "last_update"]
            assert (trace.base if trace.type == "bar" else trace.x)[i] == f"{when:%Y-%m-%d}", clicked
            assert by_id.loc[clicked, "status"] == next(s for s in TALK_STATUS if TALK_STATUS.label(s) == trace.name)


def test_hover_text_shows_data_text_literally(talks):
    hostile = factories.frame("talks", *(row | {"summary": "<script>alert(1)</script>"} for row in ROWS))
    hover = " ".join(text for trace in partners.timeline(hostile, NAMES).data for text in trace.hovertext)
    assert "<script>" not in hover and "&lt;script&gt;" in hover


def test_the_timeline_summary_counts_statuses_and_names_ended_talks(talks):
    text = partners.timeline_summary(talks, NAMES)
    assert text.startswith(f"{len(talks)} talk(s) with {talks['partner'].nunique()} partner(s), first reported "
                           "between 15 March 2024 and 7 October 2025")
    assert "By status: rumoured 2, MoU 1, agreement 2, terminated 1." in text
    assert "Ended: Honda (equity), 23 December 2024 to 13 February 2025." in text


def test_talk_names_stay_unique_when_a_partner_repeats_domains():
    twice = factories.frame("talks", talk("a", "honda", domain="equity", first_reported="2024-12-23"),
                            talk("b", "honda", domain="equity", first_reported="2025-03-01", last_update="2025-03-01"),
                            talk("c", "honda", domain="equity", first_reported="2025-03-09", last_update="2025-03-09"),
                            talk("d", "wayve", domain="equity"))
    assert partners.talk_names(twice, NAMES).tolist() == [
        "Honda · Equity · Dec 2024", "Honda · Equity · Mar 2025 · b", "Honda · Equity · Mar 2025 · c", "Wayve · Equity"]


# --- the table and the card --------------------------------------------------------------------

def test_the_table_spells_out_codes_and_reciprocity(talks):
    table = partners.table(talks, NAMES).set_index("id")
    assert table.loc["honda-merger", "status"] == "Terminated"
    assert table.loc["honda-pickups", "reciprocal"] == "Nissan's side only"
    assert table.loc["honda-pickups", "region"] == "North America"
    assert table.loc["foxtron-ev", "Nissan's side"] == "Mitsubishi Motors"
    assert table.loc["honda-tech", "domain"] == "Software, Battery"
    assert table.loc["honda-tech", "how sure"] == "Verified"
    assert table.index.tolist() == partners.ordered(talks, NAMES)["id"].tolist()  # the rows a click maps to


def test_a_talks_card_says_who_brings_what_when_and_how_sure(talks):
    card = partners.card(talks[talks["id"] == "honda-merger"].iloc[0], NAMES)
    assert rendered(card.title)[1].strip() == "Honda · Terminated"
    assert "Nissan brings (equity)" in rendered(card.nissan)[1]
    assert "Honda brings (equity)" in rendered(card.partner)[1]
    assert "23 December 2024 → 13 February 2025" in rendered(card.facts)[1]
    assert card.source_status == "Verified"
    assert card.source_url == talks.set_index("id").loc["honda-merger", "source_url"]


def test_a_talks_card_shows_hostile_data_text_literally(talks):
    row = factories.frame("talks", ROWS[1] | {"nissan_offers": HOSTILE, "summary": HOSTILE,
                                              "note": "# not a heading"}).iloc[0]
    names = NAMES.copy()
    names["honda"] = HOSTILE  # the talk's name is its partner's
    card = partners.card(row, names)
    for part in (card.title, card.facts, card.nissan, card.partner, card.summary):
        page, text = rendered(part)
        assert "<a" not in page and "<b>" not in page and "<h1>" not in page and "https://" not in page, part
    assert HOSTILE in rendered(card.title)[1] and HOSTILE in rendered(card.nissan)[1]
    assert HOSTILE in rendered(card.summary)[1] and "# not a heading" in rendered(card.summary)[1]


def test_a_timeline_past_its_row_limit_draws_the_talks_updated_most_recently():
    talks = factories.frame("talks", *[{"id": f"t{day:02d}", "partner": "honda" if day % 2 else "ford",
                                        "first_reported": "2024-01-01", "last_update": f"2024-03-{day:02d}"}
                                       for day in range(1, 11)])
    names = pd.Series({"honda": "Honda", "ford": "Ford"})
    drawn = partners.most_recent(talks, names, limit=4)
    assert set(drawn["id"]) == {"t07", "t08", "t09", "t10"}
    assert list(drawn["partner"]) == ["ford", "ford", "honda", "honda"]  # grouped by partner, as every timeline


def test_a_grid_past_its_row_limit_draws_every_talk_of_the_partners_updated_most_recently():
    updates = {"honda": "2024-03-09", "ford": "2024-03-05", "wayve": "2024-03-07"}
    talks = factories.frame("talks", *[{"id": f"{partner}-{n}", "partner": partner, "first_reported": "2024-01-01",
                                        "last_update": updates[partner] if n else "2024-02-01"}
                                       for partner in updates for n in range(2)])
    drawn = partners.most_recent_partners(talks, limit=2)
    assert set(drawn["partner"]) == {"honda", "wayve"}
    assert len(drawn) == 4  # both talks of each, the older one too

"""The Plan page's pure parts: model filtering, the figures, the cards and their text alternatives."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from components.builders import plan
from components.data.vocabulary import CATEGORY, MODEL_STATUS, SOURCE_STATUS
from tests import factories
from tests.reading import visible_text

HOSTILE = "[x](https://evil.example) <b>y</b>"


def companies():
    return factories.frame(
        "companies",
        {"id": "renault", "name": "Renault", "color": "#E69F00"},
        {"id": "nissan", "name": "Nissan", "color": "#0072B2"},
        {"id": "dacia", "name": "Dacia", "color": "#009E73"},
    )


def platforms():
    return factories.frame(
        "platforms",
        {"id": "cmf-ev", "name": "CMF-EV", "later_name": "AmpR Medium", "lead": "nissan"},
        {"id": "kei-ev", "name": "KEI-EV", "lead": "nissan"},
        {"id": "cmf-bev", "name": "CMF-BEV", "later_name": "AmpR Small", "lead": "renault"},
    )


def model(id_, name, brand, platform, year, status):
    return {"id": id_, "name": name, "brand": brand, "platform": platform, "launch_year": year, "status": status}


MODELS = (
    model("nissan-ariya", "Ariya", "nissan", "cmf-ev", "2022", "launched"),
    model("renault-megane", "Megane E-Tech", "renault", "cmf-ev", "2022", "launched"),
    model("renault-scenic", "Scenic E-Tech", "renault", "cmf-ev", "2024", "launched"),
    model("nissan-sakura", "Sakura", "nissan", "kei-ev", "2022", "launched"),
    model("renault-5", "Renault 5", "renault", "cmf-bev", "2024", "launched"),
    model("nissan-micra", "Micra", "nissan", "cmf-bev", "2025", "planned"),
    model("dacia-x", "Dacia X", "dacia", "cmf-bev", "", "planned"),
    model("nissan-gone", "Gone", "nissan", "cmf-ev", "", "cancelled"),
)


def view(*rows):
    return plan.model_view(factories.frame("models", *(rows or MODELS)), platforms(), companies())


def everything(frame, **overrides):
    chosen = dict(brands=["renault", "nissan", "dacia"], platforms=["cmf-ev", "kei-ev", "cmf-bev"],
                  statuses=["launched", "planned", "cancelled"], years=(2022, 2025), unknown_year=True)
    return plan.filter_models(frame, **{**chosen, **overrides})


def rendered(markdown: str) -> str:
    """The HTML a Markdown renderer makes of a card (raw HTML allowed, so unescaped tags would show)."""
    return MarkdownIt("commonmark").render(markdown)


# --- shaping and filtering ------------------------------------------------------------------

def test_each_model_carries_its_brand_and_platform_names_and_a_year_label():
    shown = view().set_index("id")
    assert shown.loc["nissan-ariya", ["brand_name", "brand_color", "platform_name"]].tolist() == \
        ["Nissan", "#0072B2", "CMF-EV"]
    assert shown.loc["dacia-x", "year_label"] == plan.UNKNOWN_YEAR
    assert shown.loc["renault-5", "year_label"] == "2024"


def test_models_come_in_platform_order_then_year_with_unknown_years_last():
    ids = view()["id"].tolist()
    assert ids[:4] == ["nissan-ariya", "renault-megane", "renault-scenic", "nissan-gone"]
    assert ids[-1] == "dacia-x"


def test_a_platform_is_labelled_with_its_later_name_only_when_it_was_renamed():
    rows = platforms().set_index("id")
    assert plan.platform_label(rows.loc["cmf-ev"]) == "CMF-EV → AmpR Medium"
    assert plan.platform_label(rows.loc["kei-ev"]) == "KEI-EV"


def test_the_full_selection_filters_nothing_out():
    assert len(everything(view())) == len(MODELS)


@pytest.mark.parametrize("override, expected", [
    ({"brands": ["dacia"]}, {"dacia-x"}),
    ({"platforms": ["kei-ev"]}, {"nissan-sakura"}),
    ({"statuses": ["cancelled"]}, {"nissan-gone"}),
    ({"years": (2024, 2025), "unknown_year": False}, {"renault-scenic", "renault-5", "nissan-micra"}),
])
def test_each_filter_keeps_only_what_it_names(override, expected):
    assert set(everything(view(), **override)["id"]) == expected


def test_models_without_a_known_year_stay_unless_the_reader_leaves_them_out():
    assert set(everything(view(), years=(2025, 2025))["id"]) == {"nissan-micra", "dacia-x", "nissan-gone"}
    assert set(everything(view(), years=(2025, 2025), unknown_year=False)["id"]) == {"nissan-micra"}


def test_without_any_known_year_only_the_unknown_year_toggle_matters():
    undated = view(*(row for row in MODELS if not row["launch_year"]))
    assert len(everything(undated, years=None)) == len(undated)
    assert everything(undated, years=None, unknown_year=False).empty


def test_the_year_axis_keeps_gaps_and_ends_with_year_not_known():
    frame = view()[view()["id"].isin(["nissan-ariya", "renault-5", "dacia-x"])]
    assert plan.year_axis(frame) == ["2022", "2023", "2024", plan.UNKNOWN_YEAR]
    assert plan.year_axis(frame[frame["launch_year"].notna()]) == ["2022", "2023", "2024"]


def test_the_plan_events_are_those_tagged_with_the_plan_oldest_first():
    events = factories.frame(
        "events",
        {"id": "later", "date": "2025-02-01", "tags": "nissan;alliance-to-2030"},
        {"id": "untagged", "date": "2023-01-01", "tags": "ampere"},
        {"id": "first", "date": "2022-01-27", "tags": "alliance-to-2030"},
        {"id": "lookalike", "date": "2022-03-01", "tags": "alliance-to-2030-bis"},
    )
    assert plan.plan_events(events)["id"].tolist() == ["first", "later"]


# --- figures --------------------------------------------------------------------------------

def test_the_timeline_draws_each_model_once_in_its_brand_colour_with_its_status_as_the_legends_shape():
    figure = plan.models_timeline(view(), platforms())
    drawn = [trace for trace in figure.data if trace.legendgroup == "brand"]
    assert sorted(row[0] for trace in drawn for row in trace.customdata) == sorted(row["id"] for row in MODELS)
    nissan = next(trace for trace in drawn if trace.name == "Nissan")
    assert nissan.marker.color == "#0072B2"
    legend_shape = {trace.name: trace.marker.symbol for trace in figure.data if trace.legendgroup == "status"}
    assert set(legend_shape) == {MODEL_STATUS.label(status) for status in MODEL_STATUS}
    assert len(set(legend_shape.values())) == len(MODEL_STATUS)  # each status its own shape
    status_of = {row["id"]: row["status"] for row in MODELS}
    for trace in drawn:
        for row, symbol in zip(trace.customdata, trace.marker.symbol, strict=True):
            assert symbol == legend_shape[MODEL_STATUS.label(status_of[row[0]])], row[0]


def test_a_click_on_a_model_names_it_first_in_the_points_data():
    figure = plan.models_timeline(view(), platforms())
    for trace in (trace for trace in figure.data if trace.legendgroup == "brand"):
        names = dict(zip((row["id"] for row in MODELS), (row["name"] for row in MODELS)))
        assert [names[row[0]] for row in trace.customdata] == list(trace.text)


def test_the_timeline_puts_unknown_years_in_their_own_column_and_spreads_models_sharing_a_cell():
    figure = plan.models_timeline(view(), platforms())
    assert list(figure.layout.xaxis.categoryarray) == ["2022", "2023", "2024", "2025", plan.UNKNOWN_YEAR]
    y = {row[0]: value for trace in figure.data if trace.legendgroup == "brand"
         for row, value in zip(trace.customdata, trace.y, strict=True)}
    # Ariya and Megane share CMF-EV in 2022: same band, different heights.
    assert y["nissan-ariya"] != y["renault-megane"]
    assert round(y["nissan-ariya"]) == round(y["renault-megane"]) == 0
    assert list(figure.layout.yaxis.ticktext) == ["CMF-EV → AmpR Medium", "KEI-EV", "CMF-BEV → AmpR Small"]


def test_the_timeline_summary_counts_what_is_shown():
    text = plan.models_timeline_summary(view(), platforms())
    assert text.startswith("8 models on 3 of 3 platforms (5 launched, 2 planned, 1 cancelled)")
    assert "launch years 2022–2025, 2 with the year not known" in text
    assert "CMF-EV: 4" in text and "Nissan 4" in text
    assert plan.models_timeline_summary(view().iloc[:0], platforms()) == "No model matches the filters."


def test_the_treemap_nests_models_under_brand_under_platform_and_hatches_unlaunched_ones():
    treemap = plan.models_hierarchy(view(), platforms()).data[0]
    parent = dict(zip(treemap.ids, treemap.parents, strict=True))
    assert parent["cmf-bev/dacia/dacia-x"] == "cmf-bev/dacia"
    assert parent["cmf-bev/dacia"] == "cmf-bev"
    assert parent["cmf-bev"] == ""
    assert len([i for i in treemap.ids if i.count("/") == 2]) == len(MODELS)
    pattern = dict(zip(treemap.ids, treemap.marker.pattern.shape, strict=True))
    assert pattern["cmf-ev/nissan/nissan-ariya"] == ""  # a launched model is solid
    assert pattern["cmf-bev/nissan/nissan-micra"] and pattern["cmf-ev/nissan/nissan-gone"]
    assert pattern["cmf-bev/nissan/nissan-micra"] != pattern["cmf-ev/nissan/nissan-gone"]
    colour = dict(zip(treemap.ids, treemap.marker.colors, strict=True))
    assert colour["cmf-bev/dacia/dacia-x"] == colour["cmf-bev/dacia"] == "#009E73"


def test_the_treemap_summary_lists_models_by_platform_and_brand():
    text = plan.models_hierarchy_summary(view())
    assert "CMF-BEV: Renault (Renault 5); Nissan (Micra); Dacia (Dacia X)" in text


def test_model_names_in_the_charts_stay_literal_text():
    hostile = view(model("evil", HOSTILE, "nissan", "cmf-ev", "2022", "launched"))
    timeline = plan.models_timeline(hostile, platforms())
    texts = [text for trace in timeline.data if trace.legendgroup == "brand" for text in trace.text]
    treemap = plan.models_hierarchy(hostile, platforms()).data[0]
    for shown in (texts[0], treemap.labels[-1]):
        assert "<b>" not in shown and html.unescape(shown) == HOSTILE


# --- cards ----------------------------------------------------------------------------------

def test_a_platform_card_escapes_data_text_and_flags_unsure_rows():
    platform = factories.frame("platforms", {"id": "cmf-ev", "name": "CMF-EV", "later_name": "AmpR Medium",
                                             "segment": "mid-size [EVs](x)", "source_status": "unverified"}).iloc[0]
    on_platform = view()[view()["platform"] == "cmf-ev"]
    card = plan.platform_card(platform, "Renault", on_platform)
    assert "<a" not in rendered(card)
    assert "mid-size [EVs](x)" in visible_text(rendered(card))
    assert f"{SOURCE_STATUS.label('unverified')}: see the note" in card
    assert f"{MODEL_STATUS['cancelled'].glyph} Gone" in card
    assert f"{MODEL_STATUS['launched'].glyph} Ariya" in card
    assert "No model shown" in plan.platform_card(platform, "Renault", on_platform.iloc[:0])


def test_a_model_card_says_its_status_year_and_how_sure():
    card = plan.model_card(view().set_index("id").loc["dacia-x"])
    text = visible_text(rendered(card))
    assert text.startswith("Dacia X · Dacia · CMF-BEV")
    assert (f"{MODEL_STATUS['planned'].glyph} Planned · launch year: {plan.UNKNOWN_YEAR} · "
            f"source: {SOURCE_STATUS.label('verified').lower()}") in text


def test_a_model_card_shows_a_hostile_name_and_note_as_literal_text():
    row = factories.frame("models", model("evil", HOSTILE, "nissan", "cmf-ev", "2022", "launched")
                          | {"note": "# not a heading"})
    card = plan.model_card(plan.model_view(row, platforms(), companies()).iloc[0])
    page = rendered(card)
    assert "<a" not in page and "<b>" not in page and "<h1>" not in page
    assert "https://" not in page  # a bare address is not linked either
    assert HOSTILE in visible_text(page) and "# not a heading" in visible_text(page)


def events(*given):
    return factories.frame("events", *(
        {"id": f"e{i}", "date": date, "date_precision": precision, "category": category, "title": title,
         "source_status": status, "tags": "alliance-to-2030"}
        for i, (date, precision, category, title, status) in enumerate(given)))


def test_the_events_chart_gives_each_event_a_numbered_row_oldest_on_top():
    figure = plan.events_timeline(plan.plan_events(events(
        ("2022-01-27", "day", "plan", "Plan announced", "verified"),
        ("2023-02-01", "month", "alliance", "Ampere carve-out", "press_report"),
        ("2025-03-01", "day", "plan", "Nissan leaves " + "and much more " * 10, "verified"),
    )))
    rows = {trace.name: list(trace.y) for trace in figure.data}
    alliance, plan_rows = rows[CATEGORY.label("alliance")], rows[CATEGORY.label("plan")]
    assert alliance == ["2. Ampere carve-out"]
    assert plan_rows[0] == "1. Plan announced" and plan_rows[1].endswith("…")
    assert list(figure.layout.yaxis.categoryarray)[-1] == "1. Plan announced"  # the first event on top
    trace = next(trace for trace in figure.data if trace.name == CATEGORY.label("alliance"))
    assert trace.marker.color == CATEGORY.color("alliance")  # as on History
    assert list(trace.marker.symbol) == [SOURCE_STATUS.symbol("press_report")]
    assert trace.customdata[0][2] == "February 2023"  # the date as precisely as it is known


def test_the_events_summary_counts_and_lists_the_events():
    frame = events(("2022-01-27", "day", "plan", "Plan announced", "verified"),
                   ("2023-02-06", "day", "alliance", "Ampere carve-out", "verified"),
                   ("2025-03-01", "day", "plan", "Nissan leaves", "verified"))
    text = plan.events_summary(frame)
    assert text.startswith("3 events from January 2022 to March 2025 (2 plan, 1 alliance)")
    assert "2. Feb 2023: Ampere carve-out." in text
    assert plan.events_summary(frame.iloc[:0]) == "No event in the data is tagged as part of the plan."


def test_event_titles_in_the_events_chart_stay_literal_text():
    figure = plan.events_timeline(events(("2022-01-27", "day", "plan", HOSTILE, "verified")))
    label = figure.data[0].y[0]
    assert "<b>" not in label
    # Shown as the characters it holds: the label, its line breaks taken out, begins the title as written.
    shown = re.sub(r"\s", "", html.unescape(label.replace("<br>", ""))).rstrip("…")
    assert re.sub(r"\s", "", f"1. {HOSTILE}").startswith(shown) and len(shown) > 20

"""The Plan page's pure parts: model filtering, the figures and their text alternatives."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders import plan
from components.data.vocabulary import STATUS_SYMBOLS

SOURCE = "https://example.org/source"


def companies():
    return pd.DataFrame(
        [("renault", "Renault", "#E69F00"), ("nissan", "Nissan", "#0072B2"), ("dacia", "Dacia", "#009E73")],
        columns=["id", "name", "color"])


def platforms():
    return pd.DataFrame(
        [("cmf-ev", "CMF-EV", "AmpR Medium", "renault"), ("kei-ev", "KEI-EV", "", "nissan"),
         ("cmf-bev", "CMF-BEV", "AmpR Small", "renault")],
        columns=["id", "name", "later_name", "lead"])


def models():
    frame = pd.DataFrame(
        [("nissan-ariya", "Ariya", "nissan", "cmf-ev", 2022, "launched"),
         ("renault-megane", "Megane E-Tech", "renault", "cmf-ev", 2022, "launched"),
         ("renault-scenic", "Scenic E-Tech", "renault", "cmf-ev", 2024, "launched"),
         ("nissan-sakura", "Sakura", "nissan", "kei-ev", 2022, "launched"),
         ("renault-5", "Renault 5", "renault", "cmf-bev", 2024, "launched"),
         ("nissan-micra", "Micra", "nissan", "cmf-bev", 2025, "planned"),
         ("dacia-x", "Dacia X", "dacia", "cmf-bev", None, "planned"),
         ("nissan-gone", "Gone", "nissan", "cmf-ev", None, "cancelled")],
        columns=["id", "name", "brand", "platform", "launch_year", "status"])
    return frame.astype({"launch_year": "Int64"}).assign(source_url=SOURCE, source_status="verified", note="")


def view():
    return plan.model_view(models(), platforms(), companies())


def everything(frame, **overrides):
    chosen = dict(brands=["renault", "nissan", "dacia"], platforms=["cmf-ev", "kei-ev", "cmf-bev"],
                  statuses=["launched", "planned", "cancelled"], years=(2022, 2025), unknown_year=True)
    return plan.filter_models(frame, **{**chosen, **overrides})


# --- shaping and filtering ------------------------------------------------------------------

def test_view_names_brand_and_platform_and_labels_unknown_years():
    shown = view().set_index("id")
    assert shown.loc["nissan-ariya", ["brand_name", "brand_color", "platform_name"]].tolist() == \
        ["Nissan", "#0072B2", "CMF-EV"]
    assert shown.loc["dacia-x", "year_label"] == plan.UNKNOWN_YEAR
    assert shown.loc["renault-5", "year_label"] == "2024"


def test_view_follows_platform_order_then_year_with_unknown_last():
    ids = view()["id"].tolist()
    assert ids[:4] == ["nissan-ariya", "renault-megane", "renault-scenic", "nissan-gone"]
    assert ids[-1] == "dacia-x"


def test_platform_label_shows_the_later_name_only_when_there_is_one():
    rows = platforms().set_index("id")
    assert plan.platform_label(rows.loc["cmf-ev"]) == "CMF-EV → AmpR Medium"
    assert plan.platform_label(rows.loc["kei-ev"]) == "KEI-EV"


def test_nothing_is_filtered_out_by_the_full_selection():
    assert len(everything(view())) == len(models())


@pytest.mark.parametrize("override, expected", [
    ({"brands": ["dacia"]}, {"dacia-x"}),
    ({"platforms": ["kei-ev"]}, {"nissan-sakura"}),
    ({"statuses": ["cancelled"]}, {"nissan-gone"}),
    ({"years": (2024, 2025), "unknown_year": False}, {"renault-scenic", "renault-5", "nissan-micra"}),
])
def test_each_filter_keeps_only_what_it_names(override, expected):
    assert set(everything(view(), **override)["id"]) == expected


def test_models_with_unknown_year_stay_unless_excluded():
    narrow = everything(view(), years=(2025, 2025))
    assert set(narrow["id"]) == {"nissan-micra", "dacia-x", "nissan-gone"}
    assert set(everything(view(), years=(2025, 2025), unknown_year=False)["id"]) == {"nissan-micra"}


def test_without_any_known_year_only_the_unknown_toggle_matters():
    undated = view()[view()["launch_year"].isna()]
    assert len(everything(undated, years=None)) == 2
    assert everything(undated, years=None, unknown_year=False).empty


def test_year_axis_keeps_gaps_and_ends_with_unknown():
    frame = view()[view()["id"].isin(["nissan-ariya", "renault-5", "dacia-x"])]
    assert plan.year_axis(frame) == ["2022", "2023", "2024", plan.UNKNOWN_YEAR]
    assert plan.year_axis(frame[frame["launch_year"].notna()]) == ["2022", "2023", "2024"]


def test_plan_events_are_the_tagged_ones_oldest_first():
    events = pd.DataFrame({
        "id": ["later", "untagged", "first", "lookalike"],
        "date": pd.to_datetime(["2025-02-01", "2023-01-01", "2022-01-27", "2022-03-01"]),
        "tags": ["nissan;alliance-to-2030", "ampere", "alliance-to-2030", "alliance-to-2030-bis"],
    })
    assert plan.plan_events(events)["id"].tolist() == ["first", "later"]


# --- figures --------------------------------------------------------------------------------

def test_timeline_draws_one_marker_per_model_with_status_shapes_and_brand_colours():
    figure = plan.models_timeline(view(), platforms())
    drawn = [trace for trace in figure.data if trace.legendgroup == "brand"]
    assert sum(len(trace.x) for trace in drawn) == len(models())
    nissan = next(trace for trace in drawn if trace.name == "Nissan")
    assert nissan.marker.color == "#0072B2"
    status_of = dict(zip((row[0] for row in nissan.customdata), nissan.marker.symbol))
    assert status_of["nissan-ariya"] == plan.STATUS_MARKERS["launched"]
    assert status_of["nissan-micra"] == plan.STATUS_MARKERS["planned"]
    assert status_of["nissan-gone"] == plan.STATUS_MARKERS["cancelled"]
    legend_shapes = {trace.name for trace in figure.data if trace.legendgroup == "status"}
    assert legend_shapes == {"Launched", "Planned", "Cancelled"}


def test_timeline_puts_unknown_years_in_their_own_column_and_spreads_shared_cells():
    figure = plan.models_timeline(view(), platforms())
    assert list(figure.layout.xaxis.categoryarray) == ["2022", "2023", "2024", "2025", plan.UNKNOWN_YEAR]
    renault = next(trace for trace in figure.data if trace.name == "Renault")
    nissan = next(trace for trace in figure.data if trace.name == "Nissan")
    # Ariya and Megane share CMF-EV in 2022: same band, different heights.
    y = {row[0]: value for trace in (renault, nissan) for row, value in zip(trace.customdata, trace.y)}
    assert y["nissan-ariya"] != y["renault-megane"]
    assert round(y["nissan-ariya"]) == round(y["renault-megane"]) == 0
    assert list(figure.layout.yaxis.ticktext) == ["CMF-EV → AmpR Medium", "KEI-EV", "CMF-BEV → AmpR Small"]


def test_timeline_summary_counts_what_is_shown():
    text = plan.models_timeline_summary(view(), platforms())
    assert text.startswith("8 models on 3 of 3 platforms (5 launched, 2 planned, 1 cancelled)")
    assert "launch years 2022–2025, 2 with the year not known" in text
    assert "CMF-EV: 4" in text and "Nissan 4" in text
    assert plan.models_timeline_summary(view().iloc[:0], platforms()) == "No model matches the filters."


def test_hierarchy_nests_models_under_brand_under_platform():
    treemap = plan.models_hierarchy(view(), platforms()).data[0]
    parent = dict(zip(treemap.ids, treemap.parents))
    assert parent["cmf-bev/dacia/dacia-x"] == "cmf-bev/dacia"
    assert parent["cmf-bev/dacia"] == "cmf-bev"
    assert parent["cmf-bev"] == ""
    leaves = [i for i in treemap.ids if i.count("/") == 2]
    assert len(leaves) == len(models())
    pattern = dict(zip(treemap.ids, treemap.marker.pattern.shape))
    assert pattern["cmf-bev/nissan/nissan-micra"] == plan.STATUS_PATTERNS["planned"]
    assert pattern["cmf-ev/nissan/nissan-gone"] == plan.STATUS_PATTERNS["cancelled"]
    colour = dict(zip(treemap.ids, treemap.marker.colors))
    assert colour["cmf-bev/dacia/dacia-x"] == colour["cmf-bev/dacia"] == "#009E73"


def test_platform_card_escapes_data_text_and_flags_unsure_rows():
    platform = pd.Series({"name": "CMF-EV", "later_name": "AmpR Medium", "segment": "mid-size [EVs](x)",
                          "builder": "", "source_status": "unverified"})
    on_platform = view()[view()["platform"] == "cmf-ev"]
    card = plan.platform_card(platform, "Renault", on_platform)
    assert card.startswith("#### CMF\\-EV\n\nnow **AmpR Medium**")
    assert "mid\\-size \\[EVs\\]\\(x\\)" in card
    assert "Unverified: see the note" in card
    assert "✕ Gone" in card and "● Ariya" in card
    assert "No model shown" in plan.platform_card(platform, "Renault", on_platform.iloc[:0])


def test_model_card_says_status_year_and_how_sure():
    card = plan.model_card(view().set_index("id").loc["dacia-x"])
    assert card.startswith("**Dacia X** · Dacia · CMF\\-BEV")
    assert "○ Planned · launch year: year not known · source: verified" in card


def test_hierarchy_summary_lists_models_by_platform_and_brand():
    text = plan.models_hierarchy_summary(view())
    assert "CMF-BEV: Renault (Renault 5); Nissan (Micra); Dacia (Dacia X)" in text


def test_events_timeline_gives_each_event_a_numbered_row_oldest_on_top():
    events = pd.DataFrame({
        "date": pd.to_datetime(["2022-01-27", "2023-02-06", "2025-03-01"]),
        "category": ["plan", "alliance", "plan"],
        "title": ["Plan announced", "Ampere carve-out", "Nissan leaves " + "and much more " * 10],
        "source_status": ["verified", "press_report", "verified"],
        "date_precision": ["day", "month", "day"],
    })
    figure = plan.events_timeline(events)
    rows = {trace.name: list(trace.y) for trace in figure.data}
    assert rows["alliance"] == ["2. Ampere carve-out"]
    assert rows["plan"][0] == "1. Plan announced" and rows["plan"][1].endswith("…")
    assert list(figure.layout.yaxis.categoryarray)[-1] == "1. Plan announced"
    symbols = next(trace for trace in figure.data if trace.name == "alliance").marker.symbol
    assert list(symbols) == [STATUS_SYMBOLS["press_report"]]
    alliance = next(trace for trace in figure.data if trace.name == "alliance")
    assert alliance.customdata[0][2] == "February 2023"  # the date as precisely as it is known


def test_events_summary_counts_and_lists_the_events():
    events = pd.DataFrame({
        "date": pd.to_datetime(["2022-01-27", "2023-02-06", "2025-03-01"]),
        "category": ["plan", "alliance", "plan"],
        "title": ["Plan announced", "Ampere carve-out", "Nissan leaves"],
    })
    text = plan.events_summary(events)
    assert text.startswith("3 events from January 2022 to March 2025 (2 plan, 1 alliance)")
    assert "2. Feb 2023: Ampere carve-out." in text
    assert plan.events_summary(events.iloc[:0]) == "No event in the data is tagged as part of the plan."

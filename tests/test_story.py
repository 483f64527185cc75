"""The story's figures, computed from the data: stakes in force, the Overview's headline, missing anchors."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from components.builders import story
from components.builders.text import format_date
from components.data.contract import ANCHORS, PLAN_EV_MODELS, PLAN_EVENT, PLAN_INVESTMENT
from tests import factories

TODAY = pd.Timestamp("2026-01-01")


def stakes(*rows: tuple) -> pd.DataFrame:
    """(date, holder, target, basis, pct) rows."""
    return factories.frame("stakes", *({"date": day, "holder": holder, "target": target, "basis": basis,
                                        "pct": pct} for day, holder, target, basis, pct in rows))


def by_label(figures: list[story.Figure]) -> dict[str, story.Figure]:
    return {figure.label: figure for figure in figures}


@pytest.fixture
def frames(real_data) -> dict[str, pd.DataFrame]:
    """The real data's frames, as a dict a test may change."""
    return dict(real_data.frames)


# --- stakes in force --------------------------------------------------------------------------

def test_the_stake_in_force_is_the_latest_row_on_or_before_the_date():
    frame = stakes(("1999-03-27", "renault", "nissan", "direct", 36.8),
                   ("2002-03-01", "renault", "nissan", "direct", 44.4),
                   ("2023-11-08", "renault", "nissan", "direct", 15))
    assert list(story.stakes_as_of(frame, pd.Timestamp("2010-01-01"))["pct"]) == [44.4]
    assert list(story.stakes_as_of(frame, pd.Timestamp("2023-11-08"))["pct"]) == [15]
    assert story.stakes_as_of(frame, pd.Timestamp("1999-03-26")).empty


def test_a_stake_sold_to_zero_is_not_in_force():
    frame = stakes(("2010-04-07", "daimler", "renault", "direct", 3.1),
                   ("2021-11-01", "daimler", "renault", "direct", 0))
    assert story.stakes_as_of(frame, pd.Timestamp("2022-01-01")).empty


def test_direct_and_trust_holdings_are_separate_stakes():
    frame = stakes(("2023-11-08", "renault", "nissan", "direct", 15),
                   ("2023-11-08", "renault", "nissan", "trust", 28.4))
    assert sorted(story.stakes_as_of(frame, pd.Timestamp("2024-01-01"))["basis"]) == ["direct", "trust"]


def test_cross_holdings_leave_out_stakes_outside_the_three_partners():
    frame = stakes(("2010-04-07", "daimler", "renault", "direct", 3.1),
                   ("2016-10-20", "nissan", "mitsubishi", "direct", 34),
                   ("2023-11-08", "renault", "nissan", "direct", 15))
    held = story.cross_holdings(frame, TODAY)
    assert set(zip(held["holder"], held["target"], strict=True)) == {("nissan", "mitsubishi"), ("renault", "nissan")}


def test_todays_cross_holdings_in_the_real_data_are_between_the_partners(real_data):
    held = story.cross_holdings(real_data.frames["stakes"], TODAY)
    assert not held.empty
    assert set(held["holder"]) | set(held["target"]) <= set(story.ALLIANCE_PARTNERS)
    assert (held["pct"] > 0).all()


# --- the headline -----------------------------------------------------------------------------

def test_age_counts_whole_years():
    start = pd.Timestamp("1999-03-27")
    assert story.years_between(start, date(2025, 3, 26)) == 25
    assert story.years_between(start, date(2025, 3, 27)) == 26


def test_the_alliance_age_grows_on_the_anniversary_of_its_first_event(frames):
    start = frames["events"]["date"].min()
    eve = start.replace(year=TODAY.year) - pd.Timedelta(days=1)
    anniversary = start.replace(year=TODAY.year)
    before = by_label(story.headline(frames, eve))["Alliance age"]
    on = by_label(story.headline(frames, anniversary))["Alliance age"]
    assert before.value == f"{TODAY.year - start.year - 1} years"
    assert on.value == f"{TODAY.year - start.year} years"
    assert on.detail == f"since {format_date(start)}"


def test_renault_in_nissan_adds_up_every_basis_in_force(frames):
    names = frames["companies"].set_index("id")["name"]
    rows = frames["stakes"].query("holder == 'renault' and target == 'nissan' and date <= @TODAY")
    in_force = rows.sort_values("date").groupby("basis")["pct"].last()
    in_force = in_force[in_force > 0]
    figure = by_label(story.headline(frames, TODAY))[f"{names['renault']} in {names['nissan']}"]
    assert figure.value == f"{in_force.sum():g}%"
    assert figure.detail.count("%") == len(in_force)  # one part per basis
    for basis, pct in in_force.items():
        assert f"{pct:g}% {'in a French trust' if basis == 'trust' else basis}" in figure.detail


def test_the_plan_figure_comes_from_its_anchor_rows(frames):
    plan = frames["events"].set_index("id").loc[PLAN_EVENT.id]
    targets = frames["plan_targets"].set_index("id")
    investment, models = targets.loc[PLAN_INVESTMENT.id], targets.loc[PLAN_EV_MODELS.id]
    figure = by_label(story.headline(frames, TODAY))["Alliance to 2030"]
    assert figure.value == f"€{investment['value']:g}bn"
    assert figure.detail == (f"{models['value']:g} new EVs by {models['target_year']} on {len(frames['platforms'])} "
                             f"common platforms; announced {format_date(plan['date'], plan['date_precision'])}")


def test_the_plan_is_dated_to_january_2022_not_the_articles_july_2025(frames):
    figure = by_label(story.headline(frames, TODAY))["Alliance to 2030"]
    assert figure.detail.endswith("27 January 2022")


def test_live_talks_are_those_rumoured_explored_or_under_a_memorandum(frames):
    talks = frames["talks"]
    live = talks[talks["status"].isin(["rumoured", "exploring", "mou"])]
    figure = by_label(story.headline(frames, TODAY))["Partner talks under way"]
    assert figure.value == str(len(live))
    assert f"of {len(talks)} talks" in figure.detail


def test_agreed_and_ended_talks_are_not_under_way():
    talks = factories.frame("talks", {"id": "a", "status": "rumoured"}, {"id": "b", "status": "mou"},
                            {"id": "c", "status": "agreement"}, {"id": "d", "status": "terminated"})
    assert list(story.live_talks(talks)["id"]) == ["a", "b"]


# --- a missing anchor ---------------------------------------------------------------------------

def test_the_real_data_has_every_row_the_story_names(real_data):
    assert story.missing_anchors(real_data.frames, ANCHORS) == []


def test_without_the_plan_event_the_plan_figure_is_left_out_and_named(frames):
    frames["events"] = frames["events"][frames["events"]["id"] != PLAN_EVENT.id]
    assert story.missing_anchors(frames, ANCHORS) == [PLAN_EVENT]
    labels = [figure.label for figure in story.headline(frames, TODAY)]
    assert "Alliance to 2030" not in labels and "Alliance age" in labels


def test_without_renault_the_stake_figure_is_left_out(frames):
    frames["companies"] = frames["companies"][frames["companies"]["id"] != "renault"]
    assert [anchor.id for anchor in story.missing_anchors(frames, ANCHORS)] == ["renault"]
    assert not any(figure.value.endswith("%") for figure in story.headline(frames, TODAY))


def test_a_dataset_not_loaded_counts_its_anchors_as_missing(frames):
    del frames["plan_targets"]
    assert {anchor.id for anchor in story.missing_anchors(frames, ANCHORS)} == {PLAN_INVESTMENT.id, PLAN_EV_MODELS.id}


def test_without_events_the_age_is_left_out(frames):
    frames["events"] = frames["events"].head(0)
    labels = [figure.label for figure in story.headline(frames, TODAY)]
    assert "Alliance age" not in labels and "Partner talks under way" in labels

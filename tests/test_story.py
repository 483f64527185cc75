"""The Overview's headline figures, computed from the data."""

from __future__ import annotations

from datetime import date

import pandas as pd

from components.builders import story


def stakes(*rows):
    return pd.DataFrame(rows, columns=["date", "holder", "target", "basis", "pct"]).assign(
        date=lambda f: pd.to_datetime(f["date"]))


def test_stake_in_force_is_the_latest_row_before_the_date():
    frame = stakes(("1999-03-27", "renault", "nissan", "direct", 36.8),
                   ("2002-03-01", "renault", "nissan", "direct", 44.4),
                   ("2023-11-08", "renault", "nissan", "direct", 15.0))
    held = story.stakes_as_of(frame, pd.Timestamp("2010-01-01"))
    assert held[["holder", "pct"]].values.tolist() == [["renault", 44.4]]


def test_a_stake_sold_to_zero_is_not_in_force():
    frame = stakes(("2010-04-07", "daimler", "renault", "direct", 3.1),
                   ("2021-11-01", "daimler", "renault", "direct", 0.0))
    assert story.stakes_as_of(frame, pd.Timestamp("2022-01-01")).empty


def test_direct_and_trust_holdings_are_separate_stakes():
    frame = stakes(("2023-11-08", "renault", "nissan", "direct", 15.0),
                   ("2023-11-08", "renault", "nissan", "trust", 28.4))
    assert sorted(story.stakes_as_of(frame, pd.Timestamp("2024-01-01"))["basis"]) == ["direct", "trust"]


def test_age_counts_whole_years():
    start = pd.Timestamp("1999-03-27")
    assert story.years_between(start, date(2025, 3, 26)) == 25
    assert story.years_between(start, date(2025, 3, 27)) == 26


def test_headline_is_computed_from_the_real_data(real_data):
    headline = story.headline(real_data.frames, pd.Timestamp("2026-01-01"))
    assert headline.age_years == 26
    assert headline.investment == "€23bn"
    assert headline.plan_detail == "35 new EVs by 2030 on 5 common platforms; announced 27 January 2022"
    assert headline.renault_in_nissan == "35.7%"
    assert 0 < int(headline.live_talks) < len(real_data.frames["talks"])


def test_cross_holdings_are_the_three_partners_in_each_other(real_data):
    held = story.cross_holdings(real_data.frames["stakes"], pd.Timestamp("2026-01-01"))
    assert set(held["holder"]) | set(held["target"]) <= {"renault", "nissan", "mitsubishi"}
    assert {("nissan", "mitsubishi"), ("renault", "nissan")} <= set(zip(held["holder"], held["target"]))

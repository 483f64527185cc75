"""The network's metrics through time, on tiny hand-made networks whose answers are known."""

from __future__ import annotations

import json
import math
from datetime import date

import networkx as nx
import pandas as pd
import pytest

from components.builders import network_metrics as metrics
from tests import factories


def test_a_star_is_fully_centralised():
    assert metrics.degree_centralisation(nx.star_graph(4)) == pytest.approx(1.0)


def test_a_ring_is_not_centralised_at_all():
    assert metrics.degree_centralisation(nx.cycle_graph(5)) == pytest.approx(0.0)


def test_a_path_of_four_is_one_third_centralised():
    # Degrees 1, 2, 2, 1: Σ(2 − d) = 2, over (4 − 1)(4 − 2) = 6.
    assert metrics.degree_centralisation(nx.path_graph(4)) == pytest.approx(1 / 3)


def test_centralisation_is_undefined_under_three_companies():
    assert math.isnan(metrics.degree_centralisation(nx.path_graph(2)))


def test_year_ends_run_to_the_day_given_as_today():
    days = metrics.year_ends(2023, date(2025, 6, 30))
    assert days == [pd.Timestamp("2023-12-31"), pd.Timestamp("2024-12-31"), pd.Timestamp("2025-06-30")]


def links(*rows: tuple):
    """(source, target, type, start, end, status) rows of links.csv, typed as the app reads them."""
    return factories.frame("links", *[dict(zip(("source", "target", "type", "start", "end", "status"), row))
                                      for row in rows])


# 2000: a hub and two spokes (both equity). 2001: a spoke ends, two contracts join, one not with the hub.
TIES = links(
    ("nissan", "renault", "equity", "2000-01-01", "", "active"),
    ("nissan", "daimler", "equity", "2000-01-01", "2001-06-30", "ended"),
    ("nissan", "honda", "technology", "2001-01-01", "", "active"),
    ("honda", "wayve", "technology", "2001-01-01", "", "active"),
    ("nissan", "renault", "platform_sharing", "2001-01-01", "", "active"),
)
DAYS = [pd.Timestamp("1999-12-31"), pd.Timestamp("2000-12-31"), pd.Timestamp("2001-12-31")]


def test_the_metrics_of_each_year_match_a_count_by_hand():
    table = metrics.metrics_over_time(TIES, DAYS, hub="nissan").set_index("date")
    empty, first, second = (table.loc[day] for day in DAYS)
    assert empty["ties"] == 0 and empty["hub_partners"] == 0 and math.isnan(empty["equity_share"])
    # 2000: star nissan–renault, nissan–daimler.
    assert (first["ties"], first["companies"], first["hub_partners"], first["equity_ties"]) == (2, 3, 2, 2)
    assert first["equity_share"] == 1 and first["centralisation"] == pytest.approx(1.0)
    # 2001: nissan–renault twice (one partner), nissan–honda, honda–wayve; a path of four.
    assert (second["ties"], second["companies"], second["hub_partners"], second["equity_ties"]) == (4, 4, 2, 1)
    assert second["equity_share"] == pytest.approx(0.25)
    assert second["centralisation"] == pytest.approx(1 / 3)


def test_joint_ventures_count_as_equity_ties():
    jv = links(("nissan", "nmkv", "joint_venture", "2000-01-01", "", "active"),
               ("nissan", "ford", "talks", "2000-01-01", "", "in_talks"))
    row = metrics.metrics_over_time(jv, [pd.Timestamp("2000-12-31")], hub="nissan").iloc[0]
    assert row["equity_share"] == pytest.approx(0.5)


def test_a_hub_absent_from_the_network_has_no_partners():
    row = metrics.metrics_over_time(TIES, [pd.Timestamp("2001-12-31")], hub="mitsubishi").iloc[0]
    assert row["hub_partners"] == 0


def test_the_figure_draws_each_metric_and_marks_the_date_shown():
    table = metrics.metrics_over_time(TIES, DAYS, hub="nissan")
    figure = metrics.metrics_figure(table, hub_name="Nissan", hub_color="#D55E00", as_of=pd.Timestamp("2000-06-30"))
    spec = json.loads(figure.to_json())
    names = [trace["name"] for trace in spec["data"]]
    assert names == ["Nissan's partners", "Equity ties (stakes, joint ventures)", "Other ties (contracts, talks)",
                     "Degree centralisation"]
    partners, equity, other, central = figure.data
    assert list(partners.y) == [0, 2, 2]
    assert list(equity.y)[1:] == [100, 25] and list(other.y)[1:] == [0, 75]
    assert partners.line.color == "#D55E00"
    assert list(partners.x) == [1999, 2000, 2001]  # each year's end sits on its whole number
    assert [shape["x0"] for shape in spec["layout"]["shapes"]] == [pytest.approx(1999 + 182 / 366)] * 3


def test_a_day_sits_between_the_year_ends_around_it():
    assert metrics.year_position(pd.Timestamp("2016-12-31")) == 2016
    assert metrics.year_position(pd.Timestamp("2017-01-01")) == pytest.approx(2016 + 1 / 365)
    assert 2025 < metrics.year_position(pd.Timestamp("2026-11-26")) < 2026


def test_the_summary_says_where_each_metric_starts_and_ends():
    text = metrics.summary(metrics.metrics_over_time(TIES, DAYS, hub="nissan"), "Nissan")
    assert text == ("From 2000 to 2001, Nissan's partners went from 2 to 2 (most: 2 in 2000); equity ties went "
                    "from 100% to 25% of all ties; degree centralisation went from 1.00 (2000) to 0.33.")
    assert metrics.summary(metrics.metrics_over_time(TIES, DAYS[:1], hub="nissan"), "Nissan").startswith("No ties")


def test_the_figure_and_summary_can_be_written_in_chinese():
    table = metrics.metrics_over_time(TIES, DAYS, hub="nissan")
    figure = metrics.metrics_figure(table, hub_name="日产", hub_color="#D55E00", lang="zh")
    assert list(figure.data[0].customdata) == ["1999年12月31日", "2000年12月31日", "2001年12月31日"]
    assert "日产" in metrics.summary(table, "日产", lang="zh")

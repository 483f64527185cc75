"""The cross-shareholdings step chart: which stakes, the steps in a date range, the figure and its summary."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders import stakes_chart
from components.data.vocabulary import SOURCE_STATUS, STAKE_BASIS
from tests import factories

NAMES = {"renault": "Renault", "nissan": "Nissan", "mitsubishi": "Mitsubishi Motors", "geely": "Geely"}
COLORS = {"renault": "#E69F00", "nissan": "#D55E00"}
START, END = pd.Timestamp("2000-01-01"), pd.Timestamp("2025-12-31")


def stake(date: str, holder: str, target: str, pct: float, basis: str = "direct", **cells) -> dict:
    return {"date": date, "holder": holder, "target": target, "pct": pct, "basis": basis, **cells}


@pytest.fixture
def stakes() -> pd.DataFrame:
    return factories.frame(
        "stakes",
        stake("1999-03-27", "renault", "nissan", 36.8),
        stake("2002-03-01", "renault", "nissan", 44.4),
        stake("2023-11-08", "renault", "nissan", 15),
        stake("2023-11-08", "renault", "nissan", 28.4, "trust", source_status="press_report",
              source_url="https://www.example.org/s"),
        stake("2002-03-01", "nissan", "renault", 0, "voting"),
        stake("2023-11-08", "nissan", "renault", 15, "voting"),
        stake("2010-04-07", "renault", "geely", 3),
        stake("2021-03-01", "renault", "geely", 0),
    )


def line(points: pd.DataFrame, holder: str, target: str, basis: str) -> pd.DataFrame:
    return points[(points["holder"] == holder) & (points["target"] == target) & (points["basis"] == basis)]


def test_between_the_partners_leaves_out_other_holdings(stakes):
    partners = stakes_chart.select_stakes(stakes, "alliance")
    assert "geely" not in set(partners["target"])
    assert len(stakes_chart.select_stakes(stakes, "all")) == len(stakes)


def test_a_company_filter_keeps_the_stakes_it_holds_or_is_held_in(stakes):
    chosen = stakes_chart.select_stakes(stakes, "all", companies=("geely",))
    assert set(chosen["target"]) == {"geely"}
    nissan = stakes_chart.select_stakes(stakes, "all", companies=("nissan",))
    assert (nissan["holder"].eq("nissan") | nissan["target"].eq("nissan")).all()
    assert len(nissan) == len(stakes) - len(chosen)


def test_a_stake_enters_the_range_at_its_value_then_and_runs_to_its_end(stakes):
    direct = line(stakes_chart.steps(stakes, START, END), "renault", "nissan", "direct")
    assert list(direct["date"]) == [START, pd.Timestamp("2002-03-01"), pd.Timestamp("2023-11-08"), END]
    assert list(direct["pct"]) == [36.8, 44.4, 15, 15]
    assert list(direct["real"]) == [False, True, True, False]  # only rows of stakes.csv are real
    assert direct["since"].iloc[0] == pd.Timestamp("1999-03-27")  # the row in force, for the hover


def test_a_sold_stake_ends_at_zero_and_one_zero_throughout_is_left_out(stakes):
    geely = stakes_chart.steps(stakes, START, END).query("target == 'geely'")
    assert list(geely["pct"]) == [3, 0]  # no line runs on after the sale
    assert stakes_chart.steps(stakes, pd.Timestamp("2022-01-01"), END).query("target == 'geely'").empty


def test_no_stake_in_range_gives_no_points(stakes):
    assert stakes_chart.steps(stakes, pd.Timestamp("1990-01-01"), pd.Timestamp("1998-12-31")).empty


def test_there_is_one_step_line_per_stake_and_basis(stakes):
    points = stakes_chart.steps(stakes_chart.select_stakes(stakes, "alliance"), START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END))
    expected = {stakes_chart.series_label(*series, NAMES)
                for series in points[stakes_chart.SERIES].drop_duplicates().itertuples(index=False)}
    assert {trace.name for trace in figure.data} == expected
    assert len(figure.data) == len(expected)
    assert {trace.line.shape for trace in figure.data} == {"hv"}  # a stake holds until its next change


def test_a_line_is_coloured_by_its_holder_and_dashed_by_its_basis(stakes):
    points = stakes_chart.steps(stakes_chart.select_stakes(stakes, "alliance"), START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END))
    lines = {trace.name: trace for trace in figure.data}
    direct = lines[stakes_chart.series_label("renault", "nissan", "direct", NAMES)]
    trust = lines[stakes_chart.series_label("renault", "nissan", "trust", NAMES)]
    assert direct.line.color == trust.line.color == COLORS["renault"]
    assert (direct.line.dash, trust.line.dash) == (STAKE_BASIS["direct"].dash, STAKE_BASIS["trust"].dash)
    assert direct.line.dash != trust.line.dash


def test_markers_stand_only_on_rows_of_the_data_and_say_how_sure_they_are(stakes):
    points = stakes_chart.steps(stakes, START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END))
    lines = {trace.name: trace for trace in figure.data}
    direct = lines[stakes_chart.series_label("renault", "nissan", "direct", NAMES)]
    trust = lines[stakes_chart.series_label("renault", "nissan", "trust", NAMES)]
    real = line(points, "renault", "nissan", "direct")["real"]
    assert [size > 0 for size in direct.marker.size] == list(real)
    assert trust.marker.symbol[0] == SOURCE_STATUS.symbol("press_report")
    assert list(trust.customdata[0][1:]) == ["8 November 2023", "example.org", SOURCE_STATUS.label("press_report")]


def test_a_holder_without_a_colour_is_drawn_in_grey(stakes):
    points = stakes_chart.steps(stakes, START, END).query("target == 'geely'")
    figure = stakes_chart.stakes_figure(points, NAMES, {}, x_range=(START, END))
    assert figure.data[0].line.color == "#888888"


def test_turning_points_line_up_with_the_rebalancing(stakes):
    points = stakes_chart.steps(stakes, START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END),
                                        marks={"2023: rebalanced": pd.Timestamp("2023-11-08")})
    assert [note.text for note in figure.layout.annotations] == ["2023: rebalanced"]
    assert [shape.x0 for shape in figure.layout.shapes] == [pd.Timestamp("2023-11-08")]


def test_the_summary_gives_each_stake_from_its_first_to_its_last_value(stakes):
    points = stakes_chart.steps(stakes_chart.select_stakes(stakes, "alliance"), START, END)
    text = stakes_chart.summary(points, NAMES)
    series = points[stakes_chart.SERIES].drop_duplicates()
    assert text.startswith(f"{len(series)} stakes from {START.year} to {END.year}: ")
    assert "Renault → Nissan (direct) from 36.8% in 2000 to 15% in 2023" in text
    assert "Renault → Nissan (in trust) 28.4% from 2023" in text  # one row: a value, not a change
    assert "Nissan → Renault (voting rights) from 0% in 2002 to 15% in 2023" in text


def test_the_summary_says_when_no_stake_is_shown(stakes):
    assert stakes_chart.summary(stakes_chart.steps(stakes, START, END).head(0), NAMES).startswith(
        "No cross-shareholding")


def test_the_table_names_companies_and_labels_codes(stakes):
    table = stakes_chart.table(stakes, NAMES)
    assert len(table) == len(stakes)
    assert table.loc[0, "holder"] == "Renault" and table.loc[0, "target"] == "Nissan"
    assert table.loc[3, "basis"] == STAKE_BASIS.label("trust")
    assert table.loc[3, "how sure"] == SOURCE_STATUS.label("press_report")

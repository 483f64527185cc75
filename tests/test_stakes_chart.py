"""The cross-shareholdings step chart: which stakes, the steps in a date range, the figure and its summary."""

from __future__ import annotations

import pandas as pd
import pytest

from components.builders import stakes_chart
from components.data.contract import STAKES

NAMES = {"renault": "Renault", "nissan": "Nissan", "mitsubishi": "Mitsubishi Motors", "geely": "Geely"}
COLORS = {"renault": "#E69F00", "nissan": "#D55E00"}
START, END = pd.Timestamp("2000-01-01"), pd.Timestamp("2025-12-31")


def make_stakes(*rows: tuple) -> pd.DataFrame:
    """(date, holder, target, pct, basis[, status]) rows typed as the validator types them."""
    frame = pd.DataFrame(
        [{"date": row[0], "date_precision": "day", "holder": row[1], "target": row[2], "pct": float(row[3]),
          "basis": row[4], "source_url": "https://www.example.org/s", "source_status": (row[5:] or ("verified",))[0],
          "note": ""} for row in rows]
    )[list(STAKES.column_names)]
    return frame.assign(date=pd.to_datetime(frame["date"]))


@pytest.fixture
def stakes() -> pd.DataFrame:
    return make_stakes(
        ("1999-03-27", "renault", "nissan", 36.8, "direct"),
        ("2002-03-01", "renault", "nissan", 44.4, "direct"),
        ("2023-11-08", "renault", "nissan", 15, "direct"),
        ("2023-11-08", "renault", "nissan", 28.4, "trust", "press_report"),
        ("2002-03-01", "nissan", "renault", 0, "voting"),
        ("2023-11-08", "nissan", "renault", 15, "voting"),
        ("2010-04-07", "renault", "geely", 3, "direct"),
        ("2021-03-01", "renault", "geely", 0, "direct"),
    )


def test_partners_only_or_all_holdings(stakes):
    partners = stakes_chart.select_stakes(stakes, "alliance")
    assert set(partners["target"]) == {"nissan", "renault"}
    assert len(stakes_chart.select_stakes(stakes, "all")) == len(stakes)
    assert set(stakes_chart.select_stakes(stakes, "all", companies=("geely",))["target"]) == {"geely"}


def test_a_stake_enters_the_range_at_its_value_then_and_runs_to_its_end(stakes):
    points = stakes_chart.steps(stakes, START, END)
    direct = points[(points["holder"] == "renault") & (points["target"] == "nissan") & (points["basis"] == "direct")]
    assert list(direct["date"]) == [START, pd.Timestamp("2002-03-01"), pd.Timestamp("2023-11-08"), END]
    assert list(direct["pct"]) == [36.8, 44.4, 15, 15]
    assert list(direct["real"]) == [False, True, True, False]
    assert direct["since"].iloc[0] == pd.Timestamp("1999-03-27")  # the row in force, for the hover


def test_a_sold_stake_ends_at_zero_and_one_zero_throughout_is_left_out(stakes):
    geely = stakes_chart.steps(stakes, START, END).query("target == 'geely'")
    assert list(geely["pct"]) == [3, 0]  # no line runs on after the sale
    assert stakes_chart.steps(stakes, pd.Timestamp("2022-01-01"), END).query("target == 'geely'").empty


def test_no_stake_in_range_gives_no_points(stakes):
    assert stakes_chart.steps(stakes, pd.Timestamp("1990-01-01"), pd.Timestamp("1998-12-31")).empty


def test_one_step_line_per_stake_dashed_by_basis(stakes):
    points = stakes_chart.steps(stakes_chart.select_stakes(stakes, "alliance"), START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END))
    lines = {trace.name: trace for trace in figure.data}
    assert sorted(lines) == ["Nissan → Renault (voting rights)", "Renault → Nissan (direct)",
                             "Renault → Nissan (in trust)"]
    direct, trust = lines["Renault → Nissan (direct)"], lines["Renault → Nissan (in trust)"]
    assert {trace.line.shape for trace in figure.data} == {"hv"}
    assert (direct.line.dash, trust.line.dash) == ("solid", "dash")
    assert direct.line.color == COLORS["renault"]
    assert list(direct.marker.size) == [0, 10, 10, 0]  # markers only on the rows of stakes.csv
    assert trust.marker.symbol[0] == "circle-open"  # a press report
    assert list(trust.customdata[0][1:]) == ["8 November 2023", "example.org", "Press report"]


def test_turning_points_line_up_with_the_rebalancing(stakes):
    points = stakes_chart.steps(stakes, START, END)
    figure = stakes_chart.stakes_figure(points, NAMES, COLORS, x_range=(START, END),
                                        marks={"2023: rebalanced": pd.Timestamp("2023-11-08")})
    assert [note.text for note in figure.layout.annotations] == ["2023: rebalanced"]


def test_summary_gives_each_stake_from_first_to_last(stakes):
    points = stakes_chart.steps(stakes_chart.select_stakes(stakes, "alliance"), START, END)
    text = stakes_chart.summary(points, NAMES)
    assert text.startswith("3 stakes from 2000 to 2025: ")
    assert "Renault → Nissan (direct) from 36.8% in 2000 to 15% in 2023" in text
    assert "Renault → Nissan (in trust) 28.4% from 2023" in text
    assert "Nissan → Renault (voting rights) from 0% in 2002 to 15% in 2023" in text
    assert stakes_chart.summary(points.head(0), NAMES).startswith("No cross-shareholding")

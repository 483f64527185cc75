"""The headline figures of the Overview, computed from the data rather than typed in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

LIVE_TALK_STATUSES = ("rumoured", "exploring", "mou")
ALLIANCE_PARTNERS = ("renault", "nissan", "mitsubishi")
PLAN_TAG = "alliance-to-2030"
PLAN_INVESTMENT = "electrification-investment"
PLAN_EV_MODELS = "ev-models"

NARRATIVE = """
**1999: a rescue built on shares.** On 27 March 1999 Renault took 36.8% of a heavily indebted Nissan, and
Carlos Ghosn's Nissan Revival Plan followed that October. In 2002 the tie became a cross-shareholding:
Renault rose to 44.4% of Nissan, Nissan took 15% of Renault without voting rights.

**2016–2017: the alliance at its widest.** Nissan took 34% of Mitsubishi Motors in 2016; in 2017 the group, renamed
Renault–Nissan–Mitsubishi, set out the \u201cAlliance 2022\u201d plan of shared platforms and synergies.

**2018–2023: strain and rebalancing.** Ghosn's arrest in November 2018 opened years of mistrust; the
leader–follower model of 2020 and the \u201cAlliance to 2030\u201d plan of 27 January 2022 (€23bn, five
common EV platforms, 35 new EVs) kept the industrial work going, and in 2023 the partners cut their
cross-holdings to 15% each, Renault placing the rest of its Nissan shares in a French trust.

**2024–2025: \u201cAlliance 2.0\u201d.** After its largest loss in 25 years, Nissan looked for partners on a new
principle, reciprocity: a merger with Honda was agreed in principle and abandoned within two months, while
narrower deals (Mitsubishi, Wayve, Dongfeng, talks with Ford and Stellantis) replaced one axis with a web.
"""


def alliance_start(events: pd.DataFrame) -> pd.Timestamp:
    return events["date"].min()


def years_between(start: pd.Timestamp, today: date) -> int:
    years = today.year - start.year
    return years - ((today.month, today.day) < (start.month, start.day))


def stakes_as_of(stakes: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """Each holder→target stake (by basis) in force on `as_of`: its latest row, if above zero."""
    known = stakes[stakes["date"] <= as_of].sort_values("date", kind="stable")
    latest = known.groupby(["holder", "target", "basis"], as_index=False).tail(1)
    return latest[latest["pct"] > 0].sort_values("pct", ascending=False, ignore_index=True)


def tagged(events: pd.DataFrame, tag: str) -> pd.DataFrame:
    """The events tagged `tag` (tags are `;`-separated), oldest first."""
    has_tag = events["tags"].fillna("").str.split(";").map(lambda tags: tag in [t.strip() for t in tags])
    return events[has_tag].sort_values("date", kind="stable").reset_index(drop=True)


def plan_announcement(events: pd.DataFrame) -> pd.Series:
    """The event that announced Alliance to 2030: the first plan event tagged alliance-to-2030."""
    plan_events = tagged(events, PLAN_TAG)
    return plan_events[plan_events["category"] == "plan"].iloc[0]


def cross_holdings(stakes: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The three partners' stakes in each other on `as_of` (other holdings are not the alliance's)."""
    held = stakes_as_of(stakes, as_of)
    return held[held["holder"].isin(ALLIANCE_PARTNERS) & held["target"].isin(ALLIANCE_PARTNERS)]


@dataclass(frozen=True)
class Headline:
    """The Overview's four figures, each a short value and the line that explains it."""

    start: pd.Timestamp
    age_years: int
    renault_in_nissan: str
    renault_in_nissan_detail: str
    investment: str
    plan_detail: str
    plan_date: pd.Timestamp
    live_talks: str
    talks_detail: str


def headline(data: dict[str, pd.DataFrame], today: pd.Timestamp) -> Headline:
    start = alliance_start(data["events"])
    held = stakes_as_of(data["stakes"], today)
    renault = held[(held["holder"] == "renault") & (held["target"] == "nissan")].set_index("basis")["pct"]
    targets = data["plan_targets"].set_index("id")
    investment, models = targets.loc[PLAN_INVESTMENT], targets.loc[PLAN_EV_MODELS]
    talks = data["talks"]
    plan_date = plan_announcement(data["events"])["date"]
    return Headline(
        start=start,
        age_years=years_between(start, today.date()),
        renault_in_nissan=f"{renault.sum():g}%",
        renault_in_nissan_detail=" + ".join(
            f"{pct:g}% {'in a French trust' if basis == 'trust' else basis}" for basis, pct in renault.items()),
        investment=f"€{investment['value']:g}bn",
        plan_detail=f"{models['value']:g} new EVs by {models['target_year']} on {len(data['platforms'])} common "
                    f"platforms; announced {plan_date.day} {plan_date:%B %Y}",
        plan_date=plan_date,
        live_talks=f"{len(live_talks(talks))}",
        talks_detail=f"of {len(talks)} talks in the data are rumoured, explored or under a memorandum",
    )


def live_talks(talks: pd.DataFrame) -> pd.DataFrame:
    return talks[talks["status"].isin(LIVE_TALK_STATUSES)]

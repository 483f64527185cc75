"""The story's own figures, computed from the data rather than typed in: the Overview's headline, the
plan's announcement, the cross-holdings in force on a date.

The rows the story names (contract.ANCHORS) may be missing from a reader's data: each function then
returns None or leaves the figure out, and the page says what is missing instead of failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from components.builders.text import format_date
from components.data.contract import HUB, PARTNERS, PLAN_EV_MODELS, PLAN_EVENT, PLAN_INVESTMENT, Anchor
from components.i18n import ENGLISH, N_, translator

LIVE_TALK_STATUSES = ("rumoured", "exploring", "mou")
ALLIANCE_PARTNERS = tuple(anchor.id for anchor in PARTNERS)
PLAN_TAG = PLAN_EVENT.id  # the tag of the events that reshaped the plan, named after the plan itself

# The story in four paragraphs, one message each (the Overview joins them): NARRATIVE[i] is Markdown.
NARRATIVE = (
    N_("**1999: a rescue built on shares.** On 27 March 1999 Renault took 36.8% of a heavily indebted Nissan, and "
       "Carlos Ghosn's Nissan Revival Plan followed that October. In 2002 the tie became a cross-shareholding: "
       "Renault rose to 44.4% of Nissan, Nissan took 15% of Renault without voting rights."),
    N_("**2016–2017: the alliance at its widest.** Nissan took 34% of Mitsubishi Motors in 2016; in 2017 the group, "
       "renamed Renault–Nissan–Mitsubishi, set out the \u201cAlliance 2022\u201d plan of shared platforms and "
       "synergies."),
    N_("**2018–2023: strain and rebalancing.** Ghosn's arrest in November 2018 opened years of mistrust; the "
       "leader–follower model of 2020 and the \u201cAlliance to 2030\u201d plan of 27 January 2022 (€23bn, five "
       "common EV platforms, 35 new EVs) kept the industrial work going, and in 2023 the partners cut their "
       "cross-holdings to 15% each, Renault placing the rest of its Nissan shares in a French trust."),
    N_("**2024–2025: \u201cAlliance 2.0\u201d.** After its largest loss in 25 years, Nissan looked for partners on "
       "a new principle, reciprocity: a merger with Honda was agreed in principle and abandoned within two months, "
       "while narrower deals (Mitsubishi, Wayve, Dongfeng, talks with Ford and Stellantis) replaced one axis with "
       "a web."),
)


def anchor_row(frames: dict[str, pd.DataFrame], anchor: Anchor) -> pd.Series | None:
    """The row the story names, or None when the data does not have it."""
    frame = frames.get(anchor.dataset)
    if frame is None:
        return None
    found = frame[frame["id"] == anchor.id]
    return found.iloc[0] if len(found) else None


def missing_anchors(frames: dict[str, pd.DataFrame], anchors) -> list[Anchor]:
    """The anchors among `anchors` that the data lacks (those of a dataset not loaded count as missing)."""
    return [anchor for anchor in anchors if anchor_row(frames, anchor) is None]


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
    """The events tagged `tag`, oldest first."""
    has_tag = events["tags"].map(lambda tags: tag in tags)
    return events[has_tag].sort_values("date", kind="stable").reset_index(drop=True)


def cross_holdings(stakes: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The three partners' stakes in each other on `as_of` (other holdings are not the alliance's)."""
    held = stakes_as_of(stakes, as_of)
    return held[held["holder"].isin(ALLIANCE_PARTNERS) & held["target"].isin(ALLIANCE_PARTNERS)]


@dataclass(frozen=True)
class Figure:
    """One headline figure: a label, a short value and the line that explains it."""

    label: str
    value: str
    detail: str


# How the stake of each basis (contract.STAKE_BASES) is written in the headline's detail: "15% direct + 28.4% in a
# French trust".
HELD_AS = {"direct": N_("{pct} direct"), "trust": N_("{pct} in a French trust"), "voting": N_("{pct} voting")}


def headline(data: dict[str, pd.DataFrame], today: pd.Timestamp, *, lang: str = ENGLISH) -> list[Figure]:
    """The Overview's figures that the data can give (one is left out when the rows it needs are missing)."""
    _ = translator(lang)
    figures = []
    events, talks = data["events"], data["talks"]
    if len(events):
        start = alliance_start(events)
        figures.append(Figure(_("Alliance age"), _("{count} years", count=_.number(years_between(start, today.date()))),
                              _("since {date}", date=format_date(start, lang=lang))))
    names = data["companies"].set_index("id")["name"]
    renault, nissan = ALLIANCE_PARTNERS[0], HUB.id
    if renault in names.index and nissan in names.index:
        held = stakes_as_of(data["stakes"], today)
        stake = held[(held["holder"] == renault) & (held["target"] == nissan)].set_index("basis")["pct"]
        if len(stake):
            figures.append(Figure(
                _("{holder} in {target}", holder=names[renault], target=names[nissan]), _.percent(stake.sum()),
                " + ".join(_(HELD_AS[basis], pct=_.percent(pct)) for basis, pct in stake.items())))
    plan = anchor_row(data, PLAN_EVENT)
    investment, models = anchor_row(data, PLAN_INVESTMENT), anchor_row(data, PLAN_EV_MODELS)
    if plan is not None and investment is not None and models is not None:
        figures.append(Figure(
            _("Alliance to 2030"), _.money(investment["value"] * 1e9, "EUR"),  # the row's unit is EUR bn
            _("{count} new EVs by {year} on {platforms} common platforms; announced {date}",
              count=_.number(models["value"]), year=str(models["target_year"]),
              platforms=_.number(len(data["platforms"])),
              date=format_date(plan["date"], plan["date_precision"], lang))))
    figures.append(Figure(_("Partner talks under way"), _.number(len(live_talks(talks))),
                          _("of {total} talks in the data are rumoured, explored or under a memorandum",
                            total=_.number(len(talks)))))
    return figures


def live_talks(talks: pd.DataFrame) -> pd.DataFrame:
    return talks[talks["status"].isin(LIVE_TALK_STATUSES)]

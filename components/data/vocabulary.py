"""How each allowed value of the contract is shown: its label, colour, marker symbol and line style.

Written once, here, beside the contract, and used on every page, so a category has the same colour on
History and Plan and a status the same marker everywhere. Colours come from the Okabe–Ito palette,
chosen to stay apart for colour-blind readers; how sure a row is, and where a model or talk stands, is
also carried by shape, never by colour alone. Every label a reader sees of an allowed value is one of
these; its translations are in the gettext catalogue (extraction finds them as the first argument of `Term`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from components.data import contract
from components.i18n import ENGLISH, translator

# Okabe–Ito, by name.
ORANGE, SKY_BLUE, GREEN, YELLOW = "#E69F00", "#56B4E9", "#009E73", "#F0E442"
BLUE, VERMILLION, PURPLE, GREY = "#0072B2", "#D55E00", "#CC79A7", "#999999"


@dataclass(frozen=True)
class Term:
    """How one allowed value is shown. `symbol` is a Plotly marker, `pattern` a Plotly fill pattern,
    `dash` a vis-network dash pattern ([] for a solid line) or a Plotly dash name, `glyph` the symbol in text."""

    label: str
    color: str | None = None
    symbol: str | None = None
    pattern: str | None = None
    dash: str | tuple[int, ...] | None = None
    glyph: str | None = None


class Terms(Mapping[str, Term]):
    """The terms of one set of allowed values, in the contract's order."""

    def __init__(self, allowed: tuple[str, ...], terms: dict[str, Term]):
        self.allowed = allowed
        self._terms = terms

    def __getitem__(self, value: str) -> Term:
        return self._terms[value]

    def __iter__(self) -> Iterator[str]:
        return iter(self.allowed)

    def __len__(self) -> int:
        return len(self.allowed)

    def label(self, value: str, lang: str = ENGLISH) -> str:
        """The value as readers of `lang` see it (a value the contract does not know is shown as it is)."""
        term = self._terms.get(value)
        return translator(lang)(term.label) if term else str(value)

    def color(self, value: str) -> str:
        term = self._terms.get(value)
        return (term and term.color) or GREY

    def symbol(self, value: str) -> str:
        term = self._terms.get(value)
        return (term and term.symbol) or "circle"


SOURCE_STATUS = Terms(contract.SOURCE_STATUSES, {
    # Filled for a verified row, hollow or crossed for less sure ones.
    "verified": Term("Verified", GREEN, "circle"),
    "conflicting": Term("Conflicting sources", ORANGE, "diamond"),
    "press_report": Term("Press report", SKY_BLUE, "circle-open"),
    "unverified": Term("Unverified", GREY, "x-thin-open"),
})

DATE_PRECISION = Terms(contract.DATE_PRECISIONS, {
    "day": Term("Day"), "month": Term("Month"), "year": Term("Year"),
})

CATEGORY = Terms(contract.EVENT_CATEGORIES, {
    "alliance": Term("Alliance", BLUE),
    "equity": Term("Equity", ORANGE),
    "plan": Term("Plan", GREEN),
    "product": Term("Product", SKY_BLUE),
    "partnership": Term("Partnership", PURPLE),
    "leadership": Term("Leadership", YELLOW),
    "crisis": Term("Crisis", VERMILLION),
    "finance": Term("Finance", GREY),
})

COMPANY_KIND = Terms(contract.COMPANY_KINDS, {
    "automaker": Term("Automaker", BLUE),
    "technology": Term("Technology", SKY_BLUE),
    "supplier": Term("Supplier", ORANGE),
    "investor": Term("Investor", GREEN),
    "joint_venture": Term("Joint venture", PURPLE),
    "trust": Term("Trust", GREY),
    "government": Term("Government", VERMILLION),
    "other": Term("Other", YELLOW),
})

MODEL_STATUS = Terms(contract.MODEL_STATUSES, {
    # Status is read from the marker's shape and the tile's hatching, not only from a colour.
    "launched": Term("Launched", symbol="circle", pattern="", glyph="●"),
    "planned": Term("Planned", symbol="circle-open", pattern="/", glyph="○"),
    "cancelled": Term("Cancelled", symbol="x-thin-open", pattern="x", glyph="✕"),
})

TALK_STATUS = Terms(contract.TALK_STATUSES, {
    # Grey for hearsay, blue for talks, orange for a memorandum, green for a deal, vermillion for an end;
    # the end-of-talk marker carries the status by shape too.
    "rumoured": Term("Rumoured", GREY, "circle-open"),
    "exploring": Term("Exploring", SKY_BLUE, "circle"),
    "mou": Term("MoU", ORANGE, "square"),
    "agreement": Term("Agreement", GREEN, "star"),
    "terminated": Term("Terminated", VERMILLION, "x"),
})

TALK_DOMAIN = Terms(contract.TALK_DOMAINS, {
    "platform": Term("Platform"),
    "powertrain": Term("Powertrain"),
    "driver_assistance": Term("Driver assistance"),
    "manufacturing": Term("Manufacturing"),
    "battery": Term("Battery"),
    "software": Term("Software"),
    "equity": Term("Equity"),
    "vehicle_supply": Term("Vehicle supply"),
    "market_access": Term("Market access"),
})

REGION = Terms(contract.REGIONS, {
    "global": Term("Global"),
    "japan": Term("Japan"),
    "north_america": Term("North America"),
    "europe": Term("Europe"),
    "china": Term("China"),
    "asia_pacific": Term("Asia-Pacific"),
    "oceania": Term("Oceania"),
})

LINK_TYPE = Terms(contract.LINK_TYPES, {
    # The two kinds of talks share vermillion and differ by dash; no tie needs the yellow, unreadable as a
    # thin line on a light background. Dashes are vis-network's (dash, gap) in px; a tuple () is solid.
    "equity": Term("Equity stake", BLUE, dash=()),
    "platform_sharing": Term("Platform sharing", GREEN, dash=()),
    "technology": Term("Technology", SKY_BLUE, dash=()),
    "manufacturing": Term("Manufacturing", ORANGE, dash=()),
    "supply": Term("Supply", GREY, dash=()),
    "joint_venture": Term("Joint venture", PURPLE, dash=()),
    "merger_talks": Term("Merger talks", VERMILLION, dash=(12, 6)),
    "talks": Term("Talks", VERMILLION, dash=(4, 5)),
})

LINK_STATUS = Terms(contract.LINK_STATUSES, {
    "active": Term("Active"),
    "ended": Term("Ended"),
    # A tie of any type that is still only talked about is dashed like talks.
    "in_talks": Term("In talks", dash=(4, 5)),
    "terminated": Term("Terminated"),
})

STAKE_BASIS = Terms(contract.STAKE_BASES, {
    "direct": Term("direct", dash="solid"),
    "trust": Term("in trust", dash="dash"),
    "voting": Term("voting rights", dash="dot"),
})

VERDICT = Terms(contract.CLAIM_VERDICTS, {
    "confirmed": Term("Confirmed", GREEN, "circle"),
    "contradicted": Term("Contradicted", VERMILLION, "x"),
    "misdated": Term("Misdated", ORANGE, "diamond"),
    "not_found": Term("Not found", GREY, "circle-open"),
})

# The datasets a translation belongs to, by their titles.
TRANSLATED_DATASET = Terms(contract.TRANSLATIONS.columns[0].allowed, {
    name: Term(contract.DATASETS[name].title) for name in contract.TRANSLATIONS.columns[0].allowed})

ALL_TERMS = (SOURCE_STATUS, DATE_PRECISION, CATEGORY, COMPANY_KIND, MODEL_STATUS, TALK_STATUS, TALK_DOMAIN,
             REGION, LINK_TYPE, LINK_STATUS, STAKE_BASIS, VERDICT, TRANSLATED_DATASET)


def terms_for(allowed: tuple[str, ...]) -> Terms:
    """The terms of a contract column's allowed values."""
    return next(terms for terms in ALL_TERMS if terms.allowed == allowed)

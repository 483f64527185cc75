"""Colours and marker styles shared by every chart, chosen to stay readable for colour-blind readers.

Categories and statuses use the Okabe–Ito palette; companies carry their own colour in
companies.csv. How sure a row is is shown by marker shape as well as colour, never colour alone.
"""

from __future__ import annotations

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")

STATUS_LABELS = {
    "verified": "Verified",
    "conflicting": "Conflicting sources",
    "press_report": "Press report",
    "unverified": "Unverified",
}
STATUS_COLORS = {
    "verified": "#009E73",
    "conflicting": "#E69F00",
    "press_report": "#56B4E9",
    "unverified": "#999999",
}
# Filled for a verified row, hollow or crossed for less sure ones.
STATUS_SYMBOLS = {
    "verified": "circle",
    "conflicting": "diamond",
    "press_report": "circle-open",
    "unverified": "x-thin-open",
}

# Event categories (contract.EVENT_CATEGORIES), one Okabe–Ito colour each; crisis in vermillion.
CATEGORY_COLORS = {
    "alliance": "#0072B2",
    "equity": "#E69F00",
    "plan": "#009E73",
    "product": "#56B4E9",
    "partnership": "#CC79A7",
    "leadership": "#F0E442",
    "crisis": "#D55E00",
    "finance": "#999999",
}

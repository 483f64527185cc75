"""The fact check of the press article: counts per verdict, the chart, the table, the card, the misdating."""

from __future__ import annotations

import re

import pandas as pd

from components.builders import fact_check
from components.data.contract import CLAIM_VERDICTS, PLAN_EVENT
from components.data.vocabulary import SOURCE_STATUS, VERDICT
from tests import factories

HOSTILE = "[click](https://evil.example) <img src=x>"

CLAIMS = factories.frame(
    "claims",
    {"id": "a", "verdict": "confirmed"}, {"id": "b", "verdict": "confirmed"},
    {"id": "c", "verdict": "misdated", "event": PLAN_EVENT.id, "note": "It was 27 January 2022."},
    {"id": "d", "verdict": "not_found"},
)


def test_every_verdict_is_counted_in_the_contracts_order_even_at_zero():
    counts = fact_check.verdict_counts(CLAIMS)
    assert counts.index.tolist() == list(CLAIM_VERDICTS)
    assert counts.to_dict() == {"confirmed": 2, "contradicted": 0, "misdated": 1, "not_found": 1}


def test_the_verdict_chart_draws_each_verdict_in_its_colour_with_its_count():
    [bars] = fact_check.verdict_chart(CLAIMS).data
    assert list(bars.y) == [VERDICT.label(v) for v in CLAIM_VERDICTS]
    assert list(bars.x) == fact_check.verdict_counts(CLAIMS).tolist()
    assert [int(text) for text in bars.text] == list(bars.x)
    assert list(bars.marker.color) == [VERDICT.color(v) for v in CLAIM_VERDICTS]


def test_the_summary_counts_the_claims_and_each_verdict():
    assert fact_check.summary(CLAIMS) == ("4 factual claims of the article checked against public reporting: "
                                          "2 confirmed, 0 contradicted, 1 misdated, 1 not found.")
    assert fact_check.summary(CLAIMS.iloc[0:0]) == "No claim is checked."


def test_the_table_spells_out_verdict_and_status_and_keeps_the_id():
    table = fact_check.table(CLAIMS)
    assert table["id"].tolist() == CLAIMS["id"].tolist()
    assert table["verdict"].tolist() == CLAIMS["verdict"].map(VERDICT.label).tolist()
    assert set(table["how sure"]) == {SOURCE_STATUS.label(CLAIMS.loc[0, "source_status"])}


def test_a_card_shows_both_wordings_the_verdict_and_the_note():
    claim = factories.frame("claims", {"claim_zh": "2025年7月", "claim_en": "In July 2025", "verdict": "misdated",
                                       "note": "It was 27 January 2022.",
                                       "source_url": "https://www.example.org/x"}).iloc[0]
    card = fact_check.card_markdown(claim)
    assert card.startswith(f"**{VERDICT.label('misdated')}**")
    assert "2025年7月" in card and "In July 2025" in card and "example\\.org" in card
    assert "What the reporting says:" in card and "27 January 2022" in card


def test_a_card_without_a_note_says_nothing_of_the_reporting():
    assert "What the reporting says" not in fact_check.card_markdown(CLAIMS.iloc[0])


def test_a_hostile_claim_is_shown_as_text_on_its_card():
    claim = factories.frame("claims", {"claim_en": HOSTILE, "claim_zh": HOSTILE, "note": HOSTILE}).iloc[0]
    card = fact_check.card_markdown(claim)
    # Every Markdown character of the claim is escaped, so no link, image or tag is made of it.
    assert not re.search(r"(?<!\\)[\[\]()<>]", card.replace("**", "").replace("\n> ", "\n")), card


def test_the_plan_misdating_is_the_misdated_claim_about_the_plan_event():
    assert fact_check.plan_misdating(CLAIMS)["id"] == "c"
    assert fact_check.plan_misdating(CLAIMS[CLAIMS["id"] != "c"]) is None
    confirmed = CLAIMS.assign(verdict="confirmed")
    assert fact_check.plan_misdating(confirmed) is None


def test_the_real_fact_check_has_the_plans_misdating_and_its_event_gives_the_real_date(real_data):
    claim = fact_check.plan_misdating(real_data.frames["claims"])
    assert claim is not None
    event = real_data.frames["events"].set_index("id").loc[claim["event"]]
    assert event["date"] == pd.Timestamp("2022-01-27")
    assert "2025" in claim["claim_en"]


def test_the_chart_table_and_card_can_be_written_in_chinese():
    [bars] = fact_check.verdict_chart(CLAIMS, lang="zh").data
    assert list(bars.y) == [VERDICT.label(v, "zh") for v in CLAIM_VERDICTS]
    table = fact_check.table(CLAIMS, lang="zh")
    assert table["id"].tolist() == CLAIMS["id"].tolist() and "source_url" in table.columns
    card = fact_check.card_markdown(CLAIMS.iloc[2], lang="zh")
    assert card.startswith(f"**{VERDICT.label('misdated', 'zh')}**") and "27 January 2022" in card
    assert re.search(r"\b4\b", fact_check.summary(CLAIMS, lang="zh"))  # the count of claims, in Chinese words

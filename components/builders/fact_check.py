"""The fact check of the press article the app's story follows: each claim, its verdict and its evidence.

Pure: the claims frame in, a figure, a table, text out. A claim that no public page confirms stays here
as "not found"; it never becomes a row of the other datasets.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import escape_markdown, source_host
from components.data.contract import CLAIM_VERDICTS, PLAN_EVENT
from components.data.vocabulary import SOURCE_STATUS, VERDICT
from components.i18n import ENGLISH, translator


def verdict_counts(claims: pd.DataFrame) -> pd.Series:
    """Claims per verdict, every verdict present, in the contract's order."""
    return claims["verdict"].value_counts().reindex(list(CLAIM_VERDICTS), fill_value=0)


def verdict_chart(claims: pd.DataFrame, *, lang: str = ENGLISH) -> go.Figure:
    """One horizontal bar per verdict, each in its colour and with its count written on it."""
    _ = translator(lang)
    counts = verdict_counts(claims)
    figure = go.Figure(go.Bar(
        y=[VERDICT.label(v, lang) for v in counts.index], x=counts.to_list(), orientation="h", text=counts.to_list(),
        textposition="auto", marker_color=[VERDICT.color(v) for v in counts.index],
        hovertemplate=_("%{y}: %{x} claims") + "<extra></extra>",
    ))
    figure.update_layout(height=220, margin={"t": 10, "b": 10, "l": 10, "r": 10}, xaxis_title=_("claims"),
                         yaxis={"autorange": "reversed"}, showlegend=False)
    return figure


def summary(claims: pd.DataFrame, *, lang: str = ENGLISH) -> str:
    """The text alternative of the verdict chart."""
    _ = translator(lang)
    if claims.empty:
        return _("No claim is checked.")
    counts = verdict_counts(claims)
    parts = _.join(_("{count} {verdict}", count=n, verdict=VERDICT.label(v, lang).lower()) for v, n in counts.items())
    return _("{count} factual claims of the article checked against public reporting: {verdicts}.",
             count=len(claims), verdicts=parts)


def table(claims: pd.DataFrame, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The claims as the page shows them: the verdict and how sure spelled out, the id kept for links (id and
    source_url keep their names: the page uses them)."""
    _ = translator(lang)
    return pd.DataFrame({
        "id": claims["id"],
        _("claim"): claims["claim_en"],
        _("original wording"): claims["claim_zh"],
        _("verdict"): claims["verdict"].map(lambda verdict: VERDICT.label(verdict, lang)),
        _("what the reporting says"): claims["note"],
        _("how sure"): claims["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        "source_url": claims["source_url"],
    }).reset_index(drop=True)


def card_markdown(claim: pd.Series, *, lang: str = ENGLISH) -> str:
    """A claim's card: the claim in both languages, the verdict and what the reporting says."""
    _ = translator(lang)
    return (
        _("**{verdict}** · {status} · source: {host}",
          verdict=escape_markdown(VERDICT.label(claim["verdict"], lang)),
          status=escape_markdown(SOURCE_STATUS.label(claim["source_status"], lang)),
          host=escape_markdown(source_host(claim["source_url"]))) + "\n\n"
        f"> {escape_markdown(claim['claim_zh'])}\n\n"
        f"{escape_markdown(claim['claim_en'])}\n\n"
        + (_("**What the reporting says:** {note}", note=escape_markdown(claim["note"])) if claim["note"] else "")
    )


def plan_misdating(claims: pd.DataFrame) -> pd.Series | None:
    """The article's best-known error: its date for the Alliance to 2030 plan, if the fact check has it."""
    found = claims[(claims["event"] == PLAN_EVENT.id) & (claims["verdict"] == "misdated")]
    return found.iloc[0] if len(found) else None

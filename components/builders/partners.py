"""What the Partners page computes from talks.csv: filters, who brings what, timelines, text alternatives.

The test of a good partnership in the press account this app's story follows is
reciprocity: "they have what we want, we have what they want". A talk passes it when each side
brings at least one domain (nissan_domains and partner_domains both filled in). The reciprocity
grid shows, per partner and domain, whether Nissan's side brings it, the partner does, or both do.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from components.builders.text import escape_markdown, plotly_text, shorten, wrap
from components.data.contract import REGIONS, TALK_DOMAINS, TALK_STATUSES
from components.data.vocabulary import BLUE, GREEN, ORANGE, REGION, SOURCE_STATUS, TALK_DOMAIN, TALK_STATUS
from components.i18n import ENGLISH, N_, translator

# Who brings a domain: three Okabe–Ito colours that stay apart for colour-blind readers, and an arrow in each cell
# (from Nissan's side to the partner, back, or both ways), which fits a cell on a phone in any language.
SIDES = ("nissan", "partner", "both")
SIDE_GLYPHS = {"nissan": "→", "partner": "←", "both": "⇄"}
SIDE_COLORS = {"nissan": BLUE, "partner": ORANGE, "both": GREEN}
# Each side in the grid's legend, in its hover and in its text alternative.
SIDE_LEGENDS = {"nissan": N_("Nissan's side"), "partner": N_("The partner"),
                "both": N_("Both (reciprocal in that domain)")}
SIDE_HOVERS = {"nissan": N_("Nissan's side brings it"), "partner": N_("the partner brings it"),
               "both": N_("both sides bring it")}
SIDE_SUMMARIES = {"nissan": N_("Nissan's side brings it: {domains}."),
                  "partner": N_("The partner brings it: {domains}."), "both": N_("Both sides bring it: {domains}.")}

RECIPROCITY_LABELS = {  # shown translated: _(RECIPROCITY_LABELS[kind])
    "reciprocal": N_("Reciprocal"),
    "nissan_only": N_("Nissan's side only"),
    "partner_only": N_("Partner only"),
    "not_recorded": N_("Not recorded"),
}


# --- filtering ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Choices:
    """The values each filter offers: those present in the talks, in contract order."""

    partners: list[str]
    domains: list[str]
    regions: list[str]
    statuses: list[str]


DOMAIN_COLUMNS = ("domain", "nissan_domains", "partner_domains")


def talk_domains(talk) -> set[str]:
    """Every domain a talk touches: what it is about and what either side brings."""
    return {domain for column in DOMAIN_COLUMNS for domain in getattr(talk, column)}


def choices(talks: pd.DataFrame, names: pd.Series) -> Choices:
    domains = set().union(*(talk_domains(talk) for talk in talks.itertuples()))
    return Choices(
        partners=sorted(talks["partner"].unique(), key=lambda company: names.get(company, company).lower()),
        domains=[domain for domain in TALK_DOMAINS if domain in domains],
        regions=[region for region in REGIONS if region in set(talks["region"])],
        statuses=[status for status in TALK_STATUSES if status in set(talks["status"])],
    )


def filter_talks(talks: pd.DataFrame, *, partners: list[str], domains: list[str], regions: list[str],
                 statuses: list[str]) -> pd.DataFrame:
    """The talks with one of `partners`, touching at least one of `domains` (see talk_domains), in `regions`,
    at `statuses`."""
    wanted = set(domains)
    touches = pd.Series([not wanted.isdisjoint(talk_domains(talk)) for talk in talks.itertuples()],
                        index=talks.index, dtype=bool)
    keep = (talks["partner"].isin(partners) & touches & talks["region"].isin(regions)
            & talks["status"].isin(statuses))
    return talks[keep]


def ordered(talks: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """Talks grouped by partner (by name), each partner's talks in the order they were first reported."""
    key = talks["partner"].map(lambda company: names.get(company, company).lower())
    return (talks.assign(_name=key).sort_values(["_name", "first_reported", "last_update", "id"], kind="stable")
            .drop(columns="_name"))


# A talk timeline taller than this many rows is no longer read as a whole (and costs the browser seconds): past it,
# the chart draws the talks updated most recently, and the page says so.
MAX_TIMELINE_ROWS = 60
MAX_GRID_PARTNERS = 40


def most_recent(talks: pd.DataFrame, names: pd.Series, limit: int = MAX_TIMELINE_ROWS) -> pd.DataFrame:
    """The `limit` talks updated most recently, grouped as `ordered` groups them."""
    latest = talks.sort_values(["last_update", "id"], ascending=[False, True], kind="stable").head(limit)
    return ordered(latest, names)


def most_recent_partners(talks: pd.DataFrame, limit: int = MAX_GRID_PARTNERS) -> pd.DataFrame:
    """The talks of the `limit` partners whose talks were updated most recently (the grid's rows)."""
    latest = talks.groupby("partner")["last_update"].max().sort_values(ascending=False, kind="stable")
    return talks[talks["partner"].isin(latest.index[:limit])]


# --- reciprocity -------------------------------------------------------------------------------

def reciprocity_of(nissan_domains: tuple[str, ...], partner_domains: tuple[str, ...]) -> str:
    """reciprocal, nissan_only, partner_only or not_recorded, from a talk's two domain lists."""
    nissan, partner = bool(nissan_domains), bool(partner_domains)
    if nissan and partner:
        return "reciprocal"
    return "nissan_only" if nissan else ("partner_only" if partner else "not_recorded")


def talk_reciprocity(talks: pd.DataFrame) -> pd.Series:
    return pd.Series([reciprocity_of(n, p) for n, p in zip(talks["nissan_domains"], talks["partner_domains"],
                                                            strict=True)], index=talks.index, dtype=object)


@dataclass(frozen=True)
class ReciprocityCount:
    reciprocal: int
    recorded: int
    total: int

    def text(self, lang: str = ENGLISH) -> str:
        """4 of 5: the reciprocal talks out of those whose contributions are recorded."""
        _ = translator(lang)
        return _("{count} of {total}", count=self.reciprocal, total=self.recorded)


def reciprocity_count(talks: pd.DataFrame) -> ReciprocityCount:
    """The reciprocity test as a number: talks where each side brings something, out of those where it is recorded."""
    kinds = talk_reciprocity(talks)
    return ReciprocityCount(int((kinds == "reciprocal").sum()), int((kinds != "not_recorded").sum()), len(talks))


def who_brings(talks: pd.DataFrame, domains: list[str]) -> pd.DataFrame:
    """One row per partner and domain someone brings: side (nissan, partner, both), the talks behind it,
    and who made up Nissan's side when it brings the domain (the counterparts: usually just nissan).

    A partner's several talks are pooled: Nissan brings a domain to Honda if it does in any of their talks.
    Only `domains` are kept (the columns of the grid).
    """
    rows = []
    for partner, group in talks.groupby("partner", sort=False):
        parsed = list(zip(group["id"], group["nissan_domains"], group["partner_domains"], group["counterpart"]))
        for domain in domains:
            from_nissan = [talk for talk in parsed if domain in talk[1]]
            from_partner = [talk for talk in parsed if domain in talk[2]]
            if not (from_nissan or from_partner):
                continue
            side = "both" if from_nissan and from_partner else ("nissan" if from_nissan else "partner")
            nissan_side = list(dict.fromkeys(c for talk in from_nissan for c in talk[3]))
            talk_ids = list(dict.fromkeys(talk[0] for talk in from_nissan + from_partner))
            rows.append((partner, domain, side, talk_ids, nissan_side))
    return pd.DataFrame(rows, columns=["partner", "domain", "side", "talks", "nissan_side"])


def grid_rows(talks: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> dict[str, str]:
    """Each partner's row label: its name, and Nissan's side when Nissan itself is in none of its talks
    (Foxtron ↔ Mitsubishi Motors)."""
    _ = translator(lang)
    rows = {}
    for partner, group in ordered(talks, names).groupby("partner", sort=False):
        sides = list(dict.fromkeys(c for cell in group["counterpart"] for c in cell))
        rows[partner] = names.get(partner, partner) + (
            "" if "nissan" in sides else " ↔ " + _.join(names.get(c, c) for c in sides))
    return rows


def reciprocity_grid(talks: pd.DataFrame, domains: list[str], names: pd.Series, *,
                     lang: str = ENGLISH) -> go.Figure:
    """Partners (rows) × domains (columns); each cell coloured AND labelled Nissan, Partner or Both.

    A heatmap with three discrete colours (empty cells stay empty, so either theme shows through),
    plus one legend entry per colour.
    """
    _ = translator(lang)
    rows = grid_rows(talks, names, lang=lang)
    cells = who_brings(talks, domains).set_index(["partner", "domain"])
    code = {side: i for i, side in enumerate(SIDES)}
    z, text, hover = [], [], []
    for partner in rows:
        z.append([]), text.append([]), hover.append([])
        for domain in domains:
            if (partner, domain) not in cells.index:
                z[-1].append(None), text[-1].append(""), hover[-1].append("")
                continue
            cell = cells.loc[(partner, domain)]
            z[-1].append(code[cell["side"]])
            text[-1].append(SIDE_GLYPHS[cell["side"]])  # the legend and the hover say it in words
            said = {"partner": plotly_text(names.get(partner, partner)), "domain": TALK_DOMAIN.label(domain, lang),
                    "who": _(SIDE_HOVERS[cell["side"]]), "talks": plotly_text(_.join(cell["talks"]))}
            bringer = _.join(names.get(c, c) for c in cell["nissan_side"])
            hover[-1].append(
                _("{partner} · {domain}: {who} (Nissan's side: {companies}). Talks: {talks}",
                  companies=plotly_text(bringer), **said) if bringer
                else _("{partner} · {domain}: {who}. Talks: {talks}", **said))
    figure = go.Figure(go.Heatmap(
        z=z, x=[TALK_DOMAIN.label(d, lang) for d in domains], y=[plotly_text(row) for row in rows.values()], text=text,
        texttemplate="%{text}", textfont={"size": 16}, customdata=hover, hovertemplate="%{customdata}<extra></extra>",
        zmin=-0.5, zmax=len(SIDES) - 0.5, showscale=False, hoverongaps=False, xgap=3, ygap=3,
        colorscale=[[edge, SIDE_COLORS[side]] for i, side in enumerate(SIDES)
                    for edge in (i / len(SIDES), (i + 1) / len(SIDES))],
    ))
    for side in SIDES:  # legend entries only: a heatmap has none of its own
        figure.add_scatter(x=[None], y=[None], mode="markers", name=f"{SIDE_GLYPHS[side]} {_(SIDE_LEGENDS[side])}",
                           hoverinfo="skip",
                           marker={"symbol": "square", "size": 14, "color": SIDE_COLORS[side]})
    figure.update_layout(
        height=max(220, 48 * len(rows) + 120),
        # The domains along the bottom, where their labels may take the room they need (a phone turns them on
        # end); the legend above the cells, where it is read first.
        margin={"t": 84, "l": 10, "r": 10, "b": 10},
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "title": {"text": _("Who brings it: ")}},
        xaxis={"side": "bottom", "showgrid": False, "fixedrange": True, "type": "category"},
        yaxis={"autorange": "reversed", "showgrid": False, "fixedrange": True, "type": "category"},
        dragmode=False,
    )
    return figure


def reciprocity_summary(talks: pd.DataFrame, domains: list[str], names: pd.Series, *, lang: str = ENGLISH) -> str:
    """The text alternative of the reciprocity grid."""
    _ = translator(lang)
    cells = who_brings(talks, domains)
    count = reciprocity_count(talks)
    rows = grid_rows(talks, names, lang=lang)
    parts = [_("{partners} partner(s) across {domains} domain(s). Reciprocal talks, where each side brings at least "
               "one domain: {reciprocal} talks whose contributions are recorded ({total} shown).",
               partners=len(rows), domains=len(domains), reciprocal=count.text(lang), total=count.total)]
    for side in SIDES:
        part = cells[cells["side"] == side]
        by_domain = part.groupby("domain", sort=False)["partner"].agg(list)
        listed = "; ".join(_("{domain} ({partners})", domain=TALK_DOMAIN.label(domain, lang),
                             partners=_.join(rows[p] for p in by_domain[domain]))
                           for domain in domains if domain in by_domain.index)
        parts.append(_(SIDE_SUMMARIES[side], domains=listed or _("no domain")))
    silent = [row for partner, row in rows.items() if partner not in set(cells["partner"])]
    if silent:
        parts.append(_("Nothing recorded in these domains for: {partners}.", partners=_.join(silent)))
    return " ".join(parts)


# --- timelines ---------------------------------------------------------------------------------

MIN_BAR_SHARE = 0.008  # a same-day talk still gets a bar this share of the time axis wide


def talk_rows(talks: pd.DataFrame, *, lang: str = ENGLISH) -> pd.Series:
    """Each talk's row label within its partner: its domains, plus the month (then the id) if that repeats."""
    _ = translator(lang)
    base = talks["domain"].map(lambda cell: _.join(TALK_DOMAIN.label(d, lang) for d in cell))
    month = base + " · " + talks["first_reported"].map(_.month)
    named = base.where(~_repeats(talks["partner"], base), month)
    return named.where(~_repeats(talks["partner"], named), named + " · " + talks["id"])


def _repeats(partner: pd.Series, row: pd.Series) -> pd.Series:
    return pd.DataFrame({"partner": partner, "row": row}).duplicated(keep=False)


def talk_names(talks: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.Series:
    """A short, unique name per talk: Honda · Equity, or Honda · Equity · Dec 2024 if Honda has two."""
    return talks["partner"].map(lambda p: names.get(p, p)) + " · " + talk_rows(talks, lang=lang)


def timeline(talks: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> go.Figure:
    """One row per talk, grouped by partner: a bar from first report to last update coloured by status,
    and at its end a marker whose shape and label say the status too (so a same-day talk still shows).

    Rows are the talk ids in a fixed order (partners by name, each one's talks by first report); the
    partner is named on its first row and every other partner's rows are shaded, to read as groups.
    """
    _ = translator(lang)
    talks = ordered(talks, names)
    start, end = talks["first_reported"].min(), talks["last_update"].max()
    span = max(end - start, pd.Timedelta(days=30))
    drawn = talks.assign(
        _width=(talks["last_update"] - talks["first_reported"]).clip(lower=span * MIN_BAR_SHARE),
        _hover=[_talk_hover(talk, names, lang) for talk in talks.itertuples()],
    )
    figure = go.Figure()
    for status in TALK_STATUSES:
        part = drawn[drawn["status"] == status]
        if part.empty:
            continue
        color = TALK_STATUS.color(status)
        common = {"y": part["id"].tolist(), "name": TALK_STATUS.label(status, lang), "legendgroup": status,
                  "customdata": part["id"].tolist(), "hovertext": part["_hover"].tolist(),
                  "hovertemplate": "%{hovertext}<extra></extra>"}
        figure.add_bar(
            base=part["first_reported"].dt.strftime("%Y-%m-%d").tolist(),
            x=(part["_width"].dt.total_seconds() * 1000).tolist(), orientation="h", width=0.55,
            marker={"color": color}, showlegend=False, **common,
        )
        # The legend shows these end markers, so it names each status by shape as well as colour.
        figure.add_scatter(
            x=part["last_update"].dt.strftime("%Y-%m-%d").tolist(), mode="markers+text",
            marker={"symbol": TALK_STATUS.symbol(status), "size": 13, "color": color,
                    "line": {"width": 2, "color": color}},
            # The latest update's month: the status is the marker's shape and colour, named in the legend.
            text=[_.month(ts) for ts in part["last_update"]],
            textposition="middle right", cliponaxis=False, **common,
        )
    first_rows = ~talks["partner"].duplicated()
    ticks = [_row_label(names.get(p, p) if first else None, row)
             for p, row, first in zip(talks["partner"], talk_rows(talks, lang=lang), first_rows, strict=True)]
    # Every other partner's rows shaded, one band per partner, in a grey that reads in either theme. Shapes are
    # given at once: adding them one by one costs plotly time that grows with the square of their number.
    starts = [index for index, first in enumerate(first_rows) if first] + [len(talks)]
    bands = [{"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "yref": "y", "y0": top - 0.5, "y1": bottom - 0.5,
              "fillcolor": "rgba(128,128,128,0.12)", "line": {"width": 0}, "layer": "below"}
             for group, (top, bottom) in enumerate(zip(starts, starts[1:])) if group % 2]
    figure.update_layout(
        shapes=bands,
        barmode="overlay", height=max(260, 32 * len(talks) + 110), hoverlabel={"align": "left"},
        margin={"t": 10, "l": 24, "r": 70, "b": 10},  # room for the latest talks' end labels, and the row labels
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "title": {"text": _("Status: ")}},
        xaxis={"type": "date", "range": [start - span * 0.03, end + span * 0.03]},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": talks["id"].tolist(),
               "tickvals": talks["id"].tolist(), "ticktext": ticks, "range": [len(talks) - 0.5, -0.5],
               "showgrid": False},
    )
    return figure


def _row_label(partner: str | None, row: str) -> str:
    """A talk's row label, the partner named on its first row, in at most two short lines, so the chart keeps its
    plot area on a phone (the hover has the rest). Plain text: Plotly under-measures bold labels and cuts them."""
    text = shorten(row if partner is None else f"{partner} · {row}", 56)
    lines = [plotly_text(line) for line in wrap(text, 28)]
    return "<br>".join(lines)


def _talk_hover(talk, names: pd.Series, lang: str) -> str:
    _ = translator(lang)
    partner = plotly_text(names.get(talk.partner, talk.partner))
    side = plotly_text(_.join(names.get(c, c) for c in talk.counterpart))
    summary = "<br>".join(plotly_text(line) for line in wrap(talk.summary, 70))
    click = _("Click for its details")
    return (f"<b>{partner}</b> · {TALK_STATUS.label(talk.status, lang)}<br>"
            f"{_.date(talk.first_reported)} → {_.date(talk.last_update)}<br>"
            f"{side}: {plotly_text(_domains_text(talk.nissan_domains, lang))}<br>"
            f"{partner}: {plotly_text(_domains_text(talk.partner_domains, lang))}<br>"
            f"{summary}<br><i>{click}</i>")


def _status_word(status: str, lang: str) -> str:
    label = TALK_STATUS.label(status, lang)
    return label if status == "mou" else label.lower()


def _domains_text(domains: tuple[str, ...], lang: str) -> str:
    _ = translator(lang)
    return _.join(TALK_DOMAIN.label(d, lang) for d in domains).lower() or _("not recorded")


def timeline_summary(talks: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> str:
    """The text alternative of the timeline chart."""
    _ = translator(lang)
    talks = ordered(talks, names)
    statuses = talks["status"].value_counts()
    by_status = _.join(_("{status} {count}", status=_status_word(s, lang), count=statuses[s])
                       for s in TALK_STATUSES if s in statuses)
    parts = [_("{talks} talk(s) with {partners} partner(s), first reported between {first} and {last}; latest "
               "update {update}. By status: {statuses}.", talks=len(talks), partners=talks["partner"].nunique(),
               first=_.date(talks["first_reported"].min()), last=_.date(talks["first_reported"].max()),
               update=_.date(talks["last_update"].max()), statuses=by_status)]
    ended = talks[talks["status"] == "terminated"]
    if not ended.empty:
        ended_talks = [_("{partner} ({domains}), {start} to {end}", partner=names.get(t.partner, t.partner),
                         domains=_domains_text(t.domain, lang), start=_.date(t.first_reported),
                         end=_.date(t.last_update)) for t in ended.itertuples()]
        parts.append(_("Ended: {talks}.", talks="; ".join(ended_talks)))
    return " ".join(parts)


# --- the table and a talk's card ----------------------------------------------------------------

def table(talks: pd.DataFrame, names: pd.Series, *, lang: str = ENGLISH) -> pd.DataFrame:
    """The talks as readers read them: names for ids, labels for codes, reciprocity spelled out.

    `id` and `source_url` keep their names in every language (the page finds its rows and links by them)."""
    _ = translator(lang)
    talks = ordered(talks, names)

    def domains(cell: tuple[str, ...]) -> str:
        return _.join(TALK_DOMAIN.label(domain, lang) for domain in cell)

    return pd.DataFrame({
        "id": talks["id"],
        _("partner"): talks["partner"].map(lambda p: names.get(p, p)),
        _("Nissan's side"): talks["counterpart"].map(lambda cell: _.join(names.get(c, c) for c in cell)),
        _("domain"): talks["domain"].map(domains),
        _("region"): talks["region"].map(lambda region: REGION.label(region, lang)),
        _("status"): talks["status"].map(lambda status: TALK_STATUS.label(status, lang)),
        _("first reported"): talks["first_reported"],
        _("last update"): talks["last_update"],
        _("reciprocal"): talk_reciprocity(talks).map(lambda kind: _(RECIPROCITY_LABELS[kind])),
        _("Nissan brings"): talks["nissan_domains"].map(domains),
        _("Nissan's offer"): talks["nissan_offers"],
        _("partner brings"): talks["partner_domains"].map(domains),
        _("partner's offer"): talks["partner_offers"],
        _("summary"): talks["summary"],
        _("how sure"): talks["source_status"].map(lambda status: SOURCE_STATUS.label(status, lang)),
        "source_url": talks["source_url"],
    })


@dataclass(frozen=True)
class Card:
    """A talk's detail card, as escaped Markdown ready for the page."""

    title: str
    facts: str
    nissan: str
    partner: str
    summary: str
    source_url: str
    source_status: str


def card(talk: pd.Series, names: pd.Series, *, lang: str = ENGLISH) -> Card:
    _ = translator(lang)
    partner = names.get(talk["partner"], talk["partner"])
    side = _.join(names.get(c, c) for c in talk["counterpart"])
    when = f"{_.date(talk['first_reported'])} → {_.date(talk['last_update'])}"
    reciprocity = _(RECIPROCITY_LABELS[reciprocity_of(talk["nissan_domains"], talk["partner_domains"])])
    summary = escape_markdown(talk["summary"])
    if talk["note"]:
        summary += "\n\n" + _("*Note:* {note}", note=escape_markdown(talk["note"]))
    nissan_brings = _.ngettext("**{companies} brings** ({domains})", "**{companies} bring** ({domains})",
                               len(talk["counterpart"]), companies=escape_markdown(side),
                               domains=escape_markdown(_domains_text(talk["nissan_domains"], lang)))
    partner_brings = _("**{company} brings** ({domains})", company=escape_markdown(partner),
                       domains=escape_markdown(_domains_text(talk["partner_domains"], lang)))
    return Card(
        title=escape_markdown(f"{partner} · {TALK_STATUS.label(talk['status'], lang)}"),
        facts=" · ".join(escape_markdown(part) for part in (
            _.join(TALK_DOMAIN.label(d, lang) for d in talk["domain"]), REGION.label(talk["region"], lang), when,
            _("Nissan's side: {companies}", companies=side), reciprocity)),
        nissan=_offer(nissan_brings, talk["nissan_offers"], lang),
        partner=_offer(partner_brings, talk["partner_offers"], lang),
        summary=summary,
        source_url=talk["source_url"],
        source_status=SOURCE_STATUS.label(talk["source_status"], lang),
    )


def _offer(heading: str, offer: str, lang: str) -> str:
    """A side's heading (Markdown, data escaped) over what it offers."""
    _ = translator(lang)
    not_reported = _("*Not reported.*")
    return f"{heading}\n\n{escape_markdown(offer) or not_reported}"

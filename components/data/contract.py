"""The data contract: which files make up a data folder, their columns, types and allowed values.

Written once, here. The validator checks every file against it and the Data page renders the
data dictionary from it, so the two cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from components.i18n import N_

SOURCE_STATUSES = ("verified", "conflicting", "press_report", "unverified")
DATE_PRECISIONS = ("day", "month", "year")

COMPANY_KINDS = (
    "automaker", "technology", "supplier", "investor", "joint_venture", "trust", "government", "other",
)
EVENT_CATEGORIES = (
    "alliance",      # the alliance's own agreements and structure
    "equity",        # a stake bought, sold or moved
    "plan",          # strategic plans: Revival, Alliance 2022, Alliance to 2030, Re:Nissan
    "product",       # vehicles, platforms and technologies launched or unveiled
    "partnership",   # ties with companies outside the three partners
    "leadership",    # chief executives and chairs
    "crisis",        # arrests, withdrawals, losses that shook the alliance
    "finance",       # results, asset sales and write-downs
)
MODEL_STATUSES = ("launched", "planned", "cancelled")
TALK_STATUSES = ("rumoured", "exploring", "mou", "agreement", "terminated")
TALK_DOMAINS = (
    "platform", "powertrain", "driver_assistance", "manufacturing", "battery", "software",
    "equity", "vehicle_supply", "market_access",
)
REGIONS = ("global", "japan", "north_america", "europe", "china", "asia_pacific", "oceania")
LINK_TYPES = (
    "equity", "platform_sharing", "technology", "manufacturing", "supply", "joint_venture",
    "merger_talks", "talks",
)
LINK_STATUSES = ("active", "ended", "in_talks", "terminated")
STAKE_BASES = ("direct", "trust", "voting")
CLAIM_VERDICTS = ("confirmed", "contradicted", "misdated", "not_found")

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection). The app's CSV exports put
# an apostrophe before it, and reading a file takes that apostrophe off again, so an export reads back as it was.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# Column kinds whose cells hold several `;`-separated values: typed as tuples when a folder is read.
LIST_KINDS = ("refs", "enum_list", "tags")


@dataclass(frozen=True)
class Column:
    """One column of a dataset.

    kind is one of: id (a slug unique in its file), text, date (YYYY-MM-DD), year, number,
    integer, enum (one of `allowed`), enum_list (`;`-separated values of `allowed`), ref (the id
    of a row in dataset `ref`), refs (`;`-separated such ids), tags (`;`-separated slugs), country
    (ISO 3166 alpha-2), color (#rrggbb) or url (one http/https address). The list kinds (LIST_KINDS)
    are read as tuples.
    """

    name: str
    kind: str
    description: str
    required: bool = True
    allowed: tuple[str, ...] = ()
    ref: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    # A text column is shown in the reader's language, from the translations dataset, unless it is already
    # in another language on purpose (the fact check's original wording).
    translated: bool = True

    @property
    def type_label(self) -> str:
        """How the data dictionary names this column's type."""
        if self.kind in ("ref", "refs"):
            return f"{self.kind} → {self.ref}.id"
        return self.kind


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    # Pairs of date columns where the second, when given, may not come before the first.
    date_order: tuple[tuple[str, str], ...] = ()

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _provenance() -> tuple[Column, ...]:
    note = N_("Anything a reader should know: other figures in circulation, a second source.")
    return (
        Column("source_url", "url", "The public source of this row: one http(s) address."),
        Column("source_status", "enum", "How sure the row is: verified, conflicting (sources differ; see note), "
               "press_report (one outlet's report) or unverified (shown as such).", allowed=SOURCE_STATUSES),
        Column("note", "text", note, required=False),
    )


def _date(name: str, description: str, required: bool = True) -> Column:
    return Column(name, "date", description, required=required)


COMPANIES = Dataset(
    "companies", N_("Companies"),
    N_("Every company, joint venture, trust and state that appears elsewhere in the data."),
    (
        Column("id", "id", "Short slug used everywhere else, e.g. nissan."),
        Column("name", "text", "Display name."),
        Column("country", "country", "Home country, ISO 3166 alpha-2 code."),
        Column("kind", "enum", "What sort of organisation it is.", allowed=COMPANY_KINDS),
        Column("color", "color", "Its colour in every chart (#rrggbb), from a colour-blind-safe palette."),
        *_provenance(),
    ),
)

EVENTS = Dataset(
    "events", N_("Events"),
    N_("Dated milestones of the alliance and of Nissan's search for partners, 1999 to 2025."),
    (
        Column("id", "id", "Short slug, e.g. alliance-signed."),
        _date("date", "When it happened (the first day of the month or year when only that is known)."),
        Column("date_precision", "enum", "How much of the date is known.", allowed=DATE_PRECISIONS),
        _date("end_date", "Last day of a period; blank for a point event.", required=False),
        Column("title", "text", "One-line headline."),
        Column("category", "enum", "What kind of event it is.", allowed=EVENT_CATEGORIES),
        Column("companies", "refs", "The companies involved, `;`-separated ids.", ref="companies"),
        Column("summary", "text", "Two or three sentences on what happened."),
        Column("value", "number", "The headline figure, if any.", required=False),
        Column("unit", "text", "Unit of value, e.g. EUR bn, %, jobs.", required=False),
        Column("tags", "tags", "`;`-separated tags that group events across categories, "
               "e.g. alliance-to-2030.", required=False),
        *_provenance(),
    ),
    date_order=(("date", "end_date"),),
)

STAKES = Dataset(
    "stakes", N_("Cross-shareholdings"),
    N_("One row each time a holder's stake in a target changes, so a step chart can be drawn."),
    (
        _date("date", "From when the stake holds."),
        Column("date_precision", "enum", "How much of the date is known.", allowed=DATE_PRECISIONS),
        Column("holder", "ref", "Who holds the shares.", ref="companies"),
        Column("target", "ref", "Whose shares they are.", ref="companies"),
        Column("pct", "number", "Percent of the target's share capital held from that date (0 after a sale).",
               minimum=0, maximum=100),
        Column("basis", "enum", "direct (held and voted), trust (held in trust, neutralised voting) "
               "or voting (a voting-rights figure).", allowed=STAKE_BASES),
        *_provenance(),
    ),
)

PLATFORMS = Dataset(
    "platforms", N_("Platforms"),
    N_("The five common EV platforms of the Alliance to 2030 plan (27 January 2022)."),
    (
        Column("id", "id", "Short slug, e.g. cmf-ev."),
        Column("name", "text", "Name at the plan's announcement, e.g. CMF-EV."),
        Column("later_name", "text", "Name after Ampere's 2023 renaming, e.g. AmpR Medium.", required=False),
        Column("lead", "ref", "The partner that leads the platform.", ref="companies"),
        Column("builder", "text", "Who engineers or builds it, where that differs from the lead.", required=False),
        Column("segment", "text", "What the platform is for, e.g. kei cars, vans."),
        _date("announced", "When the platform was announced."),
        *_provenance(),
    ),
)

MODELS = Dataset(
    "models", N_("Models"),
    N_("Models built, planned or cancelled on the five platforms."),
    (
        Column("id", "id", "Short slug, e.g. nissan-ariya."),
        Column("name", "text", "Model name."),
        Column("brand", "ref", "The brand's company.", ref="companies"),
        Column("platform", "ref", "The platform it is built on.", ref="platforms"),
        Column("launch_year", "year", "Year of launch (or planned launch); blank if not known.", required=False,
               minimum=1999, maximum=2035),
        Column("status", "enum", "Where the model stands.", allowed=MODEL_STATUSES),
        *_provenance(),
    ),
)

PLAN_TARGETS = Dataset(
    "plan_targets", N_("Plan targets"),
    N_("The targets of Alliance to 2030, as announced on 27 January 2022."),
    (
        Column("id", "id", "Short slug, e.g. ev-models."),
        Column("metric", "text", "What is targeted."),
        Column("value", "number", "The target figure."),
        Column("unit", "text", "Unit of value, e.g. EUR bn, models, %, GWh."),
        Column("target_year", "year", "Year by which it is due.", minimum=2022, maximum=2035),
        *_provenance(),
        Column("measure_launched_on", "refs", "How the Plan page measures the target from the data: the "
               "number of models launched on these platforms, `;`-separated ids. Blank where the data "
               "can't measure it.", required=False, ref="platforms"),
    ),
)

TALKS = Dataset(
    "talks", N_("Partner talks"),
    N_("Nissan's talks with partners, 2024–2025: who brings what to each."),
    (
        Column("id", "id", "Short slug, e.g. honda-merger."),
        Column("partner", "ref", "The partner company.", ref="companies"),
        Column("counterpart", "refs", "Nissan's side of the talk (usually nissan), `;`-separated ids.",
               ref="companies"),
        Column("domain", "enum_list", "What the talk is about, `;`-separated.", allowed=TALK_DOMAINS),
        Column("region", "enum", "Where it applies.", allowed=REGIONS),
        Column("status", "enum", "How far it has got.", allowed=TALK_STATUSES),
        _date("first_reported", "When it was first reported."),
        _date("last_update", "The latest dated news of it."),
        Column("nissan_offers", "text", "What Nissan brings."),
        Column("partner_offers", "text", "What the partner brings."),
        Column("nissan_domains", "enum_list", "The domains Nissan brings, `;`-separated.", allowed=TALK_DOMAINS,
               required=False),
        Column("partner_domains", "enum_list", "The domains the partner brings, `;`-separated.",
               allowed=TALK_DOMAINS, required=False),
        Column("summary", "text", "What happened."),
        *_provenance(),
    ),
    date_order=(("first_reported", "last_update"),),
)

LINKS = Dataset(
    "links", N_("Network links"),
    N_("The ties between companies, 1999–2025, with start and end so the network can be drawn as of any date."),
    (
        Column("id", "id", "Short slug, e.g. renault-nissan-equity-1999."),
        Column("source", "ref", "One end of the tie.", ref="companies"),
        Column("target", "ref", "The other end.", ref="companies"),
        Column("type", "enum", "What sort of tie.", allowed=LINK_TYPES),
        _date("start", "When it began."),
        _date("end", "When it ended; blank if ongoing.", required=False),
        Column("status", "enum", "Where it stands now.", allowed=LINK_STATUSES),
        Column("weight", "integer", "How strong the tie is, 1 (loose) to 5 (controlling stake).",
               minimum=1, maximum=5),
        Column("label", "text", "Short description shown on hover."),
        *_provenance(),
    ),
    date_order=(("start", "end"),),
)

CLAIMS = Dataset(
    "claims", N_("Fact check"),
    N_("Each factual claim of the Chinese-language press article of late 2025 that this app's story follows, "
    "checked against public reporting."),
    (
        Column("id", "id", "Short slug, e.g. plan-dated-july-2025."),
        Column("claim_zh", "text", "The claim in the article's own words (Chinese).", translated=False),
        Column("claim_en", "text", "The claim in English."),
        Column("verdict", "enum", "What public reporting says: confirmed, contradicted (it says otherwise), "
               "misdated (true, but not then) or not_found (no public page found).", allowed=CLAIM_VERDICTS),
        Column("source_url", "url", "The page that confirms or contradicts the claim; for not_found, the closest "
               "page checked."),
        Column("source_status", "enum", "How sure the verdict is: verified (the page itself says it), "
               "press_report (one outlet's report) or unverified.", allowed=SOURCE_STATUSES),
        Column("note", "text", "The right date or figure, or what was searched.", required=False),
        Column("event", "ref", "The matching event, if the data has one.", ref="events", required=False),
    ),
)

STORY_DATASETS = (COMPANIES, EVENTS, STAKES, PLATFORMS, MODELS, PLAN_TARGETS, TALKS, LINKS, CLAIMS)


def translated_columns(dataset: Dataset) -> tuple[str, ...]:
    """The columns of `dataset` whose text a reader reads in their own language."""
    return tuple(column.name for column in dataset.columns if column.kind == "text" and column.translated)


TRANSLATIONS = Dataset(
    "translations", N_("Translations"),
    N_("The data's texts in Simplified Chinese, one row per cell, with the English each translates: a "
       "translation whose English has changed since is stale, and the English is shown instead."),
    (
        Column("dataset", "enum", "The dataset the text belongs to.",
               allowed=tuple(dataset.name for dataset in STORY_DATASETS if translated_columns(dataset))),
        Column("key", "text", "The row: its id (a stake, which has none: holder>target|basis|date).", translated=False),
        Column("column", "text", "The column the text is in.", translated=False),
        Column("en", "text", "The English text, as it was when translated.", translated=False),
        Column("zh", "text", "Its translation into Simplified Chinese.", translated=False),
    ),
)

DATASETS: dict[str, Dataset] = {dataset.name: dataset for dataset in (*STORY_DATASETS, TRANSLATIONS)}


@dataclass(frozen=True)
class Anchor:
    """A row the story names by id. Data without it still loads: the pages that use it say it is missing."""

    dataset: str
    id: str
    used_for: str


# The rows the app's story names. Kept here so the dictionary lists them and a data folder is checked for them.
PLAN_EVENT = Anchor("events", "alliance-to-2030", N_("the date of Alliance to 2030 (Overview, Plan, fact check)"))
PLAN_INVESTMENT = Anchor("plan_targets", "electrification-investment", N_("the plan's investment figure (Overview)"))
PLAN_EV_MODELS = Anchor("plan_targets", "ev-models", N_("the plan's EV count (Overview)"))
PARTNERS = tuple(
    Anchor("companies", company, N_("the three alliance partners (Overview's cross-holdings, History's stakes chart)"))
    for company in ("renault", "nissan", "mitsubishi")
)
HUB = Anchor("companies", "nissan", N_("the company whose partners the Network metrics and Partners grid count"))
ANCHORS = (PLAN_EVENT, PLAN_INVESTMENT, PLAN_EV_MODELS, *PARTNERS)


def row_keys(dataset: str, frame):
    """How each row of `frame` (typed, as read) is named outside its file (the audit, the translations): its id,
    or for a stake, which has none, `holder>target|basis|date`."""
    if dataset == "stakes":
        return (frame["holder"] + ">" + frame["target"] + "|" + frame["basis"] + "|"
                + frame["date"].dt.strftime("%Y-%m-%d"))
    return frame["id"]


def dependencies(name: str) -> tuple[str, ...]:
    """The datasets whose ids `name` refers to (a dataset is only usable if they are too)."""
    return tuple(dict.fromkeys(col.ref for col in DATASETS[name].columns if col.ref and col.ref != name))

"""Plan: Alliance to 2030, its five common platforms and their models, and its targets against what happened."""

import streamlit as st

from components.app import cached, filters, language, outputs, site, store
from components.builders import fact_check, plan, plan_progress, story
from components.builders.text import escape_markdown, format_date
from components.data.contract import MODEL_STATUSES, PLAN_EVENT
from components.data.vocabulary import MODEL_STATUS

MODEL = "model"  # the model whose card is open, kept in the address

_ = language.messages()
lang = _.lang

data = store.require("platforms", "models", "plan_targets", "events", "companies")
platforms, models, companies = data["platforms"], data["models"], data["companies"]
names = companies.set_index("id")["name"]
every_model = plan.model_view(models, platforms, companies, lang=lang)
progress = cached.frame(plan_progress.progress_frame, data["plan_targets"], models, platforms, lang=lang)
events = plan.plan_events(data["events"])

st.title(_("Alliance to 2030"))
announcement = story.anchor_row(data, PLAN_EVENT)
if announcement is None:
    store.say_missing([PLAN_EVENT])
else:
    st.markdown(_("Announced on **{date}**. {summary}",
                  date=format_date(announcement["date"], announcement["date_precision"], lang),
                  summary=escape_markdown(announcement["summary"])))
    claims = store.optional("claims")
    misdating = None if claims is None else fact_check.plan_misdating(claims)
    if misdating is not None:
        st.info(_("**Misdated in press coverage.** A press article of late 2025 says: “{claim}” {note} "
                  "The Data page fact-checks the whole article.",
                  claim=escape_markdown(misdating["claim_en"]), note=escape_markdown(misdating["note"])),
                icon=":material/event_busy:")

counts = plan.status_counts(every_model)
first, second, third, fourth = st.columns(4, border=True)
first.metric(_("Common platforms"), len(platforms))
second.metric(_("Models in the data"), len(models),
              help=_("{statuses}.", statuses=_.join(
                  _("{count} {status}", count=n, status=MODEL_STATUS.label(status, lang).lower())
                  for status, n in counts.items())))
third.metric(_("Launched so far"), counts["launched"], help=_("Models on the platforms with status launched."))
fourth.metric(_("Targets measurable"), _("{count} of {total}", count=int(progress["share"].notna().sum()),
                                         total=len(progress)),
              help=_("Targets the data can measure; the others read “the data can't say yet”, never 0%."))

with st.sidebar:
    st.subheader(_("Filters"))
    brands = filters.multiselect(_("Brands"), sorted(models["brand"].unique(), key=lambda b: names.get(b, b)),
                                 key="brand", format_func=lambda b: names.get(b, b))
    platform_names = platforms.set_index("id")["name"]
    chosen_platforms = filters.multiselect(_("Platforms"), list(platforms["id"]), key="platform",
                                           format_func=platform_names.get)
    statuses = filters.multiselect(_("Statuses"), list(MODEL_STATUSES), key="model_status",
                                   format_func=lambda status: MODEL_STATUS.label(status, lang))
    bounds = plan.year_bounds(models)
    years = filters.year_range(_("Launch year"), *bounds, key="launch") if bounds else None
    unknown_year = filters.toggle(_("Include models whose launch year is not known"), key="unknown_year", value=True,
                                  help=_("Many launch years are not in the sources; these models are drawn apart."))
    st.caption(_("Filters apply to the platforms and models. Targets and events always show the whole plan."))

shown = plan.filter_models(every_model, brands=brands, platforms=chosen_platforms, statuses=statuses,
                           years=years, unknown_year=unknown_year)
shown_platforms = platforms[platforms["id"].isin(chosen_platforms)].reset_index(drop=True)


def five_platforms() -> None:
    """Each platform's card, with its models as the filters leave them; the platforms as a table."""
    if shown_platforms.empty:
        st.info(_("No platform is selected: choose one or more under **Platform** in the sidebar."))
    else:
        carded = shown_platforms.head(plan.MAX_PLATFORM_CARDS)
        if len(carded) < len(shown_platforms):
            st.info(_("The cards show the first {drawn} of the {count} platforms chosen; the table below lists them "
                      "all.", drawn=len(carded), count=len(shown_platforms)), icon=":material/compress:")
        for start in range(0, len(carded), plan.CARDS_PER_ROW):
            row = carded.iloc[start:start + plan.CARDS_PER_ROW]
            for column, (_row, platform) in zip(st.columns(plan.CARDS_PER_ROW), row.iterrows()):
                with column.container(border=True, height="stretch"):
                    st.markdown(plan.platform_card(platform, names.get(platform["lead"], platform["lead"]),
                                                   shown[shown["platform"] == platform["id"]], lang=lang))
        st.caption(_("● launched · ○ planned · ✕ cancelled. “Now” is the name Ampere gave the platform in 2023."))
    chosen = platforms[platforms["id"].isin(chosen_platforms)]
    if listing := outputs.on_demand(_("Platforms as a table, with sources"), key="platforms_listing"):
        listing.dataframe(plan.platform_table(chosen, names, lang=lang), hide_index=True, width="stretch",
                          column_config={_("announced"): st.column_config.DateColumn(),
                                         "source_url": outputs.source_column(_("Source"))})
    outputs.table_downloads(chosen, platforms, name=_("Alliance to 2030 platforms"), key="platforms_table",
                            table=lambda rows: plan.platform_table(rows, names, lang=lang))


@st.fragment  # a click on a model, or the card's buttons, reruns this tab only
def models_on_the_platforms() -> None:
    """The models shown by launch year and by platform and brand, the card of the one clicked, and their table."""
    by_id = every_model.set_index("id")
    if shown.empty:
        st.info(_("No model matches these filters. Widen them in the sidebar: add brands, platforms or statuses, "
                  "stretch the launch years, or include models whose launch year is not known."))
    else:
        st.write(_("{count} of {total} models. Click a model for its details and source.", count=len(shown),
                   total=len(models)))
        with_models = shown_platforms[shown_platforms["id"].isin(shown["platform"])]
        chart_platforms = with_models.head(plan.MAX_CHART_PLATFORMS)
        drawn = shown[shown["platform"].isin(chart_platforms["id"])]
        if len(chart_platforms) < len(with_models):
            st.info(_("The charts draw the models of the first {drawn} of the {count} platforms with models shown: "
                      "narrow the platforms in the sidebar to draw others. The table below lists every model.",
                      drawn=len(chart_platforms), count=len(with_models)), icon=":material/compress:")
        outputs.chart(cached.figure(plan.models_timeline, drawn, chart_platforms, lang=lang),
                      title=_("Alliance to 2030 models by launch year"),
                      alt=plan.models_timeline_summary(drawn, platforms, lang=lang), key="models_chart",
                      on_select=filters.open_from_chart(MODEL, "models_chart"), selection_mode="points")
    picked = filters.card_picker(_("Model card"), by_id["name"].to_dict(), key=MODEL,
                                 placeholder=_("No card open: pick one, or click a model on the chart"),
                                 help=_("Clicking a model on the chart opens its card too."))
    if picked:
        with st.container(border=True, key="model_card"):
            st.markdown(plan.model_card(by_id.loc[picked], lang=lang))
            left, right = st.columns([3, 1])
            left.link_button(_("Source"), by_id.loc[picked, "source_url"], icon=":material/open_in_new:")
            right.button(_("Close"), key="close_model", icon=":material/close:", on_click=filters.select,
                         args=(MODEL, None))
    if not shown.empty:
        outputs.chart(cached.figure(plan.models_hierarchy, drawn, chart_platforms, lang=lang),
                      title=_("Alliance to 2030 models by platform and brand"),
                      alt=plan.models_hierarchy_summary(drawn, lang=lang), key="models_tree")
        st.dataframe(plan.model_table(shown, lang=lang), hide_index=True, width="stretch",
                     column_config={"source_url": outputs.source_column(_("Source"))})
        outputs.table_downloads(shown, every_model, name=_("Alliance to 2030 models"), key="models_table",
                                table=lambda rows: plan.model_table(rows, lang=lang))


def targets_against_the_data() -> None:
    """Each target as announced, beside what the data shows so far."""
    st.markdown(_(
        "Each target as announced, beside what the data shows so far. An actual is only drawn where it can be "
        "counted from the data (models launched on the platforms); the other targets say **the data can't say "
        "yet** rather than show 0%."
    ))
    if progress["share"].notna().any():
        outputs.chart(cached.figure(plan_progress.progress_chart, progress, lang=lang),
                      title=_("Alliance to 2030 targets against the data"),
                      alt=plan_progress.progress_summary(progress, lang=lang), key="targets_chart")
    cant_say = plan_progress.unmeasured(progress, lang=lang)
    if cant_say:
        with st.container(key="targets_cant_say"):
            st.markdown(_("**The data can't say yet** for {count} targets:", count=len(cant_say)))
            st.markdown("\n".join(f"- {escape_markdown(line)}" for line in cant_say))
    targets = plan_progress.table(progress, lang=lang)
    st.dataframe(targets, hide_index=True, width="stretch",
                 column_config={"source_url": outputs.source_column(_("Source")),
                                _("by"): st.column_config.NumberColumn(format="%d")})
    outputs.table_downloads(targets, targets, name=_("Alliance to 2030 targets against the data"), key="targets_table")


def how_the_plan_changed() -> None:
    """The events tagged as reshaping the plan, numbered by date."""
    if events.empty:
        st.info(_("No event in the data is tagged {tag}.", tag=escape_markdown(story.PLAN_TAG)))
    else:
        st.write(_("{count} events tagged {tag} in the events data, numbered by date.", count=len(events),
                   tag=escape_markdown(story.PLAN_TAG)))
        outputs.chart(cached.figure(plan.events_timeline, events, lang=lang),
                      title=_("Events that reshaped Alliance to 2030"),
                      alt=plan.events_summary(events, lang=lang), key="events_chart")
        event_table = plan.events_table(events, names, lang=lang)
        st.dataframe(event_table, hide_index=True, width="stretch",
                     column_config={_("number"): st.column_config.NumberColumn("#"),
                                    "source_url": outputs.source_column(_("Source"))})
        outputs.table_downloads(event_table, event_table, name=_("Events that reshaped Alliance to 2030"),
                                key="events_table")


view, section = filters.tabs(site.SECTIONS["plan"], cards={MODEL: "models"})
with section:
    {"platforms": five_platforms, "models": models_on_the_platforms, "targets": targets_against_the_data,
     "changes": how_the_plan_changed}[view]()

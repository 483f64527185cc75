"""Plan: Alliance to 2030, its five common platforms and their models, and its targets against what happened."""

import streamlit as st

from components.app import cached, filters, outputs, store
from components.builders import fact_check, plan, plan_progress, story
from components.builders.text import escape_markdown, format_date
from components.data.contract import MODEL_STATUSES, PLAN_EVENT
from components.data.vocabulary import MODEL_STATUS

MODEL = "model"  # the model whose card is open, kept in the address

data = store.require("platforms", "models", "plan_targets", "events", "companies")
platforms, models, companies = data["platforms"], data["models"], data["companies"]
names = companies.set_index("id")["name"]
every_model = plan.model_view(models, platforms, companies)
progress = plan_progress.progress_frame(data["plan_targets"], models, platforms)
events = plan.plan_events(data["events"])

st.title("Alliance to 2030")
announcement = story.anchor_row(data, PLAN_EVENT)
if announcement is None:
    store.say_missing([PLAN_EVENT])
else:
    st.markdown(f"Announced on **{format_date(announcement['date'], announcement['date_precision'])}**. "
                f"{escape_markdown(announcement['summary'])}")
    claims = store.optional("claims")
    misdating = None if claims is None else fact_check.plan_misdating(claims)
    if misdating is not None:
        st.info(f"**Misdated in press coverage.** A press article of late 2025 says: “"
                f"{escape_markdown(misdating['claim_en'])}” {escape_markdown(misdating['note'])} "
                "The Data page fact-checks the whole article.",
                icon=":material/event_busy:")

counts = plan.status_counts(every_model)
first, second, third, fourth = st.columns(4, border=True)
first.metric("Common platforms", len(platforms))
second.metric("Models in the data", len(models),
              help=", ".join(f"{n} {MODEL_STATUS.label(status).lower()}" for status, n in counts.items()) + ".")
third.metric("Launched so far", counts["launched"], help="Models on the platforms with status launched.")
fourth.metric("Targets measurable", f"{int(progress['share'].notna().sum())} of {len(progress)}",
              help="Targets the data can measure; the others read “the data can't say yet”, never 0%.")

with st.sidebar:
    st.subheader("Filters")
    brands = filters.multiselect("Brands", sorted(models["brand"].unique(), key=lambda b: names.get(b, b)),
                                 key="brand", format_func=lambda b: names.get(b, b))
    platform_names = platforms.set_index("id")["name"]
    chosen_platforms = filters.multiselect("Platforms", list(platforms["id"]), key="platform",
                                           format_func=platform_names.get)
    statuses = filters.multiselect("Statuses", list(MODEL_STATUSES), key="model_status", format_func=MODEL_STATUS.label)
    bounds = plan.year_bounds(models)
    years = filters.year_range("Launch year", *bounds, key="launch") if bounds else None
    unknown_year = filters.toggle("Include models whose launch year is not known", key="unknown_year", value=True,
                                  help="Many launch years are not in the sources; these models are drawn apart.")
    st.caption("Filters apply to the platforms and models. Targets and events always show the whole plan.")

shown = plan.filter_models(every_model, brands=brands, platforms=chosen_platforms, statuses=statuses,
                           years=years, unknown_year=unknown_year)
shown_platforms = platforms[platforms["id"].isin(chosen_platforms)].reset_index(drop=True)

st.header("The five platforms")
if shown_platforms.empty:
    st.info("No platform is selected: choose one or more under **Platform** in the sidebar.")
else:
    for column, (_, platform) in zip(st.columns(len(shown_platforms)), shown_platforms.iterrows(), strict=True):
        with column.container(border=True, height="stretch"):
            st.markdown(plan.platform_card(platform, names.get(platform["lead"], platform["lead"]),
                                           shown[shown["platform"] == platform["id"]]))
    st.caption("● launched · ○ planned · ✕ cancelled. “Now” is the name Ampere gave the platform in 2023.")
with st.expander("Platforms as a table, with sources"):
    platform_table = plan.platform_table(platforms, names)
    platform_rows = platform_table[platforms["id"].isin(chosen_platforms).to_numpy()]
    st.dataframe(platform_rows, hide_index=True, width="stretch",
                 column_config={"announced": st.column_config.DateColumn(), "source_url": outputs.source_column()})
    outputs.table_downloads(platform_rows, platform_table, name="Alliance to 2030 platforms", key="platforms_table")

st.header("Models")
by_id = every_model.set_index("id")
if shown.empty:
    st.info("No model matches these filters. Widen them in the sidebar: add brands, platforms or statuses, "
            "stretch the launch years, or include models whose launch year is not known.")
else:
    st.write(f"{len(shown)} of {len(models)} models. Click a model for its details and source.")
    chart_platforms = shown_platforms[shown_platforms["id"].isin(shown["platform"])]
    outputs.chart(cached.figure(plan.models_timeline, shown, chart_platforms),
                  title="Alliance to 2030 models by launch year",
                  alt=plan.models_timeline_summary(shown, platforms), key="models_chart",
                  on_select=filters.open_from_chart(MODEL, "models_chart"), selection_mode="points")
picked = filters.selectbox("Model card", [None, *every_model["id"]], key=MODEL,
                           placeholder="No card open: pick one, or click a model on the chart",
                           format_func=lambda m: "(no card)" if m is None else by_id.loc[m, "name"],
                           help="Clicking a model on the chart opens its card too.")
if picked:
    with st.container(border=True, key="model_card"):
        st.markdown(plan.model_card(by_id.loc[picked]))
        left, right = st.columns([3, 1])
        left.link_button("Source", by_id.loc[picked, "source_url"], icon=":material/open_in_new:")
        right.button("Close", key="close_model", icon=":material/close:", on_click=filters.select, args=(MODEL, None))
if not shown.empty:
    outputs.chart(cached.figure(plan.models_hierarchy, shown, chart_platforms),
                  title="Alliance to 2030 models by platform and brand",
                  alt=plan.models_hierarchy_summary(shown), key="models_tree")
    st.dataframe(plan.model_table(shown), hide_index=True, width="stretch",
                 column_config={"source_url": outputs.source_column()})
    outputs.table_downloads(plan.model_table(shown), plan.model_table(every_model), name="Alliance to 2030 models",
                            key="models_table")

st.header("Targets against what happened")
st.markdown(
    "Each target as announced, beside what the data shows so far. An actual is only drawn where it can be "
    "counted from the data (models launched on the platforms); the other targets say **the data can't say "
    "yet** rather than show 0%."
)
outputs.chart(cached.figure(plan_progress.progress_chart, progress), title="Alliance to 2030 targets against the data",
              alt=plan_progress.progress_summary(progress), key="targets_chart")
targets = plan_progress.table(progress)
st.dataframe(targets, hide_index=True, width="stretch",
             column_config={"source_url": outputs.source_column(),
                            "by": st.column_config.NumberColumn(format="%d")})
outputs.table_downloads(targets, targets, name="Alliance to 2030 targets against the data", key="targets_table")

st.header("How the plan changed")
if events.empty:
    st.info(f"No event in the data is tagged {escape_markdown(story.PLAN_TAG)}.")
else:
    st.write(f"{len(events)} events tagged {escape_markdown(story.PLAN_TAG)} in the events data, numbered by date.")
    outputs.chart(cached.figure(plan.events_timeline, events), title="Events that reshaped Alliance to 2030",
                  alt=plan.events_summary(events), key="events_chart")
    event_table = plan.events_table(events, names)
    st.dataframe(event_table, hide_index=True, width="stretch",
                 column_config={"number": st.column_config.NumberColumn("#"), "source_url": outputs.source_column()})
    outputs.table_downloads(event_table, event_table, name="Events that reshaped Alliance to 2030",
                            key="events_table")

"""Plan: Alliance to 2030, its five common platforms and their models, and its targets against what happened."""

import streamlit as st

from components.app import store, widgets
from components.builders import catalog, plan, plan_progress, story
from components.builders.text import escape_markdown, format_date
from components.data.contract import MODEL_STATUSES
from components.data.vocabulary import STATUS_LABELS

data = store.require("platforms", "models", "plan_targets", "events", "companies")
platforms, models, companies = data["platforms"], data["models"], data["companies"]
names = companies.set_index("id")["name"]
every_model = plan.model_view(models, platforms, companies)
progress = plan_progress.progress_frame(data["plan_targets"], models, platforms)
events = plan.plan_events(data["events"])

st.title("Alliance to 2030")
if (events["category"] == "plan").any():  # the announcement, as story.plan_announcement finds it
    announcement = story.plan_announcement(data["events"])
    st.markdown(
        f"Announced on **{format_date(announcement['date'], announcement['date_precision'])}**. "
        f"{escape_markdown(announcement['summary'])}"
    )
    st.info(catalog.plan_misdating(data["events"]).text, icon=":material/event_busy:")

counts = plan.status_counts(every_model)
first, second, third, fourth = st.columns(4, border=True)
first.metric("Common platforms", len(platforms))
second.metric("Models in the data", len(models),
              help=", ".join(f"{n} {status}" for status, n in counts.items()) + ".")
third.metric("Launched so far", counts["launched"], help="Models on the platforms with status launched.")
fourth.metric("Targets measurable", f"{int(progress['share'].notna().sum())} of {len(progress)}",
              help="Targets the data can measure; the others read “the data can't say yet”, never 0%.")

with st.sidebar:
    st.subheader("Filters")
    brands = widgets.multiselect("Brand", sorted(models["brand"].unique(), key=names.get), key="brand",
                            format_func=names.get)
    chosen_platforms = widgets.multiselect("Platform", list(platforms["id"]), key="platform",
                                      format_func=platforms.set_index("id")["name"].get)
    statuses = widgets.multiselect("Status", list(MODEL_STATUSES), key="model_status", format_func=plan.STATUS_NAMES.get)
    bounds = plan.year_bounds(models)
    years = widgets.year_range("Launch year", *bounds, key="launch") if bounds and bounds[0] < bounds[1] else bounds
    unknown_year = widgets.toggle("Include models whose launch year is not known", key="unknown_year", value=True,
                             help="Many launch years are not in the sources; these models are drawn apart.")
    st.caption("Filters apply to the platforms and models. Targets and events always show the whole plan.")

shown = plan.filter_models(every_model, brands=brands, platforms=chosen_platforms, statuses=statuses,
                           years=years, unknown_year=unknown_year)
shown_platforms = platforms[platforms["id"].isin(chosen_platforms)].reset_index(drop=True)
model_columns = ["name", "brand_name", "platform_name", "year_label", "status", "source_status", "note", "source_url"]
model_labels = {"name": "model", "brand_name": "brand", "platform_name": "platform", "year_label": "launch year",
                "source_status": "how sure"}

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
    platform_table = platforms.assign(lead=platforms["lead"].map(names))
    st.dataframe(platform_table[platform_table["id"].isin(chosen_platforms)], hide_index=True, width="stretch",
                 column_config=widgets.column_config("platforms"))
    widgets.table_downloads(platform_table[platform_table["id"].isin(chosen_platforms)], platform_table,
                       name="Alliance to 2030 platforms", key="platforms_table")

st.header("Models")
if shown.empty:
    st.info("No model matches these filters. Widen them in the sidebar: add brands, platforms or statuses, "
            "stretch the launch years, or include models whose launch year is not known.")
else:
    st.write(f"{len(shown)} of {len(models)} models. Click a model for its details and source.")
    chart_platforms = shown_platforms[shown_platforms["id"].isin(shown["platform"])]
    state = widgets.chart(plan.models_timeline(shown, chart_platforms), title="Alliance to 2030 models by launch year",
                     alt=plan.models_timeline_summary(shown, platforms), key="models_chart", on_select="rerun",
                     selection_mode="points")
    picked = [point["customdata"][0] for point in state.selection.points if point.get("customdata")]
    if picked:
        model = shown.set_index("id").loc[picked[0]]
        with st.container(border=True):
            st.markdown(plan.model_card(model))
            st.link_button("Source", model["source_url"], icon=":material/open_in_new:")

    widgets.chart(plan.models_hierarchy(shown, chart_platforms), title="Alliance to 2030 models by platform and brand",
             alt=plan.models_hierarchy_summary(shown), key="models_tree")

    st.dataframe(shown[model_columns].rename(columns=model_labels), hide_index=True, width="stretch",
                 column_config={"source_url": widgets.source_column()})
    widgets.table_downloads(shown[model_columns].rename(columns=model_labels),
                       every_model[model_columns].rename(columns=model_labels),
                       name="Alliance to 2030 models", key="models_table")

st.header("Targets against what happened")
st.markdown(
    "Each target as announced, beside what the data shows so far. An actual is only drawn where it can be "
    "counted from the data (models launched on the platforms); the other targets say **the data can't say "
    "yet** rather than show 0%."
)
widgets.chart(plan_progress.progress_chart(progress), title="Alliance to 2030 targets against the data",
         alt=plan_progress.progress_summary(progress), key="targets_chart")
target_columns = ["metric", "target", "unit", "target_year", "reading", "caveat", "source_status", "source_url"]
st.dataframe(progress[target_columns], hide_index=True, width="stretch",
             column_config={"source_url": widgets.source_column(), "reading": st.column_config.TextColumn("the data shows"),
                            "target_year": st.column_config.NumberColumn("by", format="%d"),
                            "source_status": st.column_config.TextColumn("how sure")})
widgets.table_downloads(progress, progress, name="Alliance to 2030 targets against the data", key="targets_table")

st.header("How the plan changed")
if events.empty:
    st.info("No event in the data is tagged `alliance-to-2030`.")
else:
    st.write(f"{len(events)} events tagged `alliance-to-2030` in the events data, numbered by date.")
    widgets.chart(plan.events_timeline(events), title="Events that reshaped Alliance to 2030",
             alt=plan.events_summary(events), key="events_chart")
    event_table = events.assign(
        number=events.index + 1,
        when=[format_date(row["date"], row["date_precision"]) for _, row in events.iterrows()],
        companies=events["companies"].map(lambda ids: ", ".join(names.get(i, i) for i in ids.split(";"))),
        source_status=events["source_status"].map(STATUS_LABELS),
    )[["number", "when", "category", "title", "summary", "companies", "source_status", "source_url"]]
    st.dataframe(event_table, hide_index=True, width="stretch",
                 column_config={"number": st.column_config.NumberColumn("#"), "source_url": widgets.source_column(),
                                "source_status": st.column_config.TextColumn("how sure")})
    widgets.table_downloads(event_table, event_table, name="Events that reshaped Alliance to 2030", key="events_table")

"""The Plan page under AppTest: it runs on the real data, its filters change the charts, links restore them by
id, and a model's card opens from the address (as a click on the chart sets it)."""

from __future__ import annotations

import html
import json

import pytest

from bench.generate import generate
from components.builders import plan
from components.builders.text import escape_markdown
from components.data.validation import read_folder
from tests import factories
from tests.conftest import run_page
from tests.reading import as_read, rendered, warnings

PAGE = "pages/plan.py"
TIMELINE, TREEMAP = range(2)  # the charts of the models section; the targets and the events have one each
MODELS = {"view": "models"}
CHARTS = {"platforms": 0, "models": 2, "targets": 1, "changes": 1}  # the page's design, not the data's
HOSTILE = "[x](https://evil.example) <b>y</b>"


def spec(app, index: int) -> dict:
    return json.loads(app.get("plotly_chart")[index].proto.spec)


def drawn_models(app) -> set[str]:
    """The model names drawn on the timeline, as a reader sees them (legend-only traces carry no text)."""
    return {html.unescape(name) for trace in spec(app, TIMELINE)["data"] for name in trace.get("text") or ()}


def names(models, keep) -> set[str]:
    return set(models.loc[keep, "name"])


def card_text(app) -> str:
    return " ".join(markdown.value for markdown in app.get_by_key("model_card").markdown)


@pytest.fixture(scope="module")
def models(real_data):
    return real_data.frames["models"]


@pytest.fixture(scope="module")
def default_app():
    """The page as first opened; no test changes it."""
    return run_page(PAGE)


@pytest.fixture(scope="module")
def sections():
    """Each section of the page as a link opens it (`view=…`); no test changes them."""
    return {view: run_page(PAGE, {"view": view}) for view in CHARTS}


@pytest.fixture
def one_year_unknown(data_copy, use_data_dir, real_data):
    """A copy of the data where the first model's launch year is not known; returns that model's id."""
    unknown = real_data.frames["models"]["id"].iloc[0]
    factories.edit(data_copy / "models.csv", lambda rows: [
        row | {"launch_year": ""} if row["id"] == unknown else row for row in rows])
    use_data_dir(data_copy)
    return unknown


def test_the_page_opens_on_the_five_platforms_with_no_chart_to_draw(default_app, real_data):
    assert not default_app.exception and not default_app.warning
    assert [tab.label for tab in default_app.tabs][0] == "The five platforms"
    assert not default_app.get("plotly_chart")
    cards = " ".join(markdown.value for markdown in default_app.markdown)
    for name in real_data.frames["platforms"]["name"]:
        assert escape_markdown(name) in cards


def test_each_section_draws_only_its_own_charts_and_the_models_one_every_model(sections, models):
    for view, app in sections.items():
        assert not app.exception and not app.warning, view
        assert len(app.get("plotly_chart")) == CHARTS[view], view
    assert drawn_models(sections["models"]) == set(models["name"])


def test_no_card_is_open_until_a_model_is_picked(sections):
    assert sections["models"].selectbox(key="model").value is None
    with pytest.raises(KeyError):
        sections["models"].get_by_key("model_card")


def test_a_model_in_the_link_opens_the_models_section_showing_its_card(models):
    app = run_page(PAGE, {"model": models["id"].iloc[0]})
    assert app.query_params["view"] in ("models", ["models"])
    assert app.get_by_key("model_card")


def test_models_without_a_launch_year_are_drawn_in_their_own_column(one_year_unknown, models):
    app = run_page(PAGE, MODELS)
    axis = spec(app, TIMELINE)["layout"]["xaxis"]["categoryarray"]
    assert axis[-1] == "year not known"
    assert drawn_models(app) == set(models["name"])


def test_the_link_can_leave_out_models_whose_year_is_not_known(one_year_unknown, models):
    app = run_page(PAGE, MODELS | {"unknown_year": "false"})
    assert not app.exception and not app.warning
    assert app.toggle(key="unknown_year").value is False
    assert drawn_models(app) == names(models, models["id"] != one_year_unknown)
    assert "year not known" not in spec(app, TIMELINE)["layout"]["xaxis"]["categoryarray"]


def test_the_brand_filter_changes_the_charts(models):
    app = run_page(PAGE, MODELS)
    app.multiselect(key="brand").set_value(["nissan"]).run()
    assert drawn_models(app) == names(models, models["brand"] == "nissan")
    tiles = spec(app, TREEMAP)["data"][0]["ids"]
    assert all(tile.count("/") == 0 or "/nissan" in tile for tile in tiles)
    assert app.query_params["brand"] in ("nissan", ["nissan"])  # the address keeps the choice, by id


def test_the_link_restores_brand_platform_and_status_by_id(models):
    app = run_page(PAGE, MODELS | {"brand": "nissan", "platform": "cmf-ev", "model_status": "planned"})
    assert not app.exception and not app.warning
    assert app.multiselect(key="brand").value == ["nissan"]
    assert app.multiselect(key="platform").value == ["cmf-ev"]
    assert app.multiselect(key="model_status").value == ["planned"]
    chosen = (models["brand"] == "nissan") & (models["platform"] == "cmf-ev") & (models["status"] == "planned")
    if chosen.any():
        assert drawn_models(app) == names(models, chosen)
    else:
        assert any("No model matches these filters" in info.value for info in app.info)


def test_the_link_restores_a_launch_year_range(models):
    first, last = int(models["launch_year"].min()), int(models["launch_year"].max())
    low, high = max(first, 2022), min(last, 2024)
    app = run_page(PAGE, MODELS | {"launch": [str(low), str(high)]})
    assert not app.exception and not app.warning
    assert app.slider(key="launch").value == (low, high)
    year = models["launch_year"]
    assert drawn_models(app) == names(models, year.between(low, high).fillna(False) | year.isna())


def test_a_model_in_the_link_opens_its_card(models):
    model = models.iloc[-1]
    app = run_page(PAGE, {"model": model["id"]})
    assert not app.exception and not app.warning
    assert app.selectbox(key="model").value == model["id"]
    _, text = rendered(card_text(app))
    assert model["name"] in text
    assert app.get_by_key("model_card").link_button[0].proto.url == model["source_url"]


def test_a_click_on_a_chart_point_opens_that_models_card(sections, models):
    # AppTest cannot click Plotly: a click puts the point's customdata[0] into the address (filters.open_from_chart),
    # so the test takes that id from a drawn point and opens the page with it.
    point = spec(sections["models"], TIMELINE)["data"][0]
    clicked, name = point["customdata"][0][0], html.unescape(point["text"][0])
    app = run_page(PAGE, {"model": clicked})
    assert name in rendered(card_text(app))[1]
    assert name == models.set_index("id").loc[clicked, "name"]


def test_closing_the_card_takes_the_model_out_of_the_address(models):
    app = run_page(PAGE, {"model": models["id"].iloc[0]})
    app.button(key="close_model").click().run()
    assert app.selectbox(key="model").value is None
    assert "model" not in app.query_params
    with pytest.raises(KeyError):
        app.get_by_key("model_card")


def test_a_hostile_model_name_stays_literal_text_in_its_card(data_copy, use_data_dir, models):
    target = models["id"].iloc[0]
    factories.edit(data_copy / "models.csv", lambda rows: [
        row | {"name": HOSTILE, "note": HOSTILE} if row["id"] == target else row for row in rows])
    use_data_dir(data_copy)
    app = run_page(PAGE, {"model": target})
    assert not app.exception
    page, text = rendered(card_text(app))
    assert "<a" not in page and "<b>" not in page and "https://" not in page
    assert HOSTILE in text
    assert HOSTILE in drawn_models(app)  # the chart too shows it as text


@pytest.mark.parametrize("key, value", [
    ("brand", "tesla"), ("brand", "Nissan"), ("platform", "cmf-xyz"), ("platform", "CMF-EV"),
    ("model_status", "sold"), ("launch", ["1900", "3000"]), ("launch", "soon"), ("unknown_year", "maybe"),
    ("model", "no-such-model"),
])
def test_an_unusable_link_value_is_ignored_with_a_notice(key, value):
    app = run_page(PAGE, {key: value})
    assert not app.exception
    shown = ", ".join(value) if isinstance(value, list) else value
    assert f"Ignored {key}={shown} from the link" in warnings(app)
    assert len(app.metric) == 4 and app.tabs  # the page still draws


def test_a_link_whose_only_brand_is_unknown_shows_every_brand_as_without_it(default_app):
    app = run_page(PAGE, {"brand": "tesla"})
    assert "Ignored brand=tesla" in warnings(app)
    assert app.multiselect(key="brand").value == default_app.multiselect(key="brand").value, (
        "components/app/filters.py multiselect(): when every value of the link is unknown, parse() returns [] and "
        "the filter is left EMPTY (nothing drawn), although the notice says the value was ignored; it should fall "
        "back to the default, as a link without the parameter does")


def test_filters_that_match_nothing_say_how_to_widen_them():
    nothing = {"model_status": "cancelled", "brand": "mitsubishi"}
    app = run_page(PAGE, MODELS | nothing)
    assert not app.exception
    assert any("No model matches these filters" in info.value for info in app.info)
    # The targets and the events are the whole plan's, whatever the filters.
    for view in ("targets", "changes"):
        assert len(run_page(PAGE, {"view": view} | nothing).get("plotly_chart")) == 1


def test_the_targets_chart_measures_launched_models_and_says_when_the_data_cannot(sections, real_data):
    targets_section = sections["targets"]
    targets = real_data.frames["plan_targets"]
    measured = targets["measure_launched_on"].map(len) > 0
    traces = {trace.get("name"): trace for trace in spec(targets_section, 0)["data"]}
    assert len(traces["Achieved"]["y"]) == measured.sum()
    assert len({label for trace in traces.values() for label in trace["y"]}) == measured.sum()
    listed = next(m.value for m in targets_section.markdown if m.value.startswith("- "))
    assert listed.count("\n- ") + 1 == (~measured).sum()
    for metric in targets.loc[~measured, "metric"]:
        assert escape_markdown(metric) in listed
    models = real_data.frames["models"]
    readings = next(trace for trace in spec(targets_section, 0)["data"]
                    if trace.get("mode") == "text" and trace.get("showlegend") is False)["text"]
    for (_, target), reading in zip(targets[measured].iterrows(), readings, strict=True):
        launched = (models["platform"].isin(target["measure_launched_on"]) & (models["status"] == "launched")).sum()
        assert reading.startswith(f"{launched} of {target['value']:g} launched"), target["id"]


def test_the_events_are_the_tagged_rows_of_the_data(sections, real_data):
    changes = sections["changes"]
    events = real_data.frames["events"]
    tagged = int(events["tags"].map(lambda tags: "alliance-to-2030" in tags).sum())
    rows = [label for trace in spec(changes, 0)["data"] for label in trace["y"]]
    assert sorted(int(label.split(".")[0]) for label in rows) == list(range(1, tagged + 1))
    assert len(changes.dataframe[-1].value) == tagged


def test_a_folder_without_tagged_events_or_known_years_still_shows_the_page(data_copy, use_data_dir, models):
    factories.edit(data_copy / "events.csv", lambda rows: [
        row | {"tags": row["tags"].replace("alliance-to-2030", "other-tag")} for row in rows])
    factories.edit(data_copy / "models.csv", lambda rows: [row | {"launch_year": ""} for row in rows])
    use_data_dir(data_copy)
    app = run_page(PAGE, {"view": "changes"})
    assert not app.exception
    assert any("No event in the data is tagged" in info.value for info in app.info)
    assert not app.slider  # no known year: no year range to choose
    assert drawn_models(run_page(PAGE, MODELS)) == set(models["name"])


def test_more_platforms_than_cards_show_the_first_ones_and_say_so(tmp_path, use_data_dir):
    generate(3, tmp_path)  # the real data three times over: three times the platforms
    use_data_dir(tmp_path)
    app = run_page(PAGE)
    platforms = len(read_folder(tmp_path).frames["platforms"])
    assert platforms > plan.MAX_PLATFORM_CARDS
    assert f"The cards show the first {plan.MAX_PLATFORM_CARDS} of the {platforms} platforms" in as_read(
        " ".join(info.value for info in app.info))
    assert sum(markdown.value.startswith("#### ") for markdown in app.markdown) == plan.MAX_PLATFORM_CARDS


def test_more_platforms_than_the_model_charts_hold_draw_the_first_ones_models_and_say_so(tmp_path, use_data_dir):
    generate(3, tmp_path)  # three times the platforms, each with its models
    use_data_dir(tmp_path)
    app = run_page(PAGE, query=MODELS)
    frames = read_folder(tmp_path).frames
    models, platforms = frames["models"], frames["platforms"]
    with_models = platforms[platforms["id"].isin(models["platform"])]
    assert len(with_models) > plan.MAX_CHART_PLATFORMS
    assert (f"The charts draw the models of the first {plan.MAX_CHART_PLATFORMS} of the {len(with_models)} "
            "platforms with models shown") in as_read(" ".join(info.value for info in app.info))
    first = models["platform"].isin(with_models["id"].head(plan.MAX_CHART_PLATFORMS))
    markers = sum(len(trace.get("text") or ()) for trace in spec(app, TIMELINE)["data"])
    assert markers == first.sum() < len(models)
    assert len(spec(app, TIMELINE)["layout"]["yaxis"]["tickvals"]) == plan.MAX_CHART_PLATFORMS

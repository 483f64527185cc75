"""The vocabulary: every allowed value of the contract has a label, colours are usable, and a category looks the
same on every page."""

from __future__ import annotations

import re

import pytest

from components.builders import plan, timeline
from components.data.contract import DATASETS, EVENT_CATEGORIES
from components.data.vocabulary import ALL_TERMS, CATEGORY, SOURCE_STATUS, TALK_STATUS, VERDICT, terms_for
from tests import factories

HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")
ENUM_COLUMNS = [(dataset.name, column) for dataset in DATASETS.values() for column in dataset.columns
                if column.allowed]


@pytest.mark.parametrize("name, column", ENUM_COLUMNS, ids=[f"{n}.{c.name}" for n, c in ENUM_COLUMNS])
def test_every_allowed_value_of_a_column_has_a_label(name, column):
    terms = terms_for(column.allowed)
    assert list(terms) == list(column.allowed)
    for value in column.allowed:
        assert terms[value].label.strip(), f"{name}.{column.name}: {value} has no label"
        assert terms.label(value) == terms[value].label


@pytest.mark.parametrize("terms", ALL_TERMS, ids=lambda terms: terms.allowed[0])
def test_labels_within_a_set_are_distinct(terms):
    labels = [terms.label(value) for value in terms]
    assert len(set(labels)) == len(labels)


@pytest.mark.parametrize("terms", ALL_TERMS, ids=lambda terms: terms.allowed[0])
def test_every_colour_given_is_written_rrggbb(terms):
    for value in terms:
        color = terms[value].color
        assert color is None or HEX.match(color), f"{value}: {color!r}"


@pytest.mark.parametrize("terms", [SOURCE_STATUS, CATEGORY, TALK_STATUS, VERDICT],
                         ids=["source status", "category", "talk status", "verdict"])
def test_the_values_told_apart_by_colour_each_have_their_own(terms):
    colors = [terms[value].color for value in terms]
    assert all(colors), "every value of a set told apart by colour needs one"
    assert len({color.lower() for color in colors}) == len(colors), dict(zip(terms, colors))


def test_a_value_the_contract_does_not_know_is_shown_as_it_is():
    assert CATEGORY.label("made-up") == "made-up"
    assert HEX.match(CATEGORY.color("made-up")) and CATEGORY.symbol("made-up") == "circle"


def category_colors(figure) -> dict[str, set[str]]:
    """Each category's marker colours on a figure, by the category label its trace is named after."""
    labels = {CATEGORY.label(category): category for category in EVENT_CATEGORIES}
    colors: dict[str, set[str]] = {}
    for trace in figure.data:
        if trace.name in labels and trace.type == "scatter" and trace.meta != "legend":
            colors.setdefault(labels[trace.name], set()).add(trace.marker.color)
    return colors


def test_a_category_has_the_same_colour_on_historys_timeline_and_plans_events_chart():
    events = factories.frame("events", *[
        {"id": f"event-{i}", "date": f"{2020 + i}-01-01", "category": category, "tags": "alliance-to-2030"}
        for i, category in enumerate(EVENT_CATEGORIES)
    ])
    on_history = category_colors(timeline.timeline_figure(events, {}))
    on_plan = category_colors(plan.events_timeline(plan.plan_events(events)))
    assert set(on_history) == set(on_plan) == set(EVENT_CATEGORIES)
    for category in EVENT_CATEGORIES:
        assert on_history[category] == on_plan[category] == {CATEGORY.color(category)}, category

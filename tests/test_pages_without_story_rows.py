"""Every page renders on data that passes validation but lacks the rows the story names (contract.ANCHORS):
each says what it leaves out, none raises."""

from __future__ import annotations

import pytest

from components.data.contract import PLAN_EV_MODELS, PLAN_EVENT, PLAN_INVESTMENT
from tests import factories
from tests.conftest import VIEW_NAMES, VIEWS, run_page
from tests.reading import infos


def renamed(rows, old: str, new: str, column: str = "id"):
    return [dict(row, **{column: new}) if row[column] == old else row for row in rows]


@pytest.fixture
def without_story_rows(data_copy, use_data_dir):
    """The real data with the plan's event and its two headline targets renamed, as a reader's own data might."""
    factories.edit(data_copy / "events.csv", lambda rows: renamed(rows, PLAN_EVENT.id, "the-plan"))
    factories.edit(data_copy / "claims.csv", lambda rows: renamed(rows, PLAN_EVENT.id, "the-plan", "event"))
    for anchor in (PLAN_INVESTMENT, PLAN_EV_MODELS):
        factories.edit(data_copy / "plan_targets.csv", lambda rows, a=anchor: renamed(rows, a.id, f"{a.id}-x"))
    use_data_dir(data_copy)


@pytest.mark.parametrize(("page", "view"), VIEWS, ids=VIEW_NAMES)
def test_every_page_and_section_renders_on_the_real_data(page, view):
    app = run_page(page, view)
    assert not app.exception, app.exception


@pytest.mark.parametrize(("page", "view"), VIEWS, ids=VIEW_NAMES)
def test_every_page_and_section_renders_without_the_rows_the_story_names(page, view, without_story_rows):
    app = run_page(page, view)
    assert not app.exception, app.exception
    assert not app.error


@pytest.mark.parametrize("page", ["app.py", "pages/plan.py", "pages/data.py"])
def test_the_pages_that_use_those_rows_say_what_they_leave_out(page, without_story_rows):
    assert f"no row with id {PLAN_EVENT.id}" in infos(run_page(page))

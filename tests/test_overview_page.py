"""The Overview page, run as a reader opens it (AppTest): figures computed from the data, today's
cross-holdings, and a notice instead of a failure when a row the story names is missing."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from components.builders import story
from components.data.contract import DATASETS, PLAN_EVENT
from tests import factories
from tests.conftest import run_page
from tests.reading import as_read, infos
from tests.reading import html_table as read_table

PAGE = "app.py"


def metrics(app) -> dict[str, str]:
    return {as_read(metric.label): metric.value for metric in app.metric}


def data_date(frames: dict[str, pd.DataFrame]) -> pd.Timestamp:
    """The date of the latest event the data records (the page's "data as of")."""
    return frames["events"]["end_date"].fillna(frames["events"]["date"]).max()


def without(folder: Path, dataset: str, row_id: str) -> None:
    """Remove a row, and every row that needs it, so the folder stays valid: a data set that never had it."""
    gone = {name: set() for name in DATASETS}
    gone[dataset].add(row_id)
    changed = True
    while changed:
        changed = False
        for name, spec in DATASETS.items():
            path = folder / spec.file_name
            if not path.is_file():
                continue

            def change(rows, name=name, spec=spec):
                nonlocal changed
                kept = []
                for row in rows:
                    if row.get("id") in gone[name]:
                        continue
                    dropped = False
                    for column in spec.columns:
                        if column.kind == "ref" and row[column.name] in gone[column.ref]:
                            dropped = dropped or column.required
                            row[column.name] = ""
                        elif column.kind == "refs":
                            ids = [i for i in row[column.name].split(";") if i and i not in gone[column.ref]]
                            dropped = dropped or (column.required and not ids)
                            row[column.name] = ";".join(ids)
                    if dropped:
                        if "id" in row:
                            gone[name].add(row["id"])
                        changed = True
                    else:
                        kept.append(row)
                return kept
            factories.edit(path, change)


@pytest.fixture(scope="module")
def opened():
    """The Overview as a reader first opens it. No test changes it."""
    return run_page(PAGE)


def test_the_whole_app_opens_on_the_overview(opened):
    assert not opened.exception
    assert opened.title[0].value == "Alliance Explorer"


def test_the_real_data_needs_no_notice(opened):
    assert not opened.info and not opened.warning and not opened.error


def test_the_headline_figures_are_those_the_data_gives(opened, real_data):
    expected = story.headline(real_data.frames, data_date(real_data.frames))
    shown = metrics(opened)
    assert list(shown) == [figure.label for figure in expected]
    for figure in expected:
        if figure.label != "Alliance age":  # the only figure that changes with the reader's today
            assert shown[figure.label] == figure.value, figure.label
    captions = as_read(" ".join(caption.value for caption in opened.caption))
    plan = next(figure for figure in expected if figure.label == "Alliance to 2030")
    assert plan.detail in captions


def test_the_alliance_age_is_counted_from_the_first_event(opened, real_data):
    events = real_data.frames["events"]
    start = events["date"].min()
    at_least = story.years_between(start, data_date(real_data.frames).date())
    age = metrics(opened)["Alliance age"]
    assert age.endswith(" years") and int(age.split()[0]) >= at_least


def test_the_plan_is_dated_from_the_data_not_from_the_article(opened, real_data):
    plan = real_data.frames["events"].set_index("id").loc[PLAN_EVENT.id]
    captions = as_read(" ".join(caption.value for caption in opened.caption))
    assert f"announced {plan['date'].day} {plan['date']:%B %Y}" in captions
    assert "July 2025" not in captions


def holdings_table(app) -> tuple[pd.DataFrame, list[str]]:
    """The cross-holdings table as a reader reads it, and the addresses it links to."""
    [table] = app.get("html")
    shown, _, links = read_table(table.proto.body)
    return shown, links


def test_the_cross_holdings_table_lists_the_partners_stakes_in_force(opened, real_data):
    frames = real_data.frames
    names = frames["companies"].set_index("id")["name"]
    held = story.cross_holdings(frames["stakes"], data_date(frames))
    holdings, links = holdings_table(opened)
    # Each row with its stake and a link to its own source.
    shown = zip(holdings["holder"], holdings["target"], holdings["stake %"].astype(float), links, strict=True)
    assert sorted(shown) == sorted(zip(held["holder"].map(names), held["target"].map(names), held["pct"].round(2),
                                       held["source_url"], strict=True))
    labels = [button.proto.label for button in opened.get("download_button")]
    assert f"Filtered rows ({len(holdings)}) as CSV" in labels
    assert f"All rows ({len(frames['stakes'])}) as CSV" in labels


def test_without_the_plan_event_the_page_says_what_it_leaves_out(data_copy, use_data_dir):
    factories.edit(data_copy / "events.csv", lambda rows: [row for row in rows if row["id"] != PLAN_EVENT.id])
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception and not app.error
    assert f"events.csv has no row with id {PLAN_EVENT.id}" in infos(app)
    assert "Alliance to 2030" not in metrics(app)
    assert "Alliance age" in metrics(app)  # the rest of the page still shows


def test_without_renault_the_page_says_what_it_leaves_out(data_copy, use_data_dir):
    without(data_copy, "companies", "renault")
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert not app.error, as_read(app.error[0].value)
    assert "companies.csv has no row with id renault" in infos(app)
    assert not any(label.startswith("Renault") for label in metrics(app))
    assert "Renault" not in set(holdings_table(app)[0]["holder"])


def test_a_broken_file_stops_the_page_with_a_clear_message(data_copy, use_data_dir):
    factories.edit(data_copy / "events.csv", lambda rows: [dict(rows[0], date="not-a-date"), *rows[1:]])
    use_data_dir(data_copy)
    app = run_page(PAGE)
    assert not app.exception
    assert "events.csv" in as_read(app.error[0].value)
    problems = app.dataframe[0].value
    assert list(problems["file"]) == ["events.csv"] and list(problems["value"]) == ["not-a-date"]
    assert not app.metric

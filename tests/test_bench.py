"""The page-speed benchmark's pieces (bench/): the data generator, the floor apps, and a short run end to end.

Nothing here asserts a time: the benchmark measures, it does not judge.
"""

from __future__ import annotations

import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bench import render
from bench.generate import generate
from components.app import site
from components.data.contract import DATASETS
from components.data.validation import read_folder

ROOT = Path(__file__).resolve().parent.parent
COPY_SUFFIX = re.compile(r"-x(\d+)$")


def test_the_generator_writes_valid_data_of_the_size_asked(real_data, tmp_path):
    scale = 3
    written = generate(scale, tmp_path)
    result = read_folder(tmp_path)
    assert result.problems == []
    real_counts = {name: len(frame) for name, frame in real_data.frames.items()}
    assert {name: len(frame) for name, frame in result.frames.items()} == {
        name: scale * count for name, count in real_counts.items()}
    assert written == {DATASETS[name].file_name: scale * count for name, count in real_counts.items()}


def test_each_generated_row_refers_only_within_its_own_copy(tmp_path):
    """Copy k is a twin of the real data: its ids and every reference in a row carry the same suffix."""
    generate(3, tmp_path)
    frames = read_folder(tmp_path).frames
    for name, dataset in DATASETS.items():
        linked = [column for column in dataset.columns if column.kind in ("id", "ref", "refs")]
        for row in frames[name].itertuples(index=False):
            ids = [value for column in linked for value in _ids(getattr(row, column.name))]
            copies = {COPY_SUFFIX.search(value).group(1) if COPY_SUFFIX.search(value) else "1" for value in ids}
            assert len(copies) <= 1, f"{name}: {ids}"


def _ids(value) -> list[str]:
    """The ids in a cell: none when blank, one for an id or ref, several for refs (a tuple once read)."""
    if isinstance(value, tuple):
        return list(value)
    return [value] if isinstance(value, str) and value else []


@pytest.mark.parametrize("floor", render.FLOORS.values(), ids=lambda floor: floor.kind)
def test_each_floor_app_runs_and_has_the_widgets_the_benchmark_changes(floor):
    app = AppTest.from_file(str(floor.script), default_timeout=60).run()
    assert not app.exception
    for change in floor.changes:
        assert change.key in app.session_state


def test_the_benchmark_knows_every_page_of_the_app():
    assert [page.url_path for page in render.APP_PAGES] == [spec.url_path for spec in site.PAGES]
    assert {page.floor for page in render.APP_PAGES} <= set(render.FLOORS)


def test_the_short_benchmark_runs_end_to_end(tmp_path):
    if not Path(render.CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("CI needs Debian's chromium at /usr/bin/chromium for the benchmark")
        pytest.skip("no Chromium here (apt-get install chromium)")
    subprocess.run([sys.executable, "bench/render.py", "--short", "--out", str(tmp_path)], cwd=ROOT, check=True,
                   timeout=600, stdout=subprocess.DEVNULL)
    [results] = tmp_path.glob("render-*-short.json")
    pages = json.loads(results.read_text(encoding="utf-8"))["scales"]["1"]["pages"]
    assert list(pages) == [spec.url_path for spec in site.PAGES]
    for name, page in pages.items():
        assert page["errors"] == [], name
        assert math.isfinite(page["ratio"]) and page["ratio"] > 0, name
        assert (page["tab_switch"] is not None) == (name in site.SECTIONS), name  # a tab clicked, where there are
        assert 0 < page["change"]["server"]["median"] <= page["change"]["page"]["median"], name  # the server's part
    # The network itself is timed in its frame, on the page and on its floor; no other page draws one.
    assert [name for name, page in pages.items() if page["network_drawn"]] == ["network"]
    assert pages["network"]["network_ratio"] > 0
    assert not (tmp_path / "latest.md").exists()  # a short run leaves the full run's summary alone
    assert len(list(tmp_path.glob("render-*-short.md"))) == 1

"""A reader's own data: uploads taken apart safely, and a downloaded zip of the data reads back as the same data."""

from __future__ import annotations

import pandas as pd

from components.app.store import DEFAULT_DATA_DIR, OWN_DATA
from components.builders import exports
from components.data.contract import DATASETS
from components.data.uploads import MAX_ENTRIES, MAX_RATIO, read_upload
from components.data.validation import read_files
from tests.conftest import run_page

LIMIT = 1_000_000


zipped = exports.zip_bytes  # a zip as the app writes one


def published(name: str) -> bytes:
    return (DEFAULT_DATA_DIR / name).read_bytes()


def test_csv_files_named_like_the_datasets_are_taken():
    upload = read_upload([("talks.csv", published("talks.csv")), ("links.csv", published("links.csv"))], LIMIT)
    assert set(upload.files) == {"talks.csv", "links.csv"} and upload.notes == []


def test_a_file_not_named_like_a_dataset_is_named_and_ignored():
    upload = read_upload([("my talks.csv", b"id\n"), ("notes.txt", b"x")], LIMIT)
    assert upload.files == {}
    assert "my talks.csv is not one of the data's files" in upload.notes[0]
    assert "notes.txt is not a .csv or .zip file" in upload.notes[1]


def test_a_file_over_the_size_cap_is_not_read():
    upload = read_upload([("events.csv", b"x" * (LIMIT + 1))], LIMIT)
    assert upload.files == {} and "more than the 1.0 MB allowed" in upload.notes[0]


def test_a_zip_entry_is_matched_by_its_name_never_used_as_a_path():
    data = zipped({"../../../etc/passwd": b"root", "../../talks.csv": published("talks.csv"), "dir/": b""})
    upload = read_upload([("data.zip", data)], LIMIT)
    assert list(upload.files) == ["talks.csv"]
    assert any("passwd is not one of the data's files" in note for note in upload.notes)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = zipped({"events.csv": b"0" * (LIMIT * 3)})
    upload = read_upload([("bomb.zip", bomb)], LIMIT)
    assert upload.files == {} and "would unpack to 3.0 MB" in upload.notes[0]


def test_a_zip_entry_compressed_far_beyond_csv_is_ignored():
    dense = zipped({"events.csv": b"0" * (LIMIT // 2)})
    upload = read_upload([("dense.zip", dense)], LIMIT)
    assert upload.files == {} and f"compressed more than {MAX_RATIO}×" in upload.notes[0]


def test_a_zip_with_too_many_entries_is_refused():
    crowded = zipped({f"f{i}.csv": b"x" for i in range(MAX_ENTRIES + 1)})
    assert read_upload([("crowded.zip", crowded)], LIMIT).notes[0].endswith("nothing was taken from it.")


def test_a_file_that_is_not_a_zip_is_named():
    assert "not a zip file" in read_upload([("data.zip", b"PK not really")], LIMIT).notes[0]


def test_a_second_copy_of_a_dataset_is_named_and_the_first_kept():
    upload = read_upload([("talks.csv", b"first"), ("talks.csv", b"second")], LIMIT)
    assert upload.files == {"talks.csv": b"first"} and "second copy" in upload.notes[0]


def test_non_utf8_upload_is_named_by_the_same_checks_as_the_data_folder():
    latin1 = published("companies.csv").replace(b"Renault", "Renault é".encode("latin-1"), 1)
    result = read_files({**{d.file_name: published(d.file_name) for d in DATASETS.values()}, "companies.csv": latin1})
    assert any(p.file == "companies.csv" and "not UTF-8" in p.message for p in result.problems)


def test_the_downloaded_zip_of_the_data_reads_back_as_the_same_data(real_data):
    archive = zipped({DATASETS[name].file_name: exports.csv_bytes(frame) for name, frame in real_data.frames.items()})
    upload = read_upload([("alliance-explorer-data.zip", archive)], 5 * LIMIT)
    again = read_files(upload.files)
    assert again.problems == []
    for name, frame in real_data.frames.items():
        pd.testing.assert_frame_equal(again.frames[name], frame, check_dtype=False, obj=name)


def own_data(**replaced: list[str]) -> dict:
    """A session's own data: the published files, with some replaced by the given lines."""
    files = {d.file_name: published(d.file_name) for d in DATASETS.values()}
    files.update({name: "\n".join(lines).encode("utf-8") for name, lines in replaced.items()})
    return {OWN_DATA: read_files(files)}


def test_history_shows_the_readers_own_events_while_they_are_in_their_session():
    events = published("events.csv").decode("utf-8").splitlines()
    mine = events[:1] + [line for line in events[1:] if "ghosn" in line.split(",")[0]]
    app = run_page("pages/history.py", session=own_data(**{"events.csv": mine}))
    assert not app.exception
    assert f"{len(mine) - 1} of {len(mine) - 1} events" in [header.value for header in app.subheader]


def test_partners_shows_the_readers_own_talks_while_they_are_in_their_session():
    talks = published("talks.csv").decode("utf-8").splitlines()
    app = run_page("pages/partners.py", session=own_data(**{"talks.csv": talks[:2]}))
    assert not app.exception
    assert {metric.label: metric.value for metric in app.metric}["Talks shown"] == "1 of 1"


def test_a_broken_upload_is_reported_like_a_broken_data_folder():
    app = run_page("pages/data.py", session=own_data(**{"links.csv": ["source,target", "renault"]}))
    assert not app.exception
    problems = app.dataframe[0].value
    assert set(problems["file"]) == {"links.csv"}


def test_a_50_megabyte_file_is_refused_at_the_apps_upload_cap():
    cap = 20 * 1_000_000  # .streamlit/config.toml's server.maxUploadSize
    upload = read_upload([("events.csv", b"0" * 50_000_000)], cap)
    assert upload.files == {} and "50.0 MB, more than the 20.0 MB allowed" in upload.notes[0]

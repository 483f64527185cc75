"""The data as a release: the audit covers every row, and the generated files stay in step with the data."""

from __future__ import annotations

import re
from pathlib import Path

import frictionless
import pytest

from components.data import audit, contract, package
from components.data.contract import DATASETS

DATA = Path(__file__).resolve().parent.parent / "data"
READER_TEXT = ("title", "summary", "label", "note", "nissan_offers", "partner_offers", "metric", "claim_en")


def test_datapackage_json_is_generated_from_the_contract():
    assert (DATA / "datapackage.json").read_text(encoding="utf-8") == package.package_json(), (
        "data/datapackage.json is stale: run `python -m components.data.package > data/datapackage.json`")


def test_the_data_validates_against_its_data_package():
    report = frictionless.validate(str(DATA / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]


def test_the_data_package_refuses_a_reference_to_an_unknown_company(tmp_path):
    for file in DATA.glob("*.csv"):
        (tmp_path / file.name).write_bytes(file.read_bytes())
    (tmp_path / "datapackage.json").write_text(package.package_json(), encoding="utf-8")
    stakes = (tmp_path / "stakes.csv").read_text(encoding="utf-8").splitlines()
    stakes[1] = re.sub(r",renault,", ",no-such-company,", stakes[1], count=1)
    (tmp_path / "stakes.csv").write_text("\n".join(stakes) + "\n", encoding="utf-8")
    report = frictionless.validate(str(tmp_path / "datapackage.json"))
    assert not report.valid
    assert "foreign-key" in {error_type for (error_type,) in report.flatten(["type"])}


def test_audit_md_is_generated_from_the_audit_table():
    assert (DATA / "AUDIT.md").read_text(encoding="utf-8") == audit.report(audit.read()), (
        "data/AUDIT.md is stale: run `python -m components.data.audit > data/AUDIT.md`")


def test_the_audit_has_one_line_for_every_row_of_every_dataset(real_data):
    lines = audit.read()
    assert set(lines["outcome"]) <= set(audit.OUTCOMES)
    kept = lines[lines["outcome"] != "removed"]
    for name in (dataset.name for dataset in contract.STORY_DATASETS):
        keys = contract.row_keys(name, real_data.frames[name]).tolist()
        audited = kept.loc[kept["dataset"] == name, "row"].tolist()
        assert sorted(keys) == sorted(audited), name


def test_every_audit_line_names_a_public_page_or_none():
    evidence = audit.read()["source_url"]
    assert evidence[evidence != ""].str.match(r"^https?://\S+$").all()


@pytest.mark.parametrize("name", list(DATASETS))
def test_texts_readers_see_speak_of_sources_not_of_how_the_data_was_made(real_data, name):
    frame = real_data.frames[name]
    for column in [c for c in READER_TEXT if c in frame.columns]:
        made = frame[frame[column].str.contains(r"\b(?:the sheet|fact sheet|seed|placeholder)\b", case=False)]
        assert made.empty, (name, column, made[column].tolist()[:3])

"""The data's texts in Chinese: every text has a current translation, a stale one is never shown, and a
translation carries no address the English does not."""

from __future__ import annotations

import re

import pandas as pd

from components.data import translations
from components.data.contract import DATASETS, STORY_DATASETS, translated_columns
from components.i18n import CHINESE, ENGLISH
from tests import factories

URL = re.compile(r"https?://[^\s，。；）」]+")
CJK = re.compile(r"[\u4e00-\u9fff]")


def test_every_text_of_the_data_has_a_current_chinese_translation(real_data):
    coverage = translations.coverage(real_data.frames)
    behind = coverage[coverage["state"] != "current"]
    assert behind.empty, behind[["dataset", "key", "column", "state"]].head(10).to_string()


def test_every_translation_belongs_to_a_text_of_the_data(real_data):
    cells = translations.cells(real_data.frames)[["dataset", "key", "column"]].apply(tuple, axis=1)
    held = real_data.frames["translations"][["dataset", "key", "column"]].apply(tuple, axis=1)
    assert set(held) <= set(cells), sorted(set(held) - set(cells))[:5]


def test_a_translation_keeps_every_address_of_its_english_and_adds_none(real_data):
    for row in real_data.frames["translations"].itertuples():
        english = {url.rstrip(".,;)") for url in URL.findall(row.en)}
        for url in english:
            assert url in row.zh, (row.dataset, row.key, row.column, url)
        added = {url.rstrip(".,;)") for url in URL.findall(row.zh)} - english
        assert all(any(url.startswith(known) or known.startswith(url) for known in english) for url in added), (
            row.key, added)


def test_chinese_texts_are_in_chinese_where_the_english_is_a_sentence(real_data):
    sentences = real_data.frames["translations"]
    sentences = sentences[sentences["en"].str.count(" ") >= 4]
    assert sentences["zh"].str.contains(CJK).all(), sentences.loc[~sentences["zh"].str.contains(CJK), "key"].tolist()


def test_readers_of_chinese_see_the_translation_and_the_ids_stay(real_data):
    shown = translations.localized(real_data.frames, CHINESE)
    companies = shown["companies"].set_index("id")
    assert companies.loc["nissan", "name"] == "日产"
    assert list(shown["events"]["id"]) == list(real_data.frames["events"]["id"])
    assert shown["stakes"]["pct"].equals(real_data.frames["stakes"]["pct"])


def test_english_readers_see_the_data_files_as_they_are(real_data):
    assert translations.localized(real_data.frames, ENGLISH) is real_data.frames


def test_a_translation_of_english_that_has_since_changed_is_stale_and_not_shown():
    events = factories.frame("events", {"id": "a", "title": "Plan announced"}, {"id": "b", "title": "Deal signed"})
    table = factories.frame("translations", {"dataset": "events", "key": "a", "column": "title",
                                             "en": "Plan announced", "zh": "计划公布"},
                            {"dataset": "events", "key": "b", "column": "title", "en": "Deal agreed", "zh": "达成协议"})
    frames = {"events": events, "translations": table}
    shown = translations.localized(frames, CHINESE)["events"].set_index("id")["title"]
    assert shown.to_dict() == {"a": "计划公布", "b": "Deal signed"}
    states = translations.coverage(frames).set_index(["key", "column"])["state"]
    assert states[("a", "title")] == "current" and states[("b", "title")] == "stale"


def test_the_fact_checks_original_wording_is_not_translated():
    assert "claim_zh" not in translated_columns(DATASETS["claims"])
    assert all("source_url" not in translated_columns(dataset) for dataset in STORY_DATASETS)


def test_a_folder_without_translations_reads_as_english(real_data):
    frames = {name: frame for name, frame in real_data.frames.items() if name != "translations"}
    shown = translations.localized(frames, CHINESE)
    pd.testing.assert_frame_equal(shown["events"], frames["events"])

"""The data's texts in the reader's language, from the translations dataset.

The data files stay English. `translations.csv` holds, for each text cell, the English it translates and
its Chinese; a translation is *current* when that English is still the cell's English. A reader of Chinese
sees the current translations, and the English where there is none or it is stale, so a translation can
never show a fact that the English row no longer carries.
"""

from __future__ import annotations

import pandas as pd

from components.data.contract import DATASETS, row_keys, translated_columns
from components.i18n import ENGLISH

STATES = ("current", "stale", "missing")


def cells(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Every non-empty translated text cell of the story datasets: dataset, key, column, en."""
    rows: list[pd.DataFrame] = []
    for name, frame in frames.items():
        if name not in DATASETS or frame.empty:
            continue
        columns = [column for column in translated_columns(DATASETS[name]) if column in frame]
        if not columns:
            continue
        keys = row_keys(name, frame)
        for column in columns:
            texts = frame[column]
            written = texts.str.strip().astype(bool)
            rows.append(pd.DataFrame({"dataset": name, "key": keys[written], "column": column, "en": texts[written]}))
    return (pd.concat(rows, ignore_index=True) if rows
            else pd.DataFrame(columns=["dataset", "key", "column", "en"]))


def coverage(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each text cell with the state of its translation (current, stale or missing) and the translation."""
    texts = cells(frames)
    table = frames.get("translations")
    if table is None or table.empty:
        return texts.assign(state="missing", zh="")
    known = table.rename(columns={"en": "translated_en"})[["dataset", "key", "column", "translated_en", "zh"]]
    merged = texts.merge(known, on=["dataset", "key", "column"], how="left")
    state = pd.Series("missing", index=merged.index)
    state[merged["translated_en"].notna()] = "stale"
    state[merged["translated_en"] == merged["en"]] = "current"
    return merged.assign(state=state, zh=merged["zh"].where(state == "current", "")).drop(columns="translated_en")


def localized(frames: dict[str, pd.DataFrame], lang: str) -> dict[str, pd.DataFrame]:
    """The frames with each text cell in `lang` where a current translation exists (English: unchanged)."""
    if lang == ENGLISH:
        return frames
    current = coverage(frames)
    current = current[current["state"] == "current"]
    out = dict(frames)
    for name, translated in current.groupby("dataset"):
        frame, keys = frames[name].copy(), row_keys(name, frames[name])
        for column, group in translated.groupby("column"):
            frame[column] = keys.map(dict(zip(group["key"], group["zh"], strict=True))).fillna(frame[column])
        out[name] = frame
    return out

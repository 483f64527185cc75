"""The interface in two languages: the catalogue is complete and current, formats follow the reader's locale,
and a language is never process-wide."""

from __future__ import annotations

import ast
import gettext
from datetime import date

import pandas as pd
import pytest
from babel.messages.pofile import read_po

from components.builders.text import shorten, wrap
from components.i18n import BABEL_LOCALES, CHINESE, ENGLISH, LANGUAGES, plotly_config, translator
from components.i18n.catalogue import ROOT, extract, placeholders, po_file

TRANSLATED = [lang for lang in LANGUAGES if lang != ENGLISH]


def catalogue(lang: str):
    with po_file(lang).open("rb") as file:
        return read_po(file, locale=BABEL_LOCALES[lang])


def messages(lang: str) -> list:
    return [message for message in catalogue(lang) if message.id]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_the_catalogue_holds_exactly_the_messages_the_code_marks(lang):
    marked = {message.id for message in extract() if message.id}
    held = {message.id for message in messages(lang)}
    assert not marked - held, "run `python -m components.i18n.catalogue`: new messages are missing"
    assert not held - marked, "run `python -m components.i18n.catalogue`: messages gone from the code"


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_message_has_a_checked_translation(lang):
    untranslated = [message.id for message in messages(lang)
                    if message.fuzzy or not all(message.string if isinstance(message.string, tuple)
                                                else [message.string])]
    assert not untranslated, untranslated[:10]


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_translation_keeps_the_placeholders_of_its_message(lang):
    for message in messages(lang):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set().union(*(placeholders(text) for text in ids))
        for text in strings:
            assert placeholders(text) == wanted, (message.id, text)
            # Plotly's own %{…} placeholders, and Markdown's bold, survive too.
            assert text.count("%{") == ids[0].count("%{"), (message.id, text)


def test_dates_numbers_and_money_are_written_the_readers_way():
    english, chinese = translator(ENGLISH), translator(CHINESE)
    day = pd.Timestamp("2022-01-27")
    assert (english.date(day), english.date(day, "month"), english.date(day, "year")) == (
        "27 January 2022", "January 2022", "2022")
    assert (chinese.date(day), chinese.date(day, "month"), chinese.date(day, "year")) == (
        "2022年1月27日", "2022年1月", "2022年")
    assert english.money(23e9, "EUR") == "€23bn"
    assert chinese.money(23e9, "EUR") == "230亿欧元"
    assert chinese.percent(35.7) == english.percent(35.7) == "35.7%"
    assert chinese.join(["雷诺", "日产"]) == "雷诺、日产"


def test_an_unknown_language_is_english():
    assert translator("fr").lang == ENGLISH


def test_the_chinese_interface_translates_and_english_stays_english():
    assert translator(CHINESE)("Reset the view") != "Reset the view"
    assert translator(ENGLISH)("Reset the view") == "Reset the view"


def test_choosing_chinese_changes_nothing_process_wide():
    translator(CHINESE)("Reset the view")
    assert gettext.gettext("Reset the view") == "Reset the view"


def test_charts_in_chinese_carry_plotlys_own_chinese_locale_offline():
    config = plotly_config(CHINESE)
    locale = config["locales"][config["locale"]]
    assert config["locale"] == "zh-CN"
    assert locale["dictionary"]["Download plot as a PNG"] == "下载图表为PNG格式"
    assert locale["format"]["months"][0] == "一月"
    assert plotly_config(ENGLISH) == {}


def test_a_chinese_date_on_a_page_reads_as_a_chinese_reader_writes_it():
    assert translator(CHINESE).short_date(date(2025, 2, 13)) == "2025年2月13日"


def _translated_literals() -> set[tuple[str, int, str]]:
    """Every literal the code passes to a translator (`_("…")`, `_.ngettext("…", …)`), found by reading the code's
    syntax tree, f-strings included, which gettext's extraction can't see into."""
    found = set()
    for path in [ROOT / "app.py", *ROOT.glob("pages/*.py"), *ROOT.glob("components/**/*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Constant):
                continue
            func = node.func
            is_gettext = isinstance(func, ast.Name) and func.id == "_"
            is_plural = isinstance(func, ast.Attribute) and func.attr == "ngettext"
            if (is_gettext or is_plural) and isinstance(node.args[0].value, str):
                found.add((str(path.relative_to(ROOT)), node.lineno, node.args[0].value))
    return found


def test_every_literal_the_code_translates_reaches_the_catalogue():
    extracted = {message.id[0] if isinstance(message.id, tuple) else message.id for message in extract()}
    missed = sorted(literal for literal in _translated_literals() if literal[2] not in extracted)
    assert not missed, missed[:10]


def test_chinese_text_wraps_by_its_width_on_screen():
    lines = wrap("来源：Alliance Explorer，数据截至2025年12月10日（CC BY 4.0）", 30)
    assert "".join(lines).replace(" ", "") == "来源：AllianceExplorer，数据截至2025年12月10日（CCBY4.0）"
    assert all(sum(2 if "\u4e00" <= c <= "\u9fff" or c in "：，（）" else 1 for c in line) <= 30 for line in lines)
    assert wrap("Renault and Nissan signed", 12) == ["Renault and", "Nissan", "signed"]
    assert shorten("雷诺-日产联盟在东京签约", 10) == "雷诺-日产…"

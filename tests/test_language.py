"""The reader's language in the running app: chosen in the address, kept there, English where it says nothing."""

from __future__ import annotations

from tests.conftest import run_page

APP = "app.py"


def lang_in_link(app) -> str | None:
    value = app.query_params.get("lang")
    return value[-1] if isinstance(value, list) else value


def switch(app):
    return next(control for control in app.get("button_group") if "语言" in control.label)


def test_english_opens_when_the_link_says_nothing():
    app = run_page(APP)
    assert not app.exception
    assert switch(app).value == "en" and "lang" not in app.query_params


def test_a_hand_typed_chinese_link_opens_in_chinese():
    app = run_page(APP, query={"lang": "zh"})
    assert switch(app).value == "zh"
    assert lang_in_link(app) == "zh"
    assert app.title[0].value == "Alliance Explorer" and "联盟" in app.markdown[0].value


def test_a_language_the_app_does_not_have_opens_in_english_and_leaves_the_link():
    app = run_page(APP, query={"lang": "fr"})
    assert not app.exception
    assert switch(app).value == "en" and "lang" not in app.query_params


def test_choosing_chinese_puts_it_in_the_link():
    app = run_page(APP)
    switch(app).set_value("zh").run()
    assert lang_in_link(app) == "zh"


def test_choosing_english_takes_the_language_out_of_the_link():
    app = run_page(APP, query={"lang": "zh"})
    switch(app).set_value("en").run()
    assert lang_in_link(app) is None

"""The reader's language: English, the default and the language of the data files, or Simplified Chinese.

Every string the app writes is an English gettext message id. `translator(lang)` gives the one
`Translator` of a language: its catalogue (`components/i18n/locale/<lang>/LC_MESSAGES/messages.po`) is
compiled in memory by Babel the first time it is needed, so there is no build step and nothing extra to
deploy. Nothing here is process-wide (no `gettext.install`, no `setlocale`): Streamlit serves many readers
from one process, in threads, so the language is an argument of every builder that writes text.

Strings defined at module level are marked with `N_` (which returns them unchanged) so that extraction finds
them, and are translated where they are shown: `_(SOME_LABEL)`.

Messages use `str.format` placeholders (`"{count} events"`); dates, numbers and money go through Babel in the
reader's locale (27 January 2022 / 2022年1月27日, €23bn / 230亿欧元).

To update the catalogue after changing text (see docs/translating.md):
    pybabel extract -F components/i18n/babel.cfg -o components/i18n/messages.pot .
    pybabel update -i components/i18n/messages.pot -d components/i18n/locale
"""

from __future__ import annotations

import gettext
import io
import json
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_skeleton
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_compact_currency, format_compact_decimal, format_decimal, get_currency_name

ENGLISH = "en"
CHINESE = "zh"
LANGUAGES = (ENGLISH, CHINESE)  # the first is where every link opens unless it says otherwise
LANGUAGE_NAMES = {ENGLISH: "English", CHINESE: "中文"}  # each in its own language, as a switch shows them
BABEL_LOCALES = {ENGLISH: "en_GB", CHINESE: "zh_Hans_CN"}
# The language tag of the HTML a page or download is written in (it also picks the CJK font's glyph forms).
HTML_LANG = {ENGLISH: "en", CHINESE: "zh-Hans"}
CATALOGUES = Path(__file__).resolve().parent / "locale"
# plotly.js's own locale (toolbar tips, month and day names on date axes), which neither Streamlit nor plotly.py
# ships: from the npm package plotly.js-locales 3.7.0 (MIT), as JSON. Passed in each chart's config.
PLOTLY_LOCALES = {CHINESE: Path(__file__).resolve().parent / "plotly-locale-zh-cn.json"}
# Chinese text drawn in Simplified-Chinese faces: without them Chromium may take a Japanese CJK face, in which
# some characters take Japanese forms.
FONTS = {CHINESE: '"Source Sans", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", '
                  'sans-serif'}


def N_(message: str) -> str:
    """Marks a string for translation where it is defined; it is translated where it is shown."""
    return message


class Translator:
    """One language's messages and formats. Call it to translate: `_("Events")`, `_("{n} ties", n=3)`."""

    def __init__(self, lang: str, messages: gettext.NullTranslations):
        self.lang = lang
        self.locale = Locale.parse(BABEL_LOCALES[lang])
        self._messages = messages

    def __call__(self, message: str, /, **params) -> str:
        text = self._messages.gettext(message)
        return text.format(**params) if params else text

    def ngettext(self, singular: str, plural: str, count: int, /, **params) -> str:
        """The form for `count` (Chinese has one); `{count}` in the message is the count, formatted."""
        text = self._messages.ngettext(singular, plural, count)
        return text.format(count=self.number(count), **params)

    def date(self, value, precision: str = "day") -> str:
        """A date at the precision it is known to: 27 March 1999, March 2002, 2008 (1999年3月27日, 2002年3月)."""
        if precision == "year":
            return format_skeleton("y", value, locale=self.locale)
        if precision == "month":
            return format_skeleton("yMMMM", value, locale=self.locale)
        return babel_date(value, format="long", locale=self.locale)

    def short_date(self, value) -> str:
        """A date in little room (axis ticks, hover): 27 Jan 2022, 2022年1月27日."""
        return format_skeleton("yMMMd", value, locale=self.locale)

    def month(self, value) -> str:
        """A month in little room: Jan 2022, 2022年1月."""
        return format_skeleton("yMMM", value, locale=self.locale)

    def number(self, value, digits: int | None = None) -> str:
        pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
        return format_decimal(value, format=pattern, locale=self.locale)

    def percent(self, value: float) -> str:
        """A share given in percent (35.7 → 35.7%), at the precision it was given."""
        return format_decimal(value, locale=self.locale) + "%"

    def money(self, amount: float, currency: str) -> str:
        """A large sum, compact: €23bn, 230亿欧元."""
        if self.lang == CHINESE:
            return format_compact_decimal(amount, locale=self.locale, fraction_digits=2) + get_currency_name(
                currency, locale=self.locale)
        return format_compact_currency(amount, currency, locale=self.locale, fraction_digits=2)

    def join(self, items) -> str:
        """A list read as a sentence's part: "A, B, C" / "A、B、C"."""
        return ("、" if self.lang == CHINESE else ", ").join(items)


@cache
def plotly_config(lang: str) -> dict:
    """The part of a Plotly chart's config that speaks `lang`: {} for English, plotly.js's own default."""
    path = PLOTLY_LOCALES.get(lang)
    if path is None:
        return {}
    locale = json.loads(path.read_text(encoding="utf-8"))
    name = locale["name"]
    return {"locale": name, "locales": {name: {"dictionary": locale["dictionary"], "format": locale["format"]}}}


def _compiled(lang: str) -> gettext.NullTranslations:
    po = CATALOGUES / lang / "LC_MESSAGES" / "messages.po"
    if not po.exists():
        return gettext.NullTranslations()
    with po.open("rb") as file:
        catalogue = read_po(file, locale=BABEL_LOCALES[lang])
    compiled = io.BytesIO()
    write_mo(compiled, catalogue, use_fuzzy=False)  # a fuzzy (unchecked) translation stays English
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@cache
def translator(lang: str = ENGLISH) -> Translator:
    """The translator of `lang`; an unknown language is English."""
    lang = lang if lang in LANGUAGES else ENGLISH
    return Translator(lang, _compiled(lang) if lang != ENGLISH else gettext.NullTranslations())

"""The gettext catalogue: every message the app's code marks, extracted by Babel, and each language's .po file.

    python -m components.i18n.catalogue     # after changing text: messages.pot anew, each .po updated

Updating keeps every translation whose English is unchanged, adds new messages untranslated, and marks a
message whose English changed a little as fuzzy (not shown until a translator checks it). The tests fail
while any message is untranslated or fuzzy, or a translation drops or adds a placeholder.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from components.i18n import BABEL_LOCALES, CATALOGUES, ENGLISH, LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = Path(__file__).resolve().parent / "messages.pot"
MAPPING = Path(__file__).resolve().parent / "babel.cfg"
# Besides gettext's own: N_ marks a module-level string; Term(label, …) and Column(name, kind, description, …)
# carry reader-facing text in the vocabulary and the contract.
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None, "Term": (1,), "Column": (3,)}
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")


def po_file(lang: str) -> Path:
    return CATALOGUES / lang / "LC_MESSAGES" / "messages.po"


def extract() -> Catalog:
    """Every message the code marks, as a template."""
    with MAPPING.open() as file:
        method_map, options_map = parse_mapping_cfg(file)
    template = Catalog(project="Alliance Explorer", charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            ROOT, method_map, options_map, keywords=KEYWORDS, comment_tags=("Translators:",)):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def update() -> None:
    """Write messages.pot anew and bring each language's .po file up to it."""
    template = extract()
    with TEMPLATE.open("wb") as file:
        write_po(file, template, width=120, omit_header=True, sort_output=True)  # no date: no churn
    for lang in LANGUAGES:
        if lang == ENGLISH:
            continue
        path = po_file(lang)
        if path.exists():
            with path.open("rb") as file:
                catalogue = read_po(file, locale=BABEL_LOCALES[lang])
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalogue = Catalog(locale=BABEL_LOCALES[lang], project="Alliance Explorer", charset="utf-8")
        catalogue.update(template, update_header_comment=False)
        catalogue.obsolete.clear()  # messages the code no longer has: gone, not kept as clutter
        with path.open("wb") as file:
            write_po(file, catalogue, width=120, sort_output=True, include_previous=True)


if __name__ == "__main__":
    update()

"""The README's two commands stay true: CI runs exactly the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_after(heading: str) -> str:
    match = re.search(rf"{heading}.*?```(?:bash|sh)?\n(.+?)\n```", README, re.S)
    assert match, f"README has no command block after {heading!r}"
    return match.group(1).strip()


def test_readme_run_command_starts_the_app():
    assert command_after("Run it").endswith("streamlit run app.py")


def test_ci_runs_the_readme_test_command():
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command_after("Test it") in ci_script


def test_readme_screenshot_exists():
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README):
        assert (ROOT / image).is_file(), image

"""The app's scripts (app.py and pages/) as Streamlit runs them."""

from __future__ import annotations

import ast
import tomllib

from tests.conftest import ROOT

SCRIPTS = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def shown_by_magic(tree: ast.Module) -> list[ast.Expr]:
    """The bare expressions Streamlit's magic would show: every one but calls and docstrings."""
    docstrings = {id(scope.body[0]) for scope in ast.walk(tree)
                  if isinstance(scope, (ast.Module, ast.FunctionDef)) and ast.get_docstring(scope) is not None}
    return [node for node in ast.walk(tree) if isinstance(node, ast.Expr) and id(node) not in docstrings
            and not isinstance(node.value, (ast.Call, ast.Await))]


def test_magic_is_off_and_no_script_leaves_a_bare_expression_for_it_to_show():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["runner"]["magicEnabled"] is False
    for script in SCRIPTS:
        bare = shown_by_magic(ast.parse(script.read_text(encoding="utf-8")))
        assert not bare, f"{script.name} line {bare[0].lineno}"


def test_a_bare_expression_is_found_and_a_docstring_is_not():
    tree = ast.parse('"""Module."""\ndef f():\n    """Function."""\n    x\nst.write(1)\n"shown"\n')
    assert sorted(node.lineno for node in shown_by_magic(tree)) == [4, 6]

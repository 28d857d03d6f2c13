"""Every phrase the program makes names exactly the fields its templates use: nothing said is lost, nothing is
missing, and a finding saved in a case file reads back (the case file checks the fields)."""

from __future__ import annotations

import ast

from estimator.codes import Code
from estimator.wording import fields_of
from tests.conftest import ROOT


def phrases_made() -> list[tuple[str, int, str, frozenset[str]]]:
    """Each say(Code.X, name=...) in the program: file, line, code name, the fields given."""
    made = []
    for path in sorted([*(ROOT / "estimator").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("say", "cell_error")):
                continue
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Attribute) and isinstance(first.value, ast.Name) and first.value.id == "Code":
                given = frozenset(k.arg for k in node.keywords if k.arg is not None)
                value = node.args[1] if len(node.args) > 1 else None
                if node.func.id == "cell_error" and not (
                    value is None or (isinstance(value, ast.Constant) and value.value is None)
                ):
                    given |= {"value"}  # cell_error(code, value, ...) passes the cell's value as a field
                if any(k.arg is None for k in node.keywords):
                    continue  # **fields: checked where they are built
                made.append((str(path.relative_to(ROOT)), node.lineno, first.attr, given))
    return made


def test_every_phrase_gives_exactly_the_fields_of_its_templates() -> None:
    made = phrases_made()
    assert len(made) > 100
    wrong = [
        f"{file}:{line}: {name} gives {sorted(given)}, its templates use {sorted(fields_of(Code[name]))}"
        for file, line, name, given in made
        if given != fields_of(Code[name])
    ]
    assert wrong == []

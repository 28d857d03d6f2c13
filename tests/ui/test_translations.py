"""The English window: every German text the window translates has its English in resources/translations (a text
without one shows in German among English ones)."""

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def translated_texts() -> set[str]:
    """The German texts of ui/ passed to tr() as they stand in the code."""
    found = set()
    for path in sorted((ROOT / "ui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr" and node.args:
                text = node.args[0]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    found.add(text.value)
    return found


def test_no_text_is_translated_inside_an_f_string() -> None:
    # the translation tools do not look inside f-strings: such a text stays German in the English window
    inside = [
        f"{path.name}:{call.lineno}"
        for path in sorted((ROOT / "ui").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.JoinedStr)
        for call in ast.walk(node)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and call.func.attr == "tr"
    ]
    assert inside == []


def test_every_text_of_the_window_has_its_english() -> None:
    english = {}
    for message in ET.parse(ROOT / "resources" / "translations" / "hkp_en.ts").getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "obsolete") and translation.text
        english[message.findtext("source")] = done
    texts = translated_texts()
    assert len(texts) > 250
    assert sorted(text for text in texts if not english.get(text)) == []


def test_each_menu_letter_is_taken_once_per_menu_in_either_language(open_window: object) -> None:
    from PySide6.QtCore import QTranslator  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415

    from tests.conftest import GOLDEN  # noqa: PLC0415

    def letters_taken_twice() -> list[str]:
        window = open_window(GOLDEN / "crown_basic.xlsx")  # type: ignore[operator]
        twice = [window.menuBar().actions()[0].text()]  # the first menu's title: the language shown
        for menu in [action.menu() for action in window.menuBar().actions()]:
            letters = [a.text().split("&")[1][0].lower() for a in menu.actions() if "&" in a.text()]
            twice += [f"{menu.title()}: {letter}" for letter in sorted(set(letters)) if letters.count(letter) > 1]
        return twice

    assert letters_taken_twice() == ["&Datei"]
    english = QTranslator()
    assert english.load("hkp_en", str(ROOT / "resources" / "translations"))
    QApplication.installTranslator(english)
    try:
        assert letters_taken_twice() == ["&File"]
    finally:
        QApplication.removeTranslator(english)


def test_a_text_is_translated_by_a_class_or_a_named_context_never_by_another_objects_tr() -> None:
    # `window.tr(…)` in a function of its own is filed under the context "window" but looked up under the window's
    # class at run time: the recovery question and „Datei nicht lesbar“ stayed German in the English window
    calls = [
        f"{path.name}:{node.lineno}"
        for path in sorted((ROOT / "ui").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "tr"
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "self")
    ]
    assert calls == []
    contexts = {name.text for name in ET.parse(ROOT / "resources" / "translations" / "hkp_en.ts").iter("name")}
    assert all(context and context[0].isupper() for context in contexts), contexts

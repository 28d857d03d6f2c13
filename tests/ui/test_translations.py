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


def test_every_text_of_the_window_has_its_english() -> None:
    english = {}
    for message in ET.parse(ROOT / "resources" / "translations" / "hkp_en.ts").getroot().iter("message"):
        translation = message.find("translation")
        done = translation is not None and translation.get("type") not in ("unfinished", "obsolete") and translation.text
        english[message.findtext("source")] = done
    texts = translated_texts()
    assert len(texts) > 250
    assert sorted(text for text in texts if not english.get(text)) == []

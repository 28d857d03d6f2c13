"""Einstellungen → Auslegung dieses Falls: the case's readings of the tariff chosen in the window, undoable and kept
in the case file, as --set does on the command line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from estimator.auslegung import setting_value
from estimator.io.casefile import load_case
from tests.conftest import GOLDEN
from ui.auslegung import AuslegungDialog

DEDUCTIBLE = GOLDEN / "deductible_before_caps.xlsx"  # the order of deductible and staged cap changes its benefit


def test_a_reading_chosen_changes_the_estimate_is_undone_and_saved(open_window: Any, tmp_path: Path) -> None:
    window = open_window(DEDUCTIBLE)
    document = window.document
    profile = document.tariff.profile
    dialog = AuslegungDialog(window, profile, document.estimate.settings)
    assert "accident_lifts" not in dialog.boxes  # one value only: nothing to choose
    box = dialog.boxes["deductible_order"]
    assert box.currentText() == "Vorgabe: vor der Staffel"
    for name, each in dialog.boxes.items():  # the default said first: a long choice's end is cut in the closed box
        default = each.findData(setting_value(getattr(profile.auslegung, name)))
        assert each.itemText(default).startswith("Vorgabe: "), name
    assert dialog.chosen() == {}  # the defaults: nothing of the case's own
    box.setCurrentIndex(box.findData("after_caps"))
    assert dialog.chosen() == {"deductible_order": "after_caps"}
    before = document.estimate.totals.benefit
    assert document.change_settings(dialog.chosen())
    assert document.estimate.settings.deductible_order == "after_caps"
    assert document.estimate.totals.benefit != before  # this plan's figures depend on it
    document.save(tmp_path / "fall.hkp.json")
    assert dict(load_case(tmp_path / "fall.hkp.json").settings) == {"deductible_order": "after_caps"}
    document.undo_stack.undo()
    assert document.estimate.settings.deductible_order == "before_caps" and document.estimate.totals.benefit == before
    again = AuslegungDialog(window, profile, document.estimate.settings)
    assert again.boxes["deductible_order"].currentData() == "before_caps"


def test_a_setting_the_profile_does_not_allow_is_refused(open_window: Any) -> None:
    window = open_window(DEDUCTIBLE)
    reasons: list[str] = []
    window.document.refused.connect(reasons.append)
    assert not window.document.change_settings({"insurance_year": "lunar"})
    assert reasons and "insurance_year=lunar" in reasons[0]
    assert window.document.estimate.settings.insurance_year == "calendar"


def test_the_menu_opens_the_dialog_with_the_case_s_reading_and_takes_the_choice(open_window: Any, monkeypatch: Any) -> None:
    window = open_window(DEDUCTIBLE)
    assert window.document.change_settings({"insurance_year": "anniversary"})
    shown: list[str] = []

    def choose(dialog: AuslegungDialog) -> int:
        shown.append(dialog.boxes["insurance_year"].currentData())  # the case's own reading, not the default
        box = dialog.boxes["deductible_order"]
        box.setCurrentIndex(box.findData("after_caps"))
        return int(AuslegungDialog.DialogCode.Accepted)

    monkeypatch.setattr(AuslegungDialog, "exec", choose)
    action = next(a for a in window.menuBar().actions()[2].menu().actions() if a.text().startswith("&Auslegung"))
    action.trigger()
    assert shown == ["anniversary"]
    settings = window.document.estimate.settings
    assert (settings.insurance_year, settings.deductible_order) == ("anniversary", "after_caps")


def test_the_same_reading_written_otherwise_is_no_change(open_window: Any, tmp_path: Path) -> None:
    window = open_window(DEDUCTIBLE)
    document = window.document
    assert document.change_settings({"preparatory_by_tooth": "ja"})  # the default, written as a case file may
    assert document.undo_stack.count() == 0 and document.is_saved


def test_the_dialog_fits_a_small_screen_and_each_choice_is_read_whole(open_window: Any) -> None:
    window = open_window(DEDUCTIBLE)
    dialog = AuslegungDialog(window, window.document.tariff.profile, window.document.estimate.settings)
    dialog.show()
    assert dialog.width() <= 1024  # its buttons were off a screen of 1366 pixels (the widest choice set its width)
    owners = dialog.boxes["lab_owners"]
    assert "Laborcode Zahnersatz ist" in owners.toolTip()  # the choice cut in the box is whole in its tooltip
    for box in dialog.boxes.values():
        widest = max(box.fontMetrics().horizontalAdvance(box.itemText(i)) for i in range(box.count()))
        assert box.view().minimumWidth() > widest  # and in the open list
    dialog.close()

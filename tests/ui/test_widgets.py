"""The panels: person and contract, totals with the causes of the own share, the tooth chart."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit

from estimator.io.excel import read_plan
from estimator.kinds import LineClass
from tests.conftest import GOLDEN
from tests.estimator.workbooks import write_workbook
from tests.ui.conftest import cell, column
from ui.models import LineColumn

CROWN = GOLDEN / "crown_basic.xlsx"
DEDUCTIBLE = GOLDEN / "deductible_first_year_prorated.xlsx"


def test_cooperating_dentist_turns_80_into_90_percent(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.fee_model
    assert cell(model, 1, LineColumn.RATE) == "80\u00a0%"
    window.person_panel.cooperating.setChecked(True)
    assert cell(model, 1, LineColumn.RATE) == "90\u00a0%"
    assert window.document.estimate.totals.benefit > Decimal("323.01")
    window.undo_action.trigger()
    assert cell(model, 1, LineColumn.RATE) == "80\u00a0%" and not window.person_panel.cooperating.isChecked()


def test_clicking_a_tooth_filters_the_lines(open_window: Any, qtbot: Any) -> None:
    window = open_window(DEDUCTIBLE)
    chart = window.tooth_chart
    tooth = next(iter(window.fee_model.lines[0].teeth.teeth))
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._cell(tooth).center().toPoint())
    shown = window.fee_filter.rowCount()
    assert 0 < shown < len(window.fee_model.lines)
    assert all(
        tooth in window.fee_model.lines[window.fee_filter.mapToSource(window.fee_filter.index(r, 0)).row()].teeth.teeth
        for r in range(shown)
    )
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart._cell(tooth).center().toPoint())
    assert window.fee_filter.rowCount() == len(window.fee_model.lines)


def test_the_teeth_of_the_line_selected_are_outlined_and_the_colours_explained(open_window: Any) -> None:
    window = open_window(CROWN)
    chart = window.tooth_chart
    crown = next(line for line in window.fee_model.lines if line.teeth.teeth)
    assert window.select_line(crown.sheet, crown.row)
    assert chart.marked == crown.teeth.teeth  # the crown's tooth, outlined beside the tables
    image = chart.grab().toImage()
    cell = chart._cell(next(iter(crown.teeth.teeth)))
    edge = QPoint(round(cell.center().x()), round(cell.top()))
    assert image.pixelColor(edge).name() == "#e8730c"  # painted in the outline's colour
    window.fee_view.clearSelection()
    window.fee_view.setCurrentIndex(window.fee_model.index(-1, -1))
    window.show_explanation()
    assert chart.marked == frozenset()
    assert "dunkelblau Klasse A (Zahnersatz)" in chart.toolTip()  # the colours said where no tooth is hovered


def test_totals_bar_says_what_the_patient_pays_by_cause(open_window: Any) -> None:
    window = open_window(GOLDEN / "staged_cap_year1.xlsx")
    text = window.totals.causes.text()
    assert "Erstattungssatz 322,96\u00a0€" in text and "Zahnstaffel 292,04\u00a0€" in text
    assert "Selbstbehalt" not in text  # only the causes that apply
    said = window.totals.causes.toolTip().splitlines()
    assert "  Reihenfolge Selbstbehalt: vor der Staffel" in said  # in words, as the letter says it
    assert not any("=" in line or "_" in line for line in said)


def test_orthodontics_start_in_the_person_panel_is_an_undoable_edit(open_window: Any, tmp_path: Path) -> None:
    plan = write_workbook(
        tmp_path / "kfo.xlsx",
        [[dt.datetime(2026, 6, 1), "OK", "GOZ", "6030", None, 1, 2.3, None, None, None, None]],
        patient={"Geburtsdatum": dt.datetime(2007, 3, 1)},
    )
    window = open_window(plan)
    assert window.document.estimate.totals.benefit == Decimal("0.00")
    field = window.person_panel.orthodontics_start
    field.setText("01.09.2025")
    field.setModified(True)  # as typed by the user
    field.editingFinished.emit()
    assert window.document.person.orthodontics_start == dt.date(2025, 9, 1)
    assert window.document.estimate.totals.benefit == Decimal("174.63")
    window.undo_action.trigger()
    assert window.person_panel.orthodontics_start.text() == ""
    assert window.document.estimate.totals.benefit == Decimal("0.00")


def _warning_pixels(window: Any) -> int:
    """Pixels in the warning colour in the line above the tooth chart (the implant counts)."""
    image = window.tooth_chart.grab().toImage()
    colours = [image.pixelColor(x, y) for x in range(image.width()) for y in range(16)]
    return sum(1 for c in colours if c.red() > 150 and c.green() < 90 and c.blue() < 90)


def test_an_implant_count_over_its_limit_is_in_the_warning_colour(open_window: Any) -> None:
    assert _warning_pixels(open_window(GOLDEN / "implant_limit.xlsx")) > 20
    assert _warning_pixels(open_window(CROWN)) == 0


def test_benefit_is_red_only_where_a_rule_took_more_than_the_rate(open_window: Any) -> None:
    window = open_window(GOLDEN / "implant_limit.xlsx")
    model = window.fee_model
    benefit = next(i for i, c in enumerate(model.columns) if c.key is LineColumn.BENEFIT)
    red = [model.data(model.index(row, benefit), Qt.ItemDataRole.ForegroundRole) is not None for row in range(model.rowCount())]
    excluded = [r is not None and r.eligible == 0 for r in model.results]
    assert red == excluded and any(red) and not all(red)


def test_lab_lines_show_the_vat_they_are_priced_with(open_window: Any) -> None:
    window = open_window(CROWN)
    model = window.lab_model
    vat = next(i for i, c in enumerate(model.columns) if c.key is LineColumn.VAT)
    assert {model.data(model.index(row, vat)) for row in range(model.rowCount())} == {"7\u00a0%"}


def test_the_tooth_chart_shows_each_tooths_most_important_class_and_its_implant(qtbot: Any) -> None:
    from estimator.case import Case  # noqa: PLC0415
    from estimator.kinds import LineClass  # noqa: PLC0415
    from tests.estimator.builders import fee, lab, plan  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.widgets import ToothChart  # noqa: PLC0415

    lines = (fee("2060", "16"), fee("2210", "16"), fee("0090", "16"), fee("9010", "36"), fee("2060", "36"), fee("1040", "46"))
    template = lab("I 112", "UK", "30.00")  # the jaw's drilling template: no tooth of the jaw is treated so
    document = CaseDocument(Case.from_plan(plan(*lines, template)), autosave=False)
    chart = ToothChart(document)
    qtbot.addWidget(chart)
    found = chart.work()
    assert found[16] == (LineClass.A, False)  # a crown beside a filling: the crown's class shows
    assert found[36][1] is True and found[46] == (LineClass.P, False)
    assert 31 not in found and 47 not in found
    assert chart.work() is found  # the same estimate: not worked out again at the next paint
    document.edit_line(("fee", 1, "teeth"), "17")
    assert chart.work()[16] == (LineClass.B, False) and chart.work()[17] == (LineClass.A, False)


def test_painting_the_window_again_and_again_keeps_pythons_none_alive(open_window: Any) -> None:
    """Some PySide6 builds (6.12 on Python 3.11) drop a reference to None at each QPainter call that returns
    nothing; a few hundred repaints then end the program with "none_dealloc". pyproject.toml keeps them out."""
    import sys  # noqa: PLC0415

    window = open_window(CROWN)
    before = sys.getrefcount(None)
    for _ in range(200):
        window.tooth_chart.repaint()
    assert sys.getrefcount(None) >= before - 20


def test_totals_bar_says_the_total_is_without_rows_left_out_and_names_them(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    window = open_window(plan_with(tmp_path, fee(Zahn="99", Faktor=3.0)))
    totals = window.totals
    assert (
        totals.captions["billed"].text().replace("\n", " ") == "Gesamtkosten ohne fehlende Zeilen"
    )  # as the letter's summary says it
    assert "#b3261e" in totals.captions["billed"].styleSheet()
    assert totals.captions["patient_share"].text().replace("\n", " ") == "Eigenanteil ohne fehlende Zeilen"  # nor is it
    assert totals.missing.isVisibleTo(totals)
    assert totals.missing.text() == (
        "Achtung: 1 Zeile des Plans konnte nicht gelesen werden und fehlt in allen Beträgen (Leistungen Zeile 3) – siehe Hinweise"
    )
    assert "Leistungen Zeile 3 (GOZ" in totals.values["billed"].toolTip()  # the row named by what it holds
    # 30 rows left out: ten named, so that the caption stays in view; the tooltip names twenty
    from tests.estimator.test_import_broken import GOOD_FEE, GOOD_LAB  # noqa: PLC0415
    from tests.estimator.workbooks import write_workbook  # noqa: PLC0415

    bad_lab = [*GOOD_LAB[:1], "99", *GOOD_LAB[2:]]
    many = write_workbook(tmp_path / "viele.xlsx", [GOOD_FEE] + [fee(Zahn="99")] * 30, [GOOD_LAB, bad_lab])
    said = open_window(many).totals  # and the other sheet's first, however many rows come before it
    assert "(Leistungen Zeile 3, 4, 5, 6, 7, 8, 9, 10, 11, 12; Labor Zeile 3 …) – siehe Hinweise" in said.missing.text()
    assert said.values["billed"].toolTip().count("\n  Leistungen Zeile") == 20 and said.values["billed"].toolTip().endswith("…")
    whole = open_window(GOLDEN / "crown_basic.xlsx").totals
    assert whole.captions["billed"].text() == "Gesamtkosten" and not whole.missing.isVisibleTo(whole)
    assert whole.values["billed"].toolTip() == ""


def test_totals_bar_says_a_line_without_a_computable_amount_is_missing(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee, plan_with  # noqa: PLC0415

    totals = open_window(plan_with(tmp_path, fee(Nr="9011", Zahn="36"))).totals  # a number no fee schedule knows
    assert totals.captions["billed"].text().replace("\n", " ") == "Gesamtkosten ohne fehlende Zeilen"
    assert totals.missing.text() == (
        "Achtung: ohne Betrag (Nummer unbekannt), fehlt in allen Beträgen: Leistungen Zeile 3 – siehe Hinweise"
    )
    assert "Leistungen Zeile 3 (GOZ 9011" in totals.values["billed"].toolTip()


def test_totals_bar_says_how_much_of_the_benefit_rests_on_an_amount_above_the_maximum(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import fee  # noqa: PLC0415

    slip = write_workbook(tmp_path / "plan.xlsx", [fee(Zahn="26", Betrag=2170.60)], [])  # 330,31 € at factor 3,5
    totals = open_window(slip).totals
    assert totals.missing.isVisibleTo(totals) and totals.captions["billed"].text() == "Gesamtkosten"  # no row is missing
    said = "Vorbehalt: bis zu 1.562,83\xa0€ der Erstattung beruhen auf Beträgen über der Gebühr zum angegebenen Faktor"
    assert totals.missing.text() == said and "ist die Erstattung um bis zu 1.562,83" in totals.missing.toolTip()


def test_totals_bar_says_a_factor_above_the_maximum_with_a_reason_as_such_not_as_above_its_own_factor(
    open_window: Any, tmp_path: Path
) -> None:
    from tests.estimator.test_import_broken import fee  # noqa: PLC0415

    reasoned = fee(Zahn="26", Faktor=3.8, Begründung="erschwerte Präparation bei tief zerstörtem Zahn")
    said = open_window(write_workbook(tmp_path / "plan.xlsx", [reasoned], [])).totals.missing.text()
    assert said.startswith("Vorbehalt: bis zu ") and said.endswith(
        "der Erstattung beruhen auf von der Praxis begründeten Beträgen über der Gebühr zum Höchstsatz"
    )  # the line bills the fee at its own factor 3,8: nothing above that


def test_totals_bar_says_in_red_that_no_tariff_is_chosen_until_one_is(open_window: Any, tmp_path: Path) -> None:
    from tests.estimator.test_import_broken import GOOD_FEE  # noqa: PLC0415

    window = open_window(write_workbook(tmp_path / "plan.xlsx", [GOOD_FEE], [], patient={"Tarif": None}))
    totals = window.totals
    # the benefit stood in bold without a deductible (BM5/0), its only word a warning among the findings
    assert totals.missing.isVisibleTo(totals) and totals.missing.text() == (
        "Kein Tarif gewählt: gerechnet mit BM5/0, dem Tarif ohne Selbstbehalt – bitte links unter „Tarif“ wählen"
    )
    assert window.document.edit_person(variant="BM5/1")
    assert not totals.missing.isVisibleTo(totals)


def test_staged_cap_bars_say_amounts_to_the_cent_where_a_smaller_type_fits(
    open_window: Any, qtbot: Any, monkeypatch: Any
) -> None:
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415

    from ui.capchart import CapChart  # noqa: PLC0415

    chart = CapChart(open_window(GOLDEN / "deductible_before_caps.xlsx").document)  # as narrow as a small window has it
    qtbot.addWidget(chart)
    said: list[str] = []
    draw = QPainter.drawText

    def record(painter: QPainter, *arguments: Any) -> None:
        said.append(str(arguments[-1]))
        draw(painter, *arguments)

    monkeypatch.setattr(QPainter, "drawText", record)
    chart.resize(240, 80)
    chart.render(QImage(chart.size(), QImage.Format.Format_ARGB32))
    assert "2.661,94\u00a0€ frei" in said and "661,94\u00a0€ frei" in said  # as the letter says them, not „≈ 2.662 € frei“
    assert not any("≈" in text for text in said)
    assert "noch frei 2.661,94\u00a0€" in chart.toolTip()


def test_staged_cap_bars_say_each_years_free_amount_and_no_other_in_its_place(qtbot: Any, monkeypatch: Any) -> None:
    # 789,20 € paid in year 1, 1.200 € by this plan in year 2: the free 1.010,80 € of year 3 did not fit beside its
    # bar and the amounts paid stood there without it, the smaller read as what was free
    from PySide6.QtGui import QImage, QPainter  # noqa: PLC0415

    from estimator.case import Case  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415
    from ui.capchart import CapChart  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415

    crown = fee("2210", "16", amount="1500.00")  # 80 %: 1.200 €
    case = Case.from_plan(plan(crown, insurance_start=dt.date(2025, 1, 1), prior_class_a=("789.20",)))
    chart = CapChart(CaseDocument(case, autosave=False))
    qtbot.addWidget(chart)
    said: list[str] = []
    draw = QPainter.drawText
    monkeypatch.setattr(QPainter, "drawText", lambda painter, *args: said.append(str(args[-1])) or draw(painter, *args))
    for width in (330, 380, 440, 640):  # the window gives it 330 to 640
        said.clear()
        chart.resize(width, 96)
        chart.render(QImage(chart.size(), QImage.Format.Format_ARGB32))
        year_3 = said[said.index("Jahr 3: 3.000\u00a0€") + 1 : said.index("Jahr 4: 4.000\u00a0€")]
        assert {"1.010,80\u00a0€ frei", "≈\u00a01.011\u00a0€ frei"} & set(year_3), (width, year_3)


def test_the_person_panel_shows_a_town_and_a_street_whole_or_in_their_tooltip(open_window: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    window.resize(1366, 768)
    panel = window.person_panel
    window.document.edit_person(street="Friedrich-Ebert-Straße 123a", postcode="80331", city="München")
    city = panel.city
    room = city.contentsRect().width() - 2 * city.style().pixelMetric(city.style().PixelMetric.PM_DefaultFrameWidth) - 4
    assert city.fontMetrics().horizontalAdvance("München") <= room  # „Münche“ before: the town shown whole
    assert city.fontMetrics().horizontalAdvance("Mönchengladbach") <= room
    assert panel.street.toolTip() == "Friedrich-Ebert-Straße 123a"
    window.document.edit_person(city="Garmisch-Partenkirchen")
    assert city.toolTip() == "Garmisch-Partenkirchen" and city.cursorPosition() == 0  # its beginning, and all of it


def test_passing_through_the_person_panel_with_tab_changes_nothing(open_window: Any) -> None:
    # every field left without typing (as Tab does): no undo step, nothing unsaved, an empty year stays empty
    window = open_window(GOLDEN / "crown_basic.xlsx")
    panel = window.person_panel
    fields = [field for field in panel.findChildren(QLineEdit) if field.isEnabled() and not field.isReadOnly()]
    assert len(fields) >= 15
    for field in fields:
        field.editingFinished.emit()
    assert window.document.undo_stack.count() == 0 and window.document.is_saved
    assert window.document.person.prior_class_a == read_plan(GOLDEN / "crown_basic.xlsx").person.prior_class_a
    panel.prior[2].setText("0,00")  # 0,00 typed into a year without an amount: the same, no step either
    panel.prior[2].setModified(True)
    panel.prior[2].editingFinished.emit()
    assert window.document.undo_stack.count() == 0


def test_an_amount_with_parts_of_a_cent_in_the_person_panel_is_refused_not_rounded(open_window: Any) -> None:
    window = open_window(GOLDEN / "crown_basic.xlsx")
    field = window.person_panel.prior[0]
    field.setText("12,505")
    field.setModified(True)  # as typed by the user
    field.editingFinished.emit()
    assert window.document.undo_stack.count() == 0
    said = window.person_panel.message.text()
    assert "höchstens 2 Nachkommastellen" in said and "es gilt weiter der bisherige Wert" in said


def test_totals_bar_says_a_line_without_a_treatment_day_has_none(qtbot: Any) -> None:
    from estimator.case import Case  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    undated = plan(fee("2210", "16", amount="217.06"), fee("2197", "16", amount="16.82", date=None), plan_date=None)
    window = MainWindow(CaseDocument(Case.from_plan(undated), autosave=False))
    qtbot.addWidget(window)
    assert window.totals.missing.text() == (
        "Achtung: 1 Zeile ohne Behandlungstag (weder Datum noch Planungsdatum) fehlt in allen Beträgen (Leistungen Zeile 3)"
        " – siehe Hinweise"
    )


def test_a_warning_that_appears_after_an_edit_leaves_the_totals_captions_whole(qtbot: Any) -> None:
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    from estimator.case import Case  # noqa: PLC0415
    from tests.estimator.builders import fee, plan  # noqa: PLC0415
    from ui.document import CaseDocument  # noqa: PLC0415
    from ui.main_window import MainWindow  # noqa: PLC0415

    lines = plan(fee("2210", "16", amount="217.06", date=None), fee("2197", "16", amount="16.82", date=None))
    window = MainWindow(CaseDocument(Case.from_plan(lines), autosave=False))
    window.ask_on_close = lambda _title, _text: QMessageBox.StandardButton.Discard  # the edit below: no question
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitUntil(lambda: window.totals.missing.isHidden() and window.height() <= 768)
    window.document.edit_plan_date(None)  # both lines lose their treatment day: the warning takes two lines more
    qtbot.waitUntil(lambda: not window.totals.missing.isHidden())
    assert window.totals.height() >= window.totals.sizeHint().height()  # nothing of the bar cut off


def test_the_tooth_charts_colours_are_explained_below_it(open_window: Any, tmp_path: Path) -> None:
    """Below the teeth, each class's colour with its name (the tooltip alone was not found): all four are drawn for a
    plan whose teeth show one class only."""
    from ui.widgets import CLASS_COLOURS  # noqa: PLC0415

    crown = ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None, None, None]
    window = open_window(write_workbook(tmp_path / "krone.xlsx", [crown], patient={"Tarif": "BM5/1"}))
    chart = window.tooth_chart
    image = chart.grab().toImage()
    legend = {
        image.pixelColor(x, y).name()
        for x in range(chart.width())
        for y in range(chart.height() - chart.legend_height(), chart.height())
    }
    assert {colour.name() for colour in CLASS_COLOURS.values()} <= legend
    teeth = {image.pixelColor(chart._cell(t).center().toPoint()).name() for t in (11, 21, 31, 41)}
    assert CLASS_COLOURS[LineClass.B].name() not in teeth  # the green below is the legend's, not a tooth's


def test_an_amount_grouped_as_english_writes_it_is_asked_about_in_every_money_field(open_window: Any) -> None:
    """„1,500“ was taken as 1,50 € in the person panel and a line's amount – a thousandth of the 1.500 € English
    grouping means, unsaid; the fields refuse it and say how to write either. In the English window „1.500“ is 1,50 €."""
    window = open_window(GOLDEN / "crown_basic.xlsx")
    field = window.person_panel.deductible_used
    field.setText("1,500")
    field.setModified(True)  # as typed by the user
    field.editingFinished.emit()
    assert window.document.undo_stack.count() == 0 and window.document.person.deductible_used == 0
    assert "„1,500“ gefunden – für Tausend und mehr bitte „1.500“ schreiben" in window.person_panel.message.text()
    refused = window.document.refusal(lambda: window.document.edit_line(("fee", 0, "amount"), "1,500"))
    assert "für Tausend und mehr bitte „1.500“ schreiben" in refused
    assert window.document.edit_line(("lab", 0, "unit_price"), "5,705")  # a unit price may have more places than cents
    assert window.document.case.edits[("lab", 0, "unit_price")] == Decimal("5.705")
    assert window.document.edit_line(("fee", 0, "amount"), "1.500") and window.document.case.edits[("fee", 0, "amount")] == 1500


def test_a_unit_price_with_a_third_place_shows_it_and_stays_when_its_cell_is_confirmed(open_window: Any, tmp_path: Path) -> None:
    """A workbook's unit price 12,345 showed as 12,35 € and, confirmed unchanged, was rewritten to 12,35."""
    from PySide6.QtCore import Qt as QtRoles  # noqa: PLC0415

    crown = ["10.03.2026", "16", "GOZ", "2210", "Vollkrone", 1, 2.3, None, None, None, None]
    lab = ["10.03.2026", "16", "0001", "Modell", 1000, 12.345, 0, None, None]
    window = open_window(write_workbook(tmp_path / "preis.xlsx", [crown], [lab], patient={"Tarif": "BM5/1"}))
    model = window.lab_model
    price = column(model, LineColumn.UNIT_PRICE)
    index = model.index(0, price)
    assert model.data(index) == "12,345\u00a0€" and model.data(index, QtRoles.ItemDataRole.EditRole) == "12,345"
    assert model.setData(index, "12,345")  # Enter on the cell as it stands
    assert window.document.case.edits == {} and window.document.case.plan().lab_lines[0].unit_price == Decimal("12.345")


def test_a_text_pasted_longer_than_its_field_takes_is_refused_with_its_length_not_cut(open_window: Any) -> None:
    """A name of 10.000 characters was cut to 2.000, a street of 300 to 120, unsaid."""
    window = open_window(GOLDEN / "crown_basic.xlsx")
    panel = window.person_panel
    for field, text, said in (
        (panel.name, "A" * 10_000, "höchstens 2.000 Zeichen, 10.000 eingegeben"),
        (panel.street, "Weg " * 75, "höchstens 120 Zeichen, 299 eingegeben"),
    ):
        field.setText(text)
        field.setModified(True)  # as pasted by the user
        field.editingFinished.emit()
        assert said in panel.message.text() and window.document.undo_stack.count() == 0
    assert window.document.person.name == "Erika Mustermann"


def test_in_a_narrow_window_the_tooth_charts_legend_takes_two_rows_and_keeps_its_words(open_window: Any) -> None:
    """At its least width the chart showed „A B P X“ alone – the teeth show numbers, so the letters explained nothing."""
    window = open_window(CROWN)
    chart = window.tooth_chart
    chart.resize(chart.minimumWidth(), 150)
    _font, rows = chart._legend()
    assert chart.legend_height() == 2 * chart.LEGEND and [[text for _, text in row] for row in rows] == [
        ["A Zahnersatz", "B Behandlung"],
        ["P Prophylaxe", "X ohne Erstattung"],
    ]
    chart.resize(440, 150)
    assert chart.legend_height() == chart.LEGEND

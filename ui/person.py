"""The person and contract panel: every field an undoable edit of the case, checked as the workbook's cells are."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QScrollArea, QSpinBox

from estimator.cells import (
    MAX_INSURANCE_NUMBER,
    MAX_TEXT,
    CellError,
    parse_amount,
    parse_birth_date,
    parse_date,
    parse_postcode,
)
from estimator.model import MAX_CAP_YEARS
from estimator.money import cents
from estimator.personvalues import FIELD_LABELS
from estimator.register.history import TYPED_AFTER
from estimator.wording import source_text, text
from ui import formats
from ui.document import CaseDocument
from ui.language import language
from ui.plaintext import tip

ADDRESS_LIMIT = 120  # characters of a street or a town
TEXT_LIMITS = {"name": MAX_TEXT, "insurance_number": MAX_INSURANCE_NUMBER, "street": ADDRESS_LIMIT, "city": ADDRESS_LIMIT}


class PersonPanel(QGroupBox):
    """Tariff, dates, cooperating dentist, accident and what earlier benefits used; every change is undoable."""

    def __init__(self, document: CaseDocument) -> None:
        super().__init__()
        self.setTitle(self.tr("Person und Vertrag"))
        self.document = document
        form = self.form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name, self.insurance_number = QLineEdit(), QLineEdit()  # lengths checked when taken: a paste is not cut unsaid
        self.name.editingFinished.connect(lambda: self._text_edited("name", self.name))
        self.insurance_number.editingFinished.connect(lambda: self._text_edited("insurance_number", self.insurance_number))
        self.street, self.postcode, self.city = QLineEdit(), QLineEdit(), QLineEdit()
        for field, name in ((self.street, "street"), (self.postcode, "postcode"), (self.city, "city")):
            field.editingFinished.connect(lambda field=field, name=name: self._text_edited(name, field))
        self.postcode.setPlaceholderText(self.tr("5 Ziffern"))
        self.variant = QComboBox()
        self.variant.addItems(document.tariffs.variants)
        profile = document.tariff.profile
        self.birth_date = self._date_field("birth_date")
        self.insurance_start = self._date_field("insurance_start")
        self.plan_date = self._date_field("plan_date")
        self.orthodontics_start = self._date_field("orthodontics_start")
        self.orthodontics_start.setToolTip(
            self.tr(
                "Beginn einer schon laufenden kieferorthopädischen Behandlung: sie ist erstattungsfähig, wenn sie vor dem "
                "{0}. Geburtstag begonnen hat ({1}). Leer: die erste KFO-Leistung des Plans."
            ).format(profile.orthodontics_age_limit, profile.sections.orthodontics)
        )
        self.cooperating = QCheckBox(self.tr("Kooperationszahnarzt ({0})").format(formats.rate(profile.rates["A_cooperating"])))
        self.accident = QCheckBox(self.tr("Unfallfolge (ganzer Plan)"))
        self.prior = [self._money_field(year) for year in range(min(profile.cap_years, MAX_CAP_YEARS))]
        self.deductible_used = self._money_field("deductible_used")
        self.pzr_reimbursed = self._money_field("pzr_reimbursed")
        self.implants_upper, self.implants_lower = QSpinBox(), QSpinBox()
        for spin, name in ((self.implants_upper, "implants_upper"), (self.implants_lower, "implants_lower")):
            spin.setRange(0, 16)
            spin.valueChanged.connect(lambda value, name=name: self._changed(name, value))
        self.variant.currentTextChanged.connect(lambda text: self._changed("variant", text))
        self.cooperating.toggled.connect(lambda on: self._changed("cooperating", on))
        self.accident.toggled.connect(lambda on: self._changed("accident", on))
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        form.addRow(self.tr("Patient"), self.name)
        form.addRow(self.tr("Versicherungsnr."), self.insurance_number)
        form.addRow(self.tr("Straße"), self.street)
        self.postcode.setFixedWidth(64)
        form.addRow(self.tr("PLZ"), self.postcode)
        form.addRow(self.tr("Ort"), self.city)  # a row of its own: „München“, „Garmisch-Partenkirchen“ whole
        form.addRow(self.tr("Tarif"), self.variant)
        form.addRow(self.tr("Geburtsdatum"), self.birth_date)
        form.addRow(self.tr("Versicherungsbeginn"), self.insurance_start)
        form.addRow(self.tr("Planungsdatum"), self.plan_date)
        form.addRow(self.cooperating)
        form.addRow(self.accident)
        for year, field in enumerate(self.prior, start=1):
            form.addRow(self.tr("ZE-Erstattung bisher, Jahr {0}").format(year), field)
        form.addRow(self.tr("Selbstbehalt verbraucht"), self.deductible_used)
        form.addRow(self.tr("PZR erstattet"), self.pzr_reimbursed)
        form.addRow(self.tr("Implantate OK (vorhanden)"), self.implants_upper)
        form.addRow(self.tr("Implantate UK (vorhanden)"), self.implants_lower)
        form.addRow(self.tr("KFO-Behandlungsbeginn"), self.orthodontics_start)
        form.addRow(self.message)
        self.refresh()
        document.changed.connect(self.refresh)

    def _text_edited(self, name: str, field: QLineEdit) -> None:
        """The patient's name, insurance number, street, postcode or town, when the user changed it."""
        if not field.isModified():
            return
        value = field.text().strip()
        limit = TEXT_LIMITS.get(name)
        if limit is not None and len(value) > limit:
            counts = (formats.plain(Decimal(n), 0) for n in (limit, len(value)))  # 2.000, as the window writes numbers
            self._not_taken(field, self.tr("höchstens {0} Zeichen, {1} eingegeben").format(*counts))
            return
        field.setModified(False)
        if name == "postcode" and value:
            try:
                value = parse_postcode(value)
            except CellError as error:
                self.message.setText(self.tr("PLZ: {0}").format(text(error.phrase, language())))
                return
        self._taken()
        self._changed(name, value)

    def _date_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        _fits(field, "31.12.2026", "2026-12-31")  # a date cut at a narrow panel read as another („5.06.1975“)
        field.setPlaceholderText(self.tr("TT.MM.JJJJ"))
        field.editingFinished.connect(lambda: self._date_edited(name, field))
        return field

    def _not_taken(self, field: QLineEdit, reason: str) -> None:
        """What was typed in a field is not taken: said with the field's name (the estimate keeps the value before), the
        field framed red until it holds a value taken (its text stays, to be corrected), the message scrolled into view."""
        label = self.form.labelForField(field)
        name = label.text() if isinstance(label, QLabel) else ""
        self.message.setText(self.tr("{0}: {1} – es gilt weiter der bisherige Wert").format(name, reason))
        _mark(field, refused=True)
        scroll = self.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        if scroll is not None:
            QTimer.singleShot(0, lambda: scroll.ensureWidgetVisible(self.message))  # once the message has wrapped

    def _money_field(self, name: str | int) -> QLineEdit:
        field = QLineEdit()
        _fits(field, "100.000,00", "100,000.00")
        field.setAlignment(Qt.AlignmentFlag.AlignRight)
        field.setPlaceholderText(formats.plain(Decimal(0)))
        field.editingFinished.connect(lambda: self._money_edited(name, field))
        return field

    def _taken(self) -> None:
        """A value was taken: the message of one refused before goes, and that field shows its value again."""
        self.message.clear()
        if any(field.property("refused") for field in self.findChildren(QLineEdit)):
            self.refresh()

    def _changed(self, name: str, value: Any) -> None:
        if getattr(self, "_refreshing", False):
            return
        # a value as it stands is an answer where the plan's could not be read – „0“, „nein“; an empty date is none
        answer = value is not None and self.document.is_unread(FIELD_LABELS.get(name, ()))
        if getattr(self.document.person, name) == value and not answer:
            return
        self._refused(self.document.refusal(lambda: self.document.edit_person(**{name: value})))

    def _refused(self, reason: str) -> None:
        """An edit of the panel was not taken: say why at once, and show the values as they stand."""
        if reason:
            self.refresh()
            self.message.setText(reason)

    def _date_edited(self, name: str, field: QLineEdit) -> None:
        """A date of the person, or the plan date (which belongs to the case, not the person), when the user changed it
        (a field only passed through with Tab changes nothing)."""
        if not field.isModified():
            return
        try:
            parse = parse_birth_date if name == "birth_date" else parse_date
            value = parse(field.text()) if field.text().strip() else None
        except CellError as error:
            self._not_taken(field, text(error.phrase, language()))
            return
        field.setModified(False)
        self._taken()  # the field framed red before shows its value again
        if not getattr(self, "_refreshing", False):
            field.setText(formats.day(value))  # as the window writes dates, also when it was the date already
        if name != "plan_date":
            self._changed(name, value)
        elif value != self.document.case.plan_date and not getattr(self, "_refreshing", False):
            self._refused(self.document.refusal(lambda: self.document.edit_plan_date(value)))

    def _money_edited(self, name: str | int, field: QLineEdit) -> None:
        """An amount of the person, when the user changed it."""
        if not field.isModified():
            return
        try:
            typed = formats.number(field.text() or "0", parse_amount)
        except CellError as error:
            self._not_taken(field, text(error.phrase, language()))
            return
        value = cents(typed)
        if value != typed:  # as `hkp` takes amounts: never rounded unsaid
            self._not_taken(field, self.tr("Betrag in Euro mit höchstens 2 Nachkommastellen"))
            return
        field.setModified(False)
        self._taken()
        if not getattr(self, "_refreshing", False):
            field.setText(formats.plain(value))  # as the window writes amounts, also when it was the amount already
        if isinstance(name, int):
            person = self.document.person
            prior = list(person.prior_class_a)
            prior += [Decimal(0)] * (name + 1 - len(prior))
            prior[name] = value
            before = [*person.prior_class_a, *[Decimal(0)] * (len(prior) - len(person.prior_class_a))]
            if getattr(self, "_refreshing", False):
                return
            year = (f"Jahr {name + 1}",)  # the Patient sheet's label
            if prior == before and not self.document.is_unread(year):  # 0,00 typed into an empty year: no change
                return
            # amounts typed by hand after the register's: the source says so, and stays (it marks the deductible and
            # PZR taken from the register, which a later plan must not count as used elsewhere: register.entry)
            source = person.prior_source
            if source and not source.endswith(TYPED_AFTER):
                source += TYPED_AFTER
            self._refused(
                self.document.refusal(lambda: self.document.give_person(year, prior_class_a=tuple(prior), prior_source=source))
            )
        else:
            self._changed(name, value)

    def refresh(self) -> None:
        self._refreshing = True
        person = self.document.person
        self.name.setText(person.name)
        self.insurance_number.setText(person.insurance_number)
        self.street.setText(person.street)
        self.postcode.setText(person.postcode)
        self.city.setText(person.city)
        for field in (self.name, self.insurance_number, self.street, self.city):
            field.setCursorPosition(0)  # a text longer than the field shows its beginning, and all of it in its tooltip
            field.setToolTip(tip(field.text()))
        if person.variant:
            self.variant.setCurrentText(person.variant)
            self.variant.setToolTip("")
        else:  # none named: the estimate assumes one and says so; each choice, that one too, names it
            self.variant.setPlaceholderText(self.tr("bitte wählen"))
            self.variant.setToolTip(self.tr("Kein Tarif gewählt: gerechnet mit {0}").format(self.document.estimate.variant))
            self.variant.setCurrentIndex(-1)
        self.birth_date.setText(formats.day(person.birth_date))
        self.insurance_start.setText(formats.day(person.insurance_start))
        self.plan_date.setText(formats.day(self.document.case.plan_date))
        self.orthodontics_start.setText(formats.day(person.orthodontics_start))
        self.cooperating.setChecked(person.cooperating)
        self.accident.setChecked(person.accident)
        for year, field in enumerate(self.prior):
            field.setText(formats.plain(person.prior_class_a[year] if year < len(person.prior_class_a) else Decimal(0)))
            said = self.tr("übernommen aus {0}").format(source_text(person.prior_source, language()))
            field.setToolTip(tip(said) if person.prior_source else "")
        self.deductible_used.setText(formats.plain(person.deductible_used))
        self.pzr_reimbursed.setText(formats.plain(person.pzr_reimbursed))
        self.implants_upper.setValue(person.implants_upper)
        self.implants_lower.setValue(person.implants_lower)
        for field in self.findChildren(QLineEdit):
            _mark(field, refused=False)  # each shows the value that counts again
        self._refreshing = False


def _mark(field: QLineEdit, *, refused: bool) -> None:
    """A field whose text was not taken framed red (property „refused“), or as any other."""
    if bool(field.property("refused")) != refused:
        field.setProperty("refused", refused)
        field.setStyleSheet("QLineEdit { border: 2px solid #b3261e; }" if refused else "")


def _fits(field: QLineEdit, *widest: str) -> None:
    """A field never narrower than its widest usual value in either language (with the frame and the text's margins)."""
    field.setMinimumWidth(max(field.fontMetrics().horizontalAdvance(text) for text in widest) + 16)

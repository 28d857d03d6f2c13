"""The window's tables: how a table view of lines, findings or explanation steps is set up."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.models import LinesModel, ToothFilter


def table_view(model: QAbstractItemModel, editable: bool = True) -> QTableView:
    """A table of the window: whole rows selected, one at a time; line tables editable, with their column widths."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(22)
    view.horizontalHeader().setHighlightSections(False)
    if editable:
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        source = model.sourceModel() if isinstance(model, ToothFilter) else model
        for column, spec in enumerate(source.columns if isinstance(source, LinesModel) else []):
            view.setColumnWidth(column, spec.key.width)
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view

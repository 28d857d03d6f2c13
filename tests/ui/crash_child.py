"""A desktop session that edits a plan and then waits to be killed (tests/ui/test_crash.py kills it)."""

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from estimator.io.casefile import open_case
from ui.document import CaseDocument, autosave_path
from ui.main_window import MainWindow

app = QApplication([])
plan = Path(sys.argv[1])
window = MainWindow(CaseDocument(open_case(plan), source=plan))
window.show()
document = window.document
document.edit_line(("fee", 1, "factor"), sys.argv[2] if len(sys.argv) > 2 else "3,5")
document.edit_line(("fee", 1, "justification"), "tief zerstörter Zahn")
document.edit_person(cooperating=True)
document.edit_line(("lab", 0, "quantity"), "3")
while not autosave_path().exists() or document._autosave_timer.isActive():
    app.processEvents()
print(document.estimate.totals.benefit, flush=True)
app.exec()  # editing would go on; the test kills the process here

"""The preview of an ad platform's export: what the reader recognised, what matched,
and every unmatched row and problem where it is in the file.

Unlike the other imports' preview this one stays open while the planner fixes the
import's inputs, not the file: the amounts' unit when the file states none,
leaving unmatched rows out, and the plan's matching rules. Each change asks for a
re-check (`recheck_requested`); the controller runs it in a worker and hands the
new result to `show_checked`, so Import always commits what is shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.io.problem_words import reason_words
from ui.i18n import translated
from ui.transfer.preview import ProblemsModel, problems_table

if TYPE_CHECKING:
    from planner.io.platforms.check import PlatformImport

UNITS = ("元", "分", "厘", "万元")  # the renminbi units the readers know by name


class PlatformPreviewDialog(QDialog):
    """Accepted (Import) only when the latest check has no problem and none is running.

    `checked` is always the result on show; `unit()` and `skip_unmatched()` are the
    options the next check should use.
    """

    recheck_requested = Signal()

    def __init__(self, checked: PlatformImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checked = checked
        self.checking = False
        self.setWindowTitle(self.tr("Import %1").replace("%1", checked.report.file))
        self.resize(860, 560)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.problems_view = problems_table(checked.report.problems)
        self.warnings = QListWidget()
        self.warnings.setMaximumHeight(120)
        self.unit_combo = QComboBox()
        self.unit_combo.addItem(self.tr("as the file states"), None)
        units = UNITS + ((checked.summary.currency,) if checked.summary.currency != "CNY"
                         else ())
        for unit in units:
            self.unit_combo.addItem(unit, unit)
        self.skip_box = QCheckBox(self.tr("Leave unmatched rows out"))
        self.rules_button = QPushButton(self.tr("Matching rules…"))
        options = QHBoxLayout()
        options.addWidget(QLabel(self.tr("Amounts' unit if the file states none:")))
        options.addWidget(self.unit_combo)
        options.addWidget(self.skip_box)
        options.addStretch(1)
        options.addWidget(self.rules_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.status)
        layout.addWidget(self.problems_view, 1)
        layout.addWidget(QLabel(self.tr("Notes:")))
        layout.addWidget(self.warnings)
        layout.addWidget(buttons)
        self.unit_combo.currentIndexChanged.connect(self.recheck_requested)
        self.skip_box.toggled.connect(self.recheck_requested)
        self.show_checked(checked)

    # -- the options ----------------------------------------------------------------------
    def unit(self) -> str | None:
        return self.unit_combo.currentData()

    def skip_unmatched(self) -> bool:
        return self.skip_box.isChecked()

    # -- showing a check ------------------------------------------------------------------
    def show_checking(self) -> None:
        self.checking = True
        self.status.setText(self.tr("Checking again…"))
        self._update_import()

    def show_failed(self, message: str) -> None:
        self.checking = False
        self.status.setText(self.tr("The check failed: %1").replace("%1", message))
        self._update_import()

    def show_checked(self, checked: PlatformImport) -> None:
        self.checked, self.checking = checked, False
        report = checked.report
        self.summary.setText("\n".join([report.file, *map(translated,
                                                            checked.summary.lines())]))
        self.status.setText(self._status())
        old = self.problems_view.model()
        self.problems_view.setModel(ProblemsModel(report.problems, self.problems_view))
        old.deleteLater()
        self.warnings.clear()
        self.warnings.addItems([translated(reason_words(w)) for w in report.warnings])
        self._update_import()

    def _status(self) -> str:
        report = self.checked.report
        if report.problems:
            return self.tr("%1 problem(s), each listed below with where it is in the file. "
                           "Nothing will be imported until every one is fixed: fix the file, "
                           "give the unit, add matching rules or leave unmatched rows out."
                           ).replace("%1", str(len(report.problems)))
        return self.tr("Ready: %1 actual(s) to add, %2 to update, %3 already in the plan "
                       "unchanged.").replace("%1", str(report.added.get("actuals", 0))) \
            .replace("%2", str(report.updated.get("actuals", 0))) \
            .replace("%3", str(report.unchanged))

    def _update_import(self) -> None:
        ready = self.checked.report.ok and not self.checking
        self.import_button.setEnabled(ready)
        self.import_button.setDefault(ready)
        self.rules_button.setEnabled(not self.checking)

    def accept(self) -> None:
        if self.checked.report.ok and not self.checking:
            super().accept()

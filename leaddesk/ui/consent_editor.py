"""The lead's consent basis and the laws that apply to it, on the lead card.

Without a consent basis the strictest rules hold (a lead who asked to be contacted is not
a "telephone solicitation" under most laws, so some rules lift for it). The agent records
the basis and where it was given; both are kept with the lead and synced."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from leaddesk.domain.jurisdictions import CONSENT_BASES, jurisdiction_name
from leaddesk.services.leads import LeadDetail
from leaddesk.ui.elided_label import ElidedLabel


class ConsentEditor(QWidget):
    consent_changed = Signal(str, str, str)  # lead id, basis, source

    LABELS = {
        "none": QT_TRANSLATE_NOOP("ConsentEditor", "None recorded (strictest rules)"),
        "inquiry": QT_TRANSLATE_NOOP("ConsentEditor", "Asked to be contacted"),
        "express_written": QT_TRANSLATE_NOOP("ConsentEditor", "Express written consent"),
        "ebr": QT_TRANSLATE_NOOP("ConsentEditor", "Existing business relationship"),
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ConsentEditor")
        self._lead_id = ""
        self._saved = ("none", "")
        # One line, elided on a narrow card; the whole list is in the tooltip.
        self.rules_label = ElidedLabel("", self)
        self.rules_label.setObjectName("LeadJurisdictions")
        self.rules_label.setAccessibleName(self.tr("Calling rules of"))
        self.rules_label.setProperty("muted", True)
        self.basis = QComboBox(self)
        self.basis.setObjectName("ConsentBasis")
        self.basis.setAccessibleName(self.tr("Consent basis"))
        for code in CONSENT_BASES:
            label = QCoreApplication.translate("ConsentEditor", str(self.LABELS[code]))
            self.basis.addItem(label, code)
        self.source = QLineEdit(self)
        self.source.setObjectName("ConsentSource")
        self.source.setAccessibleName(self.tr("Where the consent was given"))
        self.source.setPlaceholderText(self.tr("where and when (web form, 1 Dec)"))
        self.save = QPushButton(self.tr("Save consent"), self)
        self.save.setObjectName("ConsentSave")
        self.save.setAccessibleName(self.tr("Save consent"))
        self.save.setEnabled(False)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Consent"), self)
        caption.setBuddy(self.basis)
        row.addWidget(caption)
        row.addWidget(self.basis, 1)
        row.addWidget(self.source, 2)
        row.addWidget(self.save)
        row.addWidget(self.rules_label, 1)
        self.basis.currentIndexChanged.connect(self._edited)
        self.source.textEdited.connect(self._edited)
        self.source.returnPressed.connect(self._save)
        self.save.clicked.connect(self._save)

    def set_detail(self, detail: LeadDetail) -> None:
        self._lead_id = detail.lead_id
        source = detail.consent_source
        self._saved = (detail.consent_basis, source)
        self.basis.blockSignals(True)
        self.basis.setCurrentIndex(max(0, self.basis.findData(detail.consent_basis)))
        self.basis.blockSignals(False)
        self.source.setText(source)
        self.save.setEnabled(False)
        codes = ", ".join(detail.jurisdictions)
        names = ", ".join(f"{jurisdiction_name(c)} ({c})" for c in detail.jurisdictions)
        self.rules_label.setText(
            self.tr("Rules: {codes}").format(codes=codes)
            if codes
            else self.tr("Rules: unknown (the strictest)")
        )
        self.rules_label.setToolTip(
            self.tr("The calling rules of {places} apply to this lead.").format(places=names)
            if names
            else self.tr("No jurisdiction is known: the strictest rules apply.")
        )

    def _current(self) -> tuple[str, str]:
        return str(self.basis.currentData()), self.source.text().strip()

    def _edited(self) -> None:
        self.save.setEnabled(bool(self._lead_id) and self._current() != self._saved)

    def _save(self) -> None:
        if not self.save.isEnabled():
            return
        basis, source = self._current()
        self.save.setEnabled(False)
        self.consent_changed.emit(self._lead_id, basis, source)

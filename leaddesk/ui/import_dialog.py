"""The Import dialog: pick a lead file, check what was detected, adjust the column
mapping against a preview of the first rows, pick the default region, import with a
progress bar and a cancel button, and read the summary (with a link to the rejects).
The time zone a source writes its times in is remembered per source, the mapping per
header row (`intake.memory`); a supervisor maps the file's owners to agents.

File detection and the import run off the GUI thread (`TaskRunner`); the import opens
its own session and hands back a plain `ImportSummary`. Cancelling, or any failure,
leaves the database as it was (see `ImportService`).
"""

from __future__ import annotations

import threading
from html import escape
from pathlib import Path
from zoneinfo import available_timezones

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QObject,
    QSize,
    Qt,
    QThreadPool,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from leaddesk.domain.clock import Clock
from leaddesk.domain.phone import dial_regions, normalize_region
from leaddesk.services.errors import UserError
from leaddesk.services.importer import ImportCancelled, ImportProgress, ImportService, ImportSummary
from leaddesk.services.intake import FIELDS, FORMATS, LeadSource, open_source
from leaddesk.services.intake.memory import (
    remember_mapping,
    remember_zone,
    remembered_mapping,
    remembered_zone,
)
from leaddesk.services.intake.owners import OwnerAliases, OwnerResolver
from leaddesk.services.intake.values import system_zone
from leaddesk.services.workspace import Workspace
from leaddesk.store.engine import Store
from leaddesk.store.models import Agent
from leaddesk.ui import screen_fit
from leaddesk.ui.tasks import TaskRunner
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, field_name

FILE_FILTER = QT_TRANSLATE_NOOP(
    "ImportDialog", "Lead files (*.csv *.txt *.tsv *.xlsx);;All files (*)"
)
FORMAT_CHOICES = {
    "auto": QT_TRANSLATE_NOOP("ImportDialog", "Detect automatically"),
    "csv": QT_TRANSLATE_NOOP("ImportDialog", "CSV with a header row"),
    "vicidial": QT_TRANSLATE_NOOP("ImportDialog", "VICIdial lead file"),
    "hubspot": QT_TRANSLATE_NOOP("ImportDialog", "HubSpot contact export"),
    "salesforce": QT_TRANSLATE_NOOP("ImportDialog", "Salesforce export"),
    "xlsx": QT_TRANSLATE_NOOP("ImportDialog", "Excel workbook"),
}
PREVIEW_COLUMNS_SAMPLE = 3
PREVIEW_COLUMN_MAX = 240  # pixels: a long value in the first rows scrolls


class _Progress(QObject):
    """Lives on the GUI thread; the import worker emits, the dialog's slot updates."""

    changed = Signal(int, float)


def _system_region() -> str:
    try:
        code = QLocale.territoryToCode(QLocale.system().territory())
    except (AttributeError, TypeError):
        return ""
    return normalize_region(code) or ""


class ImportDialog(QDialog):
    """`ImportDialog(store, workspace_agent_name, clock, parent)`.

    `imported(summary)` is emitted after a committed import (refresh the call list).
    """

    imported = Signal(object)

    def __init__(
        self,
        store: Store,
        workspace_agent_name: str | None,
        clock: Clock,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportDialog")
        self.setAccessibleName(self.tr("Import leads"))
        self.setWindowTitle(self.tr("Import leads"))
        # As tall as the screen allows up to this: the columns to check are the point.
        screen_fit.place(self, QSize(900, 860))
        self._store = store
        self._agent_name = workspace_agent_name
        self._clock = clock
        pool = QThreadPool(self)
        pool.setMaxThreadCount(1)  # detection and import one after the other
        self._runner = TaskRunner(self, pool, on_error=self._show_error)
        self._source: LeadSource | None = None
        self._cancel = threading.Event()
        self._running = False
        self._last: ImportSummary | None = None
        self._owners_editable = False
        self._progress = _Progress(self)
        self._progress.changed.connect(self._on_progress)
        self._build()

    # -- building ---------------------------------------------------------------------------

    def _named(self, widget: QWidget, name: str, accessible: str) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)

    def _build(self) -> None:
        self.file_edit = QLineEdit(self)
        self._named(self.file_edit, "ImportFile", self.tr("Lead file"))
        self.file_edit.setPlaceholderText(self.tr("Choose a CSV, tab-separated or Excel file"))
        self.file_edit.editingFinished.connect(self._file_typed)
        self.browse = QPushButton(self.tr("Browse…"), self)
        self._named(self.browse, "ImportBrowse", self.tr("Choose the lead file"))
        self.browse.clicked.connect(self._pick_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.browse)

        self.format_box = QComboBox(self)
        self._named(self.format_box, "ImportFormat", self.tr("File format"))
        for key in FORMATS:
            self.format_box.addItem(
                QCoreApplication.translate("ImportDialog", FORMAT_CHOICES[key]), key
            )
        self.format_box.currentIndexChanged.connect(self._format_changed)
        self.detected = QLabel(self.tr("No file chosen"), self)
        self._named(self.detected, "ImportDetected", self.tr("Detected format"))
        self.detected.setWordWrap(True)

        self.region_box = QComboBox(self)
        self._named(self.region_box, "ImportRegion", self.tr("Default region for national numbers"))
        self.region_box.addItem(self.tr("(none: numbers need a country)"), "")
        for code in dial_regions():
            self.region_box.addItem(code, code)
        index = self.region_box.findData(_system_region())
        self.region_box.setCurrentIndex(max(index, 0))
        self.region_box.setToolTip(
            self.tr(
                "The country of numbers written without a country code, for rows without a country"
            )
        )

        self.zone_box = QComboBox(self)
        self._named(self.zone_box, "ImportSourceZone", self.tr("Time zone of the file's times"))
        here = str(getattr(system_zone(), "key", "") or system_zone())
        self.zone_box.addItem(self.tr("This computer's ({zone})").format(zone=here), "")
        self.zone_box.addItem("UTC", "UTC")
        for zone in sorted(z for z in available_timezones() if "/" in z):
            self.zone_box.addItem(zone, zone)
        self.zone_box.setToolTip(
            self.tr(
                "Where the system that wrote the file keeps its clock: times without an "
                "offset are read in this zone (remembered for each source)"
            )
        )
        self.order_box = QComboBox(self)
        self._named(self.order_box, "ImportDateOrder", self.tr("Order of day and month"))
        self.order_box.addItem(self.tr("From the file"), "")
        self.order_box.addItem(self.tr("Month first (3/4 is March 4)"), "mdy")
        self.order_box.addItem(self.tr("Day first (3/4 is 3 April)"), "dmy")

        form = QFormLayout()
        form.addRow(self.tr("File:"), file_row)
        form.addRow(self.tr("Format:"), self.format_box)
        form.addRow(self.tr("Detected:"), self.detected)
        form.addRow(self.tr("Default region:"), self.region_box)
        form.addRow(self.tr("Times in the file:"), self.zone_box)
        form.addRow(self.tr("Dates:"), self.order_box)

        self.mapping_table = QTableWidget(0, 3, self)
        self._named(self.mapping_table, "ImportMapping", self.tr("Column mapping"))
        self.mapping_table.setHorizontalHeaderLabels(
            [self.tr("Column in the file"), self.tr("LeadDesk field"), self.tr("Sample")]
        )
        self.mapping_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.mapping_table.verticalHeader().setVisible(False)
        # Before a file is chosen too, the headers are read whole ("lumn in the f" was cut).
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(1, 200)

        self.owner_table = QTableWidget(0, 2, self)
        self._named(self.owner_table, "ImportOwners", self.tr("Owners in the file"))
        self.owner_table.setHorizontalHeaderLabels([self.tr("Owner in the file"), self.tr("Agent")])
        self.owner_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.owner_table.verticalHeader().setVisible(False)
        self.owner_label = QLabel(
            self.tr("Owners the first rows name (a supervisor maps them to agents):"), self
        )
        self.owner_table.setVisible(False)
        self.owner_label.setVisible(False)

        self.preview_table = QTableWidget(0, 0, self)
        self._named(self.preview_table, "ImportPreview", self.tr("First rows of the file"))
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

        self.progress_bar = QProgressBar(self)
        self._named(self.progress_bar, "ImportProgress", self.tr("Import progress"))
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(False)

        self.summary = QLabel("", self)
        self._named(self.summary, "ImportSummary", self.tr("Import summary"))
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.summary.linkActivated.connect(self._open_link)

        self.import_button = QPushButton(self.tr("Import"), self)
        self._named(self.import_button, "ImportStart", self.tr("Start the import"))
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self._named(self.cancel_button, "ImportCancel", self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self._cancel_clicked)
        self.close_button = QPushButton(self.tr("Close"), self)
        self._named(self.close_button, "ImportClose", self.tr("Close the dialog"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("Columns (change a field where the guess is wrong):"), self)
        )
        layout.addWidget(self.mapping_table, 3)
        layout.addWidget(self.owner_label)
        layout.addWidget(self.owner_table, 1)
        layout.addWidget(QLabel(self.tr("First rows:"), self))
        layout.addWidget(self.preview_table, 2)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)

    # -- choosing the file --------------------------------------------------------------------

    @property
    def source(self) -> LeadSource | None:
        return self._source

    def _pick_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import leads"),
            "",
            QCoreApplication.translate("ImportDialog", FILE_FILTER),
        )
        if path:
            self.set_file(Path(path))

    def _file_typed(self) -> None:
        text = self.file_edit.text().strip()
        if text and (self._source is None or Path(text) != self._source.path):
            self.set_file(Path(text))

    def _format_changed(self) -> None:
        text = self.file_edit.text().strip()
        if text:
            self.set_file(Path(text))

    def set_file(self, path: Path) -> None:
        """Open the file (off the GUI thread) and show what was detected."""
        self.file_edit.setText(str(path))
        fmt = str(self.format_box.currentData() or "auto")
        self._source = None
        self.import_button.setEnabled(False)
        self.detected.setText(self.tr("Reading…"))
        self.summary.setText("")
        self._runner.run(
            lambda: open_source(path, fmt),
            self._show_source,
            self._source_failed,
            name="detect lead file",
        )

    def _source_failed(self, error: BaseException) -> None:
        self._clear_tables()
        self.detected.setText(self.tr("Not a lead file"))
        self._show_error(error)

    def _show_source(self, source: LeadSource) -> None:
        self._source = source
        self.detected.setText(source.label)
        self.summary.setText("")
        remembered = remembered_mapping(self._store, source.mapping)
        if remembered is not None:  # the agent's choice for this header row last time
            source.mapping.fields = remembered
        zone = remembered_zone(self._store, source.source_name)
        self.zone_box.setCurrentIndex(max(self.zone_box.findData(zone or ""), 0))
        self._fill_mapping(source)
        self._fill_owners(source)
        self._fill_preview(source)
        self._update_ready()

    def _fill_owners(self, source: LeadSource) -> None:
        """The distinct owners the preview names, each with the agent it maps to; a
        supervisor can change them (saved as owner aliases for this source)."""
        columns = source.mapping.columns_for("owner")
        seen: dict[str, None] = {}
        for cells in source.preview:
            for i in columns:
                if i < len(cells) and cells[i].strip():
                    seen.setdefault(" ".join(cells[i].split()), None)
        with self._store.session() as session:
            agents = [(a.name, a.id) for a in session.scalars(select(Agent).order_by(Agent.name))]
            me = session.scalar(select(Agent).where(Agent.name == (self._agent_name or "")))
            supervisor = bool(me is not None and me.is_supervisor)
            resolver = OwnerResolver(session, source.source_name)
            found = {owner: resolver.agent_for(owner) for owner in seen}
        self._owners_editable = supervisor
        self.owner_table.setRowCount(len(seen))
        for row, owner in enumerate(seen):
            item = QTableWidgetItem(owner)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.owner_table.setItem(row, 0, item)
            box = QComboBox(self.owner_table)
            self._named(
                box, f"ImportOwner{row}", self.tr("Agent for owner {owner}").format(owner=owner)
            )
            box.addItem(self.tr("(unknown: the importing agent)"), "")
            for name, agent_id in agents:
                box.addItem(name, agent_id)
            box.setCurrentIndex(max(box.findData(found[owner] or ""), 0))
            box.setEnabled(supervisor)
            self.owner_table.setCellWidget(row, 1, box)
        self.owner_table.setVisible(bool(seen))
        self.owner_label.setVisible(bool(seen))

    def owner_choices(self) -> dict[str, str]:
        """Owner text -> agent name, as the owner table shows them (mapped ones only)."""
        out: dict[str, str] = {}
        for row in range(self.owner_table.rowCount()):
            box = self.owner_table.cellWidget(row, 1)
            item = self.owner_table.item(row, 0)
            if isinstance(box, QComboBox) and item is not None and box.currentData():
                out[item.text()] = box.currentText()
        return out

    def _clear_tables(self) -> None:
        self.owner_table.setRowCount(0)
        self.mapping_table.setRowCount(0)
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)

    def _fill_mapping(self, source: LeadSource) -> None:
        mapping = source.mapping
        self.mapping_table.setRowCount(len(mapping.headers))
        for row, header in enumerate(mapping.headers):
            name = QTableWidgetItem(header or self.tr("Column {number}").format(number=row + 1))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(row, 0, name)
            box = QComboBox(self.mapping_table)
            self._named(
                box,
                f"ImportField{row}",
                self.tr("LeadDesk field for column {column}").format(column=header or row + 1),
            )
            for key, label in FIELDS.items():
                box.addItem(field_name(label), key)
            box.setCurrentIndex(max(box.findData(mapping.fields[row]), 0))
            box.currentIndexChanged.connect(
                lambda _i, column=row, combo=box: self._field_changed(column, combo)
            )
            self.mapping_table.setCellWidget(row, 1, box)
            samples = [r[row] for r in source.preview[:PREVIEW_COLUMNS_SAMPLE] if row < len(r)]
            sample = QTableWidgetItem(" | ".join(s.replace("\n", " ")[:40] for s in samples))
            sample.setFlags(sample.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.mapping_table.setItem(row, 2, sample)
        self.mapping_table.resizeColumnToContents(0)
        self.mapping_table.setColumnWidth(1, 200)

    def _fill_preview(self, source: LeadSource) -> None:
        headers = source.mapping.headers
        width = max([len(headers), *(len(r) for r in source.preview)])
        self.preview_table.setColumnCount(width)
        self.preview_table.setHorizontalHeaderLabels(
            [
                headers[i] if i < len(headers) else self.tr("Column {number}").format(number=i + 1)
                for i in range(width)
            ]
        )
        self.preview_table.setRowCount(len(source.preview))
        for r, cells in enumerate(source.preview):
            for c, cell in enumerate(cells):
                self.preview_table.setItem(r, c, QTableWidgetItem(cell[:200]))
        # Each column as wide as its header and values ("hone Numbe" was cut), a long
        # value (a note, an address) no wider than PREVIEW_COLUMN_MAX: it scrolls.
        self.preview_table.resizeColumnsToContents()
        for c in range(width):
            if self.preview_table.columnWidth(c) > PREVIEW_COLUMN_MAX:
                self.preview_table.setColumnWidth(c, PREVIEW_COLUMN_MAX)

    def _field_changed(self, column: int, combo: QComboBox) -> None:
        if self._source is None:
            return
        self._source.mapping.set(column, str(combo.currentData() or ""))
        self._update_ready()

    def _update_ready(self) -> None:
        source = self._source
        ready = source is not None and source.mapping.has_phone and not self._running
        self.import_button.setEnabled(ready)
        if source is not None and not source.mapping.has_phone:
            self.summary.setText(
                self.tr("No column is mapped to a phone number: pick the phone column above.")
            )
        elif not self._running and self._last is None:
            self.summary.setText("")

    # -- importing ------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._running

    def start_import(self) -> None:
        source = self._source
        if source is None or self._running:
            return
        region = str(self.region_box.currentData() or "") or None
        zone = str(self.zone_box.currentData() or "") or None
        order = str(self.order_box.currentData() or "") or None
        owners = self.owner_choices() if self._owners_editable else {}
        store, agent, clock = self._store, self._agent_name, self._clock
        cancel = self._cancel
        cancel.clear()
        progress = self._progress

        def work() -> ImportSummary:
            workspace = Workspace.open(store, agent, clock)
            service = ImportService(workspace)
            if owners:  # a supervisor's mapping, kept for the next files of this source
                with store.transaction() as session:
                    aliases = OwnerAliases(session)
                    for text, name in owners.items():
                        aliases.set(text, name, clock(), source=source.source_name)

            def report(p: ImportProgress) -> None:
                progress.changed.emit(p.rows, p.fraction)

            summary = service.run(
                source,
                region=region,
                progress=report,
                cancelled=cancel.is_set,
                source_tz=zone,
                date_order=order,
            )
            remember_mapping(store, source.mapping)
            if zone:
                remember_zone(store, source.source_name, zone)
            return summary

        self._set_running(True)
        self._last = None
        self.progress_bar.setValue(0)
        self.summary.setText(self.tr("Importing…"))
        self._runner.run(work, self._import_done, self._import_failed, name="import leads")

    def _set_running(self, running: bool) -> None:
        self._running = running
        for widget in (
            self.file_edit,
            self.browse,
            self.format_box,
            self.region_box,
            self.zone_box,
            self.order_box,
        ):
            widget.setEnabled(not running)
        self.mapping_table.setEnabled(not running)
        self.owner_table.setEnabled(not running)
        self.close_button.setEnabled(not running)
        self.cancel_button.setText(self.tr("Cancel import") if running else self.tr("Cancel"))
        self._update_ready()

    def _on_progress(self, rows: int, fraction: float) -> None:
        self.progress_bar.setValue(int(fraction * 1000))
        if not self._cancel.is_set():
            self.summary.setText(self.tr("Importing… {rows:,} rows read").format(rows=rows))

    def _cancel_clicked(self) -> None:
        if self._running:
            self._cancel.set()
            self.summary.setText(self.tr("Cancelling… nothing will be kept"))
        else:
            self.reject()

    def _import_done(self, summary: ImportSummary) -> None:
        self._last = summary
        self._set_running(False)
        self.progress_bar.setValue(1000)
        text = self.tr(
            "<b>{rows:,} rows</b>: {imported:,} imported, {updated:,} updated, "
            "{duplicates:,} duplicates, {rejected:,} rejected."
        ).format(
            rows=summary.rows,
            imported=summary.imported,
            updated=summary.updated,
            duplicates=summary.duplicates,
            rejected=summary.rejected,
        )
        if summary.skipped:
            text += " " + self.tr("{n:,} report title or footer lines skipped.").format(
                n=summary.skipped
            )
        if summary.dates_unread:
            text += " " + self.tr(
                "{n:,} created dates could not be read: those leads arrived now."
            ).format(n=summary.dates_unread)
        if summary.shared_numbers:
            text += " " + self.tr(
                "{n:,} new leads share a number with another person (flagged)."
            ).format(n=summary.shared_numbers)
        if summary.unmapped_columns:
            text += "<br>" + self.tr("Kept on the card as From the file: {columns}.").format(
                columns=escape(", ".join(summary.unmapped_columns))
            )
        if summary.unknown_owners:
            text += "<br>" + self.tr(
                "Owners not matched to an agent (their leads are yours): {owners}."
            ).format(owners=escape(", ".join(summary.unknown_owners)))
        if summary.rejects_file is not None:
            url = QUrl.fromLocalFile(str(summary.rejects_file.resolve())).toString()
            text += " " + self.tr(
                '<a href="{url}">Open the rejected rows</a> ({file}: each with the reason)'
            ).format(url=escape(url), file=escape(summary.rejects_file.name))
        self.summary.setText(text)
        self.imported.emit(summary)

    def _import_failed(self, error: BaseException) -> None:
        self._set_running(False)
        self.progress_bar.setValue(0)
        if isinstance(error, ImportCancelled):
            self.summary.setText(self.tr("Import cancelled; nothing was imported."))
        else:
            self._show_error(error)

    def _show_error(self, error: BaseException) -> None:
        if isinstance(error, UserError):
            message = str(error)
        else:
            message = self.tr("Unexpected error: {error}. Nothing was imported.").format(
                error=error
            )
        self.summary.setText(f'<span style="color:#b00020">{escape(message)}</span>')

    def _open_link(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))

    # -- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        if self._running:
            self._cancel.set()
            return
        super().reject()

    def done(self, result: int) -> None:
        if self._running:
            self._cancel.set()
            self._runner.wait()
        super().done(result)

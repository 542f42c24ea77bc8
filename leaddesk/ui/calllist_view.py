"""The call list panel: search box, counts per section, and the table of leads."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from leaddesk.ui.calllist_model import (
    CALLABLE_ROLE,
    COLUMNS,
    SECTION_ROLE,
    SUBTITLE_ROLE,
    CallListModel,
)
from leaddesk.ui.icons import icon
from leaddesk.ui.style import SECTION_COLORS, SECTION_LABELS, mix, tint
from leaddesk.ui.vocabulary import section_name

ROW_HEIGHT = 50
Index = QModelIndex | QPersistentModelIndex


class CallListDelegate(QStyledItemDelegate):
    """Section pills, two-line lead cells, and muted rows for leads not callable now."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), ROW_HEIGHT)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        column = COLUMNS[index.column()]
        palette: QPalette = option.palette
        rect: QRect = option.rect
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_color = palette.highlightedText().color() if selected else palette.text().color()
        callable_now = bool(index.data(CALLABLE_ROLE))
        muted = mix(text_color, palette.base().color(), 0.45)
        if not callable_now and not selected:
            text_color = mix(text_color, palette.base().color(), 0.3)
        section = str(index.data(SECTION_ROLE) or "")
        color = SECTION_COLORS.get(section, "#64748b")
        font = QFont(option.font)
        if column == "reason":
            inner = rect.adjusted(8, 5, -6, -5)
            label = str(index.data(SUBTITLE_ROLE) or "")
            small = QFont(font)
            small.setPointSizeF(font.pointSizeF() * 0.8)
            small.setWeight(QFont.Weight.DemiBold)
            painter.setFont(small)
            metrics = painter.fontMetrics()
            width = metrics.horizontalAdvance(label) + 12
            height = metrics.height() + 2
            pill = QRect(inner.left(), inner.top(), width, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(tint(color, palette, 0.18))
            painter.drawRoundedRect(pill, height / 2, height / 2)
            dark = palette.base().color().lightness() < 128
            painter.setPen(QColor(color).lighter(150) if dark else QColor(color).darker(115))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)
            painter.setFont(font)
            painter.setPen(
                text_color
                if callable_now or selected
                else mix(QColor(color), palette.text().color(), 0.35)
            )
            bottom = QRect(
                inner.left(), pill.bottom() + 2, inner.width(), inner.bottom() - pill.bottom() - 2
            )
            reason = painter.fontMetrics().elidedText(
                str(index.data() or ""), Qt.TextElideMode.ElideRight, bottom.width()
            )
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, reason
            )
        elif column == "lead":
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), QColor(color))
            inner = rect.adjusted(14, 5, -6, -5)
            bold = QFont(font)
            bold.setWeight(QFont.Weight.DemiBold)
            painter.setFont(bold)
            painter.setPen(text_color)
            top = QRect(inner.left(), inner.top(), inner.width(), inner.height() // 2)
            name = painter.fontMetrics().elidedText(
                str(index.data() or ""), Qt.TextElideMode.ElideRight, top.width()
            )
            painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
            painter.setFont(font)
            painter.setPen(muted)
            bottom = QRect(inner.left(), top.bottom(), inner.width(), inner.height() - top.height())
            company = painter.fontMetrics().elidedText(
                str(index.data(SUBTITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, bottom.width()
            )
            painter.drawText(
                bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, company
            )
        else:
            painter.setFont(font)
            painter.setPen(
                muted if column in ("local_time", "next") and not selected else text_color
            )
            inner = rect.adjusted(8, 0, -6, 0)
            align = Qt.AlignmentFlag(
                int(
                    index.data(Qt.ItemDataRole.TextAlignmentRole) or int(Qt.AlignmentFlag.AlignLeft)
                )
            )
            text = painter.fontMetrics().elidedText(
                str(index.data() or ""), Qt.TextElideMode.ElideRight, inner.width()
            )
            painter.drawText(inner, align | Qt.AlignmentFlag.AlignVCenter, text)
        painter.setPen(palette.mid().color())
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        painter.restore()


class SectionChip(QLabel):
    """A section's count; a click shows only that section (again: every section)."""

    clicked = Signal(str)

    def __init__(self, section: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.selected = False
        self._count = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setObjectName(f"SectionCount_{section}")
        self.setAccessibleName(self.tr("{section} count").format(section=section_name(section)))
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self._count = count
        color = SECTION_COLORS[self.section]
        name = section_name(self.section)
        text = f'<span style="color:{color}">●</span>&nbsp;{name}&nbsp;<b>{count}</b>'
        if self.selected:
            text = f"<u>{text}</u>"
        self.setText(text)
        self.setToolTip(
            self.tr("%n lead(s) in {section}", "", count).format(section=name)
            + " · "
            + (
                self.tr("click to show every section")
                if self.selected
                else self.tr("click to show only these")
            )
        )
        self.setProperty("count", count)
        self.setAccessibleDescription(self.tr("shown alone") if self.selected else "")

    def set_selected(self, selected: bool) -> None:
        self.selected = selected
        self.set_count(self._count)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.section)
        super().mousePressEvent(event)


class CallListView(QWidget):
    """Emits `lead_selected(lead_id)` when the current row changes ("" for none)."""

    # Narrower than this (a laptop's list), the list leaves out "Next touch" and gives its
    # room to the reason, which says when as well ("waiting 3 min", "next: phone in
    # 22 min", "callable tomorrow at 8:00"); a wider list shows both.
    ROOM_FOR_NEXT = 560

    lead_selected = Signal(str)
    activated = Signal(str)
    section_clicked = Signal(str)
    calls_only_toggled = Signal(bool)
    # The first-run page's three ways in.
    import_requested = Signal()
    demo_requested = Signal()
    server_requested = Signal()

    def __init__(self, model: CallListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CallListPanel")
        self.model = model
        # As narrow as its section chips allow (a longer language widens it), no less.

        self.search = QLineEdit(self)
        self.search.setObjectName("SearchBox")
        self.search.setAccessibleName(self.tr("Search leads"))
        self.search.setPlaceholderText(self.tr("Search name, company, email or number   (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(lambda: self.model.refresh(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())

        self.chips = {s: SectionChip(s, self) for s in SECTION_LABELS}
        chips = QHBoxLayout()
        chips.setSpacing(8)
        for chip in self.chips.values():
            chips.addWidget(chip)
            chip.clicked.connect(self.section_clicked)
        self.calls_only = QCheckBox(self.tr("Calls only"), self)
        self.calls_only.setObjectName("CallsOnly")
        self.calls_only.setAccessibleName(self.tr("Calls first, written tasks grouped after"))
        self.calls_only.setToolTip(
            self.tr("Calls due first; email, text and social tasks grouped after (Ctrl+Alt+P)")
        )
        self.calls_only.toggled.connect(self.calls_only_toggled)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("CallListTotal")
        self.total_label.setAccessibleName(self.tr("Leads in the call list"))
        self.total_label.setProperty("muted", True)

        chips.addStretch(1)

        self.table = QTableView(self)
        self.table.setObjectName("CallList")
        self.table.setAccessibleName(self.tr("Call list"))
        self.table.setModel(model)
        self.table.setItemDelegate(CallListDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setFrameShape(QFrame.Shape.NoFrame)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {"lead": 180, "reason": 220, "local_time": 66, "attempts": 48, "next": 112}
        for i, column in enumerate(COLUMNS):
            # At least the (translated) header's width: a longer word is not cut.
            self.table.setColumnWidth(i, max(widths[column], header.sectionSizeHint(i)))
        header.setSectionResizeMode(COLUMNS.index("reason"), QHeaderView.ResizeMode.Stretch)
        self.table.setTabKeyNavigation(False)

        self.empty = QLabel(self)
        self.empty.setObjectName("CallListEmpty")
        self.empty.setAccessibleName(self.tr("Call list status"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("muted", True)
        # The first run (no leads at all): three ways in, as buttons.
        self.welcome = QWidget(self)
        self.welcome.setObjectName("Welcome")
        self.welcome_import = QPushButton(icon("import"), self.tr("Import a lead file…  Ctrl+I"))
        self.welcome_import.setObjectName("WelcomeImport")
        self.welcome_import.setAccessibleName(self.tr("Import a lead file"))
        self.welcome_demo = QPushButton(self.tr("Open the demo (its own database)"))
        self.welcome_demo.setObjectName("WelcomeDemo")
        self.welcome_demo.setAccessibleName(self.tr("Open the demo"))
        self.welcome_demo.setToolTip(
            self.tr("Opens a second window on demo leads; your own database is not touched")
        )
        self.welcome_server = QPushButton(self.tr("Connect to a team server…"))
        self.welcome_server.setObjectName("WelcomeServer")
        self.welcome_server.setAccessibleName(self.tr("Connect to a team server"))
        self.welcome_import.clicked.connect(self.import_requested)
        self.welcome_demo.clicked.connect(self.demo_requested)
        self.welcome_server.clicked.connect(self.server_requested)
        ways = QVBoxLayout()
        ways.setSpacing(8)
        for button in (self.welcome_import, self.welcome_demo, self.welcome_server):
            ways.addWidget(button)
        welcome = QVBoxLayout(self.welcome)
        welcome.addStretch(1)
        welcome.addWidget(self.empty)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(ways)
        row.addStretch(1)
        welcome.addLayout(row)
        welcome.addStretch(1)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.welcome)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.search, 1)
        top.addWidget(self.calls_only)
        top.addWidget(self.total_label)
        layout.addLayout(top)
        layout.addLayout(chips)
        layout.addWidget(self.stack, 1)
        # While a call pins the card, the lead selected here is previewed on this line.
        self.preview = QLabel(self)
        self.preview.setObjectName("LeadPreview")
        self.preview.setAccessibleName(self.tr("Selected lead preview"))
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.hide()
        layout.addWidget(self.preview)

        model.summary_changed.connect(self._on_summary)
        model.loading_changed.connect(self._on_loading)
        model.failed.connect(self._on_failed)
        model.modelReset.connect(self._update_empty)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.activated.connect(self._on_activated)
        self._set_empty(self.tr("Loading the call list…"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.table.setColumnHidden(COLUMNS.index("next"), self.width() < self.ROOM_FOR_NEXT)

    # -- state --------------------------------------------------------------------------

    def current_lead_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.lead_id(index.row()) if index.isValid() else None

    def show_section(self, section: str | None) -> None:
        """Underline the chip of the section shown alone (None: every section)."""
        for key, chip in self.chips.items():
            chip.set_selected(key == section)

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            self.lead_selected.emit("")
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, COLUMNS.index("lead"))
        self.table.setCurrentIndex(index)
        self.table.selectRow(row)
        self.table.scrollTo(index)

    def select_lead(self, lead_id: str) -> bool:
        row = self.model.row_of(lead_id)
        if row is None:
            return False
        self.select_row(row)
        return True

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.lead_selected.emit(
            self.model.lead_id(current.row()) or "" if current.isValid() else ""
        )

    def _on_activated(self, index: QModelIndex) -> None:
        lead_id = self.model.lead_id(index.row())
        if lead_id:
            self.activated.emit(lead_id)

    def _on_summary(self, total: int, counts: dict[str, int]) -> None:
        for section, chip in self.chips.items():
            chip.set_count(int(counts.get(section, 0)))
        callable_now = sum(counts.get(s, 0) for s in ("callback", "new", "follow_up"))
        self.total_label.setText(
            self.tr("<b>{to_call}</b> to call · {listed} listed").format(
                to_call=callable_now, listed=total
            )
        )

    def _on_loading(self, loading: bool) -> None:
        if loading and self.model.rowCount() == 0:
            self._set_empty(self.tr("Loading the call list…"))

    def _on_failed(self, message: str) -> None:
        self._set_empty(
            self.tr("The call list could not be read:\n{error}\n\nPress F5 to try again.").format(
                error=message
            )
        )

    def _update_empty(self) -> None:
        if self.model.rowCount():
            self.stack.setCurrentWidget(self.table)
        elif self.model.search:
            self._set_empty(
                self.tr("No lead matches “{search}”.\nPress Esc to clear.").format(
                    search=self.model.search
                )
            )
        else:
            self._set_empty(
                self.tr(
                    "No leads to work yet.\nImport a lead file, or wait for new leads to "
                    "arrive from your team server.\nTo look around first, open the demo."
                ),
                ways=True,
            )

    def _set_empty(self, text: str, ways: bool = False) -> None:
        """The list's place says `text`; with `ways`, the first-run buttons under it."""
        self.empty.setText(text)
        for button in (self.welcome_import, self.welcome_demo, self.welcome_server):
            button.setVisible(ways)
        self.stack.setCurrentWidget(self.welcome)

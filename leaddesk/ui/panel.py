"""A titled, framed panel: the building block of the agent window's right side."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.ui.icons import icon


class Panel(QFrame):
    def __init__(
        self, title: str, icon_name: str, body: QWidget, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.setAccessibleName(title)
        self.title = QLabel(title.upper(), self)
        self.title.setObjectName("SectionTitle")
        glyph = QLabel(self)
        glyph.setPixmap(icon(icon_name).pixmap(14, 14))
        self.header = QHBoxLayout()
        self.header.setContentsMargins(14, 10, 14, 0)
        self.header.setSpacing(6)
        self.header.addWidget(glyph)
        self.header.addWidget(self.title)
        self.header.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self.header)
        layout.addWidget(body, 1)
        self.body = body
        body.setParent(self)
        self.setProperty("panel", name)

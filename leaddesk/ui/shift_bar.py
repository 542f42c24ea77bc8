"""Today's shift at a glance: dials, connects, voicemails left, leads never contacted,
today's median speed to lead, and the sync state."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.services.shift import ShiftStats
from leaddesk.ui.icons import app_icon
from leaddesk.ui.style import BAD, OK, WARN
from leaddesk.ui.timefmt import duration_text
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

TILES = (
    ("dials", QT_TRANSLATE_NOOP("ShiftBar", "Dials")),
    ("connects", QT_TRANSLATE_NOOP("ShiftBar", "Connects")),
    ("voicemails", QT_TRANSLATE_NOOP("ShiftBar", "Voicemails left")),
    ("never", QT_TRANSLATE_NOOP("ShiftBar", "Never contacted")),
    ("speed", QT_TRANSLATE_NOOP("ShiftBar", "Speed to lead (median)")),
    ("sync", QT_TRANSLATE_NOOP("ShiftBar", "Sync")),
)


class ShiftCounter(QWidget):
    """One figure of the shift bar (dials, connects, ...): its value over its caption."""

    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        caption = QCoreApplication.translate("ShiftBar", caption)
        self.value = QLabel("–", self)
        self.value.setObjectName("StatValue")
        large = self.value.font()
        large.setPointSizeF(14)
        large.setWeight(QFont.Weight.DemiBold)
        self.value.setFont(large)
        self.value.setAccessibleName(caption)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("StatLabel")
        # The sizes set here, not in the style sheet: their widths are then known from
        # the first layout, and the window's minimum does not lag behind them.
        small = self.caption.font()
        small.setPointSizeF(8.5)
        self.caption.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 0, 14, 0)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        self.setObjectName(f"Shift_{key}")

    def minimumSizeHint(self) -> QSize:
        # A few pixels of room: a figure or caption that lays out two pixels wider than
        # first measured (seen with the pseudo-locale's accents) is not cut.
        return super().minimumSizeHint() + QSize(6, 0)

    def set(self, text: str, color: str | None = None) -> None:
        self.value.setText(text)
        self.value.setStyleSheet(f"color: {color};" if color else "")


class ShiftBar(QFrame):
    def __init__(self, agent_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShiftBar")
        self.setAccessibleName(self.tr("Shift figures"))
        logo = QLabel(self)
        logo.setPixmap(app_icon().pixmap(34, 34))
        logo.setObjectName("AppLogo")
        logo.setAccessibleName("LeadDesk")
        who = QVBoxLayout()
        who.setSpacing(0)
        title = QLabel("LeadDesk", self)
        title.setObjectName("AppTitle")
        title.setStyleSheet("font-size: 13pt; font-weight: 700;")
        self.agent = QLabel(agent_name, self)
        self.agent.setObjectName("AgentName")
        self.agent.setAccessibleName(self.tr("Agent"))
        self.agent.setProperty("muted", True)
        who.addWidget(title)
        who.addWidget(self.agent)

        self.tiles = {key: ShiftCounter(key, caption, self) for key, caption in TILES}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 8, 8)
        layout.setSpacing(0)
        layout.addWidget(logo)
        layout.addSpacing(10)
        layout.addLayout(who)
        layout.addStretch(1)
        for key, tile in self.tiles.items():
            if key != "dials":
                rule = QFrame(self)
                rule.setFrameShape(QFrame.Shape.VLine)
                rule.setStyleSheet("color: palette(mid);")
                layout.addWidget(rule)
            layout.addWidget(tile, 0, Qt.AlignmentFlag.AlignVCenter)
        self.set_sync_state(QCoreApplication.translate("Sync", "Local only"))

    def set_stats(self, stats: ShiftStats) -> None:
        self.tiles["dials"].set(str(stats.dials))
        rate = f" · {round(100 * stats.connects / stats.dials)} %" if stats.dials else ""
        self.tiles["connects"].set(f"{stats.connects}{rate}")
        self.tiles["voicemails"].set(str(stats.voicemails_left))
        self.tiles["never"].set(str(stats.never_contacted), BAD if stats.never_contacted else OK)
        median = stats.speed_to_lead_median_s
        if median is None:
            self.tiles["speed"].set("–")
        else:
            self.tiles["speed"].set(duration_text(median), OK if median <= 300 else WARN)

    def set_sync_state(self, text: str) -> None:
        self.tiles["sync"].set(text)

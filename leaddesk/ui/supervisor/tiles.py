"""The measures as tiles: a large figure, what it is, and the context under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.domain.metrics import ATTEMPTS_TARGET, SPEED_TO_LEAD_TARGET, Measures
from leaddesk.ui.style import BAD, OK, WARN, mix
from leaddesk.ui.supervisor.charts import duration_label

NA = "–"


def pct(value: float | None) -> str:
    return NA if value is None else f"{value * 100:.0f} %"


def _grade(value: float | None, good: float, bad: float) -> str | None:
    """OK at or past `good`, BAD at or short of `bad` (either direction), WARN between."""
    if value is None:
        return None
    if good >= bad:
        return OK if value >= good else BAD if value <= bad else WARN
    return OK if value <= good else BAD if value >= bad else WARN


class Tile(QFrame):
    def __init__(self, key: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"Tile_{key}")
        self.setProperty("tile", True)
        self.value = QLabel(NA, self)
        self.value.setObjectName("TileValue")
        self.value.setAccessibleName(caption)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName("TileCaption")
        self.detail = QLabel("", self)
        self.detail.setObjectName("TileDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        layout.addStretch(1)

    def set(self, value: str, detail: str = "", color: str | None = None) -> None:
        self.value.setText(value)
        self.value.setStyleSheet(f"QLabel#TileValue {{ color: {color}; }}" if color else "")
        self.detail.setText(detail)
        self.setToolTip(f"{self.caption.text()}: {value}" + (f" ({detail})" if detail else ""))


TILES = (
    ("leads", "Leads"),
    ("never", "Never contacted"),
    ("speed", "Speed to lead"),
    ("persistency", "Attempts per lead"),
    ("second", "Second-attempt rate"),
    ("contact", "Contact rate"),
    ("voicemail", "Voicemails left"),
    ("first_call", "First touch a call"),
)


class MeasureTiles(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MeasureTiles")
        palette = self.palette()
        border = palette.mid().color().name()
        muted = mix(palette.text().color(), palette.base().color(), 0.45).name()
        self.setStyleSheet(
            f"""
            QFrame[tile="true"] {{
                background: palette(base); border: 1px solid {border}; border-radius: 8px;
            }}
            QLabel#TileValue {{ font-size: 19pt; font-weight: 600; }}
            QLabel#TileCaption {{ font-size: 9pt; font-weight: 600; color: {muted}; }}
            QLabel#TileDetail {{ font-size: 8.5pt; color: {muted}; }}
            """
        )
        self.tiles = {key: Tile(key, caption, self) for key, caption in TILES}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 4, i % 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)

    def clear(self) -> None:
        for tile in self.tiles.values():
            tile.set(NA)

    def set_measures(self, m: Measures) -> None:
        t = self.tiles
        t["leads"].set(f"{m.leads:,}", f"{m.attempts:,} attempts in the period")
        never_color = None if not m.leads else OK if m.never_contacted == 0 else BAD
        t["never"].set(
            f"{m.never_contacted:,}",
            "no leads in the period"
            if m.never_contacted_pct is None
            else f"{m.never_contacted_pct:.0f} % of the leads",
            never_color,
        )
        target = SPEED_TO_LEAD_TARGET.total_seconds()
        t["speed"].set(
            duration_label(m.speed_to_lead_median_s, NA),
            "no lead contacted in the period"
            if m.speed_to_lead_median_s is None
            else f"median · 90th percentile {duration_label(m.speed_to_lead_p90_s, NA)}",
            _grade(m.speed_to_lead_median_s, target, 3600),
        )
        low, high = ATTEMPTS_TARGET
        median = NA if m.median_attempts is None else f"{m.median_attempts:g}"
        t["persistency"].set(
            median,
            f"median until reached · target {low} to {high}",
            _grade(m.median_attempts, low, 2),
        )
        t["second"].set(
            pct(m.second_attempt_rate),
            "of leads not reached got a 2nd attempt",
            _grade(m.second_attempt_rate, 0.9, 0.6),
        )
        t["contact"].set(pct(m.contact_rate), "of calls reached a person")
        seconds = m.script_seconds_mean
        t["voicemail"].set(
            pct(m.voicemail_left_rate),
            f"{m.voicemails_left} of {m.voicemails_reached} voicemails reached"
            + (f" · scripts {seconds:.0f} s" if seconds is not None else ""),
            _grade(m.voicemail_left_rate, 0.9, 0.6),
        )
        t["first_call"].set(
            pct(m.first_touch_call_rate),
            "of contacted leads were called first",
            _grade(m.first_touch_call_rate, 0.95, 0.75),
        )
        for tile in t.values():
            tile.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

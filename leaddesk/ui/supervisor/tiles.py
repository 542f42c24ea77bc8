"""The measures as tiles: a large figure, what it is, and the context under it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from leaddesk.domain.metrics import ATTEMPTS_TARGET, SPEED_TO_LEAD_TARGET, Measures
from leaddesk.ui.style import BAD, OK, WARN, mix
from leaddesk.ui.supervisor.charts import duration_label
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

NA = "–"


def pct(value: float | None) -> str:
    """A rate as a figure ("45 %"): number formatting, not a word to translate."""
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
        caption = QCoreApplication.translate("MeasureTiles", caption)
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
    ("leads", QT_TRANSLATE_NOOP("MeasureTiles", "Leads")),
    ("never", QT_TRANSLATE_NOOP("MeasureTiles", "Never contacted")),
    ("speed", QT_TRANSLATE_NOOP("MeasureTiles", "Speed to lead")),
    ("persistency", QT_TRANSLATE_NOOP("MeasureTiles", "Attempts per lead")),
    ("second", QT_TRANSLATE_NOOP("MeasureTiles", "Second-attempt rate")),
    ("contact", QT_TRANSLATE_NOOP("MeasureTiles", "Contact rate")),
    ("voicemail", QT_TRANSLATE_NOOP("MeasureTiles", "Voicemails left")),
    ("first_call", QT_TRANSLATE_NOOP("MeasureTiles", "First touch a call")),
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
        t["leads"].set(
            f"{m.leads:,}",
            self.tr("{attempts:,} attempts in the period").format(attempts=m.attempts),
        )
        never_color = None if not m.leads else OK if m.never_contacted == 0 else BAD
        t["never"].set(
            f"{m.never_contacted:,}",
            self.tr("no leads in the period")
            if m.never_contacted_pct is None
            else self.tr("{percent:.0f} % of the leads").format(percent=m.never_contacted_pct),
            never_color,
        )
        target = SPEED_TO_LEAD_TARGET.total_seconds()
        t["speed"].set(
            duration_label(m.speed_to_lead_median_s, NA),
            self.tr("no lead contacted in the period")
            if m.speed_to_lead_median_s is None
            else self.tr("median · 90th percentile {p90}").format(
                p90=duration_label(m.speed_to_lead_p90_s, NA)
            ),
            _grade(m.speed_to_lead_median_s, target, 3600),
        )
        low, high = ATTEMPTS_TARGET
        median = NA if m.median_attempts is None else f"{m.median_attempts:g}"
        t["persistency"].set(
            median,
            self.tr("median until reached · target {low} to {high}").format(low=low, high=high),
            _grade(m.median_attempts, low, 2),
        )
        t["second"].set(
            pct(m.second_attempt_rate),
            self.tr("of leads not reached got a 2nd attempt"),
            _grade(m.second_attempt_rate, 0.9, 0.6),
        )
        t["contact"].set(pct(m.contact_rate), self.tr("of calls reached a person"))
        seconds = m.script_seconds_mean
        t["voicemail"].set(
            pct(m.voicemail_left_rate),
            self.tr("{left} of {reached} voicemails reached").format(
                left=m.voicemails_left, reached=m.voicemails_reached
            )
            + (
                self.tr(" · scripts {seconds:.0f} s").format(seconds=seconds)
                if seconds is not None
                else ""
            ),
            _grade(m.voicemail_left_rate, 0.9, 0.6),
        )
        t["first_call"].set(
            pct(m.first_touch_call_rate),
            self.tr("of contacted leads were called first"),
            _grade(m.first_touch_call_rate, 0.95, 0.75),
        )
        for tile in t.values():
            tile.value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

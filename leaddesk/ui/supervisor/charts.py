"""The supervisor's charts as QCharts, built from the report's plain data.

The same builders feed the window's chart views and the PDF report, so that what a
supervisor prints is what they saw.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsSimpleTextItem

from leaddesk.domain.metrics import ATTEMPTS_TARGET, REACHED_OUTCOMES, SPEED_BUCKETS, Measures
from leaddesk.domain.outcomes import OUTCOMES
from leaddesk.services.review import DayActivity, HourContact
from leaddesk.ui.style import ACCENT, BAD, OK, is_dark
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP, bucket_name, outcome_label

MUTED = "#94a3b8"
BAND = "#dcfce7"  # the target band behind the bars
CHANNEL_COLORS = {"phone": ACCENT, "email": "#0d9488", "sms": "#d97706", "social": "#9333ea"}
CHANNEL_LABELS = {
    "phone": QT_TRANSLATE_NOOP("Charts", "Calls"),
    "email": QT_TRANSLATE_NOOP("Charts", "Emails"),
    "sms": QT_TRANSLATE_NOOP("Charts", "Texts"),
    "social": QT_TRANSLATE_NOOP("Charts", "Social"),
}
CHART_TITLES = {
    "attempts": QT_TRANSLATE_NOOP("Charts", "Attempts per lead"),
    "speed": QT_TRANSLATE_NOOP("Charts", "Speed to lead"),
    "outcomes": QT_TRANSLATE_NOOP("Charts", "Outcomes"),
    "activity": QT_TRANSLATE_NOOP("Charts", "Activity per day"),
    "hours": QT_TRANSLATE_NOOP("Charts", "Contact rate by the lead's local hour"),
    # The "Phone time" tab (phone_time.py, #19).
    "phone_hours": QT_TRANSLATE_NOOP("Charts", "Dials and contacts by hour of day (UTC)"),
}
MAX_ATTEMPT_BAR = 12  # the last bar is "12+"
MAX_OUTCOME_BARS = 6
OTHER = "other"
# What a chart in one of the window's three columns has for its title and labels.
TEXT_WIDTH = 330


def chart_title(key: str) -> str:
    """A chart's title in the window's language."""
    return QCoreApplication.translate("Charts", CHART_TITLES[key])


def _lines(text: str, font: QFont, width: int = TEXT_WIDTH) -> str:
    """`text` on two lines (broken at the space nearest its middle) when one line is
    wider than `width`: QtCharts cuts a long title instead of wrapping it, and a
    translation is often longer than the English."""
    if QFontMetrics(font).horizontalAdvance(text) <= width or " " not in text:
        return text
    middle = len(text) // 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return f"{text[:cut]}<br>{text[cut + 1 :]}"


def _chart(key: str, subtitle: str = "") -> QChart:
    chart = QChart()
    chart.setObjectName(f"Chart_{key}")
    font = QFont(chart.titleFont())
    font.setPointSizeF(10)
    bold = QFont(font)
    bold.setBold(True)
    title = _lines(chart_title(key), bold)
    chart.setTitle(
        f"<b>{title}</b>"
        + (f"<br><span style='color:#64748b'>{_lines(subtitle, font)}</span>" if subtitle else "")
    )
    chart.setTitleFont(font)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(6, 4, 6, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    legend_font = QFont(chart.legend().font())
    legend_font.setPointSizeF(8)
    chart.legend().setFont(legend_font)
    chart.legend().setShowToolTips(True)  # the full name of an elided legend entry
    return chart


def _axis_font(axis: QBarCategoryAxis | QValueAxis) -> None:
    font = QFont(axis.labelsFont())
    font.setPointSizeF(8)
    axis.setLabelsFont(font)
    axis.setTruncateLabels(False)


def _value_axis(top: float, *, percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    if percent:
        step = 10 if top <= 50 else 20
        ceiling = min(100, max(step, math.ceil(top / step) * step))
        axis.setRange(0, ceiling)
        axis.setTickCount(ceiling // step + 1)
        axis.setLabelFormat("%d %%")
    else:
        axis.setRange(0, max(top, 4))
        axis.setLabelFormat("%d")
        axis.applyNiceNumbers()
    _axis_font(axis)
    axis.setGridLineColor(QColor("#e2e8f0"))
    return axis


def _categories(labels: Sequence[str], width: int | None = TEXT_WIDTH) -> QBarCategoryAxis:
    """A category axis; its labels slant when side by side they would overlap (axes
    that label every few bars with invisible labels between are spaced already; None:
    an axis up the side, whose labels stack)."""
    axis = QBarCategoryAxis()
    axis.append(list(labels))
    _axis_font(axis)
    axis.setGridLineVisible(False)
    metrics = QFontMetrics(axis.labelsFont())
    widest = max((metrics.horizontalAdvance(label) for label in labels), default=0)
    every = all(label.strip("\u200b") for label in labels)
    if width is not None and labels and every and widest > width / len(labels):
        axis.setLabelsAngle(-35)
    return axis


def _set(name: str, color: str, values: Sequence[float]) -> QBarSet:
    bar_set = QBarSet(name)
    bar_set.append([float(v) for v in values])
    bar_set.setColor(QColor(color))
    bar_set.setBorderColor(QColor(color))
    return bar_set


def _attach(
    chart: QChart,
    series: QAbstractBarSeries,
    x: QAbstractAxis,
    y: QAbstractAxis,
) -> None:
    """Add the series with `x` along the bottom and `y` up the left side."""
    chart.addSeries(series)
    chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(x)
    series.attachAxis(y)


def _band(chart: QChart, series: QAbstractBarSeries, x0: float, x1: float, text: str) -> None:
    """Shade the categories between x0 and x1 (bar positions) behind the bars."""
    rect = QGraphicsRectItem(chart)
    rect.setBrush(QColor(BAND))
    rect.setPen(QPen(Qt.PenStyle.NoPen))
    rect.setZValue(-1)
    label = QGraphicsSimpleTextItem(text, chart)
    font = QFont(chart.legend().font())
    font.setPointSizeF(7.5)
    label.setFont(font)
    label.setBrush(QColor(OK).darker(130))

    def place() -> None:
        area = chart.plotArea()
        left = chart.mapToPosition(QPointF(x0, 0), series).x()
        right = chart.mapToPosition(QPointF(x1, 0), series).x()
        rect.setRect(QRectF(left, area.top(), right - left, area.height()))
        label.setPos(left + 3, area.top() + 2)

    chart.plotAreaChanged.connect(lambda _area: place())
    place()


def attempts_chart(m: Measures) -> QChart:
    """Leads by attempts until reached, 0 (never contacted) to 12+, the 6-8 band in green."""
    low, high = ATTEMPTS_TARGET
    counts = [0] * (MAX_ATTEMPT_BAR + 1)
    for attempts, n in m.attempts_distribution.items():
        counts[min(attempts, MAX_ATTEMPT_BAR)] += n
    labels = [str(i) for i in range(MAX_ATTEMPT_BAR)] + [f"{MAX_ATTEMPT_BAR}+"]
    median = (
        QCoreApplication.translate("Charts", "n/a")
        if m.median_attempts is None
        else f"{m.median_attempts:g}"
    )
    chart = _chart(
        "attempts",
        QCoreApplication.translate("Charts", "median {median} · target {low} to {high}").format(
            median=median, low=low, high=high
        )
        if m.leads
        else QCoreApplication.translate("Charts", "no leads in the period"),
    )
    series = QStackedBarSeries()
    series.setBarWidth(0.8)
    series.append(
        _set(
            QCoreApplication.translate("Charts", "Never contacted"),
            BAD,
            [c if i == 0 else 0 for i, c in enumerate(counts)],
        )
    )
    series.append(
        _set(
            QCoreApplication.translate("Charts", "Outside target"),
            MUTED,
            [c if i > 0 and not low <= i <= high else 0 for i, c in enumerate(counts)],
        )
    )
    series.append(
        _set(
            QCoreApplication.translate("Charts", "{low} to {high} attempts").format(
                low=low, high=high
            ),
            OK,
            [c if low <= i <= high else 0 for i, c in enumerate(counts)],
        )
    )
    _attach(chart, series, _categories(labels), _value_axis(max(counts)))
    _band(
        chart,
        series,
        low - 0.5,
        high + 0.5,
        QCoreApplication.translate("Charts", "target {low}–{high}").format(low=low, high=high),
    )
    return chart


def speed_chart(m: Measures) -> QChart:
    keys = [label for label, _ in SPEED_BUCKETS]
    counts = [m.speed_to_lead_buckets.get(key, 0) for key in keys]
    labels = [bucket_name(key) for key in keys]
    chart = _chart(
        "speed",
        QCoreApplication.translate("Charts", "median {median} · 90th percentile {p90}").format(
            median=duration_label(m.speed_to_lead_median_s),
            p90=duration_label(m.speed_to_lead_p90_s),
        ),
    )
    series = QStackedBarSeries()
    series.setBarWidth(0.8)
    series.append(
        _set(
            QCoreApplication.translate("Charts", "Within 5 minutes"),
            OK,
            [c if i == 0 else 0 for i, c in enumerate(counts)],
        )
    )
    series.append(
        _set(
            QCoreApplication.translate("Charts", "Later"),
            ACCENT,
            [c if i else 0 for i, c in enumerate(counts)],
        )
    )
    _attach(chart, series, _categories(labels), _value_axis(max(counts, default=0)))
    return chart


def outcomes_chart(m: Measures) -> QChart:
    ranked = sorted(m.outcomes.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) > MAX_OUTCOME_BARS:
        # The rarest outcomes share one bar, so that every label stays readable.
        rest = sum(n for _, n in ranked[MAX_OUTCOME_BARS - 1 :])
        ranked = [*ranked[: MAX_OUTCOME_BARS - 1], (OTHER, rest)]
    ordered = list(reversed(ranked))  # the largest at the top
    labels = [
        outcome_label(OUTCOMES[code].label)
        if code in OUTCOMES
        else QCoreApplication.translate("Charts", "Other")
        for code, _ in ordered
    ]
    chart = _chart(
        "outcomes",
        QCoreApplication.translate(
            "Charts", "{attempts} attempts · green: reached a person"
        ).format(attempts=m.attempts)
        if m.attempts
        else QCoreApplication.translate("Charts", "no attempts in the period"),
    )
    chart.legend().setVisible(False)
    series = QHorizontalStackedBarSeries()
    series.setBarWidth(0.7)
    # One set per colour: reached outcomes green, the rest blue, one bar per outcome.
    reached = [n if code in REACHED_OUTCOMES else 0 for code, n in ordered]
    other = [0 if code in REACHED_OUTCOMES else n for code, n in ordered]
    series.append(_set(QCoreApplication.translate("Charts", "Reached"), OK, reached))
    series.append(_set(QCoreApplication.translate("Charts", "Not reached"), ACCENT, other))
    top = max((n for _, n in ordered), default=0)
    _attach(chart, series, _value_axis(top), _categories(labels or [""], None))
    return chart


def activity_chart(days: Sequence[DayActivity]) -> QChart:
    chart = _chart(
        "activity",
        QCoreApplication.translate("Charts", "{attempts} attempts over {days} days").format(
            attempts=sum(d.total for d in days), days=len(days)
        ),
    )
    series = QStackedBarSeries()
    series.setBarWidth(0.85)
    channels = [c for c in CHANNEL_COLORS if any(d.by_channel.get(c) for d in days)] or ["phone"]
    for channel in channels:
        series.append(
            _set(
                QCoreApplication.translate("Charts", CHANNEL_LABELS[channel]),
                CHANNEL_COLORS[channel],
                [d.by_channel.get(channel, 0) for d in days],
            )
        )
    step = max(1, math.ceil(len(days) / 8))
    # Category labels must be unique; days between the labelled ones get invisible ones.
    labels = [d.day[5:] if i % step == 0 else "\u200b" * (i + 1) for i, d in enumerate(days)] or [
        ""
    ]
    top = max((d.total for d in days), default=0)
    _attach(chart, series, _categories(labels), _value_axis(top))
    return chart


def hours_chart(hours: Sequence[HourContact]) -> QChart:
    calls = sum(h.calls for h in hours)
    reached = sum(h.reached for h in hours)
    chart = _chart(
        "hours",
        QCoreApplication.translate("Charts", "{calls} calls, {percent:.0f} % overall").format(
            calls=calls, percent=reached / calls * 100
        )
        if calls
        else QCoreApplication.translate("Charts", "no calls in the period"),
    )
    series = QBarSeries()
    series.setBarWidth(0.8)
    series.append(
        _set(
            QCoreApplication.translate("Charts", "Contact rate"),
            ACCENT,
            [(h.rate or 0) * 100 for h in hours],
        )
    )
    chart.legend().setVisible(False)
    # Every third hour is labelled; the others get unique invisible labels.
    labels = [
        QCoreApplication.translate("Charts", "{hour:02d}h").format(hour=h.hour)
        if h.hour % 3 == 0
        else "\u200b" * (i + 1)
        for i, h in enumerate(hours)
    ]
    top = max(((h.rate or 0) * 100 for h in hours), default=0)
    _attach(chart, series, _categories(labels), _value_axis(top * 1.05, percent=True))
    return chart


def paint_for(chart: QChart, palette: QPalette) -> QChart:
    """The chart in the window's colours: dark on a dark theme (a white chart in a dark
    window dazzles); the PDF keeps the light ones it is printed with."""
    base, text = palette.base().color(), palette.text().color()
    grid = palette.mid().color()
    chart.setBackgroundBrush(base)
    chart.setBackgroundPen(grid)
    chart.setTitleBrush(text)
    chart.legend().setLabelColor(text)
    for axis in chart.axes():
        axis.setLabelsBrush(text)
        axis.setTitleBrush(text)
        axis.setLinePenColor(grid)
        axis.setGridLineColor(grid.darker(130) if is_dark(palette) else QColor("#e2e8f0"))
    return chart


def all_charts(
    m: Measures, days: Sequence[DayActivity], hours: Sequence[HourContact]
) -> dict[str, QChart]:
    return {
        "attempts": attempts_chart(m),
        "speed": speed_chart(m),
        "outcomes": outcomes_chart(m),
        "activity": activity_chart(days),
        "hours": hours_chart(hours),
    }


def render_hints() -> QPainter.RenderHint:
    return QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing


def duration_label(seconds: float | None, missing: str | None = None) -> str:
    """A speed to lead as a supervisor reads it: 45 s, 12 min, 3.5 h, 2.1 days."""
    if seconds is None:
        return QCoreApplication.translate("Charts", "n/a") if missing is None else missing
    s = int(seconds)
    if s < 120:
        return QCoreApplication.translate("Time", "{n} s").format(n=s)
    if s < 7200:
        return QCoreApplication.translate("Time", "{n} min").format(n=s // 60)
    if s < 172_800:
        return QCoreApplication.translate("Charts", "{hours:.1f} h").format(hours=s / 3600)
    return QCoreApplication.translate("Charts", "{days:.1f} days").format(days=s / 86400)

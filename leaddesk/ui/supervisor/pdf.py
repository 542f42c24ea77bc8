"""The report as a PDF (Qt's QPdfWriter): the measures, then the charts.

Page 1: the title and period, the measures (one row per agent and the team for a team
report), attempts per lead and speed to lead. Page 2: outcomes, contact rate by the
lead's local hour, activity per day, and what the measures mean. The charts are the
window's (`charts.py`), painted as vectors.

Works without a window: `leaddesk report --pdf` calls `write_report_pdf` with Qt on the
offscreen platform; a QApplication is created when none exists (QtCharts needs one).
The words are translated (context "ReportPdf") when the window's language is loaded, as
for an export from the supervisor window; the command writes English.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import QApplication, QGraphicsScene

from leaddesk.services.report import TEAM, AgentReport
from leaddesk.services.review import DayActivity, HourContact
from leaddesk.ui.supervisor.charts import all_charts, duration_label
from leaddesk.ui.supervisor.phone_time import clock_text, hour_chart, rate_text
from leaddesk.ui.supervisor.tiles import pct
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

# The scene size a chart is laid out at before it is scaled onto the page: the size it
# has on screen, so that fonts and margins keep their proportions.
CHART_W, CHART_H = 400.0, 290.0
TEXT = QColor("#1f2328")
MUTED = QColor("#64748b")
RULE = QColor("#d5d9df")

DEFINITIONS = (
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Speed to lead"),
        QT_TRANSLATE_NOOP(
            "ReportPdf", "first attempt minus the lead's arrival; median and 90th percentile"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Attempts per lead"),
        QT_TRANSLATE_NOOP(
            "ReportPdf", "attempts until the lead was reached, or all of them; median"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Second-attempt rate"),
        QT_TRANSLATE_NOOP("ReportPdf", "leads not reached on attempt 1 that got attempt 2"),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Never contacted"),
        QT_TRANSLATE_NOOP("ReportPdf", "leads of the period with no attempt at all"),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Voicemails left"),
        QT_TRANSLATE_NOOP("ReportPdf", "voicemails left per voicemail reached; mean script length"),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Contact rate"),
        QT_TRANSLATE_NOOP("ReportPdf", "calls that reached a person per call"),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "First touch a call"),
        QT_TRANSLATE_NOOP("ReportPdf", "leads whose first attempt was a call"),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Average handle time"),
        QT_TRANSLATE_NOOP(
            "ReportPdf", "talk plus wrap-up (hang-up to outcome) per call with talk time"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ReportPdf", "Dials and contacts per hour"),
        QT_TRANSLATE_NOOP(
            "ReportPdf",
            "outbound calls and calls that reached a person (returned calls included) "
            "per active hour, first call to last wrap-up",
        ),
    ),
)


def phone_line(r: AgentReport) -> str:
    p = r.phone
    name = QCoreApplication.translate("ReportPdf", "Team") if r.agent == TEAM else r.display_name
    return QCoreApplication.translate(
        "ReportPdf",
        "{name}: {out} outbound, {inbound} returned calls · talk {talk} · wrap-up {wrap} · "
        "AHT {aht} · {dials} dials/h · {contacts} contacts/h",
    ).format(
        name=name,
        out=p.calls_outbound,
        inbound=p.calls_inbound,
        talk=clock_text(p.talk_s),
        wrap=clock_text(p.wrapup_s),
        aht=clock_text(p.aht_s),
        dials=rate_text(p.dials_per_hour),
        contacts=rate_text(p.contacts_per_hour),
    )


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(["leaddesk-report"])
    assert isinstance(app, QApplication)
    return app


def _font(size: float, bold: bool = False) -> QFont:
    """A font `size` points high on the page (the painter works in points)."""
    font = QFont("Helvetica")
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPixelSize(max(1, round(size)))
    font.setBold(bold)
    return font


def _row(r: AgentReport) -> list[str]:
    m = r.measures
    median = "–" if m.median_attempts is None else f"{m.median_attempts:g}"
    never = (
        f"{m.never_contacted} ({m.never_contacted_pct:.0f} %)"
        if m.never_contacted_pct is not None
        else "0"
    )
    return [
        QCoreApplication.translate("ReportPdf", "Team") if r.agent == TEAM else r.display_name,
        f"{m.leads:,}",
        f"{m.attempts:,}",
        never,
        duration_label(m.speed_to_lead_median_s, "–"),
        duration_label(m.speed_to_lead_p90_s, "–"),
        median,
        pct(m.second_attempt_rate),
        pct(m.contact_rate),
        pct(m.voicemail_left_rate),
        pct(m.first_touch_call_rate),
    ]


HEADERS = (
    QT_TRANSLATE_NOOP("ReportPdf", "Agent"),
    QT_TRANSLATE_NOOP("ReportPdf", "Leads"),
    QT_TRANSLATE_NOOP("ReportPdf", "Attempts"),
    QT_TRANSLATE_NOOP("ReportPdf", "Never contacted"),
    QT_TRANSLATE_NOOP("ReportPdf", "Speed median"),
    QT_TRANSLATE_NOOP("ReportPdf", "Speed p90"),
    QT_TRANSLATE_NOOP("ReportPdf", "Att./lead"),
    QT_TRANSLATE_NOOP("ReportPdf", "2nd attempt"),
    QT_TRANSLATE_NOOP("ReportPdf", "Contact"),
    QT_TRANSLATE_NOOP("ReportPdf", "VM left"),
    QT_TRANSLATE_NOOP("ReportPdf", "Call first"),
)
WIDTHS = (1.9, 0.8, 1.0, 1.4, 1.15, 1.0, 0.9, 1.05, 0.9, 0.9, 0.9)


class _Page:
    def __init__(self, painter: QPainter, width: float, height: float) -> None:
        self.p = painter
        self.w = width
        self.h = height
        self.y = 0.0

    def text(self, text: str, font: QFont, color: QColor = TEXT, gap: float = 6) -> None:
        self.p.setFont(font)
        self.p.setPen(color)
        rect = QRectF(0, self.y, self.w, self.h - self.y)
        bounds = self.p.boundingRect(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.p.drawText(rect, int(Qt.TextFlag.TextWordWrap), text)
        self.y += bounds.height() + gap

    def rule(self, gap: float = 10) -> None:
        self.p.setPen(QPen(RULE, 1))
        self.p.drawLine(0, int(self.y), int(self.w), int(self.y))
        self.y += gap

    def table(self, reports: Sequence[AgentReport]) -> None:
        unit = self.w / sum(WIDTHS)
        line = 20.0
        self.p.setFont(_font(7, bold=True))
        self.p.setPen(MUTED)
        head = 2 * line * 0.6
        x = 0.0
        flags = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignBottom)
        for header, width in zip(HEADERS, WIDTHS, strict=True):
            text = QCoreApplication.translate("ReportPdf", header)
            self.p.drawText(QRectF(x, self.y, width * unit - 4, head), flags, text)
            x += width * unit
        self.y += head + 3
        self.rule(2)
        for r in reports:
            self.p.setFont(_font(8, bold=r.agent == TEAM))
            self.p.setPen(TEXT)
            x = 0.0
            for cell, width in zip(_row(r), WIDTHS, strict=True):
                self.p.drawText(
                    QRectF(x, self.y, width * unit - 4, line),
                    int(Qt.AlignmentFlag.AlignVCenter),
                    self.p.fontMetrics().elidedText(
                        cell, Qt.TextElideMode.ElideRight, int(width * unit - 4)
                    ),
                )
                x += width * unit
            self.y += line
        self.y += 10

    def chart(
        self, chart: QChart, x: float, width: float, height: float, scene_width: float = CHART_W
    ) -> None:
        scene = QGraphicsScene()
        chart.resize(scene_width, scene_width * height / width)
        scene.addItem(chart)
        source = QRectF(0, 0, chart.size().width(), chart.size().height())
        scene.render(self.p, QRectF(x, self.y, width, height), source)
        scene.removeItem(chart)


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def write_report_pdf(
    path: Path,
    reports: Sequence[AgentReport],
    activity: Sequence[DayActivity],
    hours: Sequence[HourContact],
    *,
    generated: datetime | None = None,
) -> int:
    """Write the PDF report (written whole, or not at all); returns the page count."""
    ensure_app()
    if not reports:
        raise ValueError("no report to write")
    main = reports[-1]  # the team comes last in a team report
    period = main.period
    charts = all_charts(main.measures, activity, hours)

    tmp = path.with_name(path.name + ".part")
    writer = QPdfWriter(str(tmp))
    writer.setTitle(
        QCoreApplication.translate("ReportPdf", "LeadDesk report: {name}").format(
            name=main.display_name
        )
    )
    writer.setCreator("LeadDesk")
    writer.setResolution(144)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(16, 16, 16, 16),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {path}")
    pages = 1
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Lay out in points (1/72 inch) whatever the writer's resolution.
        scale = writer.resolution() / 72
        painter.scale(scale, scale)
        page = _Page(painter, writer.width() / scale, writer.height() / scale)
        who = (
            QCoreApplication.translate("ReportPdf", "Team")
            if main.agent == TEAM
            else f"{main.display_name} ({main.agent})"
        )
        since = (
            _stamp(period.since)
            if period.since
            else QCoreApplication.translate("ReportPdf", "the beginning")
        )
        page.text(
            QCoreApplication.translate("ReportPdf", "Lead-response report"),
            _font(18, bold=True),
            gap=2,
        )
        until = _stamp(period.until)
        page.text(
            QCoreApplication.translate("ReportPdf", "{who} · from {since} to {until}").format(
                who=who, since=since, until=until
            ),
            _font(10),
            MUTED,
            gap=2,
        )
        stamp = generated or datetime.now().astimezone()
        page.text(
            QCoreApplication.translate("ReportPdf", "LeadDesk · generated {stamp}").format(
                stamp=f"{stamp:%Y-%m-%d %H:%M}"
            ),
            _font(8),
            MUTED,
            gap=12,
        )
        page.rule()
        page.table(reports)
        half = (page.w - 14) / 2
        height = min(half * 0.85, (page.h - page.y - 14) / 2)
        page.chart(charts["attempts"], 0, half, height)
        page.chart(charts["speed"], half + 14, half, height)
        page.y += height + 14
        page.chart(charts["outcomes"], 0, half, height)
        page.chart(charts["hours"], half + 14, half, height)
        page.y += height

        writer.newPage()
        pages += 1
        page.y = 0
        page.text(
            QCoreApplication.translate("ReportPdf", "Activity and definitions"),
            _font(14, bold=True),
            gap=8,
        )
        page.chart(charts["activity"], 0, page.w, page.w * 0.4, 2 * CHART_W)
        page.y += page.w * 0.4 + 16
        # The phone's time measures (#19): one line per agent, and the team's hours.
        page.text(
            QCoreApplication.translate("ReportPdf", "Phone time"), _font(10, bold=True), gap=4
        )
        for report in reports:
            page.text(phone_line(report), _font(8.5), gap=2)
        page.y += 6
        page.chart(hour_chart(main.phone), 0, page.w, page.w * 0.3, 2 * CHART_W)
        page.y += page.w * 0.3 + 16
        page.text(
            QCoreApplication.translate("ReportPdf", "What the measures mean"),
            _font(10, bold=True),
            gap=4,
        )
        for name, meaning in DEFINITIONS:
            line = QCoreApplication.translate("ReportPdf", "{name}: {meaning}.").format(
                name=QCoreApplication.translate("ReportPdf", name),
                meaning=QCoreApplication.translate("ReportPdf", meaning),
            )
            page.text(line, _font(8.5), gap=2)
    finally:
        painter.end()
    del writer
    tmp.replace(path)
    return pages

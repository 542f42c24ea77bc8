"""The supervisor's "Phone time" tab: talk time, wrap-up, average handle time, dials and
contacts per hour and returned calls, for the agent or the team, each agent on a row,
and a chart of dials and contacts by hour of day (UTC). Figures come from the report's
`PhoneMeasures` (leaddesk/domain/phone_measures.py)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QBarSeries, QChart, QChartView
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from leaddesk.domain.agent_states import StateTimes
from leaddesk.domain.phone_measures import PhoneMeasures
from leaddesk.services.report import TEAM, AgentReport
from leaddesk.ui.style import ACCENT, OK
from leaddesk.ui.supervisor.charts import _attach, _categories, _chart, _set, _value_axis
from leaddesk.ui.vocabulary import QT_TRANSLATE_NOOP

NA = "n/a"
COLUMNS = (
    QT_TRANSLATE_NOOP("PhoneTime", "Agent"),
    QT_TRANSLATE_NOOP("PhoneTime", "Outbound"),
    QT_TRANSLATE_NOOP("PhoneTime", "Inbound"),
    QT_TRANSLATE_NOOP("PhoneTime", "Talk"),
    QT_TRANSLATE_NOOP("PhoneTime", "Wrap-up"),
    QT_TRANSLATE_NOOP("PhoneTime", "AHT"),
    QT_TRANSLATE_NOOP("PhoneTime", "Dials/h"),
    QT_TRANSLATE_NOOP("PhoneTime", "Contacts/h"),
    QT_TRANSLATE_NOOP("PhoneTime", "Ready"),
    QT_TRANSLATE_NOOP("PhoneTime", "Paused"),
)


def clock_text(seconds: float | None) -> str:
    """1:05:03, 4:07, or n/a."""
    if seconds is None:
        return NA
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def rate_text(value: float | None) -> str:
    return NA if value is None else f"{value:.1f}"


def row_cells(name: str, p: PhoneMeasures, states: StateTimes | None = None) -> list[str]:
    """One row of the table; the state columns are n/a where no state was recorded."""
    seconds = states.seconds if states is not None else {}
    return [
        name,
        str(p.calls_outbound),
        str(p.calls_inbound),
        clock_text(p.talk_s),
        clock_text(p.wrapup_s),
        clock_text(p.aht_s),
        rate_text(p.dials_per_hour),
        rate_text(p.contacts_per_hour),
        clock_text(seconds.get("ready")) if seconds else NA,
        clock_text(seconds.get("paused", 0.0)) if seconds else NA,
    ]


def hour_chart(p: PhoneMeasures) -> QChart:
    """Dials and contacts by hour of day (UTC), every hour of the day on the axis."""
    dials = [p.by_hour.get(h, (0, 0))[0] for h in range(24)]
    contacts = [p.by_hour.get(h, (0, 0))[1] for h in range(24)]
    chart = _chart(
        "phone_hours",
        QCoreApplication.translate("PhoneTime", "{dials} dials, {contacts} contacts").format(
            dials=sum(dials), contacts=sum(contacts)
        ),
    )
    series = QBarSeries()
    series.append(_set(QCoreApplication.translate("PhoneTime", "Dials"), ACCENT, dials))
    series.append(_set(QCoreApplication.translate("PhoneTime", "Contacts"), OK, contacts))
    labels = [f"{h:02d}" if h % 3 == 0 else "\u200b" * (h + 1) for h in range(24)]
    top = max([*dials, *contacts, 1])
    _attach(chart, series, _categories(labels, None), _value_axis(top * 1.1))
    return chart


class PhoneTimePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PhoneTimePage")
        self.summary = QLabel(self)
        self.summary.setObjectName("PhoneTimeSummary")
        self.summary.setAccessibleName(self.tr("Phone time summary"))
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("PhoneTimeTable")
        self.table.setAccessibleName(self.tr("Phone time by agent"))
        self.table.setHorizontalHeaderLabels(
            [QCoreApplication.translate("PhoneTime", c) for c in COLUMNS]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.chart_view = QChartView(self)
        self.chart_view.setObjectName("ChartView_phone_hours")
        self.chart_view.setMinimumHeight(240)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chart_view, 2)

    def set_reports(self, reports: Sequence[AgentReport]) -> None:
        """One row per report (the team's last, when there is one); the summary and the
        chart are for the last report: the agent, or the team."""
        self.table.setRowCount(len(reports))
        for row, report in enumerate(reports):
            name = self.tr("Team") if report.agent == TEAM else report.display_name
            for column, text in enumerate(row_cells(name, report.phone, report.states)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if not reports:
            self.summary.setText(self.tr("No calls in the period."))
            return
        p = reports[-1].phone
        self.summary.setText(
            self.tr(
                "{out} outbound and {inbound} returned calls · talk {talk}, wrap-up {wrap}, "
                "average handle time {aht} · {dials} dials and {contacts} contacts an hour "
                "over {hours} active hours"
            ).format(
                out=p.calls_outbound,
                inbound=p.calls_inbound,
                talk=clock_text(p.talk_s),
                wrap=clock_text(p.wrapup_s),
                aht=clock_text(p.aht_s),
                dials=rate_text(p.dials_per_hour),
                contacts=rate_text(p.contacts_per_hour),
                hours=NA if p.active_s is None else f"{p.active_s / 3600:.1f}",
            )
            + (
                self.tr(
                    " (not known: the agent states recorded begin after the first call of "
                    "the period)"
                )
                if p.active_s is None and p.calls_outbound + p.calls_inbound
                else ""
            )
        )
        old = self.chart_view.chart()
        chart = hour_chart(p)
        self.chart_view.setChart(chart)
        if old is not None and old is not chart:
            old.deleteLater()

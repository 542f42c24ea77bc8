"""The PDF report: its pages, its text and that its charts are painted."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtPdf import QPdfDocument

from leaddesk.cli import main
from leaddesk.domain.clock import fixed_clock
from leaddesk.services.report import ReportService
from leaddesk.services.review import ReviewService
from leaddesk.store import Store
from leaddesk.ui.style import BAD, OK
from leaddesk.ui.supervisor import SupervisorWindow
from leaddesk.ui.supervisor.charts import BAND
from leaddesk.ui.supervisor.pdf import write_report_pdf

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CHART_TITLES = (
    "Attempts per lead",
    "Speed to lead",
    "Outcomes",
    "Contact rate by the lead's local hour",
    "Activity per day",
)


def _load(path: Path) -> tuple[QPdfDocument, list[str]]:
    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    texts = [" ".join(doc.getAllText(i).text().split()) for i in range(doc.pageCount())]
    return doc, texts


def _has_color(image: QImage, color: str, tolerance: int = 12) -> int:
    """How many sampled pixels are close to `color`."""
    target = QColor(color)
    hits = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - target.red()) <= tolerance
                and abs(c.green() - target.green()) <= tolerance
                and abs(c.blue() - target.blue()) <= tolerance
            ):
                hits += 1
    return hits


def test_team_pdf_has_two_pages_the_table_and_every_chart(
    qapp, demo_store: Store, now: datetime, tmp_path: Path
) -> None:
    reports = ReportService(demo_store, fixed_clock(now))
    period = reports.period(None)
    team = reports.team_report(period)
    review = ReviewService(demo_store, fixed_clock(now))
    out = tmp_path / "team.pdf"
    pages = write_report_pdf(
        out,
        [*team.agents, team.team],
        review.activity_by_day(period, None),
        review.contact_by_local_hour(period, None),
    )
    assert pages == 2
    doc, texts = _load(out)
    assert doc.pageCount() == 2
    first, second = texts
    assert "Lead-response report" in first
    assert "Jordan Reyes" in first and "Alex Chen" in first and "Team" in first
    assert f"{team.team.measures.leads}" in first
    for title in CHART_TITLES[:4]:
        assert title in first
    assert "Activity per day" in second
    assert "What the measures mean" in second
    assert not list(tmp_path.glob("*.part"))

    page = doc.render(0, QSize(850, 1200))
    assert _has_color(page, BAND, 6) > 50  # the 6-8 target band is painted
    assert _has_color(page, BAD) > 20  # the never-contacted bar
    assert _has_color(page, OK) > 20  # reached outcomes, first-five-minute leads


def test_window_exports_what_it_shows(qtbot, demo_store: Store, now: datetime, tmp_path) -> None:
    window = SupervisorWindow(demo_store, fixed_clock(now), None)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.data is not None and not window.is_loading, timeout=10_000)
    out = tmp_path / "shown.pdf"
    assert window.export_pdf(out) == 2
    assert "Saved" in window.status.text()
    _doc, texts = _load(out)
    assert "Team · from" in texts[0]
    window.close()


def test_cli_report_pdf_for_one_agent(
    qapp, demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "agent.pdf"
    argv = ["report", "--db", str(db), "--agent", "demo.agent", "--pdf", str(out)]
    assert main([*argv, "--now", "2026-11-26T19:30:00Z", "--json"]) == 0
    capsys.readouterr()
    doc, texts = _load(out)
    assert doc.pageCount() == 2
    assert "Jordan Reyes (demo.agent)" in texts[0]
    assert "Team" not in texts[0].split("Agent", 1)[1].split("Attempts per lead")[0]


def test_cli_pdf_of_an_empty_period_still_reads_well(
    qapp, demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = demo_store.path
    demo_store.close()
    out = tmp_path / "empty.pdf"
    argv = ["report", "--db", str(db), "--agent", "demo.agent", "--pdf", str(out)]
    assert main([*argv, "--since", "2030-01-01", "--until", "2030-01-31"]) == 0
    capsys.readouterr()
    _doc, texts = _load(out)
    assert "no leads in the period" in texts[0]
    assert "no calls in the period" in texts[0]


def test_the_pdf_has_the_phone_time_of_each_agent(
    qapp, demo_store: Store, now: datetime, tmp_path: Path
) -> None:
    reports = ReportService(demo_store, fixed_clock(now))
    period = reports.period(None)
    team = reports.team_report(period)
    review = ReviewService(demo_store, fixed_clock(now))
    out = tmp_path / "team.pdf"
    write_report_pdf(
        out,
        [*team.agents, team.team],
        review.activity_by_day(period, None),
        review.contact_by_local_hour(period, None),
    )
    _doc, (_first, second) = _load(out)
    assert "Phone time" in second
    assert f"Team: {team.team.phone.calls_outbound} outbound" in second
    assert "Average handle time" in second

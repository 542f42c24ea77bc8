"""Supervisor review: an agent's history, the lead-response measures, charts, coaching
lists and the PDF report.

`SupervisorWindow(store, clock, agent_id, parent)` is the window (a Workspace may be
given instead of the store); it emits `lead_activated(lead_id)` when a lead is opened
from the history or a coaching list. `pdf.write_report_pdf` writes the PDF report.
"""

from leaddesk.ui.supervisor.window import SupervisorWindow

__all__ = ["SupervisorWindow"]

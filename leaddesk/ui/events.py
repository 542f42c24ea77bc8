"""The one Events object: typed signals that widgets emit and listen to, instead of
being wired to each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Events(QObject):
    # The lead on the card changed: its id, or "" for none.
    lead_changed = Signal(str)
    # An outcome was durably saved: a services.outcomes.LoggedOutcome.
    outcome_recorded = Signal(object)
    # A dial was started (services.outcomes.PendingDial) or wrapped up (None).
    dial_state_changed = Signal(object)
    # The sync engine's state, as the words the shift bar shows ("Local only", "Synced").
    sync_state_changed = Signal(str)
    # Leads were added or changed outside the window (import, sync): refresh lists.
    leads_changed = Signal()
    # A rapport note was added, edited or pinned for this lead id.
    rapport_changed = Signal(str)
    # What the softphone reports (leaddesk.dialer.events CallEvent, CallSummary or
    # ConnectionLost). A dialer reports from its own thread: emitting this signal there
    # queues the update to the window's thread.
    call_update = Signal(object)
    # A message for the status bar (shown a few seconds).
    status_message = Signal(str)

"""The services the agent window calls, bundled for one workspace.

Every method here runs on a worker thread (through `tasks.TaskRunner`), opens its own
session through a service, and returns the service's own plain dataclasses, unchanged
(no copies in other shapes: a field a service adds reaches the window as it is). The
window and its panels reach the database only through here. The window holds one
`Backend`; tests build it on a real database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from leaddesk.domain.messages import RenderedMessage
from leaddesk.domain.scripts import RenderedScript
from leaddesk.services.calllist import CallListEntry, CallListService
from leaddesk.services.dnc import DncRemoved
from leaddesk.services.leads import CallingCheck, LeadDetail, LeadService
from leaddesk.services.lookup import LeadRef, LookupResult
from leaddesk.services.outcomes import (
    LoggedOutcome,
    OutcomeService,
    PendingDial,
    UndoneOutcome,
)
from leaddesk.services.rapport import RapportView
from leaddesk.services.shift import ShiftStats
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.store.engine import ChangeWatcher


@dataclass
class Backend:
    ws: Workspace
    _calllist: CallListService | None = field(default=None, repr=False)
    # The agent's view of the call list: one section only (None: all), calls first.
    section_filter: str | None = None
    calls_only: bool = False

    @property
    def now(self) -> datetime:
        return self.ws.clock()

    def change_watcher(self) -> ChangeWatcher | None:
        """What tells the window that another connection committed (SQLite only)."""
        return self.ws.store.change_watcher()

    def apply_settings(self, settings: Settings) -> bool:
        """The agent saved settings: calls from now on use the new calling hours, caps,
        cadence and voicemail name (a call already running on a worker finishes with the
        old ones). False when none of what the services follow changed."""
        ws = self.ws.with_settings(settings)
        if ws == self.ws:
            return False
        self.ws = ws
        self._calllist = None
        return True

    @property
    def calllist(self) -> CallListService:
        if self._calllist is None:
            self._calllist = CallListService(self.ws)
        return self._calllist

    # -- the call list ------------------------------------------------------------------

    def page(self, offset: int, limit: int, search: str | None) -> list[CallListEntry]:
        return self.calllist.page(
            offset, limit, search, section=self.section_filter, calls_only=self.calls_only
        )

    def summary(self, search: str | None) -> tuple[int, dict[str, int]]:
        counts = self.calllist.counts(search)
        return sum(counts.values()), counts

    # -- one lead -----------------------------------------------------------------------

    def detail(self, lead_id: str) -> LeadDetail:
        return LeadService(self.ws).detail(lead_id)

    def check_callback(self, lead_id: str, at: datetime) -> CallingCheck:
        return LeadService(self.ws).check_callback(lead_id, at)

    def tomorrow_same_local_time(self, lead_id: str) -> datetime:
        return LeadService(self.ws).tomorrow_same_local_time(lead_id)

    # -- dials and outcomes -------------------------------------------------------------

    def start_dial(self, lead_id: str, script_id: str | None) -> PendingDial:
        return OutcomeService(self.ws).start_dial(lead_id, script_id)

    def cancel_dial(self, attempt_id: str) -> None:
        OutcomeService(self.ws).cancel_dial(attempt_id)

    def undo(self, logged: LoggedOutcome) -> UndoneOutcome:
        return OutcomeService(self.ws).undo(logged)

    def dnc_remove(self, number: str, reason: str) -> DncRemoved:
        from leaddesk.services.dnc import DncService

        return DncService(self.ws).remove(number, reason)

    def pending_dials(self) -> list[PendingDial]:
        return OutcomeService(self.ws).pending_dials()

    def log(self, lead_id: str, outcome: str, **options: Any) -> LoggedOutcome:
        """`OutcomeService.log` as it is: its keyword options (channel, note, duration_s,
        callback_at, script_id, script_words, ring_s, at, manual, direction) go through unchanged."""
        return OutcomeService(self.ws).log(lead_id, outcome, **options)

    # -- shift --------------------------------------------------------------------------

    def shift(self) -> ShiftStats:
        from leaddesk.services.shift import ShiftService

        return ShiftService(self.ws).today()

    # -- voicemail scripts and written messages -----------------------------------------

    def script(self, lead_id: str, variant_step: int = 0) -> RenderedScript:
        from leaddesk.services.scripts import ScriptService

        return ScriptService(self.ws).suggest(lead_id, next_variant=variant_step)

    def missing_identity(self) -> str:
        """What voicemail scripts lack of the agent's name and company ("" when nothing)."""
        from leaddesk.services.scripts import ScriptService

        return ScriptService(self.ws).missing_identity()

    def message(self, lead_id: str, channel: str) -> RenderedMessage:
        from leaddesk.services.messages import MessageService

        return MessageService(self.ws).suggest(lead_id, channel)

    # -- a number from outside (a tel: link) ----------------------------------------------

    def find_number(self, text: str) -> LookupResult:
        from leaddesk.services.lookup import PhoneLookup

        return PhoneLookup(self.ws.store, self.ws.agent.id).find(text, None)

    def create_lead_for_number(self, e164: str) -> LeadRef:
        from leaddesk.services.lookup import create_lead

        return create_lead(self.ws, e164)

    # -- rapport notes ------------------------------------------------------------------

    def rapport(self, lead_id: str) -> RapportView:
        from leaddesk.services.rapport import RapportService

        return RapportService(self.ws).view(lead_id)

    def set_consent(self, lead_id: str, basis: str, source: str) -> None:
        LeadService(self.ws).set_consent(lead_id, basis, source)

    def add_note(self, lead_id: str, text: str, kind: str, pinned: bool = False) -> None:
        from leaddesk.services.rapport import RapportService

        RapportService(self.ws).add(lead_id, text, kind, pinned=pinned)

    def edit_note(self, note_id: str, text: str) -> None:
        from leaddesk.services.rapport import RapportService

        RapportService(self.ws).edit(note_id, text)

    def pin_note(self, note_id: str, pinned: bool) -> None:
        from leaddesk.services.rapport import RapportService

        RapportService(self.ws).pin(note_id, pinned)

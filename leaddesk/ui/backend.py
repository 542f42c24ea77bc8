"""The services the agent window calls, bundled for one workspace.

Every method here runs on a worker thread (through `tasks.TaskRunner`), opens its own
session through a service, and returns plain frozen dataclasses. The window holds one
`Backend`; tests build it on a real database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from leaddesk.domain.outcomes import Channel
from leaddesk.services.calllist import CallListEntry, CallListService
from leaddesk.services.dnc import DncRemoved
from leaddesk.services.leads import CallingCheck, LeadDetail, LeadService
from leaddesk.services.outcomes import (
    LoggedOutcome,
    OutcomeService,
    PendingDial,
    UndoneOutcome,
)
from leaddesk.services.workspace import Workspace
from leaddesk.settings import Settings
from leaddesk.store.engine import ChangeWatcher


@dataclass(frozen=True, slots=True)
class ScriptView:
    script_id: str | None
    text: str
    words: int
    seconds: float
    too_long: bool
    stage: str = ""
    variant: int = 1
    variants: int = 1
    voicemail_ok: bool = True  # False: the lead already had today's voicemail
    advice: str = ""
    warn_seconds: float = 30.0


@dataclass(frozen=True, slots=True)
class NoteView:
    note_id: str
    kind: str
    text: str
    pinned: bool
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class RapportView:
    notes: tuple[NoteView, ...]
    openers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ShiftView:
    dials: int
    connects: int
    voicemails_left: int
    never_contacted: int
    speed_to_lead_median_s: float | None


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

    def log(
        self,
        lead_id: str,
        outcome: str,
        *,
        channel: Channel | None = None,
        note: str = "",
        duration_s: int | None = None,
        callback_at: datetime | None = None,
        script_id: str | None = None,
        script_words: int | None = None,
        ring_s: int | None = None,
        at: datetime | None = None,
        manual: bool = False,
        direction: str = "outbound",
    ) -> LoggedOutcome:
        return OutcomeService(self.ws).log(
            lead_id,
            outcome,
            channel=channel,
            note=note,
            duration_s=duration_s,
            callback_at=callback_at,
            script_id=script_id,
            script_words=script_words,
            ring_s=ring_s,
            at=at,
            manual=manual,
            direction=direction,
        )

    # -- shift --------------------------------------------------------------------------

    def shift(self) -> ShiftView:
        from leaddesk.services.shift import ShiftService

        s = ShiftService(self.ws).today()
        return ShiftView(
            s.dials, s.connects, s.voicemails_left, s.never_contacted, s.speed_to_lead_median_s
        )

    # -- voicemail scripts --------------------------------------------------------------

    def script(self, lead_id: str, variant_step: int = 0) -> ScriptView:
        from leaddesk.services.scripts import ScriptService

        r = ScriptService(self.ws).suggest(lead_id, next_variant=variant_step)
        return ScriptView(
            r.script_id,
            r.text,
            r.words,
            float(r.seconds),
            bool(r.too_long),
            r.stage,
            r.variant,
            r.variants,
            r.voicemail_ok,
            r.advice,
        )

    # -- rapport notes ------------------------------------------------------------------

    def rapport(self, lead_id: str) -> RapportView:
        from leaddesk.services.rapport import RapportService

        view = RapportService(self.ws).view(lead_id)
        notes = tuple(
            NoteView(n.note_id, n.kind, n.text, n.pinned, n.updated_at or n.created_at)
            for n in view.notes
        )
        return RapportView(notes, tuple(view.openers))

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

"""The voicemail script and rapport panels' side of the agent window: what they show for
the lead on the card, and the agent's note edits.

Both load on worker threads when a lead is selected; an answer for a lead that is no
longer the one being shown is dropped. "Next variant" asks the services for the next
script of the same stage; the variant starts over with each lead and after each logged
outcome. Note edits are written, announced (`Events.rapport_changed`) and re-read.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from leaddesk.domain.scripts import RenderedScript
from leaddesk.services.rapport import RapportView
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.rapport_panel import RapportPanel
from leaddesk.ui.script_panel import ScriptPanel


class LeadNotes(QObject):
    def __init__(self, session: AgentSession, script: ScriptPanel, rapport: RapportPanel) -> None:
        super().__init__(session)
        self.session, self.script, self.rapport = session, script, rapport
        self.variant_step = 0
        self._lead_id: str | None = None
        session.card_loading.connect(lambda lead_id, new: self.load(lead_id, new_lead=new))
        session.logged.connect(lambda _logged: self.reset_variant())
        script.next_variant_requested.connect(self.next_variant)
        rapport.add_requested.connect(self.add_note)
        rapport.edit_requested.connect(self.edit_note)
        rapport.pin_requested.connect(self.pin_note)

    def load(self, lead_id: str, *, new_lead: bool) -> None:
        """Show the script and the rapport notes of `lead_id` (a new lead starts at the
        first variant of its script)."""
        if new_lead:
            self.variant_step = 0
        self._lead_id = lead_id
        self._load_script(lead_id)
        self.load_rapport(lead_id)

    def reset_variant(self) -> None:
        self.variant_step = 0

    def _current(self, lead_id: str) -> bool:
        return self._lead_id == lead_id

    def _load_script(self, lead_id: str) -> None:
        step, backend, panel = self.variant_step, self.session.backend, self.script

        def done(script: RenderedScript | None) -> None:
            if not self._current(lead_id):
                return
            if script is None:
                panel.show_message(self.tr("No voicemail script for this lead."))
            else:
                panel.set_script(script)

        def failed(exc: BaseException) -> None:
            if self._current(lead_id):
                panel.show_message(self.tr("No script: {error}").format(error=exc))

        self.session.runner.run(lambda: backend.script(lead_id, step), done, failed, name="script")

    def load_rapport(self, lead_id: str) -> None:
        backend, panel = self.session.backend, self.rapport

        def done(rapport: RapportView | None) -> None:
            if self._current(lead_id) and rapport is not None:
                panel.set_rapport(rapport)

        def failed(exc: BaseException) -> None:
            if self._current(lead_id):
                panel.set_available(
                    False, self.tr("Rapport notes could not be read: {error}").format(error=exc)
                )

        self.session.runner.run(lambda: backend.rapport(lead_id), done, failed, name="rapport")

    def next_variant(self) -> None:
        detail = self.session.detail
        if detail is None:
            return
        self.variant_step += 1
        self._load_script(detail.lead_id)

    # -- the agent's note edits -----------------------------------------------------------

    def _write(self, work: Callable[[], None], what: str) -> None:
        detail = self.session.detail
        if detail is None:
            return
        lead_id, session = detail.lead_id, self.session

        def done(_result: None) -> None:
            session.say(what, 5000)
            session.events.rapport_changed.emit(lead_id)
            self.load_rapport(lead_id)

        session.runner.run(work, done, name="rapport.write")

    def add_note(self, text: str, kind: str) -> None:
        detail = self.session.detail
        if detail is not None:
            lead_id, backend = detail.lead_id, self.session.backend
            self._write(lambda: backend.add_note(lead_id, text, kind), self.tr("Note added"))

    def edit_note(self, note_id: str, text: str) -> None:
        backend = self.session.backend
        self._write(lambda: backend.edit_note(note_id, text), self.tr("Note saved"))

    def pin_note(self, note_id: str, pinned: bool) -> None:
        backend = self.session.backend
        self._write(
            lambda: backend.pin_note(note_id, pinned),
            self.tr("Note pinned") if pinned else self.tr("Note unpinned"),
        )

"""The voicemail script and rapport panels' side of the agent window: what they show for
the lead on the card, and the agent's note edits.

Both load on worker threads when a lead is selected; an answer for a lead that is no
longer the one being shown is dropped. "Next variant" asks the services for the next
script of the same stage; the variant starts over with each lead and after each logged
outcome. Note edits are written, announced (`Events.rapport_changed`) and re-read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from leaddesk.domain.scripts import RenderedScript
from leaddesk.services.rapport import RapportView

if TYPE_CHECKING:
    from leaddesk.ui.main_window import MainWindow


class LeadNotes(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.variant_step = 0
        self._lead_id: str | None = None
        window.script.next_variant_requested.connect(self.next_variant)
        window.rapport.add_requested.connect(self.add_note)
        window.rapport.edit_requested.connect(self.edit_note)
        window.rapport.pin_requested.connect(self.pin_note)

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
        window, step = self.window, self.variant_step
        backend = window.backend

        def done(script: RenderedScript | None) -> None:
            if not self._current(lead_id):
                return
            if script is None:
                window.script.show_message(self.tr("No voicemail script for this lead."))
            else:
                window.script.set_script(script)

        def failed(exc: BaseException) -> None:
            if self._current(lead_id):
                window.script.show_message(self.tr("No script: {error}").format(error=exc))

        window.runner.run(lambda: backend.script(lead_id, step), done, failed, name="script")

    def load_rapport(self, lead_id: str) -> None:
        window = self.window
        backend = window.backend

        def done(rapport: RapportView | None) -> None:
            if self._current(lead_id) and rapport is not None:
                window.rapport.set_rapport(rapport)

        def failed(exc: BaseException) -> None:
            if self._current(lead_id):
                window.rapport.set_available(
                    False, self.tr("Rapport notes could not be read: {error}").format(error=exc)
                )

        window.runner.run(lambda: backend.rapport(lead_id), done, failed, name="rapport")

    def next_variant(self) -> None:
        detail = self.window.detail
        if detail is None:
            return
        self.variant_step += 1
        self._load_script(detail.lead_id)

    # -- the agent's note edits -----------------------------------------------------------

    def _write(self, work: Callable[[], None], what: str) -> None:
        detail = self.window.detail
        if detail is None:
            return
        lead_id, window = detail.lead_id, self.window

        def done(_result: None) -> None:
            window.statusBar().showMessage(what, 5000)
            window.events.rapport_changed.emit(lead_id)
            self.load_rapport(lead_id)

        window.runner.run(work, done, name="rapport.write")

    def add_note(self, text: str, kind: str) -> None:
        detail = self.window.detail
        if detail is not None:
            lead_id, backend = detail.lead_id, self.window.backend
            self._write(lambda: backend.add_note(lead_id, text, kind), self.tr("Note added"))

    def edit_note(self, note_id: str, text: str) -> None:
        backend = self.window.backend
        self._write(lambda: backend.edit_note(note_id, text), self.tr("Note saved"))

    def pin_note(self, note_id: str, pinned: bool) -> None:
        backend = self.window.backend
        self._write(
            lambda: backend.pin_note(note_id, pinned),
            self.tr("Note pinned") if pinned else self.tr("Note unpinned"),
        )

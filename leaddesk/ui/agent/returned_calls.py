"""Returned calls: a lead who calls back is recognized, popped and logged as reached.

The softphone (baresip) reports an `IncomingCall`; the caller's number is normalised to
E.164 and looked up among the leads (main and alternate numbers, `services.lookup`). The
window rings: the banner says who is calling, the tray shows a notice, and F3 (or the
banner's button) answers. A known lead is selected on the card at once; an unknown
number is offered as a new lead. When the call ends the banner offers the outcomes a
returned call can have; the attempt is logged with direction "inbound" (it counts as
reached and moves the cadence on, never as an unanswered dial), with its talk and ring
time, and the wrap-up from the hang-up to the click.

With the `tel:` hand-off or a desk phone, "Log a returned call…" (Ctrl+Shift+R) asks for
the number and does the same without a softphone.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QInputDialog, QWidget

from leaddesk.dialer.base import DialError
from leaddesk.dialer.events import CallSummary, IncomingCall
from leaddesk.ui.agent.session import AgentSession
from leaddesk.ui.calllist_view import CallListView
from leaddesk.ui.inbound_banner import InboundBanner
from leaddesk.ui.tray import Tray

if TYPE_CHECKING:
    from datetime import datetime

    from leaddesk.services.lookup import LeadRef, LookupResult
    from leaddesk.services.outcomes import LoggedOutcome

log = logging.getLogger(__name__)

ANSWER_KEY = "F3"  # ui/menus.ACTIONS: ActionAnswerCall


class ReturnedCalls(QObject):
    """Owns the banner and the returned call in progress (one at a time)."""

    def __init__(
        self,
        session: AgentSession,
        banner: InboundBanner,
        tray: Tray,
        calllist: CallListView,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.session, self.banner, self.tray, self.calllist = session, banner, tray, calllist
        self._parent = parent  # the number dialog's parent window
        self.call: IncomingCall | None = None
        self.number = ""  # the caller's number, E.164 when it parsed
        self.lead: LeadRef | None = None
        self.summary: CallSummary | None = None
        self.hung_up_at: datetime | None = None
        self.logging = False
        self.banner.answer_clicked.connect(self.answer)
        self.banner.create_clicked.connect(self.create_lead)
        self.banner.dismiss_clicked.connect(self.dismiss)
        self.banner.outcome_clicked.connect(self.log_outcome)
        session.events.call_update.connect(self._on_update, Qt.ConnectionType.QueuedConnection)
        # F3 and Ctrl+Shift+R are rows of the window's action table (ui/menus.ACTIONS).

    # -- the softphone --------------------------------------------------------------------

    def _on_update(self, update: object) -> None:
        if isinstance(update, IncomingCall):
            self._ring(update)
        elif isinstance(update, CallSummary) and update.inbound:
            self._ended(update)

    def _ring(self, call: IncomingCall) -> None:
        self.call, self.lead, self.summary, self.hung_up_at = call, None, None, None
        self.number = call.number
        shown = call.number or self.tr("an unknown number")
        self.banner.show_state(
            self.tr("Incoming call"), self.tr("from {number}").format(number=shown), answer=True
        )
        self.tray.notify(
            self.tr("Incoming call"), self.tr("{number} is calling").format(number=shown)
        )
        self._look_up(call.number)

    def _look_up(self, number: str, *, after_call: bool = False) -> None:
        from leaddesk.services.lookup import PhoneLookup

        ws = self.session.backend.ws
        lookup = PhoneLookup(ws.store, ws.agent.id)

        def done(result: LookupResult) -> None:
            self.number = result.e164
            if result.found:
                self.lead = result.leads[0]
                self._pop(self.lead.lead_id, result.e164)
            self._show(after_call=after_call)
            if self.lead is not None and self.call is not None:
                self.tray.notify(
                    self.tr("{name} is calling back").format(name=self._who()),
                    self.tr("Press {key} to answer").format(key=ANSWER_KEY),
                )

        def failed(exc: BaseException) -> None:
            # Not a number LeadDesk can look up (withheld, an extension): say so.
            self._show(after_call=after_call, problem=str(exc))

        self.session.runner.run(lambda: lookup.find(number, None), done, failed, name="inbound")

    def _who(self) -> str:
        lead = self.lead
        if lead is None:
            return self.number
        return lead.name or lead.company or lead.phone_e164

    def _show(self, *, after_call: bool = False, problem: str = "") -> None:
        ringing = self.call is not None and self.summary is None and not after_call
        talking = self._answered() and self.summary is None
        ended = self.summary is not None or after_call
        if self.lead is not None:
            title = self.tr("{name} is calling back").format(name=self._who())
        elif problem:
            title = self.tr("Incoming call")
        else:
            title = self.tr("Unknown caller {number}").format(number=self.number)
        if ended:
            detail = self._ended_words()
        elif talking:
            detail = self.tr("On the line")
        elif self.lead is not None:
            detail = self.tr("{number} · press {key} to answer").format(
                number=self.number, key=ANSWER_KEY
            )
        elif problem:
            detail = problem
        else:
            detail = self.tr("No lead has this number: create one to log the call")
        self.banner.show_state(
            title,
            detail,
            answer=ringing and not talking,
            create=self.lead is None and not problem,
            outcomes=ended and self.lead is not None,
        )

    def _answered(self) -> bool:
        dialer = self.session.dialer
        ringing = getattr(dialer, "ringing_call", None)
        return self.call is not None and ringing is None

    def _ended_words(self) -> str:
        summary = self.summary
        if summary is None:
            return self.tr("Log the returned call:")
        if not summary.answered:
            return self.tr("Missed call: it rang {seconds} s").format(seconds=summary.ring_seconds)
        minutes, seconds = divmod(summary.duration_s, 60)
        return self.tr("Call ended after {talk}: log it").format(talk=f"{minutes}:{seconds:02d}")

    def _pop(self, lead_id: str, e164: str) -> None:
        """Show the lead on the card, as a `tel:` link does."""
        calllist = self.calllist
        if not calllist.select_lead(lead_id):
            calllist.search.setText(e164)
            calllist.lead_selected.emit(lead_id)

    def answer(self) -> None:
        dialer = self.session.dialer
        answer = getattr(dialer, "answer", None)
        if self.call is None or not callable(answer):
            self.session.say(self.tr("No call is ringing."), 5000)
            return
        try:
            answer(self.lead.lead_id if self.lead else "")
        except DialError as exc:
            self.session.fail(str(exc))
            return
        self.banner.show_state(
            self.tr("{name} is calling back").format(name=self._who())
            if self.lead
            else self.tr("Unknown caller {number}").format(number=self.number),
            self.tr("On the line"),
            create=self.lead is None,
        )

    def _ended(self, summary: CallSummary) -> None:
        if self.call is None:
            return
        self.summary = summary
        self.hung_up_at = self.session.backend.ws.clock()
        if not summary.answered:
            # A missed returned call: nothing happened with the lead, nothing is logged.
            self.tray.notify(
                self.tr("Missed call"), self.tr("{who} called").format(who=self._who())
            )
        self._show()

    # -- unknown numbers, and calls that came in elsewhere ---------------------------------

    def create_lead(self) -> None:
        from leaddesk.services.lookup import create_lead

        number = self.number
        ws = self.session.backend.ws

        def done(ref: LeadRef) -> None:
            self.lead = ref
            claim = getattr(self.session.dialer, "claim", None)
            if callable(claim) and self.call is not None:
                claim(ref.lead_id)
            self.calllist.search.setText(ref.phone_e164)
            self.calllist.lead_selected.emit(ref.lead_id)
            self.session.say(self.tr("New lead for {number}").format(number=ref.phone_e164), 8000)
            self._show(after_call=self.call is None)

        self.session.runner.run(
            lambda: create_lead(ws, number), done, self.session.fail, name="inbound_lead"
        )

    def log_returned_call(self, number: str | None = None) -> None:
        """A lead called back on another phone: find them by number, then log it."""
        if number is None:
            number, ok = QInputDialog.getText(
                self._parent,
                self.tr("Log a returned call"),
                self.tr("The number that called (any format):"),
            )
            if not ok or not number.strip():
                return
        self.call, self.lead, self.summary = None, None, None
        self.hung_up_at = self.session.backend.ws.clock()
        self.number = number.strip()
        self._look_up(self.number, after_call=True)

    def log_outcome(self, code: str) -> None:
        lead = self.lead
        if lead is None or self.logging:
            return
        backend = self.session.backend
        summary = self.summary
        kwargs: dict[str, Any] = {"direction": "inbound"}
        if summary is not None and summary.answered and self.hung_up_at is not None:
            kwargs["duration_s"] = summary.duration_s
            kwargs["ring_s"] = summary.ring_seconds
            kwargs["at"] = self.hung_up_at - timedelta(seconds=summary.ring_s + summary.talk_s)
        self.logging = True

        def done(result: LoggedOutcome) -> None:
            self.logging = False
            self.session.events.outcome_recorded.emit(result)
            self.session.say(
                self.tr("Returned call from {who} logged").format(who=self._who()), 8000
            )
            self.dismiss()
            self.session.stale.emit()

        def failed(exc: BaseException) -> None:
            self.logging = False
            self.session.fail(exc)

        self.session.runner.run(
            lambda: backend.log(lead.lead_id, code, **kwargs), done, failed, name="inbound_log"
        )

    def dismiss(self) -> None:
        self.call, self.summary = None, None
        self.banner.hide()

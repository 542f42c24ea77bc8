"""Voicemail scripts for a lead's next call, and the editable templates behind them.

The stage follows the lead's calls; the variant is one the lead has not heard yet (a
script counts as heard when a `voicemail_left` attempt was logged with its id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

import phonenumbers
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from leaddesk.domain.calling_hours import zones_of
from leaddesk.domain.caps import voicemail_allowed
from leaddesk.domain.clock import as_utc
from leaddesk.domain.outcomes import Channel
from leaddesk.domain.scripts import (
    STAGES,
    RenderedScript,
    ScriptError,
    Variant,
    check_template,
    choose_variant,
    rendered,
    stage_for,
)
from leaddesk.paths import resources_dir
from leaddesk.services.cadences import cadence_for
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import enqueue
from leaddesk.services.workspace import Workspace
from leaddesk.store.models import Agent, Attempt, Lead, VoicemailScript


@dataclass(frozen=True, slots=True)
class ScriptTemplate:
    script_id: str
    stage: str
    variant: int
    template: str
    active: bool


def load_default_templates() -> dict[str, list[str]]:
    path = resources_dir() / "scripts" / "voicemail.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stages = data["stages"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise UserError(f"the default voicemail scripts {path} cannot be read: {exc}") from None
    return {str(k): [str(t) for t in v] for k, v in stages.items()}


def format_callback_number(number: str, lead_country: str, lead_phone: str | None) -> str:
    """The agent's number as the lead would dial it: national format inside the lead's
    country, international otherwise. Unparseable text is returned as it is."""
    if not number.strip():
        return ""
    region = (lead_country or "").upper()
    if not region and lead_phone:
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(lead_phone)) or ""
        except phonenumbers.NumberParseException:
            region = ""
    try:
        parsed = phonenumbers.parse(number, region or None)
    except phonenumbers.NumberParseException:
        return number.strip()
    if not phonenumbers.is_possible_number(parsed):
        return number.strip()
    same = region and phonenumbers.region_code_for_number(parsed) == region
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if same
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(parsed, fmt)


class ScriptService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    # -- suggestion ----------------------------------------------------------------------

    def suggest(self, lead_id: str, next_variant: int = 0) -> RenderedScript:
        """The voicemail script for the lead's next call; `next_variant` = n skips to the
        n-th next variant of the stage (the agent asked for another one)."""
        self.ensure_templates()
        with self.ws.store.session() as session:
            lead = _lead(session, lead_id)
            heard = list(
                session.scalars(
                    select(Attempt.script_id)
                    .where(
                        Attempt.lead_id == lead.id,
                        Attempt.outcome == "voicemail_left",
                        Attempt.script_id.is_not(None),
                    )
                    .order_by(Attempt.started_at)
                )
            )
            stage = stage_for(lead.call_count, self._is_last_call(session, lead))
            rows = self._stage_rows(session, stage)
            if not rows:
                raise UserError(f"there is no active voicemail script for the stage {stage!r}")
            pick = choose_variant(
                [Variant(r.id, r.variant) for r in rows], [h for h in heard if h], next_variant
            )
            assert pick is not None
            row = next(r for r in rows if r.id == pick.script_id)
            script = rendered(
                row.id, stage, row.variant, len(rows), row.template, self._values(session, lead)
            )
            ok, advice = self._voicemail_today(session, lead)
            if not ok:
                return replace(script, voicemail_ok=False, advice=advice)
            if script.too_long:
                return replace(
                    script, advice=f"about {script.seconds:.0f} s: keep voicemails under 30 s"
                )
            return script

    def next_variant(self, lead_id: str, current_script_id: str) -> RenderedScript:
        """Another variant of the same stage than `current_script_id`, on demand."""
        first = self.suggest(lead_id)
        for skip in range(first.variants):
            script = first if skip == 0 else self.suggest(lead_id, skip)
            if script.script_id != current_script_id:
                return script
        return first

    def _is_last_call(self, session: Session, lead: Lead) -> bool:
        cadence = cadence_for(session, lead.cadence_id, self.ws.cadence)
        later_calls = [
            s for s in cadence.steps[lead.cadence_step + 1 :] if s.channel is Channel.PHONE
        ]
        return lead.cadence_step < len(cadence.steps) and not later_calls

    def _stage_rows(self, session: Session, stage: str) -> list[VoicemailScript]:
        return list(
            session.scalars(
                select(VoicemailScript)
                .where(VoicemailScript.stage == stage, VoicemailScript.active.is_(True))
                .order_by(VoicemailScript.variant)
            )
        )

    def _values(self, session: Session, lead: Lead) -> dict[str, str]:
        agent = session.get(Agent, self.ws.agent.id)
        # The agent's settings (name, callback number) win over the agent row's.
        display = self.ws.voicemail_name or (
            agent.display_name if agent else self.ws.agent.display_name
        )
        number = self.ws.voicemail_callback_number or (
            agent.callback_number if agent else self.ws.agent.callback_number
        )
        return {
            "first_name": lead.first_name,
            "last_name": lead.last_name,
            "company": lead.company,
            "agent_name": display,
            "agent_first_name": display.split()[0] if display.strip() else "",
            "agent_company": agent.company if agent else self.ws.agent.company,
            "callback_number": format_callback_number(number, lead.country, lead.phone_e164),
            "topic": "",
        }

    def _voicemail_today(self, session: Session, lead: Lead) -> tuple[bool, str]:
        caps = self.ws.rules.caps
        now = as_utc(self.ws.clock())
        zones = zones_of(lead.time_zones or ())
        zone = zones[0] if zones else None
        times = session.scalars(
            select(Attempt.started_at).where(
                Attempt.lead_id == lead.id, Attempt.outcome == "voicemail_left"
            )
        ).all()
        days = [t.astimezone(zone).date() if zone else t.date() for t in times]
        today = now.astimezone(zone).date() if zone else now.date()
        if voicemail_allowed(caps, days, today):
            return True, ""
        limit = caps.voicemails_per_day
        left = "a voicemail was" if limit == 1 else f"{limit} voicemails were"
        return False, f"{left} already left today: hang up without a message"

    # -- templates -----------------------------------------------------------------------

    def ensure_templates(self) -> None:
        """Store the default templates when the database has none."""
        with self.ws.store.session() as session:
            if session.scalar(select(func.count()).select_from(VoicemailScript)):
                return
        with self.ws.store.transaction() as session:
            if session.scalar(select(func.count()).select_from(VoicemailScript)):
                return
            for stage, templates in load_default_templates().items():
                for number, template in enumerate(templates, start=1):
                    session.add(VoicemailScript(stage=stage, variant=number, template=template))

    def templates(self, stage: str | None = None) -> list[ScriptTemplate]:
        self.ensure_templates()
        with self.ws.store.session() as session:
            query = select(VoicemailScript).order_by(VoicemailScript.stage, VoicemailScript.variant)
            if stage is not None:
                query = query.where(VoicemailScript.stage == _stage(stage))
            return [
                ScriptTemplate(r.id, r.stage, r.variant, r.template, r.active)
                for r in session.scalars(query)
            ]

    def save_template(self, script_id: str, template: str, active: bool = True) -> ScriptTemplate:
        try:
            check_template(template)
        except ScriptError as exc:
            raise UserError(str(exc)) from None
        with self.ws.store.transaction() as session:
            row = session.get(VoicemailScript, script_id)
            if row is None:
                raise NotFound(f"no voicemail script with id {script_id!r}")
            row.template = template
            row.active = active
            session.flush()
            enqueue(session, "voicemail_script", row.id, _payload(row))
            return ScriptTemplate(row.id, row.stage, row.variant, row.template, row.active)

    def add_template(self, stage: str, template: str) -> ScriptTemplate:
        try:
            check_template(template)
        except ScriptError as exc:
            raise UserError(str(exc)) from None
        self.ensure_templates()
        with self.ws.store.transaction() as session:
            last = session.scalar(
                select(func.max(VoicemailScript.variant)).where(
                    VoicemailScript.stage == _stage(stage)
                )
            )
            row = VoicemailScript(stage=stage, variant=(last or 0) + 1, template=template)
            session.add(row)
            session.flush()
            enqueue(session, "voicemail_script", row.id, _payload(row))
            return ScriptTemplate(row.id, row.stage, row.variant, row.template, row.active)


def _stage(stage: str) -> str:
    if stage not in STAGES:
        raise UserError(f"unknown stage {stage!r}; expected one of: {', '.join(STAGES)}")
    return stage


def _payload(row: VoicemailScript) -> dict[str, object]:
    return {
        "id": row.id,
        "team": row.team,
        "stage": row.stage,
        "variant": row.variant,
        "template": row.template,
        "active": row.active,
    }


def _lead(session: Session, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead

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

from leaddesk.domain.cadence import TEXTABLE_PHONE_TYPES
from leaddesk.domain.calling_hours import zones_of
from leaddesk.domain.caps import voicemail_allowed
from leaddesk.domain.clock import as_utc
from leaddesk.domain.jurisdictions import LeadPlace
from leaddesk.domain.script_plan import GENERIC, greeting, offer_times, voicemail_slot
from leaddesk.domain.scripts import (
    STAGES,
    RenderedScript,
    ScriptError,
    Variant,
    check_template,
    choose_unheard,
    choose_variant,
    rendered,
)
from leaddesk.paths import resources_dir
from leaddesk.services.cadences import cadence_for
from leaddesk.services.errors import NotFound, UserError
from leaddesk.services.outbox import enqueue, voicemail_script_payload
from leaddesk.services.workspace import Workspace, os_user_name
from leaddesk.store.models import Agent, Attempt, Lead, Meta, VoicemailScript


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
        n-th next unheard variant of the stage (the agent asked for another one).

        The stage is the voicemail's place among those the lead will get (see
        `domain.script_plan`); a variant the lead heard is never offered again, and when
        a stage has none left a short generic note stands in. When this call leaves no
        message (a `"voicemail": false` step, or the daily cap), the script shown is the
        one the next message will use, with `voicemail_ok` False and the reason."""
        self.ensure_templates()
        with self.ws.store.session() as session:
            lead = _lead(session, lead_id)
            heard = [
                h
                for h in session.scalars(
                    select(Attempt.script_id)
                    .where(
                        Attempt.lead_id == lead.id,
                        Attempt.outcome == "voicemail_left",
                        Attempt.script_id.is_not(None),
                    )
                    .order_by(Attempt.started_at)
                )
                if h
            ]
            left = session.scalar(
                select(func.count())
                .select_from(Attempt)
                .where(Attempt.lead_id == lead.id, Attempt.outcome == "voicemail_left")
            )
            ok_today, cap_advice = self._voicemail_today(session, lead)
            cadence = cadence_for(session, lead.cadence_id, self.ws.cadence)
            slot = voicemail_slot(
                cadence,
                lead.cadence_step,
                int(left or 0),
                attempts=lead.attempt_count,
                lifetime=self.ws.rules.caps.lifetime,
                voicemails_per_day=self.ws.rules.caps.voicemails_per_day,
                today_ok=ok_today,
                textable=lead.phone_type in TEXTABLE_PHONE_TYPES,
                callback=lead.status == "callback",
            )
            stage = slot.stage
            rows = self._stage_rows(session, stage)
            pick = choose_unheard([Variant(r.id, r.variant) for r in rows], heard, next_variant)
            if pick is None:
                # Every variant of the stage was heard: a short note, not a repeat.
                stage = GENERIC
                rows = self._stage_rows(session, GENERIC)
                variants = [Variant(r.id, r.variant) for r in rows]
                pick = choose_unheard(variants, heard, next_variant) or choose_variant(
                    variants, heard, next_variant
                )
            if pick is None:
                raise UserError(f"there is no active voicemail script for the stage {stage!r}")
            row = next(r for r in rows if r.id == pick.script_id)
            script = rendered(
                row.id, stage, row.variant, len(rows), row.template, self._values(session, lead)
            )
            if not ok_today:
                return replace(script, voicemail_ok=False, advice=cap_advice)
            if not slot.leaves_message and slot.reason:
                return replace(script, voicemail_ok=False, advice=slot.reason)
            if script.too_long:
                return replace(
                    script, advice=f"about {script.seconds:.0f} s: keep voicemails under 30 s"
                )
            missing = self.missing_identity()
            if missing:
                return replace(
                    script,
                    advice=f"set {missing} in Settings before you call "
                    "(agent.display_name, agent.company in settings.json)",
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

    def words_of(self, lead_id: str, script_id: str) -> int:
        """The spoken words of script `script_id` as filled for this lead (what a
        `voicemail_left` logged with it stores, for the report's mean and longest)."""
        self.ensure_templates()
        with self.ws.store.session() as session:
            lead = _lead(session, lead_id)
            row = session.get(VoicemailScript, script_id)
            if row is None:
                raise NotFound(
                    f"no voicemail script with id {script_id!r}; "
                    f"'leaddesk script {lead_id}' shows the one to leave"
                )
            values = self._values(session, lead)
            return rendered(row.id, row.stage, row.variant, 1, row.template, values).words

    def missing_identity(self) -> str:
        """What scripts still lack of the agent ('your name and your company'), '' when
        complete: the window asks for it once."""
        with self.ws.store.session() as session:
            agent = session.get(Agent, self.ws.agent.id)
            gaps = []
            if not self._agent_name(agent):
                gaps.append("your name")
            if not self._agent_company(agent, self._team(session)):
                gaps.append("your company")
        return " and ".join(gaps)

    def _stage_rows(self, session: Session, stage: str) -> list[VoicemailScript]:
        return list(
            session.scalars(
                select(VoicemailScript)
                .where(VoicemailScript.stage == stage, VoicemailScript.active.is_(True))
                .order_by(VoicemailScript.variant)
            )
        )

    def _agent_name(self, agent: Agent | None) -> str:
        """The name scripts say: the setting, else the agent record's, but never the one
        made up from the computer's user name ("Root")."""
        if self.ws.voicemail_name:
            return self.ws.voicemail_name
        display = agent.display_name if agent else self.ws.agent.display_name
        made_up = os_user_name().replace(".", " ").title()
        name = agent.name if agent else self.ws.agent.name
        if display.strip() in (made_up, os_user_name()) and name == os_user_name():
            return ""
        return display.strip()

    def _agent_company(self, agent: Agent | None, team: dict[str, str] | None = None) -> str:
        """The agent's setting, else the agent row's, else the team's (a supervisor's,
        from the server)."""
        own = self.ws.voicemail_company or (agent.company if agent else self.ws.agent.company)
        return own.strip() or (team or {}).get("company", "").strip()

    @staticmethod
    def _team(session: Session) -> dict[str, str]:
        """The team's company, topic and callback number, as the last sync brought them."""
        rows = session.scalars(select(Meta).where(Meta.key.startswith("team.")))
        return {row.key.removeprefix("team."): row.value for row in rows}

    def values_for(self, session: Session, lead: Lead) -> dict[str, str]:
        """What fills a template for `lead` now (voicemails, emails and texts alike)."""
        return self._values(session, lead)

    def _values(self, session: Session, lead: Lead) -> dict[str, str]:
        agent = session.get(Agent, self.ws.agent.id)
        display = self._agent_name(agent)
        team = self._team(session)
        # The agent's settings (name, callback number) win over the agent row's, and
        # both over the team's.
        number = (
            self.ws.voicemail_callback_number
            or (agent.callback_number if agent else self.ws.agent.callback_number)
            or team.get("callback_number", "")
        )
        now = as_utc(self.ws.clock())
        zones = zones_of(lead.time_zones or ())
        zone = zones[0] if zones else None
        place = LeadPlace(
            tuple(lead.time_zones or ()), tuple(lead.jurisdictions or ()), lead.consent_basis
        )
        return {
            "first_name": lead.first_name,
            "last_name": lead.last_name,
            "company": lead.company,
            "agent_name": display,
            "agent_first_name": display.split()[0] if display.strip() else "",
            "agent_company": self._agent_company(agent, team),
            "callback_number": format_callback_number(number, lead.country, lead.phone_e164),
            "topic": (lead.topic or "").strip()
            or self.ws.voicemail_topic
            or team.get("topic", "").strip(),
            "greeting": greeting(now.astimezone(zone) if zone else None),
            "offer_times": offer_times(self.ws.rules, place, now, zone),
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
        """Store the default templates of every stage the database has none of (a new
        database gets them all; an older one gets the stages added since, e.g. the short
        generic notes)."""
        defaults = load_default_templates()
        with self.ws.store.session() as session:
            have = set(session.scalars(select(VoicemailScript.stage).distinct()))
        if not set(defaults) - have:
            return
        with self.ws.store.transaction() as session:
            have = set(session.scalars(select(VoicemailScript.stage).distinct()))
            for stage, templates in defaults.items():
                if stage in have:
                    continue
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
            enqueue(session, "voicemail_script", row.id, voicemail_script_payload(row))
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
            enqueue(session, "voicemail_script", row.id, voicemail_script_payload(row))
            return ScriptTemplate(row.id, row.stage, row.variant, row.template, row.active)


def _stage(stage: str) -> str:
    if stage not in (*STAGES, GENERIC):
        known = ", ".join((*STAGES, GENERIC))
        raise UserError(f"unknown stage {stage!r}; expected one of: {known}")
    return stage


def _lead(session: Session, lead_id: str) -> Lead:
    lead = session.get(Lead, lead_id)
    if lead is None or lead.deleted_at is not None:
        raise NotFound(f"no lead with id {lead_id!r}")
    return lead

"""The domain's words as the window shows them, translated at display time.

Outcome labels, channels, lead statuses, voicemail stages, rapport kinds, import fields
and speed-to-lead buckets live in Qt-free code (`leaddesk/domain`, `leaddesk/services`),
where `self.tr` cannot mark them. `packaging/i18n.py` reads them from there
(`domain_messages`) and adds them to the catalogue under the contexts below; the widgets
call these functions to show them. A text the catalogue does not know (a new outcome
before the next `i18n.py` run) is shown as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

OUTCOME = "Outcome"
CHANNEL = "Channel"
LEAD_STATUS = "LeadStatus"
SCRIPT_STAGE = "ScriptStage"
RAPPORT_KIND = "RapportKind"
IMPORT_FIELD = "ImportField"
SPEED_BUCKET = "SpeedBucket"
SECTION = "Section"  # marked in ui/style.py, where the labels are


def domain_messages() -> dict[str, list[str]]:
    """Every shown domain word per context, for the catalogue (read by i18n.py)."""
    from leaddesk.domain.metrics import SPEED_BUCKETS
    from leaddesk.domain.outcomes import OUTCOMES, Channel, LeadStatus
    from leaddesk.domain.rapport import KINDS
    from leaddesk.domain.script_plan import GENERIC
    from leaddesk.domain.scripts import STAGES
    from leaddesk.services.intake import FIELDS

    return {
        OUTCOME: [info.label for info in OUTCOMES.values()],
        CHANNEL: [channel.value for channel in Channel],
        LEAD_STATUS: [_spaced(status.value) for status in LeadStatus],
        SCRIPT_STAGE: [_spaced(stage) for stage in (*STAGES, GENERIC)],
        RAPPORT_KIND: list(KINDS),
        IMPORT_FIELD: list(FIELDS.values()),
        SPEED_BUCKET: [label for label, _ in SPEED_BUCKETS],
    }


def _spaced(code: str) -> str:
    return code.replace("_", " ")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text) if text else text


def outcome_label(label: str) -> str:
    """An outcome's label ("Voicemail left"), as `OUTCOMES[code].label` gives it."""
    return _tr(OUTCOME, label)


def channel_name(channel: str | None) -> str:
    """A channel's name as the agent reads it: "phone", "email", "sms", "social"."""
    return _tr(CHANNEL, channel or "")


def status_name(status: str) -> str:
    """A lead status code ("not_interested") in words."""
    return _tr(LEAD_STATUS, _spaced(status))


def stage_name(stage: str) -> str:
    """A voicemail stage code ("add_value") in words."""
    return _tr(SCRIPT_STAGE, _spaced(stage))


def kind_name(kind: str) -> str:
    """A rapport note kind ("family")."""
    return _tr(RAPPORT_KIND, kind)


def field_name(label: str) -> str:
    """An import field's label ("First name"), as `FIELDS[key]` gives it."""
    return _tr(IMPORT_FIELD, label)


def section_name(key: str) -> str:
    """A call-list section key ("follow_up") as its chip and pill say it."""
    from leaddesk.ui.style import SECTION_LABELS

    return _tr(SECTION, SECTION_LABELS.get(key, key))


def bucket_name(label: str) -> str:
    """A speed-to-lead bucket ("5–30 min")."""
    return _tr(SPEED_BUCKET, label)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Qt's marker for a string translated later (`pyside6-lupdate` finds it by this
    name), typed: PySide6's own returns `object`."""
    return text

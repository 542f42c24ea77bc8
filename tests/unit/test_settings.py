"""Settings: the registry's defaults, round-trips through the JSON file, refusals that name
the setting, unknown keys kept, and an atomic write that never leaves a half file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from leaddesk.services.errors import UserError
from leaddesk.settings import (
    REGISTRY,
    SettingError,
    Settings,
    SettingsFileError,
    default_path,
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.json"


def test_missing_file_gives_the_declared_defaults(path: Path) -> None:
    s = Settings.load(path)
    assert s["caps.lifetime"] == 12
    assert s["caps.per_24h"] == 3
    assert s["caps.voicemails_per_day"] == 1
    # The agent's own window leaves the law and the team's rules to decide.
    assert s["calling_hours.start"] == "00:00"
    assert s["calling_hours.end"] == "24:00"
    assert s["dialer"] == "tel"
    assert s["theme"] == "system"
    assert s["server.url"] == ""
    assert s.problems == []
    assert not path.exists()  # reading never writes


def test_every_setting_is_described_and_its_default_passes_its_own_validator() -> None:
    names = [s.name for s in REGISTRY]
    assert len(names) == len(set(names))
    for spec in REGISTRY:
        assert spec.description.endswith("."), spec.name
        assert spec.validate(spec.default) == spec.default, spec.name


def test_values_round_trip_through_the_file(path: Path) -> None:
    s = Settings.load(path)
    s.update(
        {
            "agent.display_name": "  Dana Whitfield ",
            "agent.callback_number": "+1 (415) 555-0142",
            "calling_hours.start": "9:30",
            "calling_hours.end": "20:00",
            "caps.lifetime": 8,
            "dialer": "baresip",
            "server.url": "https://sync.example.com/",
            "theme": "dark",
            "window.geometry": "AdnQywADAAAAAAAA",
        }
    )
    s.save()
    again = Settings.load(path)
    assert again["agent.display_name"] == "Dana Whitfield"
    assert again["agent.callback_number"] == "+14155550142"  # stored as E.164
    assert again["calling_hours.start"] == "09:30"
    assert again["caps.lifetime"] == 8
    assert again["dialer"] == "baresip"
    assert again["server.url"] == "https://sync.example.com"
    assert again["theme"] == "dark"
    assert again["window.geometry"] == "AdnQywADAAAAAAAA"
    assert again.as_dict() == s.as_dict()
    # defaults the user never touched are not written: a later default change reaches them
    assert "caps.per_24h" not in json.loads(path.read_text())


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("agent.callback_number", "555-0142", "international form"),
        ("agent.callback_number", "+1 415 555 01", "not a valid phone number"),
        ("server.url", "ftp://sync.example.com", "http:// or https://"),
        ("server.url", "sync.example.com", "http:// or https://"),
        ("calling_hours.start", "25:00", "HH:MM"),
        ("caps.lifetime", 0, "between 1 and 50"),
        ("caps.lifetime", "twelve", "not a whole number"),
        ("caps.voicemails_per_day", True, "not a whole number"),
        ("dialer", "skype", "tel, baresip"),
        ("theme", "purple", "system, light, dark"),
        ("cadence", "  ", "must not be empty"),
        ("no.such.setting", 1, "no such setting"),
    ],
)
def test_bad_values_are_refused_naming_the_setting(
    path: Path, name: str, value: object, words: str
) -> None:
    s = Settings.load(path)
    before = s.as_dict()
    with pytest.raises(SettingError) as caught:
        s.set(name, value)
    message = str(caught.value)
    assert message.startswith(f"setting {name}:")
    assert words in message
    assert isinstance(caught.value, UserError)  # the CLI and GUI show it as one line
    assert s.as_dict() == before


def test_an_update_applies_all_or_nothing(path: Path) -> None:
    s = Settings.load(path)
    with pytest.raises(SettingError, match=r"calling_hours\.end: must be later"):
        s.update({"theme": "dark", "calling_hours.start": "22:00", "calling_hours.end": "21:00"})
    assert s["theme"] == "system"
    assert s["calling_hours.start"] == "00:00"


def test_unknown_keys_from_a_newer_version_are_kept(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"theme": "light", "future.feature": {"on": True}}))
    s = Settings.load(path)
    s.set("caps.per_24h", 2)
    s.save()
    data = json.loads(path.read_text())
    assert data == {"theme": "light", "future.feature": {"on": True}, "caps.per_24h": 2}


def test_a_bad_stored_value_falls_back_to_its_default_and_says_so(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"caps.lifetime": -3, "dialer": "baresip"}))
    s = Settings.load(path)
    assert s["caps.lifetime"] == 12
    assert s["dialer"] == "baresip"
    assert len(s.problems) == 1
    assert "caps.lifetime" in s.problems[0]
    assert str(path) in s.problems[0]


def test_a_file_that_is_not_json_is_a_clear_error(path: Path) -> None:
    path.parent.mkdir(parents=True)
    path.write_text("{ theme: dark")
    with pytest.raises(SettingsFileError, match="not valid JSON"):
        Settings.load(path)
    assert path.read_text() == "{ theme: dark"  # nothing lost


def test_a_failed_write_leaves_the_old_file_whole(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    s = Settings.load(path)
    s.set("theme", "dark")
    s.save()
    old = path.read_text()

    # The disk fills up while the new file is flushed (the OS boundary, faked).
    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    s.set("theme", "light")
    with pytest.raises(SettingsFileError, match="previous file is unchanged"):
        s.save()
    assert path.read_text() == old
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]  # no temp file
    monkeypatch.undo()
    s.save()
    assert Settings.load(path)["theme"] == "light"


def test_default_path_is_in_the_platform_config_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    p = default_path()
    assert p.name == "settings.json"
    assert "LeadDesk" in p.parts


def test_the_suite_never_reads_the_real_config_folder(config_home: Path) -> None:
    """tests/conftest.py gives every test an empty config folder of its own."""
    assert default_path().is_relative_to(config_home)
    assert os.environ["XDG_CONFIG_HOME"] == str(config_home)
    assert not default_path().is_relative_to(Path.home() / ".config")
    assert Settings.load().as_dict() == {s.name: s.default for s in REGISTRY}


def test_the_configuration_folder_is_owner_only(settings_file: Path) -> None:
    """Other users of a shared machine (a terminal server) cannot read the settings."""
    old = os.umask(0o022)
    try:
        settings = Settings.load()
        settings.set("agent.callback_number", "+14155550142")
        settings.save()
        assert settings_file.parent.stat().st_mode & 0o777 == 0o700
        os.chmod(settings_file.parent, 0o755)  # as an older LeadDesk left it
        Settings.load()
        assert settings_file.parent.stat().st_mode & 0o777 == 0o700
    finally:
        os.umask(old)

"""The server token lives in the OS keychain (a test backend stands in for it), never in
a file or a log; without a usable keychain it is kept for the session, and the app says so."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backend
import keyring.errors
import pytest
from keyring.backends import fail

from leaddesk.services.credentials import Credentials, keychain_problem, service_name
from tests.keychain import MemoryKeyring

TOKEN = "tok-3f9c2b7e1a5d4c6b8e0f-secret"
URL = "https://Sync.Example.com:8765/"


class LockedKeyring(MemoryKeyring):
    """A keychain that is there but refuses (locked, or the user said no)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("locked")

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")


class PlaintextKeyring(MemoryKeyring):
    """Stands for keyrings.alt's file backend: secrets in a plain file."""


PlaintextKeyring.__module__ = "keyrings.alt.file"


@pytest.fixture
def use_backend(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    previous = keyring.get_keyring()

    def use(backend: keyring.backend.KeyringBackend) -> keyring.backend.KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield use
    keyring.set_keyring(previous)


def files_holding(folder: Path, secret: str) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and secret.encode() in p.read_bytes()]


def test_the_token_goes_to_the_keychain_per_server_and_agent(use_backend, tmp_path: Path) -> None:
    backend = use_backend(MemoryKeyring())
    creds = Credentials(environ={})
    saved = creds.save(URL, "alice", TOKEN)
    assert (saved.where, saved.warning) == ("keychain", None)
    assert backend.items == {(service_name(URL), "alice"): TOKEN}
    # One spelling per server: case and a trailing slash do not matter.
    assert Credentials(environ={}).load("https://sync.example.com:8765", "alice") == TOKEN
    assert Credentials(environ={}).load(URL, "bob") is None
    assert Credentials(environ={}).load("https://other.example.com", "alice") is None
    assert files_holding(tmp_path, TOKEN) == []

    creds.forget(URL, "alice")
    assert Credentials(environ={}).load(URL, "alice") is None
    creds.forget(URL, "alice")  # forgetting twice is fine


def test_the_environment_variable_wins_for_headless_runs(use_backend) -> None:
    use_backend(MemoryKeyring())
    Credentials(environ={}).save(URL, "alice", "from-keychain")
    assert Credentials(environ={"LEADDESK_TOKEN": " from-env \n"}).load(URL, "alice") == "from-env"
    provider = Credentials(environ={}).provider(URL, "alice")
    assert provider() == "from-keychain"


def test_without_a_keychain_the_token_is_kept_for_the_session_and_it_says_so(
    use_backend, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    use_backend(fail.Keyring())
    caplog.set_level(logging.DEBUG)
    creds = Credentials(environ={})
    saved = creds.save(URL, "alice", TOKEN)
    assert saved.where == "session"
    assert saved.warning is not None and "session only" in saved.warning
    assert "LEADDESK_TOKEN" in saved.warning
    assert creds.warning == saved.warning
    assert creds.load(URL, "alice") == TOKEN  # this session still works
    fresh = Credentials(environ={})
    assert fresh.load(URL, "alice") is None  # nothing was saved anywhere
    assert fresh.warning is not None and "no keyring backend" in fresh.warning
    assert files_holding(tmp_path, TOKEN) == []
    assert TOKEN not in caplog.text


def test_a_plain_file_backend_is_never_used_silently(use_backend, tmp_path: Path) -> None:
    backend = use_backend(PlaintextKeyring())
    problem = keychain_problem()
    assert problem is not None and "plain file" in problem
    creds = Credentials(environ={})
    saved = creds.save(URL, "alice", TOKEN)
    assert saved.where == "session" and saved.warning is not None
    assert backend.items == {}


def test_a_keychain_that_refuses_falls_back_to_the_session(use_backend) -> None:
    use_backend(LockedKeyring())
    creds = Credentials(environ={})
    saved = creds.save(URL, "alice", TOKEN)
    assert saved.where == "session" and "refused" in (saved.warning or "")
    assert creds.load(URL, "alice") == TOKEN
    other = Credentials(environ={})
    assert other.load(URL, "alice") is None and "could not be read" in (other.warning or "")


def test_an_empty_token_is_not_saved(use_backend) -> None:
    backend = use_backend(MemoryKeyring())
    with pytest.raises(ValueError, match="empty"):
        Credentials(environ={}).save(URL, "alice", "  ")
    assert backend.items == {}

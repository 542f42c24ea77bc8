"""Where LeadDesk keeps its files: the user's data directory and the bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "LeadDesk"


def user_data_dir() -> Path:
    from platformdirs import user_data_dir as _user_data_dir

    return Path(_user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """`$LEADDESK_DB`, else leaddesk.db in the platform's user data directory."""
    env = os.environ.get("LEADDESK_DB")
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "leaddesk.db"


def demo_db_path() -> Path:
    return user_data_dir() / "demo.db"


def resources_dir() -> Path:
    """The `resources/` folder: beside the package in a checkout, inside a frozen bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"

"""Where LeadDesk keeps its files: the user's data directory and the bundled resources."""

from __future__ import annotations

import os
from importlib.resources import files
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
    """The package's `leaddesk/resources/` folder, found through `importlib.resources`: in a
    checkout, an installed wheel and the PyInstaller bundle alike (which unpacks the package
    data under `sys._MEIPASS/leaddesk/resources`).

    A real folder on disk, not any `Traversable`: Qt opens icons and translations by file
    name, and the rule loader watches the files' times. LeadDesk is therefore not run from a
    zip; an installer that did so would fail here with this message rather than later."""
    folder = files("leaddesk") / "resources"
    if not isinstance(folder, Path):
        raise RuntimeError(f"leaddesk's resources are not in a folder on disk ({folder!r})")
    return folder

"""The agent window's house rules, checked on the import graph (TYPE_CHECKING imports
included): only the command that opens the window and the screenshot tool that drives it
import the window; the session that owns the agent's work holds no widget."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp

import leaddesk

WINDOW = "leaddesk.ui.agent.window"


def test_only_the_gui_command_and_the_screenshot_import_the_window() -> None:
    graph = grimp.build_graph("leaddesk")
    importers = graph.find_modules_that_directly_import(WINDOW)
    assert importers == {"leaddesk.commands.gui", "leaddesk.ui.screenshot"}


def test_the_session_holds_no_widget() -> None:
    source = Path(leaddesk.__file__).parent / "ui" / "agent" / "session.py"
    modules: set[str] = set()
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
        elif isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
    assert "PySide6.QtCore" in modules  # it is a QObject with signals
    assert not {m for m in modules if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))}
    assert not {m for m in modules if m.startswith("leaddesk.ui.agent.")}

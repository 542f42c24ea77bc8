"""PySide6 6.12.0 crashes on Python 3.11 in QStandardItemModel.setItem ("none_dealloc").

pyproject.toml pins PySide6 < 6.12 on Python < 3.12. These tests keep the pin honest:
the installed PySide6 must satisfy it, and the call that crashed must run cleanly
(in a child process, so a crash shows up as a failed test instead of killing pytest).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import PySide6
from packaging.requirements import Requirement
from packaging.version import Version

CRASH_CASE = r"""
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication
app = QApplication([])
model = QStandardItemModel(0, 3)
for round_ in range(3):
    for row in range(300):
        for col in range(3):
            model.setItem(row, col, QStandardItem(f"{round_}:{row}:{col}"))
    model.clear()
    model.setColumnCount(3)
print("ok")
"""


def test_installed_pyside6_satisfies_the_pin() -> None:
    data = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text())
    env = {"python_version": f"{sys.version_info.major}.{sys.version_info.minor}"}
    pins = [
        Requirement(dep)
        for dep in data["project"]["dependencies"]
        if dep.startswith("PySide6-Essentials") and Requirement(dep).marker.evaluate(env)
    ]
    assert len(pins) == 1
    installed = Version(PySide6.__version__)
    assert installed in pins[0].specifier
    if sys.version_info < (3, 12):
        assert installed < Version("6.12"), "PySide6 6.12 crashes on Python 3.11"


def test_qstandarditemmodel_setitem_does_not_crash() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", CRASH_CASE], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"

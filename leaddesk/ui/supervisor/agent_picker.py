"""The supervisor window's agent picker: "All agents" then every agent, the list read on
the task runner's worker threads (never on the GUI thread, where opening the window would
wait for the database).

Until the list is in, the picker holds "All agents" only and is disabled, and `agent_id`
is the agent the window was opened for: the window's first load is already that agent's.
Filling the list selects that agent without emitting `picked`, so the list arriving does
not reload anything; only a choice (the user's, or `select`) does.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from leaddesk.ui.tasks import TaskRunner

AgentRow = tuple[str, str, str]  # id, name, display name (ReviewService.agents)


def agent_label(name: str, display: str) -> str:
    """An agent as the picker and the status line name them: "Jordan Reyes (demo.agent)"."""
    return display if display == name else f"{display} ({name})"


class AgentPicker(QComboBox):
    """`AgentPicker(runner, load, agent_id)`: `load()` returns the agents (on a worker)."""

    picked = Signal()  # the agent under review changed: reload
    failed = Signal(str)  # the list could not be read; `load` tries again
    loading_changed = Signal(bool)

    def __init__(
        self,
        runner: TaskRunner,
        load: Callable[[], list[AgentRow]],
        agent_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AgentPicker")
        # The window's words (context "SupervisorWindow"), where they were translated before.
        self.setAccessibleName(QCoreApplication.translate("SupervisorWindow", "Agent"))
        self.setMinimumWidth(200)
        self.addItem(QCoreApplication.translate("SupervisorWindow", "All agents"), None)
        self.setEnabled(False)
        self._runner = runner
        self._load = load
        self._requested = agent_id
        self._names: dict[str, str] | None = None  # None: the list is not in yet
        self._loading = False
        self._filling = False
        self.currentIndexChanged.connect(self._changed)

    @property
    def agent_id(self) -> str | None:
        """The agent under review, None for every agent."""
        if self._names is None:
            return self._requested
        value = self.currentData()
        return str(value) if value else None

    @property
    def is_loaded(self) -> bool:
        return self._names is not None

    @property
    def is_loading(self) -> bool:
        return self._loading

    def agent_name(self, agent_id: str) -> str | None:
        """The login name of an agent of the list (None while the list is not in)."""
        return self._names.get(agent_id) if self._names is not None else None

    def load(self) -> None:
        """Read the agent list unless it is in or on its way (again, after a failure)."""
        if self._names is not None or self._loading:
            return
        self._set_loading(True)
        self._runner.run(self._load, self._in, self._failed, name="supervisor agents")

    def select(self, agent_id: str | None) -> bool:
        """Review `agent_id` (None: every agent); False if the list does not have it."""
        if self._names is None:
            if agent_id != self._requested:
                self._requested = agent_id
                self.picked.emit()
            return True
        index = self.findData(agent_id) if agent_id else 0
        if index < 0:
            return False
        self.setCurrentIndex(index)
        return True

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _in(self, agents: list[AgentRow]) -> None:
        before = self.agent_id
        self._filling = True
        try:
            for aid, name, display in agents:
                self.addItem(agent_label(name, display), aid)
            index = self.findData(self._requested) if self._requested else 0
            self.setCurrentIndex(max(0, index))
        finally:
            self._filling = False
        self._names = {aid: name for aid, name, _display in agents}
        self._requested = None
        self.setEnabled(True)
        self._set_loading(False)
        if self.agent_id != before:
            self.picked.emit()  # the agent asked for is gone: the picker shows everyone

    def _failed(self, error: BaseException) -> None:
        self._set_loading(False)
        self.failed.emit(str(error))

    def _changed(self, _index: int) -> None:
        if not self._filling:
            self.picked.emit()

"""Database work off the GUI thread, in the manner of Anki's QueryOp.

`TaskRunner.run(work, on_success, on_failure)` runs `work()` on a QThreadPool worker.
`work` opens its own session through a service and returns plain dataclasses (never ORM
objects); the callbacks run later on the GUI thread. A UserError goes to `on_failure`
(or the runner's default handler, which shows it to the user); any other exception is
logged with its traceback and shown as an unexpected error.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")
FailureHandler = Callable[[BaseException], None]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits `done`, the slot runs on the GUI thread."""

    done = Signal(object, object)

    def __init__(
        self, runner: TaskRunner, on_success: Callable[[Any], None], on_failure: FailureHandler
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._on_success = on_success
        self._on_failure = on_failure
        self.done.connect(self._deliver)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        try:
            if self._runner.closed:
                return
            if isinstance(error, BaseException):
                self._on_failure(error)
            else:
                self._on_success(result)
        finally:
            self._runner._finished(self)


class _Job(QRunnable, Generic[T]):
    def __init__(self, work: Callable[[], T], relay: _Relay, name: str) -> None:
        super().__init__()
        self._work = work
        self._relay = relay
        self._name = name
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result: object = self._work()
        except BaseException as exc:  # delivered to the GUI thread, never swallowed
            if not _is_user_error(exc):
                log.error("task %s failed:\n%s", self._name, traceback.format_exc())
            self._relay.done.emit(None, exc)
            return
        self._relay.done.emit(result, None)


def _is_user_error(exc: BaseException) -> bool:
    from leaddesk.services.errors import UserError

    return isinstance(exc, UserError)


class TaskRunner(QObject):
    """The one way widgets run database work. `busy_changed(n)` tells how many run."""

    busy_changed = Signal(int)

    def __init__(
        self,
        parent: QObject | None = None,
        pool: QThreadPool | None = None,
        on_error: FailureHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        if pool is None:
            # SQLite writes queue on one lock anyway; a few workers keep reads flowing.
            self._pool.setMaxThreadCount(3)
        self._relays: set[_Relay] = set()
        self.closed = False
        self._on_error = on_error or (lambda exc: log.error("unhandled task error: %s", exc))

    def set_error_handler(self, handler: FailureHandler) -> None:
        self._on_error = handler

    @property
    def active(self) -> int:
        return len(self._relays)

    def run(
        self,
        work: Callable[[], T],
        on_success: Callable[[T], None],
        on_failure: FailureHandler | None = None,
        *,
        name: str = "",
    ) -> None:
        relay = _Relay(self, on_success, on_failure or self._on_error)
        self._relays.add(relay)
        self.busy_changed.emit(len(self._relays))
        self._pool.start(_Job(work, relay, name or getattr(work, "__name__", "task")))

    def _finished(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        self.busy_changed.emit(len(self._relays))

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until the workers are done (callbacks still run later, as usual)."""
        return self._pool.waitForDone(msecs)

    def shutdown(self, msecs: int = 30_000) -> None:
        """Wait for the workers and drop their answers: the window is going away, and no
        callback may run on it (or on a half-deleted runner) afterwards."""
        self.closed = True
        self._pool.waitForDone(msecs)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.MetaCall)

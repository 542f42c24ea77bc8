"""Use cases that join the domain rules and the store: log an outcome, import leads,
build the call list, report. Services get their store, clock and agent through
constructors (a `Workspace`); they return plain dataclasses, never ORM objects, so the
GUI can run them in worker threads."""

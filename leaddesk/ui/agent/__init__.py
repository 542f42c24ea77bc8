"""The agent window and its parts.

`session.AgentSession` owns the agent's work (the selected lead, the card's lead, the
pending dial, the outcome just logged) and talks only to the backend, the task runner,
the dialer and `Events`. The parts beside it (`call_flow`, `lead_notes`, `messages`,
`returned_calls`, `softphone`, `state_bar`, `voicemail_drop`) are given the session and
the widgets they drive; `window.MainWindow` builds them and keeps layout and focus. No
part imports the window (import-linter's contracts in pyproject.toml keep it so).
"""

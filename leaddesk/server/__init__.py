"""The team sync server: an HTTP API (Starlette on uvicorn) over the same models.

`app.create_app(store)` builds the application; `auth` issues and checks tokens;
`push` applies operations idempotently; `changes` keeps the change log and serves pulls
below a commit-safe watermark; `api` maps HTTP routes onto them, scoped to the agent.
"""

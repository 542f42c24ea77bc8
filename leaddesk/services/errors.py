"""Errors a user can act on. The CLI prints their message on one line and exits 1; the
GUI shows it in a dialog or the status bar."""


class UserError(Exception):
    """Wrong input or state, explained in words the user understands."""


class NotFound(UserError):
    """A lead, attempt or agent that does not exist."""

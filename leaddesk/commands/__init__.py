"""One module per `leaddesk` subcommand; each has `run(args, ctx) -> int`."""

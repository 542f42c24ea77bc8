"""What the laptop and the team server share: the wire format of sync (`wire.py`: the
operation kinds, how rows travel as JSON, the checks on every field, the team settings'
names). Both sides import it; it imports neither (import-linter keeps it so), only the
domain and the schema of the tables."""

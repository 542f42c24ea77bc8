#!/usr/bin/env bash
# Build the wheel, install it (not editable) into a fresh virtual environment, and prove
# the installed `leaddesk` runs from an empty folder, away from this checkout:
#   --version, `demo`, `--demo queue` and the demo window's offscreen screenshot.
#
#   bash packaging/check-wheel.sh          # PYTHON=python3.11 to pick the interpreter
#
# Exits non-zero if the build, the install or any run fails. pip's cache keeps the
# dependency downloads out of the second run (about 30 s in all on a warm cache).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== wheel"
# Built from a copy of what the wheel is made of: setuptools' in-tree build/lib keeps files
# deleted or moved since the last build, and they would ship.
mkdir -p "$tmp/src"
cp -r pyproject.toml README.md leaddesk "$tmp/src/"
find "$tmp/src" -name __pycache__ -prune -exec rm -rf {} +
"$PY" -m pip wheel -q --no-deps -w "$tmp/dist" "$tmp/src"
wheel=$(ls "$tmp"/dist/leaddesk-*.whl)
echo "$(basename "$wheel")"

echo "== clean venv, wheel installed"
"$PY" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "$wheel"
BIN=$tmp/venv/bin/leaddesk

# Nothing of the checkout on the path, a home of its own, Qt offscreen.
mkdir -p "$tmp/run"
cd "$tmp/run"
run() {
  env -u PYTHONPATH -u VIRTUAL_ENV -u LEADDESK_DB HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" QT_QPA_PLATFORM=offscreen "$BIN" "$@"
}

echo "== leaddesk --version"
version=$(run --version)
echo "$version"
case "$version" in
  "LeadDesk "*) ;;
  *) echo "unexpected --version output: $version" >&2; exit 1 ;;
esac

echo "== leaddesk demo"
run demo --db "$tmp/demo-cmd.db" --leads 50

echo "== leaddesk --demo queue"
queue=$(run --demo queue --limit 5 --json)
echo "$queue" | head -c 300; echo
echo "$queue" | "$tmp/venv/bin/python" -c \
  'import json, sys; leads = json.load(sys.stdin)["leads"]; assert leads, "the demo call list is empty"'

echo "== leaddesk --demo --screenshot"
run --demo --screenshot "$tmp/shot.png" 2>"$tmp/gui.err" \
  || { cat "$tmp/gui.err" >&2; exit 1; }
test -s "$tmp/shot.png" || { echo "no screenshot written" >&2; exit 1; }
head -c 8 "$tmp/shot.png" | od -An -tx1 | grep -q "89 50 4e 47" \
  || { echo "screenshot is not a PNG" >&2; exit 1; }
if [ -n "${LEADDESK_SHOT_OUT:-}" ]; then cp "$tmp/shot.png" "$LEADDESK_SHOT_OUT"; fi
echo "the installed wheel runs"

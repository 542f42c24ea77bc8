#!/usr/bin/env bash
# Build the Linux one-folder bundle dist/leaddesk/ and prove it starts.
#
#   bash packaging/build-linux.sh            # build + smoke run
#   LEADDESK_BUILD_VENV=build/venv-x bash packaging/build-linux.sh
#
# Makes its own virtual environment under build/ (reused between runs: pip only
# installs what changed), installs PyInstaller and the project (no test or server
# extras: the agent's bundle does not carry them), runs packaging/leaddesk.spec, then
# runs the bundle twice: `--version`, and the demo window rendered offscreen to a PNG.
# Exits non-zero if the build or either run fails.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PY=${PYTHON:-python3}
VENV=${LEADDESK_BUILD_VENV:-build/venv}
PYINSTALLER_SPEC=${PYINSTALLER_SPEC:-pyinstaller>=6.6}

started=$(date +%s)
echo "== build venv $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  "$PY" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
"$VENV/bin/python" -m pip install -q "$PYINSTALLER_SPEC" .

echo "== translations"
"$VENV/bin/python" packaging/i18n.py --release

echo "== pyinstaller"
rm -rf dist/leaddesk build/leaddesk
"$VENV/bin/pyinstaller" --noconfirm --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/leaddesk.spec

BIN=dist/leaddesk/leaddesk
echo "== smoke: $BIN --version"
version=$("$BIN" --version)
echo "$version"
case "$version" in
  "LeadDesk "*) ;;
  *) echo "unexpected --version output: $version" >&2; exit 1 ;;
esac

echo "== smoke: demo window screenshot"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The bundle must not find this checkout: run it from an empty folder with a clean env.
(
  cd "$tmp"
  env -u PYTHONPATH -u VIRTUAL_ENV HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" \
    XDG_CONFIG_HOME="$tmp/config" QT_QPA_PLATFORM=offscreen \
    "$ROOT/$BIN" --demo --screenshot "$tmp/shot.png"
)
test -s "$tmp/shot.png" || { echo "no screenshot written" >&2; exit 1; }
head -c 8 "$tmp/shot.png" | od -An -tx1 | grep -q "89 50 4e 47" \
  || { echo "screenshot is not a PNG" >&2; exit 1; }
if [ -n "${LEADDESK_SHOT_OUT:-}" ]; then cp "$tmp/shot.png" "$LEADDESK_SHOT_OUT"; fi

size=$(du -sh dist/leaddesk | cut -f1)
echo "== bundle dist/leaddesk: $size, built and checked in $(( $(date +%s) - started )) s"

#!/usr/bin/env bash
# Set up a fresh machine for antq-kg: a virtual environment with the package, the pinned
# front-end libraries, and (with --test) the test extras and Debian's headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
[ "${1:-}" = "--test" ] && want_test=1

python3 -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install --quiet -e '.[test]'
else
  .venv/bin/python -m pip install --quiet -e .
fi

if [ -f api/static/package-lock.json ]; then
  npm ci --prefix api/static --no-audit --no-fund --loglevel=error
fi

if [ "$want_test" = 1 ] && ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: the browser tests need Debian's chromium package (apt-get install chromium)" >&2
    exit 1
  fi
fi

#!/usr/bin/env bash
# Rebuilds the widget into a temporary folder and compares it with the committed pkg/: the
# bureau copies pkg/, so it must be exactly what the sources build.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bash www/build.sh "$tmp/pkg"
if ! diff -rq pkg "$tmp/pkg"; then
  echo "pkg/ is stale: it differs from a fresh build of the sources. Run 'bash www/build.sh' and commit pkg/." >&2
  exit 1
fi
echo "pkg/ matches a fresh build"

#!/usr/bin/env bash
# Rebuilds the widget into a temporary folder and compares it with the committed pkg/: the
# bureau copies pkg/, so it must be exactly what the sources build.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
toolchain=$(cat www/wasm-toolchain)
if ! rustup "+$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src'; then
  # Without the pinned toolchain the wasm and its glue cannot be rebuilt byte for byte; what
  # does not depend on the compiler still must match: the types, the embed script, the snippets.
  bash www/build.sh "$tmp/pkg"
  api() { sed '/^export type InitInput/,$d' "$1"; } # the public API, not the wasm's internals
  diff -q <(api pkg/reply_widget.d.ts) <(api "$tmp/pkg/reply_widget.d.ts")
  diff -q pkg/embed.js "$tmp/pkg/embed.js"
  diff -q <(cat pkg/snippets/*/*.js | sort) <(cat "$tmp"/pkg/snippets/*/*.js | sort)
  diff -q <(cat pkg/library/snippets/*/*.js | sort) <(cat "$tmp"/pkg/library/snippets/*/*.js | sort)
  diff -q <(cat pkg/library/extras/snippets/*/*.js | sort) <(cat "$tmp"/pkg/library/extras/snippets/*/*.js | sort)
  echo "PARTIAL CHECK: $toolchain is not installed, so only pkg/'s API types, embed script and snippets were compared" >&2
  exit 0
fi
bash www/build.sh "$tmp/pkg"
if ! diff -rq pkg "$tmp/pkg"; then
  echo "pkg/ is stale: it differs from a fresh build of the sources. Run 'bash www/build.sh' and commit pkg/." >&2
  exit 1
fi
echo "pkg/ matches a fresh build"

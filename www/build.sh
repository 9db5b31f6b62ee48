#!/usr/bin/env bash
# Builds pkg/: the release wasm, its ES-module glue (wasm-bindgen --target web), wasm-opt -Oz,
# and the embed script. Usage: www/build.sh [OUT_DIR]   (default: pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-pkg}"
export PATH="$HOME/.cargo/bin:$PWD/tests/node_modules/.bin:$PATH"
# The shipped wasm is built by a pinned nightly (www/wasm-toolchain) with the standard library
# rebuilt for size: panics abort without formatting a message, and no file locations or Debug
# output are compiled in. That is about 10 KB gzip less than stable (README, "Size"); the
# pin keeps pkg/ reproducible. Tests and lints use the stable toolchain.
toolchain=$(cat www/wasm-toolchain)
if rustup "+$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src'; then
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
    cargo "+$toolchain" build --quiet --release --lib --target wasm32-unknown-unknown \
    -Zbuild-std=std,panic_abort --target-dir target/pkg-build
  wasm=target/pkg-build/wasm32-unknown-unknown/release/reply_widget.wasm
else
  # Where the pinned nightly cannot be installed, stable still builds a working widget.
  echo "build: $toolchain (with rust-src) is missing, so this build uses the stable toolchain:" \
    "the widget works but is about 10 KB larger and not byte for byte the committed pkg/" >&2
  cargo build --quiet --release --lib --target wasm32-unknown-unknown
  wasm=target/wasm32-unknown-unknown/release/reply_widget.wasm
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
wasm-bindgen --target web --out-dir "$tmp" --out-name reply_widget --no-typescript "$wasm"
wasm-bindgen --target web --out-dir "$tmp/types" --out-name reply_widget "$wasm"
# Only the features rustc 1.95 + wasm-bindgen need (see README, "Browsers"): wasm-opt fails
# if the module uses anything else, so the stated browser floor cannot drift unnoticed.
# --low-memory-unused lets wasm-opt fold address offsets: Rust's stack occupies the first
# megabyte growing down from its top, so the first kilobyte is touched only by a stack already
# overflowing. --converge repeats the passes while they still shrink the module.
wasm-opt -Oz --converge --low-memory-unused --mvp-features --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
  --enable-sign-ext --enable-mutable-globals --enable-reference-types \
  --strip-debug --strip-producers "$tmp/reply_widget_bg.wasm" -o "$tmp/reply_widget_bg.opt.wasm"
mv "$tmp/reply_widget_bg.opt.wasm" "$tmp/reply_widget_bg.wasm"
# Short import names in the wasm and the glue, and minified glue (see www/minify.mjs).
node www/minify.mjs "$tmp"
mkdir -p "$out"
rm -f "$out"/reply_widget* "$out/.gitignore"
cp "$tmp/reply_widget_bg.wasm" "$out/reply_widget_bg.wasm"
cp "$tmp/reply_widget.js" "$out/reply_widget.js"
cp "$tmp/types/reply_widget.d.ts" "$out/reply_widget.d.ts"
cp src/embed.js "$out/embed.js"
rm -rf "$out/snippets"
if [ -d "$tmp/snippets" ]; then cp -r "$tmp/snippets" "$out/snippets"; fi

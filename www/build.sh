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
# -Zbuild-std-features=optimize_for_size: the standard library's smaller code where it has two
# (integer printing, sorts, some searches): page wasm 129,258 → 128,655 B gzip.
# -Zcross-crate-inline-threshold=always: any function may be inlined into another crate, as
# within one. Each module is several crates (ours: core, web, widget or library; then
# wasm-bindgen's and std), and without it their small functions stay calls: page wasm 108.2 KB
# gzip without it, 98.8 KB with it; library wasm 40.1 → 39.1 KB (node tests/size.mjs).
toolchain=$(cat www/wasm-toolchain)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# build_one PACKAGE NAME DIR: the wasm of one module (the cdylib of workspace member PACKAGE,
# whose lib is NAME), its glue, optimised and minified.
build_one() {
  local package="$1" name="$2" dir="$3"
  # One target folder for both modules: the standard library and the crates they share are
  # built once.
  local target="target/pkg-build"
  if rustup "+$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src'; then
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none -Zcross-crate-inline-threshold=always" \
      cargo "+$toolchain" build --quiet --release --lib --target wasm32-unknown-unknown \
      -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size --target-dir "$target" -p "$package"
  else
    # Where the pinned nightly cannot be installed, stable still builds a working widget.
    echo "build: $toolchain (with rust-src) is missing, so this build uses the stable toolchain:" \
      "the widget works but is about 10 KB larger and not byte for byte the committed pkg/" >&2
    cargo build --quiet --release --lib --target wasm32-unknown-unknown --target-dir "$target" -p "$package"
  fi
  local wasm="$target/wasm32-unknown-unknown/release/$name.wasm"
  mkdir -p "$dir"
  wasm-bindgen --target web --out-dir "$dir" --out-name "$name" --no-typescript "$wasm"
  wasm-bindgen --target web --out-dir "$dir/types" --out-name "$name" "$wasm"
  # Only the features rustc 1.95 + wasm-bindgen need (see README, "Browsers"): wasm-opt fails
  # if the module uses anything else, so the stated browser floor cannot drift unnoticed.
  # --low-memory-unused lets wasm-opt fold address offsets: Rust's stack occupies the first
  # megabyte growing down from its top, so the first kilobyte is touched only by a stack already
  # overflowing. --converge repeats the passes while they still shrink the module.
  wasm-opt -Oz --converge --low-memory-unused --mvp-features --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    --strip-debug --strip-producers "$dir/${name}_bg.wasm" -o "$dir/${name}_bg.opt.wasm"
  mv "$dir/${name}_bg.opt.wasm" "$dir/${name}_bg.wasm"
  # Short import names in the wasm and the glue, and minified glue (see www/minify.mjs).
  node www/minify.mjs "$dir" "$name"
}

# The page widget (what every reply page loads, src/widget/), and the archive's search (the
# column page, src/library/) with its second module.
build_one reply-widget reply_widget "$tmp/page"
build_one reply-library reply_library "$tmp/library"
# The column page's second module (src/indicators/: the indicator view, a card's other
# replies), loaded by the library module on first use or once the page is idle, and by the
# embed script for a reply page's figure card: pkg/library/extras/.
build_one reply-indicators reply_indicators "$tmp/indicators"
# What a reply page's first screen can do without (src/extras/), loaded by the page module once
# the browser is idle (or by init()): pkg/extras/.
build_one reply-extras reply_extras "$tmp/extras"

mkdir -p "$out"
rm -rf "$out"/reply_widget* "$out/.gitignore" "$out/snippets" "$out/library" "$out/extras"
cp "$tmp/page/reply_widget_bg.wasm" "$tmp/page/reply_widget.js" "$out/"
cp "$tmp/page/types/reply_widget.d.ts" "$out/reply_widget.d.ts"
# The embed script minified (its comments stay in src/widget/embed.js).
node www/minify.mjs --file src/widget/embed.js "$out/embed.js"
if [ -d "$tmp/page/snippets" ]; then cp -r "$tmp/page/snippets" "$out/snippets"; fi
mkdir -p "$out/library"
cp "$tmp/library/reply_library_bg.wasm" "$tmp/library/reply_library.js" "$out/library/"
cp "$tmp/library/types/reply_library.d.ts" "$out/library/reply_library.d.ts"
if [ -d "$tmp/library/snippets" ]; then cp -r "$tmp/library/snippets" "$out/library/snippets"; fi
mkdir -p "$out/library/extras"
cp "$tmp/indicators/reply_indicators_bg.wasm" "$tmp/indicators/reply_indicators.js" "$out/library/extras/"
cp "$tmp/indicators/types/reply_indicators.d.ts" "$out/library/extras/reply_indicators.d.ts"
if [ -d "$tmp/indicators/snippets" ]; then cp -r "$tmp/indicators/snippets" "$out/library/extras/snippets"; fi
mkdir -p "$out/extras"
cp "$tmp/extras/reply_extras_bg.wasm" "$tmp/extras/reply_extras.js" "$out/extras/"
cp "$tmp/extras/types/reply_extras.d.ts" "$out/extras/reply_extras.d.ts"
# (Its glue imports no snippet today: reply-web's is left out rather than shipped unused.)
if grep -q '/snippets/' "$tmp/extras/reply_extras.js"; then cp -r "$tmp/extras/snippets" "$out/extras/snippets"; fi
# Each wasm also gzipped (-n: no name or time inside, so the bytes are reproducible), for servers
# that compress nothing: the embed script fetches the .gz where the browser can unzip a stream.
for wasm in "$out/reply_widget_bg.wasm" "$out/library/reply_library_bg.wasm" "$out/library/extras/reply_indicators_bg.wasm" \
  "$out/extras/reply_extras_bg.wasm"; do
  gzip -9 -n -c "$wasm" > "$wasm.gz"
done

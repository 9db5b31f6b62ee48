#!/usr/bin/env bash
# Installs what the build (`setup.sh build`) or the tests (`setup.sh test`) need, skipping what
# is already there, so it is safe to run twice. Needs root for apt-get (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-test}"
export PATH="$HOME/.cargo/bin:$PATH"

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
# The pinned nightly that builds pkg/ (see www/build.sh), with the standard library's source.
toolchain=$(cat www/wasm-toolchain)
if ! rustup "+$toolchain" component list --installed 2>/dev/null | grep -q '^rust-src'; then
  rustup toolchain install "$toolchain" --profile minimal --component rust-src ||
    echo "setup: cannot install $toolchain: pkg/ will be built with stable and checked only in part" >&2
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/, ""); print}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  # Built from tests/tools/wasm-bindgen-cli (see its README): upstream's two programs on the
  # wasm-bindgen-cli library at exactly this version, every dependency pinned by that folder's
  # Cargo.lock, without TLS (the test runner only talks to a local ChromeDriver): a fifth less to
  # compile than `cargo install wasm-bindgen-cli`. The target folder is kept, so an interrupted
  # build resumes.
  tool=tests/tools/wasm-bindgen-cli
  if grep -Fqx "wasm-bindgen-cli = { version = \"=$want\", default-features = false }" "$tool/Cargo.toml"; then
    echo "setup: building wasm-bindgen-cli $want from $tool (about 2 minutes on 2 idle cores, 10 to 20 on a busy machine)"
    cargo install -q --locked --force --path "$tool" --target-dir target/wasm-bindgen-cli
  else
    echo "setup: $tool/Cargo.toml does not pin wasm-bindgen-cli =$want (Cargo.lock's); update it as" \
      "tests/tools/README.md says. Installing from crates.io meanwhile (slower, maybe unpinned)." >&2
    # --locked first; its lock file may name a release this registry lacks, so fall back.
    cargo install -q wasm-bindgen-cli --version "$want" --locked ||
      cargo install -q wasm-bindgen-cli --version "$want"
  fi
fi

# npm packages: wasm-opt (binaryen), and for tests playwright-core, axe-core, the peers.
if [ ! -x tests/node_modules/.bin/wasm-opt ] || [ ! -d tests/node_modules/playwright-core ] || [ ! -d tests/node_modules/axe-core ]; then
  (cd tests && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "$mode" = test ]; then
  pkgs=()
  command -v chromium >/dev/null || pkgs+=(chromium)
  command -v chromedriver >/dev/null || pkgs+=(chromium-driver)
  # A CJK font, so screenshots show Chinese text rather than boxes.
  { command -v fc-list >/dev/null && fc-list :lang=zh | grep -q .; } || pkgs+=(fonts-wqy-microhei)
  if [ "${#pkgs[@]}" -gt 0 ]; then
    echo "setup: installing ${pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  fi
fi

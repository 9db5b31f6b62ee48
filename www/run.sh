#!/usr/bin/env bash
# The main job: installs what is missing, builds pkg/, serves the demo on http://127.0.0.1:8080/
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup.sh build
bash www/build.sh
node www/column.mjs
exec node www/serve.mjs --port "${PORT:-8080}" --quiet

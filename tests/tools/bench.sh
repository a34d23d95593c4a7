#!/usr/bin/env bash
# The benchmark: a release build measured in headless Chromium against the stand-in with
# 100 ms latency a call, beside a minimal Leptos page (tests/minimal-page) built the same way.
# Prints a table, ratios and JSON (also written to target/bench.json); exits 1 when a budget
# is missed.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$root"

say "Release build"
cargo build --quiet --release -p graph-mock
bash "$root/tests/tools/release.sh"
# The cold start's yardstick, built the same way into target/minimal-dist.
bash "$root/tests/tools/release.sh" --yardstick

say "Measuring"
GRAPH_MOCK_BIN="$root/target/release/graph-mock" node tests/e2e/bench.mjs --json target/bench.json

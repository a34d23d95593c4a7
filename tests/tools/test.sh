#!/usr/bin/env bash
# Runs every test: native unit tests of the portal, contract tests of the Graph stand-in,
# then the browser tests against a release build in headless Chromium.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$root"

say "Unit tests and stand-in contract tests (cargo test)"
cargo test --workspace

say "Release build of the portal"
cargo build --quiet -p graph-mock
trunk build --release

say "Browser tests (headless Chromium)"
cd tests/e2e
node --test --test-reporter=spec --test-timeout=180000

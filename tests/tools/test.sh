#!/usr/bin/env bash
# Runs every test: native unit tests of the portal, contract tests of the Graph stand-in,
# component tests in headless Chromium, then the end-to-end browser tests against a
# release build.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$root"

say "Format (rustfmt, rustfmt.toml) and lints (clippy, no warnings)"
cargo fmt --all --check
cargo clippy --workspace --all-targets --quiet -- -D warnings

say "Unit tests and stand-in contract tests (cargo test)"
cargo test --workspace

say "Component tests in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER="$(command -v chromedriver)" \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$root/tests/webdriver.json" \
  cargo test --target wasm32-unknown-unknown --test components

say "Release build of the portal"
cargo build --quiet -p graph-mock
bash "$root/tests/tools/release.sh"

say "Browser tests (headless Chromium)"
cd tests/e2e
# A file's limit: faults.test.mjs waits out a 30-second stall for each section and takes
# 590–605 s here, which a 10-minute limit failed once.
node --test --test-concurrency=1 --test-reporter=spec --test-timeout=1200000

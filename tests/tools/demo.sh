#!/usr/bin/env bash
# Runs the portal against the demo tenant: the Graph stand-in on http://127.0.0.1:8081/
# and the portal on http://127.0.0.1:8080/. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$root"

say "Building the Graph stand-in"
cargo build --quiet -p graph-mock
# The stand-in is Graph and Entra ID: the portal sends you to its account picker first.
target/debug/graph-mock --port 8081 &
mock=$!
trap 'kill "$mock" 2>/dev/null || true' EXIT INT TERM

say "Building and serving the portal on http://127.0.0.1:8080/"
trunk serve --port 8080

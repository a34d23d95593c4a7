#!/usr/bin/env bash
# Builds dist/ for deployment (`bash tests/tools/release.sh`; extra arguments go to
# `trunk build`). On top of the flags of .cargo/config.toml: the standard library rebuilt for
# size, panics that abort at once (no message formatting code in the download), and the user
# view's split points kept, with the relocations wasm-split-cli needs to move them.
# `--yardstick` builds tests/minimal-page instead, the same way but without split points
# (nothing would remove the relocations), in its own target directory.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --build-only
cd "$root"

split="--cfg helpdesk_split -Clink-arg=--emit-relocs"
if [[ "${1:-}" == "--yardstick" ]]; then
  shift
  split=""
  export TRUNK_CONFIG="$root/tests/minimal-page/Trunk.toml" CARGO_TARGET_DIR="$root/target/minimal-page"
fi

# Cargo appends these to the rustflags of .cargo/config.toml.
CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort $split" \
  trunk build --release "$@"

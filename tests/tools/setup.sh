#!/usr/bin/env bash
# Installs what building and testing the portal needs and is missing; skips what is there.
# Sourced by demo.sh and test.sh (it also puts the tools on PATH); can be run alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Smaller wasm: type-erased Leptos views, no Debug formatting, no panic locations (nightly flags).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zfmt-debug=none -Zlocation-detail=none"
say() { printf '==> %s\n' "$*"; }

# The release build of dist/: on top of the flags above, the standard library rebuilt for
# size, panics that abort at once (no message formatting code in the download), and the
# user view's split points kept, with the relocations wasm-split-cli needs to move them.
release_build() {
  CARGO_UNSTABLE_BUILD_STD=std,panic_abort CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS -Zunstable-options -Cpanic=immediate-abort --cfg helpdesk_split -Clink-arg=--emit-relocs" \
    trunk build --release "$@"
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

command -v rustup >/dev/null || { echo "rustup is needed first: https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are needed first" >&2; exit 1; }

# The nightly toolchain pinned by rust-toolchain.toml (stylers needs it), with the wasm target.
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$root/rust-toolchain.toml")
if ! rustup toolchain list | grep -q "^$toolchain"; then
  say "Installing the $toolchain Rust toolchain"
  rustup toolchain install "$toolchain" --profile minimal
fi
if ! rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32 target"
  rustup target add --toolchain "$toolchain" wasm32-unknown-unknown
fi

# Trunk, and wasm-bindgen at the version Cargo.lock pins (Trunk would download it otherwise).
# They are compiled with the machine's default toolchain, outside the project.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk 0.21.14" ]; then
  say "Installing Trunk 0.21.14 (about 10 minutes)"
  (cd "$HOME" && cargo install trunk --version 0.21.14 --locked)
fi
bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")
if ! grep -q "wasm_bindgen = \"$bindgen\"" "$root/Trunk.toml"; then
  echo "Trunk.toml [tools] wasm_bindgen must match Cargo.lock ($bindgen)" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $bindgen" ]; then
  say "Installing wasm-bindgen-cli $bindgen"
  # Not --locked: one of its locked dependencies is no longer in the registry.
  (cd "$HOME" && cargo install wasm-bindgen-cli --version "$bindgen")
fi
# wasm-split-cli, from the crate that matches the wasm_split_helpers in Cargo.lock (about 1 minute).
if ! cargo install --list | grep -qx "wasm_split_cli_support v0.2.4:"; then
  say "Installing wasm-split-cli 0.2.4"
  (cd "$HOME" && cargo install wasm_split_cli_support --version 0.2.4 --locked --features build-binary)
fi

# playwright-core, and wasm-opt from the binaryen package.
e2e="$root/tests/e2e"
if [ ! -f "$e2e/node_modules/.package-lock.json" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  say "Installing the npm packages of tests/e2e"
  (cd "$e2e" && npm ci --no-audit --no-fund)
fi

# Debian's Chromium for the browser tests (no tool downloads a browser of its own), and
# Debian's nginx to serve dist/ under a sub-path with the shipped configuration.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! [ -x /usr/sbin/nginx ]; then
  say "Installing Chromium and nginx"
  as_root apt-get update
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends chromium chromium-driver nginx
fi

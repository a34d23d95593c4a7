#!/usr/bin/env bash
# Installs what building and testing the portal needs and is missing; skips what is there.
# Sourced by demo.sh, test.sh, release.sh and bench.sh (it also puts the tools on PATH); can be
# run alone. `--build-only` leaves out what only the tests need (Chromium, nginx).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$root/tests/e2e/node_modules/.bin:$HOME/.cargo/bin:$PATH"
say() { printf '==> %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
build_only=false
[ "${1:-}" = "--build-only" ] && build_only=true

# /dev/null has been found as a regular file on this kind of machine: whatever a tool "discards"
# piles up in it, and the next program that reads it gets that text (cargo's rustc probe failed
# on a build script's warnings that way). Put the device back before anything writes to it.
if [ ! -c /dev/null ]; then
  echo "==> /dev/null is not a device: recreating it" >&2
  as_root rm -f /dev/null && as_root mknod -m 666 /dev/null c 1 3
fi

command -v rustup >/dev/null || { echo "rustup is needed first: https://rustup.rs" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js and npm are needed first" >&2; exit 1; }

# The dated nightly pinned by rust-toolchain.toml (stylers and the size flags in
# .cargo/config.toml need it) with every component and target the file names: rustup adds
# them when it installs the toolchain, but not to a toolchain that is already there (rust-src,
# for the release build's -Zbuild-std, was missing that way).
toml="$root/rust-toolchain.toml"
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$toml")
toml_list() { sed -n "s/^$1 *= *\[\(.*\)\]/\1/p" "$toml" | tr -d '",' ; }
if ! rustup toolchain list | grep -q "^$toolchain"; then
  say "Installing the $toolchain Rust toolchain"
  rustup toolchain install "$toolchain" --profile minimal
fi
for component in $(toml_list components); do
  if ! rustup component list --installed --toolchain "$toolchain" | grep -q "^$component"; then
    say "Adding the $component component to $toolchain"
    rustup component add --toolchain "$toolchain" "$component"
  fi
done
for target in $(toml_list targets); do
  if ! rustup target list --installed --toolchain "$toolchain" | grep -qx "$target"; then
    say "Adding the $target target to $toolchain"
    rustup target add --toolchain "$toolchain" "$target"
  fi
done
say "Rust: $(rustc "+$toolchain" --version)"

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
# openssl makes the test's certificate for nginx's https server.
if ! $build_only && { ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! [ -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null; }; then
  say "Installing Chromium, nginx and openssl"
  as_root apt-get update
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y --no-install-recommends chromium chromium-driver nginx openssl
fi

#!/usr/bin/env bash
# Where the download's bytes go: the release build again with symbol names kept, in its own
# target directory (dist/ is untouched), and each shipped module's bytes summed by crate and
# by the portal's own modules (twiggy). The names also make target/size-profile/dist a
# release build that CPU profiles can read. Usage: bash tests/tools/size-profile.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh" --build-only
cd "$root"
command -v twiggy >/dev/null || cargo install --locked twiggy

out="$root/target/size-profile"
mkdir -p "$out"
CARGO_TARGET_DIR="$out/target" CARGO_PROFILE_RELEASE_STRIP=false HELPDESK_WASM_NAMES=1 \
  bash "$root/tests/tools/release.sh" --dist "$out/dist" >"$out/build.log" 2>&1
for module in "$out"/dist/*.wasm; do
  case "$(basename "$module")" in
    helpdesk-*) label="start-up module (first load)" ;;
    *) label="$(basename "$module" | sed 's/-[0-9a-f]*\.wasm$//') (fetched after start-up)" ;;
  esac
  # A chunk of shared data only (no function) is not something twiggy reads.
  if ! twiggy top -n 1000000 -f csv "$module" >"$out/$(basename "$module").csv" 2>/dev/null; then
    echo "$label: $(wc -c <"$module") bytes, no code"
    continue
  fi
  node "$root/tests/tools/size-by-crate.mjs" "$out/$(basename "$module").csv" "$label"
done

# Shared by the .ci scripts: environment, logging, timing. Source it; do not run it.

ATLAS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export ATLAS_ROOT
export PATH="$ATLAS_ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
# Trunk must never download a tool or check for a newer version: everything is pinned and local.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"
export NPM_CONFIG_UPDATE_NOTIFIER=false
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false

TRUNK_VERSION=0.21.14
# Cuts the app's wasm at its #[lazy] functions (.ci/split-wasm.mjs); reads the marker of the
# wasm_split_helpers that leptos links (0.2.x, Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
# The data generators' Python environment (kept out of the repository).
DATA_VENV="$ATLAS_ROOT/target/data-venv"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version the build uses: the CLI must equal it exactly.
wasm_bindgen_lock_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ATLAS_ROOT/Cargo.lock"
}

# Prints raw, gzip and brotli sizes of what dist/ ships.
size_report() {
  node "$ATLAS_ROOT/.ci/size-report.mjs" "$ATLAS_ROOT/dist"
}

# Builds the release site into dist/ (wasm-opt -Oz, relative URLs), offline.
build_site() {
  (cd "$ATLAS_ROOT" && trunk build --release --offline) || return 1
}

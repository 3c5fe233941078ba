#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build and test the lesson; skips what is present.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }
build_only=false   # --build-only: what `scripts/run.sh` needs, no browsers
[ "${1:-}" = "--build-only" ] && build_only=true

# Debian packages: browsers, their drivers, a virtual display for WebKitGTK.
need_apt=()
command -v python3 >/dev/null         || need_apt+=(python3)
if ! $build_only; then
command -v chromium >/dev/null        || need_apt+=(chromium)
command -v chromedriver >/dev/null    || need_apt+=(chromium-driver)
command -v firefox-esr >/dev/null     || need_apt+=(firefox-esr)
[ -x /usr/bin/WebKitWebDriver ]       || need_apt+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null        || need_apt+=(xvfb xauth)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  say "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" fonts-dejavu-core >/dev/null
else
  say "browsers and drivers present"
fi

# Rust: the wasm target and the CLI tools matching Cargo.lock.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  # Not --locked: the CLI's lockfile names a webpki-roots the registry lacks.
  cargo install -q wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if ! $build_only && ! command -v geckodriver >/dev/null; then
  say "cargo install geckodriver (a few minutes)"
  cargo install -q geckodriver --locked
fi

# npm, pinned in package-lock.json: binaryen's wasm-opt for size; axe-core for the accessibility
# tests and Lighthouse for scripts/bench.sh.
if { [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/axe-core/axe.min.js ]; } && [ -f package.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
say "ready"

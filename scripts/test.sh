#!/usr/bin/env bash
# The test command: installs what a fresh machine lacks, then runs every test — native, wasm in
# three browsers, end to end in three browsers — and closes with "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
bash scripts/setup.sh || { echo "setup failed"; exit 1; }

log=$(mktemp)
failed_steps=()
step() {
  local name=$1; shift
  printf '\n== %s\n' "$name"
  "$@" 2>&1 | tee -a "$log"
  local status=${PIPESTATUS[0]}
  [ "$status" -eq 0 ] || failed_steps+=("$name (exit $status)")
}
engines=(chromium firefox webkit)
with_engine() { # with_engine ENGINE COMMAND...: the driver variable, and a display for WebKitGTK
  local engine=$1; shift
  case "$engine" in
    chromium) env VG_BROWSER=chromium CHROMEDRIVER=/usr/bin/chromedriver "$@" ;;
    firefox)  env VG_BROWSER=firefox GECKODRIVER="$(command -v geckodriver)" "$@" ;;
    webkit)   xvfb-run -a env VG_BROWSER=webkit SAFARIDRIVER=/usr/bin/WebKitWebDriver "$@" ;;
  esac
}

step "lints: cargo clippy" cargo clippy --all-targets --quiet -- -D warnings
step "native: cargo test (math, checker, lab, renderer, docs)" cargo test
step "build: wasm + site into dist/" bash scripts/build.sh
for engine in "${engines[@]}"; do
  step "wasm-bindgen-test in $engine" with_engine "$engine" timeout 600 \
    cargo test --target wasm32-unknown-unknown --test "wasm*"
done
for engine in "${engines[@]}"; do
  step "end to end in $engine" with_engine "$engine" timeout 900 \
    cargo test --test "e2e*" -- --ignored --test-threads=1
done

count() { awk -v word="$1" '/^test result:/ { for (i = 1; i < NF; i++) if ($(i + 1) ~ "^" word) n += $i } END { print n + 0 }' "$log"; }
passed=$(count passed)
failed=$(count failed)
rm -f "$log"
echo
if [ ${#failed_steps[@]} -gt 0 ]; then
  printf 'failed step: %s\n' "${failed_steps[@]}"
  [ "${failed:-0}" -gt 0 ] || failed=${#failed_steps[@]}
fi
echo "${passed:-0} passed, ${failed:-0} failed"
[ ${#failed_steps[@]} -eq 0 ]

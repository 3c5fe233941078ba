#!/usr/bin/env bash
# The benchmark command: builds dist/, measures the lesson and prints one line per figure with
# its budget and PASS or FAIL (INFO where the issue sets no budget). Not part of scripts/test.sh:
# budgets are held here, never inside a unit test.
#
#   scripts/bench.sh              build, then measure everything
#   scripts/bench.sh --no-build   measure the dist/ that is there
#   VG_BENCH_LIGHTHOUSE=0 …        skip Lighthouse (it takes about a minute)
#
# Needs what scripts/setup.sh installs (chromium + chromedriver, npm ci for Lighthouse 12).
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
# The release profile aborts on panic; the bench harness unwinds. One setting for both avoids
# building the library twice under one file name (a cargo output collision).
export CARGO_PROFILE_RELEASE_PANIC=unwind
crate=vanishing_gradients
wasm=dist/pkg/${crate}_bg.wasm
work=$(mktemp -d)
reports=target/bench # Lighthouse reports are kept here for a closer look
mkdir -p "$reports"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh >"$work/build.log" 2>&1 || { cat "$work/build.log"; echo "bench: the build failed"; exit 1; }
fi
[ -f "$wasm" ] || { echo "bench: $wasm is missing (run scripts/build.sh)"; exit 1; }

failures=0
row() { printf '%-52s %-24s %-18s %s\n' "$1" "$2" "$3" "$4"; }
# check NAME VALUE SHOWN BUDGET-TEXT OP LIMIT: PASS when VALUE OP LIMIT (OP is <= or >=).
check() {
  local verdict
  verdict=$(awk -v v="$2" -v op="$5" -v l="$6" 'BEGIN { if (v == "" || v != v + 0) print "FAIL"; else if (op == "<=") print (v + 0 <= l + 0) ? "PASS" : "FAIL"; else print (v + 0 >= l + 0) ? "PASS" : "FAIL" }')
  [ "$verdict" = PASS ] || failures=$((failures + 1))
  row "$1" "$3" "$4" "$verdict"
}
info() { row "$1" "$2" "—" "INFO"; }
gz() { gzip -9c "$1" | wc -c; }

echo "Vanishing Gradients benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(chromium --version 2>/dev/null | head -1 | cut -d' ' -f1-2), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
row "measure" "value" "budget" "result"

# --- Browser and native measurements (headless Chromium on 127.0.0.1) ------------------------
if ! cargo test --quiet --release --bench lesson -- --nocapture >"$work/lesson.log" 2>&1; then
  tail -30 "$work/lesson.log"
  echo "bench: the browser measurements failed"
fi
field() { grep "^BENCH|$1" "$work/lesson.log"; }

# --- Sizes ------------------------------------------------------------------------------------
raw=$(stat -c %s "$wasm")
info "wasm size (raw)" "$raw B"
info "wasm size (gzip -9)" "$(gz "$wasm") B"
total=0
files=0
while IFS='|' read -r _ _ path; do
  file="dist${path}"
  [ "${path}" = "/" ] && file=dist/index.html
  [ -f "$file" ] || continue
  total=$((total + $(gz "$file")))
  files=$((files + 1))
done < <(field resource)
check "whole lesson downloaded, gzip -9 ($files files)" "$total" "$total B" "≤ 100000 B" "<=" 100000

# --- Time to interactive --------------------------------------------------------------------
IFS='|' read -r _ _ after_dcl from_start < <(field interactive)
check "navigation to interactive, after DOMContentLoaded" "${after_dcl:-}" "${after_dcl:-?} ms (${from_start:-?} from start)" "≤ 100 ms" "<=" 100

# --- Input to redraw ------------------------------------------------------------------------
while IFS='|' read -r _ _ name p50 p95; do
  if [ -z "${p95:-}" ]; then
    row "input to redraw, $name" "${p50}" "p95 ≤ 2 ms" "INFO"
  else
    check "input to redraw, $name (p50 / p95)" "$p95" "$p50 / $p95 ms" "p95 ≤ 2 ms" "<=" 2
  fi
done < <(field "redraw|")
while IFS='|' read -r _ _ name p50 p95; do
  info "input handler, $name (charts redraw next frame)" "$p50 / $p95 ms"
done < <(field "deferred|")
while IFS='|' read -r _ _ points p50 p95; do
  info "growth: depth redraw at $points points (p50 / p95)" "$p50 / $p95 ms"
done < <(field growth-redraw)

# --- Lab training -----------------------------------------------------------------------------
native=$(cargo run --quiet --release --bin lab_bench 2>/dev/null | sed -n 's/.*= \([0-9]*\) steps\/s.*/\1/p')
info "lab steps/s, native (lab_bench: 8×16, batch 32)" "${native:-not measured}"
while IFS='|' read -r _ _ size value rest; do
  if [ -z "${rest:-}" ] && ! [[ "$value" =~ ^[0-9] ]]; then
    info "lab steps/s in the page ($size)" "$value"
  else
    info "lab steps/s in the page ($size, 2 runs/step)" "$value"
  fi
done < <(field lab-browser)
while IFS='|' read -r _ _ size micros per_second; do
  info "growth: lab step time native, $size batch 32" "$micros µs ($per_second/s)"
done < <(field lab-native)
errors=$(field page-errors | cut -d'|' -f3)
check "page errors during the measurements" "${errors:-}" "${errors:-?}" "0" "<=" 0

# --- Lighthouse 12 ----------------------------------------------------------------------------
if [ "${VG_BENCH_LIGHTHOUSE:-1}" != "0" ]; then
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 scripts/serve.py "$port" >/dev/null 2>&1 &
  server_pid=$!
  for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
  for form in mobile desktop; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    if CHROME_PATH=/usr/bin/chromium timeout 300 node_modules/.bin/lighthouse "http://127.0.0.1:$port/index.html" \
        "${preset[@]}" --quiet --output=json --output-path="$work/lh-$form.json" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>"$work/lh-$form.log"; then
      cp "$work/lh-$form.json" "$reports/lighthouse-$form.json"
      node -e 'const r = require(process.argv[1]); for (const [k, c] of Object.entries(r.categories)) console.log(k + "|" + Math.round(c.score * 100));' "$work/lh-$form.json" >"$work/lh-$form.txt"
    else
      tail -3 "$work/lh-$form.log"
    fi
  done
  for category in performance accessibility best-practices seo; do
    for form in mobile desktop; do
      [ "$category" != performance ] && [ "$form" = desktop ] && continue
      score=$(grep "^$category|" "$work/lh-$form.txt" 2>/dev/null | cut -d'|' -f2)
      label="Lighthouse 12 $category"
      [ "$category" = performance ] && label="$label ($form)"
      check "$label" "${score:-}" "${score:-not measured}" "100" ">=" 100
    done
  done
else
  info "Lighthouse 12" "skipped (VG_BENCH_LIGHTHOUSE=0)"
fi

echo
echo "$failures over budget"

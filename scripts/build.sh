#!/usr/bin/env bash
# Builds the lesson into dist/: release wasm, wasm-bindgen glue, wasm-opt -Oz, the HTML and www/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
out=dist
crate=vanishing_gradients

cargo build --release --lib --target wasm32-unknown-unknown
rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "target/wasm32-unknown-unknown/release/$crate.wasm"
if [ -x node_modules/.bin/wasm-opt ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int \
    --enable-reference-types --enable-multivalue --enable-mutable-globals \
    "$out/pkg/${crate}_bg.wasm" -o "$out/pkg/${crate}_bg.wasm"
else
  echo "[build] wasm-opt missing (run scripts/setup.sh): the wasm is not size-optimised" >&2
fi
cp index.html "$out/"
cp -r www "$out/"
cargo run --quiet --bin figures -- "$out/www/figures-static" # static SVG twins (print, no-wasm fallback)
python3 scripts/bundle.py "$out" # one-file lesson, SCORM 1.2 zip, demo host page
raw=$(stat -c %s "$out/pkg/${crate}_bg.wasm")
gz=$(gzip -9c "$out/pkg/${crate}_bg.wasm" | wc -c)
echo "[build] $out/ ready; wasm $raw bytes, $gz gzipped"

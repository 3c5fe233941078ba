//! Input-to-redraw latency of each figure in headless Chromium: p50 and p95 over 200 input
//! events (the redraw runs synchronously in the input handler, so the time around
//! `dispatchEvent` covers Rust's read-outs and drawing). Run after `bash scripts/build.sh`:
//! `cargo test --release --bench figures_latency -- --nocapture` (a timing report, not a pass/fail test).

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use serde_json::json;
use support::Browser;

const MEASURE: &str = r#"
const input = document.querySelector(arguments[0]);
const values = arguments[1];
const times = [];
for (let i = 0; i < 200; i++) {
  input.value = String(values[i % values.length]);
  const start = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
return [times[100], times[190]];
"#;

#[tokio::test]
async fn input_to_redraw_per_figure() {
    std::env::set_var("VG_BROWSER", "chromium");
    let browser = Browser::start().await;
    let cases = [
        ("#/visuals", "sigmoid", "#visuals input[type=range]", json!([-5, 0, 3, 5, 7.5])),
        ("#/concept-2", "relu", "#concept-2 .figure[data-figure=relu] input[type=range]", json!([-2, 0.5, 1, 3])),
        ("#/concept-2", "depth", "#concept-2 input[id$=layers]", json!([5, 10, 20, 40])),
        ("#/intuition", "ball", "#intuition input[type=range]", json!([0.5, 1, 1.5, 2])),
    ];
    for (slide, name, selector, values) in cases {
        browser.open(&format!("index.html{slide}")).await;
        browser.wait_until("return document.documentElement.dataset.wasm === 'ready';", "the wasm", 20).await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let times = browser.client.execute(MEASURE, vec![json!(selector), values]).await.expect("measured");
        println!("{name:8} input → redraw: p50 {:.2} ms, p95 {:.2} ms", times[0].as_f64().unwrap_or(f64::NAN), times[1].as_f64().unwrap_or(f64::NAN));
    }
    browser.close().await;
}

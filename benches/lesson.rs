//! The lesson's measurements for `scripts/bench.sh` (which prints them with their budgets): in
//! headless Chromium on 127.0.0.1, the files a learner downloads, navigation to interactive,
//! input-to-redraw per figure, redraw at two point counts, lab training in the page; natively,
//! lab step time at two network sizes. Prints `BENCH|name|value…` lines; no pass/fail here.
//!
//! Run after `bash scripts/build.sh`: `cargo test --release --bench lesson -- --nocapture`.

#[path = "../tests/support/mod.rs"]
#[allow(dead_code)]
mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::Browser;
use vanishing_gradients::lab::{LabConfig, Trainer};

const READY: &str = "return document.documentElement.dataset.wasm === 'ready' && !!window.deck;";

/// Times `count` input events on the control `arguments[0]`, cycling through `arguments[1]`;
/// the figure redraws synchronously inside the handler, so the time around dispatchEvent covers
/// Rust's read-outs and drawing. Returns [p50, p95] in ms.
const MEASURE: &str = r#"
const input = document.querySelector(arguments[0]);
const values = arguments[1];
const count = arguments[2];
const times = [];
for (let i = 0; i < count; i++) {
  input.value = String(values[i % values.length]);
  const start = performance.now();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
return [times[Math.floor(count * 0.5)], times[Math.floor(count * 0.95)]];
"#;

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

async fn show(browser: &Browser, slide: &str) {
    browser.client.execute("window.deck.go(arguments[0]); return true;", vec![json!(slide)]).await.expect("go");
    browser
        .wait_until(&format!("const s = document.getElementById('{slide}'); return !!s && !s.hidden && [...s.querySelectorAll('canvas')].every((c) => c.width > 0);"), "the slide", 10)
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
}

async fn resources(browser: &Browser) {
    browser.open("index.html").await;
    browser.js("localStorage.clear(); return true;").await;
    browser.open("index.html?fresh=1#/title").await;
    browser.wait_until(READY, "the lesson", 30).await;
    let slides: Vec<String> = serde_json::from_value(browser.js("return [...document.querySelectorAll('main section.slide[id]')].map((s) => s.id);").await).unwrap_or_default();
    for slide in &slides {
        show(browser, slide).await; // anything loaded lazily on the way through the lesson
    }
    let paths = browser.js("return [location.pathname, ...performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)];").await;
    let mut paths: Vec<String> = serde_json::from_value(paths).unwrap_or_default();
    paths.sort();
    paths.dedup();
    for path in paths.iter().filter(|p| !p.starts_with("/__test__/")) {
        println!("BENCH|resource|{path}");
    }
}

async fn navigation_to_interactive(browser: &Browser) {
    let mut after_dcl = Vec::new();
    let mut from_start = Vec::new();
    for run in 0..15 {
        browser.open(&format!("index.html?run={run}#/title")).await;
        browser.wait_until("return window.__interactiveAt !== undefined && document.readyState === 'complete';", "interactive", 30).await;
        let t = browser.js("const n = performance.getEntriesByType('navigation')[0]; return [window.__interactiveAt, n.domContentLoadedEventEnd];").await;
        let (interactive, dcl) = (t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN));
        after_dcl.push((interactive - dcl).max(0.0));
        from_start.push(interactive);
    }
    println!("BENCH|interactive|{:.1}|{:.1}", median(&mut after_dcl), median(&mut from_start));
}

async fn input_to_redraw(browser: &Browser) {
    let cases = [
        ("visuals", "sigmoid", "#visuals input[type=range]", json!([-5, 0, 3, 5, 7.5])),
        ("concept-2", "relu", "#concept-2 .figure[data-figure=relu] input[type=range]", json!([-2, 0.5, 1, 3])),
        ("concept-2", "depth", "#concept-2 input[id$=layers]", json!([5, 10, 20, 40])),
        ("intuition", "ball", "#intuition input[type=range]", json!([0.5, 1, 1.5, 2])),
    ];
    browser.open("index.html#/title").await;
    browser.wait_until(READY, "the lesson", 30).await;
    for (slide, name, selector, values) in cases {
        show(browser, slide).await;
        let t = browser.client.execute(MEASURE, vec![json!(selector), values, json!(400)]).await.expect("measured");
        println!("BENCH|redraw|{name}|{:.2}|{:.2}", t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN));
    }
    // Growth: the depth figure plots one point per layer; redraw at 5 and at 50 layers.
    show(browser, "concept-2").await;
    for layers in [5, 50] {
        browser
            .client
            .execute("const i = document.querySelector('#concept-2 input[id$=layers]'); i.value = String(arguments[0]); i.dispatchEvent(new Event('input', { bubbles: true })); return true;", vec![json!(layers)])
            .await
            .expect("layers");
        let t = browser.client.execute(MEASURE, vec![json!("#concept-2 input[id$=factor]"), json!([0.2, 0.25, 0.5, 0.9]), json!(400)]).await.expect("measured");
        println!("BENCH|growth-redraw|{layers}|{:.2}|{:.2}", t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN));
    }
    // The lab's controls, if the lesson has a lab slide with a slider.
    let lab = browser.js("const s = document.getElementById('lab'); return !!(s && s.querySelector('input[type=range]'));").await;
    if lab == Value::Bool(true) {
        show(browser, "lab").await;
        let t = browser.client.execute(MEASURE, vec![json!("#lab input[type=range]"), json!([1, 2, 3, 4]), json!(100)]).await.expect("measured");
        // The lab's charts redraw on the next animation frame, not inside the input handler.
        println!("BENCH|deferred|lab|{:.2}|{:.2}", t[0].as_f64().unwrap_or(f64::NAN), t[1].as_f64().unwrap_or(f64::NAN));
    } else {
        println!("BENCH|redraw|lab|not measured (no #lab slide with a slider in this build)");
    }
}

/// Steps per second of the page's own `Lab` (main and comparison run both stepped) for a query.
const LAB_IN_PAGE: &str = r#"
const done = arguments[arguments.length - 1];
import(new URL('pkg/vanishing_gradients.js', document.baseURI).href).then((m) => {
  if (typeof m.Lab !== 'function') return done(null);
  const lab = new m.Lab(arguments[0]);
  lab.run(50);
  const before = lab.steps();
  const start = performance.now();
  let ok = true;
  while (performance.now() - start < 1500 && ok) ok = lab.run(20);
  const seconds = (performance.now() - start) / 1000;
  done([(lab.steps() - before) / seconds, lab.settings()]);
}, (e) => done(String(e)));
"#;

async fn lab_in_browser(browser: &Browser) {
    browser.open("index.html#/title").await;
    browser.wait_until(READY, "the lesson", 30).await;
    for (label, query) in [
        ("8x16", "?lab.layers=8&lab.width=16&lab.batch=32&lab.act=sigmoid"),
        ("2x8", "?lab.layers=2&lab.width=8&lab.batch=32&lab.act=sigmoid"),
    ] {
        let result = browser.client.execute_async(LAB_IN_PAGE, vec![json!(query)]).await.unwrap_or(Value::Null);
        match result.as_array() {
            Some(r) => println!("BENCH|lab-browser|{label}|{:.0}|{}", r[0].as_f64().unwrap_or(f64::NAN), r[1].as_str().unwrap_or("")),
            None => println!("BENCH|lab-browser|{label}|not measured (the page's wasm exports no Lab yet: {result})"),
        }
    }
}

/// Native step time at two network sizes (batch 32, sigmoid, circle data).
fn lab_growth() {
    for (layers, width) in [(2, 8), (8, 16), (12, 32)] {
        let config = LabConfig { hidden_layers: layers, width, batch_size: 32, ..LabConfig::DEFAULT };
        let Ok(mut trainer) = Trainer::new(&config) else {
            println!("BENCH|lab-native|{layers}x{width}|not measured (config refused)");
            continue;
        };
        let _ = trainer.run(200);
        let start = Instant::now();
        let mut steps = 0usize;
        while start.elapsed() < Duration::from_millis(800) {
            if trainer.run(100).is_err() {
                trainer = Trainer::new(&config).expect("same config");
            }
            steps += 100;
        }
        let micros = start.elapsed().as_secs_f64() * 1e6 / steps as f64;
        println!("BENCH|lab-native|{layers}x{width}|{micros:.1}|{:.0}", 1e6 / micros);
    }
}

#[tokio::test]
async fn lesson_measurements() {
    lab_growth();
    std::env::set_var("VG_BROWSER", "chromium");
    let browser = Browser::start().await;
    resources(&browser).await;
    navigation_to_interactive(&browser).await;
    input_to_redraw(&browser).await;
    lab_in_browser(&browser).await;
    let errors = browser.page_errors().await;
    browser.close().await;
    println!("BENCH|page-errors|{}", errors.len());
}

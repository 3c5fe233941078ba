//! The gradient lab end to end in a real browser (VG_BROWSER = chromium | firefox | webkit),
//! served from dist/: it trains, its charts change, the deep sigmoid network starves its first
//! layer, presets load from the URL, a failure stops it with a reason, and a bad URL value falls
//! back with a visible note. Run by scripts/test.sh, which builds dist/ and sets the engine.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use serde_json::{json, Value};
use support::Browser;

/// Count of canvas pixels that differ from the top-left (background) pixel, and a checksum.
const CANVAS_PIXELS: &str = r#"
const canvas = document.querySelector(arguments[0]);
if (!canvas || !canvas.width || !canvas.height) return { drawn: 0, sum: 0 };
const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let drawn = 0, sum = 0;
for (let i = 0; i < data.length; i += 4) {
  if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
  sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
}
return { drawn, sum };
"#;

const LAB: &str = "#lab .lab-mount[data-lab] .lab";

async fn pixels(browser: &Browser, chart: &str) -> (u64, u64) {
    let selector = format!("{LAB} figure[data-chart={chart}] canvas");
    let stats = browser.client.execute(CANVAS_PIXELS, vec![json!(selector)]).await.expect("reading canvas pixels");
    (stats["drawn"].as_u64().unwrap_or(0), stats["sum"].as_u64().unwrap_or(0))
}

/// Opens `path`, waits for the wasm and for the lab's canvases to be sized and drawn.
async fn open_lab(browser: &Browser, path: &str) {
    browser.open(path).await;
    browser.wait_until("return document.documentElement.dataset.wasm === 'ready';", "the wasm to load", 30).await;
    browser
        .wait_until(
            &format!("const c = document.querySelectorAll('{LAB} canvas'); return c.length === 6 && [...c].every((x) => x.width > 0);"),
            "the lab's six canvases to be sized",
            15,
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
}

async fn step(browser: &Browser) -> u64 {
    let value = browser.js(&format!("return Number(document.querySelector('{LAB}').dataset.step);")).await;
    value.as_u64().unwrap_or(0)
}

async fn click(browser: &Browser, selector: &str) {
    browser.js(&format!("document.querySelector('{selector}').click(); return true;")).await;
}

async fn finish(browser: Browser) {
    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn the_lab_trains_and_its_charts_change() {
    let browser = Browser::start().await;
    open_lab(&browser, "index.html#/lab").await;

    let accessible = browser
        .js(&format!(
            r#"const figures = [...document.querySelectorAll('{LAB} figure.lab-chart')];
               return figures.map((f) => {{
                 const c = f.querySelector('canvas');
                 const takeaway = document.getElementById(c.getAttribute('aria-describedby'));
                 return c.getAttribute('role') === 'img' && (c.getAttribute('aria-label') || '').length > 20
                   && !!takeaway && takeaway.textContent.length > 20 && !!f.querySelector('details table');
               }});"#
        ))
        .await;
    assert_eq!(accessible, json!([true, true, true, true, true, true]), "each chart: role=img, a name, a takeaway, a table");
    let unlabelled = browser
        .js(&format!(
            "return [...document.querySelectorAll('{LAB} input, {LAB} select')].filter((c) => c.labels.length === 0).map((c) => c.id);"
        ))
        .await;
    assert_eq!(unlabelled, json!([]), "every control has a visible label");

    assert_eq!(step(&browser).await, 0);
    let (drawn, loss_before) = pixels(&browser, "loss").await;
    assert!(drawn > 2_000, "the loss chart has axes drawn ({drawn} pixels)");
    let (_, bars_before) = pixels(&browser, "gradients").await;

    click(&browser, &format!("{LAB} .lab-play")).await;
    browser
        .wait_until(&format!("return Number(document.querySelector('{LAB}').dataset.step) > 300;"), "300 training steps", 30)
        .await;
    // Leaving the slide suspends training; coming back resumes it.
    browser.js("window.deck.next(); return true;").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let away = step(&browser).await;
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    assert_eq!(step(&browser).await, away, "no training while the lab's slide is hidden");
    browser.js("window.deck.prev(); return true;").await;
    browser
        .wait_until(&format!("return Number(document.querySelector('{LAB}').dataset.step) > {away};"), "training to resume", 10)
        .await;

    click(&browser, &format!("{LAB} .lab-play")).await;
    browser
        .wait_until(&format!("return document.querySelector('{LAB}').dataset.playing === 'false';"), "training to pause", 5)
        .await;
    let paused_at = step(&browser).await;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(step(&browser).await, paused_at, "pause stops training");
    let counter = browser.js(&format!("return document.querySelector('{LAB} .lab-step').textContent;")).await;
    assert!(counter.as_str().unwrap_or("").starts_with("Step "), "a visible step counter: {counter}");

    let (_, loss_after) = pixels(&browser, "loss").await;
    let (_, bars_after) = pixels(&browser, "gradients").await;
    assert_ne!(loss_before, loss_after, "the loss curve was drawn");
    assert_ne!(bars_before, bars_after, "the bars follow the step");

    click(&browser, &format!("{LAB} figure[data-chart=gradients] details summary")).await;
    let rows = browser.js(&format!("return document.querySelectorAll('{LAB} figure[data-chart=gradients] tbody tr').length;")).await;
    assert_eq!(rows, json!(9), "a table row per layer: 8 hidden and the output");

    click(&browser, &format!("{LAB} .lab-buttons button:nth-of-type(2)")).await; // One step
    browser
        .wait_until(&format!("return Number(document.querySelector('{LAB}').dataset.step) === {};", paused_at + 1), "one more step", 5)
        .await;
    click(&browser, &format!("{LAB} .lab-buttons button:nth-of-type(3)")).await; // Reset
    browser.wait_until(&format!("return Number(document.querySelector('{LAB}').dataset.step) === 0;"), "a reset to step 0", 5).await;
    let hash = browser.js("return location.hash;").await;
    assert_eq!(hash, json!("#/lab"), "the deck's hash is left alone");
    finish(browser).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn deep_sigmoid_gives_the_first_layer_far_less_gradient_than_the_last() {
    let browser = Browser::start().await;
    open_lab(&browser, "index.html?lab.preset=deep-sigmoid#/lab").await;
    click(&browser, &format!("{LAB} .lab-buttons button:nth-of-type(2)")).await; // One step
    browser.wait_until(&format!("return Number(document.querySelector('{LAB}').dataset.step) === 1;"), "one step", 5).await;
    let gradients = browser
        .js(&format!("return document.querySelector('{LAB}').dataset.gradients.split(' ').map(Number);"))
        .await;
    let values: Vec<f64> = gradients.as_array().map(|a| a.iter().filter_map(Value::as_f64).collect()).unwrap_or_default();
    assert_eq!(values.len(), 9, "{gradients}");
    let (first, last) = (values[0], values[8]);
    assert!(first > 0.0 && last / first > 1_000.0, "layer 1 gets over 1000× less than the output layer: {values:?}");
    let takeaway = browser
        .js(&format!("return document.querySelector('{LAB} figure[data-chart=gradients] .lab-takeaway').textContent;"))
        .await;
    assert!(takeaway.as_str().unwrap_or("").contains("times smaller than the output layer"), "{takeaway}");

    // The ReLU comparison run does not show the collapse.
    click(&browser, &format!("{LAB} figure[data-chart=gradients] details summary")).await;
    let table = browser
        .js(&format!(
            "return [...document.querySelectorAll('{LAB} figure[data-chart=gradients] thead th')].map((c) => c.textContent);"
        ))
        .await;
    assert_eq!(table, json!(["Layer", "sigmoid", "ReLU"]), "the table compares both runs");
    finish(browser).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn a_preset_loads_from_the_url_and_its_failure_is_explained() {
    let browser = Browser::start().await;
    open_lab(&browser, "index.html?lab.preset=relu-dies#/lab").await;
    let settings = browser
        .js(&format!(
            r#"const v = (id) => document.querySelector('{LAB} #' + id).value;
               return [v('lab-1-preset'), v('lab-1-act'), v('lab-1-lr'), v('lab-1-layers'), v('lab-1-vs-act')];"#
        ))
        .await;
    assert_eq!(settings, json!(["relu-dies", "relu", "1.8", "4", "leaky-relu"]));
    let story = browser.js(&format!("return document.querySelector('{LAB} .lab-story').textContent;")).await;
    assert!(story.as_str().unwrap_or("").contains("too high"), "the preset's story is shown: {story}");

    click(&browser, &format!("{LAB} .lab-play")).await;
    browser
        .wait_until(&format!("return document.querySelector('{LAB}').dataset.failure !== '';"), "the ReLU units to die", 60)
        .await;
    let failure = browser
        .js(&format!(
            r#"const lab = document.querySelector('{LAB}');
               const alert = lab.querySelector('.lab-failure');
               return {{ code: lab.dataset.failure, layer: Number(lab.dataset.failureLayer), hidden: alert.hidden,
                        text: alert.textContent, role: alert.getAttribute('role'), playing: lab.dataset.playing,
                        play: lab.querySelector('.lab-play').disabled }};"#
        ))
        .await;
    let code = failure["code"].as_str().unwrap_or("");
    assert!(["dead-layer", "blocked-paths", "underflow"].contains(&code), "{failure}");
    assert!(failure["layer"].as_u64().unwrap_or(0) >= 1, "{failure}");
    let text = failure["text"].as_str().unwrap_or("");
    assert!(text.contains("Stopped at step") && text.contains("layer"), "says where and why: {text}");
    assert_eq!(failure["hidden"], json!(false));
    assert_eq!(failure["role"], json!("alert"));
    assert_eq!(failure["playing"], json!("false"), "training stopped");
    assert_eq!(failure["play"], json!(true), "Play is disabled until a reset");
    finish(browser).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn a_bad_url_value_falls_back_with_a_note_and_settings_write_back() {
    let browser = Browser::start().await;
    open_lab(&browser, "index.html?view=slides&lab.layers=abc&lab.act=swish#/lab").await;
    let note = browser
        .js(&format!("const n = document.querySelector('{LAB} .lab-notes'); return {{ hidden: n.hidden, text: n.textContent }};"))
        .await;
    assert_eq!(note["hidden"], json!(false), "{note}");
    let text = note["text"].as_str().unwrap_or("");
    assert!(text.contains("layers") && text.contains("kept 8") && text.contains("swish"), "{text}");
    let values = browser
        .js(&format!("return [document.querySelector('{LAB} #lab-1-layers').value, document.querySelector('{LAB} #lab-1-act').value];"))
        .await;
    assert_eq!(values, json!(["8", "sigmoid"]), "the defaults were used");

    browser
        .js(&format!(
            r#"const s = document.querySelector('{LAB} #lab-1-act'); s.value = 'tanh';
               s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true;"#
        ))
        .await;
    browser
        .wait_until("return location.search.includes('lab.act=tanh');", "the URL to carry the new activation", 5)
        .await;
    let url = browser.js("return [location.search, location.hash];").await;
    let search = url[0].as_str().unwrap_or("");
    assert!(search.contains("view=slides") && !search.contains("swish") && !search.contains("abc"), "{url}");
    assert_eq!(url[1], json!("#/lab"));
    let hidden = browser.js(&format!("return document.querySelector('{LAB} .lab-notes').hidden;")).await;
    assert_eq!(hidden, json!(true), "the note goes once the settings are good");
    finish(browser).await;
}

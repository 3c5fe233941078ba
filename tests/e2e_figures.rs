//! The four figures end to end in a real browser (VG_BROWSER = chromium | firefox | webkit),
//! served from dist/: each draws, follows its controls, reports numbers that agree with the
//! math, round-trips its state through the URL, and raises no page errors.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the shared harness has helpers these tests do not need
mod support;

use serde_json::{json, Value};
use std::time::{Duration, Instant};
use support::Browser;

type Checked = Result<(), String>;

/// Non-background pixels of the canvas matching a selector, and a checksum of all of them.
const CANVAS_PIXELS: &str = r#"
const canvas = document.querySelector(arguments[0]);
if (!canvas || !canvas.width || !canvas.height) return [0, 0];
const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
let drawn = 0, sum = 0;
for (let i = 0; i < data.length; i += 4) {
  if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
  sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
}
return [drawn, sum];
"#;

async fn run(browser: &Browser, script: &str, args: Vec<Value>) -> Result<Value, String> {
    browser.client.execute(script, args).await.map_err(|e| format!("script failed: {e}\n{script}"))
}

async fn wait_for(browser: &Browser, script: &str, what: &str, seconds: u64) -> Checked {
    let start = Instant::now();
    loop {
        if run(browser, script, vec![]).await? == Value::Bool(true) {
            return Ok(());
        }
        if start.elapsed() > Duration::from_secs(seconds) {
            return Err(format!("{}: timed out waiting for {what}", support::engine()));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn check(condition: bool, message: impl Into<String>) -> Checked {
    if condition {
        Ok(())
    } else {
        Err(message.into())
    }
}

async fn pixels(browser: &Browser, canvas: &str) -> Result<(u64, u64), String> {
    let stats = run(browser, CANVAS_PIXELS, vec![json!(canvas)]).await?;
    Ok((stats[0].as_u64().unwrap_or(0), stats[1].as_u64().unwrap_or(0)))
}

async fn text(browser: &Browser, selector: &str) -> Result<String, String> {
    let value = run(browser, "const n = document.querySelector(arguments[0]); return n ? n.textContent : '';", vec![json!(selector)]).await?;
    Ok(value.as_str().unwrap_or("").to_owned())
}

/// Sets a control's value and fires the event a person's change would.
async fn set(browser: &Browser, selector: &str, value: &str) -> Checked {
    let script = r#"const input = document.querySelector(arguments[0]);
        if (!input) return false;
        if (input.type === 'checkbox') { input.checked = arguments[1] === 'true'; input.dispatchEvent(new Event('change', { bubbles: true })); }
        else { input.value = arguments[1]; input.dispatchEvent(new Event('input', { bubbles: true })); }
        return true;"#;
    check(run(browser, script, vec![json!(selector), json!(value)]).await? == Value::Bool(true), format!("no control {selector}"))
}

/// Opens `path`, waits for the wasm and for the canvas in `figure` to be drawn.
async fn open(browser: &Browser, path: &str, figure: &str) -> Checked {
    browser.open(path).await;
    wait_for(browser, "return document.documentElement.dataset.wasm === 'ready';", "the wasm to load", 20).await?;
    let canvas = format!("{figure} canvas[role=img]");
    wait_for(browser, &format!("const c = document.querySelector('{canvas}'); return !!c && c.width > 0;"), "the canvas to be sized", 10).await?;
    tokio::time::sleep(Duration::from_millis(250)).await;
    let (drawn, _) = pixels(browser, &canvas).await?;
    check(drawn > 5_000, format!("{figure}: the canvas has drawing on it ({drawn} pixels)"))
}

/// Changes `control` to `value` and checks that the canvas and the read-out both change.
async fn moves(browser: &Browser, figure: &str, control: &str, value: &str) -> Checked {
    let canvas = format!("{figure} canvas[role=img]");
    let (_, before) = pixels(browser, &canvas).await?;
    let readout = text(browser, &format!("{figure} output")).await?;
    set(browser, &format!("{figure} {control}"), value).await?;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let (drawn, after) = pixels(browser, &canvas).await?;
    check(drawn > 5_000 && after != before, format!("{figure}: {control} = {value} redraws the canvas"))?;
    let changed = text(browser, &format!("{figure} output")).await?;
    check(changed != readout, format!("{figure}: {control} = {value} changes the read-out ({changed})"))
}

async fn finish(browser: Browser, outcome: Checked) {
    let errors = browser.page_errors().await;
    browser.close().await;
    if let Err(message) = outcome {
        panic!("{message}");
    }
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn every_figure_draws_and_follows_its_controls() {
    let browser = Browser::start().await;
    let outcome = async {
        open(&browser, "index.html#/concept-2", "#concept-2 .figure[data-figure=relu]").await?;
        moves(&browser, "#concept-2 .figure[data-figure=relu]", "input[type=range]", "-2").await?;
        check(text(&browser, "#concept-2 .figure[data-figure=relu] .takeaway").await?.contains("dead"), "ReLU at −2 is dead")?;
        moves(&browser, "#concept-2 .figure[data-figure=relu]", "input[type=checkbox]", "false").await?;
        let depth = "#concept-2 .figure[data-figure=depth]";
        moves(&browser, depth, "input[id$=layers]", "12").await?;
        moves(&browser, depth, "input[id$=factor]", "0.5").await?;
        moves(&browser, depth, "input[id$=rate]", "3").await?;
        open(&browser, "index.html#/intuition", "#intuition .figure").await?;
        let (_, before) = pixels(&browser, "#intuition canvas").await?;
        run(&browser, "[...document.querySelectorAll('#intuition button')].find(b => b.textContent === 'Push once').click(); return true;", vec![]).await?;
        tokio::time::sleep(Duration::from_millis(150)).await;
        check(pixels(&browser, "#intuition canvas").await?.1 != before, "a push moves the balls")?;
        let readout = text(&browser, "#intuition output").await?;
        check(readout.starts_with("After 1 pushes of 1") && readout.contains("ReLU positive 1 ·"), format!("after one push: {readout}"))?;
        open(&browser, "index.html#/visuals", "#visuals .figure").await?;
        moves(&browser, "#visuals .figure", "input[type=range]", "-4").await
    }
    .await;
    finish(browser, outcome).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn the_quick_button_z_5_shows_2_7_percent() {
    let browser = Browser::start().await;
    let outcome = async {
        open(&browser, "index.html#/visuals", "#visuals .figure").await?;
        let jump = browser
            .client
            .find(fantoccini::Locator::Css("#visuals button[data-z='5']"))
            .await
            .map_err(|e| format!("no z = 5 button: {e}"))?;
        jump.click().await.map_err(|e| format!("clicking z = 5: {e}"))?;
        wait_for(&browser, "return document.querySelector('#visuals output').textContent.includes('2.7 %');", "2.7 % in the read-out", 5).await?;
        let takeaway = text(&browser, "#visuals .takeaway").await?;
        check(takeaway.starts_with("At z = 5 the slope is 0.0066, 2.7 % of its maximum."), format!("takeaway: {takeaway}"))?;
        let value_text = run(&browser, "return document.querySelector('#visuals input[type=range]').getAttribute('aria-valuetext');", vec![]).await?;
        check(value_text == json!("z = 5: slope 0.0066, 2.7 % of the maximum"), format!("aria-valuetext: {value_text}"))
    }
    .await;
    finish(browser, outcome).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn keyboard_moves_the_slider_and_not_the_slide() {
    let browser = Browser::start().await;
    let outcome = async {
        open(&browser, "index.html#/visuals", "#visuals .figure").await?;
        let slider = browser
            .client
            .find(fantoccini::Locator::Css("#visuals input[type=range]"))
            .await
            .map_err(|e| format!("no slider: {e}"))?;
        slider.send_keys("\u{E014}").await.map_err(|e| format!("ArrowRight: {e}"))?;
        wait_for(&browser, "return document.querySelector('#visuals input[type=range]').value === '0.1';", "ArrowRight to step z by 0.1", 5).await?;
        slider.send_keys("\u{E010}").await.map_err(|e| format!("End: {e}"))?;
        wait_for(&browser, "return document.querySelector('#visuals output').textContent.startsWith('σ(10)');", "End to jump to z = 10", 5).await?;
        let hash = run(&browser, "return location.hash;", vec![]).await?;
        check(hash == json!("#/visuals"), format!("still on the slide: {hash}"))
    }
    .await;
    finish(browser, outcome).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn url_state_reproduces_a_figure_and_bad_values_fall_back() {
    let browser = Browser::start().await;
    let outcome = async {
        let depth = "#concept-2 .figure[data-figure=depth]";
        open(&browser, "index.html?depth.factor=0.5&depth.layers=12&relu.z=-2#/concept-2", depth).await?;
        let readout = text(&browser, &format!("{depth} output")).await?;
        // 0.5¹² = 1/4096 ≈ 0.000244.
        check(readout.starts_with("After 12 layers: 0.5¹² = 0.00024"), format!("depth from the URL: {readout}"))?;
        check(text(&browser, "#concept-2 .figure[data-figure=relu] output").await?.starts_with("ReLU(−2) = 0"), "ReLU from the URL")?;
        let (_, from_link) = pixels(&browser, &format!("{depth} canvas")).await?;

        set(&browser, &format!("{depth} input[id$=layers]"), "20").await?;
        wait_for(&browser, "return location.search.includes('depth.layers=20');", "the URL to follow the slider", 5).await?;
        let url = run(&browser, "return [location.search, location.hash];", vec![]).await?;
        check(url[0].as_str().is_some_and(|s| s.contains("depth.factor=0.5") && s.contains("relu.z=-2")), format!("other settings kept: {url}"))?;
        check(url[1] == json!("#/concept-2"), format!("the deck's hash untouched: {url}"))?;

        open(&browser, "index.html?depth.factor=0.5&depth.layers=12&relu.z=-2#/concept-2", depth).await?;
        let (_, again) = pixels(&browser, &format!("{depth} canvas")).await?;
        check(again == from_link, "the same link draws the same figure")?;

        open(&browser, "index.html?sigmoid.z=%3Cb%3E&depth.layers=9999&depth.lr=-1&ball.push=NaN#/visuals", "#visuals .figure").await?;
        check(text(&browser, "#visuals output").await?.starts_with("σ(0) = 0.5"), "a malformed z falls back to 0")?;
        let layers = run(&browser, "return document.querySelector('#concept-2 input[id$=layers]').value;", vec![]).await?;
        check(layers == json!("50"), format!("an over-large depth is clamped: {layers}"))
    }
    .await;
    finish(browser, outcome).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn data_tables_agree_with_the_math() {
    let browser = Browser::start().await;
    let outcome = async {
        let depth = "#concept-2 .figure[data-figure=depth]";
        open(&browser, "index.html#/concept-2", depth).await?;
        run(&browser, "document.querySelector(arguments[0]).open = true; return true;", vec![json!(format!("{depth} details"))]).await?;
        wait_for(&browser, &format!("return document.querySelectorAll('{depth} tbody tr').length === 50;"), "50 rows", 5).await?;
        let marked = run(&browser, &format!("return [...document.querySelectorAll('{depth} tr.is-marked td')].map(td => td.textContent);"), vec![]).await?;
        // Row n = 5: 0.2⁵ = 0.00032, Δw = 0.1 × 0.00032 = 0.000032, 0.25⁵ ≈ 0.0009766, 1⁵ = 1.
        check(marked == json!(["0.00032", "0.000032", "0.0009766", "1"]), format!("the marked row: {marked}"))?;
        let canvas_label = run(&browser, &format!("return document.querySelector('{depth} canvas').getAttribute('aria-label');"), vec![]).await?;
        check(canvas_label.as_str().is_some_and(|l| l.contains("log scale")), "the canvas has an accessible name")
    }
    .await;
    finish(browser, outcome).await;
}

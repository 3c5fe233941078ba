//! The lesson page end to end in a real browser (VG_BROWSER = chromium | firefox | webkit),
//! served from dist/ on 127.0.0.1. Run by scripts/test.sh, which builds dist/ and sets the engine.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::Browser;

/// Count of canvas pixels that differ from the top-left (background) pixel, and a checksum.
const CANVAS_PIXELS: &str = r#"
const canvas = document.querySelector(arguments[0]);
const { width, height } = canvas;
if (!width || !height) return { drawn: 0, sum: 0, width, height };
const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
let drawn = 0, sum = 0;
for (let i = 0; i < data.length; i += 4) {
  if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2]) drawn++;
  sum = (sum * 31 + data[i] + 7 * data[i + 1] + 13 * data[i + 2]) >>> 0;
}
return { drawn, sum, width, height };
"#;

async fn pixels(browser: &Browser, selector: &str) -> (u64, u64) {
    let stats = browser
        .client
        .execute(CANVAS_PIXELS, vec![serde_json::json!(selector)])
        .await
        .expect("reading canvas pixels");
    (stats["drawn"].as_u64().unwrap_or(0), stats["sum"].as_u64().unwrap_or(0))
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn sigmoid_explorer_draws_and_follows_the_slider() {
    let browser = Browser::start().await;
    browser.open("index.html#/visuals").await;
    browser
        .wait_until("return document.documentElement.dataset.wasm === 'ready';", "the wasm to load", 20)
        .await;
    let canvas = "#visuals canvas[role=img]";
    browser
        .wait_until(&format!("const c = document.querySelector('{canvas}'); return !!c && c.width > 0;"), "the canvas to be sized", 10)
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (drawn_before, sum_before) = pixels(&browser, canvas).await;
    assert!(drawn_before > 5_000, "the canvas has drawing on it ({drawn_before} non-background pixels)");

    let slider_name = browser
        .js(r#"const s = document.querySelector('#visuals input[type=range]');
               return [...s.labels].map(l => l.textContent).join(' ') + ' ' + (s.getAttribute('aria-label') || '');"#)
        .await;
    assert!(slider_name.as_str().unwrap_or("").contains('z'), "slider's accessible name names z: {slider_name}");
    let range = browser
        .js("const s = document.querySelector('#visuals input[type=range]'); return [Number(s.min), Number(s.max)];")
        .await;
    assert!(range[0].as_f64() <= Some(-10.0) && range[1].as_f64() >= Some(10.0), "range covers −10..10: {range}");

    browser
        .js(r#"const s = document.querySelector('#visuals input[type=range]');
               s.value = '5'; s.dispatchEvent(new Event('input', { bubbles: true })); return true;"#)
        .await;
    browser
        .wait_until(
            r#"const t = document.querySelector('#visuals output').textContent;
               return t.includes('0.0066') && (t.includes('2.7 %') || t.includes('2.66 %'));"#,
            "the read-out to show σ′(5) ≈ 0.0066 and 2.7 % of the maximum",
            5,
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let (drawn_after, sum_after) = pixels(&browser, canvas).await;
    assert!(drawn_after > 5_000);
    assert_ne!(sum_before, sum_after, "moving the slider redraws the canvas");

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "console errors: {errors:?}");
}

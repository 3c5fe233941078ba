//! Accessibility end to end: axe-core finds no violation on any slide in light mode, dark mode
//! and embed mode (`?embed`); every control reached by Tab has an accessible name and a visible
//! focus indicator; with text at 200 % nothing is cut off or pushed out sideways.
//!
//! axe-core comes from `node_modules/axe-core` (npm ci), served by the test server as
//! `/__test__/axe.js` and added to the page only for the scan.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the shared harness has helpers these tests do not need
mod support;
#[allow(dead_code)] // typing is for the keyboard walk
#[path = "support/keys.rs"]
mod keys;

use fantoccini::key::Key;
use keys::{press, DESCRIBE_FOCUS};
use serde_json::Value;
use support::Browser;

const READY: &str = "return document.documentElement.dataset.wasm === 'ready' && !!window.deck;";

async fn slide_ids(browser: &Browser) -> Vec<String> {
    serde_json::from_value(browser.js("return [...document.querySelectorAll('main section.slide[id]')].map((s) => s.id);").await)
        .unwrap_or_default()
}

/// Shows slide `id` and waits until it is laid out and its figures are drawn.
async fn show(browser: &Browser, id: &str) {
    browser.client.execute("window.deck.go(arguments[0]); return true;", vec![Value::String(id.to_owned())]).await.expect("go");
    browser
        .wait_until(
            &format!(
                "const s = document.getElementById('{id}'); if (!s || s.hidden || s.getBoundingClientRect().width === 0) return false;
                 return [...s.querySelectorAll('canvas')].every((c) => c.width > 0);"
            ),
            &format!("slide {id} to show"),
            10,
        )
        .await;
    // Two frames for any redraw the slide change scheduled.
    browser
        .client
        .execute_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![])
        .await
        .expect("frames");
}

async fn load_axe(browser: &Browser) {
    browser
        .js("if (!window.axe && !document.getElementById('axe-under-test')) { const s = document.createElement('script'); s.id = 'axe-under-test'; s.src = '/__test__/axe.js'; document.head.append(s); } return true;")
        .await;
    browser.wait_until("return !!window.axe;", "axe-core to load (run npm ci)", 20).await;
}

/// Runs axe on the document as it is shown and returns its violations, one line each.
async fn axe_violations(browser: &Browser, label: &str) -> Vec<String> {
    browser
        .js("window.__axe = null; axe.run(document, { resultTypes: ['violations'] }).then((r) => { window.__axe = r.violations.map((v) => v.id + ' (' + v.impact + '): ' + v.nodes.map((n) => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 160)).join(' | ')); }, (e) => { window.__axe = ['axe failed: ' + e]; }); return true;")
        .await;
    browser.wait_until("return window.__axe !== null;", "axe to finish", 60).await;
    match browser.js("return window.__axe;").await {
        Value::Array(items) => items.into_iter().map(|v| format!("{label}: {}", v.as_str().unwrap_or("?"))).collect(),
        other => vec![format!("{label}: unexpected {other}")],
    }
}

/// Scans every slide of the page at `path` after `prepare` (a script) ran; `theme` to check.
async fn scan_every_slide(path: &str, prepare: &str, theme: Option<&str>, mode: &str) {
    let browser = Browser::start().await;
    browser.open("index.html?prepare").await; // a different document, so `path` loads afresh
    browser.js(prepare).await;
    browser.open(path).await;
    browser.wait_until(READY, "the lesson to load", 30).await;
    if let Some(theme) = theme {
        browser.wait_until(&format!("return document.documentElement.dataset.theme === '{theme}';"), &format!("{theme} mode"), 5).await;
    }
    load_axe(&browser).await;
    let mut violations = Vec::new();
    let slides = slide_ids(&browser).await;
    for id in &slides {
        show(&browser, id).await;
        violations.extend(axe_violations(&browser, &format!("{mode} #{id}")).await);
    }
    let errors = browser.page_errors().await;
    browser.close().await;
    println!("{}: axe on {} slides in {mode}: {} violations", support::engine(), slides.len(), violations.len());
    assert!(violations.is_empty(), "{}: axe violations:\n{}", support::engine(), violations.join("\n"));
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

const LIGHT: &str = "localStorage.clear(); localStorage.setItem('vanishing-gradients.theme', 'light'); return true;";
const DARK: &str = "localStorage.clear(); localStorage.setItem('vanishing-gradients.theme', 'dark'); return true;";

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn axe_finds_no_violation_on_any_slide_in_light_mode() {
    scan_every_slide("index.html#/title", LIGHT, Some("light"), "light").await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn axe_finds_no_violation_on_any_slide_in_dark_mode() {
    scan_every_slide("index.html#/title", DARK, Some("dark"), "dark").await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn axe_finds_no_violation_on_any_slide_in_embed_mode() {
    scan_every_slide("index.html?embed#/title", LIGHT, None, "embed").await;
}

/// The accessible name of the focused element, following the main steps of the accname rules
/// (aria-labelledby, aria-label, label elements, content, title, value, alt), and whether its
/// focus is visible: an outline, or a box-shadow or border it does not have unfocused.
const FOCUS_REPORT: &str = r#"
const e = document.activeElement;
const text = (n) => (n ? n.textContent.replace(/\s+/g, ' ').trim() : '');
let name = '';
const by = e.getAttribute('aria-labelledby');
if (by) name = by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
if (!name) name = (e.getAttribute('aria-label') || '').trim();
if (!name && e.labels && e.labels.length) name = [...e.labels].map(text).join(' ').trim();
if (!name && !['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName)) name = text(e) || [...e.querySelectorAll('img[alt]')].map((i) => i.alt).join(' ');
if (!name) name = (e.getAttribute('title') || '').trim();
if (!name && e.tagName === 'INPUT' && ['submit', 'button', 'reset'].includes(e.type)) name = e.value;
const cs = getComputedStyle(e);
const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && cs.outlineColor !== 'transparent' && !/rgba\([^)]*,\s*0\)/.test(cs.outlineColor);
const was = (window.__unfocused || {})[e.dataset.kbKey] || {};
const shadow = cs.boxShadow !== 'none' && cs.boxShadow !== was.boxShadow;
const border = was.borderColor !== undefined && cs.borderColor !== was.borderColor;
return { name, visible: outline || shadow || border, matches: e.matches(':focus-visible'), style: cs.outlineStyle + ' ' + cs.outlineWidth + ' ' + cs.outlineColor + ' / ' + cs.boxShadow };
"#;

/// [key of the first tabbable control on slide `arguments[0]` or null, key of the document's last].
const TAB_ENDS: &str = r#"
const tabbable = (e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[inert], [hidden]') && e.getBoundingClientRect().width > 0 && getComputedStyle(e).visibility !== 'hidden';
const key = (e) => { if (!e.dataset.kbKey) e.dataset.kbKey = 'k' + (window.__kbCount = (window.__kbCount || 0) + 1); return e.dataset.kbKey; };
const all = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')].filter(tabbable);
const inSlide = all.filter((e) => e.closest('section.slide')?.id === arguments[0]);
return [inSlide.length ? key(inSlide[0]) : null, key(all[all.length - 1])];
"#;

/// Remembers every control's unfocused box-shadow and border colour (keyed as DESCRIBE_FOCUS keys).
const REMEMBER_UNFOCUSED: &str = r#"
window.__unfocused = window.__unfocused || {};
for (const e of document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')) {
  if (!e.dataset.kbKey) e.dataset.kbKey = 'k' + (window.__kbCount = (window.__kbCount || 0) + 1);
  if (document.activeElement === e) continue;
  const cs = getComputedStyle(e);
  window.__unfocused[e.dataset.kbKey] = { boxShadow: cs.boxShadow, borderColor: cs.borderColor };
}
return true;
"#;

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn every_control_reached_by_tab_has_a_name_and_a_visible_focus() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js(LIGHT).await;
    let mut problems = Vec::new();
    let mut checked = 0;
    for theme in ["light", "dark"] {
        browser.js(&format!("localStorage.setItem('vanishing-gradients.theme', '{theme}'); return true;")).await;
        browser.open(&format!("index.html?theme-under-test={theme}#/title")).await; // a fresh load
        browser.wait_until(READY, "the lesson to load", 30).await;
        browser.wait_until(&format!("return document.documentElement.dataset.theme === '{theme}';"), &format!("{theme} mode"), 5).await;
        for id in slide_ids(&browser).await {
            show(&browser, &id).await;
            browser.js(REMEMBER_UNFOCUSED).await;
            let ends = browser.client.execute(TAB_ENDS, vec![Value::String(id.clone())]).await.expect("tab ends");
            let (first, last) = (ends[0].as_str().map(str::to_owned), ends[1].as_str().unwrap_or("").to_owned());
            // From the toolbar's first button: Shift+Tab back to the slide's first control, then
            // Tab forward to the document's last control (never out of the document: a headless
            // Firefox then stops matching :focus).
            browser.js("document.querySelector('.deck-toolbar button').focus(); return true;").await;
            let mut seen = std::collections::BTreeSet::new();
            let mut steps: Vec<(bool, Option<String>)> = Vec::new();
            if let Some(first) = first {
                steps.push((true, Some(first)));
            }
            steps.push((false, Some(last)));
            for (shift, until) in steps {
                for _ in 0..80 {
                    press(&browser.client, Key::Tab, shift).await;
                    let f = browser.js(DESCRIBE_FOCUS).await;
                    let key = f["key"].as_str().unwrap_or("body").to_owned();
                    let done = until.as_deref() == Some(key.as_str()) || key == "body";
                    if seen.insert(key.clone()) && key != "body" {
                        let report = browser.js(FOCUS_REPORT).await;
                        checked += 1;
                        let what = format!("{theme} #{id}: {} {} “{}”", f["tag"].as_str().unwrap_or(""), f["id"].as_str().unwrap_or(""), f["text"].as_str().unwrap_or(""));
                        if report["name"].as_str().unwrap_or("").is_empty() {
                            problems.push(format!("{what}: no accessible name"));
                        }
                        if report["visible"] != Value::Bool(true) {
                            problems.push(format!("{what}: no visible focus ({})", report["style"]));
                        }
                    }
                    if done {
                        break;
                    }
                }
            }
        }
    }
    let errors = browser.page_errors().await;
    browser.close().await;
    println!("{}: {checked} focus stops checked for a name and a visible focus", support::engine());
    assert!(checked > 40, "too few focus stops: {checked}");
    assert!(problems.is_empty(), "{}:\n{}", support::engine(), problems.join("\n"));
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

/// With the root font size at 200 %: on the shown slide, no text is pushed outside the window
/// sideways or clipped by a box that hides overflow, and no slide or control is wider than its box.
const LOST_AT_200: &str = r#"
const slide = document.getElementById(arguments[0]);
const problems = [];
const width = document.documentElement.clientWidth;
const describe = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : '');
const scrollable = (e) => { for (let a = e; a && a !== document.body; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return true; } return false; };
const controls = [slide, ...slide.querySelectorAll('.figure-control, .figure-controls, .figure-quick, .figure-export, form.answer, button, label, input, summary, .readout, .takeaway, p, li, h2, h3')];
for (const e of controls) {
  if (e.getBoundingClientRect().width === 0 || e.closest('.figure-print, .visually-hidden, .sr-only')) continue;
  const cs = getComputedStyle(e);
  if (e.scrollWidth > e.clientWidth + 1 && cs.overflowX !== 'visible' && !(cs.overflowX === 'auto' || cs.overflowX === 'scroll')) problems.push(describe(e) + ' clips text sideways (' + e.scrollWidth + ' > ' + e.clientWidth + ')');
  if (e.scrollHeight > e.clientHeight + 1 && (cs.overflowY === 'hidden' || cs.overflowY === 'clip') && e.tagName !== 'INPUT') problems.push(describe(e) + ' clips text (' + e.scrollHeight + ' > ' + e.clientHeight + ')');
}
if (slide.scrollWidth > slide.clientWidth + 1) {
  const edge = slide.getBoundingClientRect().right;
  const out = [...slide.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > edge + 1 && !e.closest('.figure-print, .visually-hidden, .sr-only')).slice(0, 4).map(describe);
  problems.push('the slide is wider than its box (' + slide.scrollWidth + ' > ' + slide.clientWidth + '): ' + out.join(', '));
}
const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
let texts = 0;
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (!n.textContent.trim() || n.parentElement.closest('.figure-print, .visually-hidden, .sr-only, details:not([open]) > :not(summary), aside.notes')) continue;
  const range = document.createRange();
  range.selectNodeContents(n);
  const r = range.getBoundingClientRect();
  if (r.width === 0 && r.height === 0) continue;
  texts += 1;
  if ((r.left < -1 || r.right > width + 1) && !scrollable(n.parentElement)) problems.push('“' + n.textContent.trim().slice(0, 40) + '” is outside the window (' + Math.round(r.left) + '…' + Math.round(r.right) + ' of ' + width + ')');
}
if (document.documentElement.scrollWidth > width + 1) problems.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + width + ')');
return { problems, texts };
"#;

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn text_at_200_percent_loses_nothing() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js(LIGHT).await;
    browser.open("index.html#/title").await;
    browser.wait_until(READY, "the lesson to load", 30).await;
    browser.js("document.documentElement.style.fontSize = '200%'; window.dispatchEvent(new Event('resize')); return true;").await;
    let mut problems = Vec::new();
    let mut texts = 0;
    for id in slide_ids(&browser).await {
        show(&browser, &id).await;
        let report = browser.client.execute(LOST_AT_200, vec![Value::String(id.clone())]).await.expect("measured");
        texts += report["texts"].as_u64().unwrap_or(0);
        for p in report["problems"].as_array().into_iter().flatten() {
            problems.push(format!("#{id}: {}", p.as_str().unwrap_or("?")));
        }
    }
    let errors = browser.page_errors().await;
    browser.close().await;
    println!("{}: text at 200 %: {texts} text runs checked", support::engine());
    assert!(texts > 100, "too few text runs checked: {texts}");
    assert!(problems.is_empty(), "{}: at 200 % text:\n{}", support::engine(), problems.join("\n"));
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

//! Robustness end to end: hostile and malformed input in the URL hash, the query, localStorage
//! and postMessage never runs as script and never breaks the lesson; a wasm that fails to load
//! or traps (a Rust panic) is shown as a plain message while the slides, formulas and static
//! figures stay usable; with JavaScript off every slide's text and math is readable.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the shared harness has helpers these tests do not need
mod support;

use fantoccini::Locator;
use serde_json::{json, Value};
use support::{Browser, Options};

/// The payloads' marker: `window.__pwned` stays undefined unless one of them ran.
const PWN: &str = "window.__pwned=1";

fn hash_payloads() -> Vec<String> {
    vec![
        format!("#/<img src=x onerror={PWN}>"),
        format!("#<script>{PWN}</script>"),
        "#/%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E".into(),
        format!("#/javascript:{PWN}"),
        format!("#/p1-slope\"><svg onload={PWN}>"),
        "#/%E0%A4%A".into(),
        format!("#/{}", "a".repeat(5000)),
        "#/__proto__".into(),
        "#/constructor".into(),
        "#%00%0A%0D".into(),
    ]
}

fn query_payloads() -> Vec<String> {
    vec![
        format!("?sigmoid.z=<img src=x onerror={PWN}>"),
        "?sigmoid.z=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E".into(),
        "?depth.layers=1e999&depth.factor=NaN&relu.z=-Infinity&relu.compare=%FF".into(),
        "?ball.t=%ZZ&ball.push=%&depth.lr=-1".into(),
        format!("?view=<svg/onload={PWN}>"),
        format!("?embed=javascript:{PWN}"),
        format!("?lab=<img src=x onerror={PWN}>&layers=999999&act=%3Cscript%3E&preset=__proto__"),
        "?".to_owned() + &"sigmoid.z=5&".repeat(600),
        "?__proto__[x]=1&constructor.prototype.x=1&toString=1".into(),
    ]
}

/// (key, value) pairs written to localStorage before the page loads.
fn storage_payloads() -> Vec<(&'static str, String)> {
    vec![
        ("vg-progress", format!("vg-progress 1\np1-slope\t1\t0\t0\tincorrect\t<img src=x onerror={PWN}>")),
        ("vg-progress", format!("<script>{PWN}</script>")),
        ("vg-progress", format!("vg-progress 1\n{}", "p1-slope\t\t\t\t\t\n".repeat(2000))),
        ("vg-progress", "vg-progress 1\np1-slope\t99999999999999999999\t1\t10\tcorrect\t\\u{202e}".into()),
        ("vg-progress", "x".repeat(1_000_000)),
        ("vanishing-gradients.theme", format!("\"><img src=x onerror={PWN}>")),
        ("vanishing-gradients.letter-shortcuts", format!("javascript:{PWN}")),
    ]
}

/// Messages a course site (or anything in the parent window) could post to the embedded lesson:
/// well-formed commands carrying markup, unknown commands, resizer and H5P strings, junk.
fn message_payloads() -> Vec<Value> {
    let command = |name: &str, extra: Value| {
        let mut m = json!({"type": "vanishing-gradients:command", "command": name});
        if let (Some(m), Some(extra)) = (m.as_object_mut(), extra.as_object()) {
            m.extend(extra.clone());
        }
        m
    };
    vec![
        command("goto", json!({"slide": format!("<img src=x onerror={PWN}>")})),
        command("goto", json!({"slide": "javascript:window.__pwned=1"})),
        command("goto", json!({"slide": "__proto__"})),
        command(&format!("<script>{PWN}</script>"), json!({})),
        command("state", json!({"html": format!("<img src=x onerror={PWN}>")})),
        command("resize", json!({"height": "<svg onload=window.__pwned=1>"})),
        json!({"type": "vanishing-gradients:command", "command": {"toString": "<b>"}}),
        json!(format!("[iFrameSizer]<img src=x onerror={PWN}>:8:false")),
        json!("[iFrameSizer]resize"),
        json!({"context": "h5p", "action": format!("<img src=x onerror={PWN}>")}),
        json!(format!("<img src=x onerror={PWN}>")),
        json!({"__proto__": {"polluted": 1}, "type": "constructor"}),
        json!(["<svg onload=window.__pwned=1>", 1e308, null]),
        json!(format!("{{\"type\":\"vanishing-gradients:command\",\"command\":\"goto\",\"slide\":\"<img src=x onerror={PWN}>\"}}")),
    ]
}

/// Whether any payload ran or left markup behind.
const PWNED: &str = "return window.__pwned !== undefined || Object.prototype.polluted !== undefined || !!document.querySelector('img[src=\"x\"], img[src$=\"/x\"], main script, svg[onload]');";

/// The page still works: a slide change, a figure redrawn with a new value, an answer checked.
async fn still_works(browser: &Browser, what: &str) {
    browser.wait_until("return document.documentElement.dataset.wasm === 'ready' && !!window.deck;", &format!("{what}: the lesson to load"), 30).await;
    browser.js("window.deck.go('visuals'); return true;").await;
    browser.wait_until("return window.deck.current().id === 'visuals';", &format!("{what}: slides to navigate"), 5).await;
    browser
        .js("const i = document.querySelector('#visuals input[type=range]'); i.value = '5'; i.dispatchEvent(new Event('input', { bubbles: true })); return true;")
        .await;
    browser
        .wait_until(
            "const f = document.querySelector('#visuals figure'); const c = f && f.querySelector('canvas'); const t = f ? f.querySelector('output.readout').textContent : ''; return !!c && c.width > 0 && (t.includes('0.0066') || t.includes('0.9933'));",
            &format!("{what}: the sigmoid figure to draw z = 5"),
            10,
        )
        .await;
    browser.js("window.deck.go('practice-1'); const i = document.getElementById('p1-slope'); i.value = '0.0067'; document.getElementById('p1-slope-feedback').removeAttribute('data-verdict'); i.form.requestSubmit(); return true;").await;
    browser
        .wait_until("return document.getElementById('p1-slope-feedback').dataset.verdict === 'correct';", &format!("{what}: a practice answer to check"), 10)
        .await;
    assert_eq!(browser.js(PWNED).await, Value::Bool(false), "{}: {what}: a payload ran", support::engine());
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn hostile_urls_storage_and_messages_never_run_and_never_break_the_lesson() {
    let browser = Browser::start().await;
    let mut count = 0;
    let mut errors = Vec::new();
    browser.open("index.html").await;
    for (n, hash) in hash_payloads().into_iter().enumerate() {
        // Arriving with the hash (a fresh load), then receiving it while the lesson runs.
        browser.js("localStorage.clear(); return true;").await;
        browser.open(&format!("index.html?case={n}{hash}")).await;
        still_works(&browser, &format!("hash {}", &hash[..hash.len().min(60)])).await;
        browser.client.execute("location.hash = arguments[0]; return true;", vec![json!(hash)]).await.expect("hash set");
        still_works(&browser, &format!("hash change to {}", &hash[..hash.len().min(60)])).await;
        errors.extend(browser.page_errors().await.into_iter().map(|e| format!("hash {hash:.60}: {e}")));
        count += 1;
    }
    for (n, query) in query_payloads().into_iter().enumerate() {
        browser.js("localStorage.clear(); return true;").await;
        browser.open(&format!("index.html{query}&case={n}#/title")).await;
        still_works(&browser, &format!("query {}", &query[..query.len().min(60)])).await;
        errors.extend(browser.page_errors().await.into_iter().map(|e| format!("query {query:.60}: {e}")));
        count += 1;
    }
    for (n, (key, value)) in storage_payloads().into_iter().enumerate() {
        browser.open(&format!("index.html?store={n}#/title")).await;
        browser
            .client
            .execute("localStorage.clear(); localStorage.setItem(arguments[0], arguments[1]); return true;", vec![json!(key), json!(value)])
            .await
            .expect("stored");
        browser.open(&format!("index.html?stored={n}#/practice-1")).await; // a fresh load reads it
        still_works(&browser, &format!("localStorage {key} = {value:.60}")).await;
        errors.extend(browser.page_errors().await.into_iter().map(|e| format!("storage {key}: {e}")));
        count += 1;
    }
    // postMessage: the lesson embedded (?embed) in a frame whose parent is the trusted origin,
    // so its message handler acts on commands; the parent posts every payload into the frame.
    browser.js("localStorage.clear(); return true;").await;
    browser.open("index.html?host-page#/title").await;
    browser.wait_until("return document.documentElement.dataset.wasm === 'ready';", "the host page", 30).await;
    browser
        .js("window.__replies = []; addEventListener('message', (e) => window.__replies.push(e.data)); document.body.replaceChildren(); const f = document.createElement('iframe'); f.id = 'lesson'; f.title = 'lesson'; f.width = '1200'; f.height = '760'; f.src = 'index.html?embed&parentOrigin=' + encodeURIComponent(location.origin) + '#/visuals'; document.body.append(f); return true;")
        .await;
    browser
        .wait_until("const d = document.getElementById('lesson').contentDocument; return !!d && !!d.documentElement && d.documentElement.dataset.wasm === 'ready';", "the embedded lesson", 30)
        .await;
    for message in message_payloads() {
        browser
            .client
            .execute("document.getElementById('lesson').contentWindow.postMessage(arguments[0], '*'); return true;", vec![message.clone()])
            .await
            .expect("posted");
        count += 1;
    }
    browser.client.execute_async("const done = arguments[arguments.length - 1]; setTimeout(() => done(true), 500);", vec![]).await.expect("waited");
    let replies = browser.js("return window.__replies.length;").await;
    assert_eq!(browser.js(PWNED).await, Value::Bool(false), "{}: a message payload ran in the host page", support::engine());
    browser.client.enter_frame(0).await.expect("into the lesson's frame");
    still_works(&browser, "postMessage into the embedded lesson").await;
    errors.extend(browser.page_errors().await.into_iter().map(|e| format!("postMessage: {e}")));
    browser.client.enter_parent_frame().await.expect("back to the host page");
    println!("{}: the embedded lesson answered {replies} of the posted messages", support::engine());
    browser.close().await;
    println!("{}: {count} hostile or malformed inputs: none ran, the lesson kept working", support::engine());
    assert!(count >= 20);
    assert!(errors.is_empty(), "{}: page errors:\n{}", support::engine(), errors.join("\n"));
}

/// Every slide's heading and text is present and shown, every formula has a size, and every
/// static figure's picture has loaded. Run with the slide `id` shown (or the whole page without
/// the deck). Returns a list of problems.
const READABLE: &str = r#"
const problems = [];
const slides = [...document.querySelectorAll('main section.slide[id]')];
const only = arguments[0];
for (const s of slides) {
  if (only && s.id !== only) continue;
  const r = s.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) { problems.push(s.id + ': not shown'); continue; }
  const heading = s.querySelector('h1, h2');
  if (!heading || heading.getBoundingClientRect().height === 0) problems.push(s.id + ': no visible heading');
  if (s.innerText.trim().length < 20) problems.push(s.id + ': no readable text');
  for (const m of s.querySelectorAll('math')) {
    if (m.closest('details:not([open])')) continue;
    const b = m.getBoundingClientRect();
    if (b.width === 0 || b.height === 0) problems.push(s.id + ': a formula has no size');
  }
  for (const img of s.querySelectorAll('.figure-mount img')) {
    const b = img.getBoundingClientRect();
    if (!img.complete || img.naturalWidth === 0 || b.width === 0) problems.push(s.id + ': static figure ' + img.getAttribute('src') + ' not shown');
  }
}
return problems;
"#;

/// After a wasm failure: a plain message, static figures back, slides and answers behave.
async fn check_failure_shown(browser: &Browser, what: &str, message_selector: &str) {
    browser
        .wait_until(
            &format!("return document.querySelectorAll('.figure-mount[data-figure] .figure-unavailable').length === document.querySelectorAll('.figure-mount[data-figure]').length && !!document.querySelector('{message_selector}');"),
            &format!("{what}: the plain message"),
            20,
        )
        .await;
    let notes = browser.js("return [...document.querySelectorAll('.figure-unavailable, .wasm-failure')].map((n) => n.textContent);").await;
    for note in notes.as_array().into_iter().flatten() {
        let text = note.as_str().unwrap_or("");
        assert!(text.len() > 30 && !text.contains("RuntimeError") && !text.contains("unreachable"), "{what}: not a plain message: {text}");
    }
    let slides: Vec<String> = serde_json::from_value(browser.js("return [...document.querySelectorAll('main section.slide[id]')].map((s) => s.id);").await).unwrap_or_default();
    let mut problems = Vec::new();
    for id in &slides {
        browser.client.execute("window.deck.go(arguments[0]); return true;", vec![json!(id)]).await.expect("go");
        browser.wait_until(&format!("return window.deck.current().id === '{id}';"), &format!("{what}: slide {id}"), 5).await;
        browser.wait_until("return [...document.querySelectorAll('main section.slide:not([hidden]) .figure-mount img')].every((i) => i.complete);", "pictures", 10).await;
        let found = browser.client.execute(READABLE, vec![json!(id)]).await.expect("read");
        problems.extend(found.as_array().into_iter().flatten().map(|p| format!("{what}: {}", p.as_str().unwrap_or("?"))));
    }
    assert!(problems.is_empty(), "{}:\n{}", support::engine(), problems.join("\n"));
    browser.js("window.deck.go('practice-1'); const i = document.getElementById('p1-slope'); i.value = '0.0067'; i.form.requestSubmit(); return true;").await;
    browser
        .wait_until("const s = document.getElementById('p1-slope-feedback'); return s.dataset.verdict === 'invalid' && s.textContent.startsWith(\"Can't read\");", &format!("{what}: answers to say they cannot be read"), 5)
        .await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn a_failed_wasm_load_is_a_plain_message_and_the_lesson_stays_usable() {
    let browser = Browser::start().await;
    browser.open("__nowasm__/index.html#/concept-1").await; // the test server answers 404 for the .wasm
    check_failure_shown(&browser, "failed load", ".figure-unavailable").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn a_wasm_panic_is_a_plain_message_and_the_lesson_stays_usable() {
    let browser = Browser::start().await;
    browser.open("index.html#/visuals").await;
    browser.wait_until("return document.documentElement.dataset.wasm === 'ready';", "the lesson to load", 30).await;
    // A real Rust panic inside the page's wasm, thrown from a task like any event handler's.
    browser
        .js("const s = document.createElement('script'); s.type = 'module'; s.src = '/__test__/panic.js'; document.head.append(s); return true;")
        .await;
    check_failure_shown(&browser, "wasm panic", ".wasm-failure[role=alert]").await;
    let errors = browser.page_errors().await;
    assert!(errors.iter().any(|e| e.contains("unreachable") || e.contains("RuntimeError") || e.contains("panic")), "the panic really happened: {errors:?}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn without_javascript_every_slide_text_and_math_is_readable() {
    // JavaScript off in the browser's settings (Chromium, Firefox) and, in every engine, a page
    // whose policy forbids every script (WebKitGTK's driver cannot switch JavaScript off).
    let browser = Browser::start_with(Options { javascript: false }).await;
    browser.open("__nojs__/index.html").await;
    // Read through WebDriver's element commands (no page script needed).
    let root = browser.client.find(Locator::Css("html")).await.expect("html");
    let class = root.attr("class").await.expect("class").unwrap_or_default();
    assert!(!class.contains("deck"), "{}: a script ran: <html class={class:?}>", support::engine());
    assert!(browser.client.find(Locator::Css(".deck-toolbar")).await.is_err(), "the deck did not start");
    let slides = browser.client.find_all(Locator::Css("main section.slide[id]")).await.expect("slides");
    assert!(slides.len() >= 10, "slides: {}", slides.len());
    let mut problems = Vec::new();
    let mut formulas = 0;
    for slide in &slides {
        let id = slide.attr("id").await.ok().flatten().unwrap_or_default();
        if !slide.is_displayed().await.unwrap_or(false) {
            problems.push(format!("{id}: not displayed"));
            continue;
        }
        let text = slide.text().await.unwrap_or_default();
        if text.trim().len() < 20 {
            problems.push(format!("{id}: no readable text ({text:?})"));
        }
        let heading = slide.find(Locator::Css("h1, h2")).await;
        match heading {
            Ok(h) if h.is_displayed().await.unwrap_or(false) => {}
            _ => problems.push(format!("{id}: no visible heading")),
        }
        for math in slide.find_all(Locator::Css("math")).await.unwrap_or_default() {
            if math.find(Locator::XPath("ancestor::*[local-name()='details']")).await.is_ok() {
                continue; // inside a closed solution: shown when opened, which needs no script
            }
            let (_, _, w, h) = math.rectangle().await.unwrap_or((0.0, 0.0, 0.0, 0.0));
            formulas += 1;
            if w < 1.0 || h < 1.0 {
                problems.push(format!("{id}: a formula has no size ({w} × {h})"));
            }
        }
        for img in slide.find_all(Locator::Css(".figure-mount img")).await.unwrap_or_default() {
            if !img.is_displayed().await.unwrap_or(false) {
                problems.push(format!("{id}: a static figure is not displayed"));
            }
        }
    }
    // The closed solutions open without script and show their formulas.
    let details = browser.client.find_all(Locator::Css("details.solution > summary")).await.expect("summaries");
    for summary in &details {
        summary.click().await.expect("summary opens with no script");
    }
    for math in browser.client.find_all(Locator::Css("details.solution math")).await.unwrap_or_default() {
        let (_, _, w, h) = math.rectangle().await.unwrap_or((0.0, 0.0, 0.0, 0.0));
        formulas += 1;
        if w < 1.0 || h < 1.0 {
            problems.push(format!("a solution formula has no size ({w} × {h})"));
        }
    }
    browser.close().await;
    println!("{}: without JavaScript: {} slides, {formulas} formulas readable", support::engine(), slides.len());
    assert!(formulas >= 10, "formulas measured: {formulas}");
    assert!(problems.is_empty(), "{}:\n{}", support::engine(), problems.join("\n"));
}

//! The whole lesson with the keyboard alone (WebDriver key actions: Tab, Shift+Tab, arrows,
//! Enter, Space, typing; no pointer and no script-driven focus): every slide in order, every
//! control on it reached by Tab and operated — sliders, checkboxes, buttons, data tables, export
//! buttons, hints, worked solutions — and every practice answer typed and checked correct.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)] // the shared harness has helpers these tests do not need
mod support;
#[path = "support/keys.rs"]
mod keys;

use fantoccini::key::Key;
use keys::{press, type_text, DESCRIBE_FOCUS};
use serde_json::Value;
use std::collections::BTreeSet;
use support::Browser;

/// The right answer for each practice box: the seed's answers as the lesson writes them, and
/// for any further problem its expected answer from the problem data.
fn answer_for(id: &str) -> Option<String> {
    match id {
        "p1-slope" => Some("0.0067".into()),
        "p1-compare" => Some("2.7%".into()),
        "p2-gradient" => Some("0.00032".into()),
        "p2-update" => Some("0.000032".into()),
        _ => vanishing_gradients::problems::answer(id).map(|a| a.expected_text()),
    }
}

/// Downloads are recorded instead of saved, so the export buttons can be pressed in every engine.
const RECORD_DOWNLOADS: &str = r#"
window.__downloads = [];
HTMLAnchorElement.prototype.click = function () { if (this.download) window.__downloads.push(this.download); };
return true;
"#;

/// Tabbable, visible controls of the current slide, as keys (tagging them as DESCRIBE_FOCUS does).
const SLIDE_CONTROLS: &str = r#"
const slide = document.getElementById(arguments[0]);
const all = slide.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
const out = [];
for (const e of all) {
  if (e.tabIndex < 0 || e.disabled || e.closest('[inert]')) continue;
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.height === 0 || getComputedStyle(e).visibility === 'hidden') continue;
  if (!e.dataset.kbKey) e.dataset.kbKey = 'k' + (window.__kbCount = (window.__kbCount || 0) + 1);
  out.push(e.dataset.kbKey + ' ' + e.tagName.toLowerCase() + ' ' + (e.getAttribute('aria-label') || e.textContent.trim().slice(0, 40) || e.id));
}
return out;
"#;

fn s(v: &Value, key: &str) -> String {
    v[key].as_str().unwrap_or("").to_owned()
}

async fn focus(browser: &Browser) -> Value {
    browser.js(DESCRIBE_FOCUS).await
}

async fn current_slide(browser: &Browser) -> String {
    browser.js("return window.deck.current().id;").await.as_str().unwrap_or("").to_owned()
}

/// Presses Tab until `done(focus)` holds (at most `limit` presses); returns the focus then.
async fn tab_until(browser: &Browser, shift: bool, limit: usize, what: &str, done: impl Fn(&Value) -> bool) -> Value {
    for _ in 0..limit {
        press(&browser.client, Key::Tab, shift).await;
        let now = focus(browser).await;
        if done(&now) {
            return now;
        }
    }
    panic!("{}: {limit} presses of Tab did not reach {what}", support::engine());
}

async fn answer_box(browser: &Browser) -> bool {
    browser.js("return !!document.activeElement.closest('form.answer');").await == Value::Bool(true)
}

/// Operates the focused control with the keyboard and checks that it did what it says.
async fn operate(browser: &Browser, control: &Value, log: &mut Vec<String>) {
    let (tag, kind, text, id) = (s(control, "tag"), s(control, "type"), s(control, "text"), s(control, "id"));
    let slide = s(control, "slide");
    let before = browser.js("const e = document.activeElement; const f = e.closest('figure'); return [JSON.stringify(e.value ?? null), e.checked ?? null, f ? f.querySelector('output.readout')?.textContent ?? '' : '', e.closest('details')?.open ?? null, e.textContent];").await;
    match (tag.as_str(), kind.as_str()) {
        ("input", "range") => {
            let at_max = browser.js("const e = document.activeElement; return Number(e.value) >= Number(e.max);").await == Value::Bool(true);
            press(&browser.client, if at_max { Key::Left } else { Key::Right }, false).await;
            browser
                .wait_until(&format!("return document.activeElement.value !== {};", before[0].as_str().unwrap_or("null")), &format!("slider {id} to move"), 5)
                .await;
            let readout = before[2].as_str().unwrap_or("");
            if !readout.is_empty() {
                browser
                    .wait_until(
                        &format!("const f = document.activeElement.closest('figure'); return f.querySelector('output.readout').textContent !== {};", serde_json::to_string(readout).unwrap_or_default()),
                        &format!("the read-out beside {id} to change"),
                        5,
                    )
                    .await;
            }
            assert_eq!(current_slide(browser).await, slide, "an arrow key on a slider must not change the slide");
            log.push(format!("slider {id}"));
        }
        ("input", "checkbox") => {
            press(&browser.client, Key::Space, false).await;
            browser
                .wait_until(&format!("return document.activeElement.checked !== {};", before[1]), &format!("checkbox {id} to toggle"), 5)
                .await;
            log.push(format!("checkbox {id}"));
        }
        ("input", "number") => {
            press(&browser.client, Key::Up, false).await;
            browser
                .wait_until(&format!("return document.activeElement.value !== {};", before[0].as_str().unwrap_or("null")), &format!("number box {id} to step"), 5)
                .await;
            log.push(format!("number {id}"));
        }
        ("select", _) => {
            let at_end = browser.js("const e = document.activeElement; return e.selectedIndex === e.options.length - 1;").await == Value::Bool(true);
            press(&browser.client, if at_end { Key::Up } else { Key::Down }, false).await;
            browser
                .wait_until(&format!("return document.activeElement.value !== {};", before[0].as_str().unwrap_or("null")), &format!("choice {id} to change"), 5)
                .await;
            log.push(format!("choice {id}"));
        }
        ("input", _) | ("textarea", _) if answer_box(browser).await => {
            let answer = answer_for(&id).unwrap_or_else(|| "1".into());
            type_text(&browser.client, &answer).await;
            // The next Tab reaches this form's Check button; Enter there checks the answer.
            let button = tab_until(browser, false, 3, "the Check button", |f| s(f, "tag") == "button").await;
            assert!(s(&button, "text").starts_with("Check"), "after answer box {id} comes its Check button, not {button}");
            press(&browser.client, Key::Enter, false).await;
            browser
                .wait_until(&format!("return !!document.getElementById('{id}-feedback')?.dataset.verdict;"), &format!("feedback for {id}"), 5)
                .await;
            if answer_for(&id).is_some() {
                let verdict = browser.js(&format!("return document.getElementById('{id}-feedback').dataset.verdict;")).await;
                assert_eq!(verdict, "correct", "{id}: typing {answer:?} and pressing Enter on Check");
            }
            log.push(format!("answer {id} checked"));
        }
        ("input", _) | ("textarea", _) => {
            type_text(&browser.client, "1").await;
            log.push(format!("typed in {id}"));
        }
        ("summary", _) => {
            press(&browser.client, Key::Enter, false).await;
            browser
                .wait_until("return document.activeElement.closest('details')?.open === true;", &format!("“{text}” to open"), 5)
                .await;
            log.push(format!("opened “{text}”"));
        }
        ("button", _) if text.starts_with("Download") => {
            let count = browser.js("return window.__downloads.length;").await.as_u64().unwrap_or(0);
            press(&browser.client, Key::Enter, false).await;
            browser
                .wait_until(&format!("return window.__downloads.length > {count};"), &format!("“{text}” to export"), 10)
                .await;
            log.push(format!("{text} ({})", browser.js("return window.__downloads.at(-1);").await));
        }
        ("button", _) if text.starts_with("Check") => {} // pressed right after typing its answer
        ("button", _) => {
            // Space for toggles, Enter for the rest: both activate a button.
            let key = if text == "Play" || text == "Pause" { Key::Space } else { Key::Enter };
            press(&browser.client, key, false).await;
            if text == "Play" {
                tokio::time::sleep(std::time::Duration::from_millis(300)).await; // let it run a little
                press(&browser.client, Key::Space, false).await; // pause again
            }
            let after = browser.js("const e = document.activeElement; const f = e.closest('figure'); return [f ? f.querySelector('output.readout')?.textContent ?? '' : '', e.textContent];").await;
            log.push(format!("button “{text}” → {}", after[0].as_str().unwrap_or("").chars().take(40).collect::<String>()));
        }
        _ => log.push(format!("reached {tag} {id} “{text}”")),
    }
    assert_eq!(current_slide(browser).await, slide, "operating {tag} {id} must not change the slide");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn the_whole_lesson_can_be_completed_with_the_keyboard_alone() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js("localStorage.clear(); return true;").await;
    browser.open("index.html#/title").await;
    browser.wait_until("return document.documentElement.dataset.wasm === 'ready' && !!window.deck;", "the lesson to load", 30).await;
    browser.js(RECORD_DOWNLOADS).await;
    let slides: Vec<String> = serde_json::from_value(browser.js("return [...document.querySelectorAll('main section.slide[id]')].map((s) => s.id);").await).unwrap_or_default();
    assert!(slides.len() >= 10, "the lesson's slides: {slides:?}");

    // Arrow keys move between slides while nothing is focused.
    press(&browser.client, Key::Right, false).await;
    browser.wait_until(&format!("return window.deck.current().id === '{}';", slides[1]), "→ to open slide 2", 5).await;
    press(&browser.client, Key::Left, false).await;
    browser.wait_until(&format!("return window.deck.current().id === '{}';", slides[0]), "← to go back", 5).await;

    let mut log = Vec::new();
    let mut answered = BTreeSet::new();
    for (index, slide) in slides.iter().enumerate() {
        assert_eq!(&current_slide(&browser).await, slide, "slide {index}");
        browser
            .wait_until(&format!("const s = document.getElementById('{slide}'); return !s.hidden && s.getBoundingClientRect().width > 0;"), "the slide to show", 10)
            .await;
        let controls = browser.client.execute(SLIDE_CONTROLS, vec![Value::String(slide.clone())]).await.expect("controls");
        let expected: Vec<String> = serde_json::from_value(controls).unwrap_or_default();
        let mut visited = BTreeSet::new();
        if let Some(first) = expected.first().and_then(|c| c.split(' ').next()).map(str::to_owned) {
            // Focus is on the toolbar's Next slide button (after the slide): Shift+Tab back to the
            // slide's first control, then Tab forward through every control until the toolbar.
            // (Never Tab out of the document: a headless Firefox then stops matching :focus.)
            let mut control = tab_until(&browser, true, 60, &format!("the first control on {slide}"), |f| s(f, "key") == first).await;
            loop {
                visited.insert(s(&control, "key"));
                if s(&control, "tag") == "input" && !matches!(s(&control, "type").as_str(), "range" | "checkbox" | "radio") {
                    answered.insert(s(&control, "id"));
                }
                operate(&browser, &control, &mut log).await;
                let now = focus(&browser).await;
                if s(&now, "tag") == "button" && s(&now, "text").starts_with("Check") {
                    visited.insert(s(&now, "key"));
                }
                press(&browser.client, Key::Tab, false).await;
                control = focus(&browser).await;
                if &s(&control, "slide") != slide {
                    break;
                }
            }
            // Every control that was there at the start was reached by Tab.
            let missed: Vec<&String> = expected.iter().filter(|c| !visited.contains(c.split(' ').next().unwrap_or(""))).collect();
            assert!(missed.is_empty(), "{}: on {slide} Tab never reached {missed:?}", support::engine());
        }
        if index + 1 == slides.len() {
            break;
        }
        // To the next slide with the toolbar's Next button (Tab, then Enter).
        let here = focus(&browser).await;
        let next = if s(&here, "name") == "Next slide" {
            here
        } else {
            tab_until(&browser, false, 60, "the Next slide button", |f| s(f, "name") == "Next slide").await
        };
        assert!(next["inToolbar"].as_bool().unwrap_or(false));
        press(&browser.client, Key::Enter, false).await;
        browser.wait_until(&format!("return window.deck.current().id === '{}';", slides[index + 1]), "Enter on Next slide", 5).await;
        log.push(format!("→ {}", slides[index + 1]));
    }

    let forms: BTreeSet<String> = serde_json::from_value(browser.js("return [...document.querySelectorAll('form.answer[data-answer]')].map((f) => f.dataset.answer);").await).unwrap_or_default();
    assert!(forms.len() >= 4 && forms.is_subset(&answered), "every practice answer was typed: {answered:?} of {forms:?}");
    let verdicts = browser.js("return [...document.querySelectorAll('form.answer [role=status]')].map((s) => s.dataset.verdict);").await;
    assert!(verdicts.as_array().is_some_and(|v| v.iter().all(|x| x == "correct")), "all answers correct: {verdicts}");
    let errors = browser.page_errors().await;
    println!("{}: keyboard walk\n  {}", support::engine(), log.join("\n  "));
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

//! The practice forms end to end: typed answers are read and graded by the Rust checker in the
//! page, with hints, locked-then-unlocked solutions and progress that survives a reload.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use support::Browser;

async fn open_practice(browser: &Browser, slide: &str) {
    browser.open(&format!("index.html#/{slide}")).await;
    browser
        .wait_until("return document.documentElement.dataset.wasm === 'ready';", "the wasm to load", 20)
        .await;
    browser
        .wait_until(
            &format!("const s = document.getElementById('{slide}'); return !!s && !s.hidden && !s.inert && s.getBoundingClientRect().width > 0;"),
            "the slide to show",
            5,
        )
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(400)).await; // any slide transition
}

/// Types `answer` into the box `id` as a learner would, presses its Check button and returns
/// (data-verdict, visible feedback text).
async fn answer(browser: &Browser, id: &str, answer: &str) -> (String, String) {
    let input = browser.client.find(Locator::Css(&format!("#{id}"))).await.expect("answer box");
    input.clear().await.expect("cleared");
    input.send_keys(answer).await.expect("typed");
    let button = browser
        .client
        .find(Locator::Css(&format!("form[data-answer='{id}'] button[type=submit]")))
        .await
        .expect("check button");
    let name = browser
        .js(&format!("return document.querySelector(\"form[data-answer='{id}'] button[type=submit]\").textContent.trim();"))
        .await;
    assert!(name.as_str().unwrap_or("").starts_with("Check"), "the button's name starts with Check: {name}");
    browser.js(&format!("document.getElementById('{id}-feedback').removeAttribute('data-verdict'); return true;")).await;
    button.click().await.expect("clicked");
    browser
        .wait_until(&format!("return document.getElementById('{id}-feedback').hasAttribute('data-verdict');"), "feedback", 5)
        .await;
    let status = browser.js(&format!(
        "const s = document.getElementById('{id}-feedback'); return [s.getAttribute('role'), s.dataset.verdict, s.textContent];"
    )).await;
    assert_eq!(status[0], "status", "feedback is a status region");
    (status[1].as_str().unwrap_or("").to_owned(), status[2].as_str().unwrap_or("").to_owned())
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn the_four_seed_answers_are_read_graded_and_diagnosed() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js("localStorage.clear(); return true;").await;
    open_practice(&browser, "practice-1").await;

    let (verdict, text) = answer(&browser, "p1-slope", "  0.9933 ").await;
    assert_eq!(verdict, "incorrect");
    assert!(text.starts_with("Not quite") && text.contains("σ(5)"), "σ(5) for σ′(5) is diagnosed: {text}");
    let (verdict, text) = answer(&browser, "p1-slope", "six").await;
    assert_eq!(verdict, "invalid");
    assert!(text.starts_with("Can't read"), "{text}");
    for typed in ["0.0067", "6.6e-3", "0.9933*0.0067"] {
        let (verdict, text) = answer(&browser, "p1-slope", typed).await;
        assert_eq!(verdict, "correct", "{typed}: {text}");
        assert!(text.starts_with("Correct"), "{text}");
    }
    let (verdict, text) = answer(&browser, "p1-compare", "2.7 %").await;
    assert_eq!(verdict, "correct", "{text}");
    let (verdict, _) = answer(&browser, "p1-compare", "37").await;
    assert_eq!(verdict, "incorrect", "the ratio upside down");

    open_practice(&browser, "practice-2").await;
    let (verdict, text) = answer(&browser, "p2-gradient", "0.2*5").await;
    assert_eq!(verdict, "incorrect");
    assert!(text.starts_with("Not quite"), "{text}");
    let (verdict, text) = answer(&browser, "p2-gradient", "0.2^5").await;
    assert_eq!(verdict, "correct", "{text}");
    assert!(text.contains("Read as"), "shows how it was read: {text}");
    let (verdict, text) = answer(&browser, "p2-update", "0").await;
    assert_eq!(verdict, "incorrect", "0 is not 0.000032: {text}");
    let (verdict, text) = answer(&browser, "p2-update", "3.2×10^-5").await;
    assert_eq!(verdict, "correct", "{text}");

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn hints_solutions_and_progress_survive_a_reload() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js("localStorage.clear(); return true;").await;
    open_practice(&browser, "practice-2").await;

    let solution = "document.querySelector('details.solution[data-solution-for=\"practice-2\"]')";
    browser.js(&format!("{solution}.open = true; return true;")).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(browser.js(&format!("return {solution}.open;")).await, false, "the solution stays closed before any attempt");

    let hint = browser.client.find(Locator::Css("form[data-answer='p2-gradient'] .hint-button")).await.expect("hint button");
    hint.click().await.expect("hint");
    let hints = browser.js("return document.querySelectorAll('[data-hints-for=\"p2-gradient\"] li').length;").await;
    assert_eq!(hints, 1, "one hint revealed");

    answer(&browser, "p2-gradient", "0.2^4").await;
    browser.js(&format!("{solution}.open = true; return true;")).await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(browser.js(&format!("return {solution}.open;")).await, true, "the solution opens after an attempt");
    let steps = browser.js("return document.querySelectorAll('[data-hints-for=\"p2-gradient\"] .worked-solution li').length;").await;
    assert!(steps.as_u64().unwrap_or(0) >= 2, "worked steps appear after an attempt: {steps}");

    browser.client.refresh().await.expect("reload");
    open_practice(&browser, "practice-2").await;
    let restored = browser.js("return [document.getElementById('p2-gradient').value, document.querySelectorAll('[data-hints-for=\"p2-gradient\"] li:not(.worked-solution li)').length];").await;
    assert_eq!(restored[0], "0.2^4", "the last answer is back in its box");

    browser.js("localStorage.setItem('vg-progress', 'garbage\\u0000<script>alert(1)</script>'); return true;").await;
    browser.client.refresh().await.expect("reload");
    open_practice(&browser, "practice-2").await;
    let (verdict, _) = answer(&browser, "p2-gradient", "0.00032").await;
    assert_eq!(verdict, "correct", "corrupt saved progress loses nothing on the page");

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

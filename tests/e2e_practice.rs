//! The practice forms end to end: typed answers are read and graded by the Rust checker in the
//! page, with hints, locked-then-unlocked solutions and progress that survives a reload; New
//! numbers, whose answers this test computes itself from the numbers the page shows; the seed in
//! the address; the "More practice" problems; the summary and "Reset my answers".
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::Locator;
use support::Browser;

async fn open_practice(browser: &Browser, slide: &str) {
    open_at(browser, &format!("index.html#/{slide}"), slide).await;
}

/// Opens `path` (which may carry a query) and waits for the wasm and for `slide` to show.
async fn open_at(browser: &Browser, path: &str, slide: &str) {
    browser.open(path).await;
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
    // A tall slide scrolls inside the deck: bring the form into view as a learner would.
    browser.js(&format!("document.querySelector(\"form[data-answer='{id}']\").scrollIntoView({{ block: 'center' }}); return true;")).await;
    let input = browser.client.find(Locator::Css(&format!("#{id}"))).await.expect("answer box");
    input.clear().await.unwrap_or_else(|e| panic!("{id}: {e}"));
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
    let answered = format!("return document.getElementById('{id}-feedback').hasAttribute('data-verdict');");
    button.click().await.expect("clicked");
    // WebKit's driver now and then loses a click on a busy machine: a learner would click again.
    for _ in 0..30 {
        if browser.js(&answered).await == serde_json::Value::Bool(true) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    if browser.js(&answered).await != serde_json::Value::Bool(true) {
        button.click().await.expect("clicked again");
    }
    browser.wait_until(&answered, &format!("feedback for {id} {answer:?}"), 5).await;
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

/// The number right after `marker` in `text` (Unicode minus allowed).
fn number_after(text: &str, marker: &str) -> f64 {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker:?} not in {text:?}")) + marker.len();
    let digits: String = text[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '−')
        .map(|c| if c == '−' { '-' } else { c })
        .collect();
    digits.trim_end_matches('.').parse().unwrap_or_else(|_| panic!("no number after {marker:?} in {text:?}"))
}

/// The exponent written in superscripts right after `marker` ("10⁻⁷" → −7).
fn superscript_after(text: &str, marker: &str) -> i32 {
    let start = text.find(marker).unwrap_or_else(|| panic!("{marker:?} not in {text:?}")) + marker.len();
    let (mut value, mut sign) = (0, 1);
    for c in text[start..].chars() {
        match "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|d| d == c) {
            Some(d) => value = value * 10 + d as i32,
            None if c == '⁻' => sign = -1,
            None => break,
        }
    }
    sign * value
}

/// The visible question of a problem: a seed slide's `.problem`, or a `[data-problem]` block's.
async fn question(browser: &Browser, selector: &str) -> String {
    let text = browser.js(&format!("return document.querySelector('{selector} .problem').textContent.replace(/\\s+/g, ' ').trim();")).await;
    text.as_str().unwrap_or("").to_owned()
}

async fn seed_in_address(browser: &Browser) -> Option<String> {
    let seed = browser.js("return new URLSearchParams(location.search).get('practice.seed');").await;
    seed.as_str().map(str::to_owned)
}

async fn click(browser: &Browser, selector: &str) {
    browser.js(&format!("document.querySelector({selector:?}).scrollIntoView({{ block: 'center' }}); return true;")).await;
    browser.client.find(Locator::Css(selector)).await.unwrap_or_else(|_| panic!("{selector}")).click().await.expect("clicked");
}

/// σ′(z) = σ(z)(1 − σ(z)), worked out here.
fn sigmoid_slope(z: f64) -> f64 {
    let s = 1.0 / (1.0 + (-z).exp());
    s * (1.0 - s)
}

async fn assert_correct(browser: &Browser, id: &str, typed: &str) {
    let (verdict, text) = answer(browser, id, typed).await;
    assert_eq!(verdict, "correct", "{id} {typed}: {text}");
    assert!(text.starts_with("Correct"), "{text}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn new_numbers_are_graded_by_their_own_numbers_and_the_seed_in_the_address_reproduces_them() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    browser.js("localStorage.clear(); return true;").await;
    open_at(&browser, "index.html?view=slides#/practice-1", "practice-1").await;
    let lesson = question(&browser, "#practice-1").await;
    assert!(lesson.contains('5'), "{lesson}");
    answer(&browser, "p1-slope", "0.5").await;

    click(&browser, "#practice-1 .new-numbers").await;
    browser
        .wait_until(&format!("return document.querySelector('#practice-1 .problem').textContent.replace(/\\s+/g, ' ').trim() !== {lesson:?};"), "new numbers", 5)
        .await;
    let one = question(&browser, "#practice-1").await;
    let seed = seed_in_address(&browser).await.expect("the seed is in the address");
    let place = browser.js("return [location.hash, new URLSearchParams(location.search).get('view')];").await;
    assert_eq!(place[0], "#/practice-1", "the deck's hash is kept");
    assert_eq!(place[1], "slides", "other query keys are kept");
    let cleared = browser.js("return [document.getElementById('p1-slope').value, document.getElementById('p1-slope-feedback').hasAttribute('data-verdict')];").await;
    assert_eq!(cleared, serde_json::json!(["", false]), "new numbers start with empty boxes");
    let lesson_solution = browser.js("return document.querySelector('details.solution[data-solution-for=\"practice-1\"]').hidden;").await;
    assert_eq!(lesson_solution, true, "the lesson's written solution (for z = 5) is hidden");

    // The right answer, computed here from the numbers on the page, is graded correct.
    let z = number_after(&one, "at z = ");
    assert_ne!(z, 5.0, "{one}");
    let slope = sigmoid_slope(z);
    let label = browser.js("return document.querySelector('label[for=p1-slope]').textContent;").await;
    assert!(label.as_str().unwrap_or("").contains(&format!("σ′({})", one.split("at z = ").nth(1).unwrap_or("").split(". ").next().unwrap_or(""))), "{label}");
    assert_correct(&browser, "p1-slope", &format!("{slope:.6}")).await;
    assert_correct(&browser, "p1-compare", &format!("{:.4} %", slope / 0.25 * 100.0)).await;
    let (verdict, _) = answer(&browser, "p1-slope", "0.0067").await;
    assert_eq!(verdict, "incorrect", "the lesson's σ′(5) is not the answer at z = {z}");

    open_at(&browser, &format!("index.html?view=slides&practice.seed={seed}#/practice-2"), "practice-2").await;
    let two = question(&browser, "#practice-2").await;
    let (layers, factor, rate) = (number_after(&two, "has "), number_after(&two, "gradient is "), number_after(&two, "learning rate "));
    let gradient = factor.powi(layers as i32);
    assert_correct(&browser, "p2-gradient", &format!("{gradient:e}")).await;
    assert_correct(&browser, "p2-update", &format!("{:e}", rate * gradient)).await;

    // The same address shows the same set after a reload, and on a machine with no saved progress.
    browser.client.refresh().await.expect("reload");
    open_at(&browser, &format!("index.html?view=slides&practice.seed={seed}#/practice-1"), "practice-1").await;
    assert_eq!(question(&browser, "#practice-1").await, one, "the seed reproduces the set");
    let kept = browser.js("return document.getElementById('p1-slope').value;").await;
    assert_eq!(kept, "0.0067", "the last answer on these numbers is back");
    browser.js("localStorage.clear(); return true;").await;
    browser.client.refresh().await.expect("reload");
    open_at(&browser, &format!("index.html?practice.seed={seed}#/practice-2"), "practice-2").await;
    assert_eq!(question(&browser, "#practice-2").await, two, "the set does not depend on saved progress");

    // New numbers again: another set; then back to the lesson's.
    click(&browser, "#practice-2 .new-numbers").await;
    browser.wait_until(&format!("return new URLSearchParams(location.search).get('practice.seed') !== '{seed}';"), "another seed", 5).await;
    assert_ne!(question(&browser, "#practice-2").await, two);
    click(&browser, "#practice-2 .lesson-numbers").await;
    browser.wait_until("return !location.search.includes('practice.seed');", "the seed to leave the address", 5).await;
    assert_eq!(browser.js("return location.hash;").await, "#/practice-2");
    let back = question(&browser, "#practice-2").await;
    assert!(back.contains("5 layers") && back.contains("0.2"), "{back}");
    assert_correct(&browser, "p2-gradient", "0.00032").await;
    let (verdict, _) = answer(&browser, "p2-update", "0.00032").await;
    assert_eq!(verdict, "incorrect");

    // Other numbers and back: the answers given on the lesson's numbers come back with their feedback.
    click(&browser, "#practice-2 .new-numbers").await;
    browser.wait_until("return new URLSearchParams(location.search).has('practice.seed');", "a seed in the address", 5).await;
    let away = browser.js("return [document.getElementById('p2-gradient').value, document.getElementById('p2-update').value];").await;
    assert_eq!(away, serde_json::json!(["", ""]), "new numbers start with empty boxes");
    click(&browser, "#practice-2 .lesson-numbers").await;
    browser.wait_until("return !location.search.includes('practice.seed');", "the seed to leave the address", 5).await;
    let restored = browser.js("return ['p2-gradient', 'p2-update'].flatMap((id) => [document.getElementById(id).value, document.getElementById(id + '-feedback').dataset.verdict]);").await;
    assert_eq!(restored, serde_json::json!(["0.00032", "correct", "0.00032", "incorrect"]), "the lesson's answers are back");
    let focused = browser.js("return document.activeElement.textContent;").await;
    assert_eq!(focused, "New numbers", "the keyboard focus stays in the controls");

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

/// Answers every "More practice" box from the numbers its question shows, worked out here.
async fn answer_more_practice(browser: &Browser) {
    let relu = question(browser, "[data-problem=more-relu]").await;
    let (on, off) = (number_after(&relu, "z = "), number_after(&relu, "input and z = "));
    assert!(on > 0.0 && off < 0.0, "{relu}");
    assert_correct(browser, "p3-relu-on", "1").await;
    assert_correct(browser, "p3-relu-off", "0").await;
    let (verdict, text) = answer(browser, "p3-relu-off", "1").await;
    assert_eq!(verdict, "incorrect");
    assert!(text.contains("z > 0"), "a dead unit's slope is explained: {text}");

    let depth = question(browser, "[data-problem=more-depth]").await;
    let threshold = 10f64.powi(superscript_after(&depth, "below 10"));
    let (mut n, mut g) = (0, 1.0);
    while g >= threshold {
        g *= 0.25;
        n += 1;
    }
    assert_correct(browser, "p4-layers", &n.to_string()).await;

    let flat = question(browser, "[data-problem=more-flat]").await;
    let target = number_after(&flat, "fallen to ") / 100.0 * 0.25;
    let s = (1.0 + (1.0 - 4.0 * target).sqrt()) / 2.0;
    assert_correct(browser, "p5-flat", &format!("{:.3}", (s / (1.0 - s)).ln())).await;

    let tanh = question(browser, "[data-problem=more-tanh]").await;
    let layers = number_after(&tanh, "Through ") as i32;
    assert_correct(browser, "p6-sigmoid", &format!("{:e}", 0.25f64.powi(layers))).await;
    assert_correct(browser, "p6-ratio", &format!("{}", 4f64.powi(layers))).await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn more_practice_is_answerable_and_the_summary_and_reset_work() {
    let browser = Browser::start().await;
    browser.open("index.html").await;
    // Storage that is full: answers still work; nothing is lost on the page.
    browser.js("localStorage.clear(); try { const s = 'x'.repeat(1 << 20); for (let i = 0; i < 40; i++) localStorage.setItem('junk' + i, s); } catch (e) {} return true;").await;
    open_practice(&browser, "practice-more").await;
    let heading = browser.js("return document.querySelector('#practice-more h2').textContent;").await;
    assert_eq!(heading, "More practice");
    answer_more_practice(&browser).await;
    browser.js("for (let i = 0; i < 40; i++) localStorage.removeItem('junk' + i); return true;").await;

    // Answers checked now are saved; the takeaways slide sums them up.
    assert_correct(&browser, "p3-relu-on", "1").await;
    open_practice(&browser, "practice-1").await;
    assert_correct(&browser, "p1-slope", "0.0067").await;
    open_practice(&browser, "takeaways").await;
    let summary = browser.js("return document.querySelector('[data-progress-summary]').textContent;").await;
    assert!(summary.as_str().unwrap_or("").contains("7 of 10 correct"), "{summary}");
    browser.client.refresh().await.expect("reload");
    open_practice(&browser, "takeaways").await;
    let summary = browser.js("return document.querySelector('[data-progress-summary]').textContent;").await;
    assert!(summary.as_str().unwrap_or("").contains("7 of 10 correct"), "the summary survives a reload: {summary}");

    click(&browser, "[data-progress-summary] .reset-progress").await;
    click(&browser, "[data-progress-summary] .reset-keep").await;
    let summary = browser.js("return document.querySelector('[data-progress-summary]').textContent;").await;
    assert!(summary.as_str().unwrap_or("").contains("7 of 10 correct"), "“Keep my answers” keeps them: {summary}");
    click(&browser, "[data-progress-summary] .reset-progress").await;
    click(&browser, "[data-progress-summary] .reset-yes").await;
    let summary = browser.js("return document.querySelector('[data-progress-summary]').textContent;").await;
    assert!(summary.as_str().unwrap_or("").contains("0 of 10 correct"), "{summary}");
    let boxes = browser.js("return [...document.querySelectorAll('form.answer input')].every((i) => i.value === '') && ![...document.querySelectorAll('.feedback')].some((f) => f.hasAttribute('data-verdict'));").await;
    assert_eq!(boxes, true, "Reset my answers empties every box and its feedback");
    browser.client.refresh().await.expect("reload");
    open_practice(&browser, "practice-more").await;
    assert_eq!(browser.js("return document.getElementById('p3-relu-on').value;").await, "", "the reset was saved");

    // The further problems with new numbers.
    let before = question(&browser, "[data-problem=more-tanh]").await;
    click(&browser, "#practice-more .new-numbers").await;
    browser.wait_until("return new URLSearchParams(location.search).has('practice.seed');", "a seed in the address", 5).await;
    assert_ne!(question(&browser, "[data-problem=more-tanh]").await, before);
    answer_more_practice(&browser).await;

    // Storage that throws (private browsing, blocked frames): practice still works.
    browser.js("Object.defineProperty(window, 'localStorage', { get() { throw new Error('blocked'); } }); return true;").await;
    assert_correct(&browser, "p3-relu-off", "0").await;

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

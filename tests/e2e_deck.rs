//! The slide deck end to end: every seed slide by deep link with its key sentences and numbers,
//! the keyboard walk forward and back, the Back button, and no horizontal overflow at 360 and
//! 1280 px.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use support::Browser;

/// Seed slides in the lesson's order, each with sentences and numbers the seed states.
const SEED_SLIDES: [(&str, &[&str]); 9] = [
    ("objective", &["Understand the vanishing gradient problem caused by sigmoid saturation."]),
    ("concept-1", &["saturates", "nearly 1 or 0", "The network stops learning."]),
    ("concept-2", &["only 0.25", "constant gradient of 1", "die"]),
    ("visuals", &["sigmoid"]),
    ("math", &["0.25", "ReLU"]),
    ("intuition", &["flat plateau", "Gradient = 0.25", "Gradient = 1", "consistent, non-vanishing gradients"]),
    ("practice-1", &["Calculate the sigmoid derivative at", "2.7% of maximum", "0.9933"]),
    ("practice-2", &["5 layers", "0.00032", "0.000032", "This is the vanishing gradient problem."]),
    ("takeaways", &["Maximum sigmoid gradient is only 0.25", "Modern networks use ReLU (or variants) for hidden layers"]),
];

// (`window.deck` names the <main id="deck"> element until deck.js replaces it with the API.)
const CURRENT: &str = "return typeof window.deck?.current === 'function' ? window.deck.current().id : null;";

async fn press(browser: &Browser, key: Key) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key.into() })
        .then(KeyAction::Up { value: key.into() });
    browser.client.perform_actions(keys).await.expect("key press");
}

async fn wait_for_slide(browser: &Browser, id: &str) {
    browser
        .wait_until(
            &format!(
                "const s = document.getElementById('{id}'); return typeof window.deck?.current === 'function' && window.deck.current().id === '{id}' && !!s && !s.hidden;"
            ),
            &format!("slide {id} to be current and visible"),
            10,
        )
        .await;
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn every_seed_slide_is_reachable_by_deep_link_with_its_text() {
    let browser = Browser::start().await;
    for (id, phrases) in SEED_SLIDES {
        browser.open(&format!("index.html#/{id}")).await;
        browser.client.refresh().await.expect("load the deep link afresh");
        wait_for_slide(&browser, id).await;
        let text = browser.js(&format!("return document.getElementById('{id}').textContent.replace(/\\s+/g, ' ');")).await;
        let text = text.as_str().unwrap_or("");
        for phrase in phrases {
            assert!(text.contains(phrase), "#{id} says {phrase:?}: {text}");
        }
        let others_hidden = browser
            .js(&format!("return [...document.querySelectorAll('section.slide')].filter(s => s.id !== '{id}').every(s => s.hidden || s.inert);"))
            .await;
        assert_eq!(others_hidden, true, "off-screen slides are hidden when #{id} shows");
    }
    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn the_keyboard_walks_the_deck_and_back_returns() {
    let browser = Browser::start().await;
    browser.open("index.html#/objective").await;
    wait_for_slide(&browser, "objective").await;
    let order: Vec<String> = serde_json::from_value(
        browser.js("return [...document.querySelectorAll('section.slide')].map(s => s.id);").await,
    )
    .expect("slide ids");
    let start = order.iter().position(|id| id == "objective").expect("objective");
    for id in &order[start + 1..] {
        press(&browser, Key::Right).await;
        wait_for_slide(&browser, id).await;
        let hash = browser.js("return location.hash;").await;
        assert_eq!(hash, format!("#/{id}"), "the deep link follows the deck");
        let position = browser.js("return document.body.textContent.includes(String(window.deck.current().index + 1) + ' / ');").await;
        assert_eq!(position, true, "an 'n / N' position is shown");
    }
    for id in order[start..order.len() - 1].iter().rev() {
        press(&browser, Key::Left).await;
        wait_for_slide(&browser, id).await;
    }
    press(&browser, Key::End).await;
    wait_for_slide(&browser, order.last().expect("a last slide")).await;
    press(&browser, Key::Home).await;
    wait_for_slide(&browser, &order[0]).await;

    // The browser's Back button retraces the walk.
    browser.open("index.html#/concept-1").await;
    wait_for_slide(&browser, "concept-1").await;
    press(&browser, Key::Right).await;
    wait_for_slide(&browser, "concept-2").await;
    browser.client.back().await.expect("back");
    wait_for_slide(&browser, "concept-1").await;
    assert_eq!(browser.js(CURRENT).await, "concept-1");

    // Keys typed into an answer box stay in the box.
    browser.open("index.html#/practice-1").await;
    wait_for_slide(&browser, "practice-1").await;
    browser.js("document.getElementById('p1-slope').focus(); return true;").await;
    press(&browser, Key::Right).await;
    let active = browser.client.active_element().await.expect("focus");
    active.send_keys("n").await.expect("typed");
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    assert_eq!(browser.js(CURRENT).await, "practice-1", "keys in a text field do not move the deck");

    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

#[tokio::test]
#[ignore = "needs a browser and dist/: run scripts/test.sh"]
async fn no_horizontal_overflow_on_a_phone_or_a_laptop() {
    let browser = Browser::start().await;
    // 360 px: the lesson in a phone-sized frame (desktop windows will not shrink that far).
    browser.open("__test__/phone.html").await;
    for (id, _) in SEED_SLIDES {
        browser.js(&format!("document.getElementById('phone').src = '/index.html?slide={id}#/{id}'; return true;")).await;
        browser
            .wait_until(
                &format!("const d = document.getElementById('phone').contentDocument; return !!d && d.location.search === '?slide={id}' && d.documentElement?.dataset.wasm === 'ready';"),
                "the lesson to start in the phone frame",
                20,
            )
            .await;
        let measured = browser
            .js("const w = document.getElementById('phone').contentWindow, d = w.document.documentElement; return [w.innerWidth, d.scrollWidth - d.clientWidth, w.document.documentElement.dataset.view];")
            .await;
        assert_eq!(measured[0], 360, "the frame is a phone's width");
        assert!(measured[1].as_i64().unwrap_or(i64::MAX) <= 0, "#{id} at 360 px overflows: {measured}");
        assert_eq!(measured[2], "scroll", "a phone gets the scroll view");
    }
    // 1280 px: the desktop window itself.
    if browser.client.set_window_size(1280, 800).await.is_ok() {
        for (id, _) in SEED_SLIDES {
            browser.open(&format!("index.html?slide={id}#/{id}")).await;
            browser
                .wait_until(
                    &format!("return location.search === '?slide={id}' && document.documentElement.dataset.wasm === 'ready';"),
                    "the lesson to start",
                    20,
                )
                .await;
            let overflow = browser.js("const d = document.documentElement; return d.scrollWidth - d.clientWidth;").await;
            assert!(overflow.as_i64().unwrap_or(i64::MAX) <= 0, "#{id} at 1280 px overflows by {overflow}");
        }
    }
    let errors = browser.page_errors().await;
    browser.close().await;
    assert!(errors.is_empty(), "page errors: {errors:?}");
}

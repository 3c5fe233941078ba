//! The gradient lab's exports in a real browser (wasm-bindgen-test; the engine comes from the
//! driver variable scripts/test.sh sets: CHROMEDRIVER, GECKODRIVER or SAFARIDRIVER).
#![cfg(target_arch = "wasm32")]

use vanishing_gradients::web::Lab;
use wasm_bindgen_test::*;
use web_sys::HtmlCanvasElement;

mod wasm_support;

use wasm_support::{canvas, pixels};

wasm_bindgen_test_configure!(run_in_browser);

const CHARTS: [&str; 6] = ["gradients", "history", "loss", "decision", "health", "ledger"];


#[wasm_bindgen_test]
fn every_chart_draws_and_changes_as_the_lab_trains() {
    let mut lab = Lab::new("?lab.preset=relu-learns");
    let targets: Vec<HtmlCanvasElement> = CHARTS.iter().map(|_| canvas(480, 300)).collect();
    let mut before = Vec::new();
    for (name, target) in CHARTS.iter().zip(&targets) {
        lab.draw(name, target, 1.0, false).expect("drawn");
        let (drawn, sum) = pixels(target);
        assert!(drawn > 3_000, "{name}: {drawn} non-background pixels");
        before.push(sum);
    }
    assert!(lab.run(200));
    assert_eq!(lab.steps(), 200.0);
    for ((name, target), sum) in CHARTS.iter().zip(&targets).zip(before) {
        lab.draw(name, target, 1.0, true).expect("drawn");
        assert_ne!(pixels(target).1, sum, "{name} changed (training, dark theme)");
        assert!(!lab.takeaway(name).expect("a sentence").is_empty());
        let table = lab.table(name).expect("a table");
        assert!(table.lines().count() >= 3, "{name}: caption, headers, rows");
    }
    assert!(lab.status().starts_with("Step 200"));
    assert_eq!(lab.gradients().len(), 9);
    assert_eq!(lab.query("?x=1"), "?x=1&lab.preset=relu-learns");
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_or_a_note_never_a_panic() {
    for search in [
        "",
        "?",
        "?lab.layers=abc&lab.lr=-1&lab.act=%00&lab.vs.act=swish&lab.example=-3",
        "?lab.preset=&lab.preset=nope&lab.=&lab.vs.=&&&==",
        "?lab.seed=18446744073709551616&lab.noise=inf&lab.points=1e9&lab.width=0",
        "?lab.data=🌀&lab.init=\u{202e}he",
    ] {
        let mut lab = Lab::new(search);
        assert!(lab.run(3), "{search}");
        assert!(lab.settings().contains("layers="));
        let _ = lab.notes();
    }
    assert!(!Lab::new(&format!("?lab.layers={}", "9".repeat(10_000))).notes().is_empty());
    let mut lab = Lab::new("?lab.layers=abc");
    assert!(lab.notes().contains("layers"));
    let target = canvas(200, 120);
    assert!(lab.draw("no-such-chart", &target, 1.0, false).is_err());
    assert!(lab.takeaway("nope").is_err() && lab.table("").is_err());
    let hidden = canvas(0, 0);
    assert!(lab.draw("gradients", &hidden, 1.0, false).is_err(), "a zero-size canvas is an error");
    for scale in [f64::NAN, f64::INFINITY, -1.0, 0.0, 1e9] {
        assert!(lab.draw("loss", &target, scale, false).is_ok(), "scale {scale} is clamped");
    }
    lab.set_example(u32::MAX);
    assert!(lab.settings().contains("example=399"));
}

#[wasm_bindgen_test]
fn a_failure_stops_the_lab_and_says_where() {
    let mut lab = Lab::new("?lab.preset=relu-dies");
    let mut alive = true;
    for _ in 0..100 {
        alive = lab.run(50);
        if !alive {
            break;
        }
    }
    assert!(!alive, "the high learning rate kills the ReLU units");
    let failure = lab.failure();
    let parts: Vec<&str> = failure.splitn(3, '\t').collect();
    assert_eq!(parts.len(), 3, "{failure}");
    assert!(["dead-layer", "blocked-paths", "underflow"].contains(&parts[0]), "{failure}");
    assert!(parts[1].parse::<u32>().is_ok_and(|layer| layer >= 1), "{failure}");
    assert!(parts[2].contains("Stopped at step"), "{failure}");
    let steps = lab.steps();
    assert!(!lab.run(10));
    assert_eq!(lab.steps(), steps, "no step after a failure");
    let target = canvas(320, 200);
    lab.draw("gradients", &target, 1.0, false).expect("the last good step still draws");
}

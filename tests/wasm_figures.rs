//! The figure exports in a real browser (wasm-bindgen-test; the engine comes from the driver
//! variable scripts/test.sh sets).
#![cfg(target_arch = "wasm32")]

use vanishing_gradients::web::{draw_figure, figure_csv, figure_query, figure_settings, figure_table, figure_text};
use wasm_bindgen_test::*;

mod wasm_support;

use wasm_support::{canvas, pixels};

wasm_bindgen_test_configure!(run_in_browser);


#[wasm_bindgen_test]
fn every_figure_draws_and_changes_with_its_controls() {
    let cases: [(&str, [f64; 3], [f64; 3]); 4] = [
        ("sigmoid", [0.0, 0.0, 0.0], [5.0, 0.0, 0.0]),
        ("relu", [1.0, 1.0, 0.0], [-2.0, 0.0, 0.0]),
        ("depth", [0.2, 5.0, 6.0], [0.5, 30.0, 6.0]),
        ("ball", [1.0, 0.0, 0.0], [1.0, 8.0, 0.0]),
    ];
    for (kind, before, after) in cases {
        let target = canvas(640, 480);
        draw_figure(&target, kind, before[0], before[1], before[2], 1.0, false).expect("drawn");
        let (drawn, first) = pixels(&target);
        assert!(drawn > 5_000, "{kind}: non-background pixels {drawn}");
        draw_figure(&target, kind, after[0], after[1], after[2], 2.0, true).expect("drawn");
        assert_ne!(pixels(&target).1, first, "{kind}: redrawn differently");
    }
}

#[wasm_bindgen_test]
fn bad_input_is_an_error_or_a_default_never_a_panic() {
    let target = canvas(320, 180);
    for kind in ["sigmoid", "relu", "depth", "ball"] {
        for x in [f64::NAN, f64::INFINITY, -1e308] {
            assert!(draw_figure(&target, kind, x, x, x, x, true).is_ok(), "{kind} {x}");
            assert!(figure_text(kind, x, x, x).is_ok());
        }
    }
    assert!(draw_figure(&target, "pie", 0.0, 0.0, 0.0, 1.0, false).is_err());
    assert!(draw_figure(&canvas(0, 0), "relu", 1.0, 1.0, 0.0, 1.0, false).is_err(), "zero-size canvas");
}

#[wasm_bindgen_test]
fn texts_and_tables_give_the_lessons_numbers() {
    let sigmoid = figure_text("sigmoid", 5.0, 0.0, 0.0).expect("text");
    assert!(sigmoid.contains("2.7 %") && sigmoid.contains("0.0066"), "{sigmoid}");
    let depth = figure_text("depth", 0.2, 5.0, 6.0).expect("text");
    assert!(depth.contains("0.2⁵ = 0.00032") && depth.contains("Δw = 0.1 × 0.00032 = 0.000032"), "{depth}");
    assert!(depth.contains("from 9 layers") && depth.contains("from 55 layers"), "{depth}");
    let table = figure_table("depth", 0.2, 5.0, 6.0).expect("table");
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines[1], "4", "the fifth row is marked");
    assert_eq!(lines.len(), 3 + 50);
    assert!(lines[3 + 4].starts_with("5\t0.00032\t0.000032"), "{}", lines[7]);
    let csv = figure_csv("relu", -2.0, 0.0, 0.0).expect("csv");
    assert!(csv.starts_with("z,ReLU(z),ReLU′(z),marked\r\n"), "{csv}");
}

#[wasm_bindgen_test]
fn url_state_round_trips_and_keeps_other_keys() {
    let search = figure_query("?view=scroll", "depth", 0.37, 12.0, 3.0).expect("query");
    assert_eq!(search, "?view=scroll&depth.factor=0.37&depth.layers=12&depth.lr=0.01");
    assert_eq!(figure_settings(&search, "depth").expect("settings"), vec![0.37, 12.0, 3.0]);
    assert_eq!(figure_settings("?sigmoid.z=%3Cscript%3E", "sigmoid").expect("settings"), vec![0.0]);
    assert!(figure_settings("", "pie").is_err());
}

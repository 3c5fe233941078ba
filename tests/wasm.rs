//! The wasm exports in a real browser (wasm-bindgen-test; the engine comes from the driver
//! variable scripts/test.sh sets: CHROMEDRIVER, GECKODRIVER or SAFARIDRIVER).
#![cfg(target_arch = "wasm32")]

use vanishing_gradients::web::{draw_sigmoid, SigmoidReadout};
use wasm_bindgen_test::*;

mod wasm_support;

use wasm_support::{canvas, pixels};

wasm_bindgen_test_configure!(run_in_browser);


#[wasm_bindgen_test]
fn draws_the_sigmoid_on_a_canvas_and_redraws_for_a_new_z() {
    let target = canvas(640, 360);
    draw_sigmoid(&target, 0.0, 1.0, false).expect("drawn");
    let (drawn, at_zero) = pixels(&target);
    assert!(drawn > 5_000, "non-background pixels: {drawn}");
    draw_sigmoid(&target, 5.0, 1.0, false).expect("drawn");
    assert_ne!(pixels(&target).1, at_zero, "the marker moved");
}

#[wasm_bindgen_test]
fn extreme_inputs_do_not_panic_across_the_boundary() {
    let target = canvas(320, 180);
    for z in [f64::NAN, f64::INFINITY, -1e308, 1e308] {
        assert!(draw_sigmoid(&target, z, 1.0, true).is_ok());
        assert!(draw_sigmoid(&target, 0.0, z, true).is_ok(), "a strange scale is clamped");
    }
    let hidden = canvas(0, 0);
    assert!(draw_sigmoid(&hidden, 1.0, 1.0, false).is_err(), "a zero-size canvas is an error, not a panic");
}

#[wasm_bindgen_test]
fn readout_gives_the_lessons_numbers() {
    let reading = SigmoidReadout::new(5.0);
    assert!((reading.value() - 0.9933).abs() < 5e-5);
    assert!((reading.slope() - 0.0066).abs() < 5e-5);
    assert!((reading.percent_of_max() - 2.66).abs() < 5e-3);
    assert!(reading.text().contains("2.7 %"));
    assert!(SigmoidReadout::new(f64::NAN).text().contains("not a number"));
}

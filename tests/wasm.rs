//! The wasm exports in a real browser (wasm-bindgen-test; the engine comes from the driver
//! variable scripts/test.sh sets: CHROMEDRIVER, GECKODRIVER or SAFARIDRIVER).
#![cfg(target_arch = "wasm32")]

use vanishing_gradients::web::{draw_sigmoid, SigmoidReadout};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let canvas: HtmlCanvasElement = document.create_element("canvas").expect("canvas").unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().expect("body").append_child(&canvas).expect("attached");
    canvas
}

/// (pixels differing from the top-left pixel, a checksum of all pixels)
fn pixels(canvas: &HtmlCanvasElement) -> (usize, u64) {
    let context: CanvasRenderingContext2d =
        canvas.get_context("2d").ok().flatten().expect("2d context").unchecked_into();
    let data = context
        .get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height()))
        .expect("image data")
        .data();
    let background = [data[0], data[1], data[2]];
    let drawn = data.chunks(4).filter(|p| p[..3] != background).count();
    let sum = data.iter().fold(0u64, |acc, &b| acc.wrapping_mul(31).wrapping_add(u64::from(b)));
    (drawn, sum)
}

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

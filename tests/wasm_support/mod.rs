//! Shared by the wasm-bindgen tests: a canvas attached to the test page, and its pixels.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A `width` × `height` canvas appended to the test page's body.
pub fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let canvas: HtmlCanvasElement = document.create_element("canvas").expect("canvas").unchecked_into();
    canvas.set_width(width);
    canvas.set_height(height);
    document.body().expect("body").append_child(&canvas).expect("attached");
    canvas
}

/// (pixels differing from the top-left pixel, a checksum of all pixels)
pub fn pixels(canvas: &HtmlCanvasElement) -> (usize, u64) {
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

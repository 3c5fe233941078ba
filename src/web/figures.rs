//! Figure exports: draw a figure on a canvas, or return the numbers and sentences beside it.

use super::{backend, style};
use crate::describe::SigmoidReading;
use crate::render;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Draws the sigmoid explorer on `canvas` (at its backing-store size) with a marker at `z`.
/// `scale` is backing pixels per CSS pixel; `dark` picks the dark palette.
#[wasm_bindgen(js_name = drawSigmoid)]
pub fn draw_sigmoid(canvas: &HtmlCanvasElement, z: f64, scale: f64, dark: bool) -> Result<(), JsError> {
    let area = backend(canvas)?.into_drawing_area();
    render::draw_sigmoid_figure(&area, z, &style(scale, dark))
        .map_err(|error| JsError::new(&format!("drawing the sigmoid failed: {error}")))
}

/// The sigmoid explorer's numbers and sentences at one z.
#[wasm_bindgen]
pub struct SigmoidReadout(SigmoidReading);

#[wasm_bindgen]
impl SigmoidReadout {
    /// The reading at `z`.
    #[wasm_bindgen(constructor)]
    pub fn new(z: f64) -> SigmoidReadout {
        SigmoidReadout(SigmoidReading::at(z))
    }
    /// σ(z).
    #[wasm_bindgen(getter)]
    pub fn value(&self) -> f64 {
        self.0.value
    }
    /// σ′(z).
    #[wasm_bindgen(getter)]
    pub fn slope(&self) -> f64 {
        self.0.slope
    }
    /// σ′(z) as a percent of 0.25.
    #[wasm_bindgen(getter, js_name = percentOfMax)]
    pub fn percent_of_max(&self) -> f64 {
        self.0.percent_of_max
    }
    /// One line of read-out text.
    #[wasm_bindgen(getter)]
    pub fn text(&self) -> String {
        self.0.readout()
    }
    /// A takeaway sentence for the figure's text alternative.
    #[wasm_bindgen(getter)]
    pub fn takeaway(&self) -> String {
        self.0.takeaway()
    }
}

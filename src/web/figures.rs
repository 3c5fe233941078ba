//! Figure exports: draw a figure on a canvas, or return the sentences, data table, CSV and URL
//! state beside it. A figure is named by its kind (`sigmoid`, `relu`, `depth`, `ball`) and the
//! values of its controls; Rust snaps them to the figure's settings first, so what is drawn,
//! read out, tabulated and shared is always the same state. (Few exports keep the wasm small.)

use super::{backend, style};
use crate::describe::{self, SigmoidReading};
use crate::figures::FigureState;
use crate::render;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn state(kind: &str, numbers: &[f64]) -> Result<FigureState, JsError> {
    FigureState::from_numbers(kind, numbers).ok_or_else(|| JsError::new("no such figure"))
}

#[inline(never)]
fn draw(canvas: &HtmlCanvasElement, state: &FigureState, scale: f64, dark: bool) -> Result<(), JsError> {
    let area = backend(canvas)?.into_drawing_area();
    render::draw_figure(&area, state, &style(scale, dark)).map_err(|error| JsError::new(&format!("drawing the figure failed: {error}")))
}

/// Draws figure `kind` with control values `a`, `b`, `c` on `canvas` (at its backing-store
/// size). `scale` is backing pixels per CSS pixel; `dark` picks the dark palette.
/// Control values: sigmoid `z`; relu `z`, `compare` (0 or 1); depth `factor`, `layers`,
/// learning-rate index (0–9 of 0.001 … 1); ball `push`, pushes so far.
#[wasm_bindgen(js_name = drawFigure)]
#[allow(clippy::too_many_arguments)]
pub fn draw_figure(canvas: &HtmlCanvasElement, kind: &str, a: f64, b: f64, c: f64, scale: f64, dark: bool) -> Result<(), JsError> {
    draw(canvas, &state(kind, &[a, b, c])?, scale, dark)
}

/// The figure's sentences, one per line: read-out, takeaway, then kind-specific lines (see
/// `describe::texts`), for control values `a`, `b`, `c`.
#[wasm_bindgen(js_name = figureText)]
pub fn figure_text(kind: &str, a: f64, b: f64, c: f64) -> Result<String, JsError> {
    Ok(describe::texts(&state(kind, &[a, b, c])?).join("\n"))
}

/// The figure's data table for the page: caption, marked row index (or empty), then headers
/// and rows as tab-separated lines.
#[wasm_bindgen(js_name = figureTable)]
pub fn figure_table(kind: &str, a: f64, b: f64, c: f64) -> Result<String, JsError> {
    Ok(describe::table(&state(kind, &[a, b, c])?).page_text())
}

/// The figure's data table as CSV, full precision.
#[wasm_bindgen(js_name = figureCsv)]
pub fn figure_csv(kind: &str, a: f64, b: f64, c: f64) -> Result<String, JsError> {
    Ok(describe::table(&state(kind, &[a, b, c])?).csv())
}

/// The control values of figure `kind` stored in a URL query (`location.search`); defaults for
/// anything missing, malformed or over-long.
#[wasm_bindgen(js_name = figureSettings)]
pub fn figure_settings(search: &str, kind: &str) -> Result<Vec<f64>, JsError> {
    FigureState::from_query(kind, search).map(|state| state.numbers()).ok_or_else(|| JsError::new("no such figure"))
}

/// `search` with figure `kind`'s keys rewritten for control values `a`, `b`, `c` (defaults are
/// left out; other scripts' keys are kept as they were).
#[wasm_bindgen(js_name = figureQuery)]
pub fn figure_query(search: &str, kind: &str, a: f64, b: f64, c: f64) -> Result<String, JsError> {
    Ok(state(kind, &[a, b, c])?.write_query(search))
}

/// Draws the sigmoid explorer on `canvas` with a marker at `z` (same as `drawFigure("sigmoid", z)`).
#[wasm_bindgen(js_name = drawSigmoid)]
pub fn draw_sigmoid(canvas: &HtmlCanvasElement, z: f64, scale: f64, dark: bool) -> Result<(), JsError> {
    draw(canvas, &FigureState::Sigmoid(crate::figures::SigmoidSettings { z }), scale, dark)
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

//! The browser boundary: thin wasm-bindgen exports that read input, call the layers, draw or return.
//!
//! The only module that names wasm-bindgen, web-sys, js-sys or plotters-canvas. Errors cross as
//! `JsError`; nothing a page passes in can make it panic.

mod diagnostics;
mod figures;
mod lab;
mod practice;

pub use figures::*;
pub use lab::*;
pub use practice::*;

use crate::render::{FigureStyle, Palette};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Runs once when the module is instantiated: panics are reported to the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The figure style for a backing-store `scale` and a theme.
fn style(scale: f64, dark: bool) -> FigureStyle {
    let palette = if dark { Palette::DARK } else { Palette::LIGHT };
    FigureStyle { palette, scale }
}

/// A plotters backend on `canvas`, or an error saying why there is none.
fn backend(canvas: &HtmlCanvasElement) -> Result<CanvasBackend, JsError> {
    if canvas.width() == 0 || canvas.height() == 0 {
        return Err(JsError::new("the canvas has no size yet (is it hidden?)"));
    }
    CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("this canvas gives no 2D drawing context"))
}

//! The gradient lab's exports: a `Lab` object per lab on the page, wrapping the two runs of a
//! [`LabSession`]. Each method reads its input, calls `render::lab` and draws or returns text.
//! Charts are named as in [`LabChart::name`]: `gradients`, `history`, `loss`, `decision`,
//! `health`, `ledger`.

use super::{backend, style};
use crate::render::lab::session::append;
use crate::render::lab::{self as view, LabChart, LabSession};
use crate::lab::presets::PRESETS;
use plotters::prelude::IntoDrawingArea;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Most steps one `run` call takes (the page asks for a frame's worth at a time).
const MAX_STEPS_PER_CALL: u32 = 100_000;

fn chart(name: &str) -> Result<LabChart, JsError> {
    LabChart::from_name(name).ok_or_else(|| JsError::new("no such lab chart"))
}

/// One gradient lab: a main run and a comparison run, stepped on demand.
#[wasm_bindgen]
pub struct Lab {
    session: LabSession,
}

#[wasm_bindgen]
impl Lab {
    /// The lab the `lab.` keys of a URL query describe (`location.search`; other keys are
    /// ignored, bad values fall back with a note — see `notes`).
    #[wasm_bindgen(constructor)]
    pub fn new(search: &str) -> Lab {
        Lab { session: LabSession::from_search(search) }
    }

    /// Up to `steps` training steps of both runs; false once the main run has stopped on a failure.
    pub fn run(&mut self, steps: u32) -> bool {
        self.session.run(steps.min(MAX_STEPS_PER_CALL) as usize)
    }

    /// Steps the main run has completed.
    pub fn steps(&self) -> f64 {
        self.session.steps() as f64
    }

    /// Draws chart `name` on `canvas` (at its backing-store size); `scale` is backing pixels per
    /// CSS pixel, `dark` picks the dark palette.
    pub fn draw(&mut self, name: &str, canvas: &HtmlCanvasElement, scale: f64, dark: bool) -> Result<(), JsError> {
        let which = chart(name)?;
        let area = backend(canvas)?.into_drawing_area();
        view::draw_lab_chart(&area, &mut self.session, which, &style(scale, dark))
            .map_err(|error| JsError::new(&format!("drawing the {name} chart failed: {error}")))
    }

    /// The takeaway sentence under chart `name`.
    pub fn takeaway(&mut self, name: &str) -> Result<String, JsError> {
        Ok(view::takeaway(&mut self.session, chart(name)?))
    }

    /// Chart `name`'s data table: the caption, then headers and rows as tab-separated lines.
    pub fn table(&mut self, name: &str) -> Result<String, JsError> {
        Ok(view::table(&mut self.session, chart(name)?).page_text())
    }

    /// The step counter and current losses in one line.
    pub fn status(&self) -> String {
        view::status(&self.session)
    }

    /// Why the main run stopped, as `code`, tab, `layer`, tab, `message` — the code one of `nan`,
    /// `infinite`, `underflow`, `dead-layer`, `blocked-paths`, `certain-output`; the layer
    /// 1-based, or 0 for none; the message says where (step, layer, quantity) and why — or ""
    /// while it trains.
    pub fn failure(&self) -> String {
        self.session.main().trainer.failure().map_or(String::new(), |f| {
            format!("{}\t{}\t{}", f.code(), f.layer().unwrap_or(0), f.message())
        })
    }

    /// Why the comparison run stopped, or "" (it stops on its own; the main run goes on).
    #[wasm_bindgen(js_name = comparisonFailure)]
    pub fn comparison_failure(&self) -> String {
        let failure = self.session.comparison().and_then(|b| b.trainer.failure().map(|f| (b, f)));
        failure.map_or(String::new(), |(b, f)| format!("The comparison run ({}) stopped. {}", b.name, f.message()))
    }

    /// What in the URL was ignored or replaced, one sentence per line ("" when nothing was).
    pub fn notes(&self) -> String {
        let mut text = String::new();
        for note in self.session.notes() {
            append(&mut text, note, '\n');
        }
        text
    }

    /// Every setting as `preset=…&data=…&…&vs.act=…&vs.init=…&vs.lr=…&example=…`, for the controls.
    pub fn settings(&self) -> String {
        self.session.settings()
    }

    /// `search` (a URL query) with the lab's keys rewritten for this lab, other keys kept.
    pub fn query(&self, search: &str) -> String {
        self.session.search(search)
    }

    /// The main run's mean |∂L/∂W| per layer now, layer 1 first, the output layer last.
    pub fn gradients(&self) -> Vec<f64> {
        self.session.main().gradients()
    }

    /// Follow dataset point `index` in the chain-rule ledger (clamped to the dataset).
    #[wasm_bindgen(js_name = setExample)]
    pub fn set_example(&mut self, index: u32) {
        self.session.set_example(index as usize);
    }

    /// The id of the preset whose settings these are exactly (comparison aside), or "".
    pub fn preset(&self) -> String {
        self.session.preset().map_or(String::new(), |p| p.id.to_string())
    }

    /// The presets, one per line: `id`, tab, menu title, tab, story.
    pub fn presets() -> String {
        let mut text = String::new();
        for p in PRESETS.iter() {
            append(&mut text, &format!("{}\t{}\t{}", p.id, p.title, p.story), '\n');
        }
        text
    }
}

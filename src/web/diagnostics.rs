//! Exists only for the failure test (`tests/e2e_robust.rs`): one export that panics on purpose,
//! so the test can prove a real wasm trap inside the page is shown to the learner as a plain
//! message while the slides, formulas and static figures stay usable. Nothing in the lesson
//! calls it.

use wasm_bindgen::prelude::*;

/// Panics (a `RuntimeError: unreachable` in the page). Only the failure test calls this.
#[wasm_bindgen(js_name = diagnosticsPanic)]
pub fn diagnostics_panic() {
    panic!("forced by the failure test (diagnosticsPanic)");
}

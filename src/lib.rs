//! Vanishing Gradients: the mathematics, answer checking and drawing behind an interactive lesson.
//!
//! Layers, each depending only on those listed before it:
//! [`math`] ← [`problems`] ← [`check`], and [`math`] ← [`describe`], [`render`];
//! `web` (wasm32 only) is the one module that talks to the browser.

pub mod check;
pub mod describe;
pub mod figures;
pub mod lab;
pub mod math;
pub mod problems;
pub mod render;

#[cfg(target_arch = "wasm32")]
pub mod web;

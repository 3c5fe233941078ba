//! The sigmoid figure drawn natively to SVG: the same render function the canvas uses.

mod render_support;

use render_support::{circles, hex, polylines, rects, svg_of, texts};
use vanishing_gradients::render::{draw_sigmoid_figure, FigureStyle, Palette};

fn svg_of_sigmoid(z: f64, style: FigureStyle) -> String {
    svg_of((800, 450), |area| draw_sigmoid_figure(area, z, &style).expect("drawing to a string cannot fail"))
}

#[test]
fn draws_both_curves_labels_and_the_markers() {
    let svg = svg_of_sigmoid(0.0, FigureStyle::default());
    let value_lines = polylines(&svg, Palette::LIGHT.primary);
    assert!(value_lines.iter().any(|points| points.len() > 300), "σ drawn as one long solid line");
    let slope_segments = polylines(&svg, Palette::LIGHT.secondary);
    assert!(slope_segments.len() > 20, "σ′ drawn dashed: many short segments, got {}", slope_segments.len());
    let labels = texts(&svg);
    for text in ["σ(z)", "σ′(z)", "max σ′ = 0.25", "saturated", "z", "value"] {
        assert!(labels.contains(&text), "missing {text} in {labels:?}");
    }
    assert_eq!(circles(&svg, Some(Palette::LIGHT.primary)).len(), 1, "a disc on σ");
    assert_eq!(rects(&svg, Palette::LIGHT.secondary).len(), 1, "a square on σ′");
}

#[test]
fn the_saturation_zones_are_shaded_and_the_axis_spans_minus_ten_to_ten() {
    let svg = svg_of_sigmoid(0.0, FigureStyle::default());
    assert_eq!(rects(&svg, Palette::LIGHT.shade).len(), 2, "|z| ≥ 3 on both sides");
    let labels = texts(&svg);
    assert!(labels.contains(&"−10") && labels.contains(&"10"), "{labels:?}");
}

#[test]
fn the_marker_follows_z() {
    let at = |z| circles(&svg_of_sigmoid(z, FigureStyle::default()), Some(Palette::LIGHT.primary))[0];
    let square = |z| rects(&svg_of_sigmoid(z, FigureStyle::default()), Palette::LIGHT.secondary)[0];
    assert!(at(5.0).0 > at(0.0).0 + 100.0, "moved right");
    assert!(at(5.0).1 < at(0.0).1, "σ(5) sits higher than σ(0)");
    assert!(square(5.0).1 > square(0.0).1, "σ′(5) sits lower than σ′(0)");
}

#[test]
fn extreme_and_nan_z_draw_without_panicking() {
    for z in [1e308, -1e308, f64::INFINITY, f64::NEG_INFINITY, 1000.0] {
        assert_eq!(circles(&svg_of_sigmoid(z, FigureStyle::default()), Some(Palette::LIGHT.primary)).len(), 1, "z = {z}");
    }
    let nan = svg_of_sigmoid(f64::NAN, FigureStyle::default());
    assert!(circles(&nan, Some(Palette::LIGHT.primary)).is_empty(), "no marker for NaN");
    assert!(nan.contains("σ(z)"), "the curves still draw");
}

#[test]
fn the_dark_palette_is_used_when_asked() {
    let style = FigureStyle { palette: Palette::DARK, scale: 2.0 };
    let svg = svg_of_sigmoid(1.0, style);
    assert!(svg.contains(&hex(Palette::DARK.background)));
    assert!(!polylines(&svg, Palette::DARK.primary).is_empty());
}

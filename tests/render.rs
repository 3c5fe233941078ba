//! The figures drawn natively to SVG: the same render functions the canvas uses.

use plotters::prelude::*;
use vanishing_gradients::render::{draw_sigmoid_figure, FigureStyle, Palette};

fn svg_of_sigmoid(z: f64, style: FigureStyle) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (800, 450)).into_drawing_area();
        draw_sigmoid_figure(&area, z, &style).expect("drawing to a string cannot fail");
    }
    svg
}

fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

/// (cx, cy) of every `<circle>` in the SVG.
fn circles(svg: &str) -> Vec<(f64, f64)> {
    let attribute = |element: &str, name: &str| -> f64 {
        let start = element.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        let end = start + element[start..].find('"').expect("closing quote");
        element[start..end].parse().expect("a number")
    };
    svg.split("<circle").skip(1).map(|element| (attribute(element, "cx"), attribute(element, "cy"))).collect()
}

/// The trimmed content of every `<text>` element.
fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|element| element.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")))
        .map(|(content, _)| content.trim())
        .collect()
}

fn polylines_in(svg: &str, colour: &str) -> Vec<usize> {
    svg.split("<polyline")
        .skip(1)
        .filter(|element| element.split('>').next().unwrap_or("").contains(colour))
        .map(|element| element.split("points=\"").nth(1).map_or(0, |p| p.split('"').next().unwrap_or("").split_whitespace().count()))
        .collect()
}

#[test]
fn draws_both_curves_labels_and_the_marker() {
    let svg = svg_of_sigmoid(0.0, FigureStyle::default());
    let value_lines = polylines_in(&svg, &hex(Palette::LIGHT.primary));
    assert!(value_lines.iter().any(|&points| points > 300), "σ drawn as one long solid line");
    let slope_segments = polylines_in(&svg, &hex(Palette::LIGHT.secondary));
    assert!(slope_segments.len() > 20, "σ′ drawn dashed: many short segments, got {}", slope_segments.len());
    let labels = texts(&svg);
    for text in ["σ(z)", "σ′(z)", "max σ′ = 0.25", "saturated", "z", "value"] {
        assert!(labels.contains(&text), "missing {text} in {labels:?}");
    }
    assert_eq!(circles(&svg).len(), 4, "two filled markers, each with an outline");
}

#[test]
fn the_marker_follows_z() {
    let at_zero = circles(&svg_of_sigmoid(0.0, FigureStyle::default()));
    let at_five = circles(&svg_of_sigmoid(5.0, FigureStyle::default()));
    assert!(at_five[0].0 > at_zero[0].0 + 100.0, "moved right");
    assert!(at_five[0].1 < at_zero[0].1, "σ(5) sits higher than σ(0)");
    assert!(at_five[2].1 > at_zero[2].1, "σ′(5) sits lower than σ′(0)");
}

#[test]
fn extreme_and_nan_z_draw_without_panicking() {
    for z in [1e308, -1e308, f64::INFINITY, f64::NEG_INFINITY, 1000.0] {
        assert_eq!(circles(&svg_of_sigmoid(z, FigureStyle::default())).len(), 4, "z = {z}");
    }
    let nan = svg_of_sigmoid(f64::NAN, FigureStyle::default());
    assert!(circles(&nan).is_empty(), "no marker for NaN");
    assert!(nan.contains("σ(z)"), "the curves still draw");
}

#[test]
fn the_dark_palette_is_used_when_asked() {
    let style = FigureStyle { palette: Palette::DARK, scale: 2.0 };
    let svg = svg_of_sigmoid(1.0, style);
    assert!(svg.contains(&hex(Palette::DARK.background)));
    assert!(!polylines_in(&svg, &hex(Palette::DARK.primary)).is_empty());
}

//! Reading the SVG that plotters writes: circles, texts, polylines and rectangles by colour.
#![allow(dead_code)]

use plotters::prelude::*;

/// `#RRGGBB` as plotters writes it.
pub fn hex(colour: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.0, colour.1, colour.2)
}

fn attribute(element: &str, name: &str) -> Option<f64> {
    let start = element.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = start + element[start..].find('"')?;
    element[start..end].parse().ok()
}

fn opening(element: &str) -> &str {
    element.split('>').next().unwrap_or("")
}

/// (cx, cy) of every `<circle>`, optionally only those filled with `fill`.
pub fn circles(svg: &str, fill: Option<RGBColor>) -> Vec<(f64, f64)> {
    svg.split("<circle")
        .skip(1)
        .filter(|e| fill.is_none_or(|c| opening(e).contains(&format!("fill=\"{}\"", hex(c)))))
        .filter_map(|e| Some((attribute(e, "cx")?, attribute(e, "cy")?)))
        .collect()
}

/// The trimmed content of every `<text>` element.
pub fn texts(svg: &str) -> Vec<&str> {
    svg.split("<text")
        .skip(1)
        .filter_map(|element| element.split_once('>').and_then(|(_, rest)| rest.split_once("</text>")))
        .map(|(content, _)| content.trim())
        .collect()
}

/// The points of every `<polyline>` stroked in `colour`.
pub fn polylines(svg: &str, colour: RGBColor) -> Vec<Vec<(f64, f64)>> {
    let wanted = hex(colour);
    svg.split("<polyline")
        .skip(1)
        .filter(|e| opening(e).contains(&wanted))
        .map(|e| {
            let points = e.split("points=\"").nth(1).and_then(|p| p.split('"').next()).unwrap_or("");
            points
                .split_whitespace()
                .filter_map(|pair| pair.split_once(',').and_then(|(x, y)| Some((x.parse().ok()?, y.parse().ok()?))))
                .collect()
        })
        .collect()
}

/// (x, y, width, height) of every `<rect>` filled with `colour`.
pub fn rects(svg: &str, colour: RGBColor) -> Vec<(f64, f64, f64, f64)> {
    let wanted = format!("fill=\"{}\"", hex(colour));
    svg.split("<rect")
        .skip(1)
        .filter(|e| opening(e).contains(&wanted))
        .filter_map(|e| Some((attribute(e, "x")?, attribute(e, "y")?, attribute(e, "width")?, attribute(e, "height")?)))
        .collect()
}

/// Draws with `draw` on an SVG of `size` and returns the SVG text.
pub fn svg_of(size: (u32, u32), draw: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        draw(&area);
    }
    svg
}

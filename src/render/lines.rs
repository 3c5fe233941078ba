//! Line kinds, marker shapes and direct labels that tell series apart without colour.

use super::FigureStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A chart with f64 on both axes, as every figure here uses.
pub(crate) type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;
/// What drawing on a backend can fail with.
pub(crate) type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How a series' line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Line {
    /// Unbroken.
    Solid,
    /// Long dashes.
    Dashed,
    /// Short dots.
    Dotted,
}

/// The shape of a point marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Marker {
    /// A disc.
    Circle,
    /// A square.
    Square,
    /// A triangle pointing up.
    Triangle,
}

/// Draws `points` as one series in `kind` and `colour` at `width` layout pixels.
pub(crate) fn draw_line<DB: DrawingBackend>(
    chart: &Chart<DB>,
    points: &[(f64, f64)],
    kind: Line,
    colour: RGBColor,
    width: f64,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let stroke = colour.stroke_width(style.px(width));
    let area = chart.plotting_area();
    let points = points.iter().copied();
    match kind {
        Line::Solid => area.draw(&PathElement::new(points.collect::<Vec<_>>(), stroke)),
        Line::Dashed => area.draw(&DashedPathElement::new(points, style.px(8.0), style.px(5.0), stroke)),
        Line::Dotted => area.draw(&DashedPathElement::new(points, style.px(width), style.px(width + 3.0), stroke)),
    }
}

/// Draws a marker of `shape` filled with `fill` and outlined in the foreground colour at `at`.
pub(crate) fn draw_marker<DB: DrawingBackend>(
    chart: &Chart<DB>,
    at: (f64, f64),
    shape: Marker,
    fill: RGBColor,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let area = chart.plotting_area();
    let r = style.px(6.0) as i32;
    let outline = style.palette.foreground.stroke_width(style.px(2.0));
    match shape {
        Marker::Circle => {
            area.draw(&Circle::new(at, r, fill.filled()))?;
            area.draw(&Circle::new(at, r, outline))
        }
        Marker::Square => {
            let corners = [(-r, -r), (r, r)];
            area.draw(&(EmptyElement::at(at) + Rectangle::new(corners, fill.filled()) + Rectangle::new(corners, outline)))
        }
        Marker::Triangle => {
            let (h, w) = (r + r / 3, r + r / 6);
            let points = vec![(0, -h), (w, h * 2 / 3), (-w, h * 2 / 3)];
            let mut closed = points.clone();
            closed.push((0, -h));
            area.draw(&(EmptyElement::at(at) + Polygon::new(points, fill.filled()) + PathElement::new(closed, outline)))
        }
    }
}

/// Draws `text` in `size` layout pixels and `colour` with its top-left corner at a data
/// coordinate.
pub(crate) fn draw_text<DB: DrawingBackend>(
    chart: &Chart<DB>,
    text: &str,
    at: (f64, f64),
    size: f64,
    colour: RGBColor,
    style: &FigureStyle,
) -> DrawResult<DB> {
    chart.plotting_area().draw(&Text::new(text, at, style.text_in(size, colour)))
}

/// Like [`draw_text`] but with the text's bottom-right corner at `at`.
pub(crate) fn draw_text_ending_at<DB: DrawingBackend>(
    chart: &Chart<DB>,
    text: &str,
    at: (f64, f64),
    size: f64,
    colour: RGBColor,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let anchored = style.text_in(size, colour).pos(Pos::new(HPos::Right, VPos::Bottom));
    chart.plotting_area().draw(&Text::new(text, at, anchored))
}

/// An axis tick label: at most two decimals, no trailing zeros, a true minus sign (`−2`, `0.5`).
pub(crate) fn tick(x: &f64) -> String {
    let rounded = (x * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}").replace('-', "−")
}

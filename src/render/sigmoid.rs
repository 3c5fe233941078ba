//! The sigmoid explorer: σ and σ′ against z, the saturation zones, the 0.25 ceiling and a marker.

use super::lines::{draw_line, draw_marker, draw_text, tick, DrawResult};
use super::{FigureStyle, Line, Marker};
use crate::figures::sigmoid::{curve, Z_RANGE};
use crate::math::{sigmoid, sigmoid_derivative, SATURATION_THRESHOLD, SIGMOID_MAX_SLOPE};
use plotters::coord::Shift;
use plotters::prelude::*;

const Y_RANGE: (f64, f64) = (-0.05, 1.1);

/// Draws σ(z) (solid) and σ′(z) (dashed) over z ∈ [−10, 10], the saturation zones |z| ≥ 3
/// shaded, the 0.25 ceiling of σ′ dotted, and markers at `z`: a circle on σ, a square on σ′.
///
/// `z` outside the range is shown at the nearest edge; a NaN `z` draws no marker.
pub fn draw_sigmoid_figure<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, z: f64, style: &FigureStyle) -> DrawResult<DB> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    let (z_min, z_max) = Z_RANGE;
    let chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(48.0))
        .build_cartesian_2d(z_min..z_max, Y_RANGE.0..Y_RANGE.1)?;

    let mut chart = chart;
    chart
        .configure_mesh()
        .x_desc("z")
        .y_desc("value")
        .axis_desc_style(style.text(15.0))
        .label_style(style.text(13.0))
        .axis_style(palette.foreground.stroke_width(style.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(style.px(1.0)))
        .light_line_style(palette.background)
        .x_labels(11)
        .y_labels(6)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .draw()?;

    let saturated = [(z_min, -SATURATION_THRESHOLD), (SATURATION_THRESHOLD, z_max)];
    chart.draw_series(saturated.iter().map(|&(from, to)| Rectangle::new([(from, Y_RANGE.0), (to, Y_RANGE.1)], palette.shade.filled())))?;
    for x in [-9.8, SATURATION_THRESHOLD + 0.2] {
        draw_text(&chart, "saturated", (x, 1.06), 12.0, palette.foreground, style)?;
    }

    draw_line(&chart, &[(z_min, SIGMOID_MAX_SLOPE), (z_max, SIGMOID_MAX_SLOPE)], Line::Dotted, palette.secondary, 1.5, style)?;
    draw_text(&chart, "max σ′ = 0.25", (0.4, SIGMOID_MAX_SLOPE + 0.06), 12.0, palette.secondary, style)?;

    let samples = curve();
    let values: Vec<_> = samples.iter().map(|&(z, value, _)| (z, value)).collect();
    draw_line(&chart, &values, Line::Solid, palette.primary, 3.0, style)?;
    draw_text(&chart, "σ(z)", (0.8, 0.62), 14.0, palette.primary, style)?;
    let slopes: Vec<_> = samples.iter().map(|&(z, _, slope)| (z, slope)).collect();
    draw_line(&chart, &slopes, Line::Dashed, palette.secondary, 3.0, style)?;
    draw_text(&chart, "σ′(z)", (2.0, 0.19), 14.0, palette.secondary, style)?;

    if !z.is_nan() {
        let shown = z.clamp(z_min, z_max);
        draw_marker(&chart, (shown, sigmoid(shown)), Marker::Circle, palette.primary, style)?;
        draw_marker(&chart, (shown, sigmoid_derivative(shown)), Marker::Square, palette.secondary, style)?;
    }

    area.present()
}

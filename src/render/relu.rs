//! The ReLU explorer: ReLU(z) beside its step-shaped slope, the dead region shaded, a marker at
//! the chosen z, and the sigmoid's curves for comparison.

use super::lines::{draw_line, draw_marker, draw_text, tick, Chart, DrawResult};
use super::{sample, FigureStyle, Line, Marker};
use crate::figures::relu::Z_RANGE;
use crate::figures::ReluSettings;
use crate::math::{relu, relu_derivative, sigmoid, sigmoid_derivative};
use plotters::coord::Shift;
use plotters::prelude::*;

const VALUE_RANGE: (f64, f64) = (-0.5, 5.5);
const SLOPE_RANGE: (f64, f64) = (-0.1, 1.25);
const SAMPLES: usize = 200;

/// Draws two panels — ReLU(z) (solid) on the left, ReLU′(z) (a solid step: 0 for z ≤ 0, 1 for
/// z > 0) on the right, or stacked when the area is tall — with z ≤ 0 shaded as the dead
/// region and markers at `settings.z`. With `settings.compare`, σ(z) (dotted) and σ′(z) (dashed)
/// are drawn too, so ReLU's constant slope of 1 stands beside the sigmoid's peak of 0.25.
pub fn draw_relu_figure<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, settings: &ReluSettings, style: &FigureStyle) -> DrawResult<DB> {
    area.fill(&style.palette.background)?;
    let (width, height) = area.dim_in_pixel();
    let (left, right) = if width * 10 >= height * 13 {
        area.split_horizontally(width / 2)
    } else {
        area.split_vertically(height / 2)
    };
    draw_value_panel(&left, settings, style)?;
    draw_slope_panel(&right, settings, style)?;
    area.present()
}

fn panel<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    y_range: (f64, f64),
    y_desc: &str,
    style: &FigureStyle,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let palette = style.palette;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(10.0))
        .x_label_area_size(style.px(36.0))
        .y_label_area_size(style.px(44.0))
        .build_cartesian_2d(Z_RANGE.0..Z_RANGE.1, y_range.0..y_range.1)?;
    chart
        .configure_mesh()
        .x_desc("z")
        .y_desc(y_desc)
        .axis_desc_style(style.text(14.0))
        .label_style(style.text(12.0))
        .axis_style(palette.foreground.stroke_width(style.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(style.px(1.0)))
        .light_line_style(palette.background)
        .x_labels(6)
        .y_labels(6)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .draw()?;
    let dead = Rectangle::new([(Z_RANGE.0, y_range.0), (0.0, y_range.1)], palette.shade.filled());
    chart.plotting_area().draw(&dead)?;
    Ok(chart)
}

fn marker_z(settings: &ReluSettings) -> Option<f64> {
    (!settings.z.is_nan()).then(|| settings.z.clamp(Z_RANGE.0, Z_RANGE.1))
}

fn draw_value_panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, settings: &ReluSettings, style: &FigureStyle) -> DrawResult<DB> {
    let palette = style.palette;
    let chart = panel(area, VALUE_RANGE, "value", style)?;
    draw_text(&chart, "dead: slope 0", (Z_RANGE.0 + 0.2, 0.9), 12.0, palette.foreground, style)?;
    if settings.compare {
        let sigma = sample(sigmoid, Z_RANGE.0, Z_RANGE.1, SAMPLES);
        draw_line(&chart, &sigma, Line::Dotted, palette.primary, 2.5, style)?;
        draw_text(&chart, "σ(z)", (2.3, 1.75), 13.0, palette.primary, style)?;
    }
    let (from, to) = Z_RANGE;
    draw_line(&chart, &[(from, 0.0), (0.0, 0.0), (to, relu(to))], Line::Solid, palette.tertiary, 3.0, style)?;
    draw_text(&chart, "ReLU(z)", (2.6, 2.4), 13.0, palette.tertiary, style)?;
    if let Some(z) = marker_z(settings) {
        if settings.compare {
            draw_marker(&chart, (z, sigmoid(z)), Marker::Square, palette.primary, style)?;
        }
        draw_marker(&chart, (z, relu(z)), Marker::Circle, palette.tertiary, style)?;
    }
    Ok(())
}

fn draw_slope_panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, settings: &ReluSettings, style: &FigureStyle) -> DrawResult<DB> {
    let palette = style.palette;
    let chart = panel(area, SLOPE_RANGE, "slope", style)?;
    draw_text(&chart, "dead: slope 0", (Z_RANGE.0 + 0.2, 0.45), 12.0, palette.foreground, style)?;
    draw_text(&chart, "ReLU′ = 1", (1.0, 1.2), 13.0, palette.tertiary, style)?;
    if settings.compare {
        let slope = sample(sigmoid_derivative, Z_RANGE.0, Z_RANGE.1, SAMPLES);
        draw_line(&chart, &slope, Line::Dashed, palette.secondary, 2.5, style)?;
        draw_text(&chart, "σ′ ≤ 0.25", (1.2, 0.36), 13.0, palette.secondary, style)?;
    }
    let (from, to) = Z_RANGE;
    draw_line(&chart, &[(from, 0.0), (0.0, 0.0)], Line::Solid, palette.tertiary, 3.0, style)?;
    draw_line(&chart, &[(0.0, 1.0), (to, 1.0)], Line::Solid, palette.tertiary, 3.0, style)?;
    // The jump at 0: ReLU′(0) = 0 (filled end), the upper branch starts just after (open end).
    let r = style.px(4.0) as i32;
    chart.plotting_area().draw(&Circle::new((0.0, 1.0), r, style.palette.background.filled()))?;
    chart.plotting_area().draw(&Circle::new((0.0, 1.0), r, palette.tertiary.stroke_width(style.px(2.0))))?;
    chart.plotting_area().draw(&Circle::new((0.0, 0.0), r, palette.tertiary.filled()))?;
    if let Some(z) = marker_z(settings) {
        if settings.compare {
            draw_marker(&chart, (z, sigmoid_derivative(z)), Marker::Square, palette.secondary, style)?;
        }
        draw_marker(&chart, (z, relu_derivative(z)), Marker::Circle, palette.tertiary, style)?;
    }
    Ok(())
}

//! The depth explorer: the gradient reaching the first layer against depth, on a log scale, for
//! the learner's factor, sigmoid's best case 0.25ⁿ and ReLU's 1ⁿ, with the weight update.

use super::lines::{draw_line, draw_marker, draw_text, draw_text_ending_at, tick, DrawResult};
use super::{FigureStyle, Line, Marker};
use crate::describe::{plain, superscript};
use crate::figures::DepthRow;
use crate::figures::depth::{DepthSettings, FLOAT32_SMALLEST_NORMAL, MAX_LAYERS, NEGLIGIBLE_GRADIENT};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The lowest power of ten drawn; lines that fall further stop at this floor.
pub const LOG_FLOOR: f64 = -50.0;
const LOG_CEILING: f64 = 3.0;

/// Draws log₁₀ of factorⁿ (solid), Δw = lr × factorⁿ (thin, triangles), 0.25ⁿ (dashed) and 1ⁿ
/// (dotted) for n = 1…50, the thresholds 10⁻⁶ and 2⁻¹²⁶ as labelled lines, and markers at the
/// chosen depth. The y axis is labelled in powers of ten.
pub fn draw_depth_figure<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, settings: &DepthSettings, style: &FigureStyle) -> DrawResult<DB> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    let layers = f64::from(MAX_LAYERS);
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(64.0))
        .build_cartesian_2d(0.0..layers + 1.0, LOG_FLOOR..LOG_CEILING)?;
    let power_of_ten = |exponent: &f64| format!("10{}", superscript(&format!("{}", exponent.round() as i64)));
    chart
        .configure_mesh()
        .x_desc("layers n")
        .y_desc("gradient at layer 1 (log scale)")
        .axis_desc_style(style.text(14.0))
        .label_style(style.text(13.0))
        .axis_style(palette.foreground.stroke_width(style.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(style.px(1.0)))
        .light_line_style(palette.background)
        .x_labels(11)
        .y_labels(6)
        .x_label_formatter(&tick)
        .y_label_formatter(&power_of_ten)
        .draw()?;

    for threshold in [NEGLIGIBLE_GRADIENT, FLOAT32_SMALLEST_NORMAL] {
        let y = threshold.log10();
        draw_line(&chart, &[(0.0, y), (layers + 1.0, y)], Line::Solid, palette.foreground, 1.0, style)?;
    }
    draw_text_ending_at(&chart, "10⁻⁶: effectively zero", (layers, NEGLIGIBLE_GRADIENT.log10() + 0.6), 12.0, palette.foreground, style)?;
    draw_text(&chart, "float32's smallest normal", (1.0, FLOAT32_SMALLEST_NORMAL.log10() - 0.8), 12.0, palette.foreground, style)?;

    let series = settings.series();
    let line = |value: fn(&DepthRow) -> f64| clipped_log_line(series.iter().map(|row| (f64::from(row.layers), value(row))));
    draw_line(&chart, &line(|row| row.relu), Line::Dotted, palette.tertiary, 3.0, style)?;
    draw_text(&chart, "1ⁿ ReLU", (12.0, -1.0), 13.0, palette.tertiary, style)?;
    draw_line(&chart, &line(|row| row.sigmoid_best), Line::Dashed, palette.secondary, 3.0, style)?;
    draw_text(&chart, "0.25ⁿ sigmoid at best", (22.0, -9.5), 13.0, palette.secondary, style)?;

    let chosen_line = line(|row| row.chosen);
    draw_line(&chart, &chosen_line, Line::Solid, palette.primary, 3.0, style)?;
    let updates = line(|row| row.weight_update);
    draw_line(&chart, &updates, Line::Solid, palette.quaternary, 1.5, style)?;
    for &point in updates.iter().filter(|(n, _)| n.fract() == 0.0 && (*n as u32).is_multiple_of(5)) {
        draw_marker(&chart, point, Marker::Triangle, palette.quaternary, style)?;
    }
    let factor = plain(settings.factor, 3);
    if let Some(&end) = chosen_line.last() {
        draw_text_ending_at(&chart, &format!("{factor}ⁿ"), (end.0, end.1 + 1.0), 13.0, palette.primary, style)?;
    }
    if let Some(&end) = updates.last() {
        draw_text(&chart, "Δw", (end.0.min(layers - 2.0), end.1 - 1.5), 13.0, palette.quaternary, style)?;
    }

    let chosen = settings.row(settings.layers);
    let n = f64::from(settings.layers);
    draw_line(&chart, &[(n, LOG_FLOOR), (n, LOG_CEILING)], Line::Dotted, palette.foreground, 1.0, style)?;
    for (value, shape, colour) in [
        (chosen.relu, Marker::Circle, palette.tertiary),
        (chosen.sigmoid_best, Marker::Square, palette.secondary),
        (chosen.chosen, Marker::Circle, palette.primary),
    ] {
        let y = value.log10();
        if y >= LOG_FLOOR {
            draw_marker(&chart, (n, y.min(LOG_CEILING)), shape, colour, style)?;
        }
    }
    area.present()
}

/// Points (n, log₁₀ value) while the value stays above [`LOG_FLOOR`]; the line ends where it
/// crosses the floor (interpolated in log space) instead of running off the chart.
pub(crate) fn clipped_log_line(points: impl Iterator<Item = (f64, f64)>) -> Vec<(f64, f64)> {
    let mut line: Vec<(f64, f64)> = Vec::new();
    for (n, value) in points {
        let y = if value > 0.0 { value.log10() } else { f64::NEG_INFINITY };
        if y.is_nan() {
            break;
        }
        if y < LOG_FLOOR {
            if let Some(&(n0, y0)) = line.last() {
                let t = if y.is_finite() { (y0 - LOG_FLOOR) / (y0 - y) } else { 0.0 };
                line.push((n0 + (n - n0) * t, LOG_FLOOR));
            }
            break;
        }
        line.push((n, y.min(LOG_CEILING)));
    }
    line
}

//! The rolling ball: four small panels, one per surface, each with its ball where the run has
//! pushed it, a trail from where it started, and the slope under it.

use super::lines::{tick, draw_line, draw_text, DrawResult};
use super::{sample, FigureStyle, Line};
use crate::describe::plain;
use crate::figures::{BallRun, Surface};
use plotters::coord::Shift;
use plotters::prelude::*;

const SAMPLES: usize = 160;

/// Draws the four surfaces of `run` (a 2 × 2 grid, or a column when the area is tall), each
/// with a hollow circle where its ball started, a dashed trail, and the ball now.
pub fn draw_ball_figure<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, run: &BallRun, style: &FigureStyle) -> DrawResult<DB> {
    area.fill(&style.palette.background)?;
    let (width, height) = area.dim_in_pixel();
    let grid = if width * 10 >= height * 8 { (2, 2) } else { (4, 1) };
    for ((panel, surface), z) in area.split_evenly(grid).iter().zip(Surface::ALL).zip(run.positions()) {
        draw_panel(panel, surface, z, style)?;
    }
    area.present()
}

fn heights(surface: Surface) -> (f64, f64) {
    match surface {
        Surface::SigmoidFar | Surface::SigmoidCentre => (-0.1, 1.7),
        Surface::ReluPositive => (-1.5, 28.0),
        Surface::ReluNegative => (-0.5, 3.4),
    }
}

fn draw_panel<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, surface: Surface, z: f64, style: &FigureStyle) -> DrawResult<DB> {
    let palette = style.palette;
    let (from, to) = surface.window();
    let (low, high) = heights(surface);
    let chart = ChartBuilder::on(area)
        .margin(style.px(8.0))
        .caption(surface.name(), style.text(14.0))
        .x_label_area_size(style.px(26.0))
        .y_label_area_size(style.px(34.0))
        .build_cartesian_2d(from..to, low..high)?;
    let mut chart = chart;
    chart
        .configure_mesh()
        .label_style(style.text(11.0))
        .axis_style(palette.foreground.stroke_width(style.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(style.px(1.0)))
        .light_line_style(palette.background)
        .x_labels(5)
        .y_labels(3)
        .x_label_formatter(&tick)
        .y_label_formatter(&tick)
        .draw()?;

    let colour = match surface {
        Surface::SigmoidFar | Surface::SigmoidCentre => palette.primary,
        Surface::ReluPositive | Surface::ReluNegative => palette.tertiary,
    };
    draw_line(&chart, &sample(|x| surface.height(x), from, to, SAMPLES), Line::Solid, colour, 3.0, style)?;

    let start = surface.start();
    let shown = if z.is_nan() { start } else { z.clamp(from, to) };
    if shown != start {
        let trail = sample(|x| surface.height(x), start, shown, 40);
        draw_line(&chart, &trail, Line::Dashed, palette.secondary, 4.0, style)?;
    }
    let r = style.px(9.0) as i32;
    let lift = r + style.px(1.5) as i32;
    let resting = |at: f64| EmptyElement::at((at, surface.height(at)));
    let outline = palette.foreground.stroke_width(style.px(2.0));
    chart.plotting_area().draw(&(resting(start) + Circle::new((0, -lift), r, outline)))?;
    chart
        .plotting_area()
        .draw(&(resting(shown) + Circle::new((0, -lift), r, palette.secondary.filled()) + Circle::new((0, -lift), r, outline)))?;

    let note = format!("slope {} · moved {}", plain(surface.slope(shown), 2), plain(shown - start, 2));
    let top = high - (high - low) * 0.03;
    draw_text(&chart, &note, (from + (to - from) * 0.03, top), 12.0, palette.foreground, style)
}

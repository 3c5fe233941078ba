//! The sigmoid explorer: σ and σ′ against z, the saturation zones, the 0.25 ceiling and a marker.

use super::{sample, FigureStyle};
use crate::math::{sigmoid, sigmoid_derivative, SATURATION_THRESHOLD, SIGMOID_MAX_SLOPE};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The z range the figure shows.
pub const Z_RANGE: (f64, f64) = (-10.0, 10.0);
const Y_RANGE: (f64, f64) = (-0.05, 1.1);
const SAMPLES: usize = 400;

/// Draws σ(z) (solid) and σ′(z) (dashed) over z ∈ [−10, 10], the saturation zones |z| ≥ 3
/// shaded, the 0.25 ceiling of σ′ dotted, and a marker at `z` on both curves.
///
/// `z` outside the range is shown at the nearest edge; a NaN `z` draws no marker.
pub fn draw_sigmoid_figure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    z: f64,
    style: &FigureStyle,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    let (z_min, z_max) = Z_RANGE;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(12.0))
        .x_label_area_size(style.px(40.0))
        .y_label_area_size(style.px(48.0))
        .build_cartesian_2d(z_min..z_max, Y_RANGE.0..Y_RANGE.1)?;

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
        .draw()?;

    let saturated = [(z_min, -SATURATION_THRESHOLD), (SATURATION_THRESHOLD, z_max)];
    chart.draw_series(saturated.iter().map(|&(from, to)| {
        Rectangle::new([(from, Y_RANGE.0), (to, Y_RANGE.1)], palette.shade.filled())
    }))?;
    let zone_label = style.text(12.0);
    for x in [-9.8, SATURATION_THRESHOLD + 0.2] {
        chart.draw_series(std::iter::once(Text::new("saturated", (x, 1.06), zone_label.clone())))?;
    }

    let ceiling = palette.secondary.stroke_width(style.px(1.0));
    chart.draw_series(DashedLineSeries::new(
        [(z_min, SIGMOID_MAX_SLOPE), (z_max, SIGMOID_MAX_SLOPE)],
        style.px(2.0),
        style.px(4.0),
        ceiling,
    ))?;
    chart.draw_series(std::iter::once(Text::new(
        "max σ′ = 0.25",
        (0.4, SIGMOID_MAX_SLOPE + 0.06),
        style.text_in(12.0, palette.secondary),
    )))?;

    let value_line = palette.primary.stroke_width(style.px(3.0));
    chart
        .draw_series(LineSeries::new(sample(sigmoid, z_min, z_max, SAMPLES), value_line))?
        .label("σ(z)")
        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], value_line));

    let slope_line = palette.secondary.stroke_width(style.px(3.0));
    let (dash, gap) = (style.px(8.0), style.px(5.0));
    chart
        .draw_series(DashedLineSeries::new(
            sample(sigmoid_derivative, z_min, z_max, SAMPLES),
            dash,
            gap,
            slope_line,
        ))?
        .label("σ′(z)")
        .legend(move |(x, y)| {
            let half = 10;
            EmptyElement::at((x, y))
                + PathElement::new(vec![(0, 0), (half, 0)], slope_line)
                + PathElement::new(vec![(half + 5, 0), (2 * half + 5, 0)], slope_line)
        });

    if !z.is_nan() {
        let shown = z.clamp(z_min, z_max);
        let radius = style.px(6.0);
        let outline = palette.foreground.stroke_width(style.px(2.0));
        chart.draw_series([
            Circle::new((shown, sigmoid(shown)), radius, palette.primary.filled()),
            Circle::new((shown, sigmoid(shown)), radius, outline),
            Circle::new((shown, sigmoid_derivative(shown)), radius, palette.secondary.filled()),
            Circle::new((shown, sigmoid_derivative(shown)), radius, outline),
        ])?;
    }

    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::Coordinate(style.px(64.0) as i32, style.px(40.0) as i32))
        .margin(style.px(8.0))
        .legend_area_size(style.px(30.0))
        .label_font(style.text(14.0))
        .background_style(palette.background.mix(0.9))
        .border_style(palette.foreground.stroke_width(1))
        .draw()?;
    area.present()
}

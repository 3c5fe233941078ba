//! The depth figure drawn to SVG: log axis, monotone decay, reference lines, floor clipping.

mod render_support;

use render_support::{circles, polylines, svg_of, texts};
use vanishing_gradients::figures::DepthSettings;
use vanishing_gradients::render::{draw_depth_figure, FigureStyle, Palette};

fn svg(settings: DepthSettings) -> String {
    svg_of((800, 450), |area| draw_depth_figure(area, &settings, &FigureStyle::default()).expect("drawn"))
}

fn main_line(drawn: &str) -> Vec<(f64, f64)> {
    polylines(drawn, Palette::LIGHT.primary).into_iter().max_by_key(Vec::len).expect("the factor's line")
}

#[test]
fn the_y_axis_is_labelled_in_evenly_spaced_powers_of_ten() {
    let drawn = svg(DepthSettings::default());
    let labels = texts(&drawn);
    for power in ["10⁰", "10⁻¹⁰", "10⁻²⁰", "10⁻³⁰", "10⁻⁴⁰", "10⁻⁵⁰"] {
        assert!(labels.contains(&power), "{power} in {labels:?}");
    }
}

#[test]
fn the_gradient_falls_steadily_on_the_log_scale() {
    let line = main_line(&svg(DepthSettings::default()));
    assert_eq!(line.len(), 50, "one point per depth");
    let steps: Vec<f64> = line.windows(2).map(|w| w[1].1 - w[0].1).collect();
    assert!(steps.iter().all(|&dy| dy > 0.0), "monotone: lower on screen every layer");
    // A power is a straight line on a log scale: every step the same size (to a pixel).
    assert!(steps.iter().all(|&dy| (dy - steps[0]).abs() <= 1.0), "{steps:?}");
}

#[test]
fn relu_stays_flat_and_sigmoid_at_best_falls_slower_than_0_2() {
    let drawn = svg(DepthSettings::default());
    let relu_dots = polylines(&drawn, Palette::LIGHT.tertiary);
    assert!(relu_dots.len() > 20, "1ⁿ dotted");
    let first_y = relu_dots[0][0].1;
    assert!(relu_dots.iter().flatten().all(|p| (p.1 - first_y).abs() < 1.0), "1ⁿ is flat");
    let sigmoid_best = polylines(&drawn, Palette::LIGHT.secondary).into_iter().flatten().map(|p| p.1).fold(0.0, f64::max);
    let chosen_end = main_line(&drawn).last().map(|p| p.1).unwrap_or(0.0);
    assert!(sigmoid_best < chosen_end, "0.25⁵⁰ sits above 0.2⁵⁰");
}

#[test]
fn a_tiny_factor_stops_at_the_floor_instead_of_leaving_the_chart() {
    let line = main_line(&svg(DepthSettings::new(0.01, 5.0, 0.1)));
    // 0.01ⁿ = 10⁻²ⁿ reaches the floor 10⁻⁵⁰ at n = 25.
    assert!(line.len() <= 26, "{} points", line.len());
    let floor_y = line.last().expect("points").1;
    let full = main_line(&svg(DepthSettings::new(1.0, 5.0, 0.1)));
    assert!(floor_y > full[0].1 + 300.0, "ends at the bottom of the plot");
}

#[test]
fn the_chosen_depth_is_marked_and_extremes_draw() {
    let at = |layers: f64| circles(&svg(DepthSettings::new(0.2, layers, 0.1)), Some(Palette::LIGHT.primary));
    assert!(at(40.0)[0].0 > at(5.0)[0].0 + 300.0);
    for settings in [DepthSettings::new(f64::NAN, f64::NAN, f64::NAN), DepthSettings::new(1e300, -1e300, 0.0)] {
        assert!(svg(settings).contains("10⁰"));
    }
}

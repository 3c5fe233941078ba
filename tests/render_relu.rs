//! The ReLU figure drawn to SVG: the step, the dead region, the marker and the comparison.

mod render_support;

use render_support::{circles, polylines, rects, svg_of, texts};
use vanishing_gradients::figures::ReluSettings;
use vanishing_gradients::render::{draw_relu_figure, FigureStyle, Palette};

fn svg(z: f64, compare: bool, size: (u32, u32)) -> String {
    svg_of(size, |area| draw_relu_figure(area, &ReluSettings::new(z, compare), &FigureStyle::default()).expect("drawn"))
}

#[test]
fn the_dead_region_is_shaded_in_both_panels_and_labelled() {
    let drawn = svg(1.0, true, (800, 450));
    assert_eq!(rects(&drawn, Palette::LIGHT.shade).len(), 2);
    assert_eq!(texts(&drawn).iter().filter(|t| **t == "dead: slope 0").count(), 2);
}

#[test]
fn relu_slope_is_a_step_from_zero_to_one() {
    let drawn = svg(1.0, false, (800, 450));
    let lines = polylines(&drawn, Palette::LIGHT.tertiary);
    let flat: Vec<&Vec<(f64, f64)>> = lines.iter().filter(|p| p.len() == 2 && p[0].1 == p[1].1).collect();
    assert!(flat.len() >= 2, "two horizontal branches of ReLU′: {lines:?}");
    let heights: Vec<f64> = flat.iter().map(|p| p[0].1).collect();
    assert!(heights.iter().any(|&y| (y - heights[0]).abs() > 100.0), "at different heights (0 and 1): {heights:?}");
    assert!(texts(&drawn).contains(&"ReLU′ = 1"));
}

#[test]
fn the_comparison_adds_the_sigmoid_and_can_be_switched_off() {
    let with = svg(1.0, true, (800, 450));
    let without = svg(1.0, false, (800, 450));
    assert!(polylines(&with, Palette::LIGHT.secondary).len() > 10, "σ′ dashed");
    assert!(polylines(&without, Palette::LIGHT.secondary).is_empty());
    assert!(texts(&with).contains(&"σ′ ≤ 0.25") && !texts(&without).contains(&"σ′ ≤ 0.25"));
}

#[test]
fn markers_follow_z_and_nan_draws_none() {
    let marker = |z: f64| circles(&svg(z, false, (800, 450)), Some(Palette::LIGHT.tertiary));
    let (left, right) = (marker(-3.0), marker(3.0));
    assert!(right.iter().map(|c| c.0).sum::<f64>() > left.iter().map(|c| c.0).sum::<f64>() + 200.0);
    let nan = svg(f64::NAN, true, (800, 450));
    assert!(circles(&nan, Some(Palette::LIGHT.primary)).is_empty());
    for z in [f64::INFINITY, -1e300] {
        assert!(!svg(z, true, (800, 450)).is_empty());
    }
}

#[test]
fn a_tall_area_stacks_the_panels() {
    let tall = svg(1.0, true, (400, 700));
    let shades = rects(&tall, Palette::LIGHT.shade);
    assert_eq!(shades.len(), 2);
    assert!((shades[0].1 - shades[1].1).abs() > 200.0, "one above the other: {shades:?}");
}

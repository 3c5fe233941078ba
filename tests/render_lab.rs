//! The gradient lab's charts drawn natively to SVG: the same functions the page's canvases use.
//! Each test feeds a chart numbers and checks the marks the numbers call for.

mod render_support;

use plotters::prelude::RGBColor;
use render_support::{circles, hex, polylines, rects, svg_of, texts};
use vanishing_gradients::render::lab::{
    draw_decision, draw_gradient_bars, draw_gradient_lines, draw_lab_chart, draw_ledger,
    draw_loss, draw_unit_health, DecisionView, LabChart, LabSession, LedgerView, RunBars,
    RunLine,
};
use vanishing_gradients::render::{FigureStyle, Palette};

const SIZE: (u32, u32) = (480, 300);
const LIGHT: Palette = Palette::LIGHT;

fn style() -> FigureStyle {
    FigureStyle::default()
}

/// (x, y, width, height) of every unfilled `<rect>` stroked in `colour`.
fn outlined(svg: &str, colour: RGBColor) -> Vec<(f64, f64, f64, f64)> {
    let stroke = format!("stroke=\"{}\"", hex(colour));
    svg.split("<rect")
        .skip(1)
        .map(|e| e.split('>').next().unwrap_or(""))
        .filter(|e| e.contains("fill=\"none\"") && e.contains(&stroke))
        .filter_map(|e| {
            let number = |name: &str| -> Option<f64> {
                let start = e.find(&format!(" {name}=\""))? + name.len() + 3;
                e[start..].split('"').next()?.parse().ok()
            };
            Some((number("x")?, number("y")?, number("width")?, number("height")?))
        })
        .collect()
}

fn bars(main: &[f64], comparison: Option<&[f64]>, stopped: Option<usize>) -> String {
    svg_of(SIZE, |area| {
        draw_gradient_bars(
            area,
            RunBars { name: "sigmoid", values: main },
            comparison.map(|values| RunBars { name: "ReLU", values }),
            stopped,
            &style(),
        )
        .expect("drawing to a string cannot fail")
    })
}

#[test]
fn gradient_bars_are_log_scaled_and_ordered_as_the_data() {
    let values = [1e-8, 1e-6, 1e-4, 1e-2];
    let svg = bars(&values, None, None);
    // The legend's swatch sits in the top strip (y < 20); the bars stand below it.
    let mut columns: Vec<_> = rects(&svg, LIGHT.primary).into_iter().filter(|r| r.1 > 20.0).collect();
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(columns.len(), 4, "one filled bar per layer: {columns:?}");
    let heights: Vec<f64> = columns.iter().map(|r| r.3).collect();
    assert!(heights.windows(2).all(|h| h[1] > h[0]), "taller for larger gradients: {heights:?}");
    let steps: Vec<f64> = heights.windows(2).map(|h| h[1] - h[0]).collect();
    assert!(steps.windows(2).all(|s| (s[0] - s[1]).abs() <= 2.0), "equal steps per two decades on a log axis: {steps:?}");
    let labels = texts(&svg);
    for label in ["out", "1", "3", "10⁻⁸", "10⁻²", "sigmoid", "layer", "mean |∂L/∂W|"] {
        assert!(labels.contains(&label), "missing {label:?} in {labels:?}");
    }
}

#[test]
fn the_comparison_run_is_outlined_beside_the_main_run() {
    let svg = bars(&[1e-7, 1e-3, 1e-2], Some(&[1e-2, 2e-2, 1e-2]), Some(2));
    let outlines: Vec<_> = outlined(&svg, LIGHT.secondary).into_iter().filter(|r| r.1 > 20.0).collect();
    assert_eq!(outlines.len(), 3, "{outlines:?}");
    let first_main = rects(&svg, LIGHT.primary).into_iter().filter(|r| r.1 > 20.0).map(|r| r.3).fold(f64::INFINITY, f64::min);
    assert!(outlines[0].3 > first_main + 100.0, "ReLU's layer 1 bar towers over sigmoid's");
    assert!(texts(&svg).contains(&"ReLU"), "the legend names both runs");
    assert!(polylines(&svg, LIGHT.foreground).len() > 3, "the stopped layer is marked with a dashed line");
}

#[test]
fn zero_nan_and_empty_bars_draw_words_not_garbage() {
    let svg = bars(&[0.0, f64::NAN, f64::INFINITY, -1.0, 1e-3], None, Some(99));
    let labels = texts(&svg);
    for word in ["0", "NaN", "∞"] {
        assert!(labels.contains(&word), "missing {word} in {labels:?}");
    }
    let drawn = rects(&svg, LIGHT.primary).into_iter().filter(|r| r.1 > 20.0).count();
    assert_eq!(drawn, 1, "only the positive finite value is a bar");
    let empty = bars(&[], None, None);
    assert!(empty.contains("<svg"), "no layers still draws axes");
    let all_nan = bars(&[f64::NAN; 3], Some(&[]), None);
    assert!(texts(&all_nan).contains(&"NaN"));
}

#[test]
fn gradient_lines_draw_one_series_per_layer_and_break_at_zero() {
    let steps: Vec<u64> = (1..=50).collect();
    let first: Vec<f64> = steps.iter().map(|&s| if s == 25 { 0.0 } else { 1e-7 }).collect();
    let middle = vec![1e-4; 50];
    let last = vec![1e-2; 50];
    let svg = svg_of(SIZE, |area| {
        draw_gradient_lines(area, &steps, &[&first, &middle, &last], &style()).expect("drawn")
    });
    let solid = polylines(&svg, LIGHT.primary);
    let long: Vec<_> = solid.iter().filter(|p| p.len() > 10).collect();
    assert_eq!(long.len(), 2, "layer 1 is one solid line broken where its gradient is 0");
    let top_of_first = long.iter().flat_map(|p| p.iter().map(|pt| pt.1)).fold(f64::INFINITY, f64::min);
    let dashes = polylines(&svg, LIGHT.secondary);
    assert!(dashes.len() > 10, "the output layer is dashed");
    let bottom_of_last = dashes.iter().flatten().map(|pt| pt.1).fold(f64::NEG_INFINITY, f64::max);
    assert!(bottom_of_last + 100.0 < top_of_first, "five decades apart on screen");
    let labels = texts(&svg);
    assert!(labels.contains(&"out") && labels.contains(&"1") && labels.contains(&"layer 1"), "{labels:?}");
    let empty = svg_of(SIZE, |area| draw_gradient_lines(area, &[], &[], &style()).expect("drawn"));
    assert!(empty.contains("training step"));
}

#[test]
fn the_loss_curve_shows_both_runs_and_the_coin_flip_line() {
    let steps: Vec<u64> = (1..=100).collect();
    let flat = vec![0.693; 100];
    let falling: Vec<f64> = steps.iter().map(|&s| 0.7 * (-(s as f64) / 30.0).exp()).collect();
    let svg = svg_of(SIZE, |area| {
        draw_loss(
            area,
            RunLine { name: "sigmoid", steps: &steps, values: &flat },
            Some(RunLine { name: "ReLU", steps: &steps, values: &falling }),
            &style(),
        )
        .expect("drawn")
    });
    assert!(polylines(&svg, LIGHT.primary).iter().any(|p| p.len() >= 100), "main run solid");
    assert!(polylines(&svg, LIGHT.secondary).len() > 5, "comparison dashed");
    let labels = texts(&svg);
    assert!(labels.contains(&"ln 2: a 50/50 guess") && labels.contains(&"ReLU"), "{labels:?}");
    let broken = vec![0.7, f64::NAN, 1e300, f64::INFINITY, 0.6];
    let svg = svg_of(SIZE, |area| {
        draw_loss(area, RunLine { name: "x", steps: &[1, 2, 3, 4, 5], values: &broken }, None, &style()).expect("drawn")
    });
    let on_screen = polylines(&svg, LIGHT.primary);
    assert!(on_screen.iter().flatten().all(|&(x, y)| (0.0..=480.0).contains(&x) && (0.0..=300.0).contains(&y)));
}

#[test]
fn the_decision_chart_tints_cells_draws_the_boundary_and_the_points() {
    // P(class 1) rises from left to right: the boundary is the vertical line x = 0.
    let side = 10;
    let grid: Vec<f64> = (0..side * side).map(|k| (k % side) as f64 / (side - 1) as f64).collect();
    let points = [[0.5, 0.5], [-0.5, 0.2], [0.7, -0.3], [f64::NAN, 0.0]];
    let labels = [1, 0, 1, 0];
    let view = DecisionView { grid: &grid, side, extent: 1.0, points: &points, labels: &labels, highlight: Some([0.5, 0.5]) };
    let svg = svg_of(SIZE, |area| draw_decision(area, &view, &style()).expect("drawn"));
    assert!(svg.matches("<rect").count() >= side * side, "shaded cells: here every cell differs from its neighbours");
    let discs = circles(&svg, Some(LIGHT.primary));
    assert_eq!(discs.len(), 2, "two class-1 discs");
    let vertical: Vec<f64> = polylines(&svg, LIGHT.foreground)
        .into_iter()
        .filter(|p| p.len() == 2 && p[0].0 == p[1].0 && p[0].1 != p[1].1)
        .map(|p| p[0].0)
        .collect();
    let count_at = |x: f64| vertical.iter().filter(|&&v| (v - x).abs() <= 1.0).count();
    let line = vertical.iter().copied().max_by_key(|&x| count_at(x)).unwrap_or(0.0);
    assert!(count_at(line) >= side - 1, "the contour p = 0.5 is one vertical line: {vertical:?}");
    let width = f64::from(SIZE.0);
    assert!((0.4 * width..0.6 * width).contains(&line), "at x = 0, mid-chart: {line}");
    assert!(svg.contains(&format!("stroke=\"{}\"", hex(LIGHT.secondary))), "class-0 crosses");
    let short = DecisionView { grid: &[0.5], side: 36, extent: f64::NAN, points: &[], labels: &[], highlight: None };
    let svg = svg_of(SIZE, |area| draw_decision(area, &short, &style()).expect("drawn"));
    assert!(svg.contains("p = 0.5"), "a grid too short for its side still draws the frame");
}

#[test]
fn unit_health_bars_read_as_percentages() {
    let svg = svg_of(SIZE, |area| {
        draw_unit_health(
            area,
            RunBars { name: "sigmoid: saturated", values: &[0.0, 0.25, 0.5, 1.0] },
            Some(RunBars { name: "ReLU: dead", values: &[0.5, f64::NAN, 0.0, 2.0] }),
            &style(),
        )
        .expect("drawn")
    });
    let mut filled: Vec<_> = rects(&svg, LIGHT.primary).into_iter().filter(|r| r.1 > 20.0).collect();
    filled.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(filled.len(), 4);
    let full = filled[3].3;
    assert!((filled[2].3 - full / 2.0).abs() <= 1.5 && (filled[1].3 - full / 4.0).abs() <= 1.5, "{filled:?}");
    let outlines = outlined(&svg, LIGHT.secondary);
    assert!(outlines.iter().any(|r| (r.3 - full).abs() <= 1.5), "a share above 1 is drawn at 100 %");
    let labels = texts(&svg);
    assert!(labels.contains(&"100 %") && labels.contains(&"NaN") && labels.contains(&"ReLU: dead"), "{labels:?}");
}

#[test]
fn the_ledger_chart_marks_each_layer_and_the_practice_reference() {
    let local = [0.2, 0.2, 0.2];
    let running = [0.008, 0.04, 0.2];
    let svg = svg_of(SIZE, |area| draw_ledger(area, &LedgerView { local: &local, running: &running }, &style()).expect("drawn"));
    let discs = circles(&svg, Some(LIGHT.primary));
    assert_eq!(discs.len(), 3 + 1, "three layers and the output's 1: {discs:?}");
    let mut on_chart: Vec<_> = discs.into_iter().filter(|d| d.1 > 20.0).collect();
    on_chart.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert!(on_chart.windows(2).all(|w| w[1].1 < w[0].1), "the product grows toward the output");
    assert!(texts(&svg).contains(&"0.2 per layer"));
    let dead = svg_of(SIZE, |area| draw_ledger(area, &LedgerView { local: &[0.0, 0.5], running: &[0.0, 0.5] }, &style()).expect("drawn"));
    assert!(texts(&dead).contains(&"0"), "a zero factor is written, not plotted");
    let empty = svg_of(SIZE, |area| draw_ledger(area, &LedgerView { local: &[], running: &[] }, &style()).expect("drawn"));
    assert!(texts(&empty).contains(&"out"));
}

#[test]
fn every_chart_of_a_real_session_draws_in_both_themes() {
    let mut session = LabSession::from_search("?lab.preset=relu-dies");
    session.run(40);
    for palette in [Palette::LIGHT, Palette::DARK] {
        let style = FigureStyle { palette, scale: 2.0 };
        for chart in LabChart::ALL {
            let svg = svg_of((960, 600), |area| draw_lab_chart(area, &mut session, chart, &style).expect("drawn"));
            assert!(svg.contains(&format!("fill=\"{}\"", hex(palette.background))), "{chart:?} background");
            assert!(svg.matches('<').count() > 30, "{chart:?} has marks");
        }
    }
}

#[test]
fn the_deep_sigmoid_bars_show_the_lesson_at_step_zero() {
    let mut session = LabSession::from_search("");
    let svg = svg_of(SIZE, |area| draw_lab_chart(area, &mut session, LabChart::Gradients, &style()).expect("drawn"));
    let mut main: Vec<_> = rects(&svg, LIGHT.primary).into_iter().filter(|r| r.1 > 20.0).collect();
    main.sort_by(|a, b| a.0.total_cmp(&b.0));
    assert_eq!(main.len(), 9, "8 hidden layers and the output");
    assert!(main[8].3 > main[0].3 + 100.0, "the output layer's bar is far taller than layer 1's");
}

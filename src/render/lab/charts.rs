//! The gradient lab's six charts, each drawn from plain numbers (no trainer): per-layer bars on a
//! log scale, gradient lines over steps, the loss curve, the decision boundary over the data,
//! the units' health per layer, and the chain-rule ledger.
//!
//! Log scales are drawn as linear axes over log₁₀ of the value, labelled 10ⁿ, so every chart
//! shares one coordinate type. A value that is 0, negative, NaN or ±∞ is never plotted as a
//! mark: the bar charts write "0", "NaN" or "∞" at the layer instead, and lines break there.
//! Series differ by fill, line style and marker shape as well as colour.

use super::words::superscript;
use crate::render::FigureStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// What drawing on a backend can fail with.
pub type DrawResult<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;
type Chart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The probability 0.5 that separates the two predicted classes.
const BOUNDARY: f64 = 0.5;
/// ln 2: the loss of a network that answers 50/50 for every point.
const COIN_FLIP_LOSS: f64 = std::f64::consts::LN_2;
/// The per-layer factor of the lesson's practice problem (0.2⁵ over five layers).
pub const PRACTICE_FACTOR: f64 = 0.2;

/// One run's values per layer, for a bar chart: index 0 is layer 1.
#[derive(Clone, Copy, Debug)]
pub struct RunBars<'a> {
    /// The run's name in the legend, e.g. "sigmoid".
    pub name: &'a str,
    /// One value per layer.
    pub values: &'a [f64],
}

/// One run's values over training steps.
#[derive(Clone, Copy, Debug)]
pub struct RunLine<'a> {
    /// The run's name in the legend.
    pub name: &'a str,
    /// Step numbers.
    pub steps: &'a [u64],
    /// One value per step number.
    pub values: &'a [f64],
}

/// What the decision-boundary chart shows.
#[derive(Clone, Copy, Debug)]
pub struct DecisionView<'a> {
    /// P(class 1) on a `side` × `side` grid, row 0 at the bottom (see `lab::stats::decision_grid`).
    pub grid: &'a [f64],
    /// The grid's side.
    pub side: usize,
    /// The plot covers [−extent, extent]² (the grid too).
    pub extent: f64,
    /// The data points.
    pub points: &'a [[f64; 2]],
    /// Their classes, 0 or 1.
    pub labels: &'a [u8],
    /// The ledger's example, ringed.
    pub highlight: Option<[f64; 2]>,
}

/// What the ledger chart shows: per hidden layer (1 = first), its local factor and the running
/// product of the factors from the output down to it.
#[derive(Clone, Copy, Debug)]
pub struct LedgerView<'a> {
    /// Local factor of layer `i + 1`.
    pub local: &'a [f64],
    /// Running product at layer `i + 1`.
    pub running: &'a [f64],
}

/// How a bar chart's values are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scale {
    /// Positive magnitudes over many decades.
    Log,
    /// Shares from 0 to 1, shown as 0 – 100 %.
    Percent,
}

/// A swatch in a legend.
#[derive(Clone, Copy, Debug)]
enum Swatch {
    Filled(RGBColor),
    Outlined(RGBColor),
    Line(RGBColor, Dash, f64),
    Glyph(RGBColor, &'static str),
}

/// A line's dash pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dash {
    Solid,
    Dashed,
    Dotted,
}

/// Per-layer mean |∂L/∂W| for the current step as bars on a log scale: the main run filled, the
/// comparison run (same data, seed and shape) outlined beside it. The last layer is labelled
/// "out". `stopped`: the layer (1-based) a failure was found in, marked with a dashed line.
pub fn draw_gradient_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    main: RunBars,
    comparison: Option<RunBars>,
    stopped: Option<usize>,
    style: &FigureStyle,
) -> DrawResult<DB> {
    draw_bars(area, Scale::Log, "mean |∂L/∂W|", main, comparison, stopped, true, style)
}

/// Per hidden layer, the share of units saturated (sigmoid, tanh: |z| ≥ 3) or dead (ReLU:
/// 0 for every example) from 0 to 100 %: the main run filled, the comparison outlined. Each
/// run's name says which share it is.
pub fn draw_unit_health<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    main: RunBars,
    comparison: Option<RunBars>,
    style: &FigureStyle,
) -> DrawResult<DB> {
    draw_bars(area, Scale::Percent, "share of units", main, comparison, None, false, style)
}

#[allow(clippy::too_many_arguments)]
fn draw_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: Scale,
    y_desc: &str,
    main: RunBars,
    comparison: Option<RunBars>,
    stopped: Option<usize>,
    last_is_output: bool,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    let layers = main
        .values
        .len()
        .max(comparison.map_or(0, |c| c.values.len()))
        .max(1);
    let mut decades = Decades::new();
    decades.add(main.values);
    if let Some(c) = comparison {
        decades.add(c.values);
    }
    let y = match scale {
        Scale::Log => decades.range(),
        Scale::Percent => (0.0, 100.0),
    };
    let x_label = move |x: &f64| layer_label(*x, layers, last_is_output);
    let chart = frame(
        area,
        (0.5, layers as f64 + 0.5),
        y,
        ("layer", y_desc),
        (layers, 6),
        &x_label,
        &|v: &f64| match scale {
            Scale::Log => power_label(*v),
            Scale::Percent => format!("{v:.0} %"),
        },
        style,
    )?;
    let runs = [Some((main, true)), comparison.map(|c| (c, false))];
    let width = if comparison.is_some() { 0.36 } else { 0.6 };
    for (slot, (run, filled)) in runs.iter().flatten().enumerate() {
        let colour = if *filled { palette.primary } else { palette.secondary };
        let offset = if comparison.is_some() {
            if slot == 0 {
                -0.38
            } else {
                0.02
            }
        } else {
            -0.3
        };
        for (i, &value) in run.values.iter().enumerate() {
            let x0 = i as f64 + 1.0 + offset;
            let top = match scale {
                Scale::Log => log10_of(value),
                Scale::Percent => value.is_finite().then(|| (value * 100.0).clamp(0.0, 100.0)),
            };
            match top {
                Some(top) => {
                    let corners = [(x0, y.0), (x0 + width, top.clamp(y.0, y.1))];
                    if *filled {
                        chart.plotting_area().draw(&Rectangle::new(corners, colour.filled()))?;
                    } else {
                        let stroke = colour.stroke_width(style.px(2.0));
                        chart.plotting_area().draw(&Rectangle::new(corners, stroke))?;
                    }
                }
                None => missing_mark(&chart, (x0 + width / 2.0, y.0), y, value, colour, style)?,
            }
        }
    }
    if let Some(layer) = stopped.filter(|&l| l >= 1 && l <= layers) {
        let x = layer as f64;
        let line = [(x, y.0), (x, y.1)];
        dashed(&chart, &line, Dash::Dashed, palette.foreground, 1.5, style)?;
    }
    let mut items = vec![(Swatch::Filled(palette.primary), main.name)];
    if let Some(c) = comparison {
        items.push((Swatch::Outlined(palette.secondary), c.name));
    }
    legend(area, &items, style)?;
    area.present()
}

/// Mean |∂L/∂W| of every layer over the training steps, on a log scale: layer 1 thick and solid,
/// the output layer thick and dashed, the layers between thin, each line named at its right end.
pub fn draw_gradient_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    steps: &[u64],
    layers: &[&[f64]],
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    let xs = as_f64(steps);
    let count = layers.len();
    let mut series = Vec::with_capacity(count);
    // The layers between first and last first, so the two that matter are drawn on top.
    for k in 0..count {
        let l = if k + 2 < count { k + 1 } else if k + 2 == count { 0 } else { count - 1 };
        let (colour, dash, width) = if l == 0 {
            (palette.primary, Dash::Solid, 2.5)
        } else if l + 1 == count {
            (palette.secondary, Dash::Dashed, 2.5)
        } else {
            let t = l as f64 / count as f64;
            (mix(palette.primary, palette.secondary, t), Dash::Solid, 1.0)
        };
        let name = if l + 1 == count && l > 0 { "out".to_string() } else { format!("{}", l + 1) };
        series.push(Series { xs: &xs, ys: layers[l], colour, dash, width, dots: None, end_label: Some(name) });
    }
    let x = (xs.first().copied().unwrap_or(0.0), xs.last().copied().unwrap_or(0.0));
    let items = [
        (Swatch::Line(palette.primary, Dash::Solid, 2.5), "layer 1"),
        (Swatch::Line(palette.secondary, Dash::Dashed, 2.5), "output"),
        (Swatch::Line(mix(palette.primary, palette.secondary, 0.5), Dash::Solid, 1.0), "between"),
    ];
    let lines = Lines { x, x_desc: "training step", x_labels: 5, x_format: &step_label, axis: Axis::Log, y_desc: "mean |∂L/∂W|", series: &series, reference: None };
    draw_lines(area, &lines, &items[..count.min(3)], style)
}

/// The mini-batch loss over the training steps: the main run solid, the comparison dashed, and
/// ln 2 (a 50/50 guess) dotted. Losses above the axis are drawn at its top.
pub fn draw_loss<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    main: RunLine,
    comparison: Option<RunLine>,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    let main_xs = as_f64(main.steps);
    let other_xs = as_f64(comparison.map_or(&[][..], |c| c.steps));
    let mut series = vec![Series { xs: &main_xs, ys: main.values, colour: palette.primary, dash: Dash::Solid, width: 2.0, dots: None, end_label: None }];
    let mut items = vec![(Swatch::Line(palette.primary, Dash::Solid, 2.0), main.name)];
    if let Some(c) = comparison {
        series.push(Series { xs: &other_xs, ys: c.values, colour: palette.secondary, dash: Dash::Dashed, width: 2.0, dots: None, end_label: None });
        items.push((Swatch::Line(palette.secondary, Dash::Dashed, 2.0), c.name));
    }
    let (mut last, mut highest) = (1.0_f64, 1.0_f64);
    for s in &series {
        for (&x, &v) in s.xs.iter().zip(s.ys) {
            last = last.max(x);
            if v.is_finite() {
                highest = highest.max(v * 1.1);
            }
        }
    }
    let lines = Lines {
        x: (0.0, last),
        x_desc: "training step",
        x_labels: 5,
        x_format: &step_label,
        axis: Axis::Linear(highest.min(4.0)),
        y_desc: "loss",
        series: &series,
        reference: Some((&[0.0, last], &[COIN_FLIP_LOSS; 2], "ln 2: a 50/50 guess")),
    };
    draw_lines(area, &lines, &items, style)
}

/// The chain-rule ledger on a log scale against the layer: the running product from the output
/// down (solid, discs), each layer's local factor (dashed, rings), 1 at the output where the
/// product starts, and 0.2 per layer as in the practice problem (dotted). A factor of 0 is
/// written as "0" at the bottom instead of plotted.
pub fn draw_ledger<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &LedgerView,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    let hidden = view.running.len().max(view.local.len());
    let output = hidden as f64 + 1.0;
    let mut product = view.running.to_vec();
    product.resize(hidden, f64::NAN);
    product.push(1.0);
    let (mut xs, mut reference) = (Vec::new(), Vec::new());
    for l in 1..=hidden + 1 {
        xs.push(l as f64);
        reference.push(PRACTICE_FACTOR.powf((hidden + 1 - l) as f64));
    }
    let series = [
        Series { xs: &xs, ys: view.local, colour: palette.secondary, dash: Dash::Dashed, width: 2.0, dots: Some(false), end_label: None },
        Series { xs: &xs, ys: &product, colour: palette.primary, dash: Dash::Solid, width: 2.0, dots: Some(true), end_label: None },
    ];
    let items = [
        (Swatch::Line(palette.primary, Dash::Solid, 2.0), "running product"),
        (Swatch::Line(palette.secondary, Dash::Dashed, 2.0), "factor"),
        (Swatch::Line(palette.foreground, Dash::Dotted, 1.5), "0.2 per layer"),
    ];
    let x_format = move |x: &f64| layer_label(*x, hidden + 1, true);
    let lines = Lines {
        x: (0.5, output + 0.5),
        x_desc: "layer",
        x_labels: hidden + 1,
        x_format: &x_format,
        axis: Axis::Log,
        y_desc: "factor",
        series: &series,
        reference: Some((&xs, &reference, "")),
    };
    draw_lines(area, &lines, &items, style)
}

/// How a line chart's y axis reads its values.
#[derive(Clone, Copy, Debug)]
enum Axis {
    /// Whole decades around the positive values.
    Log,
    /// From 0 to the given top.
    Linear(f64),
}

impl Axis {
    /// Where `value` goes on this axis, or `None` if it cannot be plotted.
    fn place(self, value: f64) -> Option<f64> {
        match self {
            Axis::Log => log10_of(value),
            Axis::Linear(_) => value.is_finite().then_some(value),
        }
    }
}

/// One line of a line chart.
struct Series<'a> {
    xs: &'a [f64],
    ys: &'a [f64],
    colour: RGBColor,
    dash: Dash,
    width: f64,
    /// Markers at every point: `Some(true)` discs, `Some(false)` rings; unplottable values are
    /// then written at the bottom ("0", "NaN", "∞").
    dots: Option<bool>,
    /// A name written after the last plottable point.
    end_label: Option<String>,
}

/// A whole line chart.
struct Lines<'a> {
    x: (f64, f64),
    x_desc: &'a str,
    x_labels: usize,
    x_format: &'a dyn Fn(&f64) -> String,
    axis: Axis,
    y_desc: &'a str,
    series: &'a [Series<'a>],
    /// A dotted reference line in the foreground colour through (`xs[i]`, `values[i]`), with a
    /// label under its right end.
    reference: Option<(&'a [f64], &'a [f64], &'a str)>,
}

fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &Lines,
    legend_items: &[(Swatch, &str)],
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    let mut decades = Decades::new();
    for series in lines.series {
        decades.add(series.ys);
    }
    if let Some((_, values, _)) = lines.reference {
        decades.add(values);
    }
    let y = match lines.axis {
        Axis::Log => decades.range(),
        Axis::Linear(top) => (0.0, if top.is_finite() && top > 0.0 { top } else { 1.0 }),
    };
    let x = (lines.x.0, if lines.x.1 > lines.x.0 { lines.x.1 } else { lines.x.0 + 1.0 });
    let y_format = |v: &f64| match lines.axis {
        Axis::Log => power_label(*v),
        Axis::Linear(_) => trim_number(*v),
    };
    let chart = frame(area, x, y, (lines.x_desc, lines.y_desc), (lines.x_labels, 6), lines.x_format, &y_format, style)?;
    if let Some((xs, values, label)) = lines.reference {
        let mut placed = Vec::new();
        for (&px, &v) in xs.iter().zip(values) {
            if let Some(v) = lines.axis.place(v) {
                placed.push((px, v.clamp(y.0, y.1)));
            }
        }
        dashed(&chart, &placed, Dash::Dotted, palette.foreground, 1.5, style)?;
        if let (Some(&end), false) = (placed.last(), label.is_empty()) {
            let below = (end.0, end.1 - (y.1 - y.0) * 0.03);
            let text = style.text_in(13.5, palette.foreground).pos(Pos::new(HPos::Right, VPos::Top));
            chart.plotting_area().draw(&Text::new(label, below, text))?;
        }
    }
    for series in lines.series {
        let mut piece: Vec<(f64, f64)> = Vec::new();
        let mut last = None;
        for (&px, &value) in series.xs.iter().zip(series.ys) {
            match lines.axis.place(value) {
                Some(v) => {
                    let at = (px, v.clamp(y.0, y.1));
                    piece.push(at);
                    last = Some(at);
                    if let Some(filled) = series.dots {
                        let r = style.px(4.0) as i32;
                        let mark = if filled { series.colour.filled() } else { series.colour.stroke_width(style.px(2.0)) };
                        chart.plotting_area().draw(&Circle::new(at, r, mark))?;
                    }
                }
                None => {
                    dashed(&chart, &piece, series.dash, series.colour, series.width, style)?;
                    piece.clear();
                    if series.dots.is_some() {
                        missing_mark(&chart, (px, y.0), y, value, series.colour, style)?;
                    }
                }
            }
        }
        dashed(&chart, &piece, series.dash, series.colour, series.width, style)?;
        if let (Some(at), Some(name)) = (last, &series.end_label) {
            let text = style.text_in(13.5, series.colour).pos(Pos::new(HPos::Left, VPos::Center));
            let at = chart.backend_coord(&at);
            area.draw(&Text::new(name.as_str(), (at.0 + style.px(3.0) as i32, at.1), text))?;
        }
    }
    legend(area, legend_items, style)?;
    area.present()
}

/// Writes "0", "NaN" or "∞" just above the bottom of the chart at `at.0`, for a value that
/// cannot be a mark.
fn missing_mark<DB: DrawingBackend>(
    chart: &Chart<DB>,
    at: (f64, f64),
    y: (f64, f64),
    value: f64,
    colour: RGBColor,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let text = style.text_in(13.5, colour).pos(Pos::new(HPos::Center, VPos::Bottom));
    let lifted = (at.0, y.0 + (y.1 - y.0) * 0.02);
    chart.plotting_area().draw(&Text::new(missing_label(value), lifted, text))
}

/// The decision boundary: each grid cell tinted by P(class 1) (blue-ish above 0.5, orange-ish
/// below, stronger when surer), the 0.5 contour as a line, the data on top — class 1 as filled
/// discs, class 0 as crosses — and the ledger's example ringed. Drawn square.
pub fn draw_decision<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    view: &DecisionView,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let palette = style.palette;
    area.fill(&palette.background)?;
    // The frame's margins and label areas take 100 layout pixels across and 82 down: this width
    // leaves a square plotting area.
    let (w, h) = area.dim_in_pixel();
    let wide = (h + style.px(100.0)).saturating_sub(style.px(82.0)).min(w);
    let square = area.clone().shrink(((w - wide) / 2, 0), (wide, h));
    let extent = if view.extent.is_finite() && view.extent > 0.0 {
        view.extent
    } else {
        1.0
    };
    let number = |v: &f64| trim_number(*v);
    let chart = frame(&square, (-extent, extent), (-extent, extent), ("x", "y"), (3, 3), &number, &number, style)?;
    let n = view.side;
    let cell = 2.0 * extent / n.max(1) as f64;
    if n > 0 && view.grid.len() >= n * n {
        // Cells of one row with the same shade are one rectangle (far fewer to draw).
        for row in 0..n {
            let y0 = -extent + row as f64 * cell;
            let mut start = 0;
            while start < n {
                let level = tint_level(view.grid[row * n + start]);
                let mut end = start + 1;
                while end < n && tint_level(view.grid[row * n + end]) == level {
                    end += 1;
                }
                let (x0, x1) = (-extent + start as f64 * cell, -extent + end as f64 * cell);
                let tint = tint_colour(level, &palette);
                chart.plotting_area().draw(&Rectangle::new([(x0, y0), (x1, y0 + cell)], tint.filled()))?;
                start = end;
            }
        }
        for segment in contour(view.grid, n, extent, BOUNDARY) {
            let stroke = palette.foreground.stroke_width(style.px(2.0));
            chart.plotting_area().draw(&PathElement::new(segment.to_vec(), stroke))?;
        }
    }
    let dot = style.px(2.5) as i32;
    for (point, &label) in view.points.iter().zip(view.labels) {
        let at = (point[0].clamp(-extent, extent), point[1].clamp(-extent, extent));
        if !(at.0.is_finite() && at.1.is_finite()) {
            continue;
        }
        if label == 1 {
            chart.plotting_area().draw(&Circle::new(at, dot, palette.primary.filled()))?;
        } else {
            let stroke = palette.secondary.stroke_width(style.px(1.5));
            chart.plotting_area().draw(&Cross::new(at, dot, stroke))?;
        }
    }
    if let Some(point) = view.highlight.filter(|p| p[0].is_finite() && p[1].is_finite()) {
        let at = (point[0].clamp(-extent, extent), point[1].clamp(-extent, extent));
        let ring = palette.foreground.stroke_width(style.px(2.0));
        chart
            .plotting_area()
            .draw(&Circle::new(at, style.px(7.0) as i32, ring))?;
    }
    let items = [
        (Swatch::Glyph(palette.primary, "●"), "class 1"),
        (Swatch::Glyph(palette.secondary, "×"), "class 0"),
        (Swatch::Line(palette.foreground, Dash::Solid, 2.0), "p = 0.5"),
    ];
    legend(area, &items, style)?;
    area.present()
}

/// A chart with a mesh, axis names and tick labels, leaving a strip at the top for the legend.
#[allow(clippy::too_many_arguments)]
fn frame<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    x: (f64, f64),
    y: (f64, f64),
    (x_desc, y_desc): (&str, &str),
    (x_labels, y_labels): (usize, usize),
    x_format: &dyn Fn(&f64) -> String,
    y_format: &dyn Fn(&f64) -> String,
    style: &FigureStyle,
) -> Result<Chart<'a, DB>, DrawingAreaErrorKind<DB::ErrorType>> {
    let palette = style.palette;
    let mut chart = ChartBuilder::on(area)
        .margin(style.px(6.0))
        .margin_top(style.px(32.0))
        .margin_right(style.px(26.0))
        .x_label_area_size(style.px(44.0))
        .y_label_area_size(style.px(68.0))
        .build_cartesian_2d(x.0..x.1, y.0..y.1)?;
    chart
        .configure_mesh()
        .x_desc(x_desc)
        .y_desc(y_desc)
        .axis_desc_style(style.text(14.5))
        .label_style(style.text(14.0))
        .axis_style(palette.foreground.stroke_width(style.px(1.0)))
        .bold_line_style(palette.grid.stroke_width(style.px(1.0)))
        .light_line_style(TRANSPARENT)
        .x_labels(x_labels.max(2))
        .y_labels(y_labels.max(2))
        .x_label_formatter(x_format)
        .y_label_formatter(y_format)
        .draw()?;
    Ok(chart)
}

/// A legend in one row along the top of `area`: swatch, name, swatch, name…
fn legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(Swatch, &str)],
    style: &FigureStyle,
) -> DrawResult<DB> {
    let font = style.text(14.0);
    let mut x = style.px(8.0) as i32;
    let middle = style.px(11.0) as i32;
    let s = style.px(5.0) as i32;
    for &(swatch, name) in items {
        let left = x;
        let right = x + 4 * s;
        match swatch {
            Swatch::Filled(c) => {
                area.draw(&Rectangle::new([(left, middle - s), (right, middle + s)], c.filled()))?
            }
            Swatch::Outlined(c) => area.draw(&Rectangle::new(
                [(left, middle - s), (right, middle + s)],
                c.stroke_width(style.px(2.0)),
            ))?,
            Swatch::Glyph(..) => {}
            Swatch::Line(c, dash, width) => {
                let stroke = c.stroke_width(style.px(width));
                let (on, off) = match dash {
                    Dash::Solid => (4 * s, 0),
                    _ => {
                        let (on, off) = dash_lengths(dash, width, style);
                        (on as i32, off as i32)
                    }
                };
                let mut from = left;
                while from < right {
                    let to = (from + on.max(1)).min(right);
                    area.draw(&PathElement::new(vec![(from, middle), (to, middle)], stroke))?;
                    from = to + off;
                }
            }
        }
        let text = font.pos(Pos::new(HPos::Left, VPos::Center));
        if let Swatch::Glyph(c, glyph) = swatch {
            let mark = style.text_in(15.0, c).pos(Pos::new(HPos::Center, VPos::Center));
            area.draw(&Text::new(glyph, (left + 2 * s, middle), mark))?;
        }
        let at = (right + s, middle);
        area.draw(&Text::new(name, at, text.clone()))?;
        let (width, _) = area
            .estimate_text_size(name, &text)
            .unwrap_or((name.chars().count() as u32 * style.px(6.0), 0));
        x = right + s + width as i32 + 3 * s;
    }
    Ok(())
}

/// Draws connected `points` solid, dashed or dotted.
fn dashed<DB: DrawingBackend>(
    chart: &Chart<DB>,
    points: &[(f64, f64)],
    dash: Dash,
    colour: RGBColor,
    width: f64,
    style: &FigureStyle,
) -> DrawResult<DB> {
    let stroke = colour.stroke_width(style.px(width));
    let area = chart.plotting_area();
    match dash {
        Dash::Solid => area.draw(&PathElement::new(points.to_vec(), stroke)),
        _ => {
            let (on, off) = dash_lengths(dash, width, style);
            area.draw(&DashedPathElement::new(points.iter().copied(), on, off, stroke))
        }
    }
}

fn dash_lengths(dash: Dash, width: f64, style: &FigureStyle) -> (u32, u32) {
    match dash {
        Dash::Dashed => (style.px(7.0), style.px(4.0)),
        _ => (style.px(width.max(1.5)), style.px(width + 3.0)),
    }
}

/// log₁₀ of a positive finite value.
fn log10_of(value: f64) -> Option<f64> {
    (value.is_finite() && value > 0.0).then(|| value.log10())
}

/// The lowest and highest log₁₀ of the positive finite values seen.
struct Decades(f64, f64);

impl Decades {
    fn new() -> Decades {
        Decades(f64::INFINITY, f64::NEG_INFINITY)
    }

    fn add(&mut self, values: &[f64]) {
        for &v in values {
            if let Some(v) = log10_of(v) {
                self.0 = self.0.min(v);
                self.1 = self.1.max(v);
            }
        }
    }

    /// Whole decades around the values seen, at least two of them (10⁻⁶ – 1 for none).
    fn range(&self) -> (f64, f64) {
        if !self.0.is_finite() {
            return (-6.0, 0.0);
        }
        let (low, high) = (self.0.floor().max(-330.0), self.1.ceil().min(310.0));
        if high - low < 2.0 {
            (high - 2.0, high)
        } else {
            (low, high)
        }
    }
}

/// Step numbers as plot coordinates.
fn as_f64(steps: &[u64]) -> Vec<f64> {
    let mut xs = Vec::with_capacity(steps.len());
    for &s in steps {
        xs.push(s as f64);
    }
    xs
}

/// "10⁻⁶" at whole decades (1 and 10 written plainly), nothing in between.
fn power_label(v: f64) -> String {
    let rounded = v.round();
    if (v - rounded).abs() > 1e-6 {
        return String::new();
    }
    match rounded as i64 {
        0 => "1".to_string(),
        1 => "10".to_string(),
        n => format!("10{}", superscript(n)),
    }
}

/// Tick label of a layer axis: the layer number, or "out" for the last when it is the output.
fn layer_label(x: f64, layers: usize, last_is_output: bool) -> String {
    let rounded = x.round();
    if (x - rounded).abs() > 1e-6 || rounded < 1.0 || rounded > layers as f64 {
        return String::new();
    }
    if last_is_output && rounded as usize == layers {
        "out".to_string()
    } else {
        format!("{}", rounded as usize)
    }
}

fn step_label(v: &f64) -> String {
    if v.fract().abs() > 1e-6 || *v < 0.0 {
        return String::new();
    }
    format!("{}", *v as u64)
}

/// At most two decimals, no trailing zeros, a true minus sign.
fn trim_number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}").replace('-', "−")
}

/// What a bar chart writes where a value cannot be a bar.
fn missing_label(value: f64) -> &'static str {
    if value.is_nan() {
        "NaN"
    } else if value.is_infinite() {
        "∞"
    } else {
        "0"
    }
}

/// Shades per side of the decision boundary.
const TINT_LEVELS: f64 = 8.0;

/// The shade of P(class 1) = `p`: −8 (surely class 0) to 8 (surely class 1), `i32::MIN` for NaN.
fn tint_level(p: f64) -> i32 {
    if p.is_finite() {
        (((p - BOUNDARY) * 2.0).clamp(-1.0, 1.0) * TINT_LEVELS).round() as i32
    } else {
        i32::MIN
    }
}

/// The colour of a shade: the background tinted toward the class's colour, more when surer.
fn tint_colour(level: i32, palette: &crate::render::Palette) -> RGBColor {
    if level == i32::MIN {
        return palette.grid;
    }
    let towards = if level >= 0 { palette.primary } else { palette.secondary };
    mix(palette.background, towards, f64::from(level.unsigned_abs()) / TINT_LEVELS * 0.4)
}

/// `a` moved a fraction `t` of the way to `b`.
fn mix(a: RGBColor, b: RGBColor, t: f64) -> RGBColor {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let channel = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(channel(a.0, b.0), channel(a.1, b.1), channel(a.2, b.2))
}

/// The `level` contour of a `n` × `n` grid of cell-centre values over [−extent, extent]², as
/// line segments (marching squares; saddles split the plain way).
fn contour(grid: &[f64], n: usize, extent: f64, level: f64) -> Vec<[(f64, f64); 2]> {
    let mut segments = Vec::new();
    if n < 2 || grid.len() < n * n {
        return segments;
    }
    let cell = 2.0 * extent / n as f64;
    let centre = |i: usize| -extent + (i as f64 + 0.5) * cell;
    for row in 0..n - 1 {
        for column in 0..n - 1 {
            let corners = [
                (column, row),
                (column + 1, row),
                (column + 1, row + 1),
                (column, row + 1),
            ];
            let value = |(c, r): (usize, usize)| grid[r * n + c];
            let mut crossings = Vec::with_capacity(4);
            for k in 0..4 {
                let (a, b) = (corners[k], corners[(k + 1) % 4]);
                let (va, vb) = (value(a), value(b));
                if !(va.is_finite() && vb.is_finite()) || (va >= level) == (vb >= level) {
                    continue;
                }
                let t = (level - va) / (vb - va);
                let x = centre(a.0) + (centre(b.0) - centre(a.0)) * t;
                let y = centre(a.1) + (centre(b.1) - centre(a.1)) * t;
                crossings.push((x, y));
            }
            for pair in crossings.chunks_exact(2) {
                segments.push([pair[0], pair[1]]);
            }
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_ranges_cover_whole_decades_and_survive_junk() {
        let range = |values: &[f64]| {
            let mut decades = Decades::new();
            decades.add(values);
            decades.range()
        };
        assert_eq!(range(&[2e-7, 0.03]), (-7.0, -1.0));
        assert_eq!(range(&[0.5]), (-2.0, 0.0));
        assert_eq!(range(&[0.0, f64::NAN, -1.0, f64::INFINITY]), (-6.0, 0.0));
        assert_eq!(range(&[]), (-6.0, 0.0));
    }

    #[test]
    fn decade_labels_are_superscripts_and_only_at_decades() {
        assert_eq!(power_label(-6.0), "10⁻⁶");
        assert_eq!(power_label(0.0), "1");
        assert_eq!(power_label(1.0), "10");
        assert_eq!(power_label(-2.5), "");
        assert_eq!(layer_label(9.0, 9, true), "out");
        assert_eq!(layer_label(3.0, 9, true), "3");
        assert_eq!(layer_label(3.5, 9, true), "");
    }

    #[test]
    fn a_contour_separates_the_two_sides() {
        // Left half 0, right half 1: the 0.5 contour is a vertical line at x = 0.
        let n = 4;
        let grid: Vec<f64> = (0..n * n).map(|k| if k % n < 2 { 0.0 } else { 1.0 }).collect();
        let segments = contour(&grid, n, 1.0, 0.5);
        assert_eq!(segments.len(), n - 1);
        assert!(segments.iter().flatten().all(|&(x, _)| x.abs() < 1e-12));
    }
}

//! The words and tables beside the lab's charts: numbers written for people (3.2 × 10⁻⁵), a
//! takeaway sentence per chart that follows the training, and each chart's data as a table.

use super::session::{append, LabSession, Run};
use super::LabChart;

/// Most rows a table of values over training steps shows (evenly thinned).
pub const MAX_TABLE_ROWS: usize = 40;

/// `n` as superscript digits with a true minus sign: −6 → "⁻⁶".
pub fn superscript(n: i64) -> String {
    let digits = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        out.push(c.to_digit(10).map_or(c, |d| digits[d as usize]));
    }
    out
}

/// A number for people: three significant digits from 0.001 to 9999 ("0.0066", "0.693",
/// "1240"), otherwise two in scientific form ("3.2 × 10⁻⁵"); "0", "NaN", "∞", a true minus sign.
pub fn format_sci(x: f64) -> String {
    if x.is_nan() {
        return "NaN".to_string();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞" } else { "−∞" }.to_string();
    }
    if x == 0.0 {
        return "0".to_string();
    }
    let magnitude = x.abs();
    let text = if (1e-3..1e4).contains(&magnitude) {
        let decimals = (2 - magnitude.log10().floor() as i32).clamp(0, 5) as usize;
        trim_zeros(format!("{x:.decimals$}"))
    } else {
        let mut exponent = magnitude.log10().floor() as i32;
        let mut mantissa = format!("{:.1}", x / 10f64.powi(exponent));
        if mantissa.trim_start_matches('-') == "10.0" {
            exponent += 1;
            mantissa = format!("{:.1}", x / 10f64.powi(exponent));
        }
        format!("{} × 10{}", trim_zeros(mantissa), superscript(i64::from(exponent)))
    };
    text.replace('-', "−")
}

fn trim_zeros(text: String) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// A share as a whole percentage ("38 %"), "< 1 %" for small non-zero shares.
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "NaN".to_string();
    }
    let p = share * 100.0;
    if p > 0.0 && p < 0.5 {
        "< 1 %".to_string()
    } else {
        format!("{p:.0} %")
    }
}

/// A whole number with thousands separated: 12345 → "12,345".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many times: "340", or "about 10⁶" from a thousand up.
pub fn times(ratio: f64) -> String {
    if ratio < 1000.0 {
        format!("{ratio:.0}")
    } else {
        format!("about 10{}", superscript(ratio.log10().round() as i64))
    }
}

/// How layer 1's gradient compares with `whose` output layer's, as a phrase.
fn gap_phrase(first: f64, last: f64, whose: &str) -> String {
    if !(first.is_finite() && last.is_finite()) {
        return "is not a finite number".to_string();
    }
    if first <= 0.0 {
        return "is 0: nothing reaches it".to_string();
    }
    let ratio = last / first;
    if ratio >= 10.0 {
        format!("is {} times smaller than {whose} output layer's", times(ratio))
    } else if ratio <= 0.1 && ratio > 0.0 {
        format!("is {} times larger than {whose} output layer's", times(1.0 / ratio))
    } else {
        format!("is within a factor of 10 of {whose} output layer's")
    }
}

/// A chart's data as a table: a caption, column headers, rows of text (first cell a row header).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// What the table shows.
    pub caption: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows, each as long as the headers.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// The table for the page: the caption, then headers and rows as tab-separated lines.
    pub fn page_text(&self) -> String {
        let mut text = self.caption.clone();
        for line in std::iter::once(&self.headers).chain(&self.rows) {
            text.push('\n');
            let mut cells = String::new();
            for cell in line {
                append(&mut cells, cell, '\t');
            }
            text.push_str(&cells);
        }
        text
    }
}

/// The step counter and losses in one line: "Step 1,234 · loss 0.693 (sigmoid) · 0.120 (ReLU)".
pub fn status(session: &LabSession) -> String {
    let main = session.main();
    let mut line = format!("Step {}", thousands(session.steps()));
    if session.steps() > 0 {
        line += &format!(" · loss {} ({})", format_sci(recent_loss(main)), main.name);
        if let Some(b) = session.comparison() {
            line += &format!(" · {} ({})", format_sci(recent_loss(b)), b.name);
        }
    }
    line
}

/// The mean of the last few sampled mini-batch losses (the start's loss before any step).
fn recent_loss(run: &Run) -> f64 {
    let loss = run.trainer.history().loss();
    if loss.is_empty() {
        return run.start_loss;
    }
    let recent = &loss[loss.len().saturating_sub(8)..];
    recent.iter().sum::<f64>() / recent.len() as f64
}

/// "Before training" or "At step 1,234"; `capital` picks the first letter's case.
fn when(session: &LabSession, capital: bool) -> String {
    let text = match session.steps() {
        0 => "before training".to_string(),
        s => format!("at step {}", thousands(s)),
    };
    if capital {
        let (first, rest) = text.split_at(1);
        first.to_ascii_uppercase() + rest
    } else {
        text
    }
}

fn first_and_last(values: &[f64]) -> (f64, f64) {
    (
        values.first().copied().unwrap_or(f64::NAN),
        values.last().copied().unwrap_or(f64::NAN),
    )
}

/// The takeaway sentence under `chart`, for the current state.
pub fn takeaway(session: &mut LabSession, chart: LabChart) -> String {
    match chart {
        LabChart::Gradients => gradients_takeaway(session),
        LabChart::History => history_takeaway(session),
        LabChart::Loss => loss_takeaway(session),
        LabChart::Decision => decision_takeaway(session),
        LabChart::Health => health_takeaway(session),
        LabChart::Ledger => ledger_takeaway(session),
    }
}

fn gradients_takeaway(session: &LabSession) -> String {
    let main = session.main();
    let (first, last) = first_and_last(&main.gradients());
    let mut text = format!(
        "{}, layer 1's gradient ({}) {} ({}).",
        when(session, true),
        format_sci(first),
        gap_phrase(first, last, "the"),
        format_sci(last)
    );
    if first.is_finite() && last.is_finite() && first > 0.0 && last / first >= 100.0 {
        text += " The early layers hardly learn.";
    }
    if let Some(b) = session.comparison() {
        let (first, last) = first_and_last(&b.gradients());
        text += &format!(
            " Comparison ({}): layer 1's gradient {}.",
            b.name,
            gap_phrase(first, last, "its")
        );
    }
    text
}

fn history_takeaway(session: &LabSession) -> String {
    let history = session.main().trainer.history();
    let layers = history.layers();
    if history.steps().is_empty() || layers == 0 {
        return "Press play or one step: a line per layer then shows its gradient as training goes on."
            .to_string();
    }
    let (first, last) = (history.gradients(0), history.gradients(layers - 1));
    let (mut sum, mut count) = (0.0, 0.0);
    for (&a, &b) in first.iter().zip(last) {
        if a.is_finite() && b.is_finite() && a > 0.0 && b > 0.0 {
            sum += (b / a).log10();
            count += 1.0;
        }
    }
    let steps = thousands(session.steps());
    if count == 0.0 {
        return format!("Over {steps} steps, layer 1's gradient has been 0 or not a number.");
    }
    let typical = 10f64.powf(sum / count);
    if typical >= 10.0 {
        format!(
            "Over {steps} steps, layer 1's gradient (solid line) stayed {} times below the output layer's (dashed): the gap is the vanishing gradient.",
            times(typical)
        )
    } else if typical <= 0.1 {
        format!(
            "Over {steps} steps, layer 1's gradient (solid line) stayed {} times above the output layer's (dashed).",
            times(1.0 / typical)
        )
    } else {
        format!("Over {steps} steps, layer 1's gradient (solid line) stayed within a factor of 10 of the output layer's (dashed): no layer is starved.")
    }
}

fn loss_takeaway(session: &LabSession) -> String {
    let main = session.main();
    let start = main.start_loss;
    if session.steps() == 0 {
        return format!(
            "Loss before training: {} (ln 2 ≈ 0.693 is what a 50/50 guess costs).",
            format_sci(start)
        );
    }
    let now = recent_loss(main);
    let verdict = if now > 0.65 && session.steps() >= 300 {
        "still near ln 2 ≈ 0.693, a 50/50 guess: this network is not learning"
    } else if now < 0.5 * start {
        "falling: the network is learning"
    } else {
        "changing slowly so far"
    };
    let mut text = format!(
        "Loss {} at step {}, from {} at the start: {verdict}.",
        format_sci(now),
        thousands(session.steps()),
        format_sci(start)
    );
    if let Some(b) = session.comparison() {
        text += &format!(" Comparison ({}): {}.", b.name, format_sci(recent_loss(b)));
    }
    text
}

fn decision_takeaway(session: &mut LabSession) -> String {
    let run = session.main_mut();
    let evaluation = run.trainer.evaluate();
    let points = run.trainer.dataset().len();
    let dataset = run.trainer.config().dataset.name();
    let mut text = format!(
        "The network classifies {} of the {points} {dataset} points correctly",
        percent(evaluation.accuracy)
    );
    text += if evaluation.accuracy < 0.65 {
        ": hardly better than guessing."
    } else if evaluation.accuracy > 0.95 {
        ": the line p = 0.5 separates the classes."
    } else {
        "."
    };
    text
}

/// What the health chart counts for a run: "saturated", "dead" or "off".
fn health_kind(run: &Run) -> &'static str {
    use crate::lab::Activation;
    match run.trainer.config().activation {
        Activation::Sigmoid | Activation::Tanh => "saturated",
        Activation::Relu => "dead",
        Activation::LeakyRelu => "off",
    }
}

/// The share the health chart shows for each hidden layer of a run.
pub(super) fn health_values(run: &Run) -> Vec<f64> {
    let layers = run.layers();
    let saturates = run.trainer.config().activation.saturates();
    let mut values = Vec::with_capacity(layers.len());
    for l in &layers[..layers.len().saturating_sub(1)] {
        values.push(if saturates { l.saturated_fraction } else { l.dead_fraction });
    }
    values
}

/// The legend name of a run on the health chart, e.g. "sigmoid: saturated".
pub(super) fn health_name(run: &Run) -> String {
    format!("{}: {}", run.name, health_kind(run))
}

fn health_takeaway(session: &LabSession) -> String {
    let main = session.main();
    let mut text = health_sentence(main, true);
    if let Some(b) = session.comparison() {
        text += &format!(" Comparison ({}): {}", b.name, health_sentence(b, false));
    }
    text
}

fn health_sentence(run: &Run, full: bool) -> String {
    let values = health_values(run);
    let kind = health_kind(run);
    let (mut worst, mut sum) = (None, 0.0);
    for (layer, &share) in values.iter().enumerate() {
        sum += share;
        if share.is_finite() && worst.is_none_or(|(_, w)| share > w) {
            worst = Some((layer, share));
        }
    }
    let mean = sum / values.len().max(1) as f64;
    let what = match kind {
        "saturated" => "Saturated units (|z| ≥ 3, where the slope is nearly 0)",
        "dead" => "Dead units (output 0 for every example looked at)",
        _ => "Units off for every example (leaky ReLU still passes back a tenth of their gradient)",
    };
    let sigmoid = run.trainer.config().activation == crate::lab::Activation::Sigmoid;
    match worst {
        Some((layer, share)) if share > 0.0 && full => format!(
            "{what}: {} in layer {}, {} on average.",
            percent(share),
            layer + 1,
            percent(mean)
        ),
        Some((layer, share)) if share > 0.0 => {
            format!("{kind} units up to {} (layer {}).", percent(share), layer + 1)
        }
        _ if full && sigmoid => "No sigmoid unit is saturated (|z| ≥ 3), yet the gradient still shrinks: σ′ is at most 0.25, so every layer multiplies it by a quarter or less (times its weights).".to_string(),
        _ if full => format!("No {kind} units in any layer."),
        _ => format!("no {kind} units."),
    }
}

fn ledger_takeaway(session: &LabSession) -> String {
    let index = session.example();
    let trainer = &session.main().trainer;
    let Some(ledger) = trainer.ledger(index) else {
        return "No example to follow.".to_string();
    };
    let layers = ledger.rows.len();
    let product = ledger.first_layer_product();
    let head = format!(
        "Example #{index} at ({}, {}), class {}, predicted p = {}:",
        format_sci(ledger.point[0]),
        format_sci(ledger.point[1]),
        ledger.label,
        format_sci(ledger.probability)
    );
    let practice = "The practice problem's five factors of 0.2 leave 0.2⁵ = 0.00032.";
    if !(product.is_finite() && product > 0.0) {
        return format!(
            "{head} going back from the output, some layer's factor is 0, so nothing of the gradient reaches layer 1 (a unit that is off passes back nothing). {practice}"
        );
    }
    let typical = product.powf(1.0 / layers.max(1) as f64);
    format!(
        "{head} going back from the output, {layers} layers multiply the gradient by about {} each, leaving {} of it at layer 1. {practice}",
        format_sci(typical),
        format_sci(product)
    )
}

/// `chart`'s data as a table, for the current state.
pub fn table(session: &mut LabSession, chart: LabChart) -> Table {
    let main = session.main();
    let mut runs = vec![main];
    runs.extend(session.comparison());
    let mut table = Table::default();
    let mut columns: Vec<Vec<f64>> = Vec::new();
    let mut format: fn(f64) -> String = format_sci;
    let now = when(session, false);
    match chart {
        LabChart::Gradients | LabChart::Health => {
            let health = chart == LabChart::Health;
            table.caption = if health {
                format!("Share of units saturated or dead per hidden layer, {now}")
            } else {
                format!("Mean |∂L/∂W| per layer, {now}")
            };
            table.headers.push("Layer".to_string());
            for run in &runs {
                table.headers.push(if health { health_name(run) } else { run.name.clone() });
                columns.push(if health { health_values(run) } else { run.gradients() });
            }
            let count = columns[0].len();
            for i in 0..count {
                table.rows.push(vec![if health { format!("{}", i + 1) } else { layer_name(i, count) }]);
            }
            if health {
                format = percent;
            }
        }
        LabChart::History | LabChart::Loss => {
            let history = main.trainer.history();
            let picks = thinned(history.steps().len());
            let loss = chart == LabChart::Loss;
            table.headers.push("Step".to_string());
            if loss {
                table.caption = "Mini-batch loss over training (step 0: the whole dataset)".to_string();
                table.rows.push(vec!["0".to_string()]);
                for run in &runs {
                    table.headers.push(format!("Loss, {}", run.name));
                    let values = run.trainer.history().loss();
                    let mut column = vec![run.start_loss];
                    for &i in &picks {
                        column.extend(values.get(i));
                    }
                    columns.push(column);
                }
            } else {
                table.caption = format!("Mean |∂L/∂W| per layer over training ({})", main.name);
                let layers = history.layers();
                for l in 0..layers {
                    table.headers.push(format!("Layer {}", layer_name(l, layers)));
                    let values = history.gradients(l);
                    let mut column = Vec::with_capacity(picks.len());
                    for &i in &picks {
                        column.extend(values.get(i));
                    }
                    columns.push(column);
                }
            }
            for &i in &picks {
                table.rows.push(vec![thousands(history.steps()[i])]);
            }
        }
        LabChart::Decision => {
            // [class 1, class 0, all] × [points, classified right]
            let mut counts = [[0.0; 2]; 3];
            let trainer = &main.trainer;
            let data = trainer.dataset();
            for (point, &label) in data.points.iter().zip(&data.labels) {
                let says_one = trainer.network().predict(*point) >= 0.5;
                let right = f64::from(u8::from(says_one == (label == 1)));
                for row in [usize::from(label != 1), 2] {
                    counts[row][0] += 1.0;
                    counts[row][1] += right;
                }
            }
            table.caption = format!("Points classified right by the network, {now}");
            for name in ["Class", "Points", "Classified right"] {
                table.headers.push(name.to_string());
            }
            for (name, [points, right]) in ["class 1 (discs)", "class 0 (crosses)", "all"].into_iter().zip(counts) {
                table.rows.push(vec![name.to_string(), format_sci(points), format_sci(right)]);
            }
        }
        LabChart::Ledger => {
            let index = session.example();
            let ledger = main.trainer.ledger(index);
            let start = ledger.as_ref().map_or(f64::NAN, |l| l.output_gradient);
            table.caption = format!(
                "Chain-rule ledger for example #{index}: from the output (p − y = {}, running product 1) back to layer 1",
                format_sci(start)
            );
            for name in ["Layer", "Mean slope f′(z)", "Weight factor", "Local factor", "Running product"] {
                table.headers.push(name.to_string());
            }
            for row in ledger.iter().flat_map(|l| &l.rows) {
                let mut cells = vec![format!("{}", row.layer)];
                for value in [row.mean_slope, row.weight_factor, row.local_factor, row.running_product] {
                    cells.push(format_sci(value));
                }
                table.rows.push(cells);
            }
        }
    }
    for (i, row) in table.rows.iter_mut().enumerate() {
        for column in &columns {
            row.push(column.get(i).map_or(String::new(), |&v| format(v)));
        }
    }
    table
}

/// "output" for the last of `count` layers, else the layer's number.
fn layer_name(index: usize, count: usize) -> String {
    if index + 1 == count {
        "output".to_string()
    } else {
        format!("{}", index + 1)
    }
}

/// Indices of at most [`MAX_TABLE_ROWS`] evenly spaced entries of `len`, always the last.
fn thinned(len: usize) -> Vec<usize> {
    let stride = len.div_ceil(MAX_TABLE_ROWS).max(1);
    let mut picks: Vec<usize> = (0..len).step_by(stride).collect();
    if len > 0 && picks.last() != Some(&(len - 1)) {
        picks.push(len - 1);
    }
    picks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_written_for_people() {
        assert_eq!(format_sci(0.0066), "0.0066");
        assert_eq!(format_sci(0.6942), "0.694");
        assert_eq!(format_sci(2.7e-8), "2.7 × 10⁻⁸");
        assert_eq!(format_sci(-3.2e-5), "−3.2 × 10⁻⁵");
        assert_eq!(format_sci(9.96e-5), "1 × 10⁻⁴");
        assert_eq!(format_sci(1e-300), "1 × 10⁻³⁰⁰");
        assert_eq!(format_sci(12345.0), "1.2 × 10⁴");
        assert_eq!(format_sci(1240.0), "1240");
        assert_eq!(format_sci(0.0), "0");
        assert_eq!(format_sci(f64::NAN), "NaN");
        assert_eq!(format_sci(f64::NEG_INFINITY), "−∞");
        assert_eq!(format_sci(0.00032), "3.2 × 10⁻⁴");
        assert_eq!(percent(0.375), "38 %");
        assert_eq!(percent(0.001), "< 1 %");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(times(340.4), "340");
        assert_eq!(times(5.9e5), "about 10⁶");
    }

    #[test]
    fn the_deep_sigmoid_takeaway_states_the_gap() {
        let mut session = LabSession::from_search("");
        let text = takeaway(&mut session, LabChart::Gradients);
        assert!(text.starts_with("Before training, layer 1's gradient"), "{text}");
        assert!(text.contains("times smaller than the output layer's"), "{text}");
        assert!(text.contains("Comparison (ReLU)") && text.contains("within a factor of 10"), "{text}");
        session.run(50);
        for chart in LabChart::ALL {
            let text = takeaway(&mut session, chart);
            assert!(!text.is_empty() && !text.contains("NaN"), "{chart:?}: {text}");
            let table = table(&mut session, chart);
            assert!(!table.rows.is_empty(), "{chart:?}");
            assert!(table.rows.iter().all(|r| r.len() == table.headers.len()), "{chart:?}");
        }
        assert!(status(&session).starts_with("Step 50 · loss"));
    }
}

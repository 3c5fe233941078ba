//! Numbers and sentences for people: read-outs, takeaways and data tables, formatted from the
//! figures' models.

mod ball;
mod depth;
mod relu;
mod sigmoid;
mod table;

use crate::figures::{BallRun, FigureState};

pub use ball::BallReading;
pub use depth::DepthReading;
pub use relu::ReluReading;
pub use sigmoid::SigmoidReading;
pub use table::{Cell, DataTable};

/// Everything a figure says about `state`, for the page: `[read-out, takeaway, …]` followed by
/// kind-specific lines — sigmoid and relu: the slider's value text; depth: the factor, depth and
/// learning-rate value texts, the reference line, the threshold line; ball: the push value text,
/// the pushes so far (a number) and `1` when the run is over, else `0`.
pub fn texts(state: &FigureState) -> Vec<String> {
    match state {
        FigureState::Sigmoid(s) => {
            let reading = SigmoidReading::at(s.z);
            vec![reading.readout(), reading.takeaway(), reading.value_text()]
        }
        FigureState::Relu(s) => {
            let reading = ReluReading::new(*s);
            vec![reading.readout(), reading.takeaway(), reading.value_text()]
        }
        FigureState::Depth(s) => {
            let reading = DepthReading::new(*s);
            vec![
                reading.readout(),
                reading.takeaway(),
                reading.factor_value_text(),
                reading.layers_value_text(),
                reading.rate_value_text(),
                reading.references(),
                reading.threshold_text(),
            ]
        }
        FigureState::Ball(s) => {
            let run = BallRun::new(*s);
            let reading = BallReading::new(&run);
            let finished = if run.finished() { "1" } else { "0" };
            vec![reading.readout(), reading.takeaway(), reading.push_value_text(), format!("{}", run.elapsed()), finished.to_owned()]
        }
    }
}

/// The data table of the figure in `state`: the numbers it draws.
pub fn table(state: &FigureState) -> DataTable {
    match state {
        FigureState::Sigmoid(s) => SigmoidReading::at(s.z).table(),
        FigureState::Relu(s) => ReluReading::new(*s).table(),
        FigureState::Depth(s) => DepthReading::new(*s).table(),
        FigureState::Ball(s) => BallReading::new(&BallRun::new(*s)).table(),
    }
}

/// `x` with `significant` significant digits for reading aloud: plain decimals from 0.00001 up
/// (the lesson writes 0.000032), `4.5 × 10⁻⁶` below, a Unicode minus for negatives, no trailing zeros after the point.
///
/// ```
/// use vanishing_gradients::describe::plain;
/// assert_eq!(plain(0.006648, 2), "0.0066");
/// assert_eq!(plain(2.6592, 2), "2.7");
/// assert_eq!(plain(100.0, 2), "100");
/// assert_eq!(plain(0.00032, 2), "0.00032");
/// assert_eq!(plain(0.000032, 2), "0.000032");
/// assert_eq!(plain(4.54e-6, 2), "4.5 × 10⁻⁶");
/// assert_eq!(plain(-2.5, 3), "−2.5");
/// assert_eq!(plain(0.0, 3), "0");
/// assert_eq!(plain(f64::NAN, 3), "not a number");
/// ```
pub fn plain(x: f64, significant: usize) -> String {
    if x.is_nan() {
        return "not a number".to_owned();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞".to_owned() } else { "−∞".to_owned() };
    }
    if x == 0.0 {
        return "0".to_owned();
    }
    let sign = if x < 0.0 { "−" } else { "" };
    let magnitude = x.abs();
    let significant = significant.clamp(1, 15);
    if !(1e-5..1e9).contains(&magnitude) {
        let text = format!("{:.*e}", significant - 1, magnitude);
        let (mantissa, exponent) = text.split_once('e').unwrap_or((text.as_str(), "0"));
        return format!("{sign}{} × 10{}", trim_zeros(mantissa), superscript(exponent));
    }
    let leading = magnitude.log10().floor() as i32;
    let decimals = (significant as i32 - 1 - leading).max(0) as usize;
    let text = format!("{magnitude:.decimals$}");
    format!("{sign}{}", trim_zeros(&text))
}

fn trim_zeros(text: &str) -> &str {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        text
    }
}

/// Digits and a minus sign as Unicode superscripts: `-5` → `⁻⁵`.
pub fn superscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_carries_into_a_new_digit() {
        assert_eq!(plain(0.009996, 2), "0.01");
        assert_eq!(plain(99.96, 2), "100");
    }
}

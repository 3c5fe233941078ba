//! Numbers and sentences for people: read-outs and takeaways, formatted from `math`.

use crate::math::{sigmoid, sigmoid_derivative, sigmoid_slope_fraction_of_max};

/// What the sigmoid explorer reports at one z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SigmoidReading {
    /// The input.
    pub z: f64,
    /// σ(z).
    pub value: f64,
    /// σ′(z).
    pub slope: f64,
    /// σ′(z) as a percent of the 0.25 maximum.
    pub percent_of_max: f64,
}

impl SigmoidReading {
    /// The reading at `z`.
    pub fn at(z: f64) -> Self {
        SigmoidReading {
            z,
            value: sigmoid(z),
            slope: sigmoid_derivative(z),
            percent_of_max: 100.0 * sigmoid_slope_fraction_of_max(z),
        }
    }

    /// One line of read-out, e.g. `σ(5) = 0.9933 · σ′(5) = 0.0066 · 2.7 % of the 0.25 maximum`.
    pub fn readout(&self) -> String {
        let z = plain(self.z, 3);
        format!(
            "σ({z}) = {} · σ′({z}) = {} · {} % of the 0.25 maximum",
            plain(self.value, 4),
            plain(self.slope, 2),
            plain(self.percent_of_max, 2)
        )
    }

    /// A takeaway sentence, e.g. `At z = 5 the slope is 0.0066, 2.7 % of its maximum.`
    pub fn takeaway(&self) -> String {
        let verdict = if self.z.abs() >= crate::math::SATURATION_THRESHOLD {
            " The sigmoid is saturated here: learning barely moves."
        } else if self.percent_of_max > 99.5 {
            " This is the steepest the sigmoid gets."
        } else {
            ""
        };
        format!(
            "At z = {} the slope is {}, {} % of its maximum.{verdict}",
            plain(self.z, 3),
            plain(self.slope, 2),
            plain(self.percent_of_max, 2)
        )
    }
}

/// `x` with `significant` significant digits for reading aloud: plain decimals from 0.001 up,
/// `4.5 × 10⁻⁵` below, a Unicode minus for negatives, no trailing zeros after the point.
///
/// ```
/// use vanishing_gradients::describe::plain;
/// assert_eq!(plain(0.006648, 2), "0.0066");
/// assert_eq!(plain(2.6592, 2), "2.7");
/// assert_eq!(plain(100.0, 2), "100");
/// assert_eq!(plain(0.00032, 2), "0.00032");
/// assert_eq!(plain(4.54e-5, 2), "4.5 × 10⁻⁵");
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
    if !(1e-4..1e9).contains(&magnitude) {
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
    fn readout_at_five_matches_the_lesson() {
        // The lesson works σ(5) = 0.9933 and σ′(5) ≈ 0.0067, 2.7 % of the maximum by hand.
        let text = SigmoidReading::at(5.0).readout();
        assert_eq!(text, "σ(5) = 0.9933 · σ′(5) = 0.0066 · 2.7 % of the 0.25 maximum");
    }

    #[test]
    fn takeaway_names_saturation_only_in_the_saturated_zone() {
        assert!(SigmoidReading::at(5.0).takeaway().contains("saturated"));
        assert!(SigmoidReading::at(-3.0).takeaway().contains("saturated"));
        assert!(!SigmoidReading::at(1.0).takeaway().contains("saturated"));
        assert!(SigmoidReading::at(0.0).takeaway().contains("100 %"));
    }

    #[test]
    fn rounding_carries_into_a_new_digit() {
        assert_eq!(plain(0.009996, 2), "0.01");
        assert_eq!(plain(99.96, 2), "100");
    }
}

//! Numbers written for people: plain decimals, Unicode superscripts and "3.2 × 10⁻⁵".

/// The digits of `x` rounded to `sig` significant figures, as (negative, digits, exponent) with
/// |x| ≈ d₁.d₂d₃… × 10^exponent and trailing zeros of `digits` removed. `None` for 0 and non-finite.
fn significant_digits(x: f64, sig: usize) -> Option<(bool, String, i32)> {
    if x == 0.0 || !x.is_finite() {
        return None;
    }
    let sci = format!("{:.*e}", sig.clamp(1, 17) - 1, x.abs());
    let (mantissa, exponent) = sci.split_once('e')?;
    let exponent: i32 = exponent.parse().ok()?;
    let mut digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    while digits.len() > 1 && digits.ends_with('0') {
        digits.pop();
    }
    Some((x < 0.0, digits, exponent))
}

/// `x` rounded to `sig` significant figures (0 and non-finite values come back unchanged).
///
/// ```
/// use vanishing_gradients::problems::text::round_sig;
/// assert_eq!(round_sig(0.006648, 2), 0.0066);
/// assert_eq!(round_sig(0.026592, 1), 0.03);
/// ```
pub fn round_sig(x: f64, sig: usize) -> f64 {
    format!("{:.*e}", sig.clamp(1, 17) - 1, x).parse().unwrap_or(x)
}

/// An integer exponent in Unicode superscripts, with the Unicode minus: −5 → "⁻⁵".
///
/// ```
/// use vanishing_gradients::problems::text::superscript;
/// assert_eq!(superscript(-5), "⁻⁵");
/// assert_eq!(superscript(10), "¹⁰");
/// ```
pub fn superscript(n: i64) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let mut out = String::new();
    if n < 0 {
        out.push('⁻');
    }
    for c in n.unsigned_abs().to_string().chars() {
        let d = c.to_digit(10).unwrap_or(0) as usize;
        out.push(DIGITS[d]);
    }
    out
}

/// `x` as a plain decimal with at most `sig` significant figures, Unicode minus for negatives.
///
/// ```
/// use vanishing_gradients::problems::text::plain;
/// assert_eq!(plain(0.000032, 6), "0.000032");
/// assert_eq!(plain(0.99330714907, 4), "0.9933");
/// assert_eq!(plain(-5.0, 6), "−5");
/// assert_eq!(plain(1250.0, 6), "1250");
/// ```
pub fn plain(x: f64, sig: usize) -> String {
    let Some((negative, digits, exponent)) = significant_digits(x, sig) else {
        return special(x);
    };
    let mut out = String::from(if negative { "−" } else { "" });
    if exponent < 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-exponent - 1) as usize));
        out.push_str(&digits);
    } else {
        let whole = exponent as usize + 1;
        if digits.len() <= whole {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', whole - digits.len()));
        } else {
            out.push_str(&digits[..whole]);
            out.push('.');
            out.push_str(&digits[whole..]);
        }
    }
    out
}

/// `x` in scientific notation with at most `sig` significant figures: "3.2 × 10⁻⁵".
///
/// ```
/// use vanishing_gradients::problems::text::scientific;
/// assert_eq!(scientific(0.000032, 6), "3.2 × 10⁻⁵");
/// assert_eq!(scientific(3e-7, 6), "3 × 10⁻⁷");
/// ```
pub fn scientific(x: f64, sig: usize) -> String {
    let Some((negative, digits, exponent)) = significant_digits(x, sig) else {
        return special(x);
    };
    let sign = if negative { "−" } else { "" };
    let mantissa = if digits.len() > 1 {
        format!("{}.{}", &digits[..1], &digits[1..])
    } else {
        digits
    };
    format!("{sign}{mantissa} × 10{}", superscript(i64::from(exponent)))
}

/// `x` the way a reader takes it in best: plain between 0.001 and a million, scientific outside.
///
/// ```
/// use vanishing_gradients::problems::text::human;
/// assert_eq!(human(0.0067, 6), "0.0067");
/// assert_eq!(human(0.00032, 6), "3.2 × 10⁻⁴");
/// assert_eq!(human(37.593985, 4), "37.59");
/// ```
pub fn human(x: f64, sig: usize) -> String {
    let size = x.abs();
    if x == 0.0 || !x.is_finite() || (1e-3..1e6).contains(&size) {
        plain(x, sig)
    } else {
        scientific(x, sig)
    }
}

/// `x` the way the lesson writes it: plain decimals down to 10⁻⁶ (0.000032), scientific beyond.
///
/// ```
/// use vanishing_gradients::problems::text::lesson;
/// assert_eq!(lesson(0.000032, 4), "0.000032");
/// assert_eq!(lesson(6.4e-8, 4), "6.4 × 10⁻⁸");
/// ```
pub fn lesson(x: f64, sig: usize) -> String {
    let size = x.abs();
    if x == 0.0 || !x.is_finite() || (1e-6..1e6).contains(&size) {
        plain(x, sig)
    } else {
        scientific(x, sig)
    }
}

/// A fraction written as a percent with at most `sig` significant figures: 0.026592 → "2.66 %".
///
/// ```
/// use vanishing_gradients::problems::text::percent;
/// assert_eq!(percent(0.026592, 3), "2.66 %");
/// ```
pub fn percent(fraction: f64, sig: usize) -> String {
    format!("{} %", human(fraction * 100.0, sig))
}

/// A plain decimal followed, when it is below 0.001, by its scientific form in brackets:
/// "0.00032 (3.2 × 10⁻⁴)". Worked steps use it so long rows of zeros are easy to count.
pub fn plain_and_scientific(x: f64, sig: usize) -> String {
    if x != 0.0 && x.abs() < 1e-3 {
        format!("{} ({})", plain(x, sig), scientific(x, sig))
    } else {
        plain(x, sig)
    }
}

/// A number as an exponent after "e^": 5 → "5", −5 → "(−5)".
pub fn exponent_operand(x: f64) -> String {
    if x < 0.0 {
        format!("({})", plain(x, 6))
    } else {
        plain(x, 6)
    }
}

fn special(x: f64) -> String {
    if x.is_nan() {
        "not a number".to_string()
    } else if x == f64::INFINITY {
        "∞".to_string()
    } else if x == f64::NEG_INFINITY {
        "−∞".to_string()
    } else {
        "0".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_pads_and_places_the_point() {
        assert_eq!(plain(0.0067, 10), "0.0067");
        assert_eq!(plain(2.66, 3), "2.66");
        assert_eq!(plain(0.026592, 3), "0.0266");
        assert_eq!(plain(100.0, 6), "100");
        assert_eq!(plain(0.0, 6), "0");
        assert_eq!(plain(9.99996, 4), "10");
    }

    #[test]
    fn scientific_and_specials() {
        assert_eq!(scientific(1.0, 3), "1 × 10⁰");
        assert_eq!(scientific(-0.00032, 3), "−3.2 × 10⁻⁴");
        assert_eq!(human(f64::INFINITY, 3), "∞");
        assert_eq!(human(f64::NAN, 3), "not a number");
        assert_eq!(human(1e300, 3), "1 × 10³⁰⁰");
    }

    #[test]
    fn helpers_for_worked_steps() {
        assert_eq!(plain_and_scientific(0.00032, 6), "0.00032 (3.2 × 10⁻⁴)");
        assert_eq!(plain_and_scientific(0.2, 6), "0.2");
        assert_eq!(exponent_operand(-5.0), "(−5)");
        assert_eq!(superscript(0), "⁰");
        assert_eq!(superscript(i64::MIN), "⁻⁹²²³³⁷²⁰³⁶⁸⁵⁴⁷⁷⁵⁸⁰⁸");
    }
}

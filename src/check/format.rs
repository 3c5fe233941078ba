//! Says how an answer was read, in Unicode: "3.2 × 10⁻⁵", "2.7 % (= 0.027)", "0.2⁵ = 3.2 × 10⁻⁴".

use super::parse::Reading;
use crate::problems::text::{human, round_sig};

/// How `reading` was understood, for a "Read as …" line.
///
/// ```
/// use vanishing_gradients::check::{read, read_as};
/// assert_eq!(read("0.000032").map(|r| read_as(&r)).as_deref(), Ok("3.2 × 10⁻⁵"));
/// assert_eq!(read("2.7%").map(|r| read_as(&r)).as_deref(), Ok("2.7 % (= 0.027)"));
/// assert_eq!(read("0.2^5").map(|r| read_as(&r)).as_deref(), Ok("0.2⁵ = 3.2 × 10⁻⁴"));
/// ```
pub fn read_as(reading: &Reading) -> String {
    let typed = reading.typed_value;
    let mut out = match &reading.expression {
        None => human(typed, 12),
        Some(expression) => {
            // Up to float noise, six figures say it all: then "=", otherwise "≈".
            let exact = round_sig(typed, 6) == round_sig(typed, 12);
            let sign = if exact { "=" } else { "≈" };
            let percent = if reading.percent { " %" } else { "" };
            format!("{expression}{percent} {sign} {}", human(typed, 6))
        }
    };
    if reading.percent {
        out.push_str(&format!(" % (= {})", human(reading.value, 6)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::read;

    fn shown(s: &str) -> String {
        read(s).map(|r| read_as(&r)).unwrap_or_default()
    }

    #[test]
    fn plain_numbers_show_their_value() {
        assert_eq!(shown(".0067"), "0.0067");
        assert_eq!(shown("6.7E-3"), "0.0067");
        assert_eq!(shown("6.7 x 10⁻³"), "0.0067");
        assert_eq!(shown("-0.000032"), "−3.2 × 10⁻⁵");
        assert_eq!(shown("0,0067"), "0.0067");
    }

    #[test]
    fn expressions_show_their_shape_and_value() {
        assert_eq!(shown("1/(1+e^-5)"), "1 / (1 + e⁻⁵) ≈ 0.993307");
        assert_eq!(shown("0.1+0.2"), "0.1 + 0.2 = 0.3");
        assert_eq!(shown("1/150"), "1 / 150 ≈ 0.00666667");
        assert_eq!(shown("0.0067/0.25*100%"), "0.0067 / 0.25 × 100 % = 2.68 % (= 0.0268)");
    }
}

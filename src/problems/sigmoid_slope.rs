//! Practice problem 1: the sigmoid's slope σ′(z) at one z, and how it compares with the 0.25 maximum.

use super::text::{exponent_operand, lesson, percent, plain, round_sig};
use super::{Answer, Problem, Tolerance, UnitKind};
use crate::math::{
    sigmoid, sigmoid_derivative, sigmoid_slope_fraction_of_max, SATURATION_THRESHOLD,
    SIGMOID_MAX_SLOPE,
};

/// σ′ may be rounded as the lesson does: 0.0066 (σ′ rounded) and 0.0067 (σ rounded first) are
/// both within 1 % of 0.006648, while e^(−5) ≈ 0.00674 (1.35 % off) is not.
const SLOPE_TOLERANCE: Tolerance = Tolerance::relative(0.01);

/// The share of the maximum inherits either rounding of σ′: 0.0066 / 0.25 = 2.64 % ≈ 2.6 % and
/// 0.0067 / 0.25 = 2.68 % ≈ 2.7 % are both within 2.5 % of 2.659 %; 2.5 % and 2.8 % are not.
const SHARE_TOLERANCE: Tolerance = Tolerance::relative(0.025);

/// Problem 1 at this z: answers "p1-slope" (σ′(z)) and "p1-compare" (σ′(z) / 0.25, as a percent
/// or a fraction). The seed uses z = 5.
pub fn sigmoid_slope_problem(z: f64) -> Problem {
    let zt = plain(z, 6);
    Problem {
        id: "practice-1",
        prompt: format!(
            "Calculate the sigmoid derivative at z = {zt}. How does it compare to the maximum derivative?"
        ),
        answers: vec![slope_answer(z), share_answer(z)],
    }
}

fn slope_answer(z: f64) -> Answer {
    let zt = plain(z, 6);
    let ez = exponent_operand(-z);
    let exp = (-z).exp();
    let s = sigmoid(z);
    let d = sigmoid_derivative(z);
    let q = format!("σ′({zt})");
    let flat = if z.abs() >= SATURATION_THRESHOLD {
        format!(": the sigmoid is almost flat at z = {zt}")
    } else {
        String::new()
    };
    let mut solution = vec![
        format!(
            "First the sigmoid: σ({zt}) = 1 / (1 + e^{ez}) = 1 / (1 + {}) = {}.",
            lesson(exp, 4),
            plain(s, 6)
        ),
        format!(
            "Then its slope: σ′({zt}) = σ({zt})(1 − σ({zt})) = {} × {} = {}.",
            plain(s, 6),
            lesson(1.0 - s, 4),
            lesson(d, 4)
        ),
    ];
    let rounded = round_sig(d, 2);
    let s4 = (s * 1e4).round() / 1e4;
    let lesson_way = lesson_rounded_slope(z);
    let mut last = format!("Rounded to two significant figures, σ′({zt}) ≈ {}.", lesson(rounded, 2));
    if lesson_way != rounded && SLOPE_TOLERANCE.accepts(d, lesson_way) {
        last.push_str(&format!(
            " Rounding σ({zt}) to {} first, as the lesson does, gives {} × {} ≈ {}; both are accepted.",
            plain(s4, 4),
            plain(s4, 4),
            lesson(1.0 - s4, 4),
            lesson(lesson_way, 2)
        ));
    }
    solution.push(last);

    Answer {
        id: "p1-slope",
        label: format!("{q} ="),
        quantity: q.clone(),
        expected: d,
        unit: UnitKind::Number,
        tolerance: SLOPE_TOLERANCE,
        either_sign: false,
        correct_note: format!("{q} ≈ {}{flat}.", lesson(d, 3)),
        mistakes: Vec::new(),
        hints: vec![
            "The sigmoid's slope can be written with the sigmoid itself: σ′(z) = σ(z)(1 − σ(z)).".to_string(),
            format!("First find σ({zt}) = 1 / (1 + e^{ez}); e^{ez} is about {}.", lesson(exp, 2)),
            format!(
                "σ({zt}) ≈ {}, so 1 − σ({zt}) ≈ {}. Multiply the two.",
                plain(s, 4),
                lesson(1.0 - s, 2)
            ),
        ],
        solution,
    }
    .with_mistake(
        "sigmoid-not-slope",
        s,
        format!(
            "that looks like σ({zt}) ≈ {}, the sigmoid's value. The question asks for its slope: {q} = σ({zt})(1 − σ({zt})).",
            plain(s, 4)
        ),
    )
    .with_mistake(
        "exp-not-slope",
        exp,
        format!(
            "that looks like e^{ez} ≈ {}, one ingredient of σ({zt}) = 1 / (1 + e^{ez}). Work out σ({zt}) first, then σ({zt})(1 − σ({zt})).",
            lesson(exp, 3)
        ),
    )
    .with_mistake(
        "one-minus-sigmoid",
        1.0 - s,
        format!(
            "that looks like 1 − σ({zt}) ≈ {}; multiply it by σ({zt}) to get the slope.",
            lesson(1.0 - s, 3)
        ),
    )
    .with_mistake(
        "maximum-slope",
        SIGMOID_MAX_SLOPE,
        format!(
            "that looks like 0.25, the largest slope the sigmoid ever has, at z = 0. At z = {zt} it is different: use σ′(z) = σ(z)(1 − σ(z))."
        ),
    )
}

/// σ′(z) the lesson's way: σ(z) rounded to four decimals first, then σ(1 − σ) to two figures
/// (0.9933 × 0.0067 ≈ 0.0067 at z = 5).
fn lesson_rounded_slope(z: f64) -> f64 {
    let s4 = (sigmoid(z) * 1e4).round() / 1e4;
    round_sig(s4 * (1.0 - s4), 2)
}

fn share_answer(z: f64) -> Answer {
    let zt = plain(z, 6);
    let d = sigmoid_derivative(z);
    let f = sigmoid_slope_fraction_of_max(z);
    let q = format!("σ′({zt}) as a share of the maximum");
    let slow = if z.abs() >= SATURATION_THRESHOLD {
        ": learning is extremely slow in this saturated region"
    } else {
        ""
    };
    let lesson_slope = if SLOPE_TOLERANCE.accepts(d, lesson_rounded_slope(z)) {
        lesson_rounded_slope(z)
    } else {
        round_sig(d, 2)
    };
    let lesson_way = lesson_slope / SIGMOID_MAX_SLOPE;
    Answer {
        id: "p1-compare",
        label: format!("σ′({zt}) as a percent of the maximum {SIGMOID_MAX_SLOPE} ="),
        quantity: q,
        expected: f,
        unit: UnitKind::PercentOrFraction,
        tolerance: SHARE_TOLERANCE,
        either_sign: false,
        correct_note: format!(
            "σ′({zt}) is only {} of the maximum slope {SIGMOID_MAX_SLOPE}{slow}.",
            percent(f, 2)
        ),
        mistakes: Vec::new(),
        hints: vec![
            format!("Compare by dividing: what share of {SIGMOID_MAX_SLOPE} is σ′({zt})?"),
            format!(
                "Compute σ′({zt}) / {SIGMOID_MAX_SLOPE} with your σ′({zt}) from the first box. Dividing by 0.25 is the same as multiplying by 4."
            ),
            "For a percent, multiply the fraction by 100 and write the % sign.".to_string(),
        ],
        solution: vec![
            format!(
                "Divide by the maximum slope: σ′({zt}) / {SIGMOID_MAX_SLOPE} = {} / {SIGMOID_MAX_SLOPE} = {}.",
                lesson(d, 4),
                lesson(f, 4)
            ),
            format!(
                "As a percent: {} × 100 = {}. With the rounded {} the lesson gets {} / {SIGMOID_MAX_SLOPE} = {} ≈ {}.",
                lesson(f, 4),
                percent(f, 3),
                lesson(lesson_slope, 2),
                lesson(lesson_slope, 2),
                lesson(lesson_way, 3),
                percent(lesson_way, 2)
            ),
            format!(
                "At z = {zt} the slope is {} of its best value at z = 0{slow}.",
                percent(f, 2)
            ),
        ],
    }
    .with_mistake(
        "ratio-upside-down",
        SIGMOID_MAX_SLOPE / d,
        format!(
            "that looks like {SIGMOID_MAX_SLOPE} / σ′({zt}) ≈ {}, the ratio upside down: it says how many times larger the maximum is. Divide σ′({zt}) by {SIGMOID_MAX_SLOPE} instead.",
            lesson(SIGMOID_MAX_SLOPE / d, 3)
        ),
    )
    .with_mistake(
        "slope-not-share",
        d,
        format!(
            "that looks like σ′({zt}) itself, about {}. Now compare it with the maximum: divide by {SIGMOID_MAX_SLOPE}.",
            lesson(d, 2)
        ),
    )
    .with_mistake(
        "difference-not-share",
        SIGMOID_MAX_SLOPE - d,
        format!(
            "that looks like the difference {SIGMOID_MAX_SLOPE} − σ′({zt}) ≈ {}. The question asks what share of {SIGMOID_MAX_SLOPE} σ′({zt}) is: divide instead of subtracting.",
            lesson(SIGMOID_MAX_SLOPE - d, 3)
        ),
    )
    .with_mistake(
        "shortfall-not-share",
        1.0 - f,
        format!(
            "that looks like how far σ′({zt}) falls short of the maximum, about {}. The question asks what share of the maximum σ′({zt}) is.",
            percent(1.0 - f, 3)
        ),
    )
}

//! Practice beyond the seed's: ReLU′ on both sides of 0 (a dead unit), how many layers until
//! even the best case 0.25ⁿ falls below 10⁻ᵏ, where σ′ falls to a share of its maximum, and
//! tanh′'s best case against the sigmoid's over n layers.

use super::text::{lesson, percent, plain, superscript};
use super::{Answer, Problem, Tolerance, UnitKind};
use crate::math::{
    first_depth_below, gradient_after_layers, relu, relu_derivative, sigmoid, sigmoid_derivative,
    tanh_derivative, SIGMOID_MAX_SLOPE,
};

/// Slopes of 0 or 1 and whole numbers of layers: only the exact value passes (0 only as 0).
const EXACT: Tolerance = Tolerance::relative(0.001);

/// A z read off by hand to two figures: 3.6 and 3.7 both pass for 3.64; 3.5 does not.
const Z_TOLERANCE: Tolerance = Tolerance::relative(0.025);

/// Powers are exact; 1 % absorbs rounding to two or three figures.
const POWER_TOLERANCE: Tolerance = Tolerance::relative(0.01);

/// The largest depth the layer count looks at.
const MAX_DEPTH: u32 = 200;

/// A plain-number answer with no mistakes listed yet: (correct note, hints, worked steps).
fn answer(
    (id, label, quantity): (&'static str, String, String),
    expected: f64,
    tolerance: Tolerance,
    (correct_note, hints, solution): (String, Vec<String>, Vec<String>),
) -> Answer {
    Answer {
        id,
        label,
        quantity,
        expected,
        unit: UnitKind::Number,
        tolerance,
        either_sign: false,
        correct_note,
        mistakes: Vec::new(),
        hints,
        solution,
    }
}

/// "ReLU′ at z": answers "p3-relu-on" (ReLU′ at a positive z, 1) and "p3-relu-off" (ReLU′ at a
/// negative z, 0: a unit that passes no gradient back). The lesson's numbers are 3 and −2.
pub fn relu_problem(z_on: f64, z_off: f64) -> Problem {
    let (on, off) = (plain(z_on, 6), plain(z_off, 6));
    let relu_hint = || "ReLU(z) = max(0, z): z itself for z > 0, and 0 for z ≤ 0.".to_string();
    let on_answer = answer(
        ("p3-relu-on", format!("ReLU′({on}) ="), format!("ReLU′({on})")),
        relu_derivative(z_on),
        EXACT,
        (
            format!("at z = {on} the unit is active: its slope is 1, so the gradient passes back undiminished."),
            vec![
            relu_hint(),
            format!("At z = {on} > 0, ReLU(z) = z. What is the slope of the line y = z?"),
        ],
            vec![
            format!("ReLU(z) = max(0, z). At z = {on} > 0 this is ReLU(z) = z."),
            format!("The line y = z has slope 1, so ReLU′({on}) = 1."),
            "Every active ReLU passes the gradient back × 1, where a sigmoid passes at most × 0.25.".to_string(),
        ],
        ),
    )
    .with_mistake(
        "relu-value-not-slope",
        relu(z_on),
        format!("that looks like ReLU({on}) = {on}, the unit's output. The question asks for its slope at z = {on}."),
    )
    .with_mistake(
        "sigmoid-maximum",
        SIGMOID_MAX_SLOPE,
        "that looks like 0.25, the sigmoid's largest slope. ReLU is a straight line of slope 1 for z > 0.".to_string(),
    )
    .with_mistake(
        "sigmoid-slope",
        sigmoid_derivative(z_on),
        format!("that looks like σ′({on}), the sigmoid's slope. For ReLU at z > 0 the slope is that of y = z."),
    );
    let off_answer = answer(
        ("p3-relu-off", format!("ReLU′({off}) ="), format!("ReLU′({off})")),
        relu_derivative(z_off),
        EXACT,
        (
            format!("at z = {off} the unit outputs 0 and passes no gradient back. If its z is negative for every input, it never learns again: a dead unit."),
            vec![
            relu_hint(),
            format!("Near z = {off} the output stays 0 whatever z does. What is the slope of a flat line?"),
        ],
            vec![
            format!("ReLU(z) = max(0, z). At z = {off} < 0 this is 0, and it stays 0 for every z near {off}."),
            format!("A flat line has slope 0, so ReLU′({off}) = 0."),
            "No gradient flows back through this unit, so its weights do not change. A unit that is negative for every input is dead: it never recovers.".to_string(),
        ],
        ),
    )
    .with_mistake(
        "relu-always-one",
        1.0,
        format!("ReLU′ is 1 only where z > 0. At z = {off} the output is stuck at 0, a flat line."),
    )
    .with_mistake(
        "z-not-slope",
        z_off,
        format!("that looks like z = {off} itself. The question asks for ReLU's slope there."),
    )
    .with_mistake(
        "leaky-slope",
        0.01,
        "that looks like leaky ReLU's small slope for z < 0. Plain ReLU is exactly 0 there.".to_string(),
    );
    Problem {
        id: "more-relu",
        prompt: format!(
            "A ReLU unit gets z = {on} for one input and z = {off} for another. What is ReLU′(z) at each? Which one passes no gradient back?"
        ),
        answers: vec![on_answer, off_answer],
    }
}

/// "How deep until 10⁻ᵏ": answer "p4-layers", the first n with 0.25ⁿ < 10⁻ᵏ. The lesson's
/// number is k = 6 (n = 10).
pub fn depth_limit_problem(k: u32) -> Problem {
    let threshold = 10f64.powi(-(k.min(300) as i32));
    let tenth = format!("10{}", superscript(-i64::from(k)));
    let n = first_depth_below(SIGMOID_MAX_SLOPE, threshold, MAX_DEPTH).unwrap_or(MAX_DEPTH);
    let exact = f64::from(k) / 4f64.log10();
    let at = |layers: u32| lesson(gradient_after_layers(SIGMOID_MAX_SLOPE, layers), 2);
    let quarter = |layers: u32| format!("0.25{}", superscript(i64::from(layers)));
    let answer = answer(
        ("p4-layers", format!("Layers until 0.25ⁿ < {tenth}: n ="), "the number of layers".to_string()),
        f64::from(n),
        EXACT,
        (
            format!(
            "{} = {} is the first power below {tenth}: even at its steepest in every layer, a sigmoid network {n} layers deep keeps less than {tenth} of the gradient.",
            quarter(n),
            at(n)
        ),
            vec![
            format!("After n layers the best case is 0.25ⁿ. Find the first whole n with 0.25ⁿ < {tenth}."),
            "Each layer divides by 4: 0.25² = 0.0625, 0.25⁴ ≈ 0.0039, 0.25⁵ ≈ 0.00098.".to_string(),
            format!("Or take logarithms: n > {k} / log₁₀ 4 = {k} / 0.602; then round up to a whole layer."),
        ],
            vec![
            format!("0.25ⁿ < {tenth} means n × log₁₀ 4 > {k}, so n > {k} / 0.602 ≈ {}.", plain(exact, 4)),
            format!("{} = {}, still above {tenth}; {} = {}, below.", quarter(n - 1), at(n - 1), quarter(n), at(n)),
            format!("So {n} layers: even the best case of σ′ in every layer leaves less than {tenth} of the gradient."),
        ],
        ),
    )
    .with_mistake(
        "not-rounded-up",
        exact,
        format!("that looks like the exact solution of 0.25ⁿ = {tenth}, n ≈ {}. Layers come whole: take the first whole n beyond it.", plain(exact, 3)),
    )
    .with_mistake(
        "one-layer-short",
        f64::from(n.saturating_sub(1)),
        format!("after {} layers the best case is {} = {}, not yet below {tenth}.", n - 1, quarter(n - 1), at(n - 1)),
    )
    .with_mistake(
        "one-layer-more",
        f64::from(n + 1),
        format!("{} = {} is already below {tenth}: the question asks for the first depth.", quarter(n), at(n)),
    )
    .with_mistake(
        "tenfold-per-layer",
        f64::from(k),
        format!("that would be right if each layer divided by 10. The best case divides by 4 per layer, so it takes more layers to reach {tenth}."),
    );
    Problem {
        id: "more-depth",
        prompt: format!(
            "Even in the best case a sigmoid layer multiplies the gradient by σ′ = 0.25. With the best case in every layer, after how many layers does the gradient 0.25ⁿ first fall below {tenth}?"
        ),
        answers: vec![answer],
    }
}

/// The z ≥ 0 where σ′(z) = `target`, found by bisection on σ′ itself (σ′ falls for z > 0);
/// NaN when `target` is not in (0, 0.25].
fn slope_falls_to(target: f64) -> f64 {
    if !(target > 0.0 && target <= SIGMOID_MAX_SLOPE) {
        return f64::NAN;
    }
    let (mut low, mut high) = (0.0, 50.0);
    for _ in 0..80 {
        let mid = 0.5 * (low + high);
        if sigmoid_derivative(mid) > target {
            low = mid;
        } else {
            high = mid;
        }
    }
    0.5 * (low + high)
}

/// "Where σ′ falls to a share of its maximum": answer "p5-flat", the |z| with σ′(z) = share × 0.25.
/// The lesson's share is 10 % (|z| ≈ 3.64).
pub fn flat_problem(share: f64) -> Problem {
    let pct = percent(share, 3);
    let target = share * SIGMOID_MAX_SLOPE;
    let tt = plain(target, 6);
    let z = slope_falls_to(target);
    let s = sigmoid(z);
    let mut answer = answer(
        ("p5-flat", format!("|z| where σ′(z) is {pct} of its maximum ="), "|z|".to_string()),
        z,
        Z_TOLERANCE,
        (
            format!(
            "beyond |z| ≈ {} the sigmoid passes back less than {pct} of its best gradient.",
            plain(z, 3)
        ),
            vec![
            format!("{pct} of the maximum 0.25 is {tt}: find z with σ′(z) = σ(z)(1 − σ(z)) = {tt}."),
            format!("Write s = σ(z). Then s(1 − s) = {tt} is a quadratic: s = (1 + √(1 − 4 × {tt})) / 2."),
            "Undo the sigmoid: z = ln(s / (1 − s)).".to_string(),
        ],
            vec![
            format!("The target slope is {} × 0.25 = {tt}.", plain(share, 6)),
            format!(
                "With s = σ(z): s² − s + {tt} = 0, so s = (1 + √{}) / 2 ≈ {}.",
                plain(1.0 - 4.0 * target, 6),
                plain(s, 4)
            ),
            format!(
                "z = ln(s / (1 − s)) = ln({} / {}) ≈ {}. By symmetry z ≈ −{} as well.",
                plain(s, 4),
                lesson(1.0 - s, 4),
                plain(z, 3),
                plain(z, 3)
            ),
        ],
        ),
    );
    answer = answer
        .with_mistake(
            "slope-not-z",
            target,
            format!("that looks like the slope itself, {pct} of 0.25 = {tt}. The question asks where: the z at which σ′(z) = {tt}."),
        )
        .with_mistake(
            "sigmoid-not-z",
            s,
            format!("that looks like σ(z) ≈ {} at that point. z itself is ln(σ / (1 − σ)).", plain(s, 4)),
        )
        .with_mistake(
            "exponential-approximation",
            (1.0 / target).ln(),
            format!("that uses σ′(z) ≈ e^(−z), true only far out in the tail. Solve σ(z)(1 − σ(z)) = {tt} exactly."),
        );
    let share_as_slope = slope_falls_to(share);
    if share_as_slope.is_finite() {
        answer = answer.with_mistake(
            "share-not-scaled",
            share_as_slope,
            format!("that solves σ′(z) = {}. The target is {pct} of the maximum: σ′(z) = {} × 0.25 = {tt}.", plain(share, 6), plain(share, 6)),
        );
    }
    Problem {
        id: "more-flat",
        prompt: format!(
            "σ′ is largest, 0.25, at z = 0 and falls off on both sides. At what |z| has it fallen to {pct} of its maximum?"
        ),
        answers: vec![answer],
    }
}

/// "tanh against sigmoid over n layers": answers "p6-sigmoid" (the best case 0.25ⁿ) and
/// "p6-ratio" (how many times larger tanh's best case 1ⁿ is: 4ⁿ). The lesson's depth is 5.
pub fn tanh_problem(layers: u32) -> Problem {
    let best_tanh = tanh_derivative(0.0);
    let sig = gradient_after_layers(SIGMOID_MAX_SLOPE, layers);
    let ratio = gradient_after_layers(best_tanh, layers) / sig;
    let quarter = |n: u32| format!("0.25{}", superscript(i64::from(n)));
    let four = |n: u32| format!("4{}", superscript(i64::from(n)));
    let count_mistake = |a: Answer, n: u32, value: f64, what: String| {
        a.with_mistake(
            "layer-count",
            value,
            format!("that looks like {what}, {n} factors. There are {layers} layers, so {layers} factors."),
        )
    };
    let mut sigmoid_answer = answer(
        ("p6-sigmoid", format!("Best case through {layers} sigmoid layers ="), format!("the best case through {layers} sigmoid layers")),
        sig,
        POWER_TOLERANCE,
        (
            format!("{} = {}: even at its steepest, the sigmoid lets little through.", quarter(layers), lesson(sig, 4)),
            vec![
            "In the best case each sigmoid layer multiplies the gradient by its largest slope, σ′(0) = 0.25.".to_string(),
            format!("{layers} layers: multiply 0.25 by itself {layers} times, {}.", quarter(layers)),
        ],
            vec![
            format!("Best case per sigmoid layer: σ′(0) = 0.25. Through {layers} layers: {}.", quarter(layers)),
            format!("{} = {}.", quarter(layers), lesson(sig, 4)),
        ],
        ),
    )
    .with_mistake(
        "product-not-power",
        SIGMOID_MAX_SLOPE * f64::from(layers),
        format!("that looks like 0.25 × {layers}. The layers' factors multiply together: {}.", quarter(layers)),
    )
    .with_mistake(
        "tanh-not-sigmoid",
        1.0,
        "that is tanh's best case, 1ⁿ = 1. This box asks for the sigmoid's.".to_string(),
    );
    for n in [layers.saturating_sub(1), layers.saturating_add(1)] {
        if n >= 1 {
            sigmoid_answer = count_mistake(sigmoid_answer, n, gradient_after_layers(SIGMOID_MAX_SLOPE, n), quarter(n));
        }
    }
    let mut ratio_answer = answer(
        ("p6-ratio", "How many times larger with tanh =".to_string(), "how many times larger tanh's best case is".to_string()),
        ratio,
        POWER_TOLERANCE,
        (
            format!(
            "tanh′ peaks at 1, so its best case stays 1ⁿ = 1: {} = {} times the sigmoid's. Still, tanh saturates too — ReLU keeps 1 across all of z > 0.",
            four(layers),
            plain(ratio, 6)
        ),
            vec![
            "tanh′(0) = 1 − tanh²(0) = 1, so through any number of layers tanh's best case is 1ⁿ = 1.".to_string(),
            format!("Divide tanh's best case by the sigmoid's: 1 / {} = (1 / 0.25){} = {}.", quarter(layers), superscript(i64::from(layers)), four(layers)),
        ],
            vec![
            format!("tanh: 1{} = 1. Sigmoid: {} = {}.", superscript(i64::from(layers)), quarter(layers), lesson(sig, 4)),
            format!("Ratio: 1 / {} = {} = {}.", quarter(layers), four(layers), plain(ratio, 6)),
            "Each layer widens the gap by another factor of 4.".to_string(),
        ],
        ),
    )
    .with_mistake(
        "one-layer-ratio",
        1.0 / SIGMOID_MAX_SLOPE,
        format!("that looks like 1 / 0.25 = 4, one layer's ratio. Over {layers} layers the factors of 4 multiply."),
    )
    .with_mistake(
        "product-not-power",
        4.0 * f64::from(layers),
        format!("that looks like 4 × {layers}. The factor of 4 compounds layer by layer: {}.", four(layers)),
    )
    .with_mistake(
        "ratio-upside-down",
        sig,
        format!("that looks like {}, the sigmoid's best case divided by tanh's: the ratio upside down.", quarter(layers)),
    );
    for n in [layers.saturating_sub(1), layers.saturating_add(1)] {
        if n >= 1 {
            ratio_answer = count_mistake(ratio_answer, n, 4f64.powi(n as i32), four(n));
        }
    }
    Problem {
        id: "more-tanh",
        prompt: format!(
            "tanh′ is at most 1 (at z = 0); the sigmoid's σ′ is at most 0.25. Through {layers} layers, each at its best case, what gradient reaches the first layer with sigmoid? How many times larger is it with tanh?"
        ),
        answers: vec![sigmoid_answer, ratio_answer],
    }
}

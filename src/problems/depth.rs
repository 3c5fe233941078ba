//! Practice problem 2: the gradient after n layers that each multiply it by the same factor, and
//! the weight update it allows.

use super::text::{lesson, plain, plain_and_scientific, superscript};
use super::{Answer, Problem, Tolerance, UnitKind};
use crate::math::{gradient_after_layers, weight_update, SIGMOID_MAX_SLOPE};

/// 0.2⁵ is exact in the lesson, so 1 % only absorbs rounding to two or three figures.
const GRADIENT_TOLERANCE: Tolerance = Tolerance::relative(0.01);

/// Δw = η × gradient, also exact in the lesson.
const UPDATE_TOLERANCE: Tolerance = Tolerance::relative(0.01);

/// Problem 2: answers "p2-gradient" (factorⁿ) and "p2-update" (η × factorⁿ). The seed uses five
/// layers, a factor of 0.2 and a learning rate of 0.1.
pub fn depth_problem(layers: u32, factor: f64, learning_rate: f64) -> Problem {
    Problem {
        id: "practice-2",
        prompt: format!(
            "A network has {layers} layers, each with sigmoid activation. If each layer's gradient is {}, what is the total gradient that reaches the first layer? With learning rate {}, what is the weight update Δw?",
            plain(factor, 6),
            plain(learning_rate, 6)
        ),
        answers: vec![
            gradient_answer(layers, factor),
            update_answer(layers, factor, learning_rate),
        ],
    }
}

/// "0.2⁵"
fn power(factor: f64, layers: u32) -> String {
    format!("{}{}", plain(factor, 6), superscript(i64::from(layers)))
}

/// "0.2 × 0.2 × 0.2", written out in full up to eight factors.
fn product(factor: f64, layers: u32) -> String {
    let f = plain(factor, 6);
    if layers <= 8 {
        vec![f; layers as usize].join(" × ")
    } else {
        format!("{f} × {f} × … × {f} ({layers} factors)")
    }
}

fn gradient_answer(layers: u32, factor: f64) -> Answer {
    let f = plain(factor, 6);
    let g = gradient_after_layers(factor, layers);
    let gt = lesson(g, 4);
    let third = if layers > 3 {
        format!(
            "{} = {} and {} = {}; keep multiplying by {f}, {} more time{}.",
            power(factor, 2),
            lesson(factor * factor, 4),
            power(factor, 3),
            lesson(gradient_after_layers(factor, 3), 4),
            layers - 3,
            if layers == 4 { "" } else { "s" }
        )
    } else {
        "Count the decimal places carefully: each factor adds to them.".to_string()
    };
    let mut answer = Answer {
        id: "p2-gradient",
        label: "Gradient reaching the first layer =".to_string(),
        quantity: "the gradient reaching the first layer".to_string(),
        expected: g,
        unit: UnitKind::Number,
        tolerance: GRADIENT_TOLERANCE,
        either_sign: false,
        correct_note: format!(
            "{} = {gt}: the first layer receives practically no gradient.",
            power(factor, layers)
        ),
        mistakes: Vec::new(),
        hints: vec![
            "By the chain rule, the gradient reaching the first layer is the product of every layer's gradient.".to_string(),
            format!(
                "{layers} layers, each with gradient {f}: multiply {f} by itself {layers} times. That is {}, not {f} × {layers}.",
                power(factor, layers)
            ),
            third,
        ],
        solution: vec![
            format!(
                "Gradients multiply through the layers (chain rule): total gradient = {} = {}.",
                product(factor, layers),
                power(factor, layers)
            ),
            format!("{} = {}.", power(factor, layers), plain_and_scientific(g, 4)),
            format!("The first layer receives a gradient of only {gt} — practically zero."),
        ],
    }
    .with_mistake(
        "product-not-power",
        factor * f64::from(layers),
        format!(
            "that looks like {f} × {layers} = {}: that multiplies by the number of layers. The chain rule multiplies the layers' gradients together: {} = {}.",
            lesson(factor * f64::from(layers), 4),
            product(factor, layers),
            power(factor, layers)
        ),
    );
    if layers > 1 {
        answer = answer.with_mistake(
            "layer-count",
            gradient_after_layers(factor, layers - 1),
            format!(
                "that looks like {1} = {0}, {2} factors of {f}. Count the layers again: there are {layers}, so {layers} factors.",
                lesson(gradient_after_layers(factor, layers - 1), 4),
                power(factor, layers - 1),
                layers - 1
            ),
        );
    }
    answer
        .with_mistake(
            "layer-count",
            gradient_after_layers(factor, layers.saturating_add(1)),
            format!(
                "that looks like {1} = {0}, {2} factors of {f}. Count the layers again: there are {layers}, so {layers} factors.",
                lesson(gradient_after_layers(factor, layers.saturating_add(1)), 4),
                power(factor, layers.saturating_add(1)),
                layers.saturating_add(1)
            ),
        )
        .with_mistake(
            "maximum-slope-not-factor",
            gradient_after_layers(SIGMOID_MAX_SLOPE, layers),
            format!(
                "that looks like {1} ≈ {0}, using the sigmoid's maximum slope. In this problem each layer's gradient is {f}.",
                lesson(gradient_after_layers(SIGMOID_MAX_SLOPE, layers), 3),
                power(SIGMOID_MAX_SLOPE, layers)
            ),
        )
        .with_mistake(
            "one-layer",
            factor,
            format!(
                "that looks like {f}, one layer's gradient. On its way to the first layer the gradient is multiplied by {f} at each of the {layers} layers."
            ),
        )
}

fn update_answer(layers: u32, factor: f64, learning_rate: f64) -> Answer {
    let eta = plain(learning_rate, 6);
    let g = gradient_after_layers(factor, layers);
    let dw = weight_update(learning_rate, g);
    let gt = lesson(g, 4);
    let carried = |n: u32| weight_update(learning_rate, gradient_after_layers(factor, n));
    let mut answer = Answer {
        id: "p2-update",
        label: format!("Weight update Δw with learning rate {eta} ="),
        quantity: "Δw".to_string(),
        expected: dw,
        unit: UnitKind::Number,
        tolerance: UPDATE_TOLERANCE,
        either_sign: true,
        correct_note: format!(
            "Δw = {eta} × {gt} = {}: the first layer's weights barely move.",
            lesson(dw, 4)
        ),
        mistakes: Vec::new(),
        hints: vec![
            "Gradient descent changes a weight by the learning rate times its gradient: Δw = η × gradient.".to_string(),
            format!("Use the gradient reaching the first layer (your previous answer) and η = {eta}."),
            "Multiply the two. Scientific notation such as 3.2e-4 keeps long rows of zeros under control.".to_string(),
        ],
        solution: vec![
            format!("A gradient-descent step changes the weight by Δw = η × gradient, with learning rate η = {eta}."),
            format!("Δw = {eta} × {gt} = {}.", plain_and_scientific(dw, 4)),
            format!(
                "The step goes against the gradient, so Δw = −{} is also right; its size is what matters here.",
                lesson(dw, 4)
            ),
            "A weight update this small is negligible: the first layer cannot learn effectively.".to_string(),
        ],
    }
    .with_mistake(
        "forgot-learning-rate",
        g,
        format!(
            "that looks like the gradient itself, {gt}: the learning rate is missing. The weight moves by Δw = {eta} × gradient."
        ),
    )
    .with_mistake(
        "divided-by-learning-rate",
        g / learning_rate,
        format!(
            "that looks like the gradient divided by {eta}, {}. The update multiplies: Δw = {eta} × gradient.",
            lesson(g / learning_rate, 4)
        ),
    )
    .with_mistake(
        "carried-product-not-power",
        weight_update(learning_rate, factor * f64::from(layers)),
        format!(
            "that looks like {eta} × ({1} × {layers}) = {0}: the multiplication is right, but the gradient is {2}, not {3} × {layers}.",
            lesson(weight_update(learning_rate, factor * f64::from(layers)), 4),
            plain(factor, 6),
            power(factor, layers),
            plain(factor, 6)
        ),
    )
    .with_mistake(
        "added-learning-rate",
        learning_rate + g,
        format!(
            "that looks like {eta} + gradient = {}. The update is a product: Δw = {eta} × gradient.",
            lesson(learning_rate + g, 6)
        ),
    );
    for n in [layers.saturating_sub(1), layers.saturating_add(1)] {
        if n >= 1 && n != layers {
            answer = answer.with_mistake(
                "carried-layer-count",
                carried(n),
                format!(
                    "that looks like {eta} × {1} = {0}: the multiplication is right, but after {layers} layers the gradient is {2}.",
                    lesson(carried(n), 4),
                    power(factor, n),
                    power(factor, layers)
                ),
            );
        }
    }
    answer
}

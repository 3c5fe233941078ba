//! Why training stopped: a value turned NaN or infinite, or a layer's gradient became exactly 0.
//!
//! Layers are numbered as the lesson counts them: 1 is the first hidden layer, and
//! `hidden_layers + 1` is the output layer.

use std::fmt;

/// Which number went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// The mini-batch loss.
    Loss,
    /// A layer's weighted sum z = W·a + b.
    PreActivation,
    /// ∂L/∂W of a layer.
    WeightGradient,
    /// ∂L/∂b of a layer.
    BiasGradient,
    /// A weight after the SGD update.
    Weight,
    /// A bias after the SGD update.
    Bias,
}

impl Quantity {
    /// The quantity in words, for messages.
    pub fn describe(self) -> &'static str {
        match self {
            Quantity::Loss => "loss",
            Quantity::PreActivation => "weighted sum z",
            Quantity::WeightGradient => "weight gradient ∂L/∂W",
            Quantity::BiasGradient => "bias gradient ∂L/∂b",
            Quantity::Weight => "updated weight",
            Quantity::Bias => "updated bias",
        }
    }
}

/// Why a layer's weight gradient is exactly zero.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StallCause {
    /// The chain-rule product of small factors fell below the smallest `f64` and rounded to 0
    /// (for example σ′(z) underflowing where |z| is in the hundreds).
    GradientUnderflow,
    /// Every ReLU unit of `dead_layer` is 0 for every example: nothing passes through it, so
    /// the layers below it (or its own weights) get no gradient.
    DeadLayer {
        /// The dead layer's number (1 = first hidden layer).
        dead_layer: usize,
    },
    /// No whole layer is dead, but for every example each path from the output down to this
    /// layer passes through some ReLU unit that is off (z ≤ 0), which passes back 0.
    BlockedPaths,
    /// The output is exactly 0 or 1 and right for every example, so p − y = 0: the loss is
    /// flat and there is nothing to learn from.
    CertainOutput,
}

/// The structured reason training stopped. The network is left as it was before the bad step.
///
/// A stall is only reported once the gradient is exactly 0 over the whole dataset, not just on
/// one unlucky mini-batch.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Failure {
    /// A value became NaN or ±∞.
    NonFinite {
        /// The step (1-based) during which it happened.
        step: u64,
        /// The layer (1-based), or `None` for the loss.
        layer: Option<usize>,
        /// Which value.
        quantity: Quantity,
        /// The offending value (NaN, +∞ or −∞).
        value: f64,
    },
    /// A layer's weight gradient is exactly 0 on every example of the dataset.
    Stall {
        /// The step (1-based) during which it happened.
        step: u64,
        /// The layer (1-based) nearest the output whose gradient is 0.
        layer: usize,
        /// Why it is 0.
        what: StallCause,
    },
}

impl Failure {
    /// The step during which training stopped.
    pub fn step(&self) -> u64 {
        match *self {
            Failure::NonFinite { step, .. } | Failure::Stall { step, .. } => step,
        }
    }

    /// The layer (1-based) where it was found, if any.
    pub fn layer(&self) -> Option<usize> {
        match *self {
            Failure::NonFinite { layer, .. } => layer,
            Failure::Stall { layer, .. } => Some(layer),
        }
    }

    /// A short machine-readable tag: `nan`, `infinite`, `underflow`, `dead-layer`,
    /// `blocked-paths` or `certain-output`.
    pub fn code(&self) -> &'static str {
        match *self {
            Failure::NonFinite { value, .. } if value.is_nan() => "nan",
            Failure::NonFinite { .. } => "infinite",
            Failure::Stall { what, .. } => match what {
                StallCause::GradientUnderflow => "underflow",
                StallCause::DeadLayer { .. } => "dead-layer",
                StallCause::BlockedPaths => "blocked-paths",
                StallCause::CertainOutput => "certain-output",
            },
        }
    }

    /// What happened, where, and why, in a sentence or three for the learner.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Failure::NonFinite {
                step,
                layer,
                quantity,
                value,
            } => {
                let what = if value.is_nan() {
                    "not a number (NaN)"
                } else {
                    "infinite"
                };
                match layer {
                    Some(layer) => write!(
                        f,
                        "Stopped at step {step}: the {} in layer {layer} became {what}. ",
                        quantity.describe()
                    )?,
                    None => write!(
                        f,
                        "Stopped at step {step}: the {} became {what}. ",
                        quantity.describe()
                    )?,
                }
                f.write_str(match quantity {
                    Quantity::Loss | Quantity::PreActivation => {
                        "The weights grew so large that the weighted sums overflowed. \
                         The learning rate is probably too high."
                    }
                    Quantity::WeightGradient | Quantity::BiasGradient => {
                        "The gradient exploded: the chain rule multiplied factors larger than 1 \
                         until the product overflowed. Try a smaller learning rate."
                    }
                    Quantity::Weight | Quantity::Bias => {
                        "The step learning rate × gradient was too large to hold. \
                         The network is kept as it was before this step; try a smaller learning rate."
                    }
                })
            }
            Failure::Stall { step, layer, what } => {
                write!(
                    f,
                    "Stopped at step {step}: the weight gradient of layer {layer} is exactly 0 \
                     for every example. "
                )?;
                match what {
                    StallCause::GradientUnderflow => f.write_str(
                        "The product of the local factors from the output back to this layer \
                         fell below the smallest number a computer float can hold (about 1e-308) \
                         and rounded to zero: the vanishing gradient in its extreme form. \
                         This layer can no longer learn.",
                    ),
                    StallCause::DeadLayer { dead_layer } => write!(
                        f,
                        "Every ReLU unit in layer {dead_layer} outputs 0 for every example, so no \
                         gradient passes through it: the layer has died. Leaky ReLU keeps a small \
                         slope for negative inputs and avoids this; so does a smaller learning rate."
                    ),
                    StallCause::BlockedPaths => f.write_str(
                        "Between the output and this layer, every path runs through some ReLU \
                         unit that is off (its z is at most 0) for that example, and an off ReLU \
                         passes back a gradient of exactly 0: these units have died. Leaky ReLU \
                         keeps a small slope for negative inputs and avoids this; so does a \
                         smaller learning rate.",
                    ),
                    StallCause::CertainOutput => f.write_str(
                        "The network predicts every example with full certainty, \
                         so p − y is 0 and the loss is flat: there is nothing left to learn from.",
                    ),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_step_the_layer_and_the_cause() {
        let stall = Failure::Stall {
            step: 7,
            layer: 1,
            what: StallCause::GradientUnderflow,
        };
        let text = stall.message();
        assert!(text.contains("step 7") && text.contains("layer 1") && text.contains("1e-308"));
        assert_eq!(stall.code(), "underflow");
        assert_eq!(stall.layer(), Some(1));

        let nan = Failure::NonFinite {
            step: 3,
            layer: None,
            quantity: Quantity::Loss,
            value: f64::NAN,
        };
        assert!(nan.message().contains("NaN") && nan.message().contains("learning rate"));
        assert_eq!(nan.code(), "nan");
        assert_eq!(nan.step(), 3);

        let dead = Failure::Stall {
            step: 9,
            layer: 4,
            what: StallCause::DeadLayer { dead_layer: 3 },
        };
        assert!(dead.message().contains("layer 3") && dead.message().contains("Leaky"));
    }
}

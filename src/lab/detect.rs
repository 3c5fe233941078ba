//! Spots a step gone wrong — a NaN/∞ or a layer's gradient exactly 0 — and says where and why.

use super::activation::Activation;
use super::batch::{Batch, Gradients};
use super::failure::{Failure, Quantity, StallCause};
use super::network::{Network, NonFiniteUpdate};
use super::stats::{Evaluation, LayerStats};

/// After the forward pass: if the loss is not finite, the first layer whose weighted sums
/// overflowed (or the loss itself when every layer is finite).
pub fn check_forward(network: &Network, batch: &Batch, step: u64, loss: f64) -> Option<Failure> {
    if loss.is_finite() {
        return None;
    }
    let overflowed = (0..network.layers().len()).find_map(|l| {
        let value = batch.pre_activations(l).iter().find(|z| !z.is_finite())?;
        Some((l, *value))
    });
    Some(match overflowed {
        Some((l, value)) => Failure::NonFinite {
            step,
            layer: Some(l + 1),
            quantity: Quantity::PreActivation,
            value,
        },
        None => Failure::NonFinite {
            step,
            layer: None,
            quantity: Quantity::Loss,
            value: loss,
        },
    })
}

/// After the backward pass: the non-finite gradient nearest the output, if any.
pub fn check_gradients(gradients: &Gradients, layers: &[LayerStats], step: u64) -> Option<Failure> {
    // A sum of |g| is finite exactly when every g is, so the full scan only runs on failure.
    let all_finite = layers
        .iter()
        .all(|s| s.grad_mean_abs.is_finite() && s.bias_grad_mean_abs.is_finite());
    if all_finite {
        return None;
    }
    (0..gradients.layers()).rev().find_map(|l| {
        [
            (gradients.weights(l), Quantity::WeightGradient),
            (gradients.biases(l), Quantity::BiasGradient),
        ]
        .into_iter()
        .find_map(|(values, quantity)| {
            let value = *values.iter().find(|g| !g.is_finite())?;
            Some(Failure::NonFinite {
                step,
                layer: Some(l + 1),
                quantity,
                value,
            })
        })
    })
}

/// The layer (0-based) nearest the output whose mean |∂L/∂W| is exactly 0, if any. On one
/// mini-batch that may be chance (a rare ReLU pattern); [`confirm_stall`] checks all the data.
pub fn zero_gradient_layer(layers: &[LayerStats]) -> Option<usize> {
    (0..layers.len())
        .rev()
        .find(|&l| layers[l].grad_mean_abs == 0.0)
}

/// A stall at layer `l` (0-based) if its gradient is exactly 0 over the whole dataset too, with
/// the reason: ∂L/∂W = Σ δ·aᵀ is 0 when its own ReLU units are all dead (δ = 0), when the layer
/// below is all dead (a = 0), when ReLUs above block every path, when the output is certain
/// (p − y = 0), or else because the chain-rule product underflowed.
pub fn confirm_stall(
    network: &Network,
    whole_data: &Evaluation,
    l: usize,
    step: u64,
) -> Option<Failure> {
    let layers = &whole_data.layers;
    if layers.get(l)?.grad_mean_abs != 0.0 {
        return None;
    }
    let output = network.layers().len() - 1;
    let relu = network.activation() == Activation::Relu;
    let all_dead = |k: usize| relu && k < output && layers[k].dead_fraction == 1.0;
    let what = if all_dead(l) {
        StallCause::DeadLayer { dead_layer: l + 1 }
    } else if l > 0 && all_dead(l - 1) {
        StallCause::DeadLayer { dead_layer: l }
    } else if l == output && layers[l].bias_grad_mean_abs == 0.0 {
        StallCause::CertainOutput
    } else if relu {
        StallCause::BlockedPaths
    } else {
        StallCause::GradientUnderflow
    };
    Some(Failure::Stall {
        step,
        layer: l + 1,
        what,
    })
}

/// The update the network refused to apply, as a failure.
pub fn non_finite_update(update: NonFiniteUpdate, step: u64) -> Failure {
    Failure::NonFinite {
        step,
        layer: Some(update.layer + 1),
        quantity: if update.is_bias {
            Quantity::Bias
        } else {
            Quantity::Weight
        },
        value: update.value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lab::activation::Init;
    use crate::lab::config::Architecture;
    use crate::lab::data::{Dataset, DatasetKind};
    use crate::lab::rng::Rng;
    use crate::lab::stats;

    fn network(activation: Activation) -> Network {
        let architecture = Architecture {
            hidden_layers: 3,
            width: 4,
            activation,
            init: Init::Xavier,
        };
        Network::new(&architecture, &mut Rng::new(3)).expect("valid")
    }

    fn data() -> Dataset {
        Dataset::generate(DatasetKind::Circle, 32, 0.1, &mut Rng::new(4))
    }

    #[test]
    fn an_overflowing_weighted_sum_is_found_in_its_layer() {
        let mut network = network(Activation::Relu);
        // Layer 2's sums are huge but finite; layer 3's overflow to +∞, and the output's
        // mixed-sign weights turn ∞ − ∞ into NaN.
        network.layers_mut()[1].weights_mut().fill(1e300);
        network.layers_mut()[2].weights_mut().fill(1e300);
        let data = data();
        let mut batch = Batch::new(&network, data.len());
        batch.load_points(&data.points, Some(&data.labels));
        network.forward(&mut batch);
        let failure = check_forward(&network, &batch, 7, batch.loss()).expect("overflow");
        let Failure::NonFinite {
            step,
            layer,
            quantity,
            ..
        } = failure
        else {
            panic!("{failure:?}");
        };
        assert_eq!(
            (step, layer, quantity),
            (7, Some(3), Quantity::PreActivation)
        );
        assert!(check_forward(&network, &batch, 7, 0.5).is_none());
    }

    #[test]
    fn sigmoid_slopes_that_round_to_zero_are_an_underflow_stall() {
        // Weights of 800 and 900 put the later sigmoids at |z| in the hundreds, where
        // σ′ = e^(−|z|)/(1 + e^(−|z|))² is below the smallest f64 and rounds to exactly 0.
        let mut network = network(Activation::Sigmoid);
        for layer in &mut network.layers_mut()[1..3] {
            for (k, w) in layer.weights_mut().iter_mut().enumerate() {
                *w = if k % 2 == 0 { 800.0 } else { 900.0 };
            }
        }
        let whole_data = stats::evaluate(&network, &data(), &mut stats::probe_batch(&network));
        let grads: Vec<f64> = whole_data.layers.iter().map(|l| l.grad_mean_abs).collect();
        assert!(grads[3] > 0.0, "the output layer still learns: {grads:?}");
        let layer = zero_gradient_layer(&whole_data.layers).expect("a zero layer");
        assert_eq!(layer, 2, "{grads:?}");
        let failure = confirm_stall(&network, &whole_data, layer, 9).expect("stall");
        assert_eq!(
            failure,
            Failure::Stall {
                step: 9,
                layer: 3,
                what: StallCause::GradientUnderflow
            }
        );
        assert!(failure.message().contains("smallest number"));
    }

    #[test]
    fn a_layer_of_dead_relus_is_named_as_the_cause() {
        let mut network = network(Activation::Relu);
        network.layers_mut()[1].biases_mut().fill(-100.0); // layer 2 is off for every input
        network.layers_mut()[2].biases_mut().fill(1.0); // layer 3 stays on
        let whole_data = stats::evaluate(&network, &data(), &mut stats::probe_batch(&network));
        assert_eq!(whole_data.layers[1].dead_fraction, 1.0);
        let layer = zero_gradient_layer(&whole_data.layers).expect("a zero layer");
        assert_eq!(layer, 2, "layer 3's inputs are all 0");
        let failure = confirm_stall(&network, &whole_data, layer, 1).expect("stall");
        assert_eq!(
            failure,
            Failure::Stall {
                step: 1,
                layer: 3,
                what: StallCause::DeadLayer { dead_layer: 2 }
            }
        );
    }

    #[test]
    fn a_zero_on_one_batch_that_the_whole_data_contradicts_is_no_stall() {
        let network = network(Activation::Relu);
        let whole_data = stats::evaluate(&network, &data(), &mut stats::probe_batch(&network));
        assert!(confirm_stall(&network, &whole_data, 1, 1).is_none());
    }
}

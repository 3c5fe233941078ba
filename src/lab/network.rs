//! A small multilayer perceptron: forward pass, backpropagation by hand, plain SGD.
//!
//! The network maps a point (x, y) through `hidden_layers` layers of `width` units to one
//! output logit z, with probability p = σ(z) of class 1. Its loss on a mini-batch of n examples
//! is the mean binary cross-entropy, computed from the logit so it never takes ln 0:
//!
//! ```text
//! L = (1/n) Σ  max(z, 0) − z·y + ln(1 + e^(−|z|))       (= −y ln p − (1 − y) ln(1 − p))
//! ```
//!
//! Backpropagation, layer l with weights W (one row per unit), inputs a (the layer below's
//! activations), pre-activations z = W·a + b and δ = ∂L/∂z:
//!
//! ```text
//! output layer:  δ = (p − y)/n                  (the sigmoid and the cross-entropy cancel)
//! every layer:   ∂L/∂W = Σ over examples δ·aᵀ,   ∂L/∂b = Σ over examples δ
//! layer below:   δ_below = f′(z_below) ⊙ (Wᵀ·δ)   (the chain rule: slope × weights)
//! ```
//!
//! All numbers for a mini-batch live in a [`Batch`], allocated once and reused, so a training
//! step allocates nothing; the matrix loops themselves are in `kernels`. Matrices are flat
//! `Vec<f64>`s, row-major, one row per example or per unit. `f64` rather than `f32`: the lesson
//! is about gradients of 10⁻⁶ and below, and f64 only underflows below 10⁻³⁰⁸, so an exact
//! zero really means the signal is gone.

use super::activation::Activation;
use super::batch::{Batch, Gradients};
use super::config::{Architecture, ConfigError};
use super::kernels::{self, Shape};
use super::rng::Rng;
use crate::math;

/// Inputs per example: the point's two coordinates.
pub const INPUTS: usize = 2;

/// One fully connected layer: `outputs` units, each with `inputs` weights and a bias.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    inputs: usize,
    outputs: usize,
    /// Row j holds the weights into unit j: `weights[j * inputs + i]` connects input i to unit j.
    weights: Vec<f64>,
    biases: Vec<f64>,
}

impl Layer {
    /// How many inputs each unit sees.
    pub fn inputs(&self) -> usize {
        self.inputs
    }

    /// How many units the layer has.
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// The weights, row-major: `weights()[unit * inputs() + input]`.
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The weights, for changing values in place (the shape is fixed).
    pub fn weights_mut(&mut self) -> &mut [f64] {
        &mut self.weights
    }

    fn shape(&self, rows: usize) -> Shape {
        Shape {
            rows,
            inputs: self.inputs,
            outputs: self.outputs,
        }
    }

    /// One bias per unit.
    pub fn biases(&self) -> &[f64] {
        &self.biases
    }

    /// The biases, for changing values in place.
    pub fn biases_mut(&mut self) -> &mut [f64] {
        &mut self.biases
    }
}

/// The multilayer perceptron: hidden layers with one activation, then one sigmoid output unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    layers: Vec<Layer>,
    activation: Activation,
}

impl Network {
    /// A freshly initialised network of this shape, weights drawn from `rng`, biases 0.
    pub fn new(architecture: &Architecture, rng: &mut Rng) -> Result<Network, ConfigError> {
        architecture.validate()?;
        let mut sizes = vec![INPUTS];
        sizes.extend(std::iter::repeat_n(
            architecture.width,
            architecture.hidden_layers,
        ));
        sizes.push(1);
        let layers = sizes
            .windows(2)
            .map(|pair| {
                let (inputs, outputs) = (pair[0], pair[1]);
                let mut weights = vec![0.0; inputs * outputs];
                architecture.init.fill(&mut weights, inputs, outputs, rng);
                Layer {
                    inputs,
                    outputs,
                    weights,
                    biases: vec![0.0; outputs],
                }
            })
            .collect();
        Ok(Network {
            layers,
            activation: architecture.activation,
        })
    }

    /// All layers, the hidden ones first and the output layer last.
    pub fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// All layers, for changing weights in place (used by gradient checks).
    pub fn layers_mut(&mut self) -> &mut [Layer] {
        &mut self.layers
    }

    /// The hidden layers' activation.
    pub fn activation(&self) -> Activation {
        self.activation
    }

    /// Number of hidden layers (one less than [`Network::layers`]).
    pub fn hidden_layers(&self) -> usize {
        self.layers.len() - 1
    }

    /// Run the batch forward, filling its pre-activations, activations and slopes.
    /// (A batch made for a network of another shape is first rebuilt, empty.)
    pub fn forward(&self, batch: &mut Batch) {
        if !batch.fits(self) {
            *batch = Batch::new(self, batch.capacity());
        }
        let output = self.layers.len() - 1;
        for (l, layer) in self.layers.iter().enumerate() {
            let (below, here) = batch.activations.split_at_mut(l);
            let input: &[f64] = below.last().unwrap_or(&batch.inputs);
            let shape = layer.shape(batch.rows);
            let n = batch.rows * layer.outputs;
            let (pre, activations) = (&mut batch.pre[l][..n], &mut here[0][..n]);
            kernels::weighted_sums(pre, input, &layer.weights, &layer.biases, shape);
            // a = f(z), keeping f′(z) for the backward pass; the output unit is a sigmoid.
            if l == output {
                for (p, &z) in activations.iter_mut().zip(pre.iter()) {
                    *p = math::sigmoid(z);
                }
            } else {
                let slopes = batch.slopes[l][..n].iter_mut();
                for ((a, s), &z) in activations.iter_mut().zip(slopes).zip(pre.iter()) {
                    (*a, *s) = self.activation.value_and_slope(z);
                }
            }
        }
    }

    /// Backpropagate the batch's mean loss (after [`Network::forward`]), overwriting `gradients`
    /// with ∂L/∂W and ∂L/∂b and the batch's δ = ∂L/∂z for every layer. Does nothing if the
    /// batch or the gradients are shaped for another network.
    pub fn backward(&self, batch: &mut Batch, gradients: &mut Gradients) {
        if !batch.fits(self) || !gradients.fits(self) {
            return;
        }
        let rows = batch.rows;
        let output = self.layers.len() - 1;
        let outcome = batch.activations[output]
            .iter()
            .zip(&batch.targets)
            .take(rows);
        for (d, (p, y)) in batch.deltas[output].iter_mut().zip(outcome) {
            *d = (p - y) / rows as f64;
        }
        for (l, layer) in self.layers.iter().enumerate().rev() {
            let input: &[f64] = if l == 0 {
                &batch.inputs
            } else {
                &batch.activations[l - 1]
            };
            let (below, here) = batch.deltas.split_at_mut(l);
            let (grad_w, grad_b) = (&mut gradients.weights[l], &mut gradients.biases[l]);
            let shape = layer.shape(rows);
            kernels::weight_gradients(grad_w, grad_b, &here[0], input, shape);
            if let Some(delta_below) = below.last_mut() {
                let slopes = &batch.slopes[l - 1];
                kernels::backpropagate(delta_below, &here[0], &layer.weights, slopes, shape);
            }
        }
    }

    /// One SGD update, w ← w − learning_rate · ∂L/∂w, applied only if every new value is finite.
    /// Otherwise nothing changes and the error says where the update would have overflowed.
    pub fn apply_sgd(
        &mut self,
        gradients: &Gradients,
        learning_rate: f64,
    ) -> Result<(), NonFiniteUpdate> {
        for (l, layer) in self.layers.iter().enumerate() {
            let pairs = [
                (&layer.weights, gradients.weights(l), false),
                (&layer.biases, gradients.biases(l), true),
            ];
            for (values, grads, is_bias) in pairs {
                if let Some(value) = values
                    .iter()
                    .zip(grads)
                    .map(|(v, g)| v - learning_rate * g)
                    .find(|v| !v.is_finite())
                {
                    return Err(NonFiniteUpdate {
                        layer: l,
                        is_bias,
                        value,
                    });
                }
            }
        }
        for (l, layer) in self.layers.iter_mut().enumerate() {
            for (w, g) in layer.weights.iter_mut().zip(gradients.weights(l)) {
                *w -= learning_rate * g;
            }
            for (b, g) in layer.biases.iter_mut().zip(gradients.biases(l)) {
                *b -= learning_rate * g;
            }
        }
        Ok(())
    }

    /// The mean loss over the given points and labels (allocates; for checks, not training).
    pub fn loss(&self, points: &[[f64; 2]], labels: &[u8]) -> f64 {
        let mut batch = Batch::new(self, points.len());
        batch.load_points(points, Some(labels));
        self.forward(&mut batch);
        batch.loss()
    }

    /// The probability of class 1 at one point (allocates; for checks, not training).
    pub fn predict(&self, point: [f64; 2]) -> f64 {
        let mut batch = Batch::new(self, 1);
        batch.load_points(&[point], None);
        self.forward(&mut batch);
        batch.probabilities()[0]
    }
}

/// An SGD update that would have made a parameter NaN or infinite (the network is unchanged).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NonFiniteUpdate {
    /// Index into [`Network::layers`] (0 = first hidden layer).
    pub layer: usize,
    /// True for a bias, false for a weight.
    pub is_bias: bool,
    /// The value the update would have produced.
    pub value: f64,
}

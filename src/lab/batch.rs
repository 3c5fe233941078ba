//! Working memory for training: a mini-batch's numbers layer by layer, and the gradients.

use super::data::Dataset;
use super::network::{Layer, Network, INPUTS};

/// ∂L/∂W and ∂L/∂b for every layer, shaped like the network.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    pub(super) weights: Vec<Vec<f64>>,
    pub(super) biases: Vec<Vec<f64>>,
}

impl Gradients {
    /// All-zero gradients shaped like `network`.
    pub fn zeros_like(network: &Network) -> Gradients {
        Gradients {
            weights: network
                .layers()
                .iter()
                .map(|l| vec![0.0; l.weights().len()])
                .collect(),
            biases: network
                .layers()
                .iter()
                .map(|l| vec![0.0; l.biases().len()])
                .collect(),
        }
    }

    /// Whether these gradients are shaped for `network`.
    pub fn fits(&self, network: &Network) -> bool {
        self.weights.len() == network.layers().len()
            && network.layers().iter().enumerate().all(|(l, layer)| {
                self.weights[l].len() == layer.weights().len()
                    && self.biases.get(l).map(Vec::len) == Some(layer.biases().len())
            })
    }

    /// ∂L/∂W of layer `layer` (index into [`Network::layers`]), laid out like its weights.
    pub fn weights(&self, layer: usize) -> &[f64] {
        self.weights.get(layer).map_or(&[], |g| g)
    }

    /// ∂L/∂b of layer `layer`.
    pub fn biases(&self, layer: usize) -> &[f64] {
        self.biases.get(layer).map_or(&[], |g| g)
    }

    /// Number of layers covered.
    pub fn layers(&self) -> usize {
        self.weights.len()
    }

    /// Add `scale` × `other` (same shape) to these gradients.
    pub fn add_scaled(&mut self, other: &Gradients, scale: f64) {
        let pairs = self
            .weights
            .iter_mut()
            .zip(&other.weights)
            .chain(self.biases.iter_mut().zip(&other.biases));
        for (mine, theirs) in pairs {
            for (m, t) in mine.iter_mut().zip(theirs) {
                *m += scale * t;
            }
        }
    }

    /// Set every entry to 0.
    pub fn clear(&mut self) {
        for g in self.weights.iter_mut().chain(self.biases.iter_mut()) {
            g.fill(0.0);
        }
    }
}

/// Working memory for up to `capacity` examples: inputs, targets and, per layer, the
/// pre-activations z, activations a = f(z), slopes f′(z) and δ = ∂L/∂z. Reused every step.
#[derive(Clone, Debug)]
pub struct Batch {
    capacity: usize,
    pub(super) rows: usize,
    pub(super) inputs: Vec<f64>,
    pub(super) targets: Vec<f64>,
    pub(super) pre: Vec<Vec<f64>>,
    pub(super) activations: Vec<Vec<f64>>,
    pub(super) slopes: Vec<Vec<f64>>,
    pub(super) deltas: Vec<Vec<f64>>,
}

impl Batch {
    /// Buffers for up to `capacity` examples (at least 1) through `network`.
    pub fn new(network: &Network, capacity: usize) -> Batch {
        let capacity = capacity.max(1);
        let per_layer = |layers: &[Layer]| -> Vec<Vec<f64>> {
            layers
                .iter()
                .map(|l| vec![0.0; capacity * l.outputs()])
                .collect()
        };
        let hidden = &network.layers()[..network.hidden_layers()];
        Batch {
            capacity,
            rows: 0,
            inputs: vec![0.0; capacity * INPUTS],
            targets: vec![0.0; capacity],
            pre: per_layer(network.layers()),
            activations: per_layer(network.layers()),
            slopes: per_layer(hidden),
            deltas: per_layer(network.layers()),
        }
    }

    /// Whether these buffers are shaped for `network` (a batch made for another shape is
    /// rebuilt, empty, by [`Network::forward`] rather than read out of bounds).
    pub fn fits(&self, network: &Network) -> bool {
        self.pre.len() == network.layers().len()
            && self.slopes.len() == network.hidden_layers()
            && network
                .layers()
                .iter()
                .zip(&self.pre)
                .all(|(layer, pre)| pre.len() == self.capacity * layer.outputs())
    }

    /// How many examples the batch can hold.
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How many examples are loaded.
    pub fn len(&self) -> usize {
        self.rows
    }

    /// True when no example is loaded.
    pub fn is_empty(&self) -> bool {
        self.rows == 0
    }

    /// Load the dataset's examples at `indices` (up to capacity; out-of-range indices are
    /// skipped). Returns how many were loaded.
    pub fn load_examples(&mut self, data: &Dataset, indices: &[usize]) -> usize {
        self.rows = 0;
        for &i in indices {
            if self.rows == self.capacity {
                break;
            }
            if let (Some(point), Some(&label)) = (data.points.get(i), data.labels.get(i)) {
                self.put(*point, f64::from(label));
            }
        }
        self.rows
    }

    /// Load points (up to capacity) with their labels, or label 0 when there are none (for
    /// predictions only). Returns how many were loaded.
    pub fn load_points(&mut self, points: &[[f64; 2]], labels: Option<&[u8]>) -> usize {
        self.rows = 0;
        for (i, &point) in points.iter().take(self.capacity).enumerate() {
            let label = labels.and_then(|l| l.get(i)).copied().unwrap_or(0);
            self.put(point, f64::from(label));
        }
        self.rows
    }

    fn put(&mut self, point: [f64; 2], target: f64) {
        self.inputs[self.rows * INPUTS..][..INPUTS].copy_from_slice(&point);
        self.targets[self.rows] = target;
        self.rows += 1;
    }

    /// The output logits z (after a forward pass), one per example.
    pub fn logits(&self) -> &[f64] {
        self.pre.last().map_or(&[], |z| &z[..self.rows])
    }

    /// The predicted probabilities of class 1, σ(z), one per example.
    pub fn probabilities(&self) -> &[f64] {
        self.activations.last().map_or(&[], |p| &p[..self.rows])
    }

    /// The loaded targets, 0.0 or 1.0.
    pub fn targets(&self) -> &[f64] {
        &self.targets[..self.rows]
    }

    /// Pre-activations z of layer `layer`, row-major (example × unit).
    pub fn pre_activations(&self, layer: usize) -> &[f64] {
        self.pre
            .get(layer)
            .map_or(&[], |z| &z[..self.rows * self.width_of(z)])
    }

    /// Activations a = f(z) of layer `layer`, row-major (example × unit).
    pub fn activations(&self, layer: usize) -> &[f64] {
        self.activations
            .get(layer)
            .map_or(&[], |a| &a[..self.rows * self.width_of(a)])
    }

    /// Slopes f′(z) of hidden layer `layer`, row-major (example × unit).
    pub fn slopes(&self, layer: usize) -> &[f64] {
        self.slopes
            .get(layer)
            .map_or(&[], |s| &s[..self.rows * self.width_of(s)])
    }

    /// δ = ∂L/∂z of layer `layer` after [`Network::backward`], row-major (example × unit).
    pub fn deltas(&self, layer: usize) -> &[f64] {
        self.deltas
            .get(layer)
            .map_or(&[], |d| &d[..self.rows * self.width_of(d)])
    }

    fn width_of(&self, buffer: &[f64]) -> usize {
        buffer.len() / self.capacity
    }

    /// Mean binary cross-entropy over the loaded examples, from the logits (NaN when empty).
    pub fn loss(&self) -> f64 {
        let total: f64 = self
            .logits()
            .iter()
            .zip(self.targets())
            .map(|(&z, &y)| z.max(0.0) - z * y + (-z.abs()).exp().ln_1p())
            .sum();
        total / self.rows as f64
    }

    /// Share of the loaded examples classified right (p > ½ means class 1).
    pub fn accuracy(&self) -> f64 {
        let right = self
            .logits()
            .iter()
            .zip(self.targets())
            .filter(|(&z, &y)| (z > 0.0) == (y > 0.5))
            .count();
        right as f64 / self.rows as f64
    }
}

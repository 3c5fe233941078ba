//! The chain-rule ledger: for one example, how much each layer shrinks or grows the gradient on
//! its way back, and the running product down to the first layer.
//!
//! In a chain of single units the gradient reaching layer l is a product of local factors
//! f′(z)·w, one per layer — the lesson's 0.2 × 0.2 × … With many units per layer the gradient
//! is a vector δ = ∂L/∂z, and one layer turns the δ above it into
//!
//! ```text
//! g = Wᵀ·δ_above            (the weights spread it over this layer's units)
//! δ = f′(z) ⊙ g             (each unit's slope scales its share)
//! ```
//!
//! The ledger measures each step by how much it changes the gradient's length ‖·‖ (Euclidean):
//!
//! ```text
//! weight factor  = ‖g‖ / ‖δ_above‖
//! slope factor   = ‖δ‖ / ‖g‖        (an average of the slopes f′(z), weighted by g — never more
//!                                    than the largest slope, so ≤ 0.25 for the sigmoid)
//! local factor   = slope factor × weight factor = ‖δ‖ / ‖δ_above‖
//! running product = product of the local factors from the output down = ‖δ‖ / |p − y|
//! ```
//!
//! For a network one unit wide these are exactly |f′(z)|, |w|, |f′(z)·w| and the lesson's
//! product. The running product telescopes, so it is not an estimate: it is the true ratio of
//! the gradient at this layer to the gradient at the output. When nothing arrives from above
//! (‖δ_above‖ = 0) the factors are reported as 0.

use super::batch::Batch;
use super::network::Network;

/// One hidden layer's line in the ledger.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LedgerRow {
    /// The layer (1 = first hidden layer).
    pub layer: usize,
    /// Mean of f′(z) over the layer's units for this example (a plain average, for the table).
    pub mean_slope: f64,
    /// ‖δ‖ / ‖Wᵀδ_above‖: what the activation slopes did to the gradient.
    pub slope_factor: f64,
    /// ‖Wᵀδ_above‖ / ‖δ_above‖: what the weights above did to the gradient.
    pub weight_factor: f64,
    /// slope factor × weight factor = ‖δ‖ / ‖δ_above‖.
    pub local_factor: f64,
    /// Product of the local factors from the output down to this layer = ‖δ‖ / |p − y|.
    pub running_product: f64,
    /// ‖δ‖ = ‖∂L/∂z‖ at this layer for this example.
    pub gradient_norm: f64,
}

/// The chain-rule ledger for one example.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    /// The example's point.
    pub point: [f64; 2],
    /// Its label, 0 or 1.
    pub label: u8,
    /// The network's probability p of class 1.
    pub probability: f64,
    /// ∂L/∂z at the output, p − y: where the backward pass starts.
    pub output_gradient: f64,
    /// One row per hidden layer, from the last hidden layer (next to the output) back to the
    /// first, in the order the chain rule multiplies them.
    pub rows: Vec<LedgerRow>,
}

impl Ledger {
    /// Work out the ledger for `point` with `label` at the network's current weights.
    pub fn for_example(network: &Network, point: [f64; 2], label: u8) -> Ledger {
        let mut batch = Batch::new(network, 1);
        batch.load_points(&[point], Some(&[label]));
        network.forward(&mut batch);
        let probability = batch.probabilities()[0];
        let output_gradient = probability - f64::from(label);
        let mut rows = Vec::with_capacity(network.hidden_layers());
        let mut above = vec![output_gradient];
        let mut running_product = 1.0;
        for l in (0..network.hidden_layers()).rev() {
            let weights_above = &network.layers()[l + 1];
            let mut spread = vec![0.0; weights_above.inputs()];
            for (unit, d) in above.iter().enumerate() {
                let w = &weights_above.weights()[unit * weights_above.inputs()..];
                for (s, w) in spread.iter_mut().zip(w) {
                    *s += w * d;
                }
            }
            let slopes = batch.slopes(l);
            let delta: Vec<f64> = spread.iter().zip(slopes).map(|(g, s)| g * s).collect();
            let (above_norm, spread_norm, norm) = (norm(&above), norm(&spread), norm(&delta));
            let weight_factor = ratio(spread_norm, above_norm);
            let slope_factor = ratio(norm, spread_norm);
            let local_factor = ratio(norm, above_norm);
            running_product *= local_factor;
            rows.push(LedgerRow {
                layer: l + 1,
                mean_slope: slopes.iter().sum::<f64>() / slopes.len().max(1) as f64,
                slope_factor,
                weight_factor,
                local_factor,
                running_product,
                gradient_norm: norm,
            });
            above = delta;
        }
        Ledger {
            point,
            label,
            probability,
            output_gradient,
            rows,
        }
    }

    /// The running product at the first hidden layer: how much of the output's gradient is left.
    pub fn first_layer_product(&self) -> f64 {
        self.rows.last().map_or(1.0, |row| row.running_product)
    }
}

/// The Euclidean length, scaled by the largest entry first so that gradients of 10⁻²⁰⁰ do not
/// underflow when squared.
fn norm(values: &[f64]) -> f64 {
    let largest = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    if largest == 0.0 || !largest.is_finite() {
        return largest;
    }
    largest
        * values
            .iter()
            .map(|v| (v / largest).powi(2))
            .sum::<f64>()
            .sqrt()
}

/// top / bottom, or 0 when the bottom is 0 (nothing arrived, so nothing passes on).
fn ratio(top: f64, bottom: f64) -> f64 {
    if bottom == 0.0 {
        0.0
    } else {
        top / bottom
    }
}

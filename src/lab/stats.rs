//! What the learner sees per layer: mean |∂L/∂W|, saturated and dead shares, loss, accuracy,
//! and the decision boundary over a grid.

use super::batch::{Batch, Gradients};
use super::config::MAX_WIDTH;
use super::data::Dataset;
use super::network::Network;
use crate::math::SATURATION_THRESHOLD;

/// How many examples the full-dataset probe and the grid push through the network at a time.
const PROBE_CHUNK: usize = 256;

/// Largest grid side [`decision_grid`] computes (larger requests are clamped).
pub const MAX_GRID_SIDE: usize = 256;

/// One layer's health. Index 0 is the first hidden layer, the last index the output layer.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayerStats {
    /// Mean |∂L/∂W| over the layer's weights — the bar height on the log-scale chart.
    pub grad_mean_abs: f64,
    /// Mean |∂L/∂b| over the layer's biases.
    pub bias_grad_mean_abs: f64,
    /// Sigmoid and tanh layers: the share of (example, unit) pairs with |z| ≥ 3, where σ is
    /// within 5 % of 0 or 1 and σ′ below a fifth of its peak (tanh′ about 1 % of its peak).
    /// 0 for other layers and the output.
    pub saturated_fraction: f64,
    /// ReLU and leaky ReLU layers: the share of units with z ≤ 0 for every example looked at.
    /// A ReLU unit like that is dead (output and gradient 0); a leaky one still passes 10 % of
    /// its gradient and can recover. 0 for other layers and the output.
    pub dead_fraction: f64,
}

/// The numbers of one training step, all measured on its mini-batch before the update.
#[derive(Clone, Debug, PartialEq)]
pub struct StepStats {
    /// Steps completed, counting this one (1 after the first step).
    pub step: u64,
    /// Mean binary cross-entropy on the mini-batch.
    pub loss: f64,
    /// Share of the mini-batch classified right.
    pub accuracy: f64,
    /// Per layer, first hidden layer first, output layer last.
    pub layers: Vec<LayerStats>,
}

impl StepStats {
    /// Zeroed stats for a network with `layers` weight layers (hidden + output).
    pub fn new(layers: usize) -> StepStats {
        StepStats {
            step: 0,
            loss: f64::NAN,
            accuracy: f64::NAN,
            layers: vec![LayerStats::default(); layers],
        }
    }

    /// Mean |∂L/∂W| per layer, first hidden layer first.
    pub fn grad_mean_abs(&self) -> impl Iterator<Item = f64> + '_ {
        self.layers.iter().map(|l| l.grad_mean_abs)
    }
}

/// Numbers over the whole dataset at the current weights, without training.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// Mean binary cross-entropy over every point.
    pub loss: f64,
    /// Share of points classified right.
    pub accuracy: f64,
    /// Per layer: gradients of the full-dataset loss and saturated/dead shares over all points.
    pub layers: Vec<LayerStats>,
}

/// The mean of |x| over `values` (0 for none).
pub fn mean_abs(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().map(|v| v.abs()).sum::<f64>() / values.len() as f64
}

/// Fill `layers` from a batch after forward and backward passes and its gradients.
pub fn measure_layers(
    layers: &mut [LayerStats],
    network: &Network,
    batch: &Batch,
    gradients: &Gradients,
) {
    let hidden = network.hidden_layers();
    for (l, stats) in layers.iter_mut().enumerate() {
        stats.grad_mean_abs = mean_abs(gradients.weights(l));
        stats.bias_grad_mean_abs = mean_abs(gradients.biases(l));
        let (saturated, dead) = if l < hidden {
            let width = network.layers()[l].outputs();
            let pre = batch.pre_activations(l);
            let saturated = count_saturated(network, pre) as f64 / pre.len().max(1) as f64;
            let mut ever_positive = [false; MAX_WIDTH];
            mark_positive(pre, width, &mut ever_positive);
            let dead = count_dead(network, &ever_positive[..width.min(MAX_WIDTH)]);
            (saturated, dead as f64 / width as f64)
        } else {
            (0.0, 0.0)
        };
        stats.saturated_fraction = saturated;
        stats.dead_fraction = dead;
    }
}

fn count_saturated(network: &Network, pre: &[f64]) -> usize {
    if !network.activation().saturates() {
        return 0;
    }
    pre.iter()
        .filter(|z| z.abs() >= SATURATION_THRESHOLD)
        .count()
}

fn mark_positive(pre: &[f64], width: usize, ever_positive: &mut [bool]) {
    for row in pre.chunks_exact(width.max(1)) {
        for (flag, &z) in ever_positive.iter_mut().zip(row) {
            *flag |= z > 0.0;
        }
    }
}

fn count_dead(network: &Network, ever_positive: &[bool]) -> usize {
    if !network.activation().can_die() {
        return 0;
    }
    ever_positive.iter().filter(|&&positive| !positive).count()
}

/// Loss, accuracy, full-dataset gradients and saturated/dead shares over every point of `data`
/// (nothing is updated). `batch` is scratch space; any capacity works.
pub fn evaluate(network: &Network, data: &Dataset, batch: &mut Batch) -> Evaluation {
    let layers = network.layers().len();
    let hidden = network.hidden_layers();
    let total = data.len().min(data.labels.len());
    let mut gradients = Gradients::zeros_like(network);
    let mut chunk_gradients = Gradients::zeros_like(network);
    let mut ever_positive: Vec<Vec<bool>> = network.layers()[..hidden]
        .iter()
        .map(|l| vec![false; l.outputs()])
        .collect();
    let mut saturated = vec![0usize; hidden];
    let (mut loss_sum, mut right) = (0.0, 0.0);
    let mut start = 0;
    while start < total {
        let end = (start + batch.capacity()).min(total);
        let rows = batch.load_points(&data.points[start..end], Some(&data.labels[start..end]));
        network.forward(batch);
        network.backward(batch, &mut chunk_gradients);
        let share = rows as f64 / total as f64;
        gradients.add_scaled(&chunk_gradients, share);
        loss_sum += batch.loss() * rows as f64;
        right += batch.accuracy() * rows as f64;
        for l in 0..hidden {
            let pre = batch.pre_activations(l);
            saturated[l] += count_saturated(network, pre);
            mark_positive(pre, network.layers()[l].outputs(), &mut ever_positive[l]);
        }
        start = end;
    }
    let mut stats = vec![LayerStats::default(); layers];
    for (l, s) in stats.iter_mut().enumerate() {
        s.grad_mean_abs = mean_abs(gradients.weights(l));
        s.bias_grad_mean_abs = mean_abs(gradients.biases(l));
        if l < hidden {
            let width = network.layers()[l].outputs();
            s.saturated_fraction = saturated[l] as f64 / (total * width).max(1) as f64;
            s.dead_fraction = count_dead(network, &ever_positive[l]) as f64 / width as f64;
        }
    }
    Evaluation {
        loss: loss_sum / total as f64,
        accuracy: right / total as f64,
        layers: stats,
    }
}

/// A rectangle of the plane, for the decision-boundary grid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GridBox {
    /// Left edge.
    pub x_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Bottom edge.
    pub y_min: f64,
    /// Top edge.
    pub y_max: f64,
}

impl GridBox {
    /// The square [−extent, extent]², e.g. with [`crate::lab::data::PLOT_EXTENT`].
    pub fn square(extent: f64) -> GridBox {
        GridBox {
            x_min: -extent,
            x_max: extent,
            y_min: -extent,
            y_max: extent,
        }
    }

    /// The centre of cell (`column`, `row`) of an `n` × `n` grid: row 0 is the bottom row
    /// (y_min side), column 0 the left one.
    pub fn cell_centre(&self, n: usize, column: usize, row: usize) -> [f64; 2] {
        let n = n.max(1) as f64;
        [
            self.x_min + (column as f64 + 0.5) * (self.x_max - self.x_min) / n,
            self.y_min + (row as f64 + 0.5) * (self.y_max - self.y_min) / n,
        ]
    }
}

/// The predicted probability of class 1 at the centre of every cell of an `n` × `n` grid over
/// `area`: `n²` values, row-major, row 0 at the bottom — value `row * n + column` belongs to
/// [`GridBox::cell_centre`]`(n, column, row)`. `n` is clamped to [`MAX_GRID_SIDE`].
pub fn decision_grid(network: &Network, n: usize, area: GridBox, batch: &mut Batch) -> Vec<f64> {
    let n = n.min(MAX_GRID_SIDE);
    let mut out = Vec::with_capacity(n * n);
    let mut points = Vec::with_capacity(batch.capacity().min(PROBE_CHUNK));
    let mut cells = (0..n * n).map(|k| area.cell_centre(n, k % n, k / n));
    loop {
        points.clear();
        points.extend(cells.by_ref().take(batch.capacity().min(PROBE_CHUNK)));
        if points.is_empty() {
            return out;
        }
        batch.load_points(&points, None);
        network.forward(batch);
        out.extend_from_slice(batch.probabilities());
    }
}

/// A scratch batch sized for [`evaluate`] and [`decision_grid`].
pub fn probe_batch(network: &Network) -> Batch {
    Batch::new(network, PROBE_CHUNK)
}

//! One lab run: a dataset, a network and mini-batch SGD, stepped on demand and watched for failure.

use super::batch::{Batch, Gradients};
use super::config::{ConfigError, LabConfig};
use super::data::Dataset;
use super::detect;
use super::failure::Failure;
use super::ledger::Ledger;
use super::network::Network;
use super::rng::{Rng, Stream};
use super::stats::{self, Evaluation, GridBox, LayerStats, StepStats};

/// How many points each history series keeps before it thins itself out.
pub const HISTORY_POINTS: usize = 512;

/// A training run. Create it from a [`LabConfig`], call [`Trainer::step`] or [`Trainer::run`]
/// in small chunks (say, per animation frame), and read the numbers back.
///
/// The data, the initial weights and the batch order come from three separate streams of the
/// seed, so the same config always gives the same run, and two configs that differ only in
/// the network see the same data in the same order.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: LabConfig,
    data: Dataset,
    network: Network,
    batch_rng: Rng,
    order: Vec<usize>,
    cursor: usize,
    indices: Vec<usize>,
    batch: Batch,
    gradients: Gradients,
    probe: Batch,
    stats: StepStats,
    measured: Vec<LayerStats>,
    history: History,
    failure: Option<Failure>,
}

impl Trainer {
    /// A fresh run, or the first setting that is out of range.
    pub fn new(config: &LabConfig) -> Result<Trainer, ConfigError> {
        config.validate()?;
        let data = Dataset::generate(
            config.dataset,
            config.points,
            config.noise,
            &mut Rng::for_stream(config.seed, Stream::Data),
        );
        let network = Network::new(
            &config.architecture(),
            &mut Rng::for_stream(config.seed, Stream::Weights),
        )?;
        let layers = network.layers().len();
        Ok(Trainer {
            config: *config,
            order: (0..data.len()).collect(),
            cursor: data.len(),
            data,
            batch_rng: Rng::for_stream(config.seed, Stream::Batches),
            indices: vec![0; config.batch_size],
            batch: Batch::new(&network, config.batch_size),
            gradients: Gradients::zeros_like(&network),
            probe: stats::probe_batch(&network),
            stats: StepStats::new(layers),
            measured: vec![LayerStats::default(); layers],
            history: History::new(layers),
            network,
            failure: None,
        })
    }

    /// The settings of this run.
    pub fn config(&self) -> &LabConfig {
        &self.config
    }

    /// The training data.
    pub fn dataset(&self) -> &Dataset {
        &self.data
    }

    /// The network at its current weights.
    pub fn network(&self) -> &Network {
        &self.network
    }

    /// Steps completed so far.
    pub fn steps(&self) -> u64 {
        self.stats.step
    }

    /// The latest step's numbers (before the first step: `step` 0, loss and accuracy NaN,
    /// every layer's numbers 0 — call [`Trainer::evaluate`] for the starting picture).
    pub fn last_step(&self) -> &StepStats {
        &self.stats
    }

    /// Loss and per-layer gradient series over the steps so far.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Why training stopped, once it has.
    pub fn failure(&self) -> Option<&Failure> {
        self.failure.as_ref()
    }

    /// One SGD step on the next mini-batch: forward, backward, check, update.
    ///
    /// On a NaN/∞, or a layer gradient of exactly 0 on the batch that a check over the whole
    /// dataset confirms, the step is not applied, the reason is kept, and this and every later
    /// call return it — the network and [`Trainer::last_step`] stay at the last good step.
    /// (The whole-dataset check costs about `points / batch_size` steps; it only runs when a
    /// batch shows an exact zero, which in a healthy network practically never happens.)
    pub fn step(&mut self) -> Result<&StepStats, Failure> {
        if let Some(failure) = self.failure {
            return Err(failure);
        }
        let step = self.stats.step + 1;
        self.next_batch();
        self.network.forward(&mut self.batch);
        let loss = self.batch.loss();
        if let Some(failure) = detect::check_forward(&self.network, &self.batch, step, loss) {
            return Err(self.stop(failure));
        }
        self.network.backward(&mut self.batch, &mut self.gradients);
        stats::measure_layers(
            &mut self.measured,
            &self.network,
            &self.batch,
            &self.gradients,
        );
        if let Some(failure) = detect::check_gradients(&self.gradients, &self.measured, step) {
            return Err(self.stop(failure));
        }
        if let Some(layer) = detect::zero_gradient_layer(&self.measured) {
            let whole_data = stats::evaluate(&self.network, &self.data, &mut self.probe);
            if let Some(failure) = detect::confirm_stall(&self.network, &whole_data, layer, step) {
                return Err(self.stop(failure));
            }
        }
        if let Err(update) = self
            .network
            .apply_sgd(&self.gradients, self.config.learning_rate)
        {
            return Err(self.stop(detect::non_finite_update(update, step)));
        }
        std::mem::swap(&mut self.stats.layers, &mut self.measured);
        self.stats.step = step;
        self.stats.loss = loss;
        self.stats.accuracy = self.batch.accuracy();
        self.history.record(&self.stats);
        Ok(&self.stats)
    }

    /// Up to `steps` steps (say, one animation frame's worth), stopping early on failure;
    /// read the outcome with [`Trainer::last_step`]. Zero steps still reports an earlier failure.
    pub fn run(&mut self, steps: usize) -> Result<(), Failure> {
        for _ in 0..steps {
            self.step()?;
        }
        match self.failure {
            Some(failure) => Err(failure),
            None => Ok(()),
        }
    }

    /// Loss, accuracy, gradients and saturated/dead shares over the whole dataset at the
    /// current weights, without training (step 0's bars, or a periodic full check).
    pub fn evaluate(&mut self) -> Evaluation {
        stats::evaluate(&self.network, &self.data, &mut self.probe)
    }

    /// The probability of class 1 over an `n` × `n` grid (see [`stats::decision_grid`]).
    pub fn decision_grid(&mut self, n: usize, area: GridBox) -> Vec<f64> {
        stats::decision_grid(&self.network, n, area, &mut self.probe)
    }

    /// The chain-rule ledger for dataset point `index`, or `None` if there is no such point.
    pub fn ledger(&self, index: usize) -> Option<Ledger> {
        let point = *self.data.points.get(index)?;
        let label = *self.data.labels.get(index)?;
        Some(Ledger::for_example(&self.network, point, label))
    }

    fn stop(&mut self, failure: Failure) -> Failure {
        self.failure = Some(failure);
        failure
    }

    /// Fill the batch with the next `batch_size` examples of a shuffled pass over the data,
    /// reshuffling whenever a pass ends.
    fn next_batch(&mut self) {
        for slot in self.indices.iter_mut() {
            if self.cursor >= self.order.len() {
                self.batch_rng.shuffle(&mut self.order);
                self.cursor = 0;
            }
            *slot = self.order.get(self.cursor).copied().unwrap_or(0);
            self.cursor += 1;
        }
        self.batch.load_examples(&self.data, &self.indices);
    }
}

/// Loss and mean |∂L/∂W| per layer over training, at most [`HISTORY_POINTS`] points per series:
/// when full, every other point is dropped and the sampling interval doubles.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    interval: u64,
    steps: Vec<u64>,
    loss: Vec<f64>,
    accuracy: Vec<f64>,
    gradients: Vec<Vec<f64>>,
}

impl History {
    fn new(layers: usize) -> History {
        History {
            interval: 1,
            steps: Vec::new(),
            loss: Vec::new(),
            accuracy: Vec::new(),
            gradients: vec![Vec::new(); layers],
        }
    }

    fn record(&mut self, stats: &StepStats) {
        if !stats.step.is_multiple_of(self.interval) {
            return;
        }
        self.steps.push(stats.step);
        self.loss.push(stats.loss);
        self.accuracy.push(stats.accuracy);
        for (series, layer) in self.gradients.iter_mut().zip(&stats.layers) {
            series.push(layer.grad_mean_abs);
        }
        if self.steps.len() >= HISTORY_POINTS {
            self.interval = self.interval.saturating_mul(2);
            let keep: Vec<bool> = self
                .steps
                .iter()
                .map(|s| s.is_multiple_of(self.interval))
                .collect();
            thin(&mut self.steps, &keep);
            thin(&mut self.loss, &keep);
            thin(&mut self.accuracy, &keep);
            for series in &mut self.gradients {
                thin(series, &keep);
            }
        }
    }

    /// The step numbers sampled.
    pub fn steps(&self) -> &[u64] {
        &self.steps
    }

    /// Mini-batch loss at those steps.
    pub fn loss(&self) -> &[f64] {
        &self.loss
    }

    /// Mini-batch accuracy at those steps.
    pub fn accuracy(&self) -> &[f64] {
        &self.accuracy
    }

    /// Mean |∂L/∂W| of layer `layer` (0 = first hidden layer) at those steps.
    pub fn gradients(&self, layer: usize) -> &[f64] {
        self.gradients.get(layer).map_or(&[], |g| g)
    }

    /// Number of layer series.
    pub fn layers(&self) -> usize {
        self.gradients.len()
    }
}

fn thin<T: Copy>(values: &mut Vec<T>, keep: &[bool]) {
    let mut flags = keep.iter();
    values.retain(|_| flags.next().copied().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_stays_bounded_and_evenly_spaced() {
        let mut history = History::new(2);
        let mut stats = StepStats::new(2);
        for step in 1..=5000 {
            stats.step = step;
            stats.loss = step as f64;
            stats.layers[1].grad_mean_abs = 2.0 * step as f64;
            history.record(&stats);
        }
        let steps = history.steps();
        assert!(steps.len() < HISTORY_POINTS && steps.len() >= HISTORY_POINTS / 2);
        let gap = steps[1] - steps[0];
        assert!(steps.windows(2).all(|pair| pair[1] - pair[0] == gap));
        assert_eq!(history.loss()[3], steps[3] as f64);
        assert_eq!(history.gradients(1)[3], 2.0 * steps[3] as f64);
        assert!(history.gradients(7).is_empty());
    }

    #[test]
    fn a_trainer_steps_through_every_example_once_per_pass() {
        let config = LabConfig {
            hidden_layers: 1,
            width: 2,
            points: 16,
            batch_size: 4,
            ..LabConfig::DEFAULT
        };
        let mut trainer = Trainer::new(&config).expect("valid");
        let mut seen = Vec::new();
        for _ in 0..4 {
            trainer.next_batch();
            seen.extend_from_slice(&trainer.indices);
        }
        seen.sort_unstable();
        assert_eq!(seen, (0..16).collect::<Vec<_>>());
    }
}

//! The lab's settings — data, network shape, training — with their limits and validation.

use std::fmt;

use super::activation::{Activation, Init};
use super::data::DatasetKind;

/// Fewest hidden layers a network may have.
pub const MIN_HIDDEN_LAYERS: usize = 1;
/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 12;
/// Fewest units in a hidden layer.
pub const MIN_WIDTH: usize = 2;
/// Most units in a hidden layer.
pub const MAX_WIDTH: usize = 32;
/// Largest learning rate accepted (large enough to make any network blow up).
pub const MAX_LEARNING_RATE: f64 = 100.0;
/// Largest mini-batch.
pub const MAX_BATCH_SIZE: usize = 256;
/// Fewest points in a dataset.
pub const MIN_POINTS: usize = 16;
/// Most points in a dataset.
pub const MAX_POINTS: usize = 2000;
/// Largest noise setting (1 already makes the classes overlap heavily).
pub const MAX_NOISE: f64 = 2.0;

/// The shape of a network: everything [`crate::lab::Network::new`] needs besides a seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Architecture {
    /// Number of hidden layers, 1 – 12.
    pub hidden_layers: usize,
    /// Units in every hidden layer, 2 – 32.
    pub width: usize,
    /// The hidden layers' activation (the output is always a sigmoid).
    pub activation: Activation,
    /// How the initial weights are drawn.
    pub init: Init,
}

impl Architecture {
    /// Ok when depth and width are within the limits above.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if !(MIN_HIDDEN_LAYERS..=MAX_HIDDEN_LAYERS).contains(&self.hidden_layers) {
            return Err(ConfigError::HiddenLayers(self.hidden_layers));
        }
        if !(MIN_WIDTH..=MAX_WIDTH).contains(&self.width) {
            return Err(ConfigError::Width(self.width));
        }
        Ok(())
    }
}

/// Every setting of one lab run. Two runs with equal configs are identical, step for step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabConfig {
    /// Which toy problem.
    pub dataset: DatasetKind,
    /// How many points it has, 16 – 2000.
    pub points: usize,
    /// Jitter added to the points, 0 – 2 (see [`crate::lab::data`]).
    pub noise: f64,
    /// Number of hidden layers, 1 – 12.
    pub hidden_layers: usize,
    /// Units per hidden layer, 2 – 32.
    pub width: usize,
    /// Hidden activation.
    pub activation: Activation,
    /// Weight initialisation.
    pub init: Init,
    /// SGD step size, in (0, 100].
    pub learning_rate: f64,
    /// Examples per mini-batch, 1 – 256.
    pub batch_size: usize,
    /// Seed for data, initial weights and batch order.
    pub seed: u64,
}

impl LabConfig {
    /// The settings the lab opens with: the "deep sigmoid stalls" story, 8 sigmoid layers × 16.
    pub const DEFAULT: LabConfig = LabConfig {
        dataset: DatasetKind::Circle,
        points: 400,
        noise: 0.1,
        hidden_layers: 8,
        width: 16,
        activation: Activation::Sigmoid,
        init: Init::Xavier,
        learning_rate: 0.1,
        batch_size: 32,
        seed: 1,
    };

    /// The network part of the settings.
    pub fn architecture(&self) -> Architecture {
        Architecture {
            hidden_layers: self.hidden_layers,
            width: self.width,
            activation: self.activation,
            init: self.init,
        }
    }

    /// Ok when every setting is within its limits; otherwise the first one that is not.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.architecture().validate()?;
        if !(self.learning_rate > 0.0 && self.learning_rate <= MAX_LEARNING_RATE) {
            return Err(ConfigError::LearningRate(self.learning_rate));
        }
        if !(1..=MAX_BATCH_SIZE).contains(&self.batch_size) {
            return Err(ConfigError::BatchSize(self.batch_size));
        }
        if !(MIN_POINTS..=MAX_POINTS).contains(&self.points) {
            return Err(ConfigError::Points(self.points));
        }
        if !(0.0..=MAX_NOISE).contains(&self.noise) {
            return Err(ConfigError::Noise(self.noise));
        }
        Ok(())
    }
}

impl Default for LabConfig {
    fn default() -> LabConfig {
        LabConfig::DEFAULT
    }
}

/// A setting outside its limits, with the offending value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ConfigError {
    /// Hidden layers not in 1 – 12.
    HiddenLayers(usize),
    /// Width not in 2 – 32.
    Width(usize),
    /// Learning rate not in (0, 100] (or not a number).
    LearningRate(f64),
    /// Batch size not in 1 – 256.
    BatchSize(usize),
    /// Point count not in 16 – 2000.
    Points(usize),
    /// Noise not in 0 – 2 (or not a number).
    Noise(f64),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::HiddenLayers(n) => write!(
                f,
                "a network needs {MIN_HIDDEN_LAYERS} to {MAX_HIDDEN_LAYERS} hidden layers, not {n}"
            ),
            ConfigError::Width(n) => write!(
                f,
                "a hidden layer needs {MIN_WIDTH} to {MAX_WIDTH} units, not {n}"
            ),
            ConfigError::LearningRate(r) => write!(
                f,
                "the learning rate must be above 0 and at most {MAX_LEARNING_RATE}, not {r}"
            ),
            ConfigError::BatchSize(n) => write!(
                f,
                "a mini-batch needs 1 to {MAX_BATCH_SIZE} examples, not {n}"
            ),
            ConfigError::Points(n) => write!(
                f,
                "a dataset needs {MIN_POINTS} to {MAX_POINTS} points, not {n}"
            ),
            ConfigError::Noise(x) => write!(f, "noise must be between 0 and {MAX_NOISE}, not {x}"),
        }
    }
}

impl std::error::Error for ConfigError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_valid_and_each_limit_is_enforced() {
        let ok = LabConfig::default();
        assert_eq!(ok.validate(), Ok(()));
        let bad = [
            LabConfig {
                hidden_layers: 0,
                ..ok
            },
            LabConfig {
                hidden_layers: 13,
                ..ok
            },
            LabConfig { width: 1, ..ok },
            LabConfig { width: 33, ..ok },
            LabConfig {
                learning_rate: 0.0,
                ..ok
            },
            LabConfig {
                learning_rate: f64::NAN,
                ..ok
            },
            LabConfig {
                learning_rate: f64::INFINITY,
                ..ok
            },
            LabConfig {
                batch_size: 0,
                ..ok
            },
            LabConfig { points: 3, ..ok },
            LabConfig { noise: -0.1, ..ok },
            LabConfig {
                noise: f64::NAN,
                ..ok
            },
        ];
        for config in bad {
            let error = config.validate().expect_err("should be rejected");
            assert!(!error.to_string().is_empty());
        }
        let edges = LabConfig {
            hidden_layers: 12,
            width: 32,
            learning_rate: MAX_LEARNING_RATE,
            batch_size: 256,
            points: 2000,
            noise: 2.0,
            ..ok
        };
        assert_eq!(edges.validate(), Ok(()));
    }
}

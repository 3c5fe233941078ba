//! The gradient lab: a real multilayer perceptron trained in the page, with per-layer gradients.
//!
//! Pure `std` Rust, no web types: a thin wrapper elsewhere turns these calls into exports.
//!
//! - [`rng`]: the seeded random numbers everything else draws from.
//! - [`data`]: 2-D toy datasets (circle, XOR, spiral, blobs).
//! - [`activation`]: hidden activations and weight initialisations.
//! - [`config`], [`query`], [`presets`]: the settings, their URL form, the lesson's stories.
//! - [`network`], [`batch`], `kernels`: the MLP — forward pass, backpropagation by hand, SGD —
//!   its working memory, and its tuned inner loops.
//! - [`stats`], [`ledger`]: what the learner sees per layer, and the chain-rule ledger.
//! - [`failure`], `detect`: why training stopped, and the checks that notice.
//! - [`trainer`]: one run, stepped on demand.
//!
//! ```
//! use vanishing_gradients::lab::{presets, Trainer};
//! let config = presets::find("relu-learns").map(|p| p.config).unwrap_or_default();
//! let mut trainer = Trainer::new(&config).expect("presets are valid");
//! trainer.run(10).expect("ten steps train without failing");
//! let stats = trainer.last_step();
//! assert_eq!(stats.step, 10);
//! assert_eq!(stats.layers.len(), config.hidden_layers + 1);
//! ```

pub mod activation;
pub mod batch;
pub mod config;
pub mod data;
mod detect;
pub mod failure;
mod kernels;
pub mod ledger;
pub mod network;
pub mod presets;
pub mod query;
pub mod rng;
pub mod stats;
pub mod trainer;

pub use activation::{Activation, Init};
pub use batch::{Batch, Gradients};
pub use config::{Architecture, ConfigError, LabConfig};
pub use data::{Dataset, DatasetKind};
pub use failure::{Failure, Quantity, StallCause};
pub use ledger::{Ledger, LedgerRow};
pub use network::{Layer, Network};
pub use presets::Preset;
pub use query::ParsedConfig;
pub use rng::Rng;
pub use stats::{Evaluation, GridBox, LayerStats, StepStats};
pub use trainer::{History, Trainer};

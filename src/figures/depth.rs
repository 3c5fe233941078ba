//! The depth explorer's model: per-layer factor, depth and learning rate, and the gradient that
//! reaches the first layer for every depth from 1 to [`MAX_LAYERS`].

use super::{pair_unless_default, read_number, snap, Query};
use crate::math::{gradient_after_layers, weight_update, SIGMOID_MAX_SLOPE};

/// The deepest network the figure draws.
pub const MAX_LAYERS: u32 = 50;
/// The per-layer factor's range (the slider moves in steps of 0.01).
pub const FACTOR_RANGE: (f64, f64) = (0.01, 1.0);
/// Learning rates the learner can pick, smallest first (1-2-5 steps).
pub const LEARNING_RATES: [f64; 10] = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0];
/// A gradient this small is, for practical purposes, no gradient (the lesson's "effectively zero").
pub const NEGLIGIBLE_GRADIENT: f64 = 1e-6;
/// float32's smallest normal number, 2⁻¹²⁶ ≈ 1.18 × 10⁻³⁸; below it precision drains away.
pub const FLOAT32_SMALLEST_NORMAL: f64 = f32::MIN_POSITIVE as f64;
/// URL keys of this figure start with this.
pub const PREFIX: &str = "depth.";
const FACTOR_KEY: &str = "depth.factor";
const LAYERS_KEY: &str = "depth.layers";
const RATE_KEY: &str = "depth.lr";
const DEFAULT: DepthSettings = DepthSettings { factor: 0.2, layers: 5, learning_rate: 0.1 };

/// What the learner set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthSettings {
    /// Each layer multiplies the gradient by this (within [`FACTOR_RANGE`], steps of 0.01).
    pub factor: f64,
    /// The depth the read-out talks about, 1 to [`MAX_LAYERS`].
    pub layers: u32,
    /// One of [`LEARNING_RATES`].
    pub learning_rate: f64,
}

impl Default for DepthSettings {
    /// The lesson's practice problem: 0.2 per layer, 5 layers, learning rate 0.1.
    fn default() -> Self {
        DEFAULT
    }
}

impl DepthSettings {
    /// Settings for any input: clamped, rounded, the learning rate snapped to the nearest offered.
    pub fn new(factor: f64, layers: f64, learning_rate: f64) -> Self {
        DepthSettings {
            factor: snap(factor, FACTOR_RANGE.0, FACTOR_RANGE.1, 2, DEFAULT.factor),
            layers: snap(layers, 1.0, f64::from(MAX_LAYERS), 0, f64::from(DEFAULT.layers)) as u32,
            learning_rate: LEARNING_RATES[learning_rate_index(learning_rate)],
        }
    }

    /// Settings read from a URL query; anything missing or malformed keeps its default.
    pub fn from_query(query: &Query) -> Self {
        let factor = read_number(query, FACTOR_KEY, DEFAULT.factor, FACTOR_RANGE, 2);
        let layers = read_number(query, LAYERS_KEY, f64::from(DEFAULT.layers), (1.0, f64::from(MAX_LAYERS)), 0);
        let rate = query.number(RATE_KEY).unwrap_or(DEFAULT.learning_rate);
        DepthSettings::new(factor, layers, rate)
    }

    /// The URL pairs that reproduce these settings (none for the defaults).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        [
            pair_unless_default(FACTOR_KEY, self.factor, DEFAULT.factor, 2),
            pair_unless_default(LAYERS_KEY, f64::from(self.layers), f64::from(DEFAULT.layers), 0),
            pair_unless_default(RATE_KEY, self.learning_rate, DEFAULT.learning_rate, 3),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The gradient reaching the first layer and the weight update at one depth.
    pub fn row(&self, layers: u32) -> DepthRow {
        let chosen = gradient_after_layers(self.factor, layers);
        DepthRow {
            layers,
            chosen,
            sigmoid_best: gradient_after_layers(SIGMOID_MAX_SLOPE, layers),
            relu: gradient_after_layers(1.0, layers),
            weight_update: weight_update(self.learning_rate, chosen),
        }
    }

    /// One row per depth, 1 to [`MAX_LAYERS`]: the numbers the figure draws and tabulates.
    pub fn series(&self) -> Vec<DepthRow> {
        (1..=MAX_LAYERS).map(|n| self.row(n)).collect()
    }

    /// The depths at which the chosen factor's gradient falls below the two thresholds.
    pub fn thresholds(&self) -> DepthThresholds {
        DepthThresholds {
            negligible: first_depth_below(self.factor, NEGLIGIBLE_GRADIENT),
            below_float32: first_depth_below(self.factor, FLOAT32_SMALLEST_NORMAL),
        }
    }
}

/// The index in [`LEARNING_RATES`] nearest to `rate` on a log scale (the default's for NaN).
pub fn learning_rate_index(rate: f64) -> usize {
    let wanted = if rate.is_finite() && rate > 0.0 { rate.log10() } else { DEFAULT.learning_rate.log10() };
    let distance = |r: &f64| (r.log10() - wanted).abs();
    (0..LEARNING_RATES.len())
        .min_by(|&a, &b| distance(&LEARNING_RATES[a]).total_cmp(&distance(&LEARNING_RATES[b])))
        .unwrap_or(6)
}

/// Gradients at one depth n.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthRow {
    /// n, the number of layers.
    pub layers: u32,
    /// factorⁿ for the learner's factor.
    pub chosen: f64,
    /// 0.25ⁿ: sigmoid at its steepest in every layer.
    pub sigmoid_best: f64,
    /// 1ⁿ: ReLU on its positive side.
    pub relu: f64,
    /// Δw = learning rate × factorⁿ.
    pub weight_update: f64,
}

/// The first depths at which factorⁿ drops below the figure's two thresholds (`None`: never).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DepthThresholds {
    /// factorⁿ < 10⁻⁶.
    pub negligible: Option<u32>,
    /// factorⁿ < 2⁻¹²⁶, float32's smallest normal.
    pub below_float32: Option<u32>,
}

/// The smallest n ≥ 1 with factorⁿ < threshold, found from logarithms and confirmed by powers.
fn first_depth_below(factor: f64, threshold: f64) -> Option<u32> {
    let usable = factor > 0.0 && factor < 1.0 && threshold > 0.0;
    if !usable {
        return None;
    }
    if factor < threshold {
        return Some(1);
    }
    let estimate = (threshold.ln() / factor.ln()).floor().clamp(1.0, 1e9) as u32;
    let mut n = estimate.max(1);
    while gradient_after_layers(factor, n) >= threshold {
        n += 1;
    }
    while n > 1 && gradient_after_layers(factor, n - 1) < threshold {
        n -= 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::query::rewrite;

    #[test]
    fn thresholds_match_the_hand_worked_depths() {
        // 0.2⁸ = 2.56e-6, 0.2⁹ = 5.12e-7; 0.2⁵⁴ ≈ 1.8e-38 > 2⁻¹²⁶ ≈ 1.18e-38 > 0.2⁵⁵ ≈ 3.6e-39.
        let thresholds = DepthSettings::default().thresholds();
        assert_eq!(thresholds.negligible, Some(9));
        assert_eq!(thresholds.below_float32, Some(55));
        // 0.25¹⁰ ≈ 9.54e-7 < 1e-6 but 0.25⁹ ≈ 3.8e-6.
        assert_eq!(DepthSettings::new(0.25, 5.0, 0.1).thresholds().negligible, Some(10));
        assert_eq!(DepthSettings::new(1.0, 5.0, 0.1).thresholds(), DepthThresholds { negligible: None, below_float32: None });
    }

    #[test]
    fn thresholds_agree_with_the_step_by_step_search() {
        for hundredths in 1..100 {
            let factor = f64::from(hundredths) / 100.0;
            let found = DepthSettings::new(factor, 5.0, 0.1).thresholds();
            assert_eq!(found.negligible, crate::math::first_depth_below(factor, 1e-6, 10_000), "{factor}");
            assert_eq!(found.below_float32, crate::math::first_depth_below(factor, FLOAT32_SMALLEST_NORMAL, 10_000), "{factor}");
        }
    }

    #[test]
    fn the_lesson_row_at_five_layers() {
        let row = DepthSettings::default().row(5);
        assert!((row.chosen - 0.00032).abs() < 1e-15);
        assert!((row.weight_update - 0.000032).abs() < 1e-16);
        assert!((row.sigmoid_best - 0.0009765625).abs() < 1e-15);
        assert_eq!(row.relu, 1.0);
        assert_eq!(DepthSettings::default().series().len(), 50);
    }

    #[test]
    fn settings_round_trip_and_snap() {
        let settings = DepthSettings::new(0.37, 12.0, 0.05);
        let search = rewrite("", PREFIX, &settings.query_pairs());
        assert_eq!(search, "?depth.factor=0.37&depth.layers=12&depth.lr=0.05");
        assert_eq!(DepthSettings::from_query(&Query::parse(&search)), settings);
        assert_eq!(DepthSettings::new(0.0, 0.0, 0.3).learning_rate, 0.2);
        let wild = DepthSettings::from_query(&Query::parse("depth.factor=7&depth.layers=-3&depth.lr=abc"));
        assert_eq!(wild, DepthSettings { factor: 1.0, layers: 1, learning_rate: 0.1 });
        assert_eq!(learning_rate_index(f64::NAN), 6);
    }
}

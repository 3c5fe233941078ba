//! The sigmoid explorer's model: the chosen z, and σ and σ′ sampled over the figure's range.

use super::{pair_unless_default, read_number, snap, Query};
use crate::math::{sigmoid, sigmoid_derivative};

/// The z range the figure shows and the slider covers.
pub const Z_RANGE: (f64, f64) = (-10.0, 10.0);
/// Curve samples per unit of z (so every whole z is a sample).
pub const SAMPLES_PER_UNIT: usize = 20;
/// URL keys of this figure start with this.
pub const PREFIX: &str = "sigmoid.";
const Z_KEY: &str = "sigmoid.z";
const Z_DECIMALS: i32 = 1;

/// What the learner set: the input z.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SigmoidSettings {
    /// The input, within [`Z_RANGE`], in steps of 0.1.
    pub z: f64,
}

impl Default for SigmoidSettings {
    fn default() -> Self {
        SigmoidSettings { z: 0.0 }
    }
}

impl SigmoidSettings {
    /// Settings for any `z`: clamped into range, rounded to 0.1, NaN → the default 0.
    pub fn new(z: f64) -> Self {
        SigmoidSettings { z: snap(z, Z_RANGE.0, Z_RANGE.1, Z_DECIMALS, 0.0) }
    }

    /// Settings read from a URL query; anything missing or malformed keeps its default.
    pub fn from_query(query: &Query) -> Self {
        SigmoidSettings { z: read_number(query, Z_KEY, 0.0, Z_RANGE, Z_DECIMALS) }
    }

    /// The URL pairs that reproduce these settings (none for the defaults).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        pair_unless_default(Z_KEY, self.z, 0.0, Z_DECIMALS).into_iter().collect()
    }
}

/// One sample of the curves: (z, σ(z), σ′(z)).
pub type SigmoidSample = (f64, f64, f64);

/// σ and σ′ at every 1/[`SAMPLES_PER_UNIT`] of z across [`Z_RANGE`], ends included.
pub fn curve() -> Vec<SigmoidSample> {
    let (from, to) = Z_RANGE;
    let count = ((to - from) as usize) * SAMPLES_PER_UNIT;
    (0..=count)
        .map(|i| {
            let z = from + (to - from) * i as f64 / count as f64;
            (z, sigmoid(z), sigmoid_derivative(z))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_the_query() {
        let settings = SigmoidSettings::new(-2.34);
        assert_eq!(settings.z, -2.3);
        let search = crate::figures::query::rewrite("", PREFIX, &settings.query_pairs());
        assert_eq!(search, "?sigmoid.z=-2.3");
        assert_eq!(SigmoidSettings::from_query(&Query::parse(&search)), settings);
    }

    #[test]
    fn out_of_range_clamps_and_garbage_is_the_default() {
        assert_eq!(SigmoidSettings::from_query(&Query::parse("sigmoid.z=99")).z, 10.0);
        assert_eq!(SigmoidSettings::from_query(&Query::parse("sigmoid.z=five")).z, 0.0);
        assert_eq!(SigmoidSettings::new(f64::NAN).z, 0.0);
        assert!(SigmoidSettings::default().query_pairs().is_empty());
    }

    #[test]
    fn every_whole_z_is_a_sample() {
        let samples = curve();
        assert_eq!(samples.len(), 401);
        assert_eq!(samples[SAMPLES_PER_UNIT * 15].0, 5.0);
        assert_eq!(samples[200], (0.0, 0.5, 0.25));
    }
}

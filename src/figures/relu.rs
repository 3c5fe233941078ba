//! The ReLU explorer's model: the chosen z and whether the sigmoid is shown beside ReLU.

use super::{pair_unless_default, read_number, snap, Query};

/// The z range the figure shows and the slider covers.
pub const Z_RANGE: (f64, f64) = (-5.0, 5.0);
/// URL keys of this figure start with this.
pub const PREFIX: &str = "relu.";
const Z_KEY: &str = "relu.z";
const COMPARE_KEY: &str = "relu.compare";
const Z_DECIMALS: i32 = 1;
const DEFAULT_Z: f64 = 1.0;

/// What the learner set: the input z and whether σ and σ′ are drawn for comparison.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ReluSettings {
    /// The input, within [`Z_RANGE`], in steps of 0.1.
    pub z: f64,
    /// Draw the sigmoid and its slope beside ReLU's.
    pub compare: bool,
}

impl Default for ReluSettings {
    fn default() -> Self {
        ReluSettings { z: DEFAULT_Z, compare: true }
    }
}

impl ReluSettings {
    /// Settings for any `z`: clamped into range, rounded to 0.1, NaN → the default.
    pub fn new(z: f64, compare: bool) -> Self {
        ReluSettings { z: snap(z, Z_RANGE.0, Z_RANGE.1, Z_DECIMALS, DEFAULT_Z), compare }
    }

    /// Settings read from a URL query; anything missing or malformed keeps its default.
    pub fn from_query(query: &Query) -> Self {
        ReluSettings {
            z: read_number(query, Z_KEY, DEFAULT_Z, Z_RANGE, Z_DECIMALS),
            compare: query.switch(COMPARE_KEY).unwrap_or(true),
        }
    }

    /// The URL pairs that reproduce these settings (none for the defaults).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        let z = pair_unless_default(Z_KEY, self.z, DEFAULT_Z, Z_DECIMALS);
        let compare = (!self.compare).then(|| (COMPARE_KEY.to_owned(), "0".to_owned()));
        z.into_iter().chain(compare).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::query::rewrite;

    #[test]
    fn settings_round_trip_through_the_query() {
        for settings in [ReluSettings::new(-2.0, false), ReluSettings::new(4.9, true), ReluSettings::default()] {
            let search = rewrite("?view=slides", PREFIX, &settings.query_pairs());
            assert_eq!(ReluSettings::from_query(&Query::parse(&search)), settings, "{search}");
        }
    }

    #[test]
    fn malformed_values_fall_back() {
        let settings = ReluSettings::from_query(&Query::parse("relu.z=--1&relu.compare=maybe"));
        assert_eq!(settings, ReluSettings::default());
        assert_eq!(ReluSettings::from_query(&Query::parse("relu.z=-1e300")).z, -5.0);
    }
}

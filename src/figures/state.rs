//! One figure's state by kind: built from the numbers its controls hold, read from and written
//! to the URL query. The page passes a kind name and up to three numbers; nothing else.

use super::{depth, BallSettings, DepthSettings, Query, ReluSettings, SigmoidSettings};

/// The state of any one figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FigureState {
    /// The sigmoid explorer.
    Sigmoid(SigmoidSettings),
    /// The ReLU explorer.
    Relu(ReluSettings),
    /// The depth explorer.
    Depth(DepthSettings),
    /// The rolling ball.
    Ball(BallSettings),
}

impl FigureState {
    /// The state of figure `kind` (`sigmoid`, `relu`, `depth`, `ball`) from its control values:
    /// sigmoid `[z]`, relu `[z, compare 0|1]`, depth `[factor, layers, learning-rate index]`,
    /// ball `[push, pushes so far]`. Missing numbers count as NaN, i.e. the defaults.
    pub fn from_numbers(kind: &str, numbers: &[f64]) -> Option<Self> {
        let n = |i: usize| numbers.get(i).copied().unwrap_or(f64::NAN);
        Some(match kind {
            "sigmoid" => FigureState::Sigmoid(SigmoidSettings::new(n(0))),
            "relu" => FigureState::Relu(ReluSettings::new(n(0), n(1).is_nan() || n(1) != 0.0)),
            "depth" => {
                let index = if n(2).is_finite() { n(2).round().clamp(0.0, 9.0) as usize } else { 6 };
                let rate = depth::LEARNING_RATES.get(index).copied().unwrap_or(0.1);
                FigureState::Depth(DepthSettings::new(n(0), n(1), rate))
            }
            "ball" => FigureState::Ball(BallSettings::new(n(0), n(1))),
            _ => return None,
        })
    }

    /// The control values that reproduce this state (see [`FigureState::from_numbers`]).
    pub fn numbers(&self) -> Vec<f64> {
        match self {
            FigureState::Sigmoid(s) => vec![s.z],
            FigureState::Relu(s) => vec![s.z, if s.compare { 1.0 } else { 0.0 }],
            FigureState::Depth(s) => vec![s.factor, f64::from(s.layers), depth::learning_rate_index(s.learning_rate) as f64],
            FigureState::Ball(s) => vec![s.push, s.elapsed],
        }
    }

    /// The state of figure `kind` read from a URL query (defaults for anything unusable).
    pub fn from_query(kind: &str, search: &str) -> Option<Self> {
        let query = Query::parse(search);
        Some(match kind {
            "sigmoid" => FigureState::Sigmoid(SigmoidSettings::from_query(&query)),
            "relu" => FigureState::Relu(ReluSettings::from_query(&query)),
            "depth" => FigureState::Depth(DepthSettings::from_query(&query)),
            "ball" => FigureState::Ball(BallSettings::from_query(&query)),
            _ => return None,
        })
    }

    /// `search` with this figure's keys rewritten to reproduce this state, other keys kept.
    pub fn write_query(&self, search: &str) -> String {
        let (prefix, pairs) = match self {
            FigureState::Sigmoid(s) => (super::sigmoid::PREFIX, s.query_pairs()),
            FigureState::Relu(s) => (super::relu::PREFIX, s.query_pairs()),
            FigureState::Depth(s) => (depth::PREFIX, s.query_pairs()),
            FigureState::Ball(s) => (super::ball::PREFIX, s.query_pairs()),
        };
        super::query::rewrite(search, prefix, &pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_numbers_and_the_query() {
        let cases: [(&str, &[f64]); 4] =
            [("sigmoid", &[5.0]), ("relu", &[-2.0, 0.0]), ("depth", &[0.5, 12.0, 3.0]), ("ball", &[1.5, 2.5])];
        for (kind, numbers) in cases {
            let state = FigureState::from_numbers(kind, numbers).expect("a known kind");
            assert_eq!(state.numbers(), numbers, "{kind}");
            let search = state.write_query("?view=scroll");
            assert!(search.starts_with("?view=scroll&"), "{search}");
            assert_eq!(FigureState::from_query(kind, &search), Some(state), "{search}");
        }
    }

    #[test]
    fn unknown_kinds_and_missing_numbers() {
        assert_eq!(FigureState::from_numbers("pie", &[1.0]), None);
        assert_eq!(FigureState::from_query("", ""), None);
        assert_eq!(FigureState::from_numbers("depth", &[]), Some(FigureState::Depth(DepthSettings::default())));
        assert_eq!(FigureState::from_numbers("relu", &[f64::NAN]), Some(FigureState::Relu(ReluSettings::default())));
        assert_eq!(FigureState::from_numbers("depth", &[0.2, 5.0, 99.0]).map(|s| s.numbers()[2]), Some(9.0));
    }
}

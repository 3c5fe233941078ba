//! Each figure's model: settings with defaults and limits, their round trip through the URL
//! query, the numbers the figure draws, and the rolling ball's motion. Pure Rust on top of `math`.

pub mod ball;
pub mod depth;
pub mod query;
pub mod relu;
pub mod sigmoid;
pub mod state;

pub use ball::{BallRun, BallSettings, Surface};
pub use depth::{DepthRow, DepthSettings, DepthThresholds};
pub use query::Query;
pub use relu::ReluSettings;
pub use sigmoid::SigmoidSettings;
pub use state::FigureState;

/// A setting read from `query[key]`: clamped into `[min, max]` and rounded to `decimals`
/// places, or `default` when absent or malformed.
fn read_number(query: &Query, key: &str, default: f64, (min, max): (f64, f64), decimals: i32) -> f64 {
    query.number(key).map_or(default, |x| snap(x, min, max, decimals, default))
}

/// `x` clamped into `[min, max]` and rounded to `decimals` places; `default` if `x` is NaN.
fn snap(x: f64, min: f64, max: f64, decimals: i32, default: f64) -> f64 {
    if x.is_nan() {
        return default;
    }
    let scale = 10f64.powi(decimals);
    let rounded = (x.clamp(min, max) * scale).round() / scale;
    if rounded == 0.0 {
        0.0
    } else {
        rounded
    }
}

/// The pair `(key, value)` for a URL, or nothing when `value` is the default.
fn pair_unless_default(key: &str, value: f64, default: f64, decimals: i32) -> Option<(String, String)> {
    (value != default).then(|| (key.to_owned(), query::number_text(value, decimals)))
}

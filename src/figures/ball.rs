//! The rolling ball: the same push on four surfaces moves each ball in proportion to the slope
//! under it (dz/dt = push × f′(z)), stepped at a fixed rate so every run is reproducible.

use super::{pair_unless_default, read_number, snap, Query};
use crate::math::{relu, relu_derivative, sigmoid, sigmoid_derivative};

/// A run lasts this many pushes (seconds when animated at normal speed).
pub const MAX_PUSHES: f64 = 8.0;
/// Integration steps per push.
pub const STEPS_PER_PUSH: u32 = 60;
/// The push strength's range (the slider moves in steps of 0.25).
pub const PUSH_RANGE: (f64, f64) = (0.25, 2.0);
/// URL keys of this figure start with this.
pub const PREFIX: &str = "ball.";
const PUSH_KEY: &str = "ball.push";
const TIME_KEY: &str = "ball.t";
const DEFAULT_PUSH: f64 = 1.0;

/// The seed's four surfaces, in the order the lesson lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// The sigmoid far out (z = 6): a plateau, the ball barely moves.
    SigmoidFar,
    /// The sigmoid's centre (z = 0): a gentle slope, gradient 0.25.
    SigmoidCentre,
    /// ReLU's positive side: a constant slope, gradient 1.
    ReluPositive,
    /// ReLU's negative side: flat, gradient 0, the ball is stuck.
    ReluNegative,
}

impl Surface {
    /// All four, in the lesson's order.
    pub const ALL: [Surface; 4] = [Surface::SigmoidFar, Surface::SigmoidCentre, Surface::ReluPositive, Surface::ReluNegative];

    /// A short name for labels and tables.
    pub fn name(self) -> &'static str {
        match self {
            Surface::SigmoidFar => "Sigmoid, far out",
            Surface::SigmoidCentre => "Sigmoid, centre",
            Surface::ReluPositive => "ReLU, positive side",
            Surface::ReluNegative => "ReLU, negative side",
        }
    }

    /// The height of the surface at z.
    pub fn height(self, z: f64) -> f64 {
        match self {
            Surface::SigmoidFar | Surface::SigmoidCentre => sigmoid(z),
            Surface::ReluPositive | Surface::ReluNegative => relu(z),
        }
    }

    /// The slope (gradient) of the surface at z.
    pub fn slope(self, z: f64) -> f64 {
        match self {
            Surface::SigmoidFar | Surface::SigmoidCentre => sigmoid_derivative(z),
            Surface::ReluPositive | Surface::ReluNegative => relu_derivative(z),
        }
    }

    /// Where the ball starts.
    pub fn start(self) -> f64 {
        match self {
            Surface::SigmoidFar => 6.0,
            Surface::SigmoidCentre => 0.0,
            Surface::ReluPositive => 1.0,
            Surface::ReluNegative => -3.0,
        }
    }

    /// The stretch of z the figure shows; the ball never leaves it.
    pub fn window(self) -> (f64, f64) {
        match self {
            Surface::SigmoidFar => (2.0, 10.0),
            Surface::SigmoidCentre => (-4.0, 4.0),
            Surface::ReluPositive => (-1.0, 1.0 + PUSH_RANGE.1 * MAX_PUSHES + 1.0),
            Surface::ReluNegative => (-6.0, 2.0),
        }
    }
}

/// What the learner set: the push, and how many pushes have been given so far.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BallSettings {
    /// How far a push moves a ball on a slope of 1, per push.
    pub push: f64,
    /// Pushes given so far, 0 to [`MAX_PUSHES`], in steps of 1/[`STEPS_PER_PUSH`] (rounded to 0.01 in URLs).
    pub elapsed: f64,
}

impl Default for BallSettings {
    fn default() -> Self {
        BallSettings { push: DEFAULT_PUSH, elapsed: 0.0 }
    }
}

impl BallSettings {
    /// Settings for any input: clamped and rounded; NaN → defaults.
    pub fn new(push: f64, elapsed: f64) -> Self {
        BallSettings {
            push: snap(push * 4.0, PUSH_RANGE.0 * 4.0, PUSH_RANGE.1 * 4.0, 0, DEFAULT_PUSH * 4.0) / 4.0,
            elapsed: snap(elapsed, 0.0, MAX_PUSHES, 2, 0.0),
        }
    }

    /// Settings read from a URL query; anything missing or malformed keeps its default.
    pub fn from_query(query: &Query) -> Self {
        let push = read_number(query, PUSH_KEY, DEFAULT_PUSH, PUSH_RANGE, 2);
        let elapsed = read_number(query, TIME_KEY, 0.0, (0.0, MAX_PUSHES), 2);
        BallSettings::new(push, elapsed)
    }

    /// The URL pairs that reproduce these settings (none for the defaults).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        [pair_unless_default(PUSH_KEY, self.push, DEFAULT_PUSH, 2), pair_unless_default(TIME_KEY, self.elapsed, 0.0, 2)]
            .into_iter()
            .flatten()
            .collect()
    }
}

/// One run of the four balls: positions after a whole number of integration steps.
#[derive(Clone, Debug, PartialEq)]
pub struct BallRun {
    push: f64,
    steps: u32,
    positions: [f64; 4],
}

impl BallRun {
    /// A run with `settings.push`, advanced to `settings.elapsed`.
    pub fn new(settings: BallSettings) -> Self {
        let settings = BallSettings::new(settings.push, settings.elapsed);
        let mut run = BallRun { push: settings.push, steps: 0, positions: Surface::ALL.map(Surface::start) };
        run.advance(settings.elapsed);
        run
    }

    /// The settings that reproduce this run's state.
    pub fn settings(&self) -> BallSettings {
        BallSettings::new(self.push, self.elapsed())
    }

    /// Pushes given so far.
    pub fn elapsed(&self) -> f64 {
        f64::from(self.steps) / f64::from(STEPS_PER_PUSH)
    }

    /// Whether the run has reached [`MAX_PUSHES`].
    pub fn finished(&self) -> bool {
        self.steps >= max_steps()
    }

    /// Each ball's z, in the order of [`Surface::ALL`].
    pub fn positions(&self) -> [f64; 4] {
        self.positions
    }

    /// Moves time on by `pushes` (negative, NaN or huge values are clamped to the run).
    pub fn advance(&mut self, pushes: f64) {
        let wanted = (self.elapsed() + if pushes.is_finite() { pushes.max(0.0) } else { 0.0 }).min(MAX_PUSHES);
        let target = ((wanted * f64::from(STEPS_PER_PUSH)) + 1e-6).floor() as u32;
        while self.steps < target.min(max_steps()) {
            self.step();
        }
    }

    /// Back to the start, keeping the push.
    pub fn reset(&mut self) {
        *self = BallRun::new(BallSettings::new(self.push, 0.0));
    }

    /// One Euler step of dz/dt = push × slope(z) for every ball, kept inside its window.
    fn step(&mut self) {
        let dt = 1.0 / f64::from(STEPS_PER_PUSH);
        for (z, surface) in self.positions.iter_mut().zip(Surface::ALL) {
            let (from, to) = surface.window();
            *z = (*z + self.push * surface.slope(*z) * dt).clamp(from, to);
        }
        self.steps += 1;
    }
}

fn max_steps() -> u32 {
    (MAX_PUSHES * f64::from(STEPS_PER_PUSH)) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_push_moves_each_ball_in_proportion_to_its_gradient() {
        let mut run = BallRun::new(BallSettings::default());
        run.advance(1.0 / f64::from(STEPS_PER_PUSH));
        let moved: Vec<f64> = run.positions().iter().zip(Surface::ALL).map(|(z, s)| z - s.start()).collect();
        let dt = 1.0 / f64::from(STEPS_PER_PUSH);
        // Independent reference: σ′(6) = e⁻⁶/(1+e⁻⁶)² ≈ 0.0024665, σ′(0) = 0.25, ReLU′ = 1 and 0.
        let gradients = [0.002_466_5, 0.25, 1.0, 0.0];
        for (m, g) in moved.iter().zip(gradients) {
            assert!((m - dt * g).abs() < 1e-7, "moved {m}, expected {}", dt * g);
        }
    }

    #[test]
    fn after_a_full_run_relu_went_far_the_plateau_barely_and_the_dead_side_not_at_all() {
        let run = BallRun::new(BallSettings::new(1.0, MAX_PUSHES));
        let [far, centre, positive, negative] = run.positions();
        assert!((positive - 9.0).abs() < 1e-9, "constant slope 1: 1 + 8 × 1 = 9, got {positive}");
        assert!((far - 6.0) > 0.015 && (far - 6.0) < 0.025, "plateau: about 8 × 0.0025 = 0.02, got {}", far - 6.0);
        // dz/dt = σ′(z) from 0 solves to 2 sinh z + 2z = t; t = 8 gives z ≈ 1.58.
        assert!((2.0 * centre.sinh() + 2.0 * centre - 8.0).abs() < 0.05, "centre at {centre}");
        assert_eq!(negative, -3.0);
        assert!(run.finished());
    }

    #[test]
    fn runs_are_reproducible_however_the_clock_ticks() {
        let mut ticked = BallRun::new(BallSettings::default());
        for _ in 0..37 {
            ticked.advance(0.1);
        }
        let jumped = BallRun::new(BallSettings::new(1.0, 3.7));
        assert_eq!(ticked.steps, jumped.steps);
        assert_eq!(ticked.positions(), jumped.positions());
        ticked.advance(f64::NAN);
        ticked.advance(-5.0);
        ticked.advance(1e300);
        assert!(ticked.finished());
        ticked.reset();
        assert_eq!(ticked.elapsed(), 0.0);
    }

    #[test]
    fn settings_round_trip_through_the_query() {
        let settings = BallSettings::new(1.5, 2.5);
        let search = crate::figures::query::rewrite("", PREFIX, &settings.query_pairs());
        assert_eq!(search, "?ball.push=1.5&ball.t=2.5");
        assert_eq!(BallSettings::from_query(&Query::parse(&search)), settings);
        assert_eq!(BallSettings::new(0.6, -1.0), BallSettings { push: 0.5, elapsed: 0.0 });
        assert_eq!(BallSettings::from_query(&Query::parse("ball.push=x&ball.t=99")), BallSettings::new(1.0, 8.0));
    }
}

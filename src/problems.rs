//! The practice problems as data: prompts, answers computed by [`crate::math`], tolerances,
//! known wrong answers with targeted messages, progressive hints and worked steps.
//!
//! The seed lesson's two problems are [`seed`]; [`extra`] adds four further kinds (ReLU′ and a
//! dead unit, the depth at which 0.25ⁿ falls below 10⁻ᵏ, where σ′ falls to a share of its
//! maximum, tanh against sigmoid). Each is built by a function of its numbers, so every message
//! and step uses the problem's own numbers; [`variant`] picks other numbers from a seed.

mod depth;
mod extra;
mod sigmoid_slope;
pub mod text;
mod variant;

use std::sync::OnceLock;

pub use depth::depth_problem;
pub use extra::{depth_limit_problem, flat_problem, relu_problem, tanh_problem};
pub use sigmoid_slope::sigmoid_slope_problem;
pub use variant::{set, variant, LESSON_SEED};

/// How an answer's number is meant to be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A plain number such as 0.0067 (a trailing % is read as ÷100 and graded like any number).
    Number,
    /// A percent: "2.7 %". The bare fraction 0.027 is diagnosed as a percent/fraction confusion.
    Percent,
    /// A percent ("2.7 %") or the same amount as a fraction ("0.027"); both are right.
    PercentOrFraction,
}

/// How close an answer must be: a relative error, never an absolute band, so 0 never passes
/// for a small answer such as 0.000032.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tolerance {
    /// Largest accepted |given − expected| / |expected|.
    pub relative: f64,
}

impl Tolerance {
    /// A tolerance of `relative` × |expected| around the expected value.
    pub const fn relative(relative: f64) -> Self {
        Tolerance { relative }
    }

    /// Whether `given` is within tolerance of `expected` (both must be finite).
    ///
    /// ```
    /// use vanishing_gradients::problems::Tolerance;
    /// let t = Tolerance::relative(0.01);
    /// assert!(t.accepts(0.000032, 0.0000321));
    /// assert!(!t.accepts(0.000032, 0.0));
    /// ```
    pub fn accepts(&self, expected: f64, given: f64) -> bool {
        expected.is_finite()
            && given.is_finite()
            && (given - expected).abs() <= self.relative * expected.abs()
    }
}

/// A wrong answer people are known to give, with the message that explains it.
#[derive(Debug, Clone, PartialEq)]
pub struct Mistake {
    /// A stable name for the mistake ("sigmoid-not-slope"), for tests and analytics.
    pub id: &'static str,
    /// The value the mistake produces, as a plain number (a percent is stored as its fraction).
    pub value: f64,
    /// What went wrong, phrased to follow "Not quite — " ("that looks like σ(5) ≈ 0.9933, …"),
    /// never claiming the learner typed exactly the mistake's value.
    pub message: String,
}

/// One answer box of a problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Stable id linking the HTML form to this answer ("p1-slope").
    pub id: &'static str,
    /// The text of the answer's label.
    pub label: String,
    /// A short name of the quantity for messages ("σ′(5)").
    pub quantity: String,
    /// The exact answer, computed by [`crate::math`]; percents are stored as fractions.
    pub expected: f64,
    /// How the answer is to be written.
    pub unit: UnitKind,
    /// How close is close enough.
    pub tolerance: Tolerance,
    /// Whether −expected is also right (a weight step's size, whichever way it goes).
    pub either_sign: bool,
    /// What a right answer means, phrased to follow "Correct — ".
    pub correct_note: String,
    /// Known wrong answers, tried in order.
    pub mistakes: Vec<Mistake>,
    /// Two or three progressive hints, the last one nearly the method in full.
    pub hints: Vec<String>,
    /// The worked solution, one step per entry, using this problem's numbers.
    pub solution: Vec<String>,
}

impl Answer {
    /// Whether `value` (a plain number; a percent already divided by 100) is right.
    pub fn accepts(&self, value: f64) -> bool {
        self.tolerance.accepts(self.expected, value)
            || (self.either_sign && self.tolerance.accepts(self.expected, -value))
    }

    /// The expected answer as people write it: "0.006648" or "2.66 %".
    pub fn expected_text(&self) -> String {
        match self.unit {
            UnitKind::Number => text::human(self.expected, 4),
            UnitKind::Percent | UnitKind::PercentOrFraction => text::percent(self.expected, 3),
        }
    }

    /// Adds a known mistake unless it is not finite, would itself be accepted as right, or is
    /// indistinguishable from a mistake already listed (so variants never contradict themselves).
    pub fn with_mistake(mut self, id: &'static str, value: f64, message: String) -> Self {
        let clashes = self.accepts(value)
            || self
                .mistakes
                .iter()
                .any(|m| self.tolerance.accepts(m.value, value) || self.tolerance.accepts(value, m.value));
        if value.is_finite() && value != 0.0 && !clashes {
            self.mistakes.push(Mistake { id, value, message });
        }
        self
    }
}

/// A practice problem: one question with its answer boxes in page order.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The seed's problems: the slide id ("practice-1"); the others: their own id ("more-relu").
    pub id: &'static str,
    /// The question as the lesson asks it.
    pub prompt: String,
    /// The answer boxes, in the order the page shows them.
    pub answers: Vec<Answer>,
}

/// Every problem with the lesson's numbers, built once: the seed's two, then the further four.
fn lesson_problems() -> &'static [Problem] {
    static ALL: OnceLock<Vec<Problem>> = OnceLock::new();
    ALL.get_or_init(|| {
        vec![
            sigmoid_slope_problem(5.0),
            depth_problem(5, 0.2, 0.1),
            relu_problem(3.0, -2.0),
            depth_limit_problem(6),
            flat_problem(0.1),
            tanh_problem(5),
        ]
    })
}

/// The seed lesson's practice problems: σ′(5) and its share of the maximum; the gradient after
/// five layers of 0.2 and the weight update with learning rate 0.1.
pub fn seed() -> &'static [Problem] {
    &lesson_problems()[..2]
}

/// The further problems of the "More practice" slide, with the lesson's numbers: ReLU′ at 3 and
/// at −2, the depth at which 0.25ⁿ falls below 10⁻⁶, where σ′ falls to 10 % of its maximum, and
/// tanh against sigmoid over 5 layers.
pub fn extra() -> &'static [Problem] {
    &lesson_problems()[2..]
}

/// Every problem with the lesson's numbers, in page order: [`seed`], then [`extra`].
pub fn all() -> impl Iterator<Item = &'static Problem> {
    lesson_problems().iter()
}

/// The answer with this id, with the lesson's numbers ("p1-slope", …, "p6-ratio").
pub fn answer(id: &str) -> Option<&'static Answer> {
    all().flat_map(|p| &p.answers).find(|a| a.id == id)
}

/// The progressive hints of an answer, with the lesson's numbers; empty for an unknown id.
pub fn hints(answer_id: &str) -> &'static [String] {
    answer(answer_id).map_or(&[], |a| a.hints.as_slice())
}

/// The worked solution steps of an answer, with the lesson's numbers; empty for an unknown id.
pub fn solution(answer_id: &str) -> &'static [String] {
    answer(answer_id).map_or(&[], |a| a.solution.as_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_has_four_answers_in_page_order() {
        let ids: Vec<_> = seed().iter().flat_map(|p| &p.answers).map(|a| a.id).collect();
        assert_eq!(ids, ["p1-slope", "p1-compare", "p2-gradient", "p2-update"]);
        assert_eq!(seed()[0].id, "practice-1");
        assert_eq!(seed()[1].id, "practice-2");
    }

    #[test]
    fn every_answer_has_hints_steps_and_no_self_contradicting_mistake() {
        for a in all().flat_map(|p| &p.answers) {
            assert!((2..=3).contains(&a.hints.len()), "{}", a.id);
            assert!(a.solution.len() >= 2, "{}", a.id);
            for m in &a.mistakes {
                assert!(!a.accepts(m.value), "{} {}", a.id, m.id);
            }
        }
        assert!(hints("nope").is_empty());
        assert!(solution("nope").is_empty());
    }

    #[test]
    fn expected_text_matches_the_lesson() {
        assert_eq!(answer("p1-compare").map(Answer::expected_text).as_deref(), Some("2.66 %"));
        assert_eq!(answer("p2-update").map(Answer::expected_text).as_deref(), Some("3.2 × 10⁻⁵"));
    }

    #[test]
    fn with_mistake_skips_values_that_would_be_right() {
        let a = answer("p2-gradient").cloned().map(|a| a.with_mistake("x", 0.00032, String::new()));
        assert!(a.is_some_and(|a| a.mistakes.iter().all(|m| m.id != "x")));
    }
}

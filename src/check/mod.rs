//! Answer checking: read what a learner typed, then grade it against a problem's answer.
//!
//! [`read`] turns text into a [`Reading`]; [`check`] grades it against an
//! [`Answer`](crate::problems::Answer) and returns a [`Verdict`]; [`Progress`] keeps attempts,
//! hints and verdicts per answer and round-trips them through a compact string.

mod expr;
mod format;
mod grade;
mod lex;
mod parse;
mod progress;

pub use format::read_as;
pub use grade::{check, Diagnosis, Verdict, VerdictKind, ACCEPTED_FORMS};
pub use parse::{read, ReadError, ReadProblem, Reading, MAX_CHARS, MAX_DEPTH};
pub use progress::{AnswerProgress, Progress};

/// Checks `input` against the seed answer with this id; `None` for an unknown id.
///
/// ```
/// use vanishing_gradients::check::check_seed;
/// let v = check_seed("p1-slope", "0.0067").unwrap();
/// assert_eq!(v.verdict_word(), "correct");
/// assert!(v.message.starts_with("Correct"));
/// ```
pub fn check_seed(answer_id: &str, input: &str) -> Option<Verdict> {
    crate::problems::answer(answer_id).map(|a| check(a, input))
}

//! Grades a reading against an [`Answer`]: correct, incorrect with a diagnosis, or invalid.

use super::format::read_as;
use super::lex::is_invisible;
use super::parse::{read, ReadProblem, Reading};
use crate::problems::text::{human, plain, round_sig, superscript};
use crate::problems::{Answer, Tolerance, UnitKind};

/// The three outcomes of checking an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerdictKind {
    /// Within tolerance of the answer.
    Correct,
    /// Read, but wrong; counts as an attempt.
    Incorrect,
    /// Could not be taken as an answer; does not count as an attempt.
    Invalid,
}

impl VerdictKind {
    /// "correct", "incorrect" or "invalid", as the page's `data-verdict` wants it.
    pub fn word(self) -> &'static str {
        match self {
            VerdictKind::Correct => "correct",
            VerdictKind::Incorrect => "incorrect",
            VerdictKind::Invalid => "invalid",
        }
    }

    /// The kind named by [`VerdictKind::word`].
    pub fn from_word(word: &str) -> Option<Self> {
        [VerdictKind::Correct, VerdictKind::Incorrect, VerdictKind::Invalid]
            .into_iter()
            .find(|k| k.word() == word)
    }
}

/// What the checker recognised about a wrong or unreadable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Diagnosis {
    /// Nothing typed.
    Empty,
    /// Longer than the reader accepts.
    TooLong,
    /// Not a form the reader knows.
    Unreadable,
    /// Read, but without a finite value (1e999, 1/0).
    NotFinite,
    /// The right number without the % sign the box asks for (invalid).
    MissingPercent,
    /// A fraction given as a percent or the other way round.
    PercentFraction,
    /// One of the answer's listed mistakes, by id.
    Mistake(&'static str),
    /// The right size with the wrong sign.
    WrongSign,
    /// Exactly zero for an answer that is not.
    Zero,
    /// The right digits off by this power of ten (positive: too large).
    PowerOfTen(i32),
    /// The right value rounded to too few significant figures.
    TooRounded,
}

impl Diagnosis {
    /// A stable short name ("power-of-ten"; a listed mistake gives its own id).
    pub fn code(&self) -> &'static str {
        match self {
            Diagnosis::Empty => "empty",
            Diagnosis::TooLong => "too-long",
            Diagnosis::Unreadable => "unreadable",
            Diagnosis::NotFinite => "not-finite",
            Diagnosis::MissingPercent => "missing-percent",
            Diagnosis::PercentFraction => "percent-fraction",
            Diagnosis::Mistake(id) => id,
            Diagnosis::WrongSign => "wrong-sign",
            Diagnosis::Zero => "zero",
            Diagnosis::PowerOfTen(_) => "power-of-ten",
            Diagnosis::TooRounded => "too-rounded",
        }
    }
}

/// The result of checking one typed answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// Correct, incorrect or invalid.
    pub kind: VerdictKind,
    /// The feedback, starting "Correct", "Not quite" or "Can't read".
    pub message: String,
    /// How the answer was read ("3.2 × 10⁻⁵"), when it could be read.
    pub read_as: Option<String>,
    /// What was recognised about a wrong or unreadable answer.
    pub diagnosis: Option<Diagnosis>,
}

impl Verdict {
    /// "correct", "incorrect" or "invalid".
    pub fn verdict_word(&self) -> &'static str {
        self.kind.word()
    }

    /// Whether this check counts as an attempt (an invalid answer does not).
    pub fn counts_as_attempt(&self) -> bool {
        self.kind != VerdictKind::Invalid
    }

    /// The "Read as …" line to show under the answer, if it was read.
    pub fn read_as_line(&self) -> Option<String> {
        self.read_as.as_ref().map(|r| format!("Read as {r}"))
    }

    fn new(kind: VerdictKind, message: String, read_as: Option<String>, diagnosis: Option<Diagnosis>) -> Self {
        Verdict { kind, message, read_as, diagnosis }
    }
}

/// The forms the reader accepts, with examples that give nothing away.
pub const ACCEPTED_FORMS: &str = "Type a number such as 0.0042, 4.2e-3, 4.2 × 10^-3 or 12 %, a fraction such as 1/8, or an expression such as 0.3^2 or exp(-2).";

/// The typed answer as it may be quoted back: trimmed, at most 24 characters, invisible
/// characters (controls, direction marks) replaced.
fn echo(input: &str) -> String {
    let trimmed = input.trim();
    let mut out: String = trimmed
        .chars()
        .take(24)
        .map(|c| if is_invisible(c) { '\u{FFFD}' } else { c })
        .collect();
    if trimmed.chars().nth(24).is_some() {
        out.push('…');
    }
    out
}

/// Checks `input` against `answer`.
///
/// ```
/// use vanishing_gradients::check::check;
/// use vanishing_gradients::problems::answer;
/// let p2 = answer("p2-gradient").unwrap();
/// assert_eq!(check(p2, "0.2^5").verdict_word(), "correct");
/// assert_eq!(check(p2, "0").verdict_word(), "incorrect");
/// assert_eq!(check(p2, "").verdict_word(), "invalid");
/// ```
pub fn check(answer: &Answer, input: &str) -> Verdict {
    let reading = match read(input) {
        Ok(reading) => reading,
        Err(e) => {
            let (diagnosis, message) = match e.problem {
                ReadProblem::Empty => (Diagnosis::Empty, format!("Can't read an empty answer. {ACCEPTED_FORMS}")),
                ReadProblem::TooLong => (Diagnosis::TooLong, format!("Can't read this: {}.", e.detail)),
                ReadProblem::Syntax => (
                    Diagnosis::Unreadable,
                    format!("Can't read “{}”: {}. {ACCEPTED_FORMS}", echo(input), e.detail),
                ),
                ReadProblem::NotFinite => (
                    Diagnosis::NotFinite,
                    format!("Can't read “{}” as a number: {}.", echo(input), e.detail),
                ),
            };
            return Verdict::new(VerdictKind::Invalid, message, None, Some(diagnosis));
        }
    };
    let shown = read_as(&reading);
    let (kind, message, diagnosis) = grade(answer, &reading, input);
    Verdict::new(kind, message, Some(shown), diagnosis)
}

fn grade(answer: &Answer, r: &Reading, input: &str) -> (VerdictKind, String, Option<Diagnosis>) {
    use VerdictKind::{Correct, Incorrect, Invalid};
    let v = r.value;
    let typed = human(r.typed_value, 12);
    let typed_with_unit = if r.percent { format!("{typed} %") } else { typed.clone() };
    let percent_box = matches!(answer.unit, UnitKind::Percent | UnitKind::PercentOrFraction);
    let wrong = |d: Diagnosis, text: String| (Incorrect, format!("Not quite — {text}"), Some(d));

    if answer.accepts(v) {
        if answer.unit == UnitKind::Percent && !r.percent {
            return wrong(
                Diagnosis::PercentFraction,
                format!("{typed} is the fraction, and this box asks for a percent: multiply by 100 and write the % sign."),
            );
        }
        return (Correct, correct_message(answer, r), None);
    }
    if percent_box && !r.percent && answer.accepts(v / 100.0) {
        let or_fraction = if answer.unit == UnitKind::PercentOrFraction {
            format!(", or give the fraction, {}", human(v / 100.0, 12))
        } else {
            String::new()
        };
        return (
            Invalid,
            format!(
                "Can't read “{}” as a share without its % sign: write {typed} %{or_fraction}.",
                echo(input)
            ),
            Some(Diagnosis::MissingPercent),
        );
    }
    if r.percent && answer.accepts(v * 100.0) {
        let advice = if percent_box {
            format!("{typed} is already the fraction; as a percent, multiply it by 100.")
        } else {
            format!("{} is a plain number here: leave out the % sign.", answer.quantity)
        };
        return wrong(
            Diagnosis::PercentFraction,
            format!("{typed} % means {typed} ÷ 100. {advice}"),
        );
    }
    // A mistake is recognised within the answer's tolerance, and never more strictly than 1 %
    // (an exact answer such as a slope of 1 still recognises σ′(3) ≈ 0.0452 typed as 0.045).
    let near_mistake = Tolerance::relative(answer.tolerance.relative.max(0.01));
    if let Some(m) = answer.mistakes.iter().find(|m| near_mistake.accepts(m.value, v)) {
        return wrong(Diagnosis::Mistake(m.id), m.message.clone());
    }
    if answer.accepts(-v) {
        let sign = if answer.expected > 0.0 { "positive" } else { "negative" };
        return wrong(
            Diagnosis::WrongSign,
            format!("the size is right, but the sign isn't: {} is {sign}.", answer.quantity),
        );
    }
    if v == 0.0 {
        let (small, tip) = if answer.expected.abs() < 0.1 {
            ("small, but ", " If the decimals get long, scientific notation such as 3.2e-4 helps.")
        } else {
            ("", "")
        };
        return wrong(Diagnosis::Zero, format!("{} is {small}not zero.{tip}", answer.quantity));
    }
    if let Some(k) = power_of_ten_slip(answer, v) {
        let factor = match k.unsigned_abs() {
            1 => "10".to_string(),
            2 => "100".to_string(),
            3 => "1000".to_string(),
            n => format!("10{}", superscript(i64::from(n))),
        };
        let direction = if k > 0 { "large" } else { "small" };
        return wrong(
            Diagnosis::PowerOfTen(k),
            format!("the digits look right, but the size is off by a power of ten: your answer is {factor} times too {direction}. Count the decimal places again."),
        );
    }
    if let Some(s) = r.sig_figs.filter(|&s| s >= 1) {
        let s = s as usize;
        let rounded = round_sig(answer.expected, s);
        if (rounded.abs() - v.abs()).abs() <= 1e-9 * rounded.abs() {
            let needed = (s + 1..=12)
                .find(|&n| answer.accepts(round_sig(answer.expected, n)))
                .unwrap_or(s + 1);
            return wrong(
                Diagnosis::TooRounded,
                format!("close, but {typed_with_unit} is rounded too far: give at least {needed} significant figures."),
            );
        }
    }
    (
        Incorrect,
        format!("Not quite — that isn't {}. Check your working, or open a hint.", answer.quantity),
        None,
    )
}

/// The power of ten k ≠ 0 with v ≈ expected × 10ᵏ, if there is one (|k| ≤ 20).
fn power_of_ten_slip(answer: &Answer, v: f64) -> Option<i32> {
    let ratio = (v / answer.expected).abs();
    if !ratio.is_finite() || ratio == 0.0 {
        return None;
    }
    let k = ratio.log10().round();
    if k == 0.0 || k.abs() > 20.0 {
        return None;
    }
    let k = k as i32;
    answer.accepts(v / 10f64.powi(k)).then_some(k)
}

fn correct_message(answer: &Answer, r: &Reading) -> String {
    let mut message = format!("Correct — {}", answer.correct_note);
    if answer.unit == UnitKind::PercentOrFraction && !r.percent {
        message.push_str(&format!(
            " (The fraction {} is the same as {} %.)",
            human(r.value, 12),
            plain(r.value * 100.0, 6)
        ));
    }
    if answer.either_sign && r.value < 0.0 {
        message.push_str(" (The minus sign gives the direction of the step; its size is what was asked.)");
    }
    message
}
